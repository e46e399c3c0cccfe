"""Settings from a file: ``[tool.cleannews]`` in ``pyproject.toml``, or ``cleannews.toml``.

Where: ``--config FILE`` names one; otherwise cleannews looks in the working
folder, then each parent up to the root, and takes the first folder that has
``.cleannews.toml``, ``cleannews.toml`` or a ``pyproject.toml`` with a
``[tool.cleannews]`` table (in that order of preference within a folder). Only
that one file is read: files further up are not merged in. ``--no-config``
reads none.

What: every command-line option has a key of the same name (``skip``,
``in-place``, ``set``...); keys may also be written snake_case. Three keys exist
only in files: ``rules`` (your rules), ``profiles`` (your site profiles) and
``site-paths`` (globs that pick a site profile). Options given on the command
line override the file; ``set`` merges setting by setting. A key that does not
exist, a value of the wrong type or a bad pattern is an error naming the file
and the key, never ignored.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from typing import Any, NamedTuple

from cleannews.config import DEFAULT_RULE_TIMEOUT, Options
from cleannews.tomlfile import ConfigError, normal_key
from cleannews.tomlfile import load as load_toml

# Within one folder, the first of these that holds settings wins.
CONFIG_NAMES = (".cleannews.toml", "cleannews.toml", "pyproject.toml")


# NamedTuples, not dataclasses, here: this module loads on every command-line
# run, and each dataclass costs a millisecond or two to create at import.
class Key(NamedTuple):
    """A config key: the kind of value it takes, and whether it mirrors a CLI option."""

    kind: str
    option: bool = True
    choices: tuple[str, ...] = ()


KEYS: dict[str, Key] = {
    "output-dir": Key("path"),
    "in-place": Key("flag"),
    "check": Key("flag"),
    "diff": Key("flag"),
    "explain": Key("flag"),
    "format": Key("choice", choices=("text", "json")),
    "summary": Key("flag"),
    "stages": Key("names"),
    "skip": Key("names"),
    "enable": Key("names"),
    "set": Key("settings"),
    "include": Key("globs"),
    "exclude": Key("globs"),
    "quiet": Key("flag"),
    "verbose": Key("flag"),
    "exit-nonzero-on-fix": Key("flag"),
    "site": Key("text"),
    "url": Key("text"),
    "rule-timeout": Key("seconds"),
    "single-pass": Key("flag"),
    # batch use (issue 4)
    "jobs": Key("count"),
    "jsonl": Key("flag"),
    "field": Key("field"),
    "explain-field": Key("text"),
    "url-field": Key("field"),
    "rules": Key("rules", option=False),
    "profiles": Key("profiles", option=False),
    "site-paths": Key("site-paths", option=False),
}

_KIND_HELP = {
    "flag": "true or false",
    "text": "text",
    "path": "a path",
    "field": 'a field name, or a dotted path such as "doc.body"',
    "seconds": "a number of seconds above 0",
    "count": "a whole number, 0 or more",
    "names": 'a list of stage names, e.g. ["ads", "chrome"]',
    "globs": 'a list of globs, e.g. ["*.txt"]',
    "settings": "a table of stage tables, e.g. set.captions.min_chars = 40",
    "rules": "a list of rules ([[rules]] tables)",
    "profiles": "a table of profiles ([profiles.NAME] tables)",
    "site-paths": 'a table of glob = "profile name"',
}


class FileConfig(NamedTuple):
    """The settings one file holds, checked and typed, keyed by their kebab-case name."""

    path: str
    values: Mapping[str, Any]

    def options(self) -> Options:
        """The cleaning options this file sets (run options such as ``check`` are the CLI's)."""
        values = self.values
        return Options(
            stages=values.get("stages"),
            enable=values.get("enable", ()),
            skip=values.get("skip", ()),
            settings=values.get("set", {}),
            rules=values.get("rules", ()),
            site=values.get("site"),
            site_paths=values.get("site-paths", ()),
            profiles=values.get("profiles", {}),
            rule_timeout=values.get("rule-timeout", DEFAULT_RULE_TIMEOUT),
            single_pass=values.get("single-pass", False),
        )


def find(start: str | None = None) -> str | None:
    """The config file for ``start`` (default: the working folder), or None."""
    try:
        folder = os.path.abspath(start or os.getcwd())
    except OSError:  # the working folder was removed: there is nothing to find
        return None
    while True:
        for name in CONFIG_NAMES:
            path = os.path.join(folder, name)
            if os.path.isfile(path) and (name != "pyproject.toml" or _has_our_table(path)):
                return path
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


# The ways TOML may open our table in a pyproject.toml: a header [tool.cleannews]
# (spaces and quotes allowed: [ tool . "cleannews" ], [tool.cleannews.x]), a
# dotted key tool.cleannews.x = ... at the top, or cleannews = { ... } or
# cleannews.x = ... under [tool]. A project that only names cleannews (as a
# dependency, a script, a hook) has none of them.
_OUR_TABLE = (
    r"(?m)^[ \t]*(?:\[[ \t]*)?(?:tool|\"tool\"|'tool')[ \t]*\.[ \t]*"
    r"(?:cleannews|\"cleannews\"|'cleannews')[ \t]*[\].=]"
    r"|^[ \t]*(?:cleannews|\"cleannews\"|'cleannews')[ \t]*(?:=[ \t]*\{|\.)"
)


def _has_our_table(path: str) -> bool:
    # A cheap look before parsing (and importing tomllib): most pyproject.toml
    # files are not about us, and one that names cleannews rarely holds our table.
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            text = handle.read()
    except OSError:
        return False
    if "cleannews" not in text or not re.search(_OUR_TABLE, text):
        return False
    tool = load_toml(path).get("tool", {})
    return isinstance(tool, dict) and "cleannews" in tool


def discover(start: str | None = None) -> FileConfig | None:
    """The config found from ``start`` upward, read and checked; None if there is none."""
    path = find(start)
    return load(path) if path else None


def load(path: str) -> FileConfig:
    """Read and check the config in ``path``; :class:`ConfigError` names what is wrong."""
    document = load_toml(path)
    prefix = ""
    if os.path.basename(path) == "pyproject.toml":
        tool = document.get("tool", {})
        table = tool.get("cleannews") if isinstance(tool, dict) else None
        if not isinstance(table, dict):
            raise ConfigError(path, "tool.cleannews", "no such table in this pyproject.toml")
        document, prefix = table, "tool.cleannews."
    return _Checker(path, prefix).check(document)


class _Checker:
    """Checks one file's table key by key, then the keys against each other."""

    def __init__(self, path: str, prefix: str) -> None:
        self.path = path
        self.prefix = prefix
        self.folder = os.path.dirname(os.path.abspath(path))

    def error(self, key: str, reason: str) -> ConfigError:
        return ConfigError(self.path, self.prefix + key, reason)

    def check(self, table: Mapping[str, Any]) -> FileConfig:
        values: dict[str, Any] = {}
        for raw_key, value in table.items():
            key = normal_key(raw_key)
            if key not in KEYS:
                raise self.error(raw_key, f"unknown key{_did_you_mean(key, KEYS)}")
            if key in values:
                raise self.error(raw_key, f"given twice (as {key} and {key.replace('-', '_')})")
            values[key] = self.value(raw_key, KEYS[key], value)
        if values.get("profiles"):
            values["profiles"] = self.profiles(values["profiles"])
        self.cross_check(values)
        return FileConfig(self.path, values)

    def value(self, key: str, spec: Key, value: Any) -> Any:
        kind = spec.kind
        wrong = self.error(key, f"must be {_KIND_HELP.get(kind, kind)}, got {value!r}")
        if kind == "flag":
            if not isinstance(value, bool):
                raise wrong
            return value
        if kind in ("text", "path", "choice", "field"):
            if not isinstance(value, str) or not value.strip():
                raise wrong
            if kind == "field" and not all(value.split(".")):
                raise self.error(key, f"{value!r} is not a field name or path")
            if kind == "choice" and value not in spec.choices:
                raise self.error(key, f"must be one of {', '.join(spec.choices)}, got {value!r}")
            return os.path.join(self.folder, value) if kind == "path" else value
        if kind == "count":
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise wrong
            return value
        if kind == "seconds":
            if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
                raise wrong
            return float(value)
        if kind in ("names", "globs"):
            items = value.split(",") if kind == "names" and isinstance(value, str) else value
            if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
                raise wrong
            return tuple(i.strip() for i in items if i.strip())
        if kind == "settings":
            return self.settings(key, value)
        if kind == "rules":
            return self.rules(key, value)
        if kind == "site-paths":
            if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
                raise wrong
            return tuple((os.path.join(self.folder, glob), name) for glob, name in value.items())
        if kind == "profiles":
            if not isinstance(value, dict):
                raise wrong
            return value  # parsed once rules are known, in check()
        raise AssertionError(kind)

    def settings(self, key: str, value: Any) -> dict[str, dict[str, Any]]:
        if not isinstance(value, dict):
            raise self.error(key, f"must be {_KIND_HELP['settings']}, got {value!r}")
        settings: dict[str, dict[str, Any]] = {}
        for stage, table in value.items():
            if not isinstance(table, dict):
                raise self.error(f"{key}.{stage}", f"must be a table of settings, got {table!r}")
            settings[stage] = dict(table)
        return settings

    def rules(self, key: str, value: Any) -> tuple[Any, ...]:
        from cleannews.rules import RuleError, parse_rules

        try:
            return parse_rules(value, origin=self.path, key=key)
        except RuleError as error:
            raise self.error(error.key, error.reason) from None

    def profiles(self, value: dict[str, Any]) -> dict[str, Any]:
        from cleannews.profiles import parse_profile
        from cleannews.rules import is_name

        profiles = {}
        for name, table in value.items():
            key = f"profiles.{name}"
            if not is_name(name):
                raise self.error(key, "a profile name must be snake_case letters, digits and _")
            profiles[name] = parse_profile(name, table, self.path, self.path, self.prefix + key)
        return profiles

    def cross_check(self, values: dict[str, Any]) -> None:
        """Stage names, settings and profile names must exist; rules must not clash; the
        run options must go together, as they must on the command line."""
        self.check_run_options(values)
        from cleannews import registry
        from cleannews.profiles import Profiles, UnknownProfileError
        from cleannews.rules import RuleError, RuleStage, check_against, stage_classes
        from cleannews.stages.base import SettingError

        rules = values.get("rules", ())
        profiles = Profiles(values.get("profiles", {}))
        stages: dict[str, type[Any]] = {**registry.builtins(), **stage_classes(rules)}
        try:
            check_against(rules, registry.builtins())
        except RuleError as error:
            raise self.error("rules", error.reason) from None
        profile_stages: set[str] | None = None
        for key in ("stages", "skip", "enable"):
            for name in values.get(key, ()):
                if name in stages:
                    continue
                if profile_stages is None:
                    profile_stages = profiles.stage_names()
                if name not in profile_stages and name not in registry.available():
                    known = sorted({*registry.available(), *stages})
                    raise self.error(key, f"unknown stage {name!r} (stages: {', '.join(known)})")
        for stage, table in values.get("set", {}).items():
            cls = stages.get(stage) or registry.available().get(stage)
            if cls is None or issubclass(cls, RuleStage):
                reason = "no such stage" if cls is None else "rule stages have no settings"
                raise self.error(f"set.{stage}", reason)
            try:
                cls(**table)
            except SettingError as error:
                raise self.error(f"set.{stage}", str(error)) from None
        try:
            if "site" in values:
                profiles.get(values["site"])
            for _glob, name in values.get("site-paths", ()):
                profiles.get(name)
        except UnknownProfileError as error:
            raise self.error("site" if "site" in values else "site-paths", str(error)) from None

    def check_run_options(self, values: dict[str, Any]) -> None:
        """One mode at most (check and diff go together), and an explanation field that
        is not the cleaned one: the checks the command line makes, named by their key."""
        modes = [key for key in ("output-dir", "in-place", "check", "diff") if values.get(key)]
        if "check" in modes and "diff" in modes:
            modes.remove("diff")  # --check --diff: a diff that sets the exit code
        if len(modes) > 1:
            raise self.error(modes[1], f"{modes[0]} and {modes[1]} cannot be used together")
        field = values.get("field", "text").split(".")[0]
        if values.get("explain-field") == field:
            raise self.error("explain-field", "must name a field other than the one cleaned")


def _did_you_mean(key: str, known: Mapping[str, Any]) -> str:
    from difflib import get_close_matches

    close = get_close_matches(key, list(known), n=1)
    return f" (did you mean {close[0]!r}?)" if close else f" (keys: {', '.join(known)})"


class Setting(NamedTuple):
    """One effective setting and where it came from: a file, the command line, the default."""

    value: Any
    origin: str


def render(settings: Mapping[str, Setting], config_path: str | None) -> str:
    """The effective settings as TOML, each line commented with where it came from."""
    lines = [
        "# cleannews: the effective settings, each with where it came from",
        f"# config file: {config_path or 'none'}",
    ]
    width = 0
    body: list[tuple[str, str]] = []
    for key, setting in settings.items():
        for name, value in _flatten(key, setting.value):
            body.append((f"{name} = {_toml(value)}", setting.origin))
        if setting.value is None:
            body.append((f"# {key} is not set", setting.origin))
    width = max((len(text) for text, _ in body), default=0)
    lines.extend(f"{text:<{width}}  # {origin}" for text, origin in body)
    return "\n".join(lines) + "\n"


def _flatten(key: str, value: Any) -> list[tuple[str, Any]]:
    if value is None:
        return []
    if key == "set" and value:
        return [
            (f"set.{stage}.{name}", setting)
            for stage, table in value.items()
            for name, setting in table.items()
        ]
    if key == "rules":
        return [("rules", [rule.key for rule in value])]
    if key == "profiles":
        return [("profiles", sorted(value))]
    if key == "site-paths":
        return [("site-paths", dict(value))]
    return [(key, value)]


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        import json  # a JSON string is a TOML basic string

        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dict):
        if not value:
            return "{}"
        return "{ " + ", ".join(f"{_toml(k)} = {_toml(v)}" for k, v in value.items()) + " }"
    return "[" + ", ".join(_toml(item) for item in value) + "]"
