"""Spreading a run over processes, with output in input order and the same bytes as -j1.

Plain text files go to the workers in batches (one task per batch, so 20,000
small files cost a few hundred tasks, not 20,000); each worker builds its
pipeline once, when it starts. A JSON Lines file is read here and its chunks of
records are cleaned by the workers, so one large file uses every core too.
Results are taken in submission order, with a bounded number of tasks in
flight, so output order is fixed and memory stays flat.

With one job nothing here starts a process, and :mod:`concurrent.futures` is
not even imported: small runs keep their fast start.
"""

from __future__ import annotations

import contextlib
import functools
import io
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, BinaryIO, TextIO, TypeVar

from cleannews import runner
from cleannews.report import Report, describe
from cleannews.sources import BinaryInput, InputError, OutputError, Source

if TYPE_CHECKING:
    from concurrent.futures import Executor, Future

    from cleannews.batch import ChunkMapper
    from cleannews.jsonl import ChunkResult, RecordCleaner
    from cleannews.pipeline import Pipeline
    from cleannews.progress import Progress
    from cleannews.runner import RunConfig

# More files than this and the default is every CPU; fewer, and a pool's start-up
# (tens of milliseconds) would cost more than it saves.
HANDFUL = 8
# JSON Lines input larger than this (bytes, all files) also gets every CPU by default.
LARGE_JSONL = 64 * 1024 * 1024
# Most files in one task; fewer when there are too few files to keep every worker busy.
MAX_BATCH = 64
# Tasks in flight per worker: enough to hide latency, few enough to bound memory.
AHEAD = 4

T = TypeVar("T")
R = TypeVar("R")

FileOutcome = tuple[bytes, str, Report]


def available_cpus() -> int:
    with contextlib.suppress(AttributeError):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


# File names that say JSON Lines, whatever the options.
JSONL_EXTENSIONS = (".jsonl", ".jsonl.gz")


def is_jsonl(config: RunConfig, source: Source) -> bool:
    """Whether an input is JSON Lines: --jsonl, or a .jsonl/.jsonl.gz file name."""
    return config.jsonl or source.path.lower().endswith(JSONL_EXTENSIONS)


def choose_jobs(config: RunConfig, found: Sequence[Source | InputError]) -> int:
    """The number of processes: as asked, or every CPU when the work is large enough."""
    if config.jobs is not None and config.jobs > 0:
        return config.jobs
    cpus = available_cpus()
    if config.jobs == 0 or cpus == 1:
        return cpus
    files = [item for item in found if isinstance(item, Source) and not item.is_stdin]
    text_files = sum(1 for source in files if not is_jsonl(config, source))
    if text_files > HANDFUL:
        return cpus
    jsonl_size = 0
    for source in files:
        if is_jsonl(config, source):
            with contextlib.suppress(OSError):
                jsonl_size += os.path.getsize(source.path)
    return cpus if jsonl_size > LARGE_JSONL else 1


def process_all(
    config: RunConfig,
    pipeline: Pipeline,
    found: Sequence[Source | InputError],
    targets: dict[str, str],
    stdout: BinaryIO,
    stderr: TextIO,
    progress: Progress,
) -> Report:
    """Clean every input in order, with ``config.jobs`` processes; the summed report."""
    jobs = choose_jobs(config, found)
    report = Report()
    with _Workers(config, jobs, stdout, stderr) as workers:
        for group in _groups(config, found):
            if isinstance(group, InputError):
                runner._error(stderr, str(group))
                report += Report.for_error()
            elif isinstance(group, list):
                for source, (out, err, file_report) in zip(
                    group, workers.clean_files(config, pipeline, group, targets), strict=True
                ):
                    if out:
                        stdout.write(out)
                        # As a file cleaned here is: a reader that went away stops the run.
                        stdout.flush()
                    stderr.write(err)
                    report += file_report
                    progress.advance(files=1, size=_size(source) if progress.active else 0)
            elif is_jsonl(config, group):
                from cleannews import batch

                report += _guarded(
                    stderr,
                    group,
                    functools.partial(
                        batch.clean_jsonl,
                        config,
                        group,
                        targets.get(group.path),
                        workers.chunk_mapper(pipeline, group),
                        stdout,
                        stderr,
                        progress,
                    ),
                    config,
                )
                progress.advance(files=1)
            else:  # standard input as plain text: streamed here, never in a worker
                report += process_one(config, pipeline, group, None, stdout, stderr, progress)
                progress.advance(files=1)
    return report


def _size(source: Source) -> int:
    try:
        return os.path.getsize(source.path)
    except OSError:
        return 0


def _groups(
    config: RunConfig, found: Sequence[Source | InputError]
) -> Iterator[InputError | Source | list[Source]]:
    """Runs of plain text files (which workers take in batches), and every other item alone."""
    run: list[Source] = []
    for item in found:
        if isinstance(item, Source) and not item.is_stdin and not is_jsonl(config, item):
            run.append(item)
            continue
        if run:
            yield run
            run = []
        yield item
    if run:
        yield run


def _guarded(
    stderr: TextIO, source: Source, work: Callable[[], Report], config: RunConfig
) -> Report:
    """The report of ``work`` on ``source``; if it fails, a one-line message and an error report.

    An input that cannot be read is an input error; any other exception is a bug
    on this input, reported as an internal error so the run goes on with the others.
    """
    try:
        return work()
    except BinaryInput as skipped:
        # Not text: left alone. Named files and stdin say so unless --quiet; files
        # found in folders only with --verbose (a folder may hold many).
        if config.verbose or not (source.in_folder or config.quiet):
            stderr.write(f"cleannews: warning: {skipped}, skipped\n")
        return Report.for_binary()
    except InputError as error:
        runner._error(stderr, str(error))
        return Report.for_error()
    except (BrokenPipeError, OutputError):
        raise  # stdout went away or cannot be written: stop, there is no one to write for
    except Exception as error:
        stderr.write(f"cleannews: internal error: {source.display}: {describe(error)}\n")
        return Report.for_internal_error()


