"""Linear time: CPU time of ``cleannews`` on plain text at growing sizes.

    .venv/bin/python benchmarks/linearity.py [--sizes 10MB,100MB,1000MB]

Each size is a generated corpus (benchmarks/corpus.py) read from stdin; the
figure to watch is CPU seconds per 100 MB, which stays flat when time grows
linearly with the input. The floor loop runs beside it to show how much of any
drift is the machine.
"""

from __future__ import annotations

import argparse
import sys

from measure import cleannews_command, corpus, corpus_file, load_average, run
from throughput import FLOOR


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10MB,100MB")
    args = parser.parse_args()
    sizes = [corpus.parse_size(size) for size in args.sizes.split(",")]
    cleannews = cleannews_command()
    print(f"linear time; {load_average()}")
    print(f"{'size MB':>8} {'cleannews CPU s':>16} {'s per 100 MB':>13} {'floor s per 100 MB':>19}")
    for size in sizes:
        path = corpus_file(size, "text")
        megabytes = path.stat().st_size / 1e6
        measured = run([cleannews, "-q"], path)
        floor = run([sys.executable, "-c", FLOOR], path)
        print(
            f"{megabytes:8.0f} {measured.cpu:16.2f} {measured.cpu / megabytes * 100:13.2f}"
            f" {floor.cpu / megabytes * 100:19.2f}"
        )


if __name__ == "__main__":
    main()
