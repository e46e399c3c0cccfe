"""The command line: parse options, build a run, call the runner, render the report.

No cleaning logic lives here; every option maps to a field of
:class:`~cleannews.runner.RunConfig` or :class:`~cleannews.config.Options`.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, BinaryIO, cast

import click

from cleannews import __version__
from cleannews.report import (
    EXIT_CODES_HELP,
    EXIT_INPUT_ERROR,
    EXIT_INTERNAL_ERROR,
    EXIT_INTERRUPTED,
    EXIT_OK,
    describe,
)

if TYPE_CHECKING:
    from cleannews.config import Options
    from cleannews.runner import RunConfig

EPILOG = f"""
\b
Examples:
  cleannews article.txt > clean.txt         clean text to stdout
  extract URL | cleannews                   clean a pipe ("-" also means stdin)
  cleannews --summary news/ > /dev/null     what would go, per stage, rule and file
  cleannews --diff news/                    a unified diff of the changes
  cleannews -i news/                        rewrite changed files in place
  cleannews -o clean/ news/                 write clean copies under clean/
  cleannews --check -q news/                exit 1 if anything would change
  cleannews --check --diff news/            the same, and show the changes
  cleannews --explain --format json a.txt   every removal as JSON lines
  cleannews --skip chrome --set captions.min_chars=40 a.txt
                                            choose stages and settings
  cleannews --site bbc a.txt                add the rules of a site profile
  cleannews --show-config                   the settings in force, and from where
  cleannews -j4 -o clean/ news/             four processes, same output as -j1
  cleannews corpus.jsonl.gz > clean.jsonl   clean the "text" field of each record
  cleannews --jsonl --field doc.body -      JSON Lines on stdin, a nested field

\b
{EXIT_CODES_HELP}
"""


class _Command(click.Command):
    """The command, whose --help and --version fail on an unwritable stdout as a run does."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        from cleannews.sources import writing_stdout

        # Parsing runs the eager options, --help and --version, which print to stdout
        # and nowhere else; a full disk there is an OutputError, not a crash, and a
        # reader gone away stops quietly with exit 0 (click itself would exit 1).
        try:
            with writing_stdout():
                return super().parse_args(ctx, args)
        except BrokenPipeError:
            _silence_stdout()
            raise click.exceptions.Exit(EXIT_OK) from None


@click.command(
    "cleannews",
    cls=_Command,
    epilog=EPILOG,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
# readable=False: an unreadable path is reported by the runner in one line, and the
# other paths are still cleaned; click would stop the whole run with a usage error.
@click.argument(
    "paths", nargs=-1, type=click.Path(allow_dash=True, readable=False), metavar="[PATH]..."
)
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
    help="Write nothing; list files that would change on stderr; exit 1 if any would.",
)
@click.option(
    "--diff",
    "show_diff",
    is_flag=True,
    help="Print a unified diff of what would change (with --check: exit 1 if any would).",
)
@click.option(
    "--explain",
    is_flag=True,
    help="Print every removal on stderr as FILE:LINE: STAGE.RULE: TEXT.",
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
    "--summary",
    is_flag=True,
    help="Print a table of removals per stage and rule (and per file) on stderr.",
)
@click.option(
    "--stages",
    metavar="A,B",
    help="Run only these stages (the whitespace tidy-up runs unless skipped).",
)
@click.option("--skip", metavar="A,B", help="Leave these stages out.")
@click.option("--enable", metavar="A,B", help="Add optional or plugin stages to the default set.")
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
    help="List the stages (with your rules and plugins), where each comes from, and exit.",
)
@click.option(
    "-q",
    "--quiet",
    is_flag=True,
    help="No progress lines, closing line or warnings on stderr (errors, --explain and "
    "--summary still show).",
)
@click.option(
    "-v",
    "--verbose",
    is_flag=True,
    help="Also name binary files skipped in folders (named files are always reported).",
)
@click.option(
    "--exit-nonzero-on-fix",
    is_flag=True,
    help="Exit 1 when a file was cleaned, and say 'Fixing FILE' (for pre-commit hooks).",
)
# Configuration, your rules and site profiles: see cleannews/configfile.py.
@click.option(
    "--config",
    "config_file",
    metavar="FILE",
    help="Read settings from FILE, not from the pyproject.toml or cleannews.toml found"
    " from here upward.",
)
@click.option("--no-config", is_flag=True, help="Read no config file.")
@click.option(
    "--show-config",
    is_flag=True,
    help="Print the effective settings and where each came from, and exit.",
)
@click.option("--site", metavar="NAME", help="Add the rules of site profile NAME (--list-sites).")
@click.option(
    "--url", metavar="URL", help="The page the text came from; picks the site profile serving it."
)
@click.option(
    "--rule-timeout",
    type=click.FloatRange(min=0, min_open=True),
    metavar="SECONDS",
    help="Time one of your patterns may take on one line before it is skipped there (default 0.1).",
)
@click.option(
    "--single-pass",
    is_flag=True,
    help="Clean once instead of until nothing more goes: faster, but cleaning the output "
    "again may remove a little more.",
)
@click.option("--list-sites", is_flag=True, help="List the site profiles and exit.")
# -- batch use: processes and JSON Lines (see _with_batch_options) --
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=0),
    metavar="N",
    help="Clean with N processes (default: every CPU for more than a handful of files, "
    "else 1; 0: every CPU). Output order and results do not change.",
)
@click.option(
    "--jsonl",
    is_flag=True,
    help="Read inputs as JSON Lines and clean one field of each record "
    "(.jsonl and .jsonl.gz files always are).",
)
@click.option(
    "--field",
    "jsonl_field",
    default="text",
    show_default=True,
    metavar="PATH",
    help="The JSON Lines field to clean; a dotted path (doc.body) reaches nested fields.",
)
@click.option(
    "--explain-field",
    metavar="NAME",
    help="Add each JSON Lines record's removals to the record under field NAME "
    "(a record's own field NAME is kept).",
)
@click.option(
    "--url-field",
    metavar="PATH",
    help="The JSON Lines field holding each record's URL; picks its site profile.",
)
@click.version_option(
    __version__, "--version", prog_name="cleannews", message="%(prog)s %(version)s"
)
@click.pass_context
def cli(ctx: click.Context, /, **kwargs: Any) -> None:
    """Remove web residue from news article text: ad markers, reading times,
    repeated captions, share buttons, "loading" placeholders.

    PATHs are files or folders (folders are walked for --include files); no PATH
    or "-" reads stdin. Clean text goes to stdout; messages go to stderr.
    """
    try:
        code = _run(ctx, kwargs)
    except KeyboardInterrupt:
        # Caught here, before click turns it into "Aborted!" and exit 1; an in-place
        # write that was under way leaves the old file whole (see sources.write_atomic).
        click.echo("cleannews: interrupted", err=True)
        code = EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (`cleannews big.txt | head`): not an error, and
        # nothing to say about it.
        _silence_stdout()
        code = EXIT_OK
    except (click.ClickException, click.exceptions.Exit, click.Abort):
        raise
    except Exception as error:
        from cleannews.sources import OutputError

        if isinstance(error, OutputError):
            code = _output_failed(error)
        else:  # a bug: one line and exit 123, like black; no traceback
            click.echo(f"cleannews: internal error: {describe(error)}", err=True)
            code = EXIT_INTERNAL_ERROR
    sys.exit(code)


