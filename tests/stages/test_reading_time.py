"""The reading_time stage: estimates of reading time go; sentences about reading stay."""

from __future__ import annotations

import pytest
from stagetools import run_stage

READING_TIMES = [
    # the forms issue 2 lists
    "Reading Time: 2 minutes",
    "Reading Time:2 minutes",
    "5 min read",
    "Lesezeit: 3 Minuten",
    "Tempo de leitura: 1 minuto",
    "Temps de lecture : 4 min",
    "Tiempo de lectura: 3 minutos",
    "Время чтения: 2 минуты",
    "阅读时间 3 分钟",
    # and their kin
    "READING TIME: 7 MINUTES",
    "Estimated reading time: 6 minutes",
    "Read time: 4 mins",
    "1 minute read",
    "12-min read",
    "3–4 min read",
    "A 10-minute read",
    "⏱ 5 min read",
    "Lesezeit: ca. 5 Min.",
    "Lesedauer: 2 Minuten",
    "4 Minuten Lesezeit",
    "3 min de lecture",
    "Durée de lecture : environ 6 minutes",
    "2 minutos de lectura",
    "Tempo di lettura: 2 minuti",
    "Leestijd: 4 minuten",
    "Время на чтение: 5 минут",
    "4 минуты чтения",
    "Okuma süresi: 3 dakika",
    "阅读时间：约3分钟",
    "约 3 分钟阅读",
    "閱讀時間 5 分鐘",
    "読了時間：約2分",
    "읽는 시간 3분",
    "3분 읽기",
]


@pytest.mark.parametrize("line", READING_TIMES)
def test_a_reading_time_line_is_removed(line: str) -> None:
    result = run_stage("reading_time", f"{line}\nThe council met on Monday.\n")
    assert result.text == "The council met on Monday.\n"
    assert [(r.rule, r.start_line) for r in result.removals] == [("reading_time", 1)]


ARTICLE_SENTENCES = [
    "It takes 5 minutes to read the report, officials said.",
    "Reading time for pupils has doubled since 2019.",
    "The reading time of the court ruling was 40 minutes.",
    "Reading Time: the new library opens its doors",
    "She read for 20 minutes every night.",
    "5 minutes",
    "2 min",
    "Die Lesezeit der Schüler hat sich verdoppelt.",
    "Le temps de lecture moyen a baissé de 3 minutes.",
    "El tiempo de lectura de los alumnos aumentó.",
    "Время чтения книг у подростков сократилось.",
    "学生每天的阅读时间为30分钟左右，比去年增加了5分钟。",
    "読書時間は１日平均２０分だった。",
]


@pytest.mark.parametrize("sentence", ARTICLE_SENTENCES)
def test_article_text_about_reading_stays(sentence: str) -> None:
    assert run_stage("reading_time", f"{sentence}\n").removals == ()


def test_only_the_line_goes_not_its_neighbours() -> None:
    text = "Headline\r\nReading Time: 3 minutes\r\nBody text.\r\n"
    result = run_stage("reading_time", text)
    assert result.text == "Headline\r\nBody text.\r\n"
    assert result.removals[0].text == "Reading Time: 3 minutes\r\n"
