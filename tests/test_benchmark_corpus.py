"""benchmarks/corpus.py makes articles with every kind of residue the default stages remove."""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import cleannews
from cleannews import registry

ROOT = Path(__file__).resolve().parents[1]


def _corpus() -> ModuleType:
    spec = importlib.util.spec_from_file_location("corpus", ROOT / "benchmarks" / "corpus.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("corpus", module)
    spec.loader.exec_module(module)
    return module


def test_the_corpus_exercises_every_default_stage_but_the_rarest() -> None:
    corpus = _corpus()
    removed: Counter[str] = Counter()
    articles = list(corpus.articles(400_000, seed=3))
    for text in articles:
        for removal in cleannews.clean_and_explain(text).removals:
            removed[removal.stage] += removal.end_line - removal.start_line + 1
    # author_box and reading_time residue is rarer than one page in a hundred.
    expected = set(registry.default_names()) - {"author_box", "reading_time"}
    assert expected <= set(removed)
    # Link reference lists are the most common residue line, as on real pages.
    assert removed.most_common(1)[0][0] == "links"


def test_the_same_seed_gives_the_same_corpus() -> None:
    corpus = _corpus()
    first = list(corpus.articles(50_000, seed=9))
    assert first == list(corpus.articles(50_000, seed=9))
    assert first != list(corpus.articles(50_000, seed=10))
