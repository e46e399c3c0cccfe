"""The example articles under examples/ clean to the companions checked in beside them.

The companions were produced by cleannews and then read line by line by a person;
this test keeps them true as the stages change.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import cleannews
from cleannews import apply_removals, registry

EXAMPLES = Path(__file__).parent.parent / "examples"
ARTICLES = sorted(EXAMPLES.glob("*.txt"))


def _read(path: Path) -> str:
    with path.open(encoding="utf-8", newline="") as handle:
        return handle.read()


def test_the_demo_articles_exist() -> None:
    names = {path.name for path in ARTICLES}
    assert {"en-harbour-strike.txt", "de-stadtrat.txt"} <= names
    assert len({name.split("-")[0] for name in names}) >= 5, "examples in several languages"


@pytest.mark.parametrize("article", ARTICLES, ids=lambda path: path.stem)
def test_example_cleans_to_its_companion(article: Path) -> None:
    original = _read(article)
    result = cleannews.clean_and_explain(original)
    assert result.text == _read(EXAMPLES / "clean" / article.name)
    assert apply_removals(original, result.removals) == result.text
    assert cleannews.clean(result.text) == result.text


def test_examples_exercise_every_default_stage() -> None:
    stages = {
        removal.stage
        for article in ARTICLES
        for removal in cleannews.clean_and_explain(_read(article)).removals
    }
    assert stages == set(registry.default_names())
