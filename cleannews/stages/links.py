"""Link reference lists: "[1]: https://example.com/story" lines that markdown output ends with.

Extractors that write markdown turn every link of the page into a reference
definition, listed after the text, one a line, and a long address is often
wrapped onto the next line. Those lines are addresses, not the article. A
definition must point at an address ("https://", "www.", "mailto:", "/path"),
so a numbered footnote with words after it ("[1]: Smith, 2019, p. 4") stays.
The "[text][1]" marks in the paragraphs are left as they are.

>>> from cleannews import clean
>>> text = "Rain is due [on Monday][1].\\n\\n[1]: https://example.com/weather/2024/the-"
>>> clean(text + "rain-will-come-on-monday-\\nafternoon\\n")
'Rain is due [on Monday][1].\\n'
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import ClassVar

from cleannews import regexcache
from cleannews.document import Document, Removal
from cleannews.stages.base import Stage


@cache
def _definitions() -> re.Pattern[str]:
    """Every line of :attr:`Document.scan_text` that defines a link reference, from its "\\n".

    Nothing in the pattern takes a "\\n", so a match is one whole line, up to
    the "\\n" that ends it (every line of scan_text, the last too, ends with
    one). Starting with a "\\n", the scan jumps from line break to line break
    in C and turns most lines away at their first character, as they do not
    open with a "[". Compiled on first need.
    """
    return regexcache.compile(
        r"\n[^\S\n]*\[[^\]\n]{1,40}\]:[^\S\n]*<?(?:https?://|www\.|mailto:|/)\S*"
        r"(?:[^\S\n]+[\"'(][^\n]{0,200}[\"')])?[^\S\n]*(?=\n)",
        re.IGNORECASE,
    )


@cache
def _address_piece() -> re.Pattern[str]:
    """The rest of a wrapped address: one run of characters an address may hold."""
    return regexcache.compile(r"[^\S\n]*[\w\-./?=&%#~+:;,@!*'()\[\]]+[^\S\n]*")


# A definition line this long may have been wrapped by the extractor.
_WRAPPED = 60


class LinksStage(Stage):
    """Markdown link reference lists: "[1]: https://..." lines and their wrapped ends."""

    name = "links"
    rules: ClassVar[dict[str, str]] = {
        "link_reference": 'a markdown link reference definition ("[1]: https://...")',
    }

    def prepare(self) -> None:
        _definitions()
        _address_piece()

    def find(self, doc: Document) -> Iterator[Removal]:
        # Every definition holds "]:" (its label's "]", then the ":"); most
        # texts hold none, and a look for it is all they cost.
        if "]:" not in doc.joined:
            return
        lines = doc.lines
        removed = doc.removed
        blank = doc.blank
        # A match starts at the "\n" before its line: where the line starts in doc.joined.
        found = [match.start() for match in _definitions().finditer(doc.scan_text)]
        definitions = list(map(doc.index_at, found))
        defining = set(definitions)
        for index in definitions:
            if removed[index]:
                continue
            last = index
            # A wrapped address goes on in the very next line, which holds no spaces
            # and does not start a definition of its own; only a long line was wrapped.
            while (
                len(lines[last].strip()) >= _WRAPPED
                and last + 1 < len(lines)
                and not blank[last + 1]
                and not removed[last + 1]
                and last + 1 not in defining
                and _address_piece().fullmatch(lines[last + 1])
            ):
                last += 1
            yield self.remove_lines(doc, "link_reference", index, last)
