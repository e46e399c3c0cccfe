"""benchmarks/accuracy.py on a two-page, two-extractor dataset written for this test.

The expected figures are worked out by hand in the comments: "alpha" adds an
ad marker to page 1, "beta" puts a photo credit and a reading time above each
page; cleannews removes all three and nothing else.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

TESTS = Path(__file__).parent
ROOT = TESTS.parent
SHARED = ROOT.parent / "shared"
DATA = TESTS / "data" / "accuracy"


def _accuracy() -> ModuleType:
    spec = importlib.util.spec_from_file_location("accuracy", ROOT / "benchmarks" / "accuracy.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["accuracy"] = module
    spec.loader.exec_module(module)
    return module


def _run(*args: str) -> list[str]:
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "accuracy.py"), *args],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.splitlines()


def test_table_rows() -> None:
    lines = _run(str(DATA))
    rows = {line.split()[0]: line.split()[1:] for line in lines[1:4]}
    assert rows["gold"] == ["1.000/0.00/0.000", "1.000/0.00/0.000"]
    # alpha, page 1: 11 gold shingles + 1 extra -> P 11/12; page 2 exact.
    # P = (11/12 + 1) / 2 = 23/24, R = 1 -> F1 = 46/47 = 0.979. One junk line.
    assert rows["alpha"] == ["0.979/0.00/0.000", "1.000/1.00/0.000"]
    # beta: 4 extra shingles on each page -> P = 11/15, F1 = 22/26 = 0.846.
    assert rows["beta"] == ["0.846/0.00/0.000", "1.000/1.00/0.000"]


def test_summary_and_mean_lines() -> None:
    lines = _run(str(DATA))
    # Only alpha is "good" (0.979 >= 0.85); the mean F1 change is
    # ((1 - 46/47) + (1 - 22/26)) / 2 = 0.0876, the worst is alpha's 1/47 = 0.0213.
    assert (
        lines[-3]
        == "MEAN none           F1 0.9124  (none 0.9124)  junk 0.000  loss 0.0000  gold-loss 0.0000"
    )
    assert lines[-2] == (
        "SUMMARY cleannews    good-extractors=1 junk 1.000 loss 0.0000 gold-loss 0.0000"
        " meanΔF1 +0.0876 worstΔF1 +0.0213 (alpha)"
    )
    assert (
        lines[-1]
        == "MEAN cleannews      F1 1.0000  (none 0.9124)  junk 1.000  loss 0.0000  gold-loss 0.0000"
    )


def test_content_loss_is_counted() -> None:
    accuracy = _accuracy()
    gold, outputs = accuracy.load(DATA, "alpha")
    first_line_only = accuracy.score(gold, outputs["alpha"], lambda text: text.split("\n")[0])
    # Each page keeps its first line: 2 of 4 content lines lost, the ad line gone too.
    assert (first_line_only.content_lines, first_line_only.content_removed) == (4, 2)
    assert (first_line_only.junk_lines, first_line_only.junk_removed) == (1, 1)
    assert first_line_only.loss == 0.5
    assert [line for _, line in first_line_only.lost] == [
        "Construction will take three years.",
        "Rivers may rise by one metre.",
    ]


def test_a_folder_without_gold_is_a_usage_error(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "accuracy.py"), str(tmp_path)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert "no gold.json" in done.stderr
    assert done.stdout == ""


def test_agrees_with_the_shared_scorer(shared_data: Path) -> None:
    scorer = SHARED / "tools" / "score.py"
    if not scorer.is_file():
        pytest.skip("../shared/tools/score.py is not present")
    theirs = subprocess.run(
        [sys.executable, str(scorer), "--data", str(DATA), "--cleaners", "none,cleannews"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    assert _run(str(DATA)) == theirs
