"""Repeated captions and paragraphs: a block printed twice in a row is kept once.

Pages print a photo caption both under the image and in a lightbox or
``<noscript>`` copy, and extractors keep both. A line is a repeat when the
previous remaining line (blank lines and lines other stages removed do not
count) says the same, ignoring case, spacing, punctuation and a trailing photo
credit. Short lines are never treated as repeats: "* * *", table cells and
refrains repeat on purpose.

>>> from cleannews import clean
>>> caption = "Cranes stand idle at the container port on Monday."
>>> clean(f"{caption} Photo: AP\\n{caption}\\n\\nTrade resumed.\\n")
'Cranes stand idle at the container port on Monday. Photo: AP\\n\\nTrade resumed.\\n'
>>> clean("* * *\\n* * *\\n")
'* * *\\n* * *\\n'
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from cleannews.document import Document, Removal
from cleannews.stages.base import Stage

# A credit at the end of a caption: "Photo: AFP", "File photo: Reuters",
# "(Photo by Jane Doe/Getty Images)", "Foto: dpa", "（海辺市提供）", "写真＝ロイター".
_CREDIT_WORD = (
    r"(?:file\s+)?(?:photo(?:graph)?|picture|image|pic|foto|bild|imagen|immagine|фото|credit"
    r"|crédit|crédito|source|quelle|fuente|fonte|写真|撮影|图片|圖片|图|圖|사진)s?"
)
_AGENCY = (
    r"getty\s+images|reuters|ap|afp|dpa|epa|xinhua|bloomberg|shutterstock|anadolu|ani|pa"
    r"|kyodo|tass|ansa|efe|共同|新华社|新華社|연합뉴스"
)
_OPEN = r"[(\[（［【]"
_CLOSE = r"[)\]）］】]"
_INSIDE = r"[^()\[\]（）［］【】\n]"
# Where a credit may begin. A "Photo by ..." or a bare agency name only after the
# caption's last sentence or a separator, so that prose such as "he painted a
# picture by the lake" or a word ending in "ap" is never taken for a credit.
_AFTER_SENTENCE = r"(?:(?<=[.!?。！？])\s*|\s+[-|–—/]\s*|\s*[|–—/]\s*)"
_CREDIT = re.compile(
    r"(?:"
    # "(Photo by Jane Doe/Getty Images)", "[Foto: dpa]", "(AFP)", "（海辺市提供）"
    rf"\s*{_OPEN}\s*(?:{_CREDIT_WORD}(?:\s+by)?\s*[:：=＝]?{_INSIDE}{{1,80}}"
    rf"|{_INSIDE}{{0,60}}?(?:\b(?:{_AGENCY})\b|提供|撮影|摄)\s*){_CLOSE}"
    # "Photo: AFP", "File photo: Reuters", "Credit: Jane Doe", "写真＝ロイター"
    rf"|(?:{_AFTER_SENTENCE}|\s+|^){_CREDIT_WORD}\s*[:：=＝©]\s*[^\n]{{1,80}}"
    # "Picture by Jane Doe"
    rf"|{_AFTER_SENTENCE}{_CREDIT_WORD}\s+by\s+[^\n]{{1,80}}"
    # "© Jane Doe", ". Reuters", "/ AFP"
    r"|\s*(?:©|\(c\))\s*[^\n]{1,60}"
    rf"|{_AFTER_SENTENCE}(?:{_AGENCY})\b"
    r")\s*$",
    re.IGNORECASE,
)
# How far from the end of a line a credit can begin: the longest credit pattern.
_CREDIT_REACH = 160
_NON_WORD = re.compile(r"[\W_]+")
# Chinese, Japanese and Korean say in one character what takes two or three in a
# Latin script; they count double towards ``min_chars``.
_WIDE = re.compile(
    r"[\u1100-\u11ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]"
)


def comparison_key(line: str) -> str:
    """What two copies of a caption share: its words, lower-cased, credit dropped."""
    # A credit sits at the end and is short, so only the end is searched: the
    # pattern is slow on long runs of spaces, and lines can be very long.
    line = line.rstrip()
    cut = max(0, len(line) - _CREDIT_REACH)
    stripped = line[:cut] + _CREDIT.sub("", line[cut:])
    key = _NON_WORD.sub("", stripped.casefold())
    # A line that is nothing but a credit keeps its own words, so two credit
    # lines still compare by what they say.
    return key or _NON_WORD.sub("", line.casefold())


def key_length(key: str) -> int:
    """The length of a comparison key, wide (CJK) characters counting double."""
    return len(key) + len(_WIDE.findall(key))


class CaptionsStage(Stage):
    """Captions and paragraphs printed twice in a row, near-identical copies included."""

    name = "captions"
    rules: ClassVar[dict[str, str]] = {
        "repeated_line": "a copy of the line just before it (a caption or paragraph printed twice)",
    }
    defaults: ClassVar[dict[str, int]] = {"min_chars": 30}

    def find(self, doc: Document) -> Iterator[Removal]:
        min_chars = self.settings["min_chars"]
        removed = doc.removed
        blank = doc.blank
        previous_key: str | None = None
        previous_line: str | None = None
        for index in range(len(doc)):
            if removed[index] or blank[index]:
                continue
            # Compare what the line says after glued markers are cut out of it.
            line = doc.visible(index)
            # A cheap test first: most neighbours differ at their first letters.
            if previous_line is not None and _may_repeat(previous_line, line):
                if previous_key is None:
                    previous_key = comparison_key(previous_line)
                key = comparison_key(line)
                if key == previous_key and key_length(key) >= min_chars:
                    yield self.remove_lines(doc, "repeated_line", index)
                    continue
                previous_key = key
            else:
                previous_key = None
            previous_line = line


def _may_repeat(a: str, b: str) -> bool:
    """False when two lines clearly differ; cheap, so it can run on every line."""
    a = a.lstrip()
    b = b.lstrip()
    return (
        a[:8].casefold() == b[:8].casefold()
        or _NON_WORD.sub("", a[:24].casefold())[:8] == (_NON_WORD.sub("", b[:24].casefold())[:8])
    )
