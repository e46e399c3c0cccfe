"""gates.lines_holding: each line holding the literal, once, in order."""

from __future__ import annotations

from typing import Any

import pytest

from cleannews.document import Document
from cleannews.stages.base import LinePatternStage
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


def _gate_lines(pattern: str, flags: int, lines: list[str], depth: int = 3) -> list[int]:
    from cleannews.stages.base import SPACE
    from cleannews.stages.gates import PrefixGate

    return PrefixGate(pattern, flags, SPACE, depth).lines(Document("\n".join(lines)))


def test_prefix_gate_lets_through_the_lines_a_pattern_can_start() -> None:
    import re

    pattern = r"(?:share|(?-i:X)yz)\s*|\d{1,3}|ab"
    lines = [
        "SHARE",  # 0: another case
        "sHaRe this",  # 1: only the start counts
        "\u200b\xa0 share",  # 2: after leading spaces
        "\u017fhare",  # 3: a long s, which IGNORECASE takes for "s"
        "Xyz",  # 4
        "xyz",  # 5: X is case-sensitive
        "12",  # 6
        "ab",  # 7: a whole match shorter than the depth
        "a",  # 8
        "The share",  # 9
        "",  # 10
    ]
    assert _gate_lines(pattern, re.IGNORECASE, lines) == [0, 1, 2, 3, 4, 6, 7]


def test_prefix_gate_repeats_and_optional_parts() -> None:
    # "-" may repeat before the word; "(?:no )?" may be left out.
    pattern = r"-*(?:no\s)?(?=\w)go\b"
    lines = ["go", "---go", "no go", "no-go", "gone", "on"]
    assert _gate_lines(pattern, 0, lines) == [0, 1, 2, 4]
    assert _gate_lines(pattern, 0, lines, depth=1) == [0, 1, 2, 3, 4]


def test_the_chrome_gate_misses_no_line_of_the_examples_and_cases() -> None:
    from pathlib import Path

    from cleannews.stages.chrome import ChromeStage
    from cleannews.stages.gates import prefix_gate

    root = Path(__file__).resolve().parents[2]
    files = [*root.glob("examples/*.txt"), *root.glob("tests/cases/*.txt")]
    assert len(files) > 10
    matcher = ChromeStage.line_matcher()
    matched = 0
    for path in files:
        doc = Document(path.read_text(encoding="utf-8", errors="surrogateescape"))
        gate = set(prefix_gate(ChromeStage).lines(doc))
        for index, line in enumerate(doc.lines):
            if matcher.fullmatch(line):
                matched += 1
                assert index in gate, (path.name, line)
    assert matched > 5


def _variants(samples: list[str], count: int, seed: int) -> list[str]:
    """Lines made from ``samples``: random case, leading and trailing spaces and marks."""
    import random

    generator = random.Random(seed)
    spaces = [" ", "\t", "\xa0", "\u2003", "\u200b", "\ufeff", "\u3000"]
    marks = ["", "", "- ", "* ", "• ", "## ", "> ", "[", "12 ", "3.5k "]
    ends = ["", "", ".", ":", "!", "…", ")", "**", " |"]
    lines = []
    for _ in range(count):
        text = generator.choice(samples)
        text = "".join(c.upper() if generator.random() < 0.3 else c for c in text)
        lead = "".join(generator.choices(spaces, k=generator.randint(0, 3)))
        tail = "".join(generator.choices(spaces, k=generator.randint(0, 2)))
        lines.append(lead + generator.choice(marks) + text + generator.choice(ends) + tail)
    return lines


@pytest.mark.parametrize("stage_name", ["chrome", "widgets"])
def test_no_gate_misses_a_line_its_rules_match(stage_name: str) -> None:
    from cleannews import registry
    from cleannews.stages.chrome import ChromeStage
    from cleannews.stages.gates import prefix_gate
    from cleannews.stages.widgets import widget_candidates

    stage = registry.builtins()[stage_name]
    samples = [
        "Share",
        "share | tweet",
        "Loading",
        "1 of 12",
        "Close",
        "less",
        "Comments",
        "view all comments",
        "Ann commented on",
        "Like this",
        "we use cookies to help",
        "Cookie settings",
        "Reply",
        "Комментарии",
        "5 min",
        "Photo 2/9",
        "×",
    ]
    lines = _variants(samples, 3000, seed=7)
    doc = Document("\n".join(lines))
    matcher = stage.line_matcher()
    matched = [i for i, line in enumerate(lines) if matcher.fullmatch(line)]
    assert len(matched) > 50  # the variants do exercise the rules
    if stage is ChromeStage:
        gate = set(prefix_gate(ChromeStage).lines(doc))
    else:
        gate = set(widget_candidates(doc))
    assert [lines[i] for i in matched if i not in gate] == []


def test_prefix_gate_keeps_special_characters_literal() -> None:
    pattern = r"[\]\-^\\]x|\.\*|\x00y|[^a-z]q"
    lines = ["]x", "-x", "^x", "\\x", ".*", "\x00y", "Aq", "aq", "ax", "x"]
    assert _gate_lines(pattern, 0, lines) == [0, 1, 2, 3, 4, 5, 6]


@pytest.mark.parametrize("stage_name", ["ads", "reading_time", "chrome"])
def test_the_first_class_takes_every_character_a_first_atom_takes(stage_name: str) -> None:
    """The class the gate looks at first is a superset of its trie's first step,
    tried on every code point, with the stage's own flags (case folding included)."""
    import re

    from cleannews import registry
    from cleannews.stages import gates

    try:
        from re import _parser as parser  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover - Python 3.10
        import sre_parse as parser

    stage = registry.builtins()[stage_name]
    assert issubclass(stage, LinePatternStage)
    flags = int(stage.flags)
    found = gates._sequence(list(parser.parse(stage._body(), flags)), 3, flags, flags)
    first = gates._first_class(found)
    assert first  # these stages' rules start with plain characters and classes
    atoms = "|".join(sorted({prefix[0] for prefix in found}))
    every = "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code < 0xE000)
    by_atom = {match.start() for match in re.finditer(f"(?:{atoms})", every, flags)}
    by_class = {match.start() for match in re.finditer(first, every, flags)}
    assert len(by_atom) > 20
    assert by_atom <= by_class


def test_no_first_class_for_a_negated_or_flagged_first_atom() -> None:
    from cleannews.stages import gates

    assert gates._first_class({("[^x]", "a"), ("b",)}) == ""
    assert gates._first_class({("(?-i:B)",), ("c",)}) == ""
    assert gates._first_class({(), ("c",)}) == ""
    assert gates._first_class({("[\\d]", "x"), ("c", "d")}) == "[\\dc]"
