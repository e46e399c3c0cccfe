"""The captions stage: a block printed twice is kept once; deliberate repeats stay."""

from __future__ import annotations

import pytest
from stagetools import run_stage

from cleannews import Options, Pipeline
from cleannews.stages.captions import comparison_key, key_length

CAPTION = "A stacker crane stands idle beside the Terminal 3 berth on Tuesday."


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (CAPTION, CAPTION),
        (f"{CAPTION} Photo: AFP", CAPTION),
        (CAPTION, f"{CAPTION} Photo: AFP"),
        (f"{CAPTION} File photo: Reuters", f"{CAPTION} File photo: Reuters"),
        (f"{CAPTION} (Photo by Jane Doe/Getty Images)", CAPTION),
        (f"{CAPTION} (AFP)", CAPTION),
        (f"{CAPTION} / AP", CAPTION),
        (f"{CAPTION} © Lena Brandt", CAPTION),
        (f"{CAPTION} Photo: AFP", f"{CAPTION} (Reuters)"),
        (CAPTION, CAPTION.upper()),
        (CAPTION, "  " + CAPTION.replace(" ", "  ") + "  "),
        (CAPTION, CAPTION.rstrip(".")),
        (CAPTION, CAPTION.replace(" on ", "\u00a0on ")),
        (
            "Radfahrer auf der Bahnhofstraße, wo im Frühjahr gebaut wird. Foto: Jens Albrecht",
            "Radfahrer auf der Bahnhofstraße, wo im Frühjahr gebaut wird.",
        ),
        (
            "Des saisonniers ramassent du pinot noir à Pommard. Photo : Claire Dumas",
            "Des saisonniers ramassent du pinot noir à Pommard.",
        ),
        (
            "Первые автомобили проезжают по мосту в пятницу. Фото: Ирина Соколова",
            "Первые автомобили проезжают по мосту в пятницу.",
        ),
        (
            "昨年の大会で港の上空に打ち上げられた尺玉（海辺市提供）",
            "昨年の大会で港の上空に打ち上げられた尺玉",
        ),
        (
            "市民在新开通的地铁三号线车站排队，准备乘坐首班列车。（新华社记者 王强 摄）",
            "市民在新开通的地铁三号线车站排队，准备乘坐首班列车。",
        ),
    ],
)
def test_the_second_copy_goes(first: str, second: str) -> None:
    text = f"Body before.\n{first}\n{second}\nBody after.\n"
    result = run_stage("captions", text)
    assert result.text == f"Body before.\n{first}\nBody after.\n"
    assert [(r.rule, r.start_line) for r in result.removals] == [("repeated_line", 3)]


def test_three_copies_keep_one() -> None:
    text = f"{CAPTION} Photo: AFP\n{CAPTION}\n{CAPTION}\nBody.\n"
    result = run_stage("captions", text)
    assert result.text == f"{CAPTION} Photo: AFP\nBody.\n"
    assert [r.start_line for r in result.removals] == [2, 3]


def test_blank_lines_between_copies_do_not_hide_a_repeat() -> None:
    result = run_stage("captions", f"{CAPTION}\n\n{CAPTION}\n")
    assert [r.start_line for r in result.removals] == [3]


def test_a_copy_behind_a_removed_line_is_still_a_repeat() -> None:
    # The ads stage runs first; the captions stage skips what it removed.
    text = f"{CAPTION}\nAdvertisement\n{CAPTION} Photo: AFP\nBody.\n"
    result = Pipeline(Options(stages=["ads", "captions"])).run(text)
    assert result.text == f"{CAPTION}\nBody.\n"
    assert [r.key for r in result.removals] == ["ads.ad_marker", "captions.repeated_line"]


def test_a_copy_behind_a_kept_line_is_not_a_repeat() -> None:
    text = f"{CAPTION}\nThe strike entered its second day.\n{CAPTION}\n"
    assert run_stage("captions", text).removals == ()


