"""A cleaning run over many inputs: read each, clean it, send the result where the mode says.

This is the whole behaviour of the command line, minus option parsing: the CLI
builds a :class:`RunConfig` and calls :func:`run`. Data goes to ``stdout``
(bytes), messages to ``stderr`` (text).
"""

from __future__ import annotations

import enum
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, BinaryIO, TextIO

from cleannews import output, sources
from cleannews.config import Options
from cleannews.pipeline import Pipeline, Result
from cleannews.report import Report, warning_lines
from cleannews.sources import InputError, Source

if TYPE_CHECKING:
    from cleannews.progress import Progress


class Mode(enum.Enum):
    STDOUT = "stdout"  # clean text to stdout, inputs one after another
    OUTPUT_DIR = "output-dir"  # each clean file under a folder
    IN_PLACE = "in-place"  # rewrite changed files
    CHECK = "check"  # write nothing, report what would change
    DIFF = "diff"  # unified diff on stdout


# Modes that write or judge files rather than stream data to stdout.
FILE_MODES = frozenset({Mode.OUTPUT_DIR, Mode.IN_PLACE, Mode.CHECK})


class UsageError(Exception):
    """Options that cannot work together or with these inputs."""


@dataclass(frozen=True)
class RunConfig:
    paths: Sequence[str] = ()
    mode: Mode = Mode.STDOUT
    output_dir: str | None = None
    explain: bool = False
    explain_format: str = "text"  # "text": on stderr; "json": JSON lines on stdout
    quiet: bool = False
    # Also say which files in folders were skipped as binary.
    verbose: bool = False
    # Hook mode (--exit-nonzero-on-fix): say "Fixing FILE" as pre-commit's own fixers do.
    exit_nonzero_on_fix: bool = False
    include: Sequence[str] = sources.DEFAULT_INCLUDE
    exclude: Sequence[str] = ()
    options: Options = field(default_factory=Options)
    # The page the inputs came from: picks a site profile (see Pipeline.choose).
    url: str | None = None
    # -- batch use (parallel.py, batch.py, jsonl.py) --
    # Processes: None picks every CPU for more than a handful of files, else 1; 0 is every CPU.
    jobs: int | None = 1
    jsonl: bool = False  # treat every input as JSON Lines (.jsonl/.jsonl.gz files always are)
    field: str = "text"  # the JSON Lines field to clean; a dotted path reaches nested fields
    explain_field: str | None = None  # attach each record's removals under this field
    url_field: str | None = None  # the JSON Lines field whose URL picks a site profile


def run(
    config: RunConfig, stdout: BinaryIO, stderr: TextIO, pipeline: Pipeline | None = None
) -> Report:
    """Clean every input ``config`` names; return the run's report.

    ``pipeline`` cleans in this process; with ``config.jobs`` above 1, worker
    processes build their own from ``config.options``.
    """
    pipeline = pipeline or Pipeline(config.options)
    found = list(
        sources.discover(
            config.paths,
            config.include,
            config.exclude,
            skip_dirs=[config.output_dir] if config.output_dir else [],
        )
    )
    if config.mode is not Mode.STDOUT:
        found = _once_each(found, by_target=config.mode is Mode.OUTPUT_DIR)
    if config.mode is Mode.IN_PLACE and any(isinstance(i, Source) and i.is_stdin for i in found):
        raise UsageError("--in-place needs files or folders, not standard input")
    targets = _output_targets(config, found)
    if not found and not config.quiet:
        # Not an error (a folder may simply hold no articles yet), but worth a word:
        # a silent exit 0 after a mistyped --include looks like success.
        looked_for = ", ".join(config.include)
        if config.exclude:
            looked_for += f", not {', '.join(config.exclude)}"
        stderr.write(f"cleannews: nothing to clean in {', '.join(config.paths)} ({looked_for})\n")
    from cleannews import parallel
    from cleannews.progress import Progress

    progress = Progress.for_run(
        stderr,
        total_files=len(found),
        quiet=config.quiet,
        explain_on_stderr=config.explain and config.explain_format == "text",
    )
    try:
        return parallel.process_all(
            config, pipeline, found, targets, stdout, progress.stderr, progress
        )
    finally:
        progress.close()


def _once_each(
    found: list[Source | InputError], by_target: bool = False
) -> list[Source | InputError]:
    """``found`` without a file met again (named twice, or named and in a folder given too).

    Where files are written or judged, a file is one input however it is reached: two
    would fight over one ``-o`` target and be counted twice. With ``by_target`` (``-o``)
    the same file under another relative path is another copy asked for, and stays.
    (To stdout, as ``cat`` does, a file named twice is printed twice.)
    """
    seen: set[tuple[str, str]] = set()
    once: list[Source | InputError] = []
    for item in found:
        if isinstance(item, Source) and not item.is_stdin:
            key = (os.path.realpath(item.path), item.relative if by_target else "")
            if key in seen:
                continue
            seen.add(key)
        once.append(item)
    return once


def _error(stderr: TextIO, message: str) -> None:
    stderr.write(f"cleannews: error: {message}\n")
    stderr.flush()


