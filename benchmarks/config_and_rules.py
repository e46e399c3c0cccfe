"""What configuration, user rules and site profiles cost.

Run: .venv/bin/python benchmarks/config_and_rules.py

Prints (1) the modules a plain run never imports (regex, tomllib, importlib.metadata:
they load only when a config, a user rule or a plugin lookup needs them) and the
start-up time with and without a config file; (2) cleaning throughput on a long
text with no user rules, with a site profile, and with ten user rules; (3) how
long a catastrophic pattern costs when the time limit stops it.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import cleannews

ROOT = Path(__file__).resolve().parent.parent
PARAGRAPH = (
    "The harbour authority said on Tuesday that quay {n} would open in spring, "
    "two years later than planned, after a dispute over the cost of dredging.\n"
)
RESIDUE = "Advertisement\nImage source, Harbour Authority\nSign up for the Morning Brief\n"


def _python(code: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=cwd, check=True
    )


def startup() -> None:
    code = (
        "import sys, io\n"
        "sys.stdin = io.TextIOWrapper(io.BytesIO(b'Advertisement\\nText.\\n'))\n"
        "from cleannews.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = ['regex', 'tomllib', 'importlib.metadata', 'rich']\n"
        "print([m for m in heavy if m in sys.modules], file=sys.stderr)\n"
    )
    with tempfile.TemporaryDirectory() as folder:
        plain = _python(code, Path(folder))
        print(f"plain run imports of heavy modules: {plain.stderr.strip()}")
        for label, config in (("no config", None), ("with config", 'skip = ["captions"]\n')):
            if config:
                (Path(folder) / "cleannews.toml").write_text(config)
            times = []
            for _ in range(7):
                # CPU time of the child, not wall time: steadier on a busy machine.
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                subprocess.run(
                    [str(ROOT / ".venv" / "bin" / "cleannews")],
                    input=b"Advertisement\nText.\n",
                    capture_output=True,
                    cwd=folder,
                    check=True,
                )
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                times.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
            print(f"start-up, {label}: median {sorted(times)[3] * 1000:.0f} ms of CPU")


def throughput() -> None:
    # about 3 MB, 24,000 lines; each paragraph differs, as in real articles
    text = "".join(
        "".join(PARAGRAPH.format(n=n * 10 + i) for i in range(9)) + RESIDUE for n in range(2000)
    )
    rules = [
        {
            "id": f"rule_{n}",
            "stage": "house",
            "pattern": rf"Sign up for the (?:Morning|Evening) {n}",
        }
        for n in range(9)
    ] + [{"id": "newsletter", "stage": "house", "phrases": ["Sign up for the Morning Brief"]}]
    # captions is left out: its near-duplicate check dominates on this made-up
    # text, and what is measured here is the cost of rules and profiles.
    cases: dict[str, dict[str, object]] = {
        "built-in stages only": {},
        "with the bbc profile": {"site": "bbc"},
        "with ten user rules": {"rules": rules},
    }
    megabytes = len(text.encode()) / 1e6
    for label, options in cases.items():
        pipeline = cleannews.Pipeline(cleannews.Options.from_kwargs(skip=["captions"], **options))
        started = time.perf_counter()
        result = pipeline.run(text)
        elapsed = time.perf_counter() - started
        print(
            f"{label:<22} {megabytes / elapsed:6.1f} MB/s"
            f"  ({len(result.removals)} removals in {elapsed:.2f} s)"
        )


def runaway() -> None:
    text = "a" * 5000 + "!\n" + "".join(PARAGRAPH.format(n=n) for n in range(100))
    rule = {"id": "runaway", "stage": "house", "pattern": "(a+)+$"}
    started = time.perf_counter()
    result = cleannews.clean_and_explain(text, rules=[rule], rule_timeout=0.1)
    elapsed = time.perf_counter() - started
    print(f"(a+)+$ on a 5,000-character line: {elapsed:.2f} s, warnings: {len(result.warnings)}")


if __name__ == "__main__":
    os.environ.setdefault("NO_COLOR", "1")
    startup()
    throughput()
    runaway()
