"""The widgets stage: comment, like and rating widgets and cookie notices; what it keeps."""

from __future__ import annotations

import doctest
from collections.abc import Callable

import pytest

from cleannews.stages import widgets as widgets_module

Removed = Callable[[str], list[tuple[str, str]]]

STORY = (
    "Snow closed the mountain pass for the third time this winter, the road agency said.\n"
    "Drivers were told to use the valley road, which adds an hour to the journey.\n"
)


LABELS = [
    ("Comments", "comments"),
    ("12 Comments", "comments"),
    ("### Comments", "comments"),
    ("Kommentare (3)", "comments"),
    ("Commentaires", "comments"),
    ("Comentarios", "comments"),
    ("Комментарии", "comments"),
    ("View comments", "comments"),
    ("Leave a reply", "comments"),
    ("Comments are closed.", "comments"),
    ("You must be logged in to post a comment.", "comments"),
    ("Tell us what you think in the form below", "comments"),
    ("Posted in Travel | Permalink | 4 Comments", "comments"),
    ("Lascia un commento", "comments"),
    ("Like this:", "likes"),
    ("Like Loading...", "likes"),
    ("Was this article helpful?", "likes"),
    ("Rate this article", "likes"),
    (
        "This website uses cookies to improve your experience. We'll assume you're ok "
        "with this, but you can opt-out if you wish. Accept",
        "consent",
    ),
    ("We use cookies to personalise content and ads.", "consent"),
    ("Diese Website verwendet Cookies, um Ihnen ein besseres Erlebnis zu bieten.", "consent"),
    ("Ce site utilise des cookies pour améliorer votre expérience.", "consent"),
    ("Este sitio web utiliza cookies propias y de terceros.", "consent"),
    ("Deze website maakt gebruik van cookies.", "consent"),
    ("Этот сайт использует файлы cookie", "consent"),
    ("Cookie settings", "consent"),
    ("Accept all cookies", "consent"),
    ("Privacy Overview", "consent"),
    ("Jane Doe commented on", "comments"),
    ("- Kommentar schreiben", "comments"),
    ("1.2k likes", "likes"),
]


@pytest.mark.parametrize(("line", "rule"), LABELS)
def test_widget_label_goes(widgets: Removed, line: str, rule: str) -> None:
    assert widgets(STORY + line + "\n" + STORY) == [(rule, line)]


@pytest.mark.parametrize(
    "line",
    [
        "The minister declined to comment.",
        "Comments from drivers poured in after the agency's post.",
        "Readers left more than 400 comments under the video.",
        "I like this road better in summer, one driver said.",
        "Cookies and hot tea were handed out at the barrier.",
        "The agency's website uses cookies, a privacy group complained in March.",
        '"Leave a reply on the form and we will call you back," the agency said.',
        # a banner's words, reported as speech without quotation marks
        "We use cookies to improve your visit, the agency's new banner says, and that is enough.",
        "Wir verwenden Cookies, heißt es auf der Seite, sagte die Datenschützerin.",
    ],
)
def test_article_sentences_stay(widgets: Removed, line: str) -> None:
    assert widgets(STORY + line + "\n" + STORY) == []


def test_an_article_about_cookie_banners_keeps_its_examples(widgets: Removed) -> None:
    article = (
        "The data regulator fined three retailers for cookie banners that hid the reject "
        "button, it said on Thursday.\n"
        "Under the rules, a site must ask before it stores cookies that track visitors, and "
        "saying no must be as easy as saying yes.\n"
        "We use cookies to personalise content and ads.\n"
        "That line, shown on most shopping sites, is not enough on its own, the regulator said.\n"
    )
    assert widgets(article) == []


def test_docstring_examples() -> None:
    assert doctest.testmod(widgets_module).failed == 0


def test_a_thread_of_reader_comments_goes(widgets: Removed) -> None:
    thread = [
        "skier_77 says:",
        "November 19, 2019 at 8:45 am",
        "They should have closed it a day earlier.",
        "Reply",
        "alpenblick says:",
        "2 days ago at 07:52 am",
        "Same every year, nobody learns.",
        "Rating: 12 Votes",
    ]
    text = STORY + "\n".join(thread) + "\n"
    assert [line for _, line in widgets(text)] == thread
    assert {rule for rule, _ in widgets(text)} == {"comment_thread"}


def test_a_thread_of_names_and_comments_alone_goes(widgets: Removed) -> None:
    # No dates, votes or reply buttons: "Name says:" lines are how threads
    # print; a vox pop printed the same way goes with them (README, Accuracy).
    thread = [
        "Anna Berg says:",
        "Great article, thanks for covering this.",
        "Tom Hale says:",
        "I disagree, the fees are fair.",
        "Mark Dunne says:",
    ]
    text = STORY + "12 comments\n" + "\n".join(thread) + "\n"
    assert [line for _, line in widgets(text)] == ["12 comments", *thread]


