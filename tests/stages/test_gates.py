"""gates.lines_holding: each line holding the literal, once, in order."""

from __future__ import annotations

from typing import Any

import pytest

from cleannews.document import Document
from cleannews.stages.gates import lines_holding


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


def needs_one_of(source: str, flags: int, chars: str) -> bool:
    """Whether every match of ``source`` takes at least one of ``chars`` (proved from its parse)."""
    try:
        from re import _constants as c  # type: ignore[attr-defined]
        from re import _parser as parser  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover - Python 3.10
        import sre_constants as c
        import sre_parse as parser

    def sequence(items: Any) -> bool:
        return any(item(op, value) for op, value in items)

    def item(op: Any, value: Any) -> bool:
        if op is c.LITERAL:
            return chr(value) in chars
        if op is c.IN:  # a class made only of the characters
            return all(kind is c.LITERAL and chr(arg) in chars for kind, arg in value)
        if op is c.BRANCH:
            return all(sequence(alternative) for alternative in value[1])
        if op is c.SUBPATTERN:
            return sequence(value[3])
        if op in (c.MAX_REPEAT, c.MIN_REPEAT):
            return value[0] >= 1 and sequence(value[2])
        return False  # anything else may match without them

    return sequence(parser.parse(source, flags))


def test_needs_one_of_tells_a_pattern_that_can_do_without() -> None:
    assert needs_one_of(r"a*<b|(?:x=)+", 0, "<=")
    assert not needs_one_of(r"a|<b", 0, "<")
    assert not needs_one_of(r"(?:<)?b", 0, "<")
    assert not needs_one_of(r"[<a]", 0, "<")


def test_every_markup_rule_needs_a_gate_character() -> None:
    from cleannews.stages import markup

    for source in markup.MarkupStage.patterns.values():
        assert needs_one_of(source, markup.MarkupStage.flags, "".join(markup._MARKS)), source
