"""benchmarks/stage_cost.py: its windows and its replay of removals are true to the pipeline."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from cleannews import Options, Pipeline

ROOT = Path(__file__).resolve().parent.parent

ARTICLE = """\ufeffReading time: 3 minutes
Advertisement

The ferry company said on Tuesday that it would add two crossings a day.AdvertisementThe
union welcomed the plan.
Read more: Ferry prices to rise in spring
Photo: Harbour Authority

Fahrgäste müssen sich auf längere Wartezeiten einstellen, sagte eine Sprecherin.
Share this article
"""


@pytest.fixture(scope="module")
def stage_cost() -> ModuleType:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        spec = importlib.util.spec_from_file_location(
            "stage_cost", ROOT / "benchmarks" / "stage_cost.py"
        )
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    return module


def test_windows_cut_after_line_breaks_and_join_to_the_text(
    stage_cost: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(stage_cost, "WINDOW", 50)
    text = ARTICLE * 3
    pieces = stage_cost.windows(text)
    assert len(pieces) > 3
    assert "".join(pieces) == text
    assert all(piece.endswith("\n") for piece in pieces)


def test_recorded_removals_are_the_rounds_own(stage_cost: ModuleType) -> None:
    texts = [ARTICLE, ARTICLE.replace("\n", "\r\n"), "Nothing to remove here.\n"]
    once = Pipeline(Options(single_pass=True))
    done = stage_cost.record(stage_cost.plan_removals(texts))
    for text, (made, clean) in zip(texts, done, strict=True):
        result = once.run(text)
        assert made == list(result.removals)
        assert clean == result.text
    made, _ = done[0]
    assert any(removal.partial for removal in made), "a part of a line goes too"
    assert any(not removal.partial for removal in made)
