"""Author boxes and contact lines at the tail go; signatures and the body stay."""

from __future__ import annotations

import re

import pytest

import cleannews
from cleannews.document import Document
from cleannews.stages import author_box as author_box_module
from cleannews.stages.author_box import AuthorBoxStage, author_box_rule

BODY = (
    "The harbour authority approved the new terminal on Thursday.\n"
    "Construction is expected to take three years and cost 200 million euros.\n"
)


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Write to Nora Lind at nora.lind@example.com", "contact_line"),
        ("Have a tip? Nora Lind may be reached at nora.lind@example.com", "contact_line"),
        ("Email Pavel Novak at pnovak@example.org or follow him @pavelnovak.", "contact_line"),
        ("nora.lind@example.com", "contact_line"),
        ("twitter.com/noralind", "contact_line"),
        ("Twitter: @noralind", "contact_line"),
        ("Schreiben Sie der Autorin: nora.lind@example.de", "contact_line"),
        ("Contactez l'auteur à nora.lind@example.fr", "contact_line"),
        ("Nora Lind is a reporter for The Harbour Times.", "author_bio"),
        (
            "Nora Lind is a reporter for The Harbour Times, and previously wrote for Port News.",
            "author_bio",
        ),
        ("Nora Lind ist Redakteurin, sie berichtete zuvor aus Kiel.", "author_bio"),
        ("Pavel Novak ist Redakteur im Ressort Wirtschaft.", "author_bio"),
        ("About the Author", "author_bio"),
    ],
)
def test_contact_lines_and_bios(line: str, rule: str) -> None:
    assert author_box_rule(line) == rule


@pytest.mark.parametrize(
    "line",
    [
        "Residents can write to the council at info@example.org before May 1.",
        "The company said customers could follow the recall on its website.",
        "Nora Lind, columnist nora.lind@example.com",  # a signature asks nothing
        "— Pavel Novak (@pavelnovak) November 3, 2021",  # an embedded post's footer
        "Lind is a rare name in the valley, the mayor joked.",
        # the story's subject, not its author: an obituary's past, a quote about them
        "Mary Walsh was the Gazette's editor from 1970 to 2000.",
        "Mary Walsh is a reporter before she is anything else, her son said.",
    ],
)
def test_near_misses_stay(line: str) -> None:
    assert author_box_rule(line) is None


def test_tail_box_goes_and_body_stays() -> None:
    bio = "Nora Lind is a reporter for The Harbour Times.\n"
    box = bio + "Write to Nora Lind at nora.lind@example.com\n"
    text = BODY + "\n" + box
    assert cleannews.clean(text) == BODY


def test_contact_sentence_glued_to_the_last_paragraph_is_cut_off() -> None:
    text = BODY + "Work starts in June. Write to Nora Lind at nora.lind@example.com\n"
    result = cleannews.clean_and_explain(text)
    assert result.text == BODY + "Work starts in June.\n"
    assert result.removals[0].partial


def test_signature_over_two_lines_stays() -> None:
    text = BODY + "정민수 칼럼니스트\nminsu@example.kr\n"
    assert cleannews.clean(text) == text


def test_contact_lines_high_in_the_text_stay() -> None:
    filler = "".join(f"Paragraph {n} of the harbour story.\n" for n in range(10))
    text = "Intro.\nWrite to the newsroom at desk@example.com\n" + filler
    assert cleannews.clean(text) == text


# The stage skips the address patterns on text without "@" or "/", and the
# sentence split on text that cannot end with a tip prompt: these lines sit
# right at those gates.
@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("HAVE A TIP?", "contact_line"),  # no address, upper case, ends with "P?"
        ("Got a news tip :", "contact_line"),  # spaces and a colon after the "p"
        ("Have a tip? \t", "contact_line"),
        ("Follow Nora on instagram.com/noralind", "contact_line"),  # "/" but no "@"
        ("SIGA A AUTORA: @NORALIND", "contact_line"),
    ],
)
def test_lines_at_the_gates(line: str, rule: str) -> None:
    assert author_box_rule(line) == rule


def test_tip_prompt_after_a_sentence_is_cut_from_a_crlf_line() -> None:
    body = BODY.replace("\n", "\r\n")
    text = body + "Work starts in June. Have a TIP?\r\n"
    result = cleannews.clean_and_explain(text)
    assert result.text == body + "Work starts in June.\r\n"
    assert [removal.rule for removal in result.removals] == ["contact_line"]


def test_sentence_ending_in_tip_without_prompt_stays() -> None:
    text = BODY + "She left the waiter a generous tip\n"
    assert cleannews.clean(text) == text


def test_a_rule_line_of_more_than_sixty_words_is_none() -> None:
    # The words are counted only once a rule takes the line: the count still wins.
    bio = "Nora Lind is a reporter for The Harbour Times"
    long_bio = bio + " and" + " covers the port" * 18 + "."
    assert author_box_rule(bio + ".") == "author_bio"
    assert len(long_bio.split()) > 60
    assert author_box_rule(long_bio) is None
    contact = "Write to Nora Lind at nora.lind@example.com about" + " the port" * 30
    assert len(contact.split()) > 60
    assert author_box_rule(contact) is None


