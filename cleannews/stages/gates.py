"""Gates: find the few lines a stage's rules can match, cheaply, and judge only those.

A stage whose every rule needs a certain character on the line ("]:" in a link
definition, "<" in a tag) can try its patterns on those lines only.
``str.find`` jumps over the text in C at memory speed for a single character;
a regex tried at every line start costs ten times more, and a Python loop over
all lines more still. Nothing is encoded first, so one look for a rare
character costs about a millisecond per 10 MB.

A stage returns a gate's lines from :meth:`LinePatternStage.candidate_lines`;
its ``find`` then judges those lines alone. A gate must be provably complete: every line a rule
can match must be among its lines. Each stage says why its gate is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from cleannews import document, regexcache
from cleannews.document import Document
from cleannews.stages.base import SPACE, LinePatternStage

# The regex parser's pieces, read the way the line scanners read them.
from cleannews.stages.scanning import _REPEATS, _ZERO_WIDTH, class_parts

try:
    from re import _constants as _sre  # type: ignore[attr-defined]
    from re import _parser as _parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _sre
    import sre_parse as _parse

_ATOMIC = getattr(_sre, "ATOMIC_GROUP", None)


def lines_holding(doc: Document, literal: str) -> list[int]:
    """Indexes of the lines of ``doc`` that hold ``literal`` (case-sensitive), in order, each once.

    ``literal`` must not hold a line break.
    """
    return lines_holding_any(doc, (literal,))


def lines_holding_any(doc: Document, literals: Iterable[str]) -> list[int]:
    """Indexes of the lines that hold any of ``literals``, in order, each once."""
    text = doc.joined  # every line, the last too, ends with "\n"
    # Most texts hold none of a gate's characters: a look for each is all they cost.
    return document.lines_holding(text, "\n", [literal for literal in literals if literal in text])


class PrefixGate:
    """Which lines can start as a pattern can: a scan of every line's first few characters.

    :class:`LinePatternStage` looks at one character, but lines of prose start
    with the same letters as most rules ("Share", "Sport"). Comparing up to
    ``depth`` characters turns nearly all of them away before any rule is
    tried. The prefixes are worked out from the pattern's own parse, in the
    same characters, classes and case flags, so every line the pattern can match
    (after leading ``space``) is let through; the rules then judge those lines.
    """

    __slots__ = ("_scanner",)

    def __init__(self, pattern: str, flags: int, space: str, depth: int = 3) -> None:
        flags = int(flags)  # as re.compile does: the parser tests bits of a RegexFlag slowly

        def make() -> tuple[str, Any]:
            found = _sequence(list(_parse.parse(pattern, flags)), depth, flags, flags)
            # In a lookahead, and only the "\n" taken: a prefix may start with a
            # class that holds "\n" (\s), which must not take the next line's
            # "\n" and hide that line from the next match.
            # The first atoms, as one class, first: a line most rules cannot
            # start is turned away by one look at a class, before the trie's
            # alternatives (which re enters one by one when case is ignored).
            first = _first_class(found)
            ahead = rf"(?=(?:{space})*{first})" if first else ""
            source = rf"\n{ahead}(?=(?:{space})*{_trie(found)})"
            return source, _parse.parse(source, flags)

        # Working the gate out costs more than cleaning a short text; regexcache
        # keeps the compiled gate between runs, keyed by what it is made from.
        key = f"prefix_gate_class\0{depth}\0{space}\0{pattern}"
        self._scanner = regexcache.compile_made(key, flags, make)

    def lines(self, doc: Document) -> list[int]:
        """Indexes of the lines of ``doc`` that start as the pattern can, in order."""
        index_at = doc.index_at
        return [index_at(match.start()) for match in self._scanner.finditer(doc.scan_text)]


def prefix_gate(stage: type[LinePatternStage]) -> PrefixGate:
    """The gate of a stage's rules (compiled once, on first need)."""
    gate = _GATES.get(stage)
    if gate is None:
        gate = _GATES[stage] = PrefixGate(stage._body(), stage.flags, SPACE)
    return gate