def _output_targets(config: RunConfig, found: list[Source | InputError]) -> dict[str, str]:
    """Where each input goes under ``--output-dir``; refuses two inputs sharing a target."""
    if config.mode is not Mode.OUTPUT_DIR:
        return {}
    assert config.output_dir is not None
    root = os.path.abspath(config.output_dir)
    targets: dict[str, str] = {}
    claimed: dict[str, str] = {}
    for item in found:
        if isinstance(item, InputError):
            continue
        if item.is_stdin:
            raise UsageError("--output-dir needs files or folders, not standard input")
        target = os.path.normpath(os.path.join(root, item.relative))
        # relative paths come from walking a folder, so they never climb out;
        # this check keeps it that way whatever a path looks like.
        if os.path.commonpath([root, target]) != root:
            raise UsageError(f"{item.path}: would be written outside {config.output_dir}")
        if os.path.realpath(target) == os.path.realpath(item.path):
            raise UsageError(f"{item.path}: --output-dir would overwrite it (use --in-place)")
        if target in claimed:
            raise UsageError(f"{item.path} and {claimed[target]} would both be written to {target}")
        claimed[target] = item.path
        targets[item.path] = target
    return targets


def process(
    config: RunConfig,
    pipeline: Pipeline,
    source: Source,
    target: str | None,
    stdout: BinaryIO,
    stderr: TextIO,
    progress: Progress | None = None,
) -> Report:
    """Clean one plain text input as the mode says; its report."""
    if config.mode in (Mode.STDOUT, Mode.CHECK) and _may_be_large(source):
        # Nothing to rewrite: stream it, so memory does not grow with its size.
        from cleannews.batch import clean_text_stream

        return clean_text_stream(config, pipeline, source, stdout, stderr, progress)
    return _process(config, pipeline, source, target, stdout, stderr)


def _may_be_large(source: Source) -> bool:
    """Standard input, or a file bigger than one streaming window."""
    if source.is_stdin:
        return True
    from cleannews import stream

    try:
        return os.path.getsize(source.path) > stream.WINDOW
    except OSError:
        return False  # reading it will report why


def _process(
    config: RunConfig,
    pipeline: Pipeline,
    source: Source,
    target: str | None,
    stdout: BinaryIO,
    stderr: TextIO,
) -> Report:
    text = sources.read(source)
    path = None if source.is_stdin else source.path
    result = pipeline.choose(url=config.url, path=path).run(text.body)
    name = source.display
    if not config.quiet:
        stderr.writelines(warning_lines(name, result.warnings))
    mode = config.mode
    if config.explain:
        output.write_explanation(
            name, result.removals, config.explain_format == "json", stdout, stderr
        )
    if mode is Mode.STDOUT:
        if not (config.explain and config.explain_format == "json"):
            stdout.write(text.encode(result.text))
    elif mode is Mode.DIFF:
        if result.changed:
            # With the byte-order mark, so the diff describes the file's bytes and
            # patch(1) can apply it (the mark stays at the start of the new text).
            diff = output.unified_diff(text.bom + text.body, text.bom + result.text, name)
            stdout.write(sources.encode(diff))
    elif mode is Mode.CHECK:
        if result.changed and not config.quiet:
            stderr.write(f"would clean {name}\n")
    elif mode is Mode.IN_PLACE:
        if result.changed:
            _write(source.path, text.encode(result.text))
            if not config.quiet:
                stderr.write(cleaned_line(config, name))
    elif mode is Mode.OUTPUT_DIR:
        assert target is not None
        assert config.output_dir is not None
        _write(inside_output_dir(config.output_dir, source, target), text.encode(result.text))
    # Hand each file's data on as soon as it is done: a reader sees it in step with the
    # messages on stderr, and a reader that has gone away stops the run early.
    stdout.flush()
    return Report.for_file(name, result)


def cleaned_line(config: RunConfig, name: str) -> str:
    """What ``-i`` says of a file it rewrote: in hook mode, the words pre-commit's own
    fixers use."""
    return f"Fixing {name}\n" if config.exit_nonzero_on_fix else f"cleaned {name}\n"


def inside_output_dir(output_dir: str, source: Source, target: str) -> str:
    """``target``, once sure that writing it lands inside ``output_dir`` and not on the input.

    The target's name was built inside the folder, but a symbolic link already
    in the folder (``clean/sub -> /etc``) could still carry the write elsewhere,
    so the check is on the fully resolved path.
    """
    root = os.path.realpath(output_dir)
    resolved = os.path.realpath(target)
    if os.path.commonpath([root, resolved]) != root:
        raise InputError(f"{target}: a symbolic link leads outside {output_dir}; not written")
    if resolved == os.path.realpath(source.path):
        raise InputError(f"{target}: is the input file itself; not written")
    return target


def _write(path: str, data: bytes) -> None:
    """Write atomically; a failure is an error about this path, not a crash of the run."""
    try:
        sources.write_atomic(path, data)
    except OSError as error:
        reason = (error.strerror or str(error)).lower()
        raise InputError(f"{path}: cannot write: {reason}") from None


__all__ = ["FILE_MODES", "Mode", "Result", "RunConfig", "UsageError", "run"]
