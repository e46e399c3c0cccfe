"""What a stage is, and the shared machinery most stages are built from.

A stage never edits text. It looks at a :class:`~cleannews.document.Document`
and yields :class:`~cleannews.document.Removal` records, each naming one of the
stage's rules. The pipeline applies them. That split is what makes every removal
explainable and replayable.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, ClassVar

from cleannews import regexcache
from cleannews.document import Document, Removal


class SettingError(ValueError):
    """A stage setting that does not exist or has the wrong type."""


class Stage:
    """Base class of every stage.

    Subclasses set ``name`` (stable, snake_case), ``rules`` (rule id -> the reason
    shown to users), ``defaults`` (setting name -> default value; the type of the
    default is the type a setting must have), and implement :meth:`find`.
    The class docstring is what ``cleannews --list-stages`` prints.
    """

    name: ClassVar[str]
    rules: ClassVar[Mapping[str, str]]
    defaults: ClassVar[Mapping[str, Any]] = {}
    enabled_by_default: ClassVar[bool] = True
    # How many lines before or after a line the stage may look at to judge it
    # (blank and removed lines count). Text cleaned in windows (cleannews.stream)
    # keeps at least this much context around each cut, so it comes out as if
    # cleaned whole.
    reach: ClassVar[int] = 1
    # A stage that removes the first or last line when it reads like one thing
    # (a title, a timestamp) would find the next line reads so too once that
    # one is gone: it runs in the first round of cleaning only (Pipeline.run).
    first_round_only: ClassVar[bool] = False
    origin: ClassVar[str] = "built-in"

    def __init__(self, **settings: Any) -> None:
        values = dict(self.defaults)
        for key, value in settings.items():
            if key not in self.defaults:
                known = ", ".join(sorted(self.defaults)) or "none"
                raise SettingError(
                    f"stage {self.name!r} has no setting {key!r} (settings: {known})"
                )
            values[key] = coerce_setting(self.name, key, value, self.defaults[key])
        self.settings = values

    @classmethod
    def summary(cls) -> str:
        """The first line of the docstring: what the stage removes."""
        doc = (cls.__doc__ or "").strip()
        return doc.splitlines()[0] if doc else ""

    def find(self, doc: Document) -> Iterator[Removal]:
        raise NotImplementedError

    def prepare(self) -> None:
        """Compile what :meth:`find` needs, ahead of time.

        Stages compile their patterns on first use, so that a short run starts
        fast; a pool calls this before it forks its workers, so that they share
        one copy instead of each compiling its own.
        """

    def remove_lines(
        self, doc: Document, rule: str, first: int, last: int | None = None
    ) -> Removal:
        """A removal of lines ``first``..``last`` under one of this stage's rules."""
        return doc.remove_lines(
            self.name, rule, self.rules[rule], first, first if last is None else last
        )

    def remove_span(self, doc: Document, rule: str, index: int, start: int, end: int) -> Removal:
        """A removal of columns ``start``..``end`` of line ``index``."""
        return doc.remove_span(self.name, rule, self.rules[rule], index, start, end)


def coerce_setting(stage: str, key: str, value: Any, default: Any) -> Any:
    """``value`` as the type of ``default``; strings from the command line are parsed."""
    kind = type(default)
    if isinstance(value, kind) and not (kind is int and isinstance(value, bool)):
        return value
    if isinstance(value, str):
        try:
            if kind is bool:
                lowered = value.strip().lower()
                if lowered in {"1", "true", "yes", "on"}:
                    return True
                if lowered in {"0", "false", "no", "off"}:
                    return False
                raise ValueError(value)
            if kind in (int, float):
                return kind(value)
        except ValueError:
            pass
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    raise SettingError(f"setting {stage}.{key} must be {kind.__name__}, got {value!r}")


# Whitespace that may surround a marker on its own line: spaces, tabs, no-break
# and other Unicode spaces (every \s but \n), zero-width characters some sites
# sprinkle in. One character class, not an alternation: re repeats a class in a
# tight loop, but keeps a backtracking record per repetition of a group, which
# took 480 MB for a 2 MB line of spaces.
SPACE = (
    r"[\t\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200d\u2028\u2029\u202f\u205f\u2060"
    r"\u3000\ufeff]"
)

# The characters of SPACE, for str.strip.
SPACE_CHARACTERS = (
    "\t\x0b\x0c\r"
    + "".join(map(chr, range(0x1C, 0x20)))
    + " \x85\xa0\u1680"
    + "".join(map(chr, range(0x2000, 0x200E)))
    + "\u2028\u2029\u202f\u205f\u2060\u3000\ufeff"
)


