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
# "(Photo by Jane Doe/Getty Images)", "Foto: dpa", "Credit: ...".
_CREDIT_WORD = (
    r"(?:file\s+)?(?:photo(?:graph)?|picture|image|pic|foto|bild|imagen|immagine|фото|credit"
    r"|crédit|crédito|source|quelle|fuente|fonte)s?"
)
_AGENCY = r"getty\s+images|reuters|ap|afp|dpa|epa|xinhua|bloomberg|shutterstock|anadolu|ani|pa"
_CREDIT = re.compile(
    r"[\s.,;|–—-]*(?:"
    # "(Photo by Jane Doe/Getty Images)", "[Foto: dpa]"
    rf"[(\[]\s*{_CREDIT_WORD}(?:\s+by)?\s*[:：]?[^()\[\]]{{1,80}}[)\]]"
    # "Photo: AFP", "File photo: Reuters", "Credit: Jane Doe", "Picture by ..."
    rf"|{_CREDIT_WORD}\s*(?:by\s+|[:：©]\s*)[^\n]{{1,80}}"
    # "© Jane Doe", "/ AFP", "(Reuters)"
    r"|(?:©|\(c\))\s*[^\n]{1,60}"
    rf"|[(\[]?(?:{_AGENCY})[)\]]?"
    r")\s*$",
    re.IGNORECASE,
)
_NON_WORD = re.compile(r"[\W_]+")


def comparison_key(line: str) -> str:
    """What two copies of a caption share: its words, lower-cased, credit dropped."""
    stripped = _CREDIT.sub("", line)
    key = _NON_WORD.sub("", stripped.casefold())
    # A line that is nothing but a credit keeps its own words, so two credit
    # lines still compare by what they say.
    return key or _NON_WORD.sub("", line.casefold())


class CaptionsStage(Stage):
    """Captions and paragraphs printed twice in a row, near-identical copies included."""

    name = "captions"
    rules: ClassVar[dict[str, str]] = {
        "repeated_line": "a copy of the line just before it (a caption or paragraph printed twice)",
    }
    defaults: ClassVar[dict[str, int]] = {"min_chars": 30}

    def find(self, doc: Document) -> Iterator[Removal]:
        min_chars = self.settings["min_chars"]
        lines = doc.lines
        removed = doc.removed
        blank = doc.blank
        previous_key: str | None = None
        previous_line: str | None = None
        for index, line in enumerate(lines):
            if removed[index] or blank[index]:
                continue
            # A cheap test first: most neighbours differ at their first letters.
            if previous_line is not None and _may_repeat(previous_line, line):
                if previous_key is None:
                    previous_key = comparison_key(previous_line)
                key = comparison_key(line)
                if key == previous_key and len(key) >= min_chars:
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
