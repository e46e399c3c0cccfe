"""Whole-line scanners that cost little on the lines they cannot match.

A ``^...$`` pattern with ``re.MULTILINE`` is tried at every character of the
text. Written as ``\\n...`` and run over the text with a ``\\n`` in front
(:attr:`~cleannews.document.Document.scan_text`), the regex engine jumps from
line break to line break in C and tries the pattern once per line. A lookahead
on the first character a match can start with (worked out from the pattern
itself) then turns most lines away before the big alternation of rules is
tried branch by branch.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from cleannews import regexcache

# The regex parser is internal to the standard library; it moved in 3.11.
try:
    from re import _constants as _sre  # type: ignore[attr-defined]
    from re import _parser as _parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _sre
    import sre_parse as _parse

_CATEGORIES = {
    _sre.CATEGORY_DIGIT: r"\d",
    _sre.CATEGORY_NOT_DIGIT: r"\D",
    _sre.CATEGORY_SPACE: r"\s",
    _sre.CATEGORY_NOT_SPACE: r"\S",
    _sre.CATEGORY_WORD: r"\w",
    _sre.CATEGORY_NOT_WORD: r"\W",
}
_REPEATS = {
    op
    for op in (
        _sre.MAX_REPEAT,
        _sre.MIN_REPEAT,
        getattr(_sre, "POSSESSIVE_REPEAT", None),
    )
    if op is not None
}
_ZERO_WIDTH = {_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT}


class _Unknown(ValueError):
    """A construct whose first characters are not worked out: scan without a gate."""


def line_scanner(body: str, flags: int, space: str) -> re.Pattern[str]:
    """A scanner for lines that are, whole, ``space* body space*``.

    Run it over the text with a ``\\n`` in front and line breaks as ``\\n``; each
    match starts at the ``\\n`` before the line, so its start is the line's
    offset in the text without the ``\\n`` in front.
    """
    flags = int(flags)  # as re.compile does: the parser and compiler test bits of it often
    # Building the scanner (parsing, working out the gate, compiling) costs
    # more than cleaning a short text; regexcache keeps the result between runs.
    key = f"line_scanner\0{body}\0{space}"
    return regexcache.compile_made(key, flags, lambda: parsed_scanner(body, flags, space))


def parsed_scanner(body: str, flags: int, space: str) -> tuple[str, Any]:
    """The scanner's source and its parsed form (None if it must be parsed from the source).

    Parsing a big alternation costs as much as the rest of compiling it, and
    the gate needs the parsed body too: the pattern without the gate is parsed
    once, the gate worked out from its body, and the parsed gate put in front
    of it, instead of parsing the body a second time.
    """
    flags = int(flags)
    parsed = _parse.parse(_scanner_source(body, space, ""), flags)
    body_items = _body_items(parsed)
    if body_items is None:  # pragma: no cover - a parser that lays patterns out otherwise
        return _scanner_source(body, space, _gate(first_characters(body, flags), space)), None
    gate = _gate(_first_characters_of(body_items, flags), space)
    if gate:
        parsed.data[1:1] = _parse.parse(gate, flags).data
    return _scanner_source(body, space, gate), parsed


def _scanner_source(body: str, space: str, gate: str) -> str:
    return rf"\n{gate}(?:{space})*(?:{body})(?:{space})*(?=\n|\Z)"


def _gate(first: str | None, space: str) -> str:
    """A lookahead that turns away lines not starting with one of ``first``."""
    return rf"(?=(?:{space})*[{first}])" if first else ""


def _body_items(parsed: Any) -> list[Any] | None:
    """The parsed body of ``\\n space* (body) space* (?=\\n|\\Z)``: all but two items each end."""
    data = parsed.data
    if (
        len(data) > 4
        and data[0] == (_sre.LITERAL, 10)
        and data[1][0] in _REPEATS
        and data[-2][0] in _REPEATS
        and data[-1][0] is _sre.ASSERT
    ):
        return list(data[2:-2])
    return None


def first_characters(pattern: str, flags: int) -> str | None:
    """A character class body holding every character a match can start with.

    None when a match can be empty or start with almost anything (``.``, a
    negated class, a back-reference); then a scan needs every line tried.
    """
    flags = int(flags)  # a RegexFlag's bit tests cost a Python call each
    return _first_characters_of(_parse.parse(pattern, flags), flags)


def _first_characters_of(sequence: Any, flags: int) -> str | None:
    """:func:`first_characters` of a parsed pattern."""
    found: list[str] = []
    try:
        if _first(sequence, flags, found):
            return None
    except _Unknown:
        return None
    # Duplicates (one per rule that starts with "s") only slow down compiling.
    return "".join(dict.fromkeys(found))


def _char(code: int) -> str:
    return f"\\U{code:08x}"


def class_parts(
    items: Any, *, negate: bool = True, char: Callable[[int], str] = _char
) -> list[str]:
    """A parsed character class (``IN``) as the parts of its source: ``^``, ``a-z``, ``\\d``.

    ``char`` writes one character. Raises ValueError for what is not written
    out here (and for a negated class when ``negate`` is False).
    """
    parts: list[str] = []
    for item, argument in items:
        if item is _sre.NEGATE and negate:
            parts.insert(0, "^")
        elif item is _sre.LITERAL:
            parts.append(char(argument))
        elif item is _sre.RANGE:
            parts.append(f"{char(argument[0])}-{char(argument[1])}")
        elif item is _sre.CATEGORY and argument in _CATEGORIES:
            parts.append(_CATEGORIES[argument])
        else:
            raise _Unknown(item)
    return parts


def _first(sequence: Any, flags: int, found: list[str]) -> bool:
    """Add what ``sequence`` can start with to ``found``; whether it can match empty."""
    for op, value in sequence:
        if op is _sre.LITERAL:
            found.append(_char(value))
            return False
        if op is _sre.IN:
            # A negated class can start with almost anything: no gate then.
            found.extend(class_parts(value, negate=False))
            return False
        if op is _sre.BRANCH:
            empty = False
            for alternative in value[1]:
                empty |= _first(alternative, flags, found)
            if not empty:
                return False
        elif op is _sre.SUBPATTERN:
            # A part that turns case-insensitivity on inside a case-sensitive
            # pattern would need its case variants too; rare enough to give up.
            if value[1] & re.IGNORECASE and not flags & re.IGNORECASE:
                raise _Unknown(op)
            if not _first(value[3], flags, found):
                return False
        elif op in _REPEATS:
            low, _, inner = value
            if not _first(inner, flags, found) and low > 0:
                return False
        elif op is getattr(_sre, "ATOMIC_GROUP", None):
            if not _first(value, flags, found):
                return False
        elif op not in _ZERO_WIDTH:
            raise _Unknown(op)
    return True
