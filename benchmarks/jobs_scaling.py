"""How -j scales: the same folder of small files and the same JSON Lines file, -j1 vs -jN.

    .venv/bin/python benchmarks/jobs_scaling.py [--files 2000] [--records 20000] [--jobs 2]

Each case runs the installed ``cleannews`` command (start-up included) and
checks that every -jN run wrote exactly the bytes -j1 wrote. The articles are
short made-up pieces with the usual residue; this measures the batch
machinery, not the stages.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

_PARAGRAPHS = [
    "Dock workers voted on day {n} to end the strike after the new pay offer.",
    "Der Stadtrat beschloss in Sitzung {n} neue Radwege für die Innenstadt.",
    "La mairie a rouvert la piscine après {n} mois de travaux, disent les habitants.",
    "El ayuntamiento aprobó el plan número {n} para renovar el alumbrado público.",
]
_RESIDUE = ["Advertisement", "Anzeige", "Reading Time: 2 minutes", "loading"]


def _article(n: int) -> str:
    rng = random.Random(n)
    lines = [f"Report {n}", ""]
    for p in range(rng.randint(4, 9)):
        lines += [rng.choice(_PARAGRAPHS).format(n=n * 10 + p), ""]
        if rng.random() < 0.2:
            lines += [rng.choice(_RESIDUE), ""]
    return "\n".join(lines) + "\n"


def _time(command: list[str]) -> tuple[float, bytes]:
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, check=True)
    return time.perf_counter() - start, done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--records", type=int, default=20000)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    cleannews = str(Path(sys.executable).with_name("cleannews"))
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
        for name, inputs, size in cases:
            one, expected = _time([cleannews, "-j1", *inputs])
            many, got = _time([cleannews, f"-j{args.jobs}", *inputs])
            assert got == expected, f"{name}: -j{args.jobs} output differs from -j1"
            print(
                f"{name:<32} {size / 1e6:6.1f} MB   -j1 {one:6.2f} s   "
                f"-j{args.jobs} {many:6.2f} s   speed-up {one / many:4.2f}x"
            )


def _size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.iterdir())


if __name__ == "__main__":
    main()
