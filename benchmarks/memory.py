"""Peak memory while cleaning a large JSON Lines stream and a large plain text file.

    .venv/bin/python benchmarks/memory.py [--size 200MB]

The corpus (benchmarks/corpus.py) is generated once into a temporary folder,
then ``cleannews --jsonl`` and ``cleannews`` read it from stdin; the peak
resident set size of the process (children included) comes from wait4. The
issue's figure is for 1 GB: ``--size 1GB`` (it takes a few minutes).
"""

from __future__ import annotations

import argparse

from measure import cleannews_command, corpus, corpus_file, load_average, run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=corpus.parse_size, default=corpus.parse_size("200MB"))
    args = parser.parse_args()
    cleannews = cleannews_command()
    print(f"peak RSS; {load_average()}")
    for label, kind, command in (
        ("JSON Lines on stdin", "jsonl", [cleannews, "-q", "--jsonl", "-j1"]),
        ("plain text on stdin", "text", [cleannews, "-q"]),
    ):
        path = corpus_file(args.size, kind)
        measured = run(command, path)
        size = path.stat().st_size / 1e6
        print(
            f"{label:<22} {size:8.0f} MB   peak RSS {measured.peak_rss / 1e6:6.1f} MB"
            f"   CPU {measured.cpu:6.1f} s ({size / measured.cpu:5.1f} MB/s)"
        )


if __name__ == "__main__":
    main()
