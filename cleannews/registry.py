"""Which stages exist, in which order they run, and where each comes from.

Built-in stages are listed here by module path and imported only when a
pipeline needs them. Third-party stages register in the ``cleannews.stages``
entry-point group; they are looked up once, on first use.
"""

from __future__ import annotations

import importlib
from functools import cache

from cleannews.stages.base import Stage

# Run order matters: line stages first, then captions (which skips lines that
# earlier stages removed, so "separated only by removable lines" works), then
# the whitespace tidy-up, which only closes gaps that the others left.
BUILTIN_STAGES: dict[str, str] = {
    "ads": "cleannews.stages.ads:AdsStage",
    "reading_time": "cleannews.stages.reading_time:ReadingTimeStage",
    "chrome": "cleannews.stages.chrome:ChromeStage",
    "captions": "cleannews.stages.captions:CaptionsStage",
    "whitespace": "cleannews.stages.whitespace:WhitespaceStage",
}

# Stages that must run last whatever else is enabled.
FINAL_STAGES = ("whitespace",)


class UnknownStageError(ValueError):
    """A stage name that no built-in stage or plugin provides."""


def _load(target: str) -> type[Stage]:
    module_name, _, attribute = target.partition(":")
    stage_class: type[Stage] = getattr(importlib.import_module(module_name), attribute)
    return stage_class


@cache
def available() -> dict[str, type[Stage]]:
    """Every stage by name, in run order: built-ins, then plugins, then the final stages."""
    stages = {
        name: _load(target) for name, target in BUILTIN_STAGES.items() if name not in FINAL_STAGES
    }
    final = {name: _load(BUILTIN_STAGES[name]) for name in FINAL_STAGES}
    stages.update(final)
    return stages


def get(name: str) -> type[Stage]:
    stages = available()
    if name not in stages:
        raise UnknownStageError(f"unknown stage {name!r} (stages: {', '.join(stages)})")
    return stages[name]


def default_names() -> list[str]:
    """Names of the stages that run when none are chosen, in run order."""
    return [name for name, cls in available().items() if cls.enabled_by_default]
