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
