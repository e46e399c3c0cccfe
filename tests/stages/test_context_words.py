"""context.has_words answers as a full word count does, whichever pattern it uses."""

from __future__ import annotations

import random
import re

import pytest

from cleannews.stages import context

PARTS = [
    "word",
    "Wörter",
    "слово",
    "_",
    "1999",
    "a",
    " ",
    "  ",
    ",",
    "—",
    "'",
    "\u00a0",
    "·",
    "x_y",
]


@pytest.mark.parametrize("seed", range(5))
def test_has_words_is_a_word_count_that_stops(seed: int) -> None:
    rng = random.Random(seed)
    lines = ["".join(rng.choice(PARTS) for _ in range(rng.randint(0, 40))) for _ in range(400)]
    # The plain form every Python takes, as has_words wrote it before 3.11.
    for count in range(26):
        plain = re.compile(rf"(?:\W*\w+(?!\w)){{{count}}}")
        for line in lines:
            expected = context.word_count(line) >= count
            assert context.has_words(line, count) == expected, (line, count)
            assert (plain.match(line) is not None) == expected, (line, count)
