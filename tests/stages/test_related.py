"""The related stage: read-more leads, the headlines they open, and what it must keep."""

from __future__ import annotations

import doctest
import random
from collections.abc import Callable

import pytest

from cleannews.document import Document
from cleannews.stages import related as related_module
from cleannews.stages.context import (
    ends_sentence,
    ends_with_period,
    has_words,
    is_headline_like,
    is_paragraph,
    paragraph_follows,
    strip_bullet,
    word_count,
)

Removed = Callable[[str], list[tuple[str, str]]]

HARBOUR = (
    "The harbour authority reopened the northern quay on Monday after a week of repairs.\n"
    "Dock workers said the new cranes move containers twice as fast as the old ones.\n"
)
TAIL = "The authority expects traffic to return to normal levels before the end of the month.\n"


@pytest.mark.parametrize(
    "lead",
    [
        "READ MORE: Storm closes the coast road for a second night",
        "Related: Ferry operators warn of delays into the weekend",
        "Related: Ferry fares to rise in January, operator says",
        # teasers printed as sentences, clauses and a full stop
        "Read more: Harbour fees to double next year, council warns.",
        "Mehr zum Thema: Fischer protestieren, Hafen blockiert.",
        "Lire aussi : Le port rouvre, les pêcheurs soulagés.",
        "Read more: 'we are not giving up', striking dockers tell the council",
        "Lesen Sie auch: Neue Brücke über die Elbe kostet mehr als geplant",
        "À lire aussi : La grève des dockers touche trois ports",
        "Lee también: El puerto de Valencia amplía su terminal",
        "Leia também: Porto de Santos bate recorde de cargas",
        "Leggi anche: Il porto di Genova riapre la diga",
        "Lees ook: Rotterdam krijgt nieuwe containerterminal",
        "Читайте также: В порту Мурманска открыли новый причал",
        "(Leggi anche su: Trieste, il porto che cresce)",
        "**SEE MORE: Cranes arrive from Shanghai after six weeks at sea**",
        "On example-news.com: Port traffic up 8% in October",
    ],
)
def test_lead_with_headline_goes_article_stays(related: Removed, lead: str) -> None:
    text = HARBOUR + lead + "\n" + TAIL
    assert related(text) == [("lead_with_title", lead)]


def test_lone_lead_and_its_headlines_at_the_end(related: Removed) -> None:
    block = [
        "You may also like...",
        "Five things to know about the new port tax",
        "Why shipping rates are falling again?",
        "Crane operators win pay rise [VIDEO]",
    ]
    text = HARBOUR + TAIL + "\n".join(block) + "\n"
    assert related(text) == [
        ("lead_line", block[0]),
        ("linked_headline", block[1]),
        ("linked_headline", block[2]),
        ("linked_headline", block[3]),
    ]


@pytest.mark.parametrize(
    "lead",
    [
        "Most read",
        "DON'T MISS",
        "Meistgelesen",
        "Sur le même sujet",
        "Noticias relacionadas",
        "Mais lidas",
        "Articoli correlati",
        "Meest gelezen",
        "Похожие новости",
        "More from Sportsdesk",
    ],
)
def test_lone_lead_in_mid_article_takes_its_block_and_stops_at_the_text(
    related: Removed, lead: str
) -> None:
    headlines = ["Storm warning for the north coast", "Rail strike called off at last minute"]
    text = HARBOUR + lead + "\n" + "\n".join(headlines) + "\n" + TAIL
    assert [line for _, line in related(text)] == [lead, *headlines]
    assert TAIL.strip() not in [line for _, line in related(text)]


def test_bulleted_block_keeps_one_style(related: Removed) -> None:
    text = (
        "Related stories\n"
        "- Port tax explained\n"
        "- Dockers vote to strike\n"
        "Harbour reopens after repairs\n" + HARBOUR
    )
    # The unbulleted line after the list is the article's own headline.
    assert [line for _, line in related(text)] == [
        "Related stories",
        "- Port tax explained",
        "- Dockers vote to strike",
    ]


