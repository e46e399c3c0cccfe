"""The first line goes when it reads as a title and the optional stage is on."""

from __future__ import annotations

import pytest

import cleannews
from cleannews.registry import default_names

BODY = "Dock workers returned on Monday.\nThe first ships sailed at noon.\n"


def _clean(text: str) -> str:
    return cleannews.clean(text, enable=["headline"])


def test_off_by_default() -> None:
    assert "headline" not in default_names()
    text = "Harbour strike ends after two weeks\n" + BODY
    assert cleannews.clean(text) == text


@pytest.mark.parametrize(
    "title",
    [
        "Harbour strike ends after two weeks",
        "Hafenstreik nach zwei Wochen beendet",
        "La grève du port prend fin après deux semaines",
        "¿Termina la huelga del puerto?",
        "What the strike cost the city: a guide",
    ],
)
def test_titles_go(title: str) -> None:
    assert _clean(title + "\n\n" + BODY) == BODY


@pytest.mark.parametrize(
    "first",
    [
        "Dock workers went back to work on Monday after two weeks.",  # a sentence
        "OSLO (Reuters) — Dock workers returned on Monday",  # a dateline
        "- Ships sailed at noon",  # a list item
        "Pittsburgh",  # a label, too short for a title
        "Key points:",
    ],
)
def test_near_misses_stay(first: str) -> None:
    text = first + "\n" + BODY
    assert _clean(text) == text


def test_a_lone_title_stays() -> None:
    assert _clean("Harbour strike ends\nWorkers back.\n") == "Harbour strike ends\nWorkers back.\n"


@pytest.mark.parametrize(
    "first",
    [
        "Sponsored by the harbour fund | All opinions are my own #harbour",
        "GIRLS SOCCER RESULTS AND STANDINGS",
        "Tested by: Jo Park Price: 49 euros More info: example.com",
    ],
)
def test_labels_fields_and_hashtags_are_no_titles(first: str) -> None:
    text = first + "\n" + BODY
    assert _clean(text) == text


def test_a_wrapped_first_sentence_is_no_title() -> None:
    text = (
        "Dock workers in the northern harbour went back\nto work after two weeks.\nShips sailed.\n"
    )
    assert _clean(text) == text


@pytest.mark.parametrize(
    "first",
    [
        "The mayor was voted out of office on “Harbour Talk.”",  # a sentence ending in quotes
        "MADRID — Dock workers returned on Monday after two weeks and",  # a dateline, wrapped
        "Die Hafenarbeiter kehrten am Montag an die Arbeit zurück und",  # wrapped mid-sentence
    ],
)
def test_sentences_ending_in_quotes_or_cut_by_wrapping_are_no_titles(first: str) -> None:
    text = first + "\n" + BODY
    assert _clean(text) == text