def _ends_in_tip_by_definition(text: str) -> bool:
    """What _may_end_tip_prompt promises: a "p" with only spaces, "?" and ":" after it."""
    return re.search(r"[pP][\s?:]*\Z", text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "",
        "p",
        "P",
        "tip",
        "Tip?",
        "tip ?: ",
        "tip\u00a0?",
        "Got a tip?:\t",
        "tips",
        "top.",
        "?",
        " ",
        "a tip? no",
        "tip\u2003",
        "ship:",
        "Schiff",
        "p?x",
        "ȹ",
    ],
)
def test_tip_ending_shortcut_agrees_with_its_definition(text: str) -> None:
    assert author_box_module._may_end_tip_prompt(text) == _ends_in_tip_by_definition(text)


@pytest.mark.parametrize(
    "text",
    ["", "\n\n", "Body.\n", "\n  \nBody.\nMore.\n", "Only\n", "\n\nA\n\nB\n"],
)
def test_first_text_line_is_the_first_live_line(text: str) -> None:
    doc = Document(text)
    live = doc.kept_text_lines()
    assert author_box_module._first_text_line(doc) == (live[0] if live else None)
    if len(doc.lines) > 1:
        doc.removed[0] = 1
        live = doc.kept_text_lines()
        assert author_box_module._first_text_line(doc) == (live[0] if live else None)


def test_a_two_line_text_keeps_its_first_line_out_of_the_tail() -> None:
    text = "Write to Nora Lind at nora.lind@example.com\nWrite to Pavel Novak at p@example.org\n"
    assert cleannews.clean(text) == "Write to Nora Lind at nora.lind@example.com\n"
    assert cleannews.clean("\n\n" + text) == "\n\nWrite to Nora Lind at nora.lind@example.com\n"


@pytest.mark.parametrize(
    ("tail", "kept"),
    [
        ("Nora Lind is a reporter for The Harbour Times.\n", ""),
        ("  About the author:  \n", ""),
        # A bio of more than 60 words is a paragraph: it stays.
        ("Nora Lind is a reporter who" + " covered the port" * 20 + ".\n", None),
        ("Lind is a rare name in the valley, the mayor joked.\n", None),
        ("Mary Walsh was a reporter at the Gazette for 40 years.\n", None),
        ("The pier reopened. Have a tip?\n", "The pier reopened.\n"),
        ("The pier reopened. Email nora@example.com\n", "The pier reopened.\n"),
    ],
)
def test_tail_lines_without_an_address_go_only_as_bios(tail: str, kept: str | None) -> None:
    result = cleannews.clean(BODY + tail)
    assert result == BODY + (tail if kept is None else kept)


# The stage skips a text whose tail holds no address mark, no line that may end
# with a tip prompt and no line that may start a bio (_lines_to_judge): these
# tails sit right at the edges of that check, and must still be judged.
@pytest.mark.parametrize(
    "tail",
    [
        "Nora Lind is a reporter for The Harbour Times.\n",  # two words before "is"
        "Dr. Nora Maria Lind is an editor at the Harbour Times.\n",  # four words
        "\u00a0  Nora Lind ist Redakteurin der Hafenzeitung.\n",  # spaces before it
        "NORA LIND IS A REPORTER FOR THE HARBOUR TIMES.\n",
        "Nora Lind\tİs a reporter for The Harbour Times.\n",  # "İ" is "i" to IGNORECASE
        "ABOUT THE AUTHOR\n",
        "## Sobre el autor:\n",
        "Have a tip ?  \n",
        "Nora Lind is a\nreporter for The Harbour Times.\n",  # a bio cut in two stays
        "Nora Lind is the\n",
        "Follow her at X.COM/noralind\n",  # a profile link: the "/" after the domain
        "Siga: bsky.app/profile/noralind\n",
        "Fotos: https://instagram.com/noralind\n",  # "https://" is no domain end
    ],
)
def test_tails_at_the_skip_check_are_judged(tail: str) -> None:
    doc = Document(BODY + "\n" + tail)
    taken = [removal.text for removal in AuthorBoxStage().find(doc)]
    expected = [line for line in tail.splitlines(keepends=True) if author_box_rule(line)]
    assert taken == expected


@pytest.mark.parametrize(
    ("tail", "judged"),
    [
        ("The pier reopened on Friday, the harbour master said.\n", 0),
        ("Lind's team, which is small, is pleased.\n", 0),
        ("The crew asked for a tip\n", 1),  # may end with a tip prompt
        ("Nora Lind is a reporter.\nThe pier reopened on Friday.\n", 1),
        ("See example.com/port for the timetable.\nThe pier reopened.\n", 1),
        ("Two in 3/4 of the cases, 24/7.\nThe pier reopened.\n", 0),  # no address "/"
        ("Is it open? The pier reopened on Friday.\n", 0),  # the "?" does not end it
    ],
)
def test_lines_left_unjudged_are_lines_no_rule_takes(tail: str, judged: int) -> None:
    doc = Document(BODY + "\n" + tail)
    tail_indexes = doc.kept_text_lines()[1:]
    lines = author_box_module._lines_to_judge(doc, tail_indexes)
    assert len(set(lines) & set(tail_indexes)) == judged
    for index in tail_indexes:
        if index not in lines:
            line = doc.lines[index]
            assert author_box_rule(line) is None
            assert author_box_module.contact_start(line.rstrip()) is None


def test_a_profile_link_after_another_slash_is_still_cut_off() -> None:
    text = BODY + "The port, 2/3 of it, reopened. Follow Nora at twitter.com/noralind\n"
    assert cleannews.clean(text) == BODY + "The port, 2/3 of it, reopened.\n"
