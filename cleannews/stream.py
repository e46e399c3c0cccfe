"""Plain text of any size in bounded memory: clean it window by window.

The text is read in pieces and cleaned in windows of about :data:`WINDOW`
characters. A window is cleaned whole, but only the part before its last *anchor*
is written out: a non-blank line that no stage removed, with at least
:data:`CONTEXT_LINES` lines that no stage removed after it. The anchor and
everything after it are cleaned again with the next window, together with at
least as many lines before the anchor as look-behind context.

Why that gives the same result as cleaning the whole text at once:

- line stages (ads, reading times, chrome) judge each line on its own;
- the captions stage compares a line with the previous kept line, and the
  anchor is a kept line that the next window starts from, so a caption repeated
  right after the cut is still caught;
- the whitespace stage tidies gaps between kept non-blank lines, and a cut at an
  anchor never splits a gap;
- stages that look further (an author box in the last lines, a credit on the
  last line) say how far in ``Stage.reach``, and the context is never less
  than that, counted in lines that no stage removed: later rounds of cleaning
  judge the text left, where a run of removed lines is gone (the look-behind
  also allows for the lines each round may take at the next window's head);
- a stage that looks back a number of *kept* lines (the captions stage looks
  for a caption's copy among the last kept lines, however many removed or
  blank lines lie between) says how many in a ``kept_reach`` attribute, and
  the context before a cut holds that many lines with a letter or digit that
  no stage removed, up to :data:`MAX_GROWTH` windows of text (of at least
  :data:`WINDOW` characters).

A stage that looks further than it says could decide differently near a cut
(so could the captions stage when a chain of caption copies, each a few kept
lines after the last, runs back past the context, or past the cap), and so
could any stage when a window holds no anchor at all (megabytes of blank or
removed lines, or a few huge lines); then the window is cut at a line boundary
without one. Text with no ``\\n`` line break at all (old Mac ``\\r``
files, one giant line) cannot be cut and is held whole. That is the trade-off
for memory that does not grow with the input.
"""

from __future__ import annotations

import codecs
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from typing import Protocol

from cleannews.document import Removal, apply_removals
from cleannews.pipeline import MAX_ROUNDS, Pipeline, Result
from cleannews.sources import BOM

# Characters per window: big enough that the re-cleaned context is noise, small
# enough that memory stays flat (a str of 1 M characters is 1-4 MB).
WINDOW = 1024 * 1024
# Lines of context around a cut; far more than any built-in stage looks.
CONTEXT_LINES = 32
# When a window holds no anchor, read on until it is this many windows long.
MAX_GROWTH = 8
# A letter or a digit: what makes a line count as kept text.
_WORD = re.compile(r"[^\W_]")
# Bytes read at a time.
READ_SIZE = 1024 * 1024


class Reader(Protocol):
    """What input is read from: a binary file, stdin's buffer, a gzip file."""

    def read(self, size: int = -1, /) -> bytes: ...


def decoded_pieces(stream: Reader, size: int | None = None) -> Iterator[str]:
    """The stream decoded as UTF-8 (surrogateescape), a piece at a time.

    A character split between two reads is held back until it is whole, so the
    pieces join to exactly what decoding the whole stream at once would give.
    """
    size = size or READ_SIZE
    decoder = codecs.getincrementaldecoder("utf-8")("surrogateescape")
    while True:
        data = stream.read(size)
        if not data:
            break
        text = decoder.decode(data)
        if text:
            yield text
    tail = decoder.decode(b"", final=True)
    if tail:
        yield tail


def split_bom(pieces: Iterable[str]) -> tuple[str, Iterator[str]]:
    """The byte-order mark at the very start (or ""), and the pieces without it."""
    iterator = iter(pieces)
    for first in iterator:
        if first.startswith(BOM):
            return BOM, _chain(first[1:], iterator)
        return "", _chain(first, iterator)
    return "", iter(())


def _chain(first: str, rest: Iterator[str]) -> Iterator[str]:
    if first:
        yield first
    yield from rest


def clean_pieces(
    pipeline: Pipeline,
    pieces: Iterable[str],
    window: int | None = None,
    context: int = CONTEXT_LINES,
) -> Iterator[Result]:
    """Clean text given in pieces; yield the clean text and removals window by window.

    Joined, the yielded texts are the clean text; the removals carry line numbers
    and character offsets into the whole input, as if it had been cleaned at once.
    ``window`` defaults to :data:`WINDOW`.
    """
    window = window or WINDOW
    # Stages that look further than one line (head and tail rules) need that
    # much context on both sides of a cut.
    context = max(context, pipeline.reach)
    # The next window's first lines read to its stages as the head of a text,
    # and each round of cleaning there may take up to ``reach`` of them that
    # this window keeps: the context before a cut allows for every round.
    behind = context + MAX_ROUNDS * pipeline.reach
    kept_context = _kept_reach(pipeline)
    buffer = ""  # text not yet written, after some context already written
    pending: list[str] = []
    pending_size = 0
    emitted = 0  # offset in buffer where the unwritten text starts
    first_line = 1  # line number of buffer[0] in the whole input
    base = 0  # offset of buffer[0] in the whole input
    threshold = window  # unwritten characters that make us try a cut
    warned: tuple[str, ...] = ()  # the last window's warnings, not to be repeated
    for piece in pieces:
        pending.append(piece)
        pending_size += len(piece)
        if len(buffer) - emitted + pending_size < threshold:
            continue
        buffer += "".join(pending)
        pending.clear()
        pending_size = 0
        cut = buffer.rfind("\n") + 1
        if cut <= emitted:
            continue  # no line break yet: keep reading
        text = buffer[:cut]
        result = pipeline.run(text, first_line)
        gone = _Gone(result.removals)
        commit = _anchor(text, gone, emitted, context)
        if commit is None:
            if threshold < window * MAX_GROWTH:
                threshold *= 2  # no anchor yet: read more before trying again
                continue
            commit = _fallback_cut(text, result.removals, emitted, context)
        threshold = window
        # Context lines are cleaned twice; a warning about one is given once.
        fresh = tuple(note for note in result.warnings if note not in warned)
        warned = result.warnings
        yield _window(text, result.removals, emitted, commit, base, fresh)
        # Never hold more than a few windows of context, whatever the lines.
        limit = max(0, commit - MAX_GROWTH * max(window, WINDOW))
        keep_from, _ = _lines_back_counting(text, commit, behind, limit, gone.keeps)
        if kept_context:
            kept_from, _ = _lines_back_counting(
                text, commit, kept_context, limit, partial(gone.keeps_text, text)
            )
            keep_from = min(keep_from, kept_from)
        first_line += _count_lines(text, 0, keep_from)
        base += keep_from
        buffer = buffer[keep_from:]
        emitted = commit - keep_from
    buffer += "".join(pending)
    if len(buffer) > emitted or not base:
        result = pipeline.run(buffer, first_line)
        fresh = tuple(note for note in result.warnings if note not in warned)
        yield _window(buffer, result.removals, emitted, len(buffer), base, fresh)


