"""Shared by the command-line tests: where the example news lives, and a real-process runner."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from click.testing import Result

FIXTURES = Path(__file__).parent / "fixtures"
NEWS = FIXTURES / "news"
# The files under NEWS that have residue in them, and the one that has none.
DIRTY = ("de/stadtwerke.txt", "en-harbour-fire.txt", "fr/greve.txt")
CLEAN = "en-council-letter.txt"

# The `invoke` fixture: run cleannews in-process with these arguments (and stdin).
Invoke = Callable[..., Result]


def run_process(
    args: Sequence[str],
    stdin: bytes | None = None,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """Run ``python -m cleannews`` as a real process, with real stdin/stdout/stderr."""
    return subprocess.run(
        [sys.executable, "-m", "cleannews", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        env=env if env is not None else process_env(),
        timeout=60,
        check=False,
    )


def process_env(**extra: str) -> dict[str, str]:
    """The current environment without anything that forces or forbids colour."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "COLUMNS"}
    }
    env.update(extra)
    return env
