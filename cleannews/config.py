"""The options of a cleaning run, shared by the Python API and the command line."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Options:
    """Which stages run and how they are set.

    ``stages``: run exactly these (plus the whitespace tidy-up unless skipped);
    ``None`` means the default set. ``enable``: add optional stages to the set.
    ``skip``: leave these out. ``settings``: per-stage settings,
    ``{"captions": {"min_chars": 40}}``.
    """

    stages: Sequence[str] | None = None
    enable: Sequence[str] = ()
    skip: Sequence[str] = ()
    settings: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    @classmethod
    def from_kwargs(cls, **options: Any) -> Options:
        """Options from keyword arguments: ``stages``, ``enable``, ``skip``, ``settings``.

        Any other keyword ``stage_setting`` (for example ``captions_min_chars=40``)
        is a stage setting, so ``clean(text, captions_min_chars=40)`` works.
        """
        known = {"stages", "enable", "skip", "settings"}
        plain = {key: value for key, value in options.items() if key in known}
        settings: dict[str, dict[str, Any]] = {
            stage: dict(values) for stage, values in plain.pop("settings", {}).items()
        }
        for key, value in options.items():
            if key in known:
                continue
            stage, setting = _split_setting(key)
            settings.setdefault(stage, {})[setting] = value
        for key in ("stages", "enable", "skip"):
            if isinstance(plain.get(key), str):
                plain[key] = tuple(part for part in plain[key].split(",") if part)
        return cls(settings=settings, **plain)


def _split_setting(key: str) -> tuple[str, str]:
    from cleannews import registry

    for name in sorted(registry.available(), key=len, reverse=True):
        if key.startswith(name + "_") and len(key) > len(name) + 1:
            return name, key[len(name) + 1 :]
    raise TypeError(f"unknown option {key!r}")