def _output_failed(error: Exception) -> int:
    """Say that stdout cannot be written, once; the exit code."""
    # A full disk or a closed stdout: not a bug, and every later write would fail too.
    click.echo(f"cleannews: error: {error}", err=True)
    _silence_stdout()  # what is still buffered cannot be written either
    return EXIT_INPUT_ERROR


def _run(ctx: click.Context, kwargs: dict[str, Any]) -> int:
    """Read the config, run, render what the options ask for, and return the exit code.

    The config file gives every option the command line leaves out (see
    :mod:`cleannews.cli_settings`); ``check`` exits 1 when files would change
    (``--check``, alone or with ``--diff``).
    """
    import warnings

    from cleannews import runner
    from cleannews.cli_settings import (
        list_sites,
        list_stages,
        options_of,
        route_warnings,
        settings_of,
    )
    from cleannews.pipeline import Pipeline
    from cleannews.report import render_summary
    from cleannews.sources import Stdout, writing_stdout

    settings, config_path = settings_of(ctx, kwargs)
    values = {key: setting.value for key, setting in settings.items()}
    if kwargs["show_config"]:
        from cleannews.configfile import render

        text = render(settings, config_path)
        with writing_stdout():
            click.echo(text, nl=False)
        return EXIT_OK
    with warnings.catch_warnings():
        route_warnings(quiet=values["quiet"])
        try:
            options = options_of(values)
            # The listings print to stdout, and fail on it as the clean text does.
            if kwargs["list_stages"]:
                with writing_stdout():
                    list_stages(options)
                return EXIT_OK
            if kwargs["list_sites"]:
                with writing_stdout():
                    list_sites(options)
                return EXIT_OK
            config = _run_config(kwargs["paths"], values, options)
            config = _with_batch_options(config, values)
            pipeline = Pipeline(config.options)
            stdout = Stdout(sys.stdout.buffer if sys.stdout is not None else None)
            report = runner.run(config, cast(BinaryIO, stdout), sys.stderr, pipeline)
        except _usage_errors() as error:
            raise click.UsageError(str(error)) from None
    stdout.flush()
    check = values["check"]
    if values["summary"]:
        render_summary(report, check=check)
    elif (config.mode in runner.FILE_MODES or check) and not config.quiet and report.files:
        # Modes that write files or judge them end with one line saying what happened;
        # a filter (stdout, a plain diff) stays silent.
        click.echo(report.one_line(check=check), err=True)
    # A hook that fixes files fails when it fixed some, so that pre-commit stops the commit.
    return report.exit_code(check=check or values["exit-nonzero-on-fix"])


