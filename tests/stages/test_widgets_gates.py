"""The widgets stage's gates find every line its rules and its comment furniture can match.

Each gate is checked against the plain definition it stands in for, over
lines built from the pieces the rules are made of, in odd cases and spacing.
"""

from __future__ import annotations

import random
import re

import pytest

from cleannews.document import Document
from cleannews.stages import widgets as widgets_module

# Pieces of comment furniture and of prose that looks like it.
PIECES = [
    "jdoe",
    "Ann Lee",
    "says",
    "SAYS",
    "wrote",
    "écrit",
    ":",
    ": ",
    " :",
    "Rating:",
    "-3",
    "12",
    "٣",
    "votes",
    "Vote",
    "days",
    "HOURS",
    "minute",
    "ago",
    "AGO",
    "at",
    "7:52",
    "pm",
    "P.M.",
    "Nov.",
    "3,",
    "2021",
    "reply",
    "REPLY",
    "Antworten",
    "répondre",
    "\u1c82тветить",
    "Photo: Reuters",
    "commented",
    "CoMmEnTeD",
    "on",
    "ON",
    "On:",
    "…",
    "**",
    "\u200b",
    "\u00a0",
    "\u3000",
    "\t",
    " ",
    "  ",
    "said",
    "the",
]


def _lines(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randint(1, 7))) for _ in range(count)]


def _commented_on_reference(doc: Document) -> list[int]:
    """commented_on_lines as it was defined before its literal gate: every line looked at."""
    found = []
    for index, text in enumerate(doc.lines):
        line = text.rstrip(widgets_module._TRAILING)
        if not line.endswith(widgets_module._ON):
            continue
        before = line[:-2]
        words = before.rstrip()
        if len(words) < len(before) and re.fullmatch(
            "commented", words[-len("commented") :], re.IGNORECASE
        ):
            found.append(index)
    return found


@pytest.mark.parametrize("seed", range(6))
def test_meta_candidates_hold_every_line_of_furniture(seed: int) -> None:
    lines = _lines(seed, 3000)
    doc = Document("\r\n".join(lines) if seed % 2 else "\n".join(lines) + "\n")
    meta = widgets_module._comment_meta()
    furniture = [i for i, line in enumerate(doc.lines) if meta.fullmatch(line.strip())]
    assert len(furniture) > 20  # the pieces do make furniture
    candidates = widgets_module.meta_candidates(doc)
    assert candidates == sorted(set(candidates))
    assert set(furniture) <= set(candidates)


def test_a_colon_inside_a_line_of_prose_is_not_a_meta_candidate() -> None:
    doc = Document("Photo: Reuters\nThe minister: no comment\nAnn says:\nAt 7:52 pm it rained.\n")
    assert widgets_module.meta_candidates(doc) == [2, 3]


def _commented_lines(seed: int, count: int) -> list[str]:
    """Lines near "<anyone> commented on": the words in any case, odd spaces and ends."""
    rng = random.Random(seed)
    spaces = ["", " ", "  ", "\t", "\u00a0", "\u200b", "\u3000"]
    ends = ["", ":", "…", "**", "\u200b", "\ufeff", " ", ".", "n", "x"]
    lines = []
    for _ in range(count):
        word = "".join(c.upper() if rng.random() < 0.3 else c for c in "commented")
        on = "".join(c.upper() if rng.random() < 0.5 else c for c in "on")
        line = rng.choice(["Ann ", "x y ", "", "reaction"]) + word
        line += rng.choice(spaces) + rng.choice(spaces) + on
        line += "".join(rng.choice(ends) for _ in range(rng.randint(0, 3)))
        lines.append(rng.choice(spaces) + line if rng.random() < 0.5 else line)
    return lines


@pytest.mark.parametrize("seed", range(6))
def test_commented_on_lines_are_those_every_line_would_give(seed: int) -> None:
    lines = _lines(100 + seed, 1000) + _commented_lines(seed, 1000)
    random.Random(seed).shuffle(lines)
    doc = Document("\r\n".join(lines) if seed % 2 else "\n".join(lines))
    expected = _commented_on_reference(doc)
    assert 50 < len(expected) < 1000
    assert widgets_module.commented_on_lines(doc) == expected
