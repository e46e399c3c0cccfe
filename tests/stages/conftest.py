"""Fixtures for the stage tests: what one stage removes from a text."""

from __future__ import annotations

from collections.abc import Callable

import pytest

import cleannews

Removed = Callable[[str], list[tuple[str, str]]]


def _removed_by(stage: str) -> Removed:
    def removed(text: str) -> list[tuple[str, str]]:
        """(rule, line) for every line the stage removes from ``text``, in order."""
        result = cleannews.clean_and_explain(text, stages=[stage])
        return [
            (removal.rule, line)
            for removal in result.removals
            if removal.stage == stage
            for line in removal.text.splitlines()
        ]

    return removed


@pytest.fixture
def related() -> Removed:
    return _removed_by("related")


@pytest.fixture
def prompts() -> Removed:
    return _removed_by("prompts")


@pytest.fixture
def widgets() -> Removed:
    return _removed_by("widgets")
