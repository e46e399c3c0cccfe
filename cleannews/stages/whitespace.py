"""Blank lines left over where removed lines stood; nothing else.

Removing "Advertisement" from between two blank lines would leave a double gap,
and removing a first line would leave the text starting with a blank line. This
stage runs last and, only in the gaps that hold a removed line, keeps as many
blank lines as the widest run the author had there; before the first kept line
and after the last it keeps none, and a text that ended without a line break
still does. Spacing anywhere else is the author's and is left exactly as it was.

>>> from cleannews import clean
>>> clean("One.\\n\\nAdvertisement\\n\\nTwo.\\n")
'One.\\n\\nTwo.\\n'
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from cleannews.document import Document, Removal
from cleannews.stages.base import Stage


class WhitespaceStage(Stage):
    """Blank lines left over where removed lines stood (runs after every other stage)."""

    name = "whitespace"
    rules: ClassVar[dict[str, str]] = {
        "blank_gap": "a blank line left over where removed lines stood",
        "final_newline": "the line break before removed last lines (the text ended without one)",
    }

    def find(self, doc: Document) -> Iterator[Removal]:
        removed = doc.removed
        if 1 not in removed:
            return
        blank = doc.blank
        count = len(doc)
        # Only gaps that hold a removed line change: go from one removed line to
        # the next (bytearray.find runs in C) and widen each to its gap, the
        # lines between the kept non-blank lines around it.
        index = removed.find(1)
        while index >= 0:
            # Widen to the gap, noting its blank lines that are still there.
            live_blanks = []
            first = index
            while first > 0:
                if not removed[first - 1]:
                    if not blank[first - 1]:
                        break
                    live_blanks.append(first - 1)
                first -= 1
            live_blanks.reverse()
            stop = index + 1
            while stop < count:
                if not removed[stop]:
                    if not blank[stop]:
                        break
                    live_blanks.append(stop)
                stop += 1
            # The gap holds a removed line (index). Before the first kept line
            # or after the last, a gap that held residue goes entirely: the text
            # starts and ends with its own words. Elsewhere it keeps as many
            # blank lines as its widest run had: one left, or none, stays.
            if first == 0 or stop == count:
                keep = 0
            elif len(live_blanks) < 2:
                keep = 1
            else:
                keep = _widest_run(blank, first, stop)
            if len(live_blanks) > keep:
                yield from self._remove_runs(doc, live_blanks[keep:])
            index = removed.find(1, stop + 1)
        yield from self._keep_missing_final_newline(doc)

    def _keep_missing_final_newline(self, doc: Document) -> Iterator[Removal]:
        """A text that ended without a line break still does when its last lines go.

        Otherwise "Body.\\nAdvertisement" would become "Body.\\n" and a file
        without a final newline would gain one.
        """
        removed = doc.removed
        if doc.ends[-1] or not removed[-1]:
            return
        last_kept = next((i for i in range(len(doc) - 1, -1, -1) if not removed[i]), None)
        if last_kept is None:
            return
        line = doc.lines[last_kept]
        ending = doc.ends[last_kept]
        yield self.remove_span(doc, "final_newline", last_kept, len(line), len(line) + len(ending))

    def _remove_runs(self, doc: Document, indexes: list[int]) -> Iterator[Removal]:
        """One removal per run of consecutive line indexes."""
        run_start = previous = -2
        for index in indexes:
            if index != previous + 1:
                if run_start >= 0:
                    yield self.remove_lines(doc, "blank_gap", run_start, previous)
                run_start = index
            previous = index
        if run_start >= 0:
            yield self.remove_lines(doc, "blank_gap", run_start, previous)


def _widest_run(blank: list[bool], first: int, stop: int) -> int:
    """The longest run of consecutive blank lines in the original gap ``first``..``stop-1``."""
    widest = current = 0
    for is_blank in blank[first:stop]:
        current = current + 1 if is_blank else 0
        if current > widest:
            widest = current
    return widest