def test_headline_above_the_first_paragraph_is_kept(related: Removed) -> None:
    text = "Trending\nTax row deepens\nHarbour reopens after repairs\n" + HARBOUR
    assert [line for _, line in related(text)] == ["Trending", "Tax row deepens"]


@pytest.mark.parametrize(
    "text",
    [
        # sentences that mention reading more or related matters
        HARBOUR + "Read more about the plan on page 4, the mayor said.\n" + TAIL,
        HARBOUR + "More than 200 people attended the reopening.\n" + TAIL,
        HARBOUR + "Related costs rose by a third, the audit found.\n" + TAIL,
        HARBOUR + "Lesen Sie auch den Bericht des Rechnungshofs, sagte der Bürgermeister.\n",
        # after the lead's words, a sentence in lower case runs on: a headline starts
        # with a capital (or a digit, a quote, a script without case)
        HARBOUR + "Read more: that was the slogan on the first poster, and it stuck.\n" + TAIL,
        HARBOUR + "Recommended for you: a berth at the north quay, the harbour master said.\n",
        HARBOUR + "À lire aussi : le rapport du port, qui sera publié lundi.\n" + TAIL,
        HARBOUR + "Lee también: el informe del puerto, que se publica el lunes.\n" + TAIL,
        # a list in the article, opened by the article's own sentence
        HARBOUR + "The new berths are:\n- North quay\n- East basin\n" + TAIL,
        # a lone lead with a single line in mid-article may be a label over a subheading
        HARBOUR + "Leggi anche\nIl porto di Genova riapre la diga\n" + TAIL,
        HARBOUR + "Related\n" + TAIL,
        # a paragraph hard-wrapped at a fixed width: "more in ..." is not a lead
        "The council said the repairs would cost\nmore in the future.\n",
    ],
)
def test_near_misses_are_kept(related: Removed, text: str) -> None:
    assert related(text) == []


def test_block_does_not_swallow_hard_wrapped_text(related: Removed) -> None:
    wrapped = (
        "The harbour authority reopened the northern quay on Monday after a week\n"
        "of repairs, and dock workers said the new cranes move containers twice as\n"
        "fast as the old ones, which had been in service since the late seventies\n"
        "and broke down often. The authority expects traffic to return to normal\n"
        "levels before the end of the month, its spokeswoman told reporters here.\n"
        "Officials would not say how much the work had cost the city in the end\n"
        "or who would pay for it. The repairs were planned in the spring but had\n"
        "to wait for the cranes, which arrived late from the factory in Shanghai\n"
    )
    text = wrapped + "\nMost popular\n\nPort tax explained\nDockers vote to strike\n"
    lost = [line for _, line in related(text)]
    assert lost == ["Most popular", "Port tax explained", "Dockers vote to strike"]


def test_docstring_examples() -> None:
    assert doctest.testmod(related_module).failed == 0


def test_one_word_kickers_over_linked_headlines_go_with_the_block(related: Removed) -> None:
    block = ["Most read in business", "EXCLUSIVE", "Port boss quits after audit", "Warning"]
    block += ["Storm season to start early, forecasters say"]
    text = HARBOUR + TAIL + "\n".join(block) + "\n"
    assert [line for _, line in related(text)] == block


def test_a_long_headline_in_capitals_between_paragraphs_is_a_link(related: Removed) -> None:
    shouted = "DOCKERS AT RIVAL PORT THREATEN STRIKE OVER NEW CRANES AND NIGHT SHIFTS"
    assert related(HARBOUR + shouted + "\n" + TAIL) == [("shouted_headline", shouted)]
    # An article's own subheading in capitals is short; it stays.
    assert related(HARBOUR + "WHO PAYS FOR THE REPAIRS?\n" + TAIL) == []
    # So does a long one that closes the article: no paragraph after it.
    assert related(HARBOUR + shouted + "\n") == []


