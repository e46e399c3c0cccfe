"""Lines written in capitals only ("BREAKING NEWS", "LIVE UPDATES"): page banners."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from cleannews.document import Document, Removal
from cleannews.stages.base import Stage


class ShoutStage(Stage):
    """Banner lines written in capitals only, such as "BREAKING NEWS"."""

    name = "shout"
    rules: ClassVar[dict[str, str]] = {"all_capitals": "a banner written in capitals only"}
    defaults: ClassVar[dict[str, int]] = {"min_letters": 6}

    def find(self, doc: Document) -> Iterator[Removal]:
        for index in doc.live():
            letters = [c for c in doc.lines[index] if c.isalpha()]
            if len(letters) >= self.settings["min_letters"] and all(c.isupper() for c in letters):
                yield self.remove_lines(doc, "all_capitals", index)
