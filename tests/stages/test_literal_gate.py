"""literal_gate.lines_holding: each line holding the literal, once, in order."""

from __future__ import annotations

import pytest

from cleannews.document import Document
from cleannews.stages.literal_gate import lines_holding


@pytest.mark.parametrize("ending", ["\n", "\r\n", "\r"])
def test_every_line_holding_the_literal_once_in_order(ending: str) -> None:
    lines = ["a: b: c", "none", ":", "x]:y ]:", "", "end:"]
    doc = Document(ending.join(lines))  # no line break after the last line
    assert lines_holding(doc, ":") == [0, 2, 3, 5]
    assert lines_holding(doc, "]:") == [3]
    assert lines_holding(doc, "]]") == []


def test_agrees_with_a_line_by_line_search() -> None:
    text = "".join(f"line {i}{':' * (i % 3 == 0)} ]{':' * (i % 5 == 0)}\n" for i in range(60))
    doc = Document(text)
    for literal in (":", "]:", " ]"):
        assert lines_holding(doc, literal) == [
            i for i, line in enumerate(doc.lines) if literal in line
        ]