def _kept_reach(pipeline: Pipeline) -> int:
    """The most kept lines any stage looks back over (a stage's ``kept_reach``, if it has one)."""
    return max((getattr(stage, "kept_reach", 0) for stage in pipeline.stages), default=0)


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def _count_lines(text: str, start: int, end: int) -> int:
    """Line breaks in ``text[start:end]`` (``\\r\\n``, ``\\r`` and ``\\n`` each count once)."""
    count = text.count("\n", start, end)
    if "\r" in text:
        count += text.count("\r", start, end) - text.count("\r\n", start, end)
    return count


def _lines_back(text: str, position: int, lines: int) -> int:
    """The start of the ``\\n``-line ``lines`` lines before the one starting at ``position``."""
    for _ in range(lines):
        if position <= 0:
            return 0
        position = text.rfind("\n", 0, position - 1) + 1
    return position


def _anchor(text: str, gone: _Gone, emitted: int, context: int) -> int | None:
    """The start of the last kept, non-blank line with ``context`` kept lines after it."""
    end, enough = _lines_back_counting(text, len(text), context, emitted, gone.keeps)
    while enough and end > emitted:
        start = text.rfind("\n", 0, end - 1) + 1
        if start <= emitted:
            break
        body = text[start : end - 1].removesuffix("\r")
        # A line holding a lone "\r" is two lines to the stages; never anchor there.
        if "\r" not in body and body.strip() and gone.keeps(start):
            return start
        end = start
    return None


def _lines_back_counting(
    text: str, position: int, lines: int, limit: int, counts: Callable[[int], object]
) -> tuple[int, bool]:
    """The start of the line ``lines`` counted lines before ``position``.

    ``counts(start)`` says whether the line starting at ``start`` counts; the
    lines between that do not come along. Later rounds of cleaning judge the
    text left, where removed lines are gone: a head or tail rule then reaches
    that many lines *of the text left*, so context is counted in lines that no
    stage removed. The walk stops at the first line start at or after
    ``limit``; the flag says whether it found that many lines.
    """
    seen = 0
    while seen < lines and position > limit:
        start = text.rfind("\n", 0, position - 1) + 1
        if start < limit:
            break  # the cap: a few windows of context at most
        position = start
        if counts(start):
            seen += 1
    return position, seen == lines


def _fallback_cut(text: str, removals: tuple[Removal, ...], emitted: int, context: int) -> int:
    """A line boundary ``context`` lines from the end (or the end), outside any removal."""
    cut = _lines_back(text, len(text), context)
    if cut <= emitted:
        cut = len(text)
    for removal in removals:
        if removal.start < cut < removal.end:
            cut = removal.end
    return cut


class _Gone:
    """The whole-line removals of a window, to ask of a line whether it stays."""

    def __init__(self, removals: Iterable[Removal]) -> None:
        self.whole = [r for r in removals if not r.partial]
        self.starts = [r.start for r in self.whole]

    def keeps(self, offset: int) -> bool:
        """Whether no whole-line removal covers the character at ``offset``."""
        index = bisect_right(self.starts, offset) - 1
        return index < 0 or self.whole[index].end <= offset

    def keeps_text(self, text: str, start: int) -> bool:
        """Whether the line starting at ``start`` stays and has a letter or digit.

        Lines that a stage counts but this does not (no letter, a lone ``\\r``
        inside) only make the context longer, never shorter than the stage needs.
        """
        return self.keeps(start) and _WORD.search(text, start, _line_end(text, start)) is not None


def _window(
    text: str,
    removals: tuple[Removal, ...],
    emitted: int,
    commit: int,
    base: int,
    warnings: tuple[str, ...] = (),
) -> Result:
    """The clean text of ``text[emitted:commit]`` and its removals, offsets made absolute."""
    inside = [r for r in removals if emitted <= r.start < commit]
    segment = text[emitted:commit]
    if not inside:
        return Result(segment, (), warnings)
    local = [r._replace(start=r.start - emitted, end=r.end - emitted) for r in inside]
    clean = apply_removals(segment, local)
    shift = base + emitted
    absolute = tuple(r._replace(start=r.start + shift, end=r.end + shift) for r in local)
    return Result(clean, absolute, warnings)
