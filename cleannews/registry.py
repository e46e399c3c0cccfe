"""Which stages exist, in which order they run, and where each comes from.

Built-in stages are listed here by module path and imported only when a
pipeline needs them. Third-party stages register in the ``cleannews.stages``
entry-point group (see :mod:`cleannews.plugins`); they are looked up once, and
only when a stage name is not a built-in one or all stages are listed, so a
plain run never pays for scanning installed packages.
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
    "links": "cleannews.stages.links:LinksStage",
    "related": "cleannews.stages.related:RelatedStage",
    "prompts": "cleannews.stages.prompts:PromptsStage",
    "widgets": "cleannews.stages.widgets:WidgetsStage",
    "credits": "cleannews.stages.credits:CreditsStage",
    "author_box": "cleannews.stages.author_box:AuthorBoxStage",
    "markup": "cleannews.stages.markup:MarkupStage",
    "navigation": "cleannews.stages.navigation:NavigationStage",
    "byline": "cleannews.stages.byline:BylineStage",
    "wire": "cleannews.stages.wire:WireStage",
    "headline": "cleannews.stages.headline:HeadlineStage",
    "captions": "cleannews.stages.captions:CaptionsStage",
    "whitespace": "cleannews.stages.whitespace:WhitespaceStage",
}

# Stages that must run last whatever else is enabled.
FINAL_STAGES = ("whitespace",)


# Stages made of user rules under a new name run just before this one, so that
# the captions stage sees their removals ("separated only by removable lines").
USER_STAGES_BEFORE = "captions"


class UnknownStageError(ValueError):
    """A stage name that no built-in stage, user rule or plugin provides."""


def _load(target: str) -> type[Stage]:
    module_name, _, attribute = target.partition(":")
    stage_class: type[Stage] = getattr(importlib.import_module(module_name), attribute)
    return stage_class


@cache
def builtins() -> dict[str, type[Stage]]:
    """The built-in stages by name, in run order."""
    return {name: _load(target) for name, target in BUILTIN_STAGES.items()}


@cache
def plugins() -> dict[str, type[Stage]]:
    """Stages from installed packages (entry points), looked up once, on first need."""
    from cleannews import plugins as entry_points

    return entry_points.load(taken=builtins().keys())


def available(include_plugins: bool = True) -> dict[str, type[Stage]]:
    """Every stage by name, in run order: built-ins, then plugins, then the final stages."""
    stages = {name: cls for name, cls in builtins().items() if name not in FINAL_STAGES}
    if include_plugins:
        stages.update(plugins())
    stages.update((name, builtins()[name]) for name in FINAL_STAGES)
    return stages


def get(name: str) -> type[Stage]:
    stages = builtins() if name in builtins() else available()
    if name not in stages:
        raise UnknownStageError(f"unknown stage {name!r} (stages: {', '.join(stages)})")
    return stages[name]


def default_names() -> list[str]:
    """Names of the stages that run when none are chosen, in run order.

    Plugin stages are not among them: they run only when named, so that
    installing a package never changes what a plain run removes.
    """
    return [name for name, cls in builtins().items() if cls.enabled_by_default]


def arrange(
    stages: dict[str, type[Stage]], rule_stages: dict[str, type[Stage]]
) -> dict[str, list[type[Stage]]]:
    """Each stage name in run order with the classes that make it up.

    User rules under an existing stage's name run right after that stage, as
    part of it; user rules under a new name form a stage of their own, placed
    before :data:`USER_STAGES_BEFORE` (or before the final stages).
    """
    new = {name: cls for name, cls in rule_stages.items() if name not in stages}
    before = USER_STAGES_BEFORE if USER_STAGES_BEFORE in stages else FINAL_STAGES[0]
    order: dict[str, list[type[Stage]]] = {}
    for name, cls in stages.items():
        if name == before:
            # dict.update keeps insertion order: the new stages land here.
            order.update((new_name, [new_cls]) for new_name, new_cls in new.items())
        order[name] = [cls]
        if name in rule_stages:
            order[name].append(rule_stages[name])
    return order
