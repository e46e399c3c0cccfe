"""How command-line options and a config file combine, and the listings that show the result.

Each option maps to the config key of the same name (``--in-place`` to
``in-place``). An option given on the command line wins; otherwise the file's
value; otherwise the default. ``--set`` merges with the file's ``set``, setting
by setting; a mode given on the command line (``--diff``) replaces a mode from
the file (``check = true``).
"""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from typing import Any

import click
from click.core import ParameterSource

from cleannews.config import Options
from cleannews.configfile import KEYS, FileConfig, Setting
from cleannews.tomlfile import ConfigError

FROM_COMMAND_LINE = "command line"
DEFAULT = "default"
MODE_KEYS = ("output-dir", "in-place", "check", "diff")


class ConfigFileError(click.ClickException):
    """A config file that cannot be used: one line naming file, key and reason; exit 2."""

    exit_code = 2

    def show(self, file: Any = None) -> None:
        click.echo(f"cleannews: error: {self.message}", err=True)


def option_key(param: click.Parameter) -> str | None:
    """The config key of a command-line option: its long name without the dashes."""
    if not isinstance(param, click.Option):
        return None
    long_names = [name for name in param.opts if name.startswith("--")]
    return long_names[0][2:] if long_names else None


def settings_of(
    ctx: click.Context, kwargs: Mapping[str, Any]
) -> tuple[dict[str, Setting], str | None]:
    """Every config key's effective value and origin, and the config file read (if any)."""
    try:
        file_config = _file_config(kwargs["config_file"], kwargs["no_config"])
    except ConfigError as error:
        raise ConfigFileError(str(error)) from None
    file_values = file_config.values if file_config else {}
    path = file_config.path if file_config else None
    given: dict[str, Any] = {}
    defaults: dict[str, Any] = {}
    for param in ctx.command.params:
        key = option_key(param)
        if key not in KEYS or param.name is None:
            continue
        value = _typed(key, kwargs[param.name])
        source = ctx.get_parameter_source(param.name)
        if source in (ParameterSource.COMMANDLINE, ParameterSource.ENVIRONMENT):
            given[key] = value
        else:
            defaults[key] = value
    mode_given = [key for key in MODE_KEYS if key in given and given[key] not in (None, False)]
    settings: dict[str, Setting] = {}
    for key in KEYS:
        if key == "set" and "set" in given and "set" in file_values:
            merged = _merge_settings(file_values["set"], given["set"])
            settings[key] = Setting(merged, f"{path} + {FROM_COMMAND_LINE}")
        elif key in given:
            settings[key] = Setting(given[key], FROM_COMMAND_LINE)
        elif key in file_values and not (key in MODE_KEYS and mode_given):
            settings[key] = Setting(file_values[key], str(path))
        elif key in file_values:
            replaced = f"{DEFAULT}: --{mode_given[0]} on the command line replaces {path}"
            settings[key] = Setting(defaults[key], replaced)
        else:
            value = defaults[key] if key in defaults else _config_only_default(key)
            settings[key] = Setting(value, DEFAULT)
    return settings, path


def _file_config(config_file: str | None, no_config: bool) -> FileConfig | None:
    from cleannews import configfile

    if config_file is not None and no_config:
        raise ConfigError("", "", "--config and --no-config cannot be used together")
    if no_config:
        return None
    if config_file is not None:
        return configfile.load(config_file)
    return configfile.discover()


def _typed(key: str, value: Any) -> Any:
    """A command-line value in the shape a config file's value has."""
    from cleannews.config import DEFAULT_RULE_TIMEOUT
    from cleannews.sources import DEFAULT_INCLUDE

    kind = KEYS[key].kind
    if kind == "names":
        return names(value)
    if kind == "settings":
        return parse_settings(value)
    if kind == "globs":
        return tuple(value) or (DEFAULT_INCLUDE if key == "include" else ())
    if key == "rule-timeout" and value is None:
        return DEFAULT_RULE_TIMEOUT
    return value


def _config_only_default(key: str) -> Any:
    return {"rules": (), "profiles": {}, "site-paths": ()}[key]


def _merge_settings(
    base: Mapping[str, Mapping[str, Any]], over: Mapping[str, Mapping[str, Any]]
) -> dict[str, dict[str, Any]]:
    merged = {stage: dict(values) for stage, values in base.items()}
    for stage, values in over.items():
        merged.setdefault(stage, {}).update(values)
    return merged


def names(value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    return tuple(part.strip() for part in value.split(",") if part.strip())


def parse_settings(pairs: Sequence[str]) -> dict[str, dict[str, str]]:
    settings: dict[str, dict[str, str]] = {}
    for pair in pairs:
        key, equals, value = pair.partition("=")
        stage, dot, setting = key.strip().partition(".")
        if not equals or not dot or not stage or not setting:
            raise click.BadParameter(f"{pair!r} is not STAGE.KEY=VALUE", param_hint="--set")
        settings.setdefault(stage, {})[setting] = value.strip()
    return settings


def options_of(values: Mapping[str, Any]) -> Options:
    """The cleaning options of the effective settings."""
    return Options(
        stages=values["stages"],
        enable=values["enable"] or (),
        skip=values["skip"] or (),
        settings=values["set"],
        rules=values["rules"],
        site=values["site"],
        site_paths=values["site-paths"],
        profiles=values["profiles"],
        rule_timeout=values["rule-timeout"],
        single_pass=bool(values["single-pass"]),
    )


def route_warnings(quiet: bool) -> None:
    """Show warnings as one ``cleannews: warning:`` line each (none with --quiet).

    Call inside ``warnings.catch_warnings()`` so the change ends with the run.
    """
    import warnings

    def show(message: Any, category: Any, *_args: Any, **_kwargs: Any) -> None:
        sys.stderr.write(f"cleannews: warning: {message}\n")

    warnings.showwarning = show
    warnings.simplefilter("ignore" if quiet else "always")


def list_stages(options: Options) -> None:
    """Every stage with its rules and settings, whether it runs, and where it comes from."""
    from cleannews.pipeline import Pipeline, stage_catalog
    from cleannews.rules import RuleStage

    pipeline = Pipeline(options)
    running = set(pipeline.names)
    # Settings as this run has them (defaults, the config, --set), for running stages.
    in_force = {s.name: s.settings for s in pipeline.stages if not isinstance(s, RuleStage)}
    for name, classes in stage_catalog(options, pipeline.rules, include_plugins=True).items():
        stage = classes[0]
        state = "on " if name in running else "off"
        click.echo(f"{name:<14} {state}  {stage.summary()}  [{stage.origin}]")
        for cls in classes:
            origins = getattr(cls, "rule_origins", {}) if issubclass(cls, RuleStage) else {}
            for rule, reason in cls.rules.items():
                where = f"  [{origins[rule]}]" if rule in origins and cls is not stage else ""
                click.echo(f"    {rule:<22} {reason}{where}")
        for setting, value in in_force.get(name, stage.defaults).items():
            click.echo(f"    setting {setting}={value!r}")


def list_sites(options: Options) -> None:
    """Every site profile: name, title, domains, number of rules, where it comes from."""
    from cleannews.profiles import Profiles

    for name, profile in sorted(Profiles(options.profiles).all().items()):
        domains = ", ".join(profile.domains) or "no domains"
        click.echo(f"{name:<14} {profile.title} ({domains})  [{profile.origin}]")
        for rule in profile.rules:
            click.echo(f"    {rule.key:<30} {rule.reason}")