def test_site_named_lead_needs_no_separator(related: Removed) -> None:
    line = "Also on example-news.com Ferry company doubles winter sailings"
    assert related(HARBOUR + line + "\n" + TAIL) == [("lead_with_title", line)]


def test_a_lead_naming_another_site_takes_its_one_headline(related: Removed) -> None:
    text = HARBOUR + "Also on example-news.com\nFerry company doubles winter sailings\n" + TAIL
    assert [rule for rule, _ in related(text)] == ["lead_line", "linked_headline"]


def test_cards_of_links_that_end_the_text(related: Removed) -> None:
    card = "-\nPort tax explained\nWhat the new levy means for shippers\n"
    lost = related(HARBOUR + TAIL + card * 3)
    assert {rule for rule, _ in lost} == {"link_cards"}
    assert len(lost) == 9
    # Two cards are not enough; a list in the article has its text on the bullet.
    assert related(HARBOUR + TAIL + card * 2) == []
    assert related(HARBOUR + "- North quay\n- East basin\n- West basin\n") == []


# The stage only tries lines that start with a lead's word, shouted headlines
# only on lines with few small letters, and link cards from the end up: these
# cases sit at those gates.
def test_leads_in_capitals_and_other_scripts_at_the_very_start_and_end(related: Removed) -> None:
    first = "ЧИТАЙТЕ ТАКЖЕ: В порту открыли новый причал"
    last = "MEHR ZUM THEMA: Die Fähre fährt wieder"
    assert related(first + "\n" + HARBOUR + TAIL + last) == [
        ("lead_with_title", first),
        ("lead_with_title", last),
    ]


def test_a_lead_and_its_block_in_crlf_text(related: Removed) -> None:
    block = [
        "__You may also like__",
        "Cranes arrive from Shanghai",
        "Ferry company doubles sailings",
    ]
    text = (HARBOUR + TAIL).replace("\n", "\r\n") + "\r\n".join(block) + "\r\n"
    assert [line for _, line in related(text)] == block


def test_a_korean_lead_after_other_words(related: Removed) -> None:
    lead = "KBS 주요 뉴스"
    text = HARBOUR + TAIL + lead + "\n부산항 새 크레인 도착\n인천 여객선 증편\n"
    assert related(text)[0] == ("lead_line", lead)


@pytest.mark.parametrize(
    "shouted",
    [
        "ДОКЕРЫ СОСЕДНЕГО ПОРТА ГРОЗЯТ ЗАБАСТОВКОЙ ИЗ-ЗА НОВЫХ КРАНОВ И НОЧНЫХ СМЕН",
        # A few small letters among the capitals still make a shouted headline.
        "McDONALD'S TO OPEN DRIVE-THRU AT THE PORT AS DOCKERS DEMAND LATE MEALS",
        "PORT OPENS 24 HOURS AS STRIKE ENDS AND SHIPS QUEUE OFF THE COAST...",
    ],
)
def test_shouted_headlines_the_gate_must_let_through(related: Removed, shouted: str) -> None:
    assert related(HARBOUR + shouted + "\n" + TAIL) == [("shouted_headline", shouted)]


def test_link_cards_followed_by_blank_lines_in_crlf_text(related: Removed) -> None:
    card = "•\r\nPort tax explained\r\nWhat the new levy means\r\n"
    lost = related((HARBOUR + TAIL).replace("\n", "\r\n") + card * 3 + "\r\n\r\n")
    assert len(lost) == 9
    # Three lines under a bullet (headline, teaser, date) are a card; four are not,
    # and the cards above a line that is no card are not looked at.
    dated = "-\nPort tax explained\nWhat it means\n12 March 2024\n"
    assert len(related(HARBOUR + TAIL + dated * 3)) == 12
    long_card = "-\nPort tax explained\nWhat it means\nFor whom\nAnd when\n"
    assert related(HARBOUR + TAIL + card.replace("\r", "") * 3 + long_card) == []


