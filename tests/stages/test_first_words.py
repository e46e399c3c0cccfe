"""FirstWordGate, and that the gates of the related and navigation stages miss no line."""

from __future__ import annotations

import random
import re

import pytest
from regex_samples import recased, samples

from cleannews.stages import navigation, related
from cleannews.stages.first_words import FirstWordGate

GATE = FirstWordGate("read lesen 관련기사 ähnliche", anywhere=("주요",))


@pytest.mark.parametrize(
    "line",
    [
        "Read more",
        "READ MORE: Storm closes the coast road",
        "» __Read__ more",  # marks and "_" before the word
        "_*Read more*_",
        "   - Lesen Sie auch",
        "ÄHNLICHE ARTIKEL",  # a capital outside ASCII
        "Ähnliche Artikel",
        "관련기사",
        "KBS 주요 뉴스",  # a word the rule finds after others
    ],
)
def test_gate_lets_through_lines_starting_with_a_word(line: str) -> None:
    assert GATE.select([line]) == [0]


def test_gate_compares_letters_as_ignorecase_does() -> None:
    # The long s and the dotless i are taken for "s" and "i" by IGNORECASE.
    gate = FirstWordGate("lesen sie")
    assert gate.select(["leſen", "ſie", "LEſEN", "lesenx", "ſiex", "leſe"]) == [0, 1, 2]


def test_gate_keeps_positions_in_order_and_skips_other_lines() -> None:
    texts = [
        "The port reopened.",
        "Read more",
        "Readers wrote in.",
        "12 ships",
        "주요 뉴스",
        "lesen",
    ]
    assert GATE.select(texts) == [1, 4, 5]


def test_gate_lets_through_lines_whose_first_word_it_cannot_tell() -> None:
    # No word at all, or "_" (a word character to the regex engine) before it.
    assert GATE.select(["* * *", "—", "_ _ Read"]) == [0, 1, 2]


def test_gate_of_nothing_is_nothing() -> None:
    assert GATE.select([]) == []


def test_anywhere_words_must_be_caseless() -> None:
    with pytest.raises(ValueError, match="caseless"):
        FirstWordGate("read", anywhere=("News",))


def _dressed(rnd: random.Random, sample: str, opening: str, closing: str) -> str:
    return rnd.choice(opening) + recased(sample, rnd) + rnd.choice(closing)


def test_related_gate_takes_every_line_a_lead_pattern_matches() -> None:
    alone, titled = related.RelatedStage.patterns()
    rnd = random.Random(7)
    openings = ["", "» ", "**", "__", "- ", "[", "### "]
    endings = ["", ":", " …", "**", ": Storm closes the coast road", " - Ferry delays", " | Port"]
    for source in [*related._LEADS, *related._NAMED_LEADS]:
        matched = 0
        for sample in samples(source, 60):
            line = _dressed(rnd, sample, openings, endings).strip()
            if alone.fullmatch(line) or titled.fullmatch(line):
                matched += 1
                assert related._LEAD_GATE.select([line]) == [0], (source, line)
        assert matched, f"no sample of {source!r} matched: the test would prove nothing"


@pytest.mark.parametrize("name", ["skip_link", "breadcrumb", "pager"])
def test_navigation_gate_takes_every_line_a_rule_matches(name: str) -> None:
    rule = dict(navigation._line_rules())[name]
    rnd = random.Random(11)
    matched = 0
    for sample in samples(rule.pattern, 3000):
        line = recased(sample, rnd).strip()
        if line and rule.match(line):
            matched += 1
            assert navigation._RULE_GATE.select([line]) == [0], line
    assert matched > 100


@pytest.mark.parametrize("gate", [related._LEAD_GATE, navigation._RULE_GATE])
def test_no_ascii_letter_matches_a_gate_words_other_letters(gate: FirstWordGate) -> None:
    # select compares ASCII runs by lower() alone, which is right only if no
    # ASCII character is taken by IGNORECASE for a letter outside ASCII in a word.
    others = {char for word in gate._words for char in word if not char.isascii()}
    for char in others:
        pattern = re.compile(re.escape(char), re.IGNORECASE)
        assert not [a for a in map(chr, range(128)) if pattern.fullmatch(a)], char


def _outcome(match: re.Match[str] | None) -> tuple[int, int, str | None] | None:
    if match is None:
        return None
    return (*match.span(), match.groupdict().get("title"))


def test_related_leads_narrowed_by_first_character_match_as_all_leads_do() -> None:
    alone, titled = related.RelatedStage.patterns()
    rnd = random.Random(13)
    openings = ["", "» ", "**", "__", "- ", "[", "### ", "—", "(", " _"]
    endings = ["", ":", " …", "**", ": Storm closes the coast road", " - Ferry delays", " | Port"]
    near = [
        "In other words, the port",
        "On example.com the port",
        "Más noticias | Economía",
        "-",
        "» ·",
    ]
    tried = 0
    for source in [*related._LEADS, *related._NAMED_LEADS]:
        for sample in [*samples(source, 40), *near]:
            line = _dressed(rnd, sample, openings, endings).strip()
            narrow_alone, narrow_titled = related._patterns_for(line)
            assert _outcome(narrow_alone.fullmatch(line)) == _outcome(alone.fullmatch(line)), line
            assert _outcome(narrow_titled.fullmatch(line)) == _outcome(titled.fullmatch(line)), line
            tried += 1
    assert tried > 1000


def test_every_related_lead_not_starting_with_a_letter_names_a_word_it_needs() -> None:
    starts = related._lead_starts([*related._LEADS, *related._NAMED_LEADS])
    others = [lead for lead, chars in starts if chars is None]
    assert others == list(related._NEEDS)
    for lead in others:
        word = related._NEEDS[lead]
        assert word.lower() == word == word.upper()
        for sample in samples(lead, 200):
            if re.fullmatch(lead, sample, re.IGNORECASE):
                assert word in sample, (lead, sample)


def test_related_lead_starts_take_every_case_of_their_letters() -> None:
    starts = dict(related._lead_starts(related._LEADS))
    assert {"r", "R"} <= (starts[r"read\s+(?:more|also|next|this\s+next)"] or set())
    assert "\u0130" in (starts[r"(?:in\s+)?other\s+news"] or set())  # İ under IGNORECASE
    assert "\u017f" in (starts[r"saiba\s+mais"] or set())  # the long s
