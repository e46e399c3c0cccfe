"""SIGKILL in the middle of rewriting a large file leaves the old file or the new one, whole.

A child process rewrites one file over and over, alternating two large contents
of different lengths; the test kills it at random moments and looks at what is
on disk. A plain ``open(path, "w").write(...)`` fails this test: the kill lands
after truncation and leaves an empty or half-written file.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from safety_helpers import CLI, DIRTY

KILLS = 30

# The child announces each write before starting it, so the test can tell when a
# kill landed mid-write.
WRITER = """
import sys
from cleannews.sources import write_atomic
path, first, second = sys.argv[1:4]
contents = [open(first, "rb").read(), open(second, "rb").read()]
turn = 0
while True:
    sys.stdout.write("writing\\n")
    sys.stdout.flush()
    write_atomic(path, contents[turn])
    turn = 1 - turn
"""


def _kill_soon(child: subprocess.Popen[bytes], rng: random.Random, most: float) -> None:
    time.sleep(rng.uniform(0, most))
    child.send_signal(signal.SIGKILL)
    child.wait()


def test_sigkill_during_write_atomic_never_leaves_a_mixed_file(tmp_path: Path) -> None:
    rng = random.Random(5)
    first = os.urandom(3 << 19).hex().encode()  # 3 MB of text-like bytes
    second = first[: len(first) // 2] + b"\n" * 1000  # shorter, and differs in the middle
    sources = tmp_path / "first", tmp_path / "second"
    sources[0].write_bytes(first)
    sources[1].write_bytes(second)
    folder = tmp_path / "target"
    folder.mkdir()
    target = folder / "big.txt"
    target.write_bytes(first)
    mid_write = 0
    for _ in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(target), *map(str, sources)],
            stdout=subprocess.PIPE,
        )
        assert child.stdout is not None
        child.stdout.readline()  # imports done, first write starting
        _kill_soon(child, rng, 0.1)
        content = target.read_bytes()
        assert content in (first, second), f"{len(content)} bytes: neither old nor new"
        leftovers = [name for name in os.listdir(folder) if name != "big.txt"]
        mid_write += bool(leftovers)
        for name in leftovers:  # what a kill leaves: a temporary file, never the target
            assert name.startswith(".cleannews-")
            os.unlink(folder / name)
    # The kills must really have hit writes in progress, or this proves nothing.
    assert mid_write >= KILLS // 4, f"only {mid_write} of {KILLS} kills landed mid-write"


def test_sigkill_during_cleannews_in_place_leaves_the_original_or_the_clean_text(
    tmp_path: Path,
) -> None:
    rng = random.Random(7)
    original = (DIRTY * 8_000).encode()  # about 2 MB: cleaning and writing take a while
    article = tmp_path / "article.txt"
    outcomes = set()
    cleaned = None
    for _ in range(10):
        article.write_bytes(original)
        child = subprocess.Popen([*CLI, "-i", str(article)], stderr=subprocess.DEVNULL)
        _kill_soon(child, rng, 1.5)
        content = article.read_bytes()
        if content == original:
            outcomes.add("original")
            continue
        if cleaned is None:
            done = subprocess.run([*CLI], input=original, capture_output=True, check=True)
            cleaned = done.stdout
        assert content == cleaned, f"{len(content)} bytes: neither the original nor the clean"
        outcomes.add("clean")
    assert "original" in outcomes
