"""Inputs cleaned as streams: plain text window by window, JSON Lines chunk by chunk.

The runner hands an input here when memory must not grow with its size: plain
text written to stdout or only checked, and every JSON Lines input. Each
function returns the input's :class:`~cleannews.report.Report`, the same one
cleaning it whole would give.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, BinaryIO, Protocol, TextIO

from cleannews import output, sources, stream
from cleannews.report import Report, warning_lines
from cleannews.sources import InputError, Source
from cleannews.stream import Reader

if TYPE_CHECKING:
    from gzip import GzipFile

    from cleannews.pipeline import Pipeline
    from cleannews.progress import Progress
    from cleannews.runner import RunConfig

# Records passed through are reported one by one up to this many per file, then counted.
MAX_SKIP_WARNINGS = 20


class Writer(Protocol):
    def write(self, data: bytes, /) -> int: ...


if TYPE_CHECKING:
    from cleannews.jsonl import ChunkResult

    ChunkMapper = Callable[[Iterator[tuple[bytes, int]]], Iterator[ChunkResult]]


def file_report(name: str, changed: bool, counts: Counter[str], reasons: dict[str, str]) -> Report:
    """The report of one input cleaned in parts."""
    return Report(
        files=1,
        changed=int(changed),
        lines_removed=counts,
        reasons=reasons,
        per_file=[(name, counts)] if changed else [],
    )


@contextlib.contextmanager
def open_input(
    source: Source, progress: Progress | None = None, gunzip: bool = False
) -> Iterator[Reader]:
    """The bytes of an input, gunzipped if asked and it is a ``.gz`` file.

    Raises :class:`InputError` naming the input if it cannot be opened or read.
    """
    try:
        if source.is_stdin:
            if sys.stdin is None:  # started with stdin closed (`cleannews <&-`)
                raise InputError(f"{source.display}: standard input is closed")
            handle: Reader = sys.stdin.buffer
        elif gunzip and source.path.lower().endswith(".gz"):  # as is_jsonl reads names
            import gzip  # here, not at start-up: only .gz inputs need it

            handle = gzip.open(source.path, "rb")  # noqa: SIM115 - closed below
        else:
            handle = open(source.path, "rb")  # noqa: SIM115 - closed below
    except OSError as error:
        raise _input_error(source, error) from None
    try:
        counting = progress if progress is not None and progress.active else None
        yield _Checked(handle, source, counting)
    finally:
        if not source.is_stdin:
            handle.close()  # type: ignore[attr-defined]


def _input_error(source: Source, error: OSError | EOFError) -> InputError:
    if isinstance(error, IsADirectoryError):
        return InputError(f"{source.display}: is a folder")
    if isinstance(error, EOFError):
        return InputError(f"{source.display}: compressed data ends too early")
    reason = (getattr(error, "strerror", None) or str(error)).lower()
    return InputError(f"{source.display}: {reason}")


class _Checked:
    """A reader whose failures name the input, and that tells the progress bar what it read.

    Only reading is guarded: an error writing the output (a closed pipe) is not
    the input's fault and goes on up as it is.
    """

    def __init__(self, handle: Reader, source: Source, progress: Progress | None) -> None:
        self.handle = handle
        self.source = source
        self.progress = progress

    def read(self, size: int = -1, /) -> bytes:
        try:
            data = self.handle.read(size)
        except (OSError, EOFError) as error:
            # A read failed half-way: a folder, a truncated or corrupt gzip file.
            raise _input_error(self.source, error) from None
        if self.progress is not None:
            self.progress.advance(size=len(data))
        return data


def clean_text_stream(
    config: RunConfig,
    pipeline: Pipeline,
    source: Source,
    stdout: BinaryIO,
    stderr: TextIO,
    progress: Progress | None = None,
) -> Report:
    """Clean plain text to stdout (or just check it) in windows of bounded size."""
    from cleannews.runner import Mode

    name = source.display
    explain_json = config.explain and config.explain_format == "json"
    write = config.mode is Mode.STDOUT and not explain_json
    counts: Counter[str] = Counter()
    reasons: dict[str, str] = {}
    chosen = pipeline.choose(url=config.url, path=None if source.is_stdin else source.path)
    with open_input(source, progress) as handle:
        bom, pieces = stream.split_bom(stream.decoded_pieces(_refuse_binary(handle, source)))
        if write and bom:
            stdout.write(sources.encode(bom))
        for window in stream.clean_pieces(chosen, pieces):
            if write:
                stdout.write(sources.encode(window.text))
            if window.warnings and not config.quiet:
                stderr.writelines(warning_lines(name, window.warnings))
            if not window.removals:
                continue
            counts.update(window.counts())
            reasons.update((r.key, r.reason) for r in window.removals)
            if config.explain:
                output.write_explanation(name, window.removals, explain_json, stdout, stderr)
    changed = bool(counts)
    if config.mode is Mode.CHECK and changed and not config.quiet:
        stderr.write(f"would clean {name}\n")
    return file_report(name, changed, counts, reasons)


def _refuse_binary(handle: Reader, source: Source) -> Reader:
    """``handle``, unread, unless its first 8 KiB hold a NUL byte (:class:`BinaryInput`)."""
    head = b""
    while len(head) < sources.BINARY_SNIFF_BYTES:
        data = handle.read(sources.BINARY_SNIFF_BYTES - len(head))
        if not data:
            break
        head += data
    sources.refuse_binary(source, head)
    return _Replayed(head, handle)


class _Replayed:
    """A reader that gives back the bytes already read from a stream, then the rest of it."""

    def __init__(self, head: bytes, rest: Reader) -> None:
        self.head = head
        self.rest = rest

    def read(self, size: int = -1, /) -> bytes:
        if not self.head:
            return self.rest.read(size)
        if size < 0:
            data, self.head = self.head + self.rest.read(), b""
        else:
            data, self.head = self.head[:size], self.head[size:]
        return data


def clean_jsonl(
    config: RunConfig,
    source: Source,
    target: str | None,
    mapper: ChunkMapper,
    stdout: BinaryIO,
    stderr: TextIO,
    progress: Progress | None = None,
) -> Report:
    """Clean a JSON Lines input chunk by chunk, in any mode; ``mapper`` cleans the chunks."""
    from cleannews.runner import Mode, cleaned_line

    name = source.display
    mode = config.mode
    counts: Counter[str] = Counter()
    reasons: dict[str, str] = {}
    changed = 0
    skipped = _RecordWarnings(name, stderr, config.quiet, "more records passed through")
    kept = _RecordWarnings(
        name, stderr, config.quiet, f"more records kept their own field {config.explain_field!r}"
    )
    diff_started = False
    bom = bytearray()  # the byte-order mark the input starts with, if any
    with (
        open_input(source, gunzip=True) as handle,
        _jsonl_output(config, source, target, stdout) as out,
    ):
        for result in mapper(_chunks_without_bom(handle, out, bom)):
            if progress is not None:
                progress.advance(size=result.size)
            if out is not None:
                out.write(result.data)
            changed += result.changed
            counts.update(result.lines_removed)
            reasons.update(result.reasons)
            for line, removals in result.explained:
                output.write_explanation(
                    f"{name}:{line}", removals, config.explain_format == "json", stdout, stderr
                )
            if mode is Mode.DIFF and result.edits:
                if not diff_started:
                    old_name, new_name = output.diff_names(name)
                    stdout.write(sources.encode(f"--- {old_name}\n+++ {new_name}\n"))
                    diff_started = True
                for line, before, after in result.edits:
                    stdout.write(_hunk(line, before, after, bom, line == result.unterminated))
            if not config.quiet:
                for line, note in result.warnings:
                    stderr.writelines(warning_lines(f"{name}:{line}", [note]))
            for line, why in result.skipped:
                skipped.add(line, f"{why}; passed through")
            for line in result.own_field:
                kept.add(
                    line,
                    f"has a field {config.explain_field!r} of its own; kept, removals not added",
                )
        # Nothing changed: the file is left untouched. But with --explain-field every
        # record gets its list ("[]" when none), in place as with -o; a file that holds
        # them already is still left as it is (AtomicFile compares the bytes).
        unchanged = mode is Mode.IN_PLACE and not changed and config.explain_field is None
        if isinstance(out, AtomicFile) and unchanged:
            out.discard()
    skipped.close()
    kept.close()
    if changed and not config.quiet:
        if mode is Mode.CHECK:
            stderr.write(f"would clean {name}\n")
        elif mode is Mode.IN_PLACE:
            stderr.write(cleaned_line(config, name))
    return file_report(name, bool(changed), counts, reasons)


class _RecordWarnings:
    """Warnings about single records of one file: the first :data:`MAX_SKIP_WARNINGS`
    by line, then how many more (``more`` says of what), so a file where every record
    has the problem does not bury the terminal."""

    def __init__(self, name: str, stderr: TextIO, quiet: bool, more: str) -> None:
        self.name = name
        self.stderr = stderr
        self.quiet = quiet
        self.more = more
        self.count = 0

    def add(self, line: int, note: str) -> None:
        self.count += 1
        if self.count <= MAX_SKIP_WARNINGS and not self.quiet:
            self.stderr.writelines(warning_lines(f"{self.name}:{line}", [note]))

    def close(self) -> None:
        if self.count > MAX_SKIP_WARNINGS and not self.quiet:
            more = f"{self.count - MAX_SKIP_WARNINGS} {self.more}"
            self.stderr.writelines(warning_lines(self.name, [more]))


def _hunk(line: int, before: bytes, after: bytes, bom: bytearray, unterminated: bool) -> bytes:
    """The diff hunk of one changed record, describing the file's bytes so patch(1) applies it:
    the first line with the file's byte-order mark, the last one marked if it has no newline."""
    start = bytes(bom) if line == 1 else b""
    end = b"\n" + output.NO_NEWLINE.encode() if unterminated else b"\n"
    return b"@@ -%d +%d @@\n-%s%s%s+%s%s%s" % (line, line, start, before, end, start, after, end)


