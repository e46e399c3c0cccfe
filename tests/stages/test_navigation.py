"""The navigation stage: site menus and links go; lists and sentences of the story stay."""

from __future__ import annotations

import re

import pytest
from stagetools import run_stage

import cleannews
from cleannews.stages import navigation
from cleannews.stages.navigation import menu_item

STORY = (
    "The city council approved the new budget on Tuesday after a six-hour debate.\n"
    "Spending on schools rises by four percent, the finance office said.\n"
)


def test_a_menu_at_the_head_goes() -> None:
    text = "Home\nNews\nPolitics\nBusiness\nSport\n" + STORY
    result = run_stage("navigation", text)
    assert result.text == STORY
    assert {r.rule for r in result.removals} == {"menu"}


@pytest.mark.parametrize("lead", ["More from this section:", "Explore more of our coverage here:"])
def test_a_menu_under_a_lead_ending_with_a_colon_goes(lead: str) -> None:
    # A sentence ending with a colon does not make the names under it the story's
    # list: sites head their menus so too.
    text = STORY + "\n" + lead + "\nPolitics\nEconomics\nSport\nCulture\n"
    result = run_stage("navigation", text)
    assert result.text == STORY + "\n" + lead + "\n"
    assert {r.rule for r in result.removals} == {"menu"}


def test_an_indented_bulleted_menu_at_the_tail_goes() -> None:
    text = STORY + "\n    * About us\n    * Contact\n    * Terms of Use\n    * Privacy Policy\n"
    assert run_stage("navigation", text).text == STORY + "\n"


@pytest.mark.parametrize(
    "menu",
    [
        "Startseite\nPolitik\nWirtschaft\nKultur\n",
        "Accueil\nActualités\nPolitique\nÉconomie\n",
        "Inicio\nNoticias\nDeportes\nCultura\n",
        "Главная\nНовости\nПолитика\nСпорт\n",
        "홈\n뉴스\n정치\n경제\n",
    ],
)
def test_menus_in_other_languages_go(menu: str) -> None:
    assert run_stage("navigation", menu + STORY).text == STORY


def test_a_breadcrumb_home_section_and_subsection_goes() -> None:
    text = "Home\nNews\nSpaceflight\n\n" + STORY
    assert run_stage("navigation", text).text == "\n" + STORY


@pytest.mark.parametrize(
    ("rule", "line"),
    [
        ("breadcrumb", "Home > World > Europe"),
        ("breadcrumb", "Startseite / Politik / Ausland"),
        ("breadcrumb", "Accueil › Sport"),
        ("skip_link", "Skip to content"),
        ("skip_link", "Skip to main content"),
        ("skip_link", "Zum Inhalt springen"),
        ("skip_link", "Aller au contenu principal"),
        ("skip_link", "Saltar al contenido"),
        ("pager", "← Previous Story"),
        ("pager", "Newer Story →"),
        ("pager", "Next article"),
        ("pager", "Article suivant"),
        ("pager", "Vorheriger Artikel"),
        ("pager", "Filed under:"),
        ("pager", "Tags:"),
        ("pager", "Back to top"),
        ("pager", "뒤로가기"),
        ("pager", "View all (4)"),
    ],
)
def test_single_navigation_lines_go_anywhere(rule: str, line: str) -> None:
    text = STORY + line + "\n" + STORY
    result = run_stage("navigation", text)
    assert result.text == STORY + STORY
    assert [(r.rule, r.start_line) for r in result.removals] == [(rule, 3)]


KEPT = [
    # a shopping list in a story: short lines, but no section names
    "The checklist for the trip:\nBottled water\nbaby carrier\nhealthy snack bars\ncamera\n",
    # a fact-check box: one word from the menu list among others is not enough
    "Rating\nUnproven\nAbout this rating\nOrigin\n",
    # a single section name alone is a heading, not a menu
    "Sport\n",
    # sentences that name sections
    "The sports desk moved to Leeds.\nPolitics, the editor said, is a contact sport.\n",
    "Back in 2019 the station closed for good.\n",
    "Zurück in Berlin traf sie den Minister.\n",
    "Les tags : un débat qui divise la ville depuis des années.\n",
    "Next, the article turns to the budget.\n",
]


@pytest.mark.parametrize("text", KEPT)
def test_lists_and_sentences_of_the_story_stay(text: str) -> None:
    assert run_stage("navigation", text + STORY).removals == ()


def test_a_run_of_section_names_in_the_middle_needs_most_lines_to_be_names() -> None:
    middle = "Winners:\nAnna Kovacs\nPolitics\nLena Ortiz\nSport\n"
    assert run_stage("navigation", STORY * 12 + middle + STORY * 12).removals == ()
    menu = "News\nPolitics\nBusiness\nSport\n"
    result = run_stage("navigation", STORY * 12 + menu + STORY * 12)
    assert len(result.removals) == 4