@pytest.mark.parametrize(
    "lines",
    [
        ["* * *", "* * *"],
        ["***", "***"],
        ["—", "—"],
        ["Yes", "Yes"],
        ["12", "12"],
        ["Total", "Total"],
        ["2,1 Mio. Euro", "2,1 Mio. Euro"],
        ["Ja, ja, ja!", "Ja, ja, ja!"],
        ["Photo: AFP", "Photo: AFP"],
        ["港口", "港口"],
    ],
)
def test_short_lines_repeat_on_purpose(lines: list[str]) -> None:
    text = "Intro.\n" + "\n".join(lines) + "\nOutro.\n"
    assert run_stage("captions", text).removals == ()


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # Paragraphs that start alike but say different things
        (
            "In the final years of his long life he painted a picture by the lake.",
            "In the final years of his long life he painted a picture by the sea.",
        ),
        (
            "He said the harbour had never looked so empty, pointing at the gap",
            "He said the harbour had never looked so empty, pointing at the g",
        ),
        (
            "Officials met near the old fish market on the eastern bank, the PA",
            "Officials met near the old fish market on the eastern bank, the",
        ),
        (
            "The minister said the port would reopen on Monday at the earliest.",
            "The minister said the port would reopen on Tuesday at the earliest.",
        ),
        (f"{CAPTION} (in 2019)", CAPTION),
    ],
)
def test_different_paragraphs_stay(first: str, second: str) -> None:
    assert run_stage("captions", f"{first}\n{second}\n").removals == ()


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # a line of verse repeated in a song or poem: a line ending with a comma runs
        # on into the next, which no caption or paragraph printed twice does
        (
            "We shall not be moved, not by the harbour board,",
            "We shall not be moved, not by the harbour board,",
        ),
        ("Do not forget the men who sailed at dawn,", "Do not forget the men who sailed at dawn."),
        ("Wir bleiben hier, wir bleiben am Hafen,", "Wir bleiben hier, wir bleiben am Hafen"),
        ("Nous chanterons le port de nos pères,", "Nous chanterons le port de nos pères,"),
    ],
)
def test_a_repeated_line_of_verse_stays(first: str, second: str) -> None:
    text = f"The dockers sang as they marched:\n\n{first}\n{second}\nAnd the tide came in.\n"
    assert run_stage("captions", text).removals == ()


def test_min_chars_is_a_setting() -> None:
    text = "The ferry left at noon.\nThe ferry left at noon.\n"
    assert Pipeline().run(text).removals == ()  # 19 letters: under the default 30
    short = Pipeline(Options(settings={"captions": {"min_chars": 10}})).run(text)
    assert short.text == "The ferry left at noon.\n"


def test_the_comparison_key_drops_credits_and_punctuation() -> None:
    assert comparison_key("A crane, idle. Photo: AFP") == comparison_key("a crane idle")
    assert comparison_key("Photo: AFP") == "photoafp"  # a credit alone keeps its words


def test_wide_characters_count_double() -> None:
    assert key_length("abc") == 3
    assert key_length("港口恢复") == 8


# Far copies: a caption printed again a few paragraphs on (a gallery, a lightbox).

PARAGRAPHS = [
    "The harbour board met on Thursday to discuss the winter timetable.",
    "Ferry operators have asked for an extra sailing on Sunday evenings.",
    "A decision is expected before the end of the month, officials said.",
    "Local traders say the current schedule keeps visitors away in January.",
]


def _article(*blocks: str) -> str:
    return "".join(block + "\n\n" for block in blocks)


def _far_removals(text: str) -> list[tuple[str, int]]:
    return [(r.rule, r.start_line) for r in Pipeline().run(text).removals if r.stage == "captions"]


