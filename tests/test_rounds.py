"""Cleaning in rounds: the text left is cleaned again until nothing more goes.

A stage judges a line by what is around it; a line that a later stage removes
can bring another into its view (contact lines moved into an article's last
lines once a run of repeated lines under them goes). These tests pin that the
rounds settle, that their removals point into the text as it came in, and that
``single_pass`` and first-round-only stages behave as documented.
"""

from __future__ import annotations

import random
from bisect import bisect_right

import pytest

from cleannews import Options, Pipeline, clean, clean_and_explain
from cleannews.document import Document, Removal, apply_removals, lift_removals

# A contact line and its copy, then a paragraph printed six times (each with an
# ad marker glued on) and another twice: only once the copies go are the
# contact lines among the article's last lines, where author_box looks.
REPEATS = 6
ARTICLE = (
    "Advertisement\n@harbour_desk\n@harbour_desk\n"
    + "AdvertisementThe ferry resumed its crossings on Monday morning.\n" * REPEATS
    + "The council voted on Tuesday to close the old terminal by 2027.\n" * 2
)
SETTLED = (
    "@harbour_desk\n"
    "The ferry resumed its crossings on Monday morning.\n"
    "The council voted on Tuesday to close the old terminal by 2027.\n"
)


def test_the_text_left_is_cleaned_until_nothing_more_goes() -> None:
    assert clean(ARTICLE) == SETTLED
    assert clean(SETTLED) == SETTLED


def test_later_rounds_point_into_the_text_as_it_came_in() -> None:
    result = clean_and_explain(ARTICLE)
    assert apply_removals(ARTICLE, result.removals) == result.text == SETTLED
    contact = [r for r in result.removals if r.stage == "author_box"]
    # The second round's removal, on line 3 of the input (line 2 of the text it cleaned).
    assert [(r.start_line, r.text) for r in contact] == [(3, "@harbour_desk\n")]
    starts = [r.start for r in result.removals]
    assert starts == sorted(starts)


def test_single_pass_cleans_once() -> None:
    once = clean(ARTICLE, single_pass=True)
    assert once == "@harbour_desk\n" + SETTLED
    assert clean(once, single_pass=True) == SETTLED


def test_a_title_stage_has_its_say_in_the_first_round_only() -> None:
    # Under the title, a standfirst that reads as a title too: it stays, though
    # the second round (there is one whenever the first removed something)
    # would take it if the headline stage ran there.
    text = (
        "Harbour strike ends after two weeks\n"
        "Dock workers return to the quays\n"
        "Dock workers returned to the quays on Monday, ending the strike.\n"
        "Shipping lines said the backlog would clear by Friday.\n"
    )
    assert clean(text, enable=["headline"]) == text.split("\n", 1)[1]


def _segments(rng: random.Random, text: str) -> list[Removal]:
    """Random non-overlapping removals of ``text``: whole lines and parts of lines."""
    doc = Document(text)
    removals = []
    index = 0
    while index < len(doc.lines):
        choice = rng.random()
        if choice < 0.25:
            last = min(len(doc.lines) - 1, index + rng.randint(0, 2))
            removals.append(doc.remove_lines("s", "whole", "r", index, last))
            index = last + 1
            continue
        line = doc.lines[index]
        if choice < 0.5 and len(line) > 4:
            start = rng.randint(0, len(line) - 2)
            end = rng.randint(start + 1, len(line))
            removals.append(doc.remove_span("s", "part", "r", index, start, end))
        index += 1
    return removals


@pytest.mark.parametrize("seed", range(40))
def test_lifted_removals_cut_out_what_both_rounds_cut(seed: int) -> None:
    rng = random.Random(seed)
    ending = rng.choice(["\n", "\r\n", "\r"])
    words = ["Harbour", "strike", "ends", "Прибой", "港口", "\u00e9t\u00e9", " ", "  "]
    lines = ["".join(rng.choice(words) for _ in range(rng.randint(0, 6))) for _ in range(12)]
    text = ("\ufeff" if seed % 5 == 0 else "") + ending.join(lines) + rng.choice([ending, ""])
    earlier = _segments(rng, text)
    left = apply_removals(text, earlier)
    later = _segments(rng, left) if left else []
    lifted = lift_removals(Document(text), earlier, later)
    both = sorted([*earlier, *lifted], key=lambda r: r.start)
    # No overlap, each removal's text is the input's, and replaying both gives
    # what the second round gave.
    assert apply_removals(text, both) == apply_removals(left, later)
    starts = Document(text).starts
    for removal in lifted:
        assert text[removal.start : removal.end] == removal.text != ""
        assert removal.start_line == bisect_right(starts, removal.start)
        assert removal.end_line == bisect_right(starts, removal.end - 1)
        if not removal.partial:
            # A whole-line removal starts at a line start and ends after a line ending
            # (or at the end of the text).
            assert removal.start in (0, 1) or text[removal.start - 1] in "\r\n"
            assert removal.end == len(text) or text[removal.end - 1] in "\r\n"


def test_options_single_pass_reaches_the_pipeline() -> None:
    assert Pipeline(Options(single_pass=True)).run(ARTICLE).text == "@harbour_desk\n" + SETTLED
    assert Pipeline(Options()).run(ARTICLE).text == SETTLED
