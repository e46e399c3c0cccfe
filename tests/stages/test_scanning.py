"""Whole-line scanners: built from one parse, they must be the pattern compiled from its source."""

from __future__ import annotations

import re

import pytest

from cleannews import registry
from cleannews.stages.base import SPACE, LinePatternStage
from cleannews.stages.scanning import first_characters, line_scanner, parsed_scanner

try:
    from re import _compiler as _compile  # type: ignore[attr-defined]
    from re import _parser as _parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_compile as _compile
    import sre_parse as _parse

BODIES = [
    r"(?=\S)(?:(?P<marker>advert(?:isement)?|anzeige)|(?P<phrase>read\s+more))",
    r"(?P<dressed>[\[(]?sponsored[\])]?)",
    r"(?P<anything>.+)",  # no gate: a match can start with any character
    r"(?P<digit>\d+\s*min(?:ute)?s?)",
    r"(?P<cjk>广告|広告)|(?P<cyrillic>реклама)",
]


def _line_pattern_bodies() -> list[tuple[str, int]]:
    stages = registry.builtins().values()
    return [(cls._body(), cls.flags) for cls in stages if issubclass(cls, LinePatternStage)]


def _reference(body: str, flags: int) -> str:
    """The scanner's source as it was written before it was built from one parse."""
    first = first_characters(body, flags)
    gate = rf"(?=(?:{SPACE})*[{first}])" if first else ""
    return rf"\n{gate}(?:{SPACE})*(?:{body})(?:{SPACE})*(?=\n|\Z)"


@pytest.mark.parametrize(
    ("body", "flags"),
    [(body, re.IGNORECASE) for body in BODIES] + [(BODIES[0], 0), *_line_pattern_bodies()],
)
def test_scanner_is_the_pattern_compiled_from_its_source(body: str, flags: int) -> None:
    scanner = line_scanner(body, flags, SPACE)
    source = _reference(body, flags)
    reference = re.compile(source, flags)
    assert scanner.pattern == source
    assert scanner.flags == reference.flags
    assert scanner.groups == reference.groups
    assert scanner.groupindex == reference.groupindex
    # The same program for the regex engine, instruction for instruction.
    ours_source, ours = parsed_scanner(body, flags, SPACE)
    assert ours_source == source
    assert _compile._code(ours, flags) == _compile._code(_parse.parse(source, flags), flags)


def test_scanner_finds_whole_lines() -> None:
    scanner = line_scanner(BODIES[0], re.IGNORECASE, SPACE)
    text = "\nThe port reopened.\n  Advertisement \nREAD  MORE\nadvertising\n"
    found = [(match.start(), match.lastgroup) for match in scanner.finditer(text)]
    assert found == [(19, "marker"), (36, "phrase")]
