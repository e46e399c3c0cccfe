"""The engine: documents keep their bytes, the pipeline keeps removals consistent."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

import pytest

import cleannews
from cleannews import Options, Pipeline, apply_removals
from cleannews.document import Document, Removal, split_lines
from cleannews.stages.base import Stage


@pytest.mark.parametrize(
    ("text", "lines", "ends"),
    [
        ("", [], []),
        ("a", ["a"], [""]),
        ("a\n", ["a"], ["\n"]),
        ("a\r\nb\rc\n", ["a", "b", "c"], ["\r\n", "\r", "\n"]),
        ("a\n\nb", ["a", "", "b"], ["\n", "\n", ""]),
        # form feed and U+2028 are not line breaks here
        ("a\x0cb\u2028c\n", ["a\x0cb\u2028c"], ["\n"]),
    ],
)
def test_split_lines_keeps_every_byte(text: str, lines: list[str], ends: list[str]) -> None:
    assert split_lines(text) == (lines, ends)
    assert "".join(line + end for line, end in zip(lines, ends, strict=True)) == text


def test_mark_refuses_overlaps_and_a_whole_line_replaces_its_cuts() -> None:
    doc = Document("AdvertisementThe port reopened.\nNext line.\n")
    cut = doc.remove_span("ads", "ad_glued", "why", 0, 0, len("Advertisement"))
    assert doc.mark(cut)
    assert doc.visible(0) == "The port reopened."
    assert not doc.mark(cut)  # the same part twice
    line = doc.remove_lines("captions", "repeated_line", "why", 0, 0)
    assert doc.mark(line)
    assert not doc.is_cut(0)
    assert not doc.mark(line)  # the same line twice
    assert not doc.mark(doc.remove_span("x", "y", "why", 0, 0, 3))


class _Greedy(Stage):
    """Proposes the whole first line, whatever happened to it before."""

    name = "greedy"
    rules: ClassVar[dict[str, str]] = {"first_line": "the first line"}

    def find(self, doc: Document) -> Iterator[Removal]:
        yield self.remove_lines(doc, "first_line", 0)
        yield self.remove_lines(doc, "first_line", 0)


def test_a_stage_proposing_what_is_gone_cannot_break_replay() -> None:
    # One round: in more, this stage would take each new first line in turn.
    pipeline = Pipeline(Options(stages=["ads"], single_pass=True))
    ads, whitespace = pipeline.stages
    pipeline.stages = [ads, _Greedy(), whitespace]
    text = "AdvertisementThe port reopened.\nShips queued.\n"
    result = pipeline.run(text)
    assert result.text == "Ships queued.\n"
    assert [r.key for r in result.removals] == ["greedy.first_line"]
    assert apply_removals(text, result.removals) == result.text


def test_a_copy_hidden_behind_a_glued_marker_is_a_repeat() -> None:
    caption = "Ferry passengers wait on the quay as the storm delays the crossing."
    text = f"{caption}\nAdvertisement{caption}\n"
    result = cleannews.clean_and_explain(text)
    assert result.text == f"{caption}\n"
    assert [r.key for r in result.removals] == ["captions.repeated_line"]


def test_a_line_that_is_residue_once_a_marker_is_cut_goes_whole() -> None:
    result = cleannews.clean_and_explain("The port reopened.\nAdvertisementLoading...\n")
    assert result.text == "The port reopened.\n"
    assert [r.key for r in result.removals] == ["chrome.placeholder"]


def test_line_numbers_start_where_asked() -> None:
    result = Pipeline().run("Body.\nAdvertisement\n", first_line=41)
    assert [(r.start_line, r.end_line) for r in result.removals] == [(42, 42)]


def test_apply_removals_rejects_what_does_not_fit() -> None:
    doc = Document("one\ntwo\n")
    first = doc.remove_lines("s", "r", "why", 0, 0)
    with pytest.raises(ValueError, match="overlapping"):
        apply_removals(doc.text, [first, first])
    with pytest.raises(ValueError, match="does not match"):
        apply_removals("ONE\ntwo\n", [first])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\ufeffAdvertisement\nBody.\n", "\ufeffBody.\n"),
        ("\ufeffAdvertisement\n\nBody.\n", "\ufeffBody.\n"),
        ("\ufeffBody.\nAdvertisement", "\ufeffBody."),
    ],
)
def test_a_byte_order_mark_stays_when_the_first_line_goes(text: str, expected: str) -> None:
    result = cleannews.clean_and_explain(text)
    assert result.text == expected
    assert apply_removals(text, result.removals) == expected


def test_a_pattern_running_across_a_line_break_judges_each_line_alone() -> None:
    # "Sponsored\s+content" could match across the break; neither line is the
    # phrase, but "Sponsored" alone is a marker and "content" is a word.
    result = Pipeline(Options(stages=["ads"], skip=["whitespace"])).run("Sponsored\ncontent\n")
    assert result.text == "content\n"
    assert [(r.rule, r.start_line) for r in result.removals] == [("ad_marker", 1)]


def test_visible_shows_a_line_after_its_cuts() -> None:
    doc = Document("AdvertisementThe port reopened.Advertisement\n")
    line = doc.lines[0]
    assert doc.mark(doc.remove_span("ads", "ad_glued", "why", 0, 0, 13))
    assert doc.mark(doc.remove_span("ads", "ad_glued", "why", 0, len(line) - 13, len(line)))
    assert doc.visible(0) == "The port reopened."
    assert doc.cut_lines() == [0]
