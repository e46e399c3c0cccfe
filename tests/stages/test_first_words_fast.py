"""FirstWordGate.select and .lines give what select_exactly gives, whatever the letters."""

from __future__ import annotations

import random

import pytest

from cleannews.document import Document
from cleannews.stages import navigation, related
from cleannews.stages.first_words import FirstWordGate

SMALL_GATE = FirstWordGate("read lesen 관련기사 ähnliche sie", anywhere=("주요",))
PLAIN_GATE = FirstWordGate("read lesen 관련기사 ähnliche sie sport")

# Dressing before a first word, and words after it.
OPENINGS = ["", "", "» ", "**", "__", "_", "- ", "  ", "\t", "[", "# ", "_*", "—"]
PROSE = ["the", "port", "reopened", "after", "ten", "days", "and", "ships", "left", "at", "dawn"]
# Letters IGNORECASE takes for others (dotless and dotted i, long s, Kelvin
# sign, old Cyrillic forms) and a capital sigma, which lowers by its place.
ODD_LETTERS = {"i": "ıİ", "s": "ſ", "k": "\u212a", "о": "\u1c82", "т": "\u1c84", "в": "\u1c80"}


def _recase(word: str, rnd: random.Random, odd: bool) -> str:
    chars = []
    for char in word:
        if odd and char in ODD_LETTERS and rnd.random() < 0.5:
            chars.append(rnd.choice(ODD_LETTERS[char]))
        else:
            chars.append(char.upper() if rnd.random() < 0.5 else char)
    return "".join(chars)


def _line(rnd: random.Random, words: list[str], odd: bool) -> str:
    kind = rnd.random()
    if kind < 0.1:
        return rnd.choice(["", "   ", "* * *", "___", "Σ ΣΟΦΙΑ"])
    first = rnd.choice(words) if kind < 0.6 else rnd.choice(PROSE)
    first = _recase(first, rnd, odd)
    if rnd.random() < 0.1:
        first += rnd.choice(["_", "x", "1", "ſ"])
    rest = " ".join(rnd.choice(PROSE) for _ in range(rnd.randint(0, 6)))
    if rnd.random() < 0.1:
        rest += " KBS 주요 뉴스"
    return f"{rnd.choice(OPENINGS)}{first}{rnd.choice([' ', ': ', '', '_ '])}{rest}"


@pytest.mark.parametrize(
    "gate", [related._LEAD_GATE, navigation._RULE_GATE, PLAIN_GATE, SMALL_GATE]
)
@pytest.mark.parametrize("odd", [False, True])
def test_lines_of_a_document_are_the_lines_select_exactly_lets_through(
    gate: FirstWordGate, odd: bool
) -> None:
    rnd = random.Random(17 if odd else 19)
    words = sorted(filter(None, gate._words))
    for _ in range(150):
        lines = [_line(rnd, words, odd) for _ in range(rnd.randint(0, 30))]
        ending = rnd.choice(["\n", "\r\n", "\r"])
        text = ending.join(lines) + rnd.choice([ending, ""])
        doc = Document(text)
        assert gate.lines(doc) == gate.select_exactly(doc.lines), lines


@pytest.mark.parametrize("gate", [navigation._RULE_GATE, PLAIN_GATE, SMALL_GATE])
@pytest.mark.parametrize("odd", [False, True])
def test_select_is_select_exactly(gate: FirstWordGate, odd: bool) -> None:
    rnd = random.Random(31 if odd else 37)
    words = sorted(filter(None, gate._words))
    for _ in range(150):
        texts = [_line(rnd, words, odd).strip() for _ in range(rnd.randint(0, 30))]
        assert gate.select(texts) == gate.select_exactly(texts), texts
    assert gate.select(["Read\nmore", "lesen"]) == gate.select_exactly(["Read\nmore", "lesen"])


def test_lines_takes_letters_as_ignorecase_does() -> None:
    # Without the odd letters the runs are compared by lower(); with one, by select_exactly.
    doc = Document("Lesen Sie auch\nleſen\nLESENX\n» __READ__ more\nNews\n")
    assert SMALL_GATE.lines(doc) == [0, 1, 3]
    doc = Document("READ MORE\nread\nReadings\nEine Stadt mit 주요 Häfen\n")
    assert SMALL_GATE.lines(doc) == [0, 1, 3]
