"""Throughput of cleannews against the floor a Python tool pays, in one run on one corpus.

    .venv/bin/python benchmarks/throughput.py [--size 20MB] [--repeat 3]

Cases, all on the same generated articles (benchmarks/corpus.py):

- floor: ``for line in sys.stdin`` with one compiled ``re`` alternation of
  residue words, writing the lines it keeps: what any Python line filter pays;
- ``grep -vE PATTERN | uniq``: the same alternation in C;
- cleannews, default pipeline, one core: ``cleannews.clean(text)`` on the whole
  plain text (API, the call alone), and ``cleannews < corpus.txt`` (CLI on stdin,
  start-up and streaming included);
- cleannews on the same articles as JSON Lines (a record each), ``-j1`` and ``-j2``.
- the CLI cases again with ``--single-pass`` (one round of cleaning, not rounds
  until nothing more goes).

Throughput is megabytes of article text per second of CPU time (user + system)
of the process and its children, the least of ``--repeat`` runs, so other work on
a shared machine matters less; JSON Lines is counted by the plain text's bytes
too, though its file is a little larger. The ratio to the floor measured in the
same run is what the targets are about. ``-j2`` is about wall time (it spends more
CPU, on two cores), so its speed-up is the least wall time of ``-j1`` over that of
``-j2``; on a loaded machine that is only as good as the cores that were free, so
an estimate for two idle cores is printed too: the CPU time of ``-j1`` over the
larger of the main process's own CPU time and half the run's total.
"""

from __future__ import annotations

import argparse
import shlex
import subprocess
import sys
import time
from collections.abc import Callable

from measure import (
    Run,
    best,
    cleannews_command,
    corpus,
    corpus_file,
    load_average,
    parallel_ceiling,
    run,
)

# The residue a user would grep for; the floor and grep use the same alternation.
PATTERN = (
    r"^\s*(advertisement|advert|ad|ads|sponsored|anzeige|publicité|werbung|loading|loading\.\.\."
    r"|share|share this article|reading time:.*|[0-9]+ min read|why you can trust .*)\s*$"
)
FLOOR = f"""
import re, sys
keep = re.compile({PATTERN!r}, re.IGNORECASE).match
write = sys.stdout.write
for line in sys.stdin:
    if not keep(line):
        write(line)
"""
API = """
import sys, time
import cleannews
text = open(sys.argv[1], encoding="utf-8").read()
options = {"stages": sys.argv[2].split(",")} if sys.argv[2] else {}
started = time.process_time()
cleannews.clean(text, **options)
print(time.process_time() - started, file=sys.stderr)
"""


def api_run(path: str, stages: str) -> Run:
    """``cleannews.clean`` on the whole text; the CPU time of the call alone."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", API, path, stages], capture_output=True, text=True, check=True
    )
    cpu = float(done.stderr.strip().splitlines()[-1])
    return Run(cpu, time.perf_counter() - started, 0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=corpus.parse_size, default=corpus.parse_size("20MB"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--stages", default="", help="run only these stages (A,B); default: the default pipeline"
    )
    args = parser.parse_args()
    text = corpus_file(args.size, "text")
    records = corpus_file(args.size, "jsonl")
    megabytes = text.stat().st_size / 1e6
    cleannews = [cleannews_command(), "-q"]
    if args.stages:
        cleannews += ["--stages", args.stages]
    grep = f"grep -viE {shlex.quote(PATTERN)} < {shlex.quote(str(text))} | uniq"
    cases: dict[str, Callable[[], Run]] = {
        "floor: python re line loop": lambda: run([sys.executable, "-c", FLOOR], text),
        "grep -viE | uniq": lambda: run(grep, shell=True),
        "cleannews API, plain text": lambda: api_run(str(text), args.stages),
        "cleannews CLI, stdin, plain": lambda: run(cleannews, text),
        "cleannews JSON Lines -j1": lambda: run([*cleannews, "-j1", str(records)]),
        "cleannews JSON Lines -j2": lambda: run([*cleannews, "-j2", str(records)]),
        # One round of cleaning instead of rounds until nothing more goes.
        "  --single-pass, stdin, plain": lambda: run([*cleannews, "--single-pass"], text),
        "  --single-pass, JSON Lines -j1": lambda: run(
            [*cleannews, "--single-pass", "-j1", str(records)]
        ),
    }
    # Interleaved repeats: a burst of load hits every case alike.
    runs: dict[str, list[Run]] = {name: [] for name in cases}
    for _ in range(args.repeat):
        for name, case in cases.items():
            runs[name].append(case())
    print(f"corpus: {megabytes:.1f} MB of plain text ({records.stat().st_size / 1e6:.1f} MB")
    print(f"as JSON Lines), best of {args.repeat} runs; {load_average()}")
    print(f"stages: {args.stages or 'the default pipeline'}")
    floor = megabytes / best(runs["floor: python re line loop"]).cpu
    print(f"{'case':<30} {'CPU s':>7} {'MB/s':>8} {'x floor':>8} {'wall s':>7}")
    for name, measured in runs.items():
        chosen = best(measured)
        rate = megabytes / chosen.cpu
        wall = min(r.wall for r in measured)
        print(f"{name:<30} {chosen.cpu:7.2f} {rate:8.1f} {rate / floor:8.2f} {wall:7.2f}")
    one = runs["cleannews JSON Lines -j1"]
    two = runs["cleannews JSON Lines -j2"]
    wall = min(r.wall for r in one) / min(r.wall for r in two)
    estimate = best(one).cpu / min(r.parallel_estimate(2) for r in two)
    print(f"JSON Lines -j2 over -j1: {wall:.2f}x in wall time (as free cores allowed),")
    print(f"  {estimate:.2f}x from CPU times on 2 idle cores (main process vs workers);")
    print(f"  the machine gave 2 processes of pure CPU work {parallel_ceiling(2):.2f}x just now")


if __name__ == "__main__":
    main()