_GATES: dict[type[LinePatternStage], PrefixGate] = {}


Prefix = tuple[str, ...]


def _sequence(items: list[Any], depth: int, flags: int, base: int) -> set[Prefix]:
    """The first ``depth`` characters a match of ``items`` can take, as regex atoms.

    A prefix shorter than ``depth`` is a whole match: the pattern can end there.
    """
    prefixes: set[Prefix] = {()}
    for op, value in items:
        done = {prefix for prefix in prefixes if len(prefix) >= depth}
        going = prefixes - done
        if not going:
            break
        prefixes = done
        # What the item can take depends only on the room left: work it out once per room.
        by_room: dict[int, set[Prefix]] = {}
        for prefix in going:
            room = depth - len(prefix)
            if room not in by_room:
                by_room[room] = _item(op, value, room, flags, base)
            prefixes.update(prefix + more for more in by_room[room])
    return prefixes


def _item(op: Any, value: Any, depth: int, flags: int, base: int) -> set[Prefix]:
    if op in _ZERO_WIDTH:  # a look-around or anchor: leaving it out lets more through
        return {()}
    if op is _sre.BRANCH:
        return set().union(*(_sequence(list(alt), depth, flags, base) for alt in value[1]))
    if op is _sre.SUBPATTERN:
        inner = (flags | value[1]) & ~value[2]
        return _sequence(list(value[3]), depth, inner, base)
    if op is _ATOMIC:
        return _sequence(list(value), depth, flags, base)
    if op in _REPEATS:
        low, high, body = value
        body_items = list(body)
        return set().union(
            *(
                _sequence(body_items * count, depth, flags, base)
                for count in range(min(low, depth), min(high, depth) + 1)
            )
        )
    return {(_atom(op, value, flags, base),)}


def _atom(op: Any, value: Any, flags: int, base: int) -> str:
    """One character of a pattern as a regex that matches what it matched there."""
    if op is _sre.LITERAL:
        source = _char(value)
    elif op is _sre.NOT_LITERAL:
        source = f"[^{_char(value)}]"
    elif op is _sre.ANY:
        source = "(?s:.)" if flags & re.DOTALL else "[^\\n]"
    elif op is _sre.IN:
        source = "[" + "".join(class_parts(value, char=_char)) + "]"  # ValueError: no gate
    else:
        raise ValueError(f"no prefix gate for {op}")
    # The case flag in force where the character stood, if not the gate's own.
    if (flags ^ base) & re.IGNORECASE:
        source = f"(?{'i' if flags & re.IGNORECASE else '-i'}:{source})"
    return source


def _char(code: int) -> str:
    # Escaped as re.escape escapes (fit for inside a class too): a pattern of
    # plain characters compiles several times faster than one of \\U escapes.
    return re.escape(chr(code))


def _first_class(prefixes: set[Prefix]) -> str:
    """The first atoms of ``prefixes`` as one character class, or "" when they cannot be.

    Each atom is an escaped character or a class (``_atom``); a negated class
    or one with flags of its own does not merge, and then there is no class.
    """
    if () in prefixes:
        return ""
    parts = set()
    for atom in {prefix[0] for prefix in prefixes}:
        if atom.startswith(("[^", "(?")):
            return ""
        parts.add(atom[1:-1] if atom.startswith("[") else atom)
    return "[" + "".join(sorted(parts)) + "]"


def _trie(prefixes: set[Prefix]) -> str:
    """The prefixes as one regex, alternatives sharing a first atom tried once."""
    if () in prefixes:
        return ""
    groups: dict[str, set[Prefix]] = {}
    for prefix in prefixes:
        groups.setdefault(prefix[0], set()).add(prefix[1:])
    return "(?:" + "|".join(atom + _trie(rest) for atom, rest in sorted(groups.items())) + ")"