@pytest.mark.parametrize("width", [None, 64, 72, 80, 100])
def test_wrap_width_is_the_context_modules_answer(width: int | None) -> None:
    from cleannews.document import Document
    from cleannews.stages.context import wrap_width

    words = ("port crane ship quay dock harbour tide ferry " * 40).split()
    lines: list[str] = []
    line = ""
    for word in words:
        if width is not None and len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    lines += ["Short line", "x" * 45 + "  ", "   " + "y" * 41]
    doc = Document("\n".join(lines) + "\n")
    assert related_module._wrap_width(doc.lines) == wrap_width(doc)


def test_wrap_width_matches_the_context_module_on_random_line_lengths() -> None:
    import random

    from cleannews.document import Document
    from cleannews.stages.context import wrap_width

    rnd = random.Random(3)
    for _ in range(300):
        sizes = [
            rnd.choice([rnd.randint(0, 130), rnd.randint(58, 82)])
            for _ in range(rnd.randint(0, 40))
        ]
        lines = [" " * rnd.randint(0, 2) + "w" * size + " " * rnd.randint(0, 2) for size in sizes]
        doc = Document("\n".join(lines) + "\n")
        assert related_module._wrap_width(doc.lines) == wrap_width(doc), sizes
        stripped = [line.strip() for line in doc.lines]
        assert related_module._wrap_width(doc.lines, stripped) == wrap_width(doc), sizes


def test_word_counts_that_stop_early_agree_with_word_count() -> None:
    rnd = random.Random(5)
    pieces = [
        "port",
        "A",
        "_",
        "x_y",
        "12",
        "é",
        "ß",
        "Москва",
        "東京",
        "\u0301",
        " ",
        "  ",
        ",",
        ".",
        "-",
        "…",
        "\t",
        "’",
        "!",
        "?",
        "\u00a0",
        "\u2003",
        "٣",
        "ǅ",
    ]
    texts = ["", " ", "one", " one two ", "a.b,c", "_", "..."]
    texts += ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 60))) for _ in range(400)]
    for text in texts:
        count = word_count(text)
        for wanted in (1, 2, 9, 12, 20, 21, 31, 36):
            assert has_words(text, wanted) == (count >= wanted), (text, wanted)


def test_paragraph_and_headline_checks_agree_with_a_full_word_count() -> None:
    rnd = random.Random(9)
    words = [
        "The",
        "port",
        "reopened",
        "on",
        "Monday",
        "-",
        "•",
        "1.",
        "…",
        "said.",
        "news:",
        "STORM",
        "ships,",
        "\u00a0",
        "Ferry",
        "delays!",
        "“Quote.”",
        "end.",
    ]
    lines = ["", "  ", "- Storm closes road", "Storm closes the coast road."]
    lines += [" ".join(rnd.choice(words) for _ in range(rnd.randint(0, 40))) for _ in range(600)]

    # The definitions by a full word count, which has_words stands in for.
    def paragraph(line: str, min_words: int = 12) -> bool:
        return word_count(line.strip()) >= min_words and ends_sentence(line.strip())

    def headline_like(line: str) -> bool:
        text = strip_bullet(line)
        if not 2 <= word_count(text) <= 20 or ends_with_period(text):
            return False
        return not text.endswith((":", ";", ","))

    for line in lines:
        assert is_headline_like(line) == headline_like(line), line
        assert is_paragraph(line) == paragraph(line), line
        assert is_paragraph(line, min_words=20) == paragraph(line, 20), line
    doc = Document("".join(line + "\n" for line in lines))
    doc.removed[5:40] = b"\x01" * 35
    for index in range(0, len(doc.lines), 7):
        rest = range(index + 1, len(doc.lines))
        follows = any(not doc.removed[i] and paragraph(doc.lines[i]) for i in rest)
        assert paragraph_follows(doc, index) == follows
