"""The whitespace stage closes the gaps removals leave, and touches nothing else."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stagetools import run_stage

from cleannews import Options, Pipeline, apply_removals
from cleannews.document import Document


def ads_then_tidy(text: str) -> str:
    result = Pipeline(Options(stages=["ads"])).run(text)  # whitespace always comes along
    assert apply_removals(text, result.removals) == result.text
    return result.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a marker between paragraphs: one gap, not two
        ("One.\n\nAdvertisement\n\nTwo.\n", "One.\n\nTwo.\n"),
        ("One.\r\n\r\nAdvertisement\r\n\r\nTwo.\r\n", "One.\r\n\r\nTwo.\r\n"),
        ("One.\r\rAdvertisement\r\rTwo.\r", "One.\r\rTwo.\r"),
        # no blank lines around it: none appear
        ("One.\nAdvertisement\nTwo.\n", "One.\nTwo.\n"),
        # several markers and blanks in one gap
        ("One.\n\nAdvertisement\n\n\nAnzeige\n\nTwo.\n", "One.\n\n\nTwo.\n"),
        # the author's widest run in the gap is kept
        ("One.\n\n\nAdvertisement\n\nTwo.\n", "One.\n\n\nTwo.\n"),
        # residue first: the text starts at its first kept line
        ("Advertisement\n\nHeadline\n\nBody.\n", "Headline\n\nBody.\n"),
        ("\n\nAdvertisement\n\nHeadline\n", "Headline\n"),
        ("\nHeadline\n", "\nHeadline\n"),  # no removal, no change
        # residue last: no trailing blank lines are left behind
        ("Body.\n\nAdvertisement\n", "Body.\n"),
        ("Body.\n\nAdvertisement\n\n", "Body.\n"),
        # a text that ended without a line break still does
        ("Body.\n\nAdvertisement", "Body."),
        ("Body.\r\n\r\nAdvertisement", "Body."),
        ("Body.\nAdvertisement\nAnzeige", "Body."),
        # nothing but residue
        ("\nAdvertisement\n\nAnzeige\n\n", ""),
        ("Advertisement", ""),
        # blank lines holding spaces: the kept one keeps its bytes
        ("One.\n  \nAdvertisement\n\t\nTwo.\n", "One.\n  \nTwo.\n"),
    ],
)
def test_gaps_left_by_removals_are_closed(text: str, expected: str) -> None:
    assert ads_then_tidy(text) == expected


def test_spacing_away_from_removals_is_the_authors() -> None:
    text = "Title\n\n\n\nIntro.\n \n\nBody.\n\nAdvertisement\n\nEnd.\n\n\n"
    assert ads_then_tidy(text) == "Title\n\n\n\nIntro.\n \n\nBody.\n\nEnd.\n\n\n"


def test_without_removals_it_removes_nothing() -> None:
    text = "\n\n\nTitle\n\n\n\nBody.\n\n\n"
    assert run_stage("whitespace", text).removals == ()


def test_closing_a_final_gap_is_explained() -> None:
    result = Pipeline(Options(stages=["ads"])).run("Body.\n\nAdvertisement")
    assert [(r.key, r.text, r.partial) for r in result.removals] == [
        ("whitespace.final_newline", "\n", True),
        ("whitespace.blank_gap", "\n", False),
        ("ads.ad_marker", "Advertisement", False),
    ]


def _expected_gap_blanks(doc: Document) -> set[int]:
    """The blank lines the docstring's rule removes, worked out gap by gap."""
    count = len(doc)
    kept_text = [i for i in range(count) if not doc.removed[i] and not doc.blank[i]]
    bounds = [-1, *kept_text, count]
    expected: set[int] = set()
    for before, after in pairwise(bounds):
        gap = range(before + 1, after)
        if not any(doc.removed[i] for i in gap):
            continue
        widest = run = 0
        for i in gap:
            run = run + 1 if doc.blank[i] else 0
            widest = max(widest, run)
        keep = 0 if before < 0 or after == count else widest
        expected.update([i for i in gap if not doc.removed[i]][keep:])
    return expected


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Advertisement", "Body text.", "", " ", "\t", "Anzeige"]), max_size=20
    )
)
def test_the_gaps_closed_are_those_the_rule_describes(lines: list[str]) -> None:
    from cleannews.stages.ads import AdsStage
    from cleannews.stages.whitespace import WhitespaceStage

    doc = Document("\n".join(lines) + "\n")
    for removal in AdsStage().find(doc):
        doc.mark(removal)
    expected = _expected_gap_blanks(doc)
    closed: set[int] = set()
    for removal in WhitespaceStage().find(doc):
        assert removal.rule == "blank_gap"
        closed.update(range(removal.start_line - 1, removal.end_line))
    assert closed == expected
