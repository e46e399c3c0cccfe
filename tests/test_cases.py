"""Golden cases: tests/cases/NAME.in.txt cleans to NAME.out.txt, byte for byte.

Files are read with ``newline=""`` so CRLF and lone CR line endings reach the
cleaner as they are on disk. Each case also checks that cleaning the output
again changes nothing and that the removals replay onto the input.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import cleannews
from cleannews import apply_removals

CASES = Path(__file__).parent / "cases"
NAMES = sorted(path.name.removesuffix(".in.txt") for path in CASES.glob("*.in.txt"))


def _read(path: Path) -> str:
    with path.open(encoding="utf-8", newline="") as handle:
        return handle.read()


def test_every_case_has_both_halves() -> None:
    outputs = sorted(path.name.removesuffix(".out.txt") for path in CASES.glob("*.out.txt"))
    assert outputs == NAMES
    assert len(NAMES) >= 10


@pytest.mark.parametrize("name", NAMES)
def test_case(name: str) -> None:
    original = _read(CASES / f"{name}.in.txt")
    expected = _read(CASES / f"{name}.out.txt")
    result = cleannews.clean_and_explain(original)
    assert result.text == expected
    assert apply_removals(original, result.removals) == result.text
    again = cleannews.clean_and_explain(result.text)
    assert again.removals == ()
    assert again.text == result.text
