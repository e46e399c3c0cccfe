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


# How ends_sentence and ends_with_period were written, as searches of the line.
SENTENCE_END = re.compile(r"[.!?。！？…](?:[\"'”’»)\]]*)$")
PERIOD_END = re.compile(r"(?<!\.\.)[.。](?:[\"'”’»)\]]*)$")
BULLET = re.compile(r"^\s*(?:[-–—•·*+►▶»›]|\d{1,2}[.)])\s+")
ENDS = [".", "..", "...", "!", "?", "。", "！", "？", "…", '"', "'", "”", "’", "»", ")", "]", " "]
ENDS += ["\t", "\n", "\u00a0", "a", "1", "-", "•", "2)", "12.", "123.", "*"]


@pytest.mark.parametrize("seed", range(4))
def test_line_ends_and_bullets_read_as_the_searches_did(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(20000):
        line = "".join(rng.choice(ENDS) for _ in range(rng.randint(0, 6)))
        if rng.random() < 0.5:
            line = rng.choice(["The vote passed", "x", ""]) + line
        assert context.ends_sentence(line) == bool(SENTENCE_END.search(line.rstrip())), line
        assert context.ends_with_period(line) == bool(PERIOD_END.search(line.rstrip())), line
        assert context.strip_bullet(line) == BULLET.sub("", line).strip(), line
