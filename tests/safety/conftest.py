"""Helpers for the safety tests: run the real command line in a child process.

A child process is what a user (or pre-commit) runs: it has its own stdout and
stderr, a real exit code, and can be killed. Tests that need many runs call
:func:`cleannews.runner.run` in-process instead.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from safety_helpers import CLI, Run


@pytest.fixture
def cli() -> Run:
    """Run ``cleannews ARGS`` in a child process; stdout and stderr are kept apart."""

    def run(
        *args: str | Path, stdin: bytes = b"", cwd: Path | None = None
    ) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run(
            [*CLI, *map(str, args)], input=stdin, capture_output=True, cwd=cwd, timeout=120
        )

    return run
