"""The shape and neighbourhood checks the furniture stages share."""

from __future__ import annotations

import re

import pytest

from cleannews.document import Document
from cleannews.stages import context


@pytest.mark.parametrize(
    ("line", "headline"),
    [
        ("Storm closes the coast road", True),
        ("Why are ferry fares rising?", True),
        ("- Dockers vote to strike [VIDEO]", True),
        ("The storm closed the coast road on Monday.", False),
        ("Tickets:", False),
        ("Storm", False),
    ],
)
def test_headline_like(line: str, headline: bool) -> None:
    assert context.is_headline_like(line) is headline


@pytest.mark.parametrize(
    ("line", "reported"),
    [
        ("Follow us, the rebels shouted.", True),
        ("Suivez-nous, avait lancé le directeur.", True),
        ("Wir verwenden Cookies, heißt es auf der Seite.", True),
        ("Contenido para suscriptores, según el estudio.", True),
        # prompts as pages print them: no one is named as saying them
        ("Follow us on Twitter, Facebook and Instagram.", False),
        ("Subscribe to our newsletter, it's free and you can cancel at any time.", False),
        ("Already a subscriber? Log in here", False),
        ("Sign up for our newsletter, and have your say on the stories we cover", False),
        ("Subscribe to the newsletter, with our reporters' notes from the week", False),
        # a reporting verb with no comma before it is no clause of attribution
        ("Sign up for what the critics said about this year's festival", False),
        # "said" inside a longer word is no verb
        ("Subscribe, and the saidai festival app is yours", False),
        # a clause that points to the site's own words names no speaker
        (
            "We use cookies to personalise content and ads, as explained in our Cookie Policy.",
            False,
        ),
        ("By browsing on, you accept cookies, according to our privacy policy.", False),
        ("Nous utilisons des cookies, comme expliqué dans notre politique.", False),
        ("Wir verwenden Cookies, wie in unserer Datenschutzerklärung erklärt.", False),
        ("Usamos cookies, según nuestra política de privacidad.", False),
        ("Sign up for our newsletter, as noted in our terms.", False),
        ("Share this article, your friends noted it is free.", False),
        # words that are something else too: "the second month", Dutch "this"
        ("Suscríbete ahora, el segundo mes es gratis.", False),
        ("Abbonati ora, il secondo mese è gratis.", False),
        ("Volg ons, dit is de laatste kans.", False),
        # the speaker may be anywhere after the comma, clause by clause
        ("Download the app, the council advises, before the storm.", True),
    ],
)
def test_reports_speech_needs_an_attribution_after_a_comma(line: str, reported: bool) -> None:
    assert context.reports_speech(line) is reported


def test_wrap_width_sees_wrapping_past_long_addresses() -> None:
    wrapped = "The harbour authority reopened the northern quay on Monday after\n" * 10
    address = "[1]: https://example.org/" + "a-very-long-address-" * 8 + "\n"
    assert context.wrap_width(Document(wrapped + address * 3)) is not None
    paragraphs = "".join(
        f"Paragraph {n} says something that runs on for {'quite ' * n}a while.\n" for n in range(12)
    )
    assert context.wrap_width(Document(paragraphs)) is None


def test_same_line_keeps_patterns_on_one_line() -> None:
    assert context.same_line(r"read\s+more") == r"read[^\S\n]+more"


def test_talks_about_counts_paragraphs_not_prompts() -> None:
    doc = Document(
        "Subscriptions rose by a third this year, the publisher said in its report.\n"
        "Subscribe now\n"
        "Most new subscribers chose the annual plan, which costs less per month.\n"
    )
    topic = re.compile("subscri", re.IGNORECASE).search
    assert context.talks_about(doc, topic, skip=set().__contains__)
    assert not context.talks_about(doc, topic, skip={0}.__contains__)
    # Given the lines that can mention it, it looks at those alone.
    assert not context.talks_about(doc, topic, skip=set().__contains__, lines=[0, 1])
    assert context.talks_about(doc, topic, skip=set().__contains__, lines=[0, 2])


def test_talks_about_asks_skip_only_once_enough_paragraphs_mention_the_topic() -> None:
    asked: list[int] = []

    def skip(index: int) -> bool:
        asked.append(index)
        return False

    topic = re.compile("subscri", re.IGNORECASE).search
    one = Document("Subscriptions rose by a third this year, the publisher said in its report.\n")
    assert not context.talks_about(one, topic, skip)
    assert asked == []
    two = Document(one.text * 2)
    assert context.talks_about(two, topic, skip)
    assert asked == [0, 1]


ALL_CHARACTERS = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)


def test_case_blind_chars_hold_every_case_re_ignorecase_matches() -> None:
    # Every first letter the credits and prompts gates start a word with.
    letters = "abcdefghiklmnopqrstuvwxyzéфсипзн©"
    for letter in letters:
        matched = set(re.findall("(?i)" + re.escape(letter), ALL_CHARACTERS))
        assert matched <= set(context.case_blind_chars(letter)), letter


def test_word_starts_matches_the_words_in_any_case_and_whole_words_whole() -> None:
    pattern = re.compile(context.word_starts(["photo", "снимок"], whole_words=["de"]))
    for text in ["photo", "PHOTO", "pHoTo", "Снимок", "СНИМОК", "de", "DE", "de la"]:
        assert pattern.match(text), text
    for text in ["phot", "delta", "де", "ʀhoto"]:
        assert not pattern.match(text), text


def test_not_upper_holds_no_upper_case_letter() -> None:
    from cleannews.stages.credits import _NOT_UPPER

    members = re.findall(f"[{_NOT_UPPER}]", ALL_CHARACTERS)
    assert len(members) > 20000
    assert not [c for c in members if c.isupper()]