@pytest.mark.parametrize(
    ("first", "copy"),
    [
        (f"{CAPTION} Photo: AFP", CAPTION),  # the copy drops the credit
        (CAPTION, f"{CAPTION} Photo: AFP"),  # the copy adds it
        (f"{CAPTION} (Reuters)", f"{CAPTION} (Reuters)"),  # word for word
        (
            "Ein Kran hebt Container am Kai des Nordhafens an. Foto: Jens Albrecht",
            "Ein Kran hebt Container am Kai des Nordhafens an.",
        ),
        (
            "Les vendangeurs ramassent le raisin à l'aube près de Beaune. Photo : Claire Dumas",
            "Les vendangeurs ramassent le raisin à l'aube près de Beaune.",
        ),
        (
            "Первый трамвай проходит по новому мосту через реку. Фото: Ирина Соколова",
            "Первый трамвай проходит по новому мосту через реку.",
        ),
        (
            "花火大会で港の上空に打ち上げられた大きな尺玉（海辺市提供）",
            "花火大会で港の上空に打ち上げられた大きな尺玉",
        ),
        (
            "市民在新开通的地铁站排队等候首班列车。（新华社记者 王强 摄）",
            "市民在新开通的地铁站排队等候首班列车。",
        ),
    ],
)
def test_a_credited_caption_printed_again_further_on_goes(first: str, copy: str) -> None:
    text = _article(first, *PARAGRAPHS, copy, "The last paragraph.")
    result = Pipeline().run(text)
    assert result.text == _article(first, *PARAGRAPHS, "The last paragraph.")
    assert _far_removals(text) == [("repeated_caption", 11)]


def test_a_gallery_printed_twice_keeps_one_copy_of_each() -> None:
    # Captions A, B, C, then the same three again: no copy is next to its original.
    gallery = [
        f"{CAPTION} Photo: AFP",
        "Dock workers gather at the gate before the morning shift. Photo: AFP",
        "A container ship waits for a pilot outside the breakwater. Photo: AFP",
    ]
    text = _article(PARAGRAPHS[0], *gallery, PARAGRAPHS[1], *gallery, PARAGRAPHS[2])
    clean = Pipeline().run(text).text
    assert clean == _article(PARAGRAPHS[0], *gallery, PARAGRAPHS[1], PARAGRAPHS[2])
    assert Pipeline().run(clean).text == clean


def test_a_gallery_and_its_uncredited_copies_interleaved() -> None:
    # A, B, A', B': once A' goes, B' stands right after B and is a plain repeat.
    a = f"{CAPTION} Photo: AFP"
    b = "Dock workers gather at the gate before the morning shift, as talks go on."
    text = _article(a, b, CAPTION, b, PARAGRAPHS[0])
    result = Pipeline().run(text)
    assert result.text == _article(a, b, PARAGRAPHS[0])
    assert [r.rule for r in result.removals if r.stage == "captions"] == [
        "repeated_caption",
        "repeated_line",
    ]
    assert Pipeline().run(result.text).text == result.text


def _filler(count: int) -> list[str]:
    return [f"Paragraph {i} of the council report on the harbour works." for i in range(count)]


def test_the_look_back_counts_kept_lines_only() -> None:
    # 59 paragraphs between (60 kept lines apart): the copy goes, however many
    # blank and removed lines lie between too.
    between = [line + "\n\nAdvertisement" for line in _filler(59)]
    text = _article(f"{CAPTION} Photo: AFP", *between, CAPTION)
    assert _far_removals(text) == [("repeated_caption", len(text.splitlines()) - 1)]
    # One paragraph more, and the copy is too far to be taken for one.
    text = _article(f"{CAPTION} Photo: AFP", *_filler(60), CAPTION)
    assert _far_removals(text) == []