def test_menu_item_reads_a_line_as_a_menu_entry() -> None:
    assert menu_item("  * Terms of Use  ") == "terms of use"
    assert menu_item("News ›") == "news"
    assert menu_item("The council met.") is None
    assert menu_item("one two three four five") is None


def test_cleaning_twice_changes_nothing_when_menus_stand_at_both_ends() -> None:
    head_menu = "Home\nNews\nWorld\n\n"
    second_run = "Sport\nBusiness\nLocal\nJobs\n"
    tail_menu = "\nAbout us\nContact\nPrivacy Policy\n"
    text = head_menu + "A title line\n" + STORY * 3 + second_run + STORY * 8 + tail_menu
    once = cleannews.clean(text)
    assert "Home" not in once
    assert "Privacy Policy" not in once
    assert cleannews.clean(once) == once


# The stage only tries the line rules on lines that start with one of their
# words, breadcrumbs only on lines with one to six step marks, and menu items
# only on lines of 32 characters or with marks at an end: these cases sit at
# those gates.
def test_navigation_lines_in_capitals_at_the_very_start_and_end_of_crlf_text() -> None:
    story = STORY.replace("\n", "\r\n")
    text = "« ARTÍCULO ANTERIOR\r\nSKIP TO MAIN CONTENT\r\n" + story + "TAGS:\r\n" + story
    result = run_stage("navigation", text + "VOLVER ARRIBA →")
    assert [(r.rule, r.start_line) for r in result.removals] == [
        ("pager", 1),
        ("skip_link", 2),
        ("pager", 5),
        ("pager", 8),
    ]
    assert result.text == story + story


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("ГЛАВНАЯ / Новости / Политика", "breadcrumb"),
        ("Home > A > B > C > D > E > F", "breadcrumb"),  # six steps, the most there can be
        ("Home >   " + "Port news and shipping times of the week" + "  ", "breadcrumb"),  # 40
        ("ПРЕДЫДУЩАЯ СТАТЬЯ", "pager"),
        ("«« Torna su", "pager"),
        ("맨 위로", "pager"),
    ],
)
def test_rule_lines_in_other_scripts_and_at_the_limits_go(line: str, rule: str) -> None:
    result = run_stage("navigation", STORY + line + "\n" + STORY)
    assert [(r.rule, r.start_line) for r in result.removals] == [(rule, 3)]


def test_a_breadcrumb_of_seven_steps_and_a_sentence_starting_with_home_stay() -> None:
    text = STORY + "Home > A > B > C > D > E > F > G\n" + "Home prices rose again.\n" + STORY
    assert run_stage("navigation", text).removals == ()
    # A step of 41 characters is a title, not a section: the line stays.
    text = STORY + "Home | News | Port news and shipping times of the week!\n" + STORY
    assert run_stage("navigation", text).removals == ()


def test_bulleted_menu_items_longer_than_an_item_before_their_marks_go() -> None:
    # 34 characters with the marks, 30 without: still a menu item.
    menu = "  •   Terms and conditions  ›››\n* Privacy policy\n-- Cookie policy   |\n"
    result = run_stage("navigation", STORY + STORY + menu)
    assert [r.rule for r in result.removals] == ["menu"] * 3


def test_a_long_line_between_menu_lines_splits_the_run() -> None:
    # Four names mid-text go; two, text, two stay: a run mid-text needs three names.
    around = STORY * 3
    menu = "Home\nNews\nSport\nWeather\n"
    assert len(run_stage("navigation", around + menu + around).removals) == 4
    split = menu.replace("News\n", "News\n" + "Politics " + "and more " * 12 + "\n")
    assert run_stage("navigation", around + split + around).removals == ()


def test_menu_item_of_a_line_is_that_of_the_stripped_line() -> None:
    # The stage reads each line stripped once and keeps the item for the run.
    import random

    rnd = random.Random(5)
    marks = [" ", "\t", "\u00a0", "*", "•", "-", "—", "+", ">", "›", "»", "|", "▼", "⌄"]
    words = ["Home", "News", "Terms of use", "A long line of more than thirty-two chars", "", "x."]
    words += ["Sign in | Weather", "Más", "Politics, and more", "?", "Live: +"]
    for _ in range(2000):
        line = "".join(rnd.choice(marks) for _ in range(rnd.randint(0, 4)))
        line += rnd.choice(words)
        line += "".join(rnd.choice(marks) for _ in range(rnd.randint(0, 4)))
        if line.strip():
            assert menu_item(line) == menu_item(line.strip()) == _menu_item_by_regex(line), line


def _menu_item_by_regex(line: str) -> str | None:
    """menu_item as first written, with one expression for the marks and one for the end."""
    item = navigation._DECORATION.sub("", line).strip()
    if not item or len(item) > 32 or re.search(r"[.!?:;,。！？]$", item):
        return None
    words = len(re.findall(r"\w+", item))
    return item.casefold() if 0 < words <= 4 else None
