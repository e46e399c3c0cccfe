"""Shared fixtures: paths to the project's own test data and, when present, ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest

TESTS = Path(__file__).parent
ROOT = TESTS.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture
def shared_data() -> Path:
    """The workplace's shared data folder; tests using it skip when it is absent."""
    data = SHARED / "data"
    if not data.is_dir():
        pytest.skip("../shared/data is not present")
    return data
