"""The markup stage: lines of stray HTML or markdown go; text that quotes code stays."""

from __future__ import annotations

import pytest
from stagetools import run_stage

import cleannews
from cleannews.stages import markup as markup_module

RESIDUE = [
    ("html_tags", "</span>"),
    ("html_tags", "</div></div>"),
    ("html_tags", '<span id="page-end"></span>'),
    ("html_tags", "<br/>"),
    ("html_tags", '<span class="marker">&#65279;</span>'),
    ("tag_fragment", "<img"),
    ("tag_fragment", '<source type="image/avif"'),
    ("tag_fragment", 'width="640" height="360">'),
    ("tag_fragment", 'srcset="/media/harbour-640.jpg 640w, /media/harbour-1280.jpg 1280w"'),
    ("tag_fragment", 'loading="lazy" />'),
    ("escaped_tag", '&lt;span data-kind="anchor" style="display: none;"&gt;&lt;/span&gt;'),
    ("escaped_tag", "&amp;lt;div class=&quot;wrap&quot;&amp;gt;"),
    ("markdown_image", "![](data:image/gif;base64,R0lGODlhAQABAAAAACw=)"),
    ("markdown_image", "![The new ferry terminal](https://example.org/img/ferry.jpg)"),
    ("markdown_image", "[![](https://example.org/t.png)](https://example.org/gallery)"),
    ("empty_link", "[][7]"),
    ("empty_link", "[](https://example.org/share)"),
    (
        "shortcode",
        '[button link="https://example.org/send" size="big"] Send us your photos[/button]',
    ),
    ("shortcode", '[caption id="attachment_12" align="alignnone" width="300"]'),
    ("shortcode", "[/caption]"),
]


@pytest.mark.parametrize(("rule", "line"), RESIDUE)
def test_a_line_of_markup_residue_is_removed(rule: str, line: str) -> None:
    result = run_stage("markup", f"The ferry left at noon.\n{line}\nIt arrived at six.\n")
    assert result.text == "The ferry left at noon.\nIt arrived at six.\n"
    assert [(r.rule, r.start_line) for r in result.removals] == [(rule, 2)]


ARTICLE_LINES = [
    "Type <br> where the line should break, the tutorial says.",
    "<p>Hello, world</p>",
    "The <blink> tag was dropped by browsers years ago.",
    "Der Befehl <code>git push</code> lädt die Änderungen hoch.",
    "La balise <img> doit toujours avoir un attribut alt, rappelle le guide.",
    'Width="50" was the value the court found in the disputed file.',
    "[Updated] The council has since reversed its decision.",
    "[1] Figures from the 2021 census.",
    "[Read the full report](https://example.org/report) before the vote.",
    "Новый тег <main> поддерживают все браузеры.",
]


@pytest.mark.parametrize("line", ARTICLE_LINES)
def test_article_lines_that_quote_markup_stay(line: str) -> None:
    assert run_stage("markup", f"{line}\n").removals == ()


def test_tags_in_a_text_with_a_code_block_are_the_code() -> None:
    text = (
        "To centre the banner, wrap it like this:\n"
        "```\n"
        '<div class="banner">\n'
        "</div>\n"
        "```\n"
        "![](https://example.org/diagram.png)\n"
    )
    result = run_stage("markup", text)
    # The code stays whole; the image line is no code and still goes.
    assert [r.rule for r in result.removals] == ["markdown_image"]
    assert "</div>\n" in result.text


def test_an_image_tag_broken_over_lines_goes_whole() -> None:
    text = (
        "Rain closed the coast road on Friday.\n"
        "<img\n"
        'src="https://example.org/road.jpg"\n'
        'alt="" width="50">\n'
        "Crews expect to reopen it by Monday.\n"
    )
    assert cleannews.clean(text) == (
        "Rain closed the coast road on Friday.\nCrews expect to reopen it by Monday.\n"
    )


@pytest.mark.parametrize(
    ("rule", "line"),
    [
        ("hashtags", "#HarbourFestival #summer #food"),
        ("hashtags", "#Verkehr #Berlin"),
        ("hashtags", "#holidays #fall]"),
        ("empty_link", "][12]"),
        ("empty_link", "](https://example.org/story)"),
    ],
)
def test_hashtag_lines_and_link_ends_go(rule: str, line: str) -> None:
    result = run_stage("markup", f"The ferry left at noon.\n{line}\nIt arrived at six.\n")
    assert [(r.rule, r.start_line) for r in result.removals] == [(rule, 2)]


@pytest.mark.parametrize(
    "line",
    [
        "#MeToo",
        "# The ferry timetable",
        "## Was sich ändert",
        "The campaign used #CleanHarbour and #NoPlastic to reach young voters.",
        "#1 in the charts for six weeks",
    ],
)
def test_headings_and_sentences_with_hashtags_stay(line: str) -> None:
    assert run_stage("markup", f"{line}\n").removals == ()


def test_has_fence_agrees_with_the_multiline_pattern() -> None:
    import random
    import re

    pattern = re.compile(r"^[^\S\n]*```", re.MULTILINE)
    pieces = ["`", "```", " ", "\xa0", "\u2003", "\t", "\n", "x", "\u200b", "é", "\x0c"]
    samples = ["", "```", "  ```py", "a```", "a ```\n```", "x```y```\n \xa0```", "\n\n``", "``\n`"]
    generator = random.Random(4)
    samples += ["".join(generator.choices(pieces, k=generator.randint(0, 12))) for _ in range(3000)]
    for text in samples:
        assert markup_module.has_fence(text) == (pattern.search(text) is not None), repr(text)


def test_tags_in_capitals_with_crlf_and_no_final_line_break_go() -> None:
    text = (
        'The dam held.\r\n<SPAN CLASS="DOT"></SPAN>\r\n&LT;DIV CLASS="x"&GT;\r\n![](DATA:IMAGE/GIF)'
    )
    result = run_stage("markup", text)
    assert result.text == "The dam held.\r\n"
    assert [r.rule for r in result.removals] == ["html_tags", "escaped_tag", "markdown_image"]


def test_a_subclass_with_rules_of_its_own_is_not_gated_by_the_markup_characters() -> None:
    from typing import ClassVar

    from cleannews.document import Document
    from cleannews.stages.markup import MarkupStage

    class Dots(MarkupStage):
        rules: ClassVar[dict[str, str]] = {"dots": "a line of dots"}
        patterns: ClassVar[dict[str, str]] = {"dots": r"\.{3,}"}

    doc = Document("Text.\n.....\n")
    assert [r.rule for r in Dots().find(doc)] == ["dots"]
