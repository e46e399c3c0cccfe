"""A progress bar on stderr for long runs: files done, megabytes read, megabytes per second.

It shows only when stderr is a terminal, the run is not quiet, stderr is not
carrying --explain output, and the run has lasted :data:`DELAY` seconds; a short
run never imports rich or draws anything. Messages written while the bar is up
go through it, so they print above the bar instead of through it.
"""

from __future__ import annotations

import io
import time
from typing import Any, TextIO, cast

# Seconds before the bar appears: quick runs stay silent.
DELAY = 0.5
# Seconds between redraws requested by advance(); rich refreshes on its own too.
REFRESH = 0.1


class Progress:
    """Counts files and bytes; draws them once the run is long enough."""

    def __init__(self, stderr: TextIO, total_files: int, enabled: bool) -> None:
        self.real_stderr = stderr
        self.total_files = total_files
        # Whether counting is worth doing at all: a bar may appear in this run.
        self.active = enabled
        self.files = 0
        self.size = 0
        self.started = time.monotonic()
        self._next_check = self.started + DELAY
        self._bar: Any = None
        self._task: Any = None
        # What the run writes its messages to while this is in charge of stderr.
        self.stderr: TextIO = cast(TextIO, _ThroughBar(self)) if enabled else stderr

    @classmethod
    def for_run(
        cls, stderr: TextIO, total_files: int, quiet: bool, explain_on_stderr: bool
    ) -> Progress:
        enabled = not quiet and not explain_on_stderr and _is_terminal(stderr)
        return cls(stderr, total_files, enabled)

    def advance(self, files: int = 0, size: int = 0) -> None:
        if not self.active:
            return
        self.files += files
        self.size += size
        now = time.monotonic()
        if now < self._next_check:
            return
        self._next_check = now + REFRESH
        if self._bar is None:
            self._start()
        self._update(now)

    def _start(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

        console = Console(file=self.real_stderr)
        known_total = self.total_files > 1
        columns = [
            TextColumn("[bold]cleaning"),
            *([BarColumn()] if known_total else []),
            TextColumn("{task.fields[files]}"),
            TextColumn("{task.fields[megabytes]}"),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
        ]
        self._bar = Progress(*columns, console=console, transient=True)
        self._task = self._bar.add_task(
            "cleaning",
            total=self.total_files if known_total else None,
            files="",
            megabytes="",
            rate="",
        )
        self._bar.start()

    def _update(self, now: float) -> None:
        megabytes = self.size / 1e6
        elapsed = max(now - self.started, 1e-9)
        files = f"{self.files}/{self.total_files} files" if self.total_files > 1 else ""
        self._bar.update(
            self._task,
            completed=self.files,
            files=files,
            megabytes=f"{megabytes:,.1f} MB",
            rate=f"{megabytes / elapsed:,.1f} MB/s",
        )

    def message(self, text: str) -> None:
        """Write a message on stderr, above the bar when it is showing."""
        if self._bar is not None:
            self._bar.console.out(text, end="", highlight=False)
        else:
            self.real_stderr.write(text)

    def close(self) -> None:
        if self._bar is not None:
            self._update(time.monotonic())  # the last frame shows the final counts
            self._bar.stop()
            self._bar = None


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class _ThroughBar(io.TextIOBase):
    """A stderr stand-in that routes messages through the progress bar."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress

    def write(self, text: str) -> int:
        self.progress.message(text)
        return len(text)

    def flush(self) -> None:
        self.progress.real_stderr.flush()
