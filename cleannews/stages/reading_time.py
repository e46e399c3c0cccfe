"""Reading-time lines: "Reading Time: 2 minutes", "5 min read", "Lesezeit: 3 Minuten".

Many sites print an estimated reading time above the article; it is never part
of the story. Only a line that holds nothing but the estimate is removed.

>>> from cleannews import clean
>>> clean("Reading Time:2 minutes\\nThe council met on Monday.\\n")
'The council met on Monday.\\n'
>>> clean("It takes 5 minutes to read the report, officials said.\\n")
'It takes 5 minutes to read the report, officials said.\\n'
"""

from __future__ import annotations

from typing import ClassVar

from cleannews.stages.base import LinePatternStage

_NUM = r"(?:\d{1,3}(?:[.,]\d)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|<\s*\d+)"
_MIN = (
    r"(?:minutes?|mins?\.?|m\b|minuten|minute|minutos?|minuti|минут[аы]?|мин\.?|хвилин[иа]?"
    r"|dakika|minuter|minutter|minuuttia?|분|分钟|分鐘|分)"
)
_SEP = r"\s*(?:[:：\-–—|·]\s*)?"
_LABEL = (
    r"(?:estimated\s+)?(?:reading\s+time|read\s+time|time\s+to\s+read|lesezeit|lesedauer"
    r"|temps\s+de\s+lecture|durée\s+de\s+lecture|tiempo\s+(?:de|estimado\s+de)\s+lectura"
    r"|tempo\s+(?:de|di)\s+leitura|tempo\s+di\s+lettura|leestijd|время\s+(?:на\s+)?чтени[яе]"
    r"|час\s+читання|okuma\s+süresi|czas\s+czytania|lästid|lesetid|lukuaika"
    r"|阅读时间|閱讀時間|阅读时长|読了時間|読むのにかかる時間|읽는\s*시간|예상\s*읽기\s*시간)"
)
_READ = (
    r"(?:read|reading|lesen|lecture|lectura|leitura|lettura|чтения|чтение"
    r"|de\s+lecture|de\s+leitura|de\s+lectura|di\s+lettura|阅读|閱讀|で読めます|읽기)"
)
_ABOUT = r"(?:an?\s+|ca\.?\s*|about\s+|approx\.?\s*|environ\s+|около\s+|约\s*|大约\s*|約|およそ)?"
_ICON = r"(?:[⏱⌚🕐🕑🕒🕓🕔🕕🕖🕗🕘🕙🕚🕛⏲]\ufe0f?\s*)?"


class ReadingTimeStage(LinePatternStage):
    """Estimated reading-time lines: "Reading Time: 2 minutes", "5 min read", "Lesezeit: 3 Min."."""

    name = "reading_time"
    rules: ClassVar[dict[str, str]] = {
        "reading_time": "an estimated reading time, not part of the story",
    }
    # A line of prose may start with a digit or "a", "Re", "Le" as the rules
    # do; three characters turn most of it away (see PrefixGate).
    prefix_gated = True
    patterns: ClassVar[dict[str, str]] = {
        "reading_time": (
            # "Reading Time: 2 minutes", "Lesezeit: ca. 3 Min.", "阅读时间 3 分钟"
            rf"{_ICON}{_LABEL}{_SEP}{_ABOUT}{_NUM}(?:\s*[-–]\s*{_NUM})?\s*{_MIN}"
            # "5 min read", "3 minutes de lecture", "2 минуты чтения", "3 Minuten Lesezeit"
            rf"|{_ICON}{_ABOUT}{_NUM}(?:\s*[-–]\s*{_NUM})?[\s-]*{_MIN}\.?[\s-]*(?:{_READ}|{_LABEL})"
        ),
    }
