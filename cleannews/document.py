"""The text being cleaned, as lines that remember where they came from.

A :class:`Document` never changes its text. Stages look at it and propose
:class:`Removal` records; the pipeline marks the lines they cover as removed, so
later stages can see what is already gone. :func:`apply_removals` turns the
original text and the removals into the clean text, and is the only place that
builds output, so "replaying the removals gives the clean text" holds by
construction.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from functools import cache
from itertools import accumulate, compress
from operator import add, attrgetter, not_, or_
from typing import AnyStr, NamedTuple

from cleannews import regexcache

# Only the three real line endings split lines. str.splitlines() would also split
# on form feeds, U+2028 and friends, which would change bytes we promise to keep.
_LINE_ENDING = regexcache.compile(r"(\r\n|\r|\n)")


class Removal(NamedTuple):
    """One removed span, pointing into the original text.

    ``start``/``end`` are character offsets into the original text; ``start_line``
    and ``end_line`` are 1-based line numbers of the first and last line the span
    touches. A whole-line removal covers the line ending too; an inline removal
    (an ad marker glued to a sentence) covers part of one line.
    """

    stage: str
    rule: str
    reason: str
    start_line: int
    end_line: int
    start: int
    end: int
    text: str
    # True when only part of a line goes (a marker glued to a sentence).
    partial: bool = False

    @property
    def key(self) -> str:
        """The counter key, ``stage.rule``."""
        return f"{self.stage}.{self.rule}"


_new_removal = tuple.__new__
# The sort key of removals, in C: where a removal starts in the original text.
START = attrgetter("start")


def split_lines(text: str) -> tuple[list[str], list[str]]:
    """Split text into line contents and their line endings ('' for a last line without one)."""
    if "\r" not in text:
        lines = text.split("\n")
        ends = ["\n"] * (len(lines) - 1)
    elif text.count("\r") == text.count("\r\n") == text.count("\n"):
        # Only "\r\n" endings (a Windows file): str.split is the fastest split.
        lines = text.split("\r\n")
        ends = ["\r\n"] * (len(lines) - 1)
    else:
        # Split in C; the capturing group keeps each line's ending between its
        # line and the next: [line, ending, line, ending, ..., rest].
        parts = _LINE_ENDING.split(text)
        lines = parts[::2]
        ends = parts[1::2]
    # The piece after the last ending is a last line without one, unless empty.
    if lines[-1] == "":
        lines.pop()
    else:
        ends.append("")
    return lines, ends


def _starts(sizes: Iterable[int]) -> list[int]:
    """Where each line starts, from the sizes of the lines (ending included), summed in C."""
    starts = list(accumulate(sizes, initial=0))
    starts.pop()
    return starts


class Document:
    """Lines of one text, their original offsets, and which are removed so far."""

    __slots__ = (
        "_blank",
        "_cuts",
        "_folded",
        "_joined",
        "_joined_starts",
        "_scan_text",
        "ends",
        "first_line",
        "lines",
        "notes",
        "removed",
        "starts",
        "text",
    )

    def __init__(self, text: str, first_line: int = 1) -> None:
        self.text = text
        self.first_line = first_line
        self.lines, self.ends = split_lines(text)
        # Offsets from line lengths, summed in C: a loop in Python would cost
        # more than all the stages together on a large text.
        if "\r" in text:
            self.starts = _starts(map(add, map(len, self.lines), map(len, self.ends)))
        else:
            self.starts = _starts(map((1).__add__, map(len, self.lines)))
        self.removed = bytearray(len(self.lines))
        # Part-of-line removals so far: line index -> (start, end) columns.
        self._cuts: dict[int, list[tuple[int, int]]] = {}
        self._blank: list[bool] | None = None
        self._joined: str | None = None
        self._folded: bytes | None = None
        self._scan_text: str | None = None
        self._joined_starts: list[int] | None = None
        # Problems met while cleaning that the user should hear of (a user pattern
        # that timed out on a line), by line index; the pipeline hands them on
        # with the result, numbered by the line of the input they were met on.
        self.notes: list[tuple[int, str]] = []

    def __len__(self) -> int:
        return len(self.lines)

    @property
    def blank(self) -> list[bool]:
        """Whether each line holds only whitespace (computed once, on first use)."""
        if self._blank is None:
            # `not line.strip()`, without copying every line: empty or all space.
            # (A comprehension costs less than three chained maps on 3.11+.)
            self._blank = [not line or line.isspace() for line in self.lines]
        return self._blank

    @property
    def joined(self) -> str:
        """The lines joined with "\\n", for whole-text regex scans with ``re.M``.

        Scanning the text once in C is far faster than a Python loop over lines;
        this copy makes ``^`` and ``$`` mean the same for CRLF and CR input.
        """
        if self._joined is None:
            if "\r" in self.text:
                self._joined = "\n".join(self.lines) + "\n"
            else:
                self._joined = self.text if self.text.endswith("\n") else self.text + "\n"
        return self._joined

    @property
    def scan_text(self) -> str:
        """``"\\n"`` + :attr:`joined`: every line, the first too, follows a ``\\n``.

        Line scanners start with ``\\n`` rather than ``^`` (see
        :mod:`cleannews.stages.scanning`): the regex engine then jumps to the
        next line break in C instead of trying the pattern at every character.
        Offset ``i`` here is offset ``i - 1`` of :attr:`joined`, so a match that
        starts at the ``\\n`` before a line starts at that line's offset in
        :attr:`joined`.
        """
        if self._scan_text is None:
            self._scan_text = "\n" + self.joined
        return self._scan_text

    @property
    def folded(self) -> bytes:
        """:attr:`joined` as UTF-8 with ASCII letters lowered, for :meth:`lines_with_words`.

        Lowering bytes costs a tenth of ``str.lower()`` on text that is not
        ASCII, and lines stay where they were: only the line breaks are counted.
        """
        if self._folded is None:
            self._folded = _fold(self.joined)
        return self._folded

    def lines_with_words(self, words: Iterable[str]) -> list[int]:
        """Indexes of the lines that hold any of ``words``, ignoring case, in order.

        A cheap gate before a stage's regular expressions: a line holding none of
        a rule's words is not tried. An ASCII word is found in any case, as
        ``re.IGNORECASE`` would find it. A word with other letters is found
        lower-case, upper-case or capitalised ("реклама", "РЕКЛАМА", "Реклама"),
        not in mixed case; a gate that misses such a line only keeps it.
        """
        return lines_holding(self.folded, b"\n", _folded_forms(tuple(words)))

    def kept_text_lines(self, start: int = 0, stop: int | None = None) -> list[int]:
        """Indexes of the lines that are neither blank nor removed, worked out in C.

        ``start``/``stop`` limit it to the lines ``start``..``stop-1`` (a stage
        looking at the head or tail of a long text need not go through it all).
        """
        stop = len(self.lines) if stop is None else stop
        hidden = map(or_, self.removed[start:stop], self.blank[start:stop])
        return list(compress(range(start, stop), map(not_, hidden)))

    def visible_lines(self, indexes: list[int]) -> list[str]:
        """:meth:`visible` of each line in ``indexes`` (ascending)."""
        texts = list(map(self.lines.__getitem__, indexes))
        for index in self._cuts:
            position = bisect_left(indexes, index)
            if position < len(indexes) and indexes[position] == index:
                texts[position] = self.visible(index)
        return texts

    def index_at(self, offset: int) -> int:
        """The 0-based index of the line holding ``offset`` of :attr:`joined`."""
        return bisect_right(self._starts_in_joined(), offset) - 1

    def joined_start(self, index: int) -> int:
        """Where line ``index`` starts in :attr:`joined`."""
        return self._starts_in_joined()[index]

    def _starts_in_joined(self) -> list[int]:
        if self._joined_starts is None:
            if "\r" in self.text:
                self._joined_starts = _starts(map((1).__add__, map(len, self.lines)))
            else:
                self._joined_starts = self.starts
        return self._joined_starts

    def warn(self, index: int, message: str) -> None:
        """Note a problem met on line ``index``; it reaches the user as a warning."""
        self.notes.append((index, message))

    @property
    def warnings(self) -> list[str]:
        """The problems met so far, ``line N: message`` (see :meth:`warn`)."""
        return [self.warning(index, message) for index, message in self.notes]

    def warning(self, index: int, message: str) -> str:
        """``message``, met on line ``index``, as the user reads it."""
        return f"line {self.line_number(index)}: {message}"

    def line_number(self, index: int) -> int:
        """The 1-based line number, in the whole input, of line ``index``."""
        return self.first_line + index

    def live(self) -> Iterator[int]:
        """Indexes of the lines not removed so far."""
        removed = self.removed
        return (i for i in range(len(self.lines)) if not removed[i])

    def remove_lines(self, stage: str, rule: str, reason: str, first: int, last: int) -> Removal:
        """A removal of whole lines ``first``..``last`` (0-based, inclusive) with their endings.

        A byte-order mark at the very start is not part of the first line's
        content; it stays, so the clean text is still marked as it was.
        """
        starts = self.starts
        start = starts[first]
        if start == 0 and self.text.startswith("\ufeff"):
            start = 1
        end = starts[last] + len(self.lines[last]) + len(self.ends[last])
        number = self.first_line
        # tuple.__new__ builds the record in C; Removal(...) goes through a
        # Python-level __new__, which cost a third of this method on residue-heavy
        # text (tens of thousands of removed lines per 10 MB).
        return _new_removal(
            Removal,
            (
                stage,
                rule,
                reason,
                number + first,
                number + last,
                start,
                end,
                self.text[start:end],
                False,
            ),
        )

    def remove_span(
        self, stage: str, rule: str, reason: str, index: int, col_start: int, col_end: int
    ) -> Removal:
        """A removal of columns ``col_start``..``col_end`` of line ``index``."""
        base = self.starts[index]
        start, end = base + col_start, base + col_end
        if start == 0 and end > 0 and self.text.startswith("\ufeff"):
            start = 1  # the byte-order mark stays, as in remove_lines
        number = self.line_number(index)
        return Removal(
            stage, rule, reason, number, number, start, end, self.text[start:end], partial=True
        )

    def mark(self, removal: Removal) -> bool:
        """Record that ``removal`` is applied, so later stages see what is gone.

        Returns False, and records nothing, when the removal overlaps one already
        recorded: a line already removed, or a part of a line already cut. A
        whole-line removal may cover lines with cuts; the cuts are then dropped,
        since the whole line goes (see :meth:`cut_lines` to find them first).
        """
        first = removal.start_line - self.first_line
        last = removal.end_line - self.first_line
        removed = self.removed
        if first == last:  # most removals: one line, looked at without slicing
            if removed[first]:
                return False
        elif any(removed[first : last + 1]):
            return False
        cuts_by_line = self._cuts
        if removal.partial:
            base = self.starts[first]
            span = (removal.start - base, removal.end - base)
            cuts = cuts_by_line.setdefault(first, [])
            if any(start < span[1] and span[0] < end for start, end in cuts):
                return False
            cuts.append(span)
            return True
        if first == last:
            removed[first] = 1
        else:
            removed[first : last + 1] = b"\x01" * (last - first + 1)
        if cuts_by_line:
            for index in range(first, last + 1):
                cuts_by_line.pop(index, None)
        return True

    def cut_lines(self) -> list[int]:
        """Indexes of the lines that have a part cut out and are not removed."""
        return sorted(self._cuts)

    def is_cut(self, index: int) -> bool:
        """Whether line ``index`` has a part cut out."""
        return index in self._cuts

    def visible(self, index: int) -> str:
        """Line ``index`` as it reads after the part-of-line removals so far."""
        line = self.lines[index]
        cuts = self._cuts.get(index)
        if not cuts:
            return line
        parts = []
        pos = 0
        for start, end in sorted(cuts):
            parts.append(line[pos:start])
            pos = end
        parts.append(line[pos:])
        return "".join(parts)

    def index_of(self, removal: Removal) -> tuple[int, int]:
        """The 0-based first and last line indexes a removal touches."""
        return removal.start_line - self.first_line, removal.end_line - self.first_line


def _fold(text: str) -> bytes:
    """``text`` as UTF-8 with ASCII letters lowered (see Document.folded)."""
    if text.isascii():
        return text.encode("ascii").lower()
    data = text.encode("utf-8", "surrogatepass").lower()
    # The four letters outside ASCII that re.IGNORECASE takes for an ASCII one
    # (dotted and dotless I, the Kelvin sign, long s).
    for special, ascii_letter in _ASCII_LOOKALIKES:
        if special in text:  # a character search in the str is cheap
            data = data.replace(special.encode(), ascii_letter)
    return data


_ASCII_LOOKALIKES = (("\u0130", b"i"), ("\u0131", b"i"), ("\u212a", b"k"), ("\u017f", b"s"))


@cache
def _folded_forms(words: tuple[str, ...]) -> list[bytes]:
    """The byte strings :meth:`Document.lines_with_words` looks for in :attr:`Document.folded`."""
    forms: list[bytes] = []
    for word in words:
        variants = (
            {word.lower()} if word.isascii() else {word.lower(), word.upper(), word.capitalize()}
        )
        for variant in sorted(variants):
            form = variant.encode("utf-8", "surrogatepass").lower()
            if form and form not in forms:
                forms.append(form)
    return forms


def lines_holding(data: AnyStr, newline: AnyStr, words: list[AnyStr]) -> list[int]:
    """Indexes of the ``newline``-separated lines of ``data`` that hold any of ``words``."""
    hits: set[int] = set()
    for word in words:
        pos = data.find(word)
        while pos >= 0:
            hits.add(pos)
            # One hit per line is enough: go on after this line.
            end = data.find(newline, pos)
            pos = data.find(word, end + 1) if end >= 0 else -1
    # Offsets to line indexes: count the line breaks between hits.
    found: list[int] = []
    line = 0
    previous = 0
    for pos in sorted(hits):
        line += data.count(newline, previous, pos)
        previous = pos
        if not found or found[-1] != line:
            found.append(line)
    return found


def apply_removals(text: str, removals: Iterable[Removal]) -> str:
    """The text left when every removal's span is cut out of ``text``.

    Removals may come in any order; overlapping spans are an error, because a
    pipeline that produced them could not also have explained them.
    """
    parts = []
    pos = 0
    for removal in sorted(removals, key=START):
        if removal.start < pos:
            raise ValueError(f"overlapping removals at offset {removal.start}")
        if text[removal.start : removal.end] != removal.text:
            raise ValueError(f"removal at line {removal.start_line} does not match the text")
        parts.append(text[pos : removal.start])
        pos = removal.end
    if pos == 0:
        return text
    parts.append(text[pos:])
    return "".join(parts)


def kept_pieces(text: str, removals: Iterable[Removal]) -> list[tuple[int, int, int]]:
    """The pieces of ``text`` that ``removals`` leave, in order.

    Each is (its offset in the text left, its offset in ``text``, its length):
    an offset in the text left is the same distance into the piece that holds it.
    """
    kept: list[tuple[int, int, int]] = []
    position = left = 0
    for removal in sorted(removals, key=START):
        if removal.start > position:
            kept.append((left, position, removal.start - position))
            left += removal.start - position
        position = removal.end
    if position < len(text):
        kept.append((left, position, len(text) - position))
    return kept


def lift_removals(
    doc: Document, earlier: Iterable[Removal], later: Iterable[Removal]
) -> list[Removal]:
    """``later``, removals from the text ``earlier`` left of ``doc.text``, as removals from it.

    The text left is ``doc.text`` with the earlier spans cut out, so each of
    its spans was made of pieces of ``doc.text`` lying between earlier
    removals. A later removal becomes a removal of each such piece, under the
    same stage, rule and reason, split where a line of ``doc`` ends: whole
    lines stay whole-line removals, the rest of a line (beside an earlier cut)
    is a part-of-line removal. Together with ``earlier`` they cut out of
    ``doc.text`` exactly what both rounds cut.
    """
    kept = kept_pieces(doc.text, earlier)
    kept_starts = [piece[0] for piece in kept]
    lifted: list[Removal] = []
    for removal in later:
        at = removal.start
        piece = bisect_right(kept_starts, at) - 1
        while at < removal.end:
            left_start, start, length = kept[piece]
            until = min(removal.end, left_start + length)
            lifted.extend(
                _line_pieces(doc, removal, start + at - left_start, start + until - left_start)
            )
            at = until
            piece += 1
    return lifted


def _line_pieces(doc: Document, removal: Removal, start: int, end: int) -> Iterator[Removal]:
    """``removal``'s stage, rule and reason over ``start``..``end`` of ``doc.text``, by lines:
    a run of whole lines as one removal, a part of a line as a part-of-line one."""
    starts = doc.starts
    index = bisect_right(starts, start) - 1
    last = bisect_right(starts, end - 1) - 1
    whole_from: int | None = None  # the first line of a run of whole lines
    while index <= last:
        line_start = starts[index]
        line_end = line_start + len(doc.lines[index]) + len(doc.ends[index])
        # remove_lines leaves a byte-order mark at the very start where it is.
        first_column = 1 if line_start == 0 and doc.text.startswith("\ufeff") else 0
        if start <= line_start + first_column and line_end <= end:
            whole_from = index if whole_from is None else whole_from
        else:
            if whole_from is not None:
                yield doc.remove_lines(
                    removal.stage, removal.rule, removal.reason, whole_from, index - 1
                )
                whole_from = None
            yield doc.remove_span(
                removal.stage,
                removal.rule,
                removal.reason,
                index,
                max(start, line_start) - line_start,
                min(end, line_end) - line_start,
            )
        index += 1
    if whole_from is not None:
        yield doc.remove_lines(removal.stage, removal.rule, removal.reason, whole_from, last)
