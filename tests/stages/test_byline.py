"""Bylines and time stamps go when the optional stage is on; sentences stay."""

from __future__ import annotations

import pytest

import cleannews
from cleannews.registry import default_names

BODY = "The river rose two metres overnight.\n"


def _clean(text: str) -> str:
    return cleannews.clean(text, enable=["byline"])


def test_off_by_default() -> None:
    assert "byline" not in default_names()
    assert cleannews.clean("By Nora Lind\n" + BODY) == "By Nora Lind\n" + BODY


@pytest.mark.parametrize(
    "line",
    [
        "By Nora Lind",
        "By",
        "By Nora Lind and Pavel Novak",
        "* By REUTERS",
        "By Ana de la Cruz, Associated Press",
        "Von Anna Schmidt",
        "Par Jean Martin",
        "Updated: 18 Nov 2019 9:38 pm",
        "Published 10:02 AM EST Nov 19, 2019",
        "First Published: Tuesday, November 19, 2019 08:38 AM",
        "Aktualisiert am 3. März 2020, 14:05 Uhr",
        "Publié le 12 mars 2020 à 18h30",
        "Actualizado: 12/03/2020 14:05",
        "20 November 2019",
        "3 hours ago",
        "5:45 AM PST 11/19/2019 by Nora Lind",
    ],
)
def test_bylines_and_stamps_go(line: str) -> None:
    assert _clean(line + "\n" + BODY) == BODY


@pytest.mark.parametrize(
    "line",
    [
        "By noon the river had risen two metres.",
        "By most accounts, the dam held.",
        "By The Numbers",
        "By 2030 the city wants to plant a million trees",
        "Updated rules for anglers take effect on Monday",
        "(Published Monday, Nov. 18, 2019)",
        "2019",
        "2019 American Music Awards",
        "1 tsp cinnamon",
        "Von der Brücke aus sah man das Hochwasser.",
    ],
)
def test_near_misses_stay(line: str) -> None:
    text = line + "\n" + BODY
    assert _clean(text) == text


def test_times_inside_the_story_stay() -> None:
    entries = "".join(f"Entry {n} of the live blog about the storm.\n" for n in range(10))
    text = "By Nora Lind\n" + entries + "4:14 p.m.\n" + entries.replace("Entry", "Update")
    assert _clean(text) == text[len("By Nora Lind\n") :]


def test_a_span_of_dates_stays() -> None:
    text = "29 November 2018 | 20 January 2019\n" + BODY
    assert _clean(text) == text


def test_the_entry_times_of_a_short_live_blog_stay() -> None:
    # A live blog heads its entries with bare times; short, all of it is near the
    # edges, where a page's time stamp stands. Two or more bare times there are
    # the entries', and stay; the byline still goes.
    text = (
        "By Nora Lind\n"
        "10:02\nFerries from the north pier are cancelled until 2pm.\n"
        "10:15\nWinds of 120km/h were recorded at the lighthouse.\n"
        "11:34 a.m.\nThe council has closed 14 schools.\n"
        "11:50\nThe red warning stays in force until midnight.\n"
    )
    assert _clean(text) == text[len("By Nora Lind\n") :]


def test_one_bare_time_at_the_head_is_a_stamp() -> None:
    assert _clean("10:02\n" + BODY + "Roads were closed.\n") == BODY + "Roads were closed.\n"
