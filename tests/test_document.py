"""Document: lines and their offsets, and the case-blind gate stages scan with."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleannews.document import Document


def test_finds_ascii_words_in_any_case_on_their_lines() -> None:
    doc = Document("The harbour reopened.\nADVERTISEMENT\nSponsored content\nr\nadVert\n")
    assert doc.lines_with_words(["advert", "sponsored"]) == [1, 2, 4]


def test_counts_lines_the_same_with_crlf_and_non_ascii_text() -> None:
    doc = Document("Der Stadtrat tagte.\r\nÜbersicht\r\n\r\nWERBUNG\r\nEnde\r\n")
    assert doc.lines_with_words(["werbung"]) == [3]
    assert doc.lines_with_words(["übersicht"]) == [1]


@pytest.mark.parametrize("line", ["Реклама", "РЕКЛАМА", "реклама", "Publicité", "PUBLICITÉ"])
def test_finds_other_scripts_lower_upper_and_capitalised(line: str) -> None:
    doc = Document(f"Первая строка.\n{line}\n")
    assert doc.lines_with_words(["реклама", "publicité"]) == [1]


@pytest.mark.parametrize("special", ["\u0130", "\u0131", "\u212a", "\u017f"])
def test_finds_what_re_ignorecase_would_for_ascii_lookalikes(special: str) -> None:
    word = {"\u0130": "lInk", "\u0131": "lInk", "\u212a": "linK", "\u017f": "Share"}[special]
    line = word.replace("I", special).replace("K", special).replace("S", special)
    assert re.fullmatch(word, line, re.IGNORECASE)
    doc = Document(f"Ünïcode first.\n{line}\n")
    assert doc.lines_with_words([word.lower()]) == [1]


def test_one_line_with_many_hits_is_listed_once() -> None:
    doc = Document("share share SHARE\nno\nshare\n")
    assert doc.lines_with_words(["share", "SHA"]) == [0, 2]


def test_a_text_without_the_words_gives_nothing() -> None:
    assert Document("Nothing to see.\n").lines_with_words(["advert"]) == []
    assert Document("").lines_with_words(["advert"]) == []


def _split_one_ending_at_a_time(text: str) -> tuple[list[str], list[str]]:
    """split_lines as a plain loop over the line endings, to check the C-level split against."""
    lines, ends, pos = [], [], 0
    while pos < len(text):
        stops = [i for i in (text.find("\r", pos), text.find("\n", pos)) if i >= 0]
        if not stops:
            break
        stop = min(stops)
        ending = "\r\n" if text.startswith("\r\n", stop) else text[stop]
        lines.append(text[pos:stop])
        ends.append(ending)
        pos = stop + len(ending)
    if pos < len(text):
        lines.append(text[pos:])
        ends.append("")
    return lines, ends


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab \r\n\x0c\u2028", max_size=40))
def test_lines_ends_and_offsets_of_any_mix_of_line_endings(text: str) -> None:
    doc = Document(text)
    assert (doc.lines, doc.ends) == _split_one_ending_at_a_time(text)
    # Where each line starts in the text, and in doc.joined (every ending a "\n").
    pieces = [line + end for line, end in zip(doc.lines, doc.ends, strict=True)]
    assert doc.starts == [len("".join(pieces[:i])) for i in range(len(pieces))]
    for index, line in enumerate(doc.lines):
        start = doc.joined_start(index)
        assert doc.joined[start : start + len(line) + 1] == line + "\n"
        assert doc.index_at(start) == index


@pytest.mark.parametrize(
    ("text", "lines", "ends"),
    [
        ("\r\n\r", ["", ""], ["\r\n", "\r"]),
        ("\r\r\n", ["", ""], ["\r", "\r\n"]),
        ("a\r", ["a"], ["\r"]),
        ("a\rb", ["a", "b"], ["\r", ""]),
        ("a\n\rb\r\n", ["a", "", "b"], ["\n", "\r", "\r\n"]),
        # a Windows file: only "\r\n"
        ("a\r\nb\r\n", ["a", "b"], ["\r\n", "\r\n"]),
        ("a\r\n\r\nb", ["a", "", "b"], ["\r\n", "\r\n", ""]),
        ("\r\n", [""], ["\r\n"]),
    ],
)
def test_carriage_returns_end_lines_alone_or_before_a_line_feed(
    text: str, lines: list[str], ends: list[str]
) -> None:
    doc = Document(text)
    assert (doc.lines, doc.ends) == (lines, ends)


def test_kept_text_lines_of_a_range() -> None:
    doc = Document("One.\n\nTwo.\nAdvertisement\nThree.\n  \nFour.\n")
    doc.removed[3] = 1
    assert doc.kept_text_lines() == [0, 2, 4, 6]
    assert doc.kept_text_lines(1, 5) == [2, 4]
    assert doc.kept_text_lines(4) == [4, 6]