def test_a_quote_introduced_with_says_is_not_a_thread(widgets: Removed) -> None:
    text = (
        STORY
        + "The agency's winter guide says:\n"
        + "Carry chains and a shovel, and check the forecast before you leave.\n"
        + STORY
    )
    assert widgets(text) == []


# Lines a comment's furniture may be written as: other cases, other spaces
# around it, other languages, a Cyrillic narrow o (U+1C82) that IGNORECASE
# takes for "о", a line break as CRLF.
META_LINES = [
    "  SKIER_77 SAYS:  ",
    "\u2003jdoe écrit:",
    "4 HOURS AGO",
    "\xa0\xa012 weeks ago\t",
    "Nov. 3, 2021 at 9:05 PM",
    "RATING: -2 VOTES",
    "\u3000REPLY\u3000",
    "Antworten",
    "RÉPONDRE",
    "Responder",
    "rispondi",
    "ОТВЕТИТЬ",
    "\u1c82тветить",
    "٣ days ago",
]


@pytest.mark.parametrize("line", META_LINES)
def test_every_form_of_comment_furniture_is_a_candidate(line: str) -> None:
    from cleannews.document import Document

    meta = widgets_module._comment_meta()
    assert meta.fullmatch(line.strip()), line  # the example is furniture
    for text in (f"Intro.\n{line}\nMore.\n", f"Intro.\r\n{line}\r\nMore.", line):
        doc = Document(text)
        index = doc.lines.index(line)
        assert index in widgets_module.meta_candidates(doc)


def test_a_thread_in_capitals_with_crlf_goes(widgets: Removed) -> None:
    thread = ["SKIER_77 SAYS:", "3 DAYS AGO", "Closed again.", "REPLY", "ОТВЕТИТЬ"]
    text = STORY.replace("\n", "\r\n") + "\r\n".join(thread)
    assert [line for _, line in widgets(text)] == thread


def test_every_widget_label_is_a_candidate_in_any_case_and_indentation() -> None:
    from cleannews.document import Document
    from cleannews.stages.widgets import WidgetsStage

    matcher = WidgetsStage.line_matcher()
    lines = [
        variant
        for line, _ in LABELS
        for variant in (line, line.upper(), line.lower(), f"\u2003\u200b{line}  ", f"* {line}")
        if matcher.fullmatch(variant)
    ]
    assert len(lines) > 4 * len(LABELS)
    lines += ["JANE DOE cOmMeNtEd ON", "\u00a0x y commented   on\u2026 "]
    assert matcher.fullmatch(lines[-1])
    doc = Document("\r\n".join(lines))
    assert widgets_module.widget_candidates(doc) == list(range(len(lines)))


def test_paragraphs_about_cookies_in_capitals_keep_a_notice(widgets: Removed) -> None:
    article = (
        "THE REGULATOR FINED THREE RETAILERS FOR COOKIE BANNERS THAT HID THE REJECT BUTTON.\r\n"
        "Under the rules a site must ask before it stores Cookies that track its visitors.\r\n"
        "We use cookies to personalise content and ads.\r\n"
    )
    assert widgets(article) == []
    # One paragraph about cookies is not enough: the notice goes.
    one = article.split("\r\n", 1)[1]
    assert widgets(one) == [("consent", "We use cookies to personalise content and ads.")]


def test_what_may_follow_commented_on_is_stripped() -> None:
    import re
    import sys

    from cleannews.stages.base import SPACE

    space = re.compile(SPACE)
    spaces = {chr(c) for c in range(sys.maxunicode + 1) if space.fullmatch(chr(c))}
    assert spaces <= set(widgets_module._TRAILING)
    assert set(widgets_module._CLOSE[1:-2].replace("\\", "")) <= set(widgets_module._TRAILING)
    assert not {"n", "N"} & set(widgets_module._TRAILING)


@pytest.mark.parametrize(
    "line", ["Ann commented on", "Ann commented ON**\u200b\ufeff", "- Ann   Commented  On:…\u3000"]
)
def test_commented_on_goes_whatever_follows(widgets: Removed, line: str) -> None:
    assert widgets(STORY + line + "\n" + STORY) == [("comments", line)]


def test_commented_on_lines_are_those_ending_so() -> None:
    from cleannews.document import Document

    text = "station\r\nAnn COMMENTED\u00a0oN\u2026**\u3000\r\nAnn commentedon\r\nreaction on\r\nx"
    assert widgets_module.commented_on_lines(Document(text)) == [1]
