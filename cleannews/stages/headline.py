"""The headline (optional): the title line that extractors print above the article.

Off by default: many users want the title kept with the text. Enable it with
``--enable headline``. The first line of the text goes when it reads as a
title: a few words (3 to 25), no full stop, colon or comma at its end, not a
list item, and more text after it. A first line that is a sentence, a
dateline ("WASHINGTON (AP) -- ..."), a label in capitals, a line of fields or
hashtags, or the start of a sentence the extractor wrapped is left alone.

>>> from cleannews import clean
>>> text = "Harbour strike ends after two weeks\\nDock workers returned.\\nShips sailed.\\n"
>>> clean(text, enable=["headline"])
'Dock workers returned.\\nShips sailed.\\n'
>>> clean("Dock workers returned on Monday.\\nShips sailed.\\n", enable=["headline"])
'Dock workers returned on Monday.\\nShips sailed.\\n'
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from cleannews import regexcache
from cleannews.document import Document, Removal
from cleannews.stages.base import EDGE_LINES, Stage, head_lines, live_text_lines

# Ends a sentence or leads into more text, so the line is no title.
_NOT_TITLE_END = frozenset(".,:;…-–—")
# A list item, a quote, a dateline: "- Item", "1. Item", "“Quote", "PARIS (AFP) --".
_NOT_TITLE_START = regexcache.compile(
    r"\s*(?:[-*•·>#|]|\d+[.)]\s|[\"“„«‘']|[A-ZÀ-ÖØ-Þ .,'-]{2,40}(?:\s*\([^)]{1,20}\))?\s+[-–—])"
)
# Fields, hashtags and links: a line of data or a disclosure, not a title.
_NOT_IN_TITLE = regexcache.compile(r"[|;#]|https?:|www\.")
# Words a title does not end on, in several languages: a line that does is the
# first part of a sentence the extractor wrapped.
_LINKING = (
    "and or but the a an of to in for with on at by from as that"
    " und oder der die das den dem ein eine zu mit von für"
    " et ou le la les un une de du des à au avec pour"
    " y o el los las un una del al con para por que"
)
_LINKING_WORDS = frozenset(_LINKING.split())
_MIN_WORDS = 3
_MAX_WORDS = 25
_MAX_CHARS = 200
# A title needs an article under it.
_MIN_LINES_AFTER = 2


class HeadlineStage(Stage):
    """The headline above the article (off by default): a short first line with no full stop."""

    name = "headline"
    reach = EDGE_LINES + 1  # the title is looked for at the head
    first_round_only = True  # the line under a title may read as one too
    enabled_by_default = False
    rules: ClassVar[dict[str, str]] = {
        "headline": "the article's title, printed as its first line",
    }

    def find(self, doc: Document) -> Iterator[Removal]:
        lines = live_text_lines(doc)
        if len(lines) <= _MIN_LINES_AFTER or not head_lines(doc, 1):
            return
        first, second = lines[0], lines[1]
        # A next line that starts in lower case continues a sentence the
        # extractor wrapped: the first line is no title, however it ends.
        title, after = doc.visible(first), doc.visible(second)
        if is_title(title) and not after.lstrip()[:1].islower():
            yield self.remove_lines(doc, "headline", first)


def is_title(line: str) -> bool:
    """Whether a line reads as a title rather than a sentence or a label."""
    # A sentence may end inside quotes or brackets: '... from "Dancing With the Stars."'
    text = line.strip().rstrip("\"'”’»)]*_ ") or line.strip()
    words = text.split()
    if words and words[-1].lower() in _LINKING_WORDS:
        return False  # "... Marcel Granollers and": a sentence wrapped mid-way
    return (
        _MIN_WORDS <= len(words) <= _MAX_WORDS
        and len(text) <= _MAX_CHARS
        and text[-1] not in _NOT_TITLE_END
        and not _NOT_TITLE_START.match(text)
        and not _NOT_IN_TITLE.search(text)
        and text.count(":") <= 1
        and not text.isupper()  # "CLICK FOR RESULTS": a label or a button
    )