def process_one(
    config: RunConfig,
    pipeline: Pipeline,
    source: Source,
    target: str | None,
    stdout: BinaryIO,
    stderr: TextIO,
    progress: Progress | None = None,
) -> Report:
    """Clean one plain text input; the same code runs in the main process and in workers."""
    return _guarded(
        stderr,
        source,
        functools.partial(
            runner.process, config, pipeline, source, target, stdout, stderr, progress
        ),
        config,
    )


class _Workers:
    """A process pool when jobs > 1; otherwise the same calls, run right here."""

    def __init__(self, config: RunConfig, jobs: int, stdout: BinaryIO, stderr: TextIO) -> None:
        self.config = config
        self.jobs = jobs
        # The run's real streams, for inputs cleaned in this process.
        self.stdout = stdout
        self.stderr = stderr
        self._executor: Executor | None = None

    def __enter__(self) -> _Workers:
        return self

    def __exit__(self, *_exc: object) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)

    def _pool(self) -> Executor:
        if self._executor is None:
            from concurrent.futures import ProcessPoolExecutor

            from cleannews.pipeline import Pipeline

            # Compile the stages' patterns here, once: forked workers inherit
            # them instead of each compiling its own (a pool of N would pay N times).
            Pipeline(self.config.options).prepare()

            self._executor = ProcessPoolExecutor(
                self.jobs, initializer=_start_worker, initargs=(self.config,)
            )
        return self._executor

    def clean_files(
        self,
        config: RunConfig,
        pipeline: Pipeline,
        sources: list[Source],
        targets: dict[str, str],
    ) -> Iterator[FileOutcome]:
        work = [(source, targets.get(source.path)) for source in sources]
        if self.jobs == 1 or len(work) == 1:
            # Straight to the real streams: nothing is buffered, text is streamed.
            for source, target in work:
                report = process_one(config, pipeline, source, target, self.stdout, self.stderr)
                yield b"", "", report
            return
        size = max(1, min(MAX_BATCH, -(-len(work) // (self.jobs * AHEAD))))
        batches = [work[i : i + size] for i in range(0, len(work), size)]
        for outcomes in _ordered_map(self._pool(), _clean_batch, batches, self.jobs * AHEAD):
            yield from outcomes

    def chunk_mapper(self, pipeline: Pipeline, source: Source) -> ChunkMapper:
        """What cleans the chunks of records of ``source``, here or in the workers."""
        path = None if source.is_stdin else source.path
        if self.jobs == 1:
            chosen = pipeline.choose(url=self.config.url, path=path)
            cleaner = record_cleaner(self.config, chosen)
            return lambda chunks: (cleaner.clean_chunk(data, line) for data, line in chunks)
        return lambda chunks: _ordered_map(
            self._pool(),
            _clean_chunk,
            ((data, line, path) for data, line in chunks),
            self.jobs * 2,
        )


def _ordered_map(
    executor: Executor, function: Callable[[T], R], items: Iterable[T], ahead: int
) -> Iterator[R]:
    """``map(function, items)`` on the executor, in order, at most ``ahead`` tasks in flight."""
    pending: deque[Future[R]] = deque()
    for item in items:
        pending.append(executor.submit(function, item))
        if len(pending) >= ahead:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def record_cleaner(config: RunConfig, pipeline: Pipeline) -> RecordCleaner:
    """The JSON Lines cleaner a run's options ask for."""
    from cleannews import jsonl

    return jsonl.RecordCleaner(
        pipeline,
        config.field,
        config.explain_field,
        url_field=config.url_field,
        keep_removals=config.explain,
        keep_edits=config.mode is runner.Mode.DIFF,
    )


# -- in the worker processes ---------------------------------------------------

_worker: dict[str, Any] = {}


def _start_worker(config: RunConfig) -> None:
    """Build the pipeline once per worker, not once per task."""
    import signal

    from cleannews.pipeline import Pipeline

    # Ctrl-C reaches the whole process group; the main process handles it and
    # stops the pool, so workers need not each print a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    pipeline = Pipeline(config.options)
    _worker.update(config=config, pipeline=pipeline, cleaners={})


def _clean_batch(work: list[tuple[Source, str | None]]) -> list[FileOutcome]:
    config: RunConfig = _worker["config"]
    pipeline: Pipeline = _worker["pipeline"]
    outcomes = []
    for source, target in work:
        out = io.BytesIO()
        err = io.StringIO()
        report = process_one(config, pipeline, source, target, out, err)
        outcomes.append((out.getvalue(), err.getvalue(), report))
    return outcomes


def _clean_chunk(item: tuple[bytes, int, str | None]) -> ChunkResult:
    data, first_line, path = item
    config: RunConfig = _worker["config"]
    pipeline: Pipeline = _worker["pipeline"].choose(url=config.url, path=path)
    # One cleaner per pipeline (per site profile), built on first use.
    cleaners: dict[int, RecordCleaner] = _worker["cleaners"]
    cleaner = cleaners.get(id(pipeline))
    if cleaner is None:
        cleaner = cleaners[id(pipeline)] = record_cleaner(config, pipeline)
    return cleaner.clean_chunk(data, first_line)
