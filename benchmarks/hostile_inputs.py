"""Time and peak memory of cleaning hostile inputs, at two sizes, to show they scale linearly.

Each input is written to a file and cleaned by the command line in a child
process (the reading path users run): ``cleannews FILE > /dev/null``. For each
kind the run is repeated at twice the size; a ratio near 2 means linear time.

    .venv/bin/python benchmarks/hostile_inputs.py            # sizes up to 100 MB
    .venv/bin/python benchmarks/hostile_inputs.py --scale 0.1

Peak RSS is the child's maximum resident set size, interpreter included (Linux only).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable

MB = 1_000_000
CAPTION = "Fishing boats wait out the storm in the harbour of Vigo on Sunday. Photo: Reuters\n"
# One short article with a credited caption, its copy and some residue: a file
# of it repeated holds thousands of copies of each caption (a feed saved over
# and over), which once made the caption stage's work grow with their square.
ARTICLE = (
    "Reading time: 2 minutes\n\n"
    "Dock workers in Halvern walked out on Monday over a new shift rota.\n\n"
    "Cranes stand idle at the container terminal. Photo: Jan Berg, Reuters\n"
    "Cranes stand idle at the container terminal.\n\n"
    "Advertisement\n\n"
    "The operator said talks would resume on Thursday.\n\n"
    "Share this article\n\n"
)

# name -> (bytes at full size, how to make that many bytes of it)
KINDS: dict[str, tuple[int, Callable[[int], bytes]]] = {
    "empty input": (0, lambda n: b""),
    "one line, no newline": (100 * MB, lambda n: (b"word " * (n // 5 + 1))[:n]),
    "one line of spaces": (20 * MB, lambda n: b" " * n + b"x"),
    "million tiny lines": (2 * MB, lambda n: b"a\n" * (n // 2)),
    "repeated caption": (20 * MB, lambda n: CAPTION.encode() * (n // len(CAPTION))),
    "ad marker lines": (5 * MB, lambda n: b"Advertisement\n\n" * (n // 15)),
    "one article repeated": (5 * MB, lambda n: ARTICLE.encode() * (n // len(ARTICLE))),
    "blank lines": (2 * MB, lambda n: b"\n" * n),
}

# The child reports its own peak RSS from /proc (VmHWM belongs to the process image,
# so unlike ru_maxrss it does not start from the parent's size at fork).
CHILD = """
import sys, time
from cleannews.cli import main
start = time.perf_counter()
try:
    main()
finally:
    peak = [l for l in open("/proc/self/status") if l.startswith("VmHWM:")][0].split()[1]
    sys.stderr.write(f"@@ {time.perf_counter() - start:.3f} {peak}\\n")
"""


def measure(data: bytes) -> tuple[float, float]:
    """Seconds and peak RSS (MB) of ``cleannews FILE`` on ``data``."""
    with tempfile.NamedTemporaryFile(suffix=".txt", delete=False) as handle:
        handle.write(data)
    try:
        done = subprocess.run(
            [sys.executable, "-c", CHILD, handle.name],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            check=True,
        )
    finally:
        os.unlink(handle.name)
    line = [x for x in done.stderr.splitlines() if x.startswith("@@ ")][-1]
    seconds, rss_kb = line.split()[1:]
    return float(seconds), int(rss_kb) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every size by this")
    args = parser.parse_args()
    print(f"{'input':<22} {'size':>9} {'time':>8} {'RSS':>8}   {'half size':>9} {'ratio':>6}")
    for name, (size, make) in KINDS.items():
        full = int(size * args.scale)
        half_seconds, _ = measure(make(full // 2))
        seconds, rss = measure(make(full))
        ratio = seconds / half_seconds if half_seconds > 0.05 else float("nan")
        print(
            f"{name:<22} {full / MB:>7.1f}MB {seconds:>7.2f}s {rss:>6.0f}MB"
            f"   {half_seconds:>8.2f}s {ratio:>6.2f}"
        )
    print(f"# {time.strftime('%Y-%m-%d')}, Python {sys.version.split()[0]}, {os.cpu_count()} CPUs")


if __name__ == "__main__":
    main()
