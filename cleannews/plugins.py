"""Stages from other packages, found through the ``cleannews.stages`` entry-point group.

A package adds a stage by naming its class in its own ``pyproject.toml``::

    [project.entry-points."cleannews.stages"]
    shout = "cleannews_shout:ShoutStage"

The entry point's name must be the stage's ``name``, in snake_case. A plugin that fails to
load, or is not a stage, is skipped with a :class:`PluginWarning` naming it;
it never stops a run. Plugin stages run only when named (``--enable shout``),
so installing a package never changes what cleannews removes by itself.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Set
from typing import Any

from cleannews.rules import is_name
from cleannews.stages.base import Stage

GROUP = "cleannews.stages"


class PluginWarning(UserWarning):
    """A plugin stage that could not be used."""


def load(
    found: Iterable[Any] | None = None, taken: Set[str] = frozenset()
) -> dict[str, type[Stage]]:
    """The plugin stages by name, from ``found`` entry points (default: installed ones).

    ``taken`` are names already used (the built-in stages); a plugin may not
    replace one.
    """
    if found is None:
        from importlib.metadata import entry_points

        found = entry_points(group=GROUP)
    stages: dict[str, type[Stage]] = {}
    for entry in found:
        try:
            stage = entry.load()
        except Exception as error:  # whatever a third-party import raises
            _warn(entry, f"failed to load: {type(error).__name__}: {error}")
            continue
        problem = _problem(entry.name, stage, taken | stages.keys())
        if problem:
            _warn(entry, problem)
            continue
        if "origin" not in vars(stage):
            stage.origin = _origin(entry)
        stages[entry.name] = stage
    return stages


def _problem(name: str, stage: Any, taken: Set[str]) -> str | None:
    if not (isinstance(stage, type) and issubclass(stage, Stage)):
        return f"is not a cleannews Stage class (got {stage!r})"
    if getattr(stage, "name", None) != name:
        return f"its stage is named {getattr(stage, 'name', None)!r}, not {name!r}"
    if not is_name(name):
        # "--enable a,b" names two stages, "--set a.b.key=1" stage "a".
        return f"{name!r} is not a snake_case stage name (a-z, digits and _)"
    if name in taken:
        return f"a stage named {name!r} already exists"
    if not isinstance(getattr(stage, "rules", None), dict):
        return "its stage has no rules mapping (rule id -> reason)"
    return None


def _origin(entry: Any) -> str:
    dist = getattr(entry, "dist", None)
    if dist is None:
        return f"plugin {entry.value}"
    return f"plugin {dist.metadata['Name']} {dist.version}"


def _warn(entry: Any, problem: str) -> None:
    warnings.warn(
        f"plugin stage {entry.name!r} ({entry.value}) {problem}; skipped",
        PluginWarning,
        stacklevel=3,
    )