def _chunks_without_bom(
    handle: Reader, out: Writer | None, bom: bytearray
) -> Iterator[tuple[bytes, int]]:
    """The chunks of a JSON Lines input; a leading byte-order mark is copied out as is
    (and into ``bom``)."""
    from cleannews.jsonl import UTF8_BOM, read_chunks

    first = True
    for chunk, line in read_chunks(handle):
        if first and chunk.startswith(UTF8_BOM):
            if out is not None:
                out.write(UTF8_BOM)
            bom += UTF8_BOM
            chunk = chunk[len(UTF8_BOM) :]
        first = False
        yield chunk, line


@contextlib.contextmanager
def _jsonl_output(
    config: RunConfig, source: Source, target: str | None, stdout: BinaryIO
) -> Iterator[Writer | None]:
    """Where the records go: stdout, a new file, the input itself, or nowhere."""
    from cleannews.runner import Mode, inside_output_dir

    mode = config.mode
    if mode is Mode.STDOUT and not (config.explain and config.explain_format == "json"):
        yield stdout
    elif mode in (Mode.OUTPUT_DIR, Mode.IN_PLACE):
        path = source.path
        if mode is Mode.OUTPUT_DIR:
            assert target is not None
            assert config.output_dir is not None
            # As for text: never through a link that leads out of the folder.
            path = inside_output_dir(config.output_dir, source, target)
        with AtomicFile(path) as out:
            yield out
    else:
        yield None


