"""Markup residue: stray HTML tags and attributes, markdown images and empty links.

Extractors that miss a tag or write markdown leave lines that are code, not
text: a closing ``</span>``, an ``<img`` whose attributes run on over the next
lines (``width="50">``, ``srcset="..."``), an escaped ``&lt;span ...&gt;``, an
image as ``![](data:image/gif;base64,...)``, a link with no words ``[][4]``, a
blog shortcode that was never rendered (``[button link="..."]Send[/button]``), a
line of hashtags (``#travel #food``).
A line goes only when it holds nothing else: a tag with words between its
brackets, or a sentence that quotes a tag, is text. A text with a fenced code
block (```), which is where tech stories show HTML, keeps all its lines.

>>> from cleannews import clean
>>> clean('The dam held.\\n<span class="dot"></span>\\n![](data:image/gif;base64,R0lG)\\n')
'The dam held.\\n'
>>> clean("Type <br> to break a line, the tutorial says.\\n")
'Type <br> to break a line, the tutorial says.\\n'
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from cleannews.document import Document, Removal
from cleannews.stages.base import LinePatternStage

_NAME = r"[a-z][a-z0-9-]{0,20}"
# An attribute: name="value", name='value' or a bare name; values stay on the line.
_VALUE = r"(?:\"[^\"\n]{0,2000}\"|'[^'\n]{0,2000}'|[^\s<>\"']{1,200})"
_ATTRIBUTE = rf"[a-z][\w:.-]{{0,40}}(?:[^\S\n]*=[^\S\n]*{_VALUE})?"
_TAG = rf"</?{_NAME}(?:[^\S\n]+{_ATTRIBUTE}){{0,30}}[^\S\n]*/?>"
_ESCAPED_TAG = rf"&(?:amp;)*lt;/?{_NAME}(?:[^\S\n][^\n]{{0,2000}})?"
# A markdown image, maybe inside a link: ![alt](src) or [![alt](src)](href).
_IMAGE = r"!\[[^\]\n]{0,300}\]\([^)\n]{0,3000}\)"
_LINKED_IMAGE = rf"\[{_IMAGE}\]\([^)\n]{{0,1000}}\)"

_SHORTCODE = r"[a-z_][\w-]{0,30}"

# Every rule needs one of these characters on the line: a tag's "<", an
# attribute's or an opening shortcode's "=", an escaped tag's "&", a markdown
# image's or link's "[" or "]" (a link's closing "](address)" or "][4]" holds
# no "["), a hashtag's "#". No rule matches a line without one, so only lines
# holding one are tried (they have no case, so IGNORECASE changes nothing).
_MARKS = ("<", "=", "&", "[", "]", "#")
# A bracket counts only with what a rule puts next to it: a markdown image's
# "![" or "[![", an empty link's "[]", a closing shortcode's "[/", the "]("
# or "][" that closes a link (an opening shortcode holds "=" as well). A link
# definition ("[4]: https://...", which the links stage removes) has none of
# these, and link definitions were most of the lines "[" and "]" let through.
_BRACKETS = (("[", "]/!"), ("]", "[("))
_LONE_MARKS = tuple(mark for mark in _MARKS if mark not in dict(_BRACKETS))

# A fenced code block starts with this on a line of its own.
_FENCE = "```"


def has_fence(text: str) -> bool:
    """Whether a line of ``text`` starts, after spaces, with a code fence.

    What ``re.search(r"^[^\\S\\n]*FENCE", text, re.MULTILINE)`` answers, without
    trying a pattern at every character: find the literal fence in C and check
    that only spaces stand before it on its line (``str.isspace`` is exactly what
    ``\\s`` matches). A later fence on a line whose first fence has other
    characters before it has them before it too, so the search goes on at the
    next line, and the work stays linear.
    """
    if "`" not in text:  # a single character is found far faster
        return False
    pos = text.find(_FENCE)
    while pos >= 0:
        before = text[text.rfind("\n", 0, pos) + 1 : pos]
        if not before or before.isspace():
            return True
        end = text.find("\n", pos)
        pos = text.find(_FENCE, end + 1) if end >= 0 else -1
    return False


def _marked_lines(doc: Document) -> list[int]:
    """Indexes of the lines that hold a mark (see :data:`_BRACKETS`), in order.

    ``str.find`` looks for one character at memory speed, but for two at a
    tenth of that: so a bracket is found alone, and its neighbours looked at.
    """
    text = doc.joined  # every line, the last too, ends with "\n"
    index_at = doc.index_at
    found: set[int] = set()
    for mark in _LONE_MARKS:
        pos = text.find(mark)
        while pos >= 0:
            found.add(index_at(pos))
            # One hit per line is enough: go on after this line.
            pos = text.find(mark, text.find("\n", pos) + 1)
    for bracket, after in _BRACKETS:
        pos = text.find(bracket)
        while pos >= 0:
            if text[pos + 1] in after or (bracket == "[" and text[pos - 1 : pos] == "!"):
                found.add(index_at(pos))
                pos = text.find("\n", pos)
            pos = text.find(bracket, pos + 1)
    return sorted(found)


class MarkupStage(LinePatternStage):
    """Stray HTML tags and attributes, escaped tags, markdown images and links without words."""

    name = "markup"
    rules: ClassVar[dict[str, str]] = {
        "html_tags": "a line of HTML tags with no text between them",
        "tag_fragment": "the start or the attributes of an HTML tag broken over lines",
        "escaped_tag": "an HTML tag printed with its brackets escaped (&lt;...)",
        "markdown_image": "a markdown image (![alt](address)): the picture, not its words",
        "empty_link": "a markdown link with no words ([][4], [](address))",
        "shortcode": 'a blog shortcode left unrendered ([button link="..."] ... [/button])',
        "hashtags": "a line of hashtags and nothing else (#travel #food)",
    }
    patterns: ClassVar[dict[str, str]] = {
        # Entities between tags are no text: '<span class="x">&#65279;</span>'.
        "html_tags": rf"(?:{_TAG}[^\S\n]*(?:&#?\w{{1,10}};[^\S\n]*)*)+",
        # "<img" or '<source type="image/webp"' left open; 'width="50">' closing it.
        "tag_fragment": (
            rf"<{_NAME}(?:[^\S\n]+{_ATTRIBUTE}){{0,30}}"
            r"|(?:[a-z][\w:.-]{0,40}[^\S\n]*=[^\S\n]*(?:\"[^\"\n]{0,2000}\"|'[^'\n]{0,2000}')[^\S\n]*){1,30}/?>?"
        ),
        "escaped_tag": _ESCAPED_TAG,
        "markdown_image": rf"(?:(?:{_IMAGE}|{_LINKED_IMAGE})[^\S\n]*)+",
        # "[][7]", or the "][7]" that closes a link whose words were on lines above
        "empty_link": (
            r"(?:\[\](?:\[\d{1,4}\]|\([^)\n]{0,1000}\))[^\S\n]*)+"
            r"|\](?:\[\d{1,4}\]|\([^)\s]{1,1000}\))"
        ),
        # An opening shortcode has attributes, so "[Updated]" or "[1]" is no shortcode.
        # Two or more tags: "#Budget2024" alone could be a heading's text.
        "hashtags": r"\[?(?:#[^\W\d_][\w-]{0,60}[^\S\n]*,?[^\S\n]*){2,40}\]?",
        "shortcode": (
            rf"\[{_SHORTCODE}(?:[^\S\n]+[\w-]{{1,30}}[^\S\n]*=[^\]\n]{{0,300}})+\]"
            rf"(?:[^\n]{{0,300}}\[/{_SHORTCODE}\])?|\[/{_SHORTCODE}\]"
        ),
    }

    _fenced = False

    def prepare(self) -> None:
        self.line_matcher()  # what find uses; the whole-text scanner is not

    def find(self, doc: Document) -> Iterator[Removal]:
        # Worked out once a text: does it show code in a fenced block?
        self._fenced = has_fence(doc.joined)
        yield from super().find(doc)

    def candidate_lines(self, doc: Document) -> list[int] | None:
        if self.patterns is MarkupStage.patterns:
            return _marked_lines(doc)
        return None  # a subclass with rules of its own: the gate is not theirs

    def accept(self, doc: Document, index: int, match: re.Match[str]) -> bool:
        """Tags and attributes in a text with a code block are the code's."""
        return match.lastgroup in ("markdown_image", "empty_link") or not self._fenced
