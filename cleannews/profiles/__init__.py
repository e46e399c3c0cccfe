"""Site profiles: named sets of rules for the residue of one site.

A profile applies only when chosen, for one text at a time: by name
(``--site bbc``, ``clean(text, site="bbc")``), by the URL a text came from
(``--url``, ``clean(text, url=...)``, :meth:`Profiles.for_url`), or by a path
glob in the config (``[site-paths]``). The built-in profiles are the TOML files
beside this module, one per site; a config can add its own under
``[profiles.NAME]`` (one with a built-in's name replaces it).

A profile's rules are user rules (see :mod:`cleannews.rules`); their stage is
the profile's name unless a rule says otherwise. Files are read on first use.

>>> Profiles().for_url("https://www.bbc.co.uk/news/articles/c0000000").name
'bbc'
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from cleannews.rules import Rule, RuleError, parse_rules
from cleannews.tomlfile import ConfigError, load, normal_key

FOLDER = Path(__file__).parent
PROFILE_KEYS = ("title", "domains", "rules")


class UnknownProfileError(ValueError):
    """A site profile name that neither the built-ins nor the config define."""


@dataclass(frozen=True)
class Profile:
    """One site: its name, title, the domains it serves, and its rules."""

    name: str
    title: str
    domains: tuple[str, ...]
    rules: tuple[Rule, ...]
    origin: str = "built-in"

    def serves(self, host: str) -> int:
        """How closely this profile serves ``host``: the length of the domain that matched, or 0."""
        best = 0
        for domain in self.domains:
            if host == domain or host.endswith("." + domain):
                best = max(best, len(domain))
        return best


def parse_profile(name: str, table: Any, where: str, origin: str, key: str = "") -> Profile:
    """A profile from its TOML table; errors name ``where`` and the key inside it."""
    prefix = f"{key}." if key else ""
    if not isinstance(table, Mapping):
        raise ConfigError(where, key, f"a profile must be a table, got {table!r}")
    values = {normal_key(str(k)): v for k, v in table.items()}
    for unknown in values.keys() - set(PROFILE_KEYS):
        raise ConfigError(
            where, prefix + unknown, f"unknown key (profile keys: {', '.join(PROFILE_KEYS)})"
        )
    title = values.get("title", name)
    if not isinstance(title, str):
        raise ConfigError(where, prefix + "title", f"must be text, got {title!r}")
    domains = values.get("domains", [])
    if not isinstance(domains, list) or not all(isinstance(d, str) and d for d in domains):
        raise ConfigError(where, prefix + "domains", f"must be a list of domains, got {domains!r}")
    try:
        rule_origin = f"site profile {name}" + ("" if origin == "built-in" else f" ({origin})")
        rules = parse_rules(values.get("rules", []), default_stage=name, origin=rule_origin)
    except RuleError as error:
        raise ConfigError(where, prefix + error.key, error.reason) from None
    return Profile(
        name=name,
        title=title,
        domains=tuple(d.strip().lower().lstrip(".") for d in domains),
        rules=rules,
        origin=origin,
    )


@cache
def builtin() -> dict[str, Profile]:
    """The profiles shipped with cleannews, by name (read once, on first use)."""
    found = {}
    for path in sorted(FOLDER.glob("*.toml")):
        name = path.stem
        found[name] = parse_profile(name, load(str(path)), str(path), "built-in")
    return found


def host_of(url: str) -> str:
    """The host of ``url``, lower case; works without a scheme (``www.bbc.com/news``)."""
    from urllib.parse import urlsplit

    text = url.strip()
    if "//" not in text:
        text = "//" + text
    try:
        host = urlsplit(text).hostname or ""
    except ValueError:
        return ""
    return host.rstrip(".")


class Profiles:
    """Site profiles by name: the built-ins, with a config's own on top."""

    def __init__(self, own: Mapping[str, Profile] | None = None) -> None:
        self.own = dict(own or {})

    def all(self) -> dict[str, Profile]:
        return {**builtin(), **self.own}

    def get(self, name: str) -> Profile:
        profiles = self.own if name in self.own else builtin()
        if name not in profiles:
            from difflib import get_close_matches

            known = sorted(self.all())
            close = get_close_matches(name, known, n=1)
            hint = f"did you mean {close[0]!r}? " if close else ""
            raise UnknownProfileError(
                f"unknown site profile {name!r} ({hint}profiles: {', '.join(known)})"
            )
        return profiles[name]

    def for_url(self, url: str) -> Profile | None:
        """The profile serving the host of ``url`` (the most specific domain wins), or None."""
        host = host_of(url)
        if not host:
            return None
        best: tuple[int, Profile] | None = None
        for profile in self.all().values():
            score = profile.serves(host)
            if score and (best is None or score > best[0]):
                best = (score, profile)
        return best[1] if best else None

    def for_path(self, path: str, site_paths: Sequence[tuple[str, str]]) -> Profile | None:
        """The profile of the first ``(glob, name)`` whose glob matches ``path``, or None.

        A glob matches the path as given or as an absolute path; ``*`` also
        matches ``/`` (``fnmatch``), so ``crawl/bbc/*`` covers sub-folders.
        """
        if not site_paths:
            return None
        given = path.replace(os.sep, "/")
        absolute = os.path.abspath(path).replace(os.sep, "/")
        for glob, name in site_paths:
            if fnmatch.fnmatchcase(given, glob) or fnmatch.fnmatchcase(absolute, glob):
                return self.get(name)
        return None

    def stage_names(self) -> set[str]:
        """Every stage name some profile's rules use."""
        return {rule.stage for profile in self.all().values() for rule in profile.rules}


def for_url(url: str) -> Profile | None:
    """The built-in profile for ``url``, or None."""
    return Profiles().for_url(url)
