"""Start-up: ``cleannews --version`` and cleaning a 2 KB text from stdin vs importing click.

    .venv/bin/python benchmarks/startup.py [--repeat 20]

The reference is ``python -I -c "import click"``: a click CLI cannot start
faster. Each command runs ``--repeat`` times, interleaved; the figures are the
CPU time (user + system) of the process, min and median, and the ratio of the
medians to the reference's. hyperfine is not needed.

The commands run as an installed tool runs: with its bytecode cached. A
``PYTHONDONTWRITEBYTECODE`` in the environment (some shells set it) would make
every run of an editable install compile cleannews again while click's bytecode
is already there; it is removed for the children, and one warm-up run of each
command writes the cache.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
from pathlib import Path

from measure import Run, cleannews_command, corpus, load_average, run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        sample = Path(folder) / "article.txt"
        text = corpus.article(random.Random(7))
        sample.write_text(text[: text.find("\n", 2000) + 1] or text)
        size = sample.stat().st_size
        cleannews = cleannews_command()
        cases = {
            'python -I -c "import click"': ([sys.executable, "-I", "-c", "import click"], None),
            "cleannews --version": ([cleannews, "--version"], None),
            f"cleannews < {size} B article": ([cleannews, "-q"], sample),
        }
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        for command, stdin in cases.values():
            run(command, stdin, env=env)  # warm-up: writes the bytecode cache
        runs: dict[str, list[Run]] = {name: [] for name in cases}
        for _ in range(args.repeat):
            for name, (command, stdin) in cases.items():
                runs[name].append(run(command, stdin, env=env))
    print(f"start-up, {args.repeat} runs each; {load_average()}")
    print(f"{'command':<32} {'min ms':>7} {'median ms':>10} {'x click':>8}")
    reference = statistics.median(r.cpu for r in runs['python -I -c "import click"'])
    for name, measured in runs.items():
        cpu = [r.cpu for r in measured]
        median = statistics.median(cpu)
        print(f"{name:<32} {min(cpu) * 1000:7.1f} {median * 1000:10.1f} {median / reference:8.2f}")


if __name__ == "__main__":
    main()
