"""The prompts stage's cheap looks before its searches let through every text they must."""

from __future__ import annotations

import pytest

from cleannews.document import Document
from cleannews.stages import prompts as prompts_module


@pytest.mark.parametrize("letter", ["п", "П", "ж", "Ж"])
def test_a_text_with_a_letter_the_russian_finders_start_with_is_searched(letter: str) -> None:
    # Other scripts around it, and the letters that fold to ASCII ones.
    text = f"Café \u212aelvin \u0130stanbul\r\n«{letter}»\n"
    assert prompts_module._may_hold_cyrillic(Document(text))


@pytest.mark.parametrize(
    "text", ["Plain ASCII only.\n", "Café, Straße, año, \u212a, \u0130, \u017f, 東京, 🙂\n", ""]
)
def test_a_text_without_them_is_not(text: str) -> None:
    assert not prompts_module._may_hold_cyrillic(Document(text))


def test_click_here_in_russian_is_found_after_the_look() -> None:
    doc = Document("Новости дня.\nНажмите здесь, чтобы узнать больше.\n")
    assert prompts_module._click_lines(doc) == [1]