class LinePatternStage(Stage):
    """A stage whose rules are regular expressions that must match a whole line.

    ``patterns`` maps rule id -> pattern source. All rules are compiled into one
    alternation and scanned over the whole text at once, which is far faster than
    matching line by line in Python. Surrounding whitespace is allowed.

    The scan costs a jump to each line break and one look at the first
    character of each line (see :mod:`cleannews.stages.scanning`); the rules
    are tried only on lines that start as one of them can. A pattern that can
    start with any character (``.``, ``[^...]``) or match an empty line gets
    every line tried, which is several times slower: start rules with words.
    Rules that prose often starts like do better with ``prefix_gated`` (three
    characters looked at, see :mod:`cleannews.stages.gates`), and a stage with
    a cheaper complete gate of its own returns it from :meth:`candidate_lines`.
    """

    patterns: ClassVar[Mapping[str, str]]
    flags: ClassVar[int] = re.IGNORECASE
    # Stages whose patterns are costly to try at every line start of a long
    # text set this: longer lines are skipped, the rest matched one by one...
    max_line_chars: ClassVar[int] = 0
    # ...and, optionally, a cheap pattern a line must contain to be tried at all.
    line_hint: ClassVar[re.Pattern[str] | None] = None
    # A stage whose rules lines of prose often start like ("Ad...", "Re...")
    # sets this: find() then judges only the lines whose first three visible
    # characters can start a match (gates.PrefixGate, worked out from the
    # rules' own parse), one by one with line_matcher(). What it finds is what
    # the whole-text scan finds; only accept() is then handed the line
    # matcher's match instead of the scanner's (which starts at the "\n"
    # before the line), so a stage whose accept() reads match positions keeps
    # this off.
    prefix_gated: ClassVar[bool] = False
    _compiled: ClassVar[tuple[re.Pattern[str], re.Pattern[str]] | None] = None
    _scanner: ClassVar[re.Pattern[str] | None] = None
    _line_matcher: ClassVar[re.Pattern[str] | None] = None

    @classmethod
    def _body(cls) -> str:
        """The rules as one alternation, allowed to start at the first visible character."""
        alternatives = "|".join(f"(?P<{rule}>{source})" for rule, source in cls.patterns.items())
        # The lookahead makes the rules start at the first visible character:
        # without it, a line indented by many spaces is tried once per space.
        return rf"(?=\S)(?:{alternatives})"

    @classmethod
    def scanner(cls) -> re.Pattern[str]:
        """The rules as one scanner of :attr:`Document.scan_text` (see :mod:`.scanning`)."""
        # Compiled on first use, not at import, so `cleannews --version` stays fast.
        cached = cls.__dict__.get("_scanner")
        if cached is None:
            from cleannews.stages.scanning import line_scanner

            cached = cls._scanner = line_scanner(cls._body(), cls.flags, SPACE)
        return cached

    @classmethod
    def line_matcher(cls) -> re.Pattern[str]:
        """The rules as one matcher of a single line (use ``fullmatch``).

        Compiled only when needed (a match across a line break, a line with a
        part cut out, a stage that matches line by line): compiling costs more
        than cleaning a short text.
        """
        cached = cls.__dict__.get("_line_matcher")
        if cached is None:
            body = rf"(?:{SPACE})*{cls._body()}(?:{SPACE})*"
            cached = cls._line_matcher = regexcache.compile(body, cls.flags)
        return cached

    @classmethod
    def compiled(cls) -> tuple[re.Pattern[str], re.Pattern[str]]:
        """A ``^...$`` scanner of :attr:`Document.joined` (``re.M``) and :meth:`line_matcher`.

        For stages that scan the whole text themselves and map matches with
        ``doc.index_at(match.start())``; :meth:`find` uses the faster
        :meth:`scanner` of :attr:`Document.scan_text` instead.
        """
        cached = cls.__dict__.get("_compiled")
        if cached is None:
            body = rf"(?:{SPACE})*{cls._body()}(?:{SPACE})*"
            scanner = regexcache.compile(rf"^{body}$", cls.flags | re.MULTILINE)
            cached = cls._compiled = (scanner, cls.line_matcher())
        return cached

    def prepare(self) -> None:
        if self.max_line_chars:
            self.line_matcher()
        elif self.prefix_gated:
            from cleannews.stages.gates import prefix_gate

            prefix_gate(type(self))
            self.line_matcher()
        else:
            self.scanner()

    def candidate_lines(self, doc: Document) -> Iterable[int] | None:
        """Indexes (ascending) of every line the rules can match, or None to scan them all.

        A stage with a cheap, provably complete gate (a character or word every
        match holds, how a match can start) overrides this; :meth:`find` then
        judges only these lines, one by one, and finds what the scan finds.
        """
        if self.prefix_gated:
            from cleannews.stages.gates import prefix_gate

            return prefix_gate(type(self)).lines(doc)
        return None

    def find(self, doc: Document) -> Iterator[Removal]:
        if self.max_line_chars:
            yield from self._find_in_short_lines(doc)
            return
        gated = self.candidate_lines(doc)
        if gated is not None:
            yield from self.find_in_lines(doc, gated)
            return
        removed = doc.removed
        # doc.index_at takes offsets in doc.joined, one less than in scan_text;
        # a match starts at the "\n" before its line, which is where the line
        # starts in doc.joined.
        text, index_at = doc.scan_text, doc.index_at
        for match in self.scanner().finditer(text):
            start, end = match.span()
            first = index_at(start)
            if text.find("\n", start + 1, end) < 0:
                candidates: Iterator[tuple[int, re.Match[str] | None]] = iter(((first, match),))
            else:
                # A pattern's \s ran across a line break; judge each line on its own.
                last = index_at(end - 2)
                line_matcher = self.line_matcher()
                candidates = (
                    (i, line_matcher.fullmatch(doc.lines[i])) for i in range(first, last + 1)
                )
            for index, found in candidates:
                if index < 0 or removed[index]:
                    continue
                removal = self._take(doc, index, found)
                if removal is not None:
                    yield removal
        yield from self._find_in_cut_lines(doc)

    def find_in_lines(self, doc: Document, indexes: Iterable[int]) -> Iterator[Removal]:
        """What the whole-text scan of :meth:`find` yields, given ``indexes`` (ascending)
        holds every line the rules can match.

        That scan removes exactly the lines whose text the line matcher matches
        whole (a match that ran across a line break is judged line by line with
        it too), in order; the same rule wins, as the matcher tries the rules in
        the same order on the same characters. Then, as there, lines with a part
        cut out by an earlier stage are judged as they read now; they are few,
        so all are.
        """
        removed = doc.removed
        lines = doc.lines
        fullmatch = self.line_matcher().fullmatch
        for index in indexes:
            if not removed[index]:
                removal = self._take(doc, index, fullmatch(lines[index]))
                if removal is not None:
                    yield removal
        yield from self._find_in_cut_lines(doc)

    def _find_in_cut_lines(self, doc: Document) -> Iterator[Removal]:
        """Lines that are residue once a glued part is cut out ("AdvertisementLoading...").

        They go too, or a second run would find them; they are few, so all are judged.
        """
        removed = doc.removed
        for index in doc.cut_lines():
            if not removed[index]:
                # The matcher is asked for here only: most texts have no cut line,
                # and a scanning stage need not compile it for them.
                found = self.line_matcher().fullmatch(doc.visible(index))
                removal = self._take(doc, index, found)
                if removal is not None:
                    yield removal

    def _take(self, doc: Document, index: int, found: re.Match[str] | None) -> Removal | None:
        """The removal of line ``index`` when ``found`` matched it and accept() agrees."""
        if found is None or not self.accept(doc, index, found):
            return None
        rule = found.lastgroup
        assert rule is not None
        return self.remove_lines(doc, rule, index)

    def _find_in_short_lines(self, doc: Document) -> Iterator[Removal]:
        line_matcher = self.line_matcher()
        hint = self.line_hint
        for index in live_text_lines(doc):
            line = doc.visible(index)  # as it reads once glued markers are cut out
            if len(line) > self.max_line_chars or (hint is not None and not hint.search(line)):
                continue
            found = line_matcher.fullmatch(line)
            if found is None or not self.accept(doc, index, found):
                continue
            rule = found.lastgroup
            assert rule is not None
            yield self.remove_lines(doc, rule, index)

    def accept(self, doc: Document, index: int, match: re.Match[str]) -> bool:
        """A hook for context checks on a matched line; the default accepts all."""
        return True


