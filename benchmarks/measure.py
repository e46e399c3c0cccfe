"""Timing and memory helpers shared by the benchmarks.

The machine these run on is often shared, so wall time says little: every
helper measures the CPU time (user + system) the measured process and its
children spent, and the benchmarks compare against a floor measured in the
same run.
"""

from __future__ import annotations

import hashlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402  (a sibling module, found through the path set above)


@dataclass
class Run:
    """What one child process cost."""

    cpu: float  # seconds of user + system time, children included
    wall: float  # seconds
    peak_rss: int  # bytes, the largest resident set of the process (or a child)
    own_cpu: float = 0.0  # seconds of the process itself, without its children

    def parallel_estimate(self, jobs: int) -> float:
        """The wall time this run would take on ``jobs`` idle cores, from its CPU times.

        The main process (reading, writing, handing out work) runs beside the
        workers; the workers' time spreads over ``jobs`` cores. On a shared
        machine this says more about -jN than the wall time does.
        """
        return max(self.own_cpu, self.cpu / jobs)


def run(
    command: list[str] | str,
    stdin: Path | None = None,
    shell: bool = False,
    env: dict[str, str] | None = None,
) -> Run:
    """Run ``command`` (stdout to /dev/null) and measure it with wait4."""
    with (
        open(stdin or os.devnull, "rb") as source,
        open(os.devnull, "wb") as sink,
    ):
        started = time.perf_counter()
        process = subprocess.Popen(
            command, stdin=source, stdout=sink, stderr=subprocess.PIPE, shell=shell, env=env
        )
        assert process.stderr is not None
        errors = process.stderr.read()
        own = _own_cpu(process.pid)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        raise RuntimeError(f"{command!r} failed: {errors.decode(errors='replace')}")
    # ru_maxrss is in kilobytes on Linux.
    return Run(usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss * 1024, own)


def _own_cpu(pid: int) -> float:
    """CPU seconds of process ``pid`` alone, read once it has exited but is not yet reaped."""
    try:
        os.waitid(os.P_PID, pid, os.WEXITED | os.WNOWAIT)
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except (OSError, AttributeError):
        return 0.0  # not Linux: no figure
    # utime and stime are fields 14 and 15 of stat(5), in clock ticks.
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def best(runs: list[Run]) -> Run:
    """The run with the least CPU time: the one least disturbed by other work."""
    return min(runs, key=lambda r: r.cpu)


def median_cpu(runs: list[Run]) -> float:
    return statistics.median(r.cpu for r in runs)


def cleannews_command() -> str:
    """The installed ``cleannews`` next to this Python."""
    return str(Path(sys.executable).with_name("cleannews"))


def corpus_file(size: int, kind: str, folder: Path | None = None, seed: int = 1) -> Path:
    """A generated corpus file, made once and reused (``kind``: text or jsonl)."""
    folder = folder or Path(tempfile.gettempdir()) / "cleannews-bench"
    folder.mkdir(parents=True, exist_ok=True)
    # The generator's own source is part of the name: a changed generator makes
    # a new corpus instead of reusing one made by the old code.
    version = hashlib.sha256(Path(corpus.__file__).read_bytes()).hexdigest()[:8]
    path = folder / f"corpus-{size}-{seed}-{version}.{'jsonl' if kind == 'jsonl' else 'txt'}"
    if not path.exists():
        partial = path.with_suffix(".part")
        writer = corpus.write_jsonl if kind == "jsonl" else corpus.write_text
        writer(partial, size, seed)
        partial.replace(path)
    return path


def load_average() -> str:
    one, five, _ = os.getloadavg()
    return f"load {one:.1f}/{five:.1f} on {os.cpu_count()} CPUs"


def _burn(count: int) -> int:
    total = 0
    for number in range(count):
        total += number
    return total


def parallel_ceiling(jobs: int, count: int = 10_000_000) -> float:
    """The wall-time speed-up ``jobs`` processes get right now on pure CPU work.

    On a shared machine this is what -jN can hope for at best: the same loop
    once in this process, then ``jobs`` copies in a pool of ``jobs`` processes.
    """
    from concurrent.futures import ProcessPoolExecutor

    started = time.perf_counter()
    _burn(count)
    one = time.perf_counter() - started
    with ProcessPoolExecutor(jobs) as pool:
        list(pool.map(_burn, [1] * jobs))  # start the workers before timing
        started = time.perf_counter()
        list(pool.map(_burn, [count] * jobs))
        many = time.perf_counter() - started
    return jobs * one / many
