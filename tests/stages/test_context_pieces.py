"""context.lines_with_pieces finds the lines lines_with_words finds, with fewer searches."""

from __future__ import annotations

import random

import pytest

from cleannews.document import Document
from cleannews.stages.context import lines_with_pieces

PIECES = {"scri": ("subscri", "suscrip"), "bon": ("abonn", "abbona"), "kli": ("klick", "klik")}
PARTS = [
    "sub",
    "SUB",
    "scri",
    "SCRI",
    "su",
    "p",
    "a",
    "A",
    "bon",
    "BoN",
    "n",
    "b",
    "kli",
    "KLI",
    "ck",
    "k",
    "\u212a",  # the Kelvin sign, which IGNORECASE takes for k
    "\u017f",  # long s
    "\n",
    "\r\n",
    " ",
    "é",
    "д",
]


@pytest.mark.parametrize("seed", range(8))
def test_lines_with_pieces_are_the_lines_with_the_words(seed: int) -> None:
    rng = random.Random(seed)
    text = "".join(rng.choice(PARTS) for _ in range(20000))
    doc = Document(text)
    words = [word for group in PIECES.values() for word in group]
    expected = doc.lines_with_words(words)
    assert len(expected) > 20
    assert lines_with_pieces(doc, PIECES) == expected


def test_a_piece_found_twice_in_a_line_counts_the_line_once() -> None:
    doc = Document("klik klick\nSubscribe\nscript\nKlima\nabonnement abbonato\n")
    assert lines_with_pieces(doc, PIECES) == [0, 1, 4]
