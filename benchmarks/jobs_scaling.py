"""How -j scales: the same folder of small files and the same JSON Lines file, -j1 vs -jN.

    .venv/bin/python benchmarks/jobs_scaling.py [--files 20000] [--records 20000] [--jobs 2]

Each case runs the installed ``cleannews`` command (start-up included) and
checks that every -jN run wrote exactly the bytes -j1 wrote. The articles are
cut-down articles from the benchmark corpus (benchmarks/corpus.py), a few
paragraphs each, with the usual residue. Besides wall time (which on a shared
machine depends on the cores other work leaves free), the speed-up is
estimated from CPU times for ``--jobs`` idle cores: the CPU time of -j1 over
the larger of the -jN main process's own CPU time and the run's total divided
by the jobs.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
from pathlib import Path

from measure import Run, cleannews_command, corpus, load_average, parallel_ceiling, run


def _article(n: int) -> str:
    """A short article: the start of a corpus article, cut at a paragraph."""
    text = corpus.article(random.Random(n))
    cut = text.find("\n", 1500)
    return text if cut < 0 else text[: cut + 1]


def _tree_bytes(root: Path) -> bytes:
    if not root.exists():
        return b""
    if root.is_file():
        return root.read_bytes()
    return b"".join(path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=20000)
    parser.add_argument("--records", type=int, default=20000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    cleannews = cleannews_command()
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        folder = root / "news"
        folder.mkdir()
        for n in range(args.files):
            (folder / f"{n:06}.txt").write_text(_article(n))
        records = root / "corpus.jsonl"
        with records.open("w") as out:
            for n in range(args.records):
                out.write(json.dumps({"id": n, "text": _article(n)}) + "\n")
        cases = [
            (f"folder of {args.files} files", [str(folder)], _size(folder)),
            (f"JSON Lines, {args.records} records", [str(records)], records.stat().st_size),
        ]
        print(f"-j1 vs -j{args.jobs}, best of {args.repeat}; {load_average()}")
        ceiling = parallel_ceiling(args.jobs)
        print(f"the machine gives {args.jobs} processes of pure CPU work {ceiling:.2f}x now")
        for name, inputs, size in cases:
            timings: dict[int, list[Run]] = {1: [], args.jobs: []}
            outputs: dict[int, bytes] = {}
            for _ in range(args.repeat):
                for jobs in timings:
                    target = root / f"out-{jobs}"
                    command = [cleannews, "-q", f"-j{jobs}", *inputs]
                    if name.startswith("folder"):
                        command += ["-o", str(target)]
                        timings[jobs].append(run(command))
                        outputs[jobs] = _tree_bytes(target)
                    else:
                        timings[jobs].append(run(command))
            if outputs:
                assert outputs[args.jobs] == outputs[1], f"{name}: -jN output differs from -j1"
            one = min(timings[1], key=lambda r: r.cpu)
            many = timings[args.jobs]
            wall = min(r.wall for r in timings[1]) / min(r.wall for r in many)
            estimate = one.cpu / min(r.parallel_estimate(args.jobs) for r in many)
            print(
                f"{name:<28} {size / 1e6:6.1f} MB  -j1 {one.cpu:6.2f} s CPU"
                f"  -j{args.jobs} {min(r.cpu for r in many):6.2f} s CPU"
                f"  speed-up {wall:4.2f}x wall, {estimate:4.2f}x on idle cores"
            )


def _size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.iterdir())


if __name__ == "__main__":
    main()
