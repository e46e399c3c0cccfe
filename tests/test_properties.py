"""Invariants of cleaning, checked on generated text (hypothesis).

- it never invents text: the output is the input with explained spans cut out;
- cleaning is idempotent;
- the removals replay onto the input exactly;
- an article with no residue comes back unchanged;
- CRLF line endings, a missing final newline and a byte-order mark survive.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cleannews
from cleannews import apply_removals

# 200 examples keep `make test` quick; HYPOTHESIS_PROFILE=thorough searches harder.
_QUIET = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow]}
settings.register_profile("cleannews", max_examples=200, **_QUIET)
settings.register_profile("thorough", max_examples=5000, **_QUIET)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "cleannews"))

# Ordinary article sentences built from word lists, in several languages.
_SUBJECTS = [
    "The harbour master",
    "The city council",
    "Dockworkers at the port",
    "The regional bakers' guild",
    "Der Stadtrat",
    "Die Verwaltung",
    "Le maire de la ville",
    "Les vignerons",
    "El consorcio de transportes",
    "A prefeitura",
    "Городской совет",
    "市政府",
]
_VERBS = [
    "said on Monday that",
    "warned in a statement that",
    "teilte am Donnerstag mit, dass",
    "a annoncé mardi que",
    "anunció este lunes que",
    "informou que",
    "сообщил в пятницу, что",
    "周一表示，",
]
_CLAUSES = [
    "the ferry would run again by Friday",
    "about 1,200 workers had stopped work at 6am",
    "the budget of 9.4 million would not be cut",
    "die Bauarbeiten im März beginnen",
    "les vendanges ont commencé le 19 août",
    "el servicio tendrá una frecuencia de veinte minutos",
    "o novo horário começa em outubro",
    "мост откроют после установки перил",
    "新线路将于十月开通",
    "shares in the operator fell 4% after the announcement",
    "advertising revenue at the port's magazine rose 5%",
    "loading of container ships resumed in the afternoon",
]
sentences = st.builds(
    lambda subject, verb, clause, end: f"{subject} {verb} {clause}{end}",
    st.sampled_from(_SUBJECTS),
    st.sampled_from(_VERBS),
    st.sampled_from(_CLAUSES),
    st.sampled_from([".", "!", "?", "。", ""]),
)
# Lines an author writes on purpose, repeats included.
deliberate_lines = st.sampled_from(["* * *", "***", "—", "Greens\t12", "Labour\t12", "Yes"])
blank_lines = st.sampled_from(["", "", "", " ", "\t", "\u00a0"])

RESIDUE = [
    "Advertisement",
    "ADVERTISEMENT",
    "Anzeige",
    "Publicité",
    "Publicidad",
    "Реклама",
    "广告",
    "Story continues below advertisement",
    "Continue reading below",
    "Sponsored content",
    "Reading Time: 2 minutes",
    "5 min read",
    "Lesezeit: 3 Minuten",
    "Why you can trust The Valley Post",
    "loading",
    "Loading...",
    "Share this article",
    "Facebook Twitter Email",
    "Image 3 of 23",
    "Back to gallery",
]
residue_lines = st.sampled_from(RESIDUE)
endings = st.sampled_from(["\n", "\r\n", "\r"])


@st.composite
def glued(draw: st.DrawFn) -> str:
    """A sentence with an ad marker run into its start or end."""
    sentence = draw(sentences)
    marker = draw(st.sampled_from(["Advertisement", "ADVERTISEMENT ", "Anzeige", "广告 "]))
    marker *= draw(st.sampled_from([1, 1, 1, 2]))  # slots come in runs
    if draw(st.booleans()):
        return marker + sentence
    return sentence + "." + marker.strip()


@st.composite
def repeated_caption(draw: st.DrawFn) -> str:
    """A caption, then a copy of it, maybe with a credit, maybe across a residue line."""
    caption = draw(sentences)
    credit = draw(st.sampled_from(["", " Photo: AFP", " (Reuters)", " Foto: dpa"]))
    between = draw(st.sampled_from(["\n", "\nAdvertisement\n", "\n\n"]))
    return caption + credit + between + caption


def _assemble(lines: list[str], ending: str, final_newline: bool) -> str:
    text = ending.join(lines)
    return text + ending if final_newline and lines else text


@st.composite
def articles_with_residue(draw: st.DrawFn) -> str:
    kinds = st.one_of(sentences, blank_lines, residue_lines, glued(), repeated_caption())
    lines = draw(st.lists(kinds, max_size=25))
    ending = draw(endings)
    # A caption block carries "\n" inside; give it the article's line ending.
    lines = [line.replace("\n", ending) for line in lines]
    bom = draw(st.sampled_from(["", "", "\ufeff"]))
    return bom + _assemble(lines, ending, draw(st.booleans()))


@st.composite
def clean_articles(draw: st.DrawFn) -> str:
    # Sentences that say different things: two neighbours that differ only in
    # their final punctuation would be a paragraph printed twice, which is residue.
    says = lambda sentence: sentence.rstrip(".!?。")  # noqa: E731
    content = draw(st.lists(sentences, unique_by=says, min_size=1, max_size=15))
    lines: list[str] = []
    for sentence in content:
        lines.append(sentence)
        lines.extend(draw(st.lists(st.one_of(blank_lines, deliberate_lines), max_size=3)))
    return _assemble(lines, draw(endings), draw(st.booleans()))


# Any text at all, weighted towards characters that matter here.
any_text = st.one_of(
    st.text(),
    st.text(alphabet=st.sampled_from(list("Ad \n\r\t.Advertisement\u00a0广告")), max_size=80),
    articles_with_residue(),
)


def is_subsequence(small: str, big: str) -> bool:
    remaining = iter(big)
    return all(char in remaining for char in small)


@given(any_text)
def test_never_invents_text(text: str) -> None:
    result = cleannews.clean_and_explain(text)
    assert is_subsequence(result.text, text)
    removed = sum(removal.end - removal.start for removal in result.removals)
    assert len(result.text) + removed == len(text)


@given(any_text)
def test_removals_replay_exactly(text: str) -> None:
    result = cleannews.clean_and_explain(text)
    assert apply_removals(text, result.removals) == result.text
    for removal in result.removals:
        assert text[removal.start : removal.end] == removal.text
        assert removal.start_line <= removal.end_line


@given(any_text)
def test_cleaning_is_idempotent(text: str) -> None:
    once = cleannews.clean(text)
    assert cleannews.clean(once) == once


@given(clean_articles())
def test_an_article_without_residue_comes_back_unchanged(text: str) -> None:
    result = cleannews.clean_and_explain(text)
    assert result.removals == ()
    assert result.text == text


@given(articles_with_residue())
def test_line_endings_a_missing_final_newline_and_a_bom_survive(text: str) -> None:
    cleaned = cleannews.clean(text)
    assert cleaned.startswith("\ufeff") == text.startswith("\ufeff")
    cleaned = cleaned.removeprefix("\ufeff")
    if "\r\n" in text and "\n" not in text.replace("\r\n", ""):
        assert "\n" not in cleaned.replace("\r\n", "")
        assert "\r" not in cleaned.replace("\r\n", "")
    if cleaned and not text.endswith(("\n", "\r")):
        assert not cleaned.endswith(("\n", "\r"))
    if cleaned and text.endswith(("\n", "\r")):
        assert cleaned.endswith(("\n", "\r"))


# User rules whose whole-text scan and one-line match could part ways: a
# pattern ending in \s (reaching the line break), anchors, lookarounds.
user_patterns = st.sampled_from(
    [
        r"Advertisement\s*",
        r"\s*Advertisement",
        r"ad\s",
        r"\AAd",
        r"ment\Z",
        r"Ad(?=\s)",
        r"(?<=\s)Ad",
        r"(?<!\S)Advertisement(?!\S)",
        r"^Ad.*$",
        r"t\.\s+A",
    ]
)


@given(any_text, user_patterns, st.booleans())
def test_a_user_rule_matches_lines_alike_scanned_or_one_by_one(
    text: str, pattern: str, inline: bool
) -> None:
    # A scope as large as the text makes the rule judge every line on its own;
    # without one the whole text is scanned first: the removals must agree.
    table = {"id": "mine", "stage": "house", "pattern": pattern}
    table["match"] = "inline" if inline else "line"
    scanned = cleannews.clean_and_explain(text, stages=["house"], rules=[table])
    every_line = {**table, "first": max(1, len(text))}
    judged = cleannews.clean_and_explain(text, stages=["house"], rules=[every_line])
    assert scanned.removals == judged.removals
    assert apply_removals(text, scanned.removals) == scanned.text
    for removal in scanned.removals:
        # A part of a line the rule cuts never takes a line ending (the
        # whitespace stage's final_newline does, on purpose).
        if removal.partial and removal.stage == "house":
            assert "\n" not in removal.text
            assert "\r" not in removal.text
