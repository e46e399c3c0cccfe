"""Fixtures for the command-line tests: a fresh copy of the example news folder, and
cleannews run in-process with click's CliRunner (stdout and stderr kept apart)."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from clitools import NEWS, Invoke

from cleannews.cli import cli


@pytest.fixture
def news(tmp_path: Path) -> Path:
    """A private copy of the example news folder, safe to clean in place."""
    copy = tmp_path / "news"
    shutil.copytree(NEWS, copy)
    return copy


@pytest.fixture
def invoke(monkeypatch: pytest.MonkeyPatch) -> Invoke:
    """Run the command in-process; stdout and stderr are kept apart (click 8.2+)."""
    monkeypatch.delenv("NO_COLOR", raising=False)

    def run(args: Sequence[str], stdin: str | bytes | None = None) -> Result:
        return CliRunner().invoke(cli, list(args), input=stdin, catch_exceptions=False)

    return run