class AtomicFile:
    """A file written in full next to its target, then renamed over it (gzipped for ``.gz``).

    Readers see the old file or the new one, never half of one; on an error, or
    after :meth:`discard`, the target is left as it was.
    """

    def __init__(self, path: str) -> None:
        self.target = os.path.realpath(path)
        self.discarded = False
        with self._naming_errors():
            self._open()

    def _open(self) -> None:
        import gzip
        import tempfile

        old = _stat_or_none(self.target)
        if old is not None and not stat.S_ISREG(old.st_mode):
            # Renaming over a folder, FIFO or device would replace it with a plain file.
            raise OSError(errno.EINVAL, "not a regular file", self.target)
        folder = os.path.dirname(self.target) or "."
        os.makedirs(folder, exist_ok=True)
        handle, self.temporary = tempfile.mkstemp(dir=folder, prefix=".cleannews-", suffix=".tmp")
        self.raw = os.fdopen(handle, "wb")
        self.gzip: GzipFile | None = None
        if self.target.lower().endswith(".gz"):
            inner = os.path.basename(self.target)[:-3]
            # mtime=0 makes the output the same bytes on every run.
            self.gzip = gzip.GzipFile(inner, "wb", compresslevel=6, fileobj=self.raw, mtime=0)

    def write(self, data: bytes) -> int:
        with self._naming_errors():
            return (self.gzip or self.raw).write(data)

    @contextlib.contextmanager
    def _naming_errors(self) -> Iterator[None]:
        try:
            yield
        except OSError as error:
            reason = (error.strerror or str(error)).lower()
            raise InputError(f"{self.target}: cannot write: {reason}") from None

    def discard(self) -> None:
        self.discarded = True

    def __enter__(self) -> AtomicFile:
        return self

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        with self._naming_errors():
            self._finish(kind is None)

    def _finish(self, succeeded: bool) -> None:
        try:
            if self.gzip is not None:
                self.gzip.close()
            self.raw.flush()
            if succeeded and not self.discarded:
                os.fsync(self.raw.fileno())
            self.raw.close()
            if succeeded and not self.discarded and not _same_bytes(self.temporary, self.target):
                sources.take_over(self.temporary, _stat_or_none(self.target))
                os.replace(self.temporary, self.target)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.temporary)


def _same_bytes(new: str, target: str) -> bool:
    """Whether ``target`` already holds what ``new`` does: then it is left as it is, its
    mtime and inode kept (a rerun of ``-o`` must not look like a change to make or rsync)."""
    import filecmp

    try:
        return filecmp.cmp(new, target, shallow=False)
    except OSError:
        return False  # no target yet (or unreadable): write it


def _stat_or_none(target: str) -> os.stat_result | None:
    """The stat of the file being replaced, or None for a new file."""
    try:
        return os.stat(target)
    except FileNotFoundError:
        return None
