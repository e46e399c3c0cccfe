"""Shared fixtures: paths to the project's own test data and, when present, ../shared."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

TESTS = Path(__file__).parent
ROOT = TESTS.parent
SHARED = ROOT.parent / "shared"

# The compiled-pattern cache (cleannews.regexcache) of the test run, and of the
# cleannews processes tests start, goes to a folder of its own, not the user's.
os.environ.setdefault("CLEANNEWS_CACHE_DIR", tempfile.mkdtemp(prefix="cleannews-test-cache-"))


@pytest.fixture
def shared_data() -> Path:
    """The workplace's shared data folder; tests using it skip when it is absent."""
    data = SHARED / "data"
    if not data.is_dir():
        pytest.skip("../shared/data is not present")
    return data
