"""Wire and contributor credits go when the optional stage is on; reporting sentences stay."""

from __future__ import annotations

import pytest

import cleannews
from cleannews.registry import default_names

BODY = "Oil prices fell 2% on Tuesday.\n"


def _clean(text: str) -> str:
    return cleannews.clean(text, enable=["wire"])


def test_off_by_default() -> None:
    assert "wire" not in default_names()
    text = BODY + "(Reporting by Nora Lind; Editing by Pavel Novak)\n"
    assert cleannews.clean(text) == text


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("(Reporting by Nora Lind; Editing by Pavel Novak)", "wire_credit"),
        (
            "Reporting by Nora Lind in Oslo; additional reporting by Jo Park and Ana Ruiz;"
            " Editing by Sam Ho",
            "wire_credit",
        ),
        ("Additional reporting by Jo Park", "wire_credit"),
        ("Mit Material von dpa", "wire_credit"),
        ("Con información de Reuters y AFP", "wire_credit"),
        ("Nora Lind contributed to this report.", "contributor_note"),
        ("The Associated Press contributed to this report.", "contributor_note"),
        (
            "Associated Press writers Jo Park and Ana Ruiz contributed to this report.",
            "contributor_note",
        ),
    ],
)
def test_credits_go(line: str, rule: str) -> None:
    result = cleannews.clean_and_explain(BODY + line + "\n", enable=["wire"])
    assert result.text == BODY
    assert result.removals[0].key == f"wire.{rule}"


@pytest.mark.parametrize(
    "line",
    [
        "Reporting by the paper revealed the deal in May.",
        "Editing by hand took the team three weeks, she said.",
        "The researchers contributed to this report on fisheries.",
        "Mit Material von der Baustelle wurde die Mauer repariert, sagte der Bauleiter.",
    ],
)
def test_near_misses_stay(line: str) -> None:
    text = BODY + line + "\n"
    assert _clean(text) == text
