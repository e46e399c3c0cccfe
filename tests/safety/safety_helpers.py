"""Shared inputs and types for the safety tests (a module name no other test folder uses)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

# The command line, run the way an installed entry point runs it.
CLI = [sys.executable, "-c", "from cleannews.cli import main; main()"]

Run = Callable[..., "subprocess.CompletedProcess[bytes]"]

# An article with residue of several kinds, and what it must become.
DIRTY = (
    "Harbour workers end strike after pay deal\n"
    "Reading Time: 2 minutes\n"
    "\n"
    "Dock workers in the northern port voted on Tuesday to accept a 6% raise.\n"
    "\n"
    "Advertisement\n"
    "\n"
    "The union said ships would be unloaded again from Thursday morning.\n"
)
CLEAN = (
    "Harbour workers end strike after pay deal\n"
    "\n"
    "Dock workers in the northern port voted on Tuesday to accept a 6% raise.\n"
    "\n"
    "The union said ships would be unloaded again from Thursday morning.\n"
)


def dirty_folder(root: Path, *names: str) -> Path:
    """A folder ``root`` holding a copy of :data:`DIRTY` at each relative name."""
    for name in names:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(DIRTY)
    return root


def error_lines(done: subprocess.CompletedProcess[bytes]) -> list[str]:
    """The ``cleannews: error:`` lines of a run's stderr (the closing summary line aside)."""
    return [
        line for line in done.stderr.decode().splitlines() if line.startswith("cleannews: error:")
    ]
