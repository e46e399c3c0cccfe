"""The command line: parse options, build a run, call the runner, render the report.

No cleaning logic lives here; every option maps to a field of
:class:`~cleannews.runner.RunConfig` or :class:`~cleannews.config.Options`.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

import click

from cleannews import __version__
from cleannews.report import (
    EXIT_CODES_HELP,
    EXIT_INPUT_ERROR,
    EXIT_INTERNAL_ERROR,
)

EPILOG = f"""
\b
Examples:
  cleannews article.txt                  clean text to stdout
  curl -s URL | extract | cleannews      clean a pipe
  cleannews --summary news/              what would go, per stage and file
  cleannews --diff news/                 a unified diff of the changes
  cleannews -i news/                     rewrite changed files in place
  cleannews -o clean/ news/              write clean copies under clean/
  cleannews --check news/                exit 1 if anything would change
  cleannews --explain --format json a.txt   every removal as JSON lines

\b
{EXIT_CODES_HELP}
"""


def _names(value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    return tuple(part.strip() for part in value.split(",") if part.strip())


def _list_stages(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    from cleannews import registry

    for name, stage in registry.available().items():
        default = "on " if stage.enabled_by_default else "off"
        click.echo(f"{name:<14} {default}  {stage.summary()}  [{stage.origin}]")
        for rule, reason in stage.rules.items():
            click.echo(f"    {rule:<22} {reason}")
        for setting, default_value in stage.defaults.items():
            click.echo(f"    setting {setting}={default_value!r}")
    ctx.exit(0)


@click.command(
    epilog=EPILOG,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.argument("paths", nargs=-1, type=click.Path(allow_dash=True))
@click.option(
    "-o",
    "--output-dir",
    metavar="DIR",
    help="Write each cleaned file under DIR, mirroring relative paths.",
)
@click.option(
    "-i", "--in-place", is_flag=True, help="Rewrite changed files; unchanged files are not touched."
)
@click.option(
    "--check",
    is_flag=True,
    help="Write nothing; list files that would change; exit 1 if any would.",
)
@click.option(
    "--diff", "show_diff", is_flag=True, help="Print a unified diff of what would change."
)
@click.option(
    "--explain", is_flag=True, help="Print every removal (file, line, stage, rule, text) on stderr."
)
@click.option(
    "--format",
    "explain_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="With --explain: 'json' prints JSON lines on stdout instead of the clean text.",
)
@click.option(
    "--summary", is_flag=True, help="Print a table of removals per stage and rule on stderr."
)
@click.option(
    "--stages",
    metavar="A,B",
    help="Run only these stages (the whitespace tidy-up runs unless skipped).",
)
@click.option("--skip", metavar="A,B", help="Leave these stages out.")
@click.option("--enable", metavar="A,B", help="Add optional stages to the default set.")
@click.option(
    "--set",
    "settings",
    metavar="STAGE.KEY=VALUE",
    multiple=True,
    help="A stage setting, e.g. captions.min_chars=40 (repeatable).",
)
@click.option(
    "--include",
    multiple=True,
    metavar="GLOB",
    help="In folders, clean files matching GLOB (default *.txt; repeatable).",
)
@click.option(
    "--exclude", multiple=True, metavar="GLOB", help="Skip files matching GLOB (repeatable)."
)
@click.option(
    "--list-stages",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_list_stages,
    help="List the stages, their rules and settings, and exit.",
)
@click.option("-q", "--quiet", is_flag=True, help="No messages on stderr except errors.")
@click.version_option(
    __version__, "--version", prog_name="cleannews", message="%(prog)s %(version)s"
)
def cli(**kwargs: Any) -> None:
    """Remove web residue from news article text: ad markers, reading times,
    repeated captions, share buttons, "loading" placeholders.

    PATHs are files or folders (folders are walked for --include files); no PATH
    or "-" reads stdin. Clean text goes to stdout; messages go to stderr.
    """
    config = _run_config(**kwargs)
    from cleannews import runner
    from cleannews.pipeline import Pipeline
    from cleannews.registry import UnknownStageError
    from cleannews.stages.base import SettingError

    try:
        pipeline = Pipeline(config.options)
        report = runner.run(config, sys.stdout.buffer, sys.stderr, pipeline)
    except (runner.UsageError, SettingError, UnknownStageError) as error:
        raise click.UsageError(str(error)) from None
    if kwargs["summary"]:
        from cleannews.report import render_summary

        render_summary(report, check=config.mode is runner.Mode.CHECK)
    elif config.mode is runner.Mode.CHECK and not config.quiet:
        click.echo(report.one_line(check=True), err=True)
    sys.stdout.flush()
    sys.exit(report.exit_code(check=config.mode is runner.Mode.CHECK))


def _run_config(
    paths: Sequence[str],
    output_dir: str | None,
    in_place: bool,
    check: bool,
    show_diff: bool,
    explain: bool,
    explain_format: str,
    summary: bool,
    stages: str | None,
    skip: str | None,
    enable: str | None,
    settings: Sequence[str],
    include: Sequence[str],
    exclude: Sequence[str],
    quiet: bool,
) -> Any:
    from cleannews.config import Options
    from cleannews.runner import Mode, RunConfig
    from cleannews.sources import DEFAULT_INCLUDE

    chosen = [
        flag
        for flag, on in (
            ("--output-dir", output_dir is not None),
            ("--in-place", in_place),
            ("--check", check),
            ("--diff", show_diff),
        )
        if on
    ]
    if len(chosen) > 1:
        raise click.UsageError(f"{' and '.join(chosen)} cannot be used together")
    mode = (
        Mode.OUTPUT_DIR
        if output_dir is not None
        else Mode.IN_PLACE
        if in_place
        else Mode.CHECK
        if check
        else Mode.DIFF
        if show_diff
        else Mode.STDOUT
    )
    if explain_format == "json" and not explain:
        raise click.UsageError("--format json goes with --explain")
    if explain and explain_format == "json" and mode is not Mode.STDOUT:
        raise click.UsageError(
            f"--explain --format json prints to stdout; it cannot go with {chosen[0]}"
        )
    options = Options(
        stages=_names(stages),
        skip=_names(skip) or (),
        enable=_names(enable) or (),
        settings=_parse_settings(settings),
    )
    return RunConfig(
        paths=tuple(paths),
        mode=mode,
        output_dir=output_dir,
        explain=explain,
        explain_format=explain_format,
        quiet=quiet,
        include=tuple(include) or DEFAULT_INCLUDE,
        exclude=tuple(exclude),
        options=options,
    )


def _parse_settings(pairs: Sequence[str]) -> dict[str, dict[str, str]]:
    settings: dict[str, dict[str, str]] = {}
    for pair in pairs:
        key, equals, value = pair.partition("=")
        stage, dot, setting = key.strip().partition(".")
        if not equals or not dot or not stage or not setting:
            raise click.BadParameter(f"{pair!r} is not STAGE.KEY=VALUE", param_hint="--set")
        settings.setdefault(stage, {})[setting] = value.strip()
    return settings


def main() -> None:
    """Entry point: run the command; turn a crash into exit code 123, never a traceback."""
    try:
        cli(standalone_mode=True)
    except KeyboardInterrupt:
        sys.stderr.write("cleannews: interrupted\n")
        sys.exit(130)
    except BrokenPipeError:
        # The reader went away (`cleannews big.txt | head`): not an error.
        _silence_stdout()
        sys.exit(0)
    except SystemExit:
        raise
    except Exception as error:  # a bug: say so in one line, exit 123 like black
        sys.stderr.write(f"cleannews: internal error: {type(error).__name__}: {error}\n")
        sys.exit(EXIT_INTERNAL_ERROR)


def _silence_stdout() -> None:
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


__all__ = ["EXIT_INPUT_ERROR", "cli", "main"]
