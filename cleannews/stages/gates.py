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

Gates on how a line starts are worked out from the rules' own parse:
:class:`PrefixGate` (three characters, for any ``prefix_gated`` stage),
:func:`start_gate` (any depth, first letters split by case, which ``re`` turns
away faster), and :class:`StartScan`, one such scan shared by several stages,
each of which keeps its own lines with :func:`start_matcher`. Stages built on
:class:`StartGated` (ads, chrome) share one scan; widgets and prompts share
another.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from itertools import compress
from typing import Any

from cleannews import document, regexcache
from cleannews.document import Document
from cleannews.stages.base import SPACE, LinePatternStage
from cleannews.stages.context import case_blind_chars

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
        # Working the gate out costs more than cleaning a short text; regexcache
        # keeps the compiled gate between runs (see start_gate).
        self._scanner = start_gate(pattern, flags, space, depth)

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


# -- start gates: deeper, case-split, and shared by several stages -------------


def start_gate(pattern: str, flags: int, space: str, depth: int) -> re.Pattern[str]:
    """A scanner of :attr:`Document.scan_text` for the lines that can start as ``pattern`` can.

    The prefixes are those of :class:`PrefixGate`, up to ``depth`` characters
    after leading ``space``, worked out from the pattern's own parse, so no
    line the pattern can match is missed. Where ``flags`` ignore case, each
    first letter is written once per case it takes (:func:`case_blind_chars`)
    and only the rest of a prefix ignores case: the regex engine passes over an
    alternative that starts with a case-sensitive character in C, and enters
    every IGNORECASE one. A match is the "\\n" before a line.
    """
    return _start_pattern("start_gate", pattern, int(flags), space, depth)


def start_matcher(pattern: str, flags: int, space: str, depth: int) -> re.Pattern[str]:
    """:func:`start_gate` as a matcher of one line (use ``match``): the same prefixes.

    A line the pattern matches whole holds its prefix (or all of a match
    shorter than ``depth``), so the matcher takes every such line alone,
    without the text after it that the scanner may look at.
    """
    return _start_pattern("start_matcher", pattern, int(flags), space, depth)


# The flag as a plain int: a RegexFlag in the flags re's parser records would
# make a program regexcache cannot store.
_IGNORECASE = int(re.IGNORECASE)


def _start_pattern(kind: str, pattern: str, flags: int, space: str, depth: int) -> re.Pattern[str]:
    def make() -> tuple[str, Any]:
        parse = _parse.parse
        found = _sequence(list(parse(pattern, flags)), depth, flags, flags)
        ignore = bool(flags & re.IGNORECASE)
        trie = _case_trie(found, ignore)
        if kind == "start_matcher":
            source = rf"(?:{space})*{trie}"
        else:
            # In lookaheads, and only the "\n" taken: a prefix may start with a
            # class that holds "\n" (\s), which must not take the next line's
            # "\n" and hide that line from the next match. The first atoms, as
            # one class, first: most lines are turned away by one look at it.
            first = _first_class(found)
            ahead = rf"(?=(?:{space})*{_case_region(first, ignore)})" if first else ""
            source = rf"\n{ahead}(?=(?:{space})*{trie})"
        return source, parse(source, flags & ~_IGNORECASE)

    key = f"{kind}\0{depth}\0{space}\0{pattern}"
    return regexcache.compile_made(key, flags & ~_IGNORECASE, make)