def test_copies_removed_between_do_not_count_towards_the_look_back() -> None:
    # Between the caption and its copy: another caption, 58 paragraphs and
    # three copies of the other caption. The copies go, so the caption's copy
    # is 60 kept lines away and goes too; cleaning again finds nothing more.
    other = "A container ship waits for a pilot outside the breakwater. Photo: AFP"
    between = _filler(58)
    for index in (10, 20, 30):
        between[index] += "\n" + other
    text = _article(f"{CAPTION} Photo: AFP", other, *between, CAPTION)
    clean = Pipeline().run(text).text
    assert clean.count(other) == 1
    assert clean.count(CAPTION) == 1
    assert Pipeline().run(clean).text == clean
    # One paragraph more and the copy stays, the first time and the second.
    text = _article(f"{CAPTION} Photo: AFP", other, *between, "One more paragraph.", CAPTION)
    clean = Pipeline().run(text).text
    assert clean.count(CAPTION) == 2
    assert Pipeline().run(clean).text == clean


@pytest.mark.parametrize(
    ("first", "later"),
    [
        # A sentence of prose repeated on purpose, no credit anywhere
        (
            "The harbour will never close again, the mayor promised the crowd.",
            "The harbour will never close again, the mayor promised the crowd.",
        ),
        (
            "Die Fähre fährt ab Montag wieder stündlich zwischen beiden Inseln.",
            "Die Fähre fährt ab Montag wieder stündlich zwischen beiden Inseln.",
        ),
        # A refrain, a pull quote attributed to a person, a table cell, a separator
        (
            "We shall rebuild the pier, stone by stone!",
            "We shall rebuild the pier, stone by stone!",
        ),
        (
            "« Nous reconstruirons le port, pierre par pierre. » — Maria Keller",
            "« Nous reconstruirons le port, pierre par pierre. » — Maria Keller",
        ),
        ("Total", "Total"),
        ("* * *", "* * *"),
        ("Photo: AFP", "Photo: AFP"),
        # A credit-like word that is not a credit
        (
            "The minister answered questions about the source of the funds.",
            "The minister answered questions about the source of the funds.",
        ),
        # A different caption that opens the same way
        (
            f"{CAPTION} Photo: AFP",
            "A stacker crane stands idle beside the Terminal 4 berth on Friday.",
        ),
        # A caption's text that the article goes on to tell at length
        (
            f"{CAPTION} Photo: AFP",
            f"{CAPTION} "
            + "Dock workers stopped work at dawn and the union said talks had failed. " * 4,
        ),
    ],
)
def test_far_repeats_that_are_not_caption_copies_stay(first: str, later: str) -> None:
    text = _article(first, *PARAGRAPHS, later)
    assert _far_removals(text) == []


def test_a_long_paragraph_that_a_credited_caption_quoted_stays() -> None:
    paragraph = "Dock workers stopped work at dawn and the union said talks had failed. " * 5
    text = _article(paragraph.strip() + " Photo: AFP", *PARAGRAPHS, paragraph.strip())
    assert len(paragraph) > 300
    assert _far_removals(text) == []


def test_work_grows_with_the_text_not_its_square_when_an_article_repeats(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A file of many copies of one article (a feed saved again and again) holds
    # many copies of each caption; each copy must be held against the few lines
    # like it within reach, not against every copy above it.
    from cleannews.stages import captions

    article = (
        "Harbour cranes stand idle during the strike. Photo: Jan Berg, Reuters\n"
        "The dockers' union said the strike would last until Friday at the earliest.\n"
        "Harbour cranes stand idle during the strike.\n"
        "Ships queued outside the port as talks with the operators broke down again.\n\n"
    )
    calls = 0
    literal_copy = captions._literal_copy

    def counted(a: str, b: str) -> bool:
        nonlocal calls
        calls += 1
        return literal_copy(a, b)

    monkeypatch.setattr(captions, "_literal_copy", counted)
    comparisons, removed = [], []
    for copies in (200, 400):
        calls = 0
        removed.append(len(run_stage("captions", article * copies).removals))
        comparisons.append(calls)
    assert removed[1] > 1.9 * removed[0] > 0
    assert comparisons[0] > 0
    assert comparisons[1] < 2.5 * comparisons[0]