def _usage_errors() -> tuple[type[Exception], ...]:
    from cleannews.profiles import UnknownProfileError
    from cleannews.registry import UnknownStageError
    from cleannews.rules import RuleError
    from cleannews.runner import UsageError
    from cleannews.stages.base import SettingError

    return (UsageError, SettingError, UnknownStageError, UnknownProfileError, RuleError)


def _run_config(paths: Sequence[str], values: dict[str, Any], options: Options) -> RunConfig:
    """The run the effective settings describe (``values`` is keyed like the config)."""
    from cleannews.runner import Mode, RunConfig
    from cleannews.sources import DEFAULT_INCLUDE

    output_dir = values["output-dir"]
    if output_dir is not None and not output_dir.strip():
        # `-o "$OUT"` with OUT unset: not the working folder, which it would otherwise be.
        raise click.BadParameter("an empty path is not a folder", param_hint="-o/--output-dir")
    modes = {
        "--output-dir": (output_dir is not None, Mode.OUTPUT_DIR),
        "--in-place": (values["in-place"], Mode.IN_PLACE),
        # --check --diff is a diff that also sets the exit code, as in black.
        "--check": (values["check"] and not values["diff"], Mode.CHECK),
        "--diff": (values["diff"], Mode.DIFF),
    }
    chosen = [flag for flag, (on, _mode) in modes.items() if on]
    if len(chosen) > 1:
        raise click.UsageError(f"{' and '.join(chosen)} cannot be used together")
    mode = modes[chosen[0]][1] if chosen else Mode.STDOUT
    explain, explain_format = values["explain"], values["format"]
    if explain_format == "json" and not explain:
        raise click.UsageError("--format json goes with --explain")
    if explain and explain_format == "json" and mode is Mode.DIFF:
        # Both would go to stdout; a reader could not tell diff lines from JSON.
        raise click.UsageError("--explain --format json prints to stdout; so does --diff")
    return RunConfig(
        paths=tuple(paths),
        mode=mode,
        output_dir=output_dir,
        explain=explain,
        explain_format=explain_format,
        quiet=values["quiet"],
        verbose=values["verbose"],
        exit_nonzero_on_fix=values["exit-nonzero-on-fix"],
        include=values["include"] or DEFAULT_INCLUDE,
        exclude=values["exclude"],
        options=options,
        url=values["url"],
    )


def _with_batch_options(config: RunConfig, values: dict[str, Any]) -> RunConfig:
    """``config`` with the batch settings: processes and JSON Lines."""
    import dataclasses

    from cleannews.parallel import JSONL_EXTENSIONS
    from cleannews.sources import DEFAULT_INCLUDE

    path = values["field"]
    explain_field = values["explain-field"]
    if not all(path.split(".")):
        raise click.BadParameter(f"{path!r} is not a field name or path", param_hint="--field")
    if explain_field is not None and explain_field in ("", path.split(".")[0]):
        raise click.BadParameter(
            "must name a field other than the one cleaned", param_hint="--explain-field"
        )
    url_field = values["url-field"]
    if url_field is not None and not all(url_field.split(".")):
        raise click.BadParameter(
            f"{url_field!r} is not a field name or path", param_hint="--url-field"
        )
    include = config.include
    if values["jsonl"] and tuple(include) == DEFAULT_INCLUDE:
        # With --jsonl, folders are walked for JSON Lines files unless --include says.
        include = tuple(f"*{extension}" for extension in JSONL_EXTENSIONS)
    return dataclasses.replace(
        config,
        jobs=values["jobs"],
        jsonl=values["jsonl"],
        field=path,
        explain_field=explain_field,
        url_field=url_field,
        include=include,
    )


def main() -> None:
    """Entry point: run the command; turn a crash into exit code 123, never a traceback."""
    if sys.stderr is None:
        # Started with stderr closed (`2>&-`): messages go nowhere, but the data and
        # the exit code must still be right, not an internal error on the first message.
        import os

        sys.stderr = open(os.devnull, "w")  # noqa: SIM115 - for the life of the process
    try:
        cli(standalone_mode=True)
    except KeyboardInterrupt:
        sys.stderr.write("cleannews: interrupted\n")
        sys.exit(EXIT_INTERRUPTED)
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(EXIT_OK)
    except SystemExit:
        raise
    except Exception as error:  # raised outside the command itself (option parsing)
        from cleannews.sources import OutputError

        if isinstance(error, OutputError):  # --help or --version on an unwritable stdout
            sys.exit(_output_failed(error))
        sys.stderr.write(f"cleannews: internal error: {describe(error)}\n")
        sys.exit(EXIT_INTERNAL_ERROR)


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so flushing at exit cannot raise BrokenPipeError again."""
    import os

    try:
        fileno = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # not a real file (tests): nothing to do
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fileno)
    os.close(devnull)


__all__ = ["EXIT_INPUT_ERROR", "cli", "main"]
