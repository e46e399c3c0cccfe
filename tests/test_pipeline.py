"""The engine: documents keep their bytes, the pipeline keeps removals consistent."""

from __future__ import annotations

import pickle
import sys
import threading
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


@pytest.fixture
def frequent_thread_switches() -> Iterator[None]:
    """Threads take turns every microsecond, so that a race shows in a short test."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    yield
    sys.setswitchinterval(before)


@pytest.mark.usefixtures("frequent_thread_switches")
def test_a_pipeline_shared_by_threads_cleans_each_text_as_alone() -> None:
    # Stages work some things out once per text (does it show code? talk about
    # cookies?): a pipeline shared by threads must not mix one text's answer
    # into another's. Here tags are code in one text and residue in the other.
    tags = '<div class="map">\n</div>\n' * 500
    texts = [
        "Embed the harbour map like this:\n\n```\n" + tags + "```\n",
        "The council met on Monday.\n" + tags,
        # A text that talks about cookies keeps its consent line; a notice goes.
        "Cookies are small files a website leaves on a reader's computer.\n\n"
        "The regulator says cookie banners confuse readers.\n\n"
        "We use cookies to improve your experience.\n" * 40,
        "The mayor spoke.\nWe use cookies to improve your experience.\nThe end.\n" * 40,
    ]
    pipeline = Pipeline()
    expected = [pipeline.run(text).text for text in texts]
    assert expected[0] == texts[0]
    assert expected[1] != texts[1]
    wrong: list[int] = []

    def clean(offset: int) -> None:
        for turn in range(24):
            which = (offset + turn) % len(texts)
            if pipeline.run(texts[which]).text != expected[which]:
                wrong.append(which)

    threads = [threading.Thread(target=clean, args=(offset,)) for offset in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert wrong == []


def test_a_pipeline_with_user_rules_pickles_and_its_copy_cleans_in_another_thread() -> None:
    rules = [{"id": "tip_line", "stage": "house", "phrases": ["Got a story? Email us"]}]
    pipeline = Pipeline(Options.from_kwargs(rules=rules, captions_min_chars=40))
    copy = pickle.loads(pickle.dumps(pipeline))
    text = "Got a story? Email us\nThe dam held.\n"
    cleaned: list[str] = []
    thread = threading.Thread(target=lambda: cleaned.append(copy.run(text).text))
    thread.start()
    thread.join()
    assert cleaned == [copy.run(text).text] == ["The dam held.\n"]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"skipp": ["ads"]}, "unknown option 'skipp'"),
        ({"single_pass": "no"}, "single_pass must be True or False, got 'no'"),
        ({"rule_timeout": "0.5"}, "rule_timeout must be a number of seconds, got '0.5'"),
        ({"rule_timeout": None}, "rule_timeout must be a number of seconds, got None"),
        ({"rule_timeout": 0}, "rule_timeout must be more than 0 seconds, got 0"),
        ({"rule_timeout": -1}, "rule_timeout must be more than 0 seconds, got -1"),
        ({"settings": 40}, "settings must be a mapping of stage names to settings, got 40"),
        ({"settings": {"captions": 40}}, "settings['captions'] must be a mapping"),
        ({"site": 3}, "site must be a site profile name, got 3"),
        ({"skip": 5}, "skip must be a list of stage names, got 5"),
        ({"enable": [None]}, "enable must be a list of stage names, got [None]"),
        ({"stages": ["ads", 2]}, "stages must be a list of stage names, got ['ads', 2]"),
        ({"profiles": {"gazette": {}}}, "profiles must map names to Profile objects"),
        ({"site_paths": ["crawl/*"]}, "site_paths must be a list of (glob, profile name) pairs"),
        ({"url": 3}, "url must be text, got 3"),
    ],
)
def test_an_option_of_the_wrong_name_or_type_is_a_clear_error(
    options: dict[str, object], message: str
) -> None:
    text = "Advertisement\nThe dam held.\n"
    with pytest.raises((TypeError, ValueError)) as caught:
        cleannews.clean(text, **options)  # type: ignore[arg-type]
    assert message in str(caught.value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (b"Advertisement\n", "text must be str, got bytes: decode it first"),
        (None, "text must be str, got NoneType"),
        (["Advertisement\n"], "text must be str, got list"),
    ],
)
def test_text_that_is_not_a_str_is_a_clear_error(text: object, message: str) -> None:
    # Bytes read from a file gave "a bytes-like object is required, not 'str'",
    # which says the opposite of what is wrong.
    with pytest.raises(TypeError, match=message):
        cleannews.clean(text)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=message):
        Pipeline().run(text)  # type: ignore[arg-type]