# How far from the start or the end of a text a head or tail rule may reach, in
# lines. A stage with such rules sets ``reach = EDGE_LINES + 1``: then a text
# cleaned in windows never has a head or tail decision about a line it writes out
# taken anywhere but at the text's real start or end.
EDGE_LINES = 24


def head_lines(doc: Document, count: int) -> list[int]:
    """The first ``count`` lines that hold text, among the first EDGE_LINES lines."""
    if count < 0:  # no stage asks for this; it stays as it was
        return [i for i in live_text_lines(doc)[:count] if i < EDGE_LINES]
    # Only the first EDGE_LINES lines can be among them: look at those alone.
    return doc.kept_text_lines(0, min(EDGE_LINES, len(doc.lines)))[:count]


def tail_lines(doc: Document, count: int) -> list[int]:
    """The last ``count`` lines that hold text, among the last EDGE_LINES lines."""
    edge = len(doc.lines) - EDGE_LINES
    if count <= 0:  # none, or (no stage asks for this) as it was
        return [i for i in live_text_lines(doc)[-count:] if i >= edge] if count else []
    # Only the last EDGE_LINES lines can be among them: look at those alone.
    return doc.kept_text_lines(max(edge, 0))[-count:]


def live_text_lines(doc: Document) -> list[int]:
    """Indexes of the lines that hold text and no earlier stage removed, in order.

    Context rules ask "is this the last line of the text?" or "what stands next
    to it?"; blank lines and lines already gone do not count as neighbours.
    """
    return doc.kept_text_lines()
