"""Runs the chosen stages in order over a document and collects their removals."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from cleannews import registry
from cleannews.config import Options
from cleannews.document import Document, Removal, apply_removals
from cleannews.stages.base import Stage


@dataclass(frozen=True)
class Result:
    """The clean text and every removal that made it, in text order."""

    text: str
    removals: tuple[Removal, ...]

    @property
    def changed(self) -> bool:
        return bool(self.removals)

    def counts(self) -> Counter[str]:
        """Removed lines per ``stage.rule`` key (a part-of-line removal counts as one)."""
        counts: Counter[str] = Counter()
        for removal in self.removals:
            counts[removal.key] += removal.end_line - removal.start_line + 1
        return counts


class Pipeline:
    """An ordered set of configured stages; build once, run on many texts."""

    def __init__(self, options: Options | None = None) -> None:
        options = options or Options()
        self.options = options
        self.stages: list[Stage] = [
            registry.get(name)(**options.settings.get(name, {}))
            for name in self.stage_names(options)
        ]
        for name in options.settings:
            registry.get(name)  # a setting for a stage that does not exist is an error

    @staticmethod
    def stage_names(options: Options) -> list[str]:
        """The names of the stages to run, in run order, after enable/skip."""
        available = registry.available()
        for name in [*(options.stages or ()), *options.enable, *options.skip]:
            registry.get(name)
        if options.stages is not None:
            chosen = set(options.stages) | set(registry.FINAL_STAGES)
        else:
            chosen = set(registry.default_names())
        chosen |= set(options.enable)
        chosen -= set(options.skip)
        return [name for name in available if name in chosen]

    def run(self, text: str, first_line: int = 1) -> Result:
        """Clean ``text``; line numbers in the removals start at ``first_line``."""
        doc = Document(text, first_line)
        removals: list[Removal] = []
        for stage in self.stages:
            for removal in stage.find(doc):
                if not removal.partial:
                    first, last = doc.index_of(removal)
                    doc.removed[first : last + 1] = b"\x01" * (last - first + 1)
                removals.append(removal)
        if not removals:
            return Result(text, ())
        removals.sort(key=lambda removal: removal.start)
        return Result(apply_removals(text, removals), tuple(removals))
