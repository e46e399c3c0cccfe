"""The options of a cleaning run, shared by the Python API and the command line."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cleannews.profiles import Profile
    from cleannews.rules import Rule

# Seconds one user pattern may spend on one line. Real rules take microseconds;
# a pattern that backtracks catastrophically would take years.
DEFAULT_RULE_TIMEOUT = 0.1


@dataclass(frozen=True)
class Options:
    """Which stages run, how they are set, and which rules and site profiles they add.

    ``stages``: run exactly these (plus the whitespace tidy-up unless skipped);
    ``None`` means the default set. ``enable``: add optional or plugin stages
    to the set. ``skip``: leave these out. ``settings``: per-stage settings,
    ``{"captions": {"min_chars": 40}}``. ``rules``: user rules
    (:class:`~cleannews.rules.Rule`). ``site``: the site profile for every text;
    without it, ``site_paths`` (``(glob, profile name)`` pairs) or a text's URL
    choose one. ``profiles``: profiles of your own, by name. ``rule_timeout``:
    seconds a user pattern may spend on one line. ``single_pass``: clean once,
    not again until nothing more goes (see :meth:`Pipeline.run`): faster, but
    cleaning the output again may then remove a little more.
    """

    stages: Sequence[str] | None = None
    enable: Sequence[str] = ()
    skip: Sequence[str] = ()
    settings: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    rules: Sequence[Rule] = ()
    site: str | None = None
    site_paths: Sequence[tuple[str, str]] = ()
    profiles: Mapping[str, Profile] = field(default_factory=dict)
    rule_timeout: float = DEFAULT_RULE_TIMEOUT
    single_pass: bool = False

    @classmethod
    def from_kwargs(cls, **options: Any) -> Options:
        """Options from keyword arguments named like the fields, plus ``config``.

        ``config`` is a config file (path) whose settings come first; the other
        keywords override them. ``rules`` may be :class:`Rule` objects or
        mappings as written in a config file. Any other keyword
        ``stage_setting`` (for example ``captions_min_chars=40``) is a stage
        setting, so ``clean(text, captions_min_chars=40)`` works.
        """
        config = options.pop("config", None)
        base = cls() if config is None else cls.from_config(config)
        known = {f.name for f in dataclasses.fields(cls)}
        plain = {key: value for key, value in options.items() if key in known}
        settings: dict[str, dict[str, Any]] = {
            stage: dict(values) for stage, values in base.settings.items()
        }
        for stage, values in plain.pop("settings", {}).items():
            settings.setdefault(stage, {}).update(values)
        for key, value in options.items():
            if key in known:
                continue
            stage, setting = _split_setting(key)
            settings.setdefault(stage, {})[setting] = value
        for key in ("stages", "enable", "skip"):
            if isinstance(plain.get(key), str):
                plain[key] = tuple(part for part in plain[key].split(",") if part)
        if "rules" in plain:
            from cleannews.rules import parse_rules

            plain["rules"] = parse_rules(plain["rules"])
        return dataclasses.replace(base, settings=settings, **plain)

    @classmethod
    def from_config(cls, path: str | os.PathLike[str]) -> Options:
        """The cleaning options a config file sets (``pyproject.toml`` or ``cleannews.toml``)."""
        from cleannews.configfile import load

        return load(os.fspath(path)).options()

    def with_site(self, site: str | None) -> Options:
        return dataclasses.replace(self, site=site)


def _split_setting(key: str) -> tuple[str, str]:
    from cleannews import registry

    for stages in (registry.builtins(), registry.available()):
        for name in sorted(stages, key=len, reverse=True):
            if key.startswith(name + "_") and len(key) > len(name) + 1:
                return name, key[len(name) + 1 :]
    raise TypeError(f"unknown option {key!r}")