class StartScan:
    """The start gates of several patterns, worked out with one scan of a document.

    Each scan of every line start costs about as much whatever it looks for,
    so stages that gate on how a line starts share one: a :func:`start_gate`
    of all the patterns finds the lines any can start, then each pattern's
    :func:`start_matcher` keeps its own among those few. The last document's
    lines are kept, for the next stage to ask about it.
    """

    def __init__(self, patterns: dict[str, str], flags: int, space: str, depth: int) -> None:
        self._patterns = patterns
        self._flags = int(flags)
        self._space = space
        self._depth = depth
        self._scanner: re.Pattern[str] | None = None
        self._matchers: dict[str, re.Pattern[str]] = {}
        # The last document, the lines any pattern can start, and each
        # pattern's own among them: one tuple, replaced whole, so that threads
        # cleaning other documents never mix one document's lines with another's.
        self._last: tuple[Document, list[int], dict[str, list[int]]] | None = None

    def lines(self, doc: Document, name: str) -> list[int]:
        """Indexes of the lines of ``doc`` that can start as pattern ``name`` can, in order."""
        last = self._last
        if last is None or last[0] is not doc:
            index_at = doc.index_at
            found = self.scanner().finditer(doc.scan_text)
            last = self._last = (doc, list(map(index_at, map(re.Match.start, found))), {})
        _, union, own_lines = last
        own = own_lines.get(name)
        if own is None:
            texts = map(doc.lines.__getitem__, union)
            own = own_lines[name] = list(compress(union, map(self.matcher(name).match, texts)))
        return own

    def scanner(self) -> re.Pattern[str]:
        """The :func:`start_gate` of all the patterns (compiled on first use)."""
        if self._scanner is None:
            union = "|".join(f"(?:{source})" for source in self._patterns.values())
            self._scanner = start_gate(union, self._flags, self._space, self._depth)
        return self._scanner

    def matcher(self, name: str) -> re.Pattern[str]:
        """The :func:`start_matcher` of pattern ``name`` (compiled on first use)."""
        matcher = self._matchers.get(name)
        if matcher is None:
            source = self._patterns[name]
            matcher = start_matcher(source, self._flags, self._space, self._depth)
            self._matchers[name] = matcher
        return matcher

    def prepare(self) -> None:
        """Compile the scanner and every matcher ahead of time."""
        self.scanner()
        for name in self._patterns:
            self.matcher(name)


def _case_region(source: str, ignore: bool) -> str:
    """``source``, written for a pattern ignoring case when ``ignore``, for one that does not."""
    return f"(?i:{source})" if ignore and source else source


def _case_trie(prefixes: set[tuple[str, ...]], ignore: bool) -> str:
    """gates' prefix trie, its first letters split by case (see :func:`start_gate`)."""
    if () in prefixes:
        return ""
    groups: dict[str, set[tuple[str, ...]]] = {}
    for prefix in prefixes:
        groups.setdefault(prefix[0], set()).add(prefix[1:])
    parts: list[str] = []
    for atom, rests in sorted(groups.items()):
        rest = _case_region(_trie(rests), ignore)
        # An atom is an escaped character, a class or a flagged group
        # (_atom); re.escape leaves a letter as it is.
        if ignore and len(atom) == 1 and atom.lower() != atom.upper():
            parts.extend(re.escape(char) + rest for char in case_blind_chars(atom))
        else:
            parts.append(_case_region(atom, ignore) + rest)
    return "(?:" + "|".join(parts) + ")"


# How many characters of a line the start scan compares with how rules start.
_START_DEPTH = 5
# The stages that share the start scan, by the name of their rules in it.
_SHARED_SCAN: dict[type[LinePatternStage], str] = {}


@cache
def _start_scan(names: frozenset[str]) -> StartScan:
    """One scan of how lines start for the rules of the stages in _SHARED_SCAN.

    A scan of every line start costs about as much whatever it looks for, so
    ads and chrome share one (StartScan): it finds the lines either
    stage's rules can start, and each stage's matcher keeps its own among
    those few. Five characters are compared (the engine's PrefixGate looks
    at three), with first letters matched case-sensitively: prose that only
    starts like a rule ("Spo...", "Sho...", "Com...") is mostly turned away
    before the rules are tried. Built from the rules' own parse, it misses no
    line they match. Building it takes about 0.2 s once; regexcache keeps it.
    """
    stages = {name: stage for stage, name in _SHARED_SCAN.items() if name in names}
    (flags,) = {int(stage.flags) for stage in stages.values()}
    patterns = {name: stage._body() for name, stage in stages.items()}
    return StartScan(patterns, flags, SPACE, _START_DEPTH)


def join_start_scan(stage: type[LinePatternStage], name: str) -> None:
    """Make ``stage`` (a StartGated one) take its candidate lines from the shared start scan."""
    _SHARED_SCAN[stage] = name


class StartGated(LinePatternStage):
    """A prefix-gated stage whose candidate lines come from the shared start scan.

    A stage joins the scan with join_start_scan; any other class
    (a subclass with rules of its own) gets the engine's prefix gate.
    """

    prefix_gated = True

    def _scan_name(self) -> str | None:
        return _SHARED_SCAN.get(type(self)) if self.prefix_gated else None

    def prepare(self) -> None:
        if self._scan_name() is None:
            super().prepare()
            return
        _start_scan(frozenset(_SHARED_SCAN.values())).prepare()
        self.line_matcher()

    def candidate_lines(self, doc: Document) -> Iterable[int] | None:
        name = self._scan_name()
        if name is None:  # not in the scan, or a subclass that scans every line
            return super().candidate_lines(doc)
        return _start_scan(frozenset(_SHARED_SCAN.values())).lines(doc, name)
