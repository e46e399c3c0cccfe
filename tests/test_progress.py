"""The progress bar: drawn on a terminal for long runs, silent everywhere else."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from batch_articles import article

from cleannews import progress
from cleannews.progress import Progress


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_silent_when_stderr_is_not_a_terminal(tmp_path: Path) -> None:
    for n in range(30):
        (tmp_path / f"{n}.txt").write_text(article(n))
    done = subprocess.run(
        [sys.executable, "-c", "from cleannews.cli import main; main()", "-j1", str(tmp_path)],
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0
    assert done.stdout.count(b"Closing line") == 30
    assert done.stderr == b""


def test_drawn_on_a_terminal_once_the_run_is_long(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(progress, "DELAY", 0.0)
    terminal = _Terminal()
    bar = Progress.for_run(terminal, total_files=20, quiet=False, explain_on_stderr=False)
    assert bar.active
    for _ in range(20):
        bar.advance(files=1, size=500_000)
    bar.stderr.write("cleaned a.txt\n")  # a message goes above the bar
    bar.close()
    shown = terminal.getvalue()
    assert "20/20 files" in shown
    assert "10.0 MB" in shown
    assert "MB/s" in shown
    assert "cleaned a.txt\n" in shown


@pytest.mark.parametrize(
    ("quiet", "explain"), [(True, False), (False, True)], ids=["quiet", "explain"]
)
def test_silent_with_quiet_or_explain_on_a_terminal(
    monkeypatch: pytest.MonkeyPatch, quiet: bool, explain: bool
) -> None:
    monkeypatch.setattr(progress, "DELAY", 0.0)
    terminal = _Terminal()
    bar = Progress.for_run(terminal, total_files=20, quiet=quiet, explain_on_stderr=explain)
    assert not bar.active
    bar.advance(files=20, size=10_000_000)
    bar.stderr.write("a message\n")
    bar.close()
    assert terminal.getvalue() == "a message\n"


def test_a_short_run_draws_nothing_and_does_not_import_rich() -> None:
    code = (
        "import sys, io\n"
        "from cleannews.progress import Progress\n"
        "class T(io.StringIO):\n    def isatty(self): return True\n"
        "t = T(); bar = Progress.for_run(t, 5, False, False)\n"
        "bar.advance(files=5, size=100); bar.close()\n"
        "print(repr(t.getvalue()), 'rich' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True)
    assert done.stdout.strip() == b"'' False"
