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
from typing import Any

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


class _Unknown(Exception):
    """A construct whose first characters are not worked out: scan without a gate."""


def line_scanner(body: str, flags: int, space: str) -> re.Pattern[str]:
    """A scanner for lines that are, whole, ``space* body space*``.

    Run it over the text with a ``\\n`` in front and line breaks as ``\\n``; each
    match starts at the ``\\n`` before the line, so its start is the line's
    offset in the text without the ``\\n`` in front.
    """
    first = first_characters(body, flags)
    gate = rf"(?=(?:{space})*[{first}])" if first else ""
    return re.compile(rf"\n{gate}(?:{space})*(?:{body})(?:{space})*(?=\n|\Z)", flags)


def first_characters(pattern: str, flags: int) -> str | None:
    """A character class body holding every character a match can start with.

    None when a match can be empty or start with almost anything (``.``, a
    negated class, a back-reference); then a scan needs every line tried.
    """
    found: list[str] = []
    try:
        if _first(_parse.parse(pattern, flags), flags, found):
            return None
    except _Unknown:
        return None
    # Duplicates (one per rule that starts with "s") only slow down compiling.
    return "".join(dict.fromkeys(found))


def _char(code: int) -> str:
    return f"\\U{code:08x}"


def _first(sequence: Any, flags: int, found: list[str]) -> bool:
    """Add what ``sequence`` can start with to ``found``; whether it can match empty."""
    for op, value in sequence:
        if op is _sre.LITERAL:
            found.append(_char(value))
            return False
        if op is _sre.IN:
            for item, argument in value:
                if item is _sre.LITERAL:
                    found.append(_char(argument))
                elif item is _sre.RANGE:
                    found.append(f"{_char(argument[0])}-{_char(argument[1])}")
                elif item is _sre.CATEGORY and argument in _CATEGORIES:
                    found.append(_CATEGORIES[argument])
                else:
                    raise _Unknown(item)
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
