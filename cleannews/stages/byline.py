"""Bylines and datelines (optional): "By Jane Doe", "Updated: 18 Nov 2019 9:38 pm".

Off by default: many users keep who wrote an article and when. Enable it with
``--enable byline``. A line goes only when all of it is a byline ("By" and a
list of names, perhaps with a role or agency) or a time stamp (a "Published" or
"Updated" label with a date, a date alone, "3 hours ago"). A sentence that
starts with "By" ("By noon the river had risen") has no list of names and stays.
Stamps are looked for in the first and last lines only; two or more bare times
of day there ("10:15") head the entries of a short live blog and stay.

>>> from cleannews import clean
>>> text = "By Jane Doe and Jo Lee\\nUpdated: 18 Nov 2019 9:38 pm\\nThe river rose.\\n"
>>> clean(text, enable=["byline"])
'The river rose.\\n'
>>> clean("By noon the river had risen two metres.\\n", enable=["byline"])
'By noon the river had risen two metres.\\n'
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from cleannews import regexcache
from cleannews.document import Document, Removal
from cleannews.stages.base import EDGE_LINES, LinePatternStage, head_lines, tail_lines

_NAME = r"(?:[A-ZÀ-ÖØ-ÞА-Я][\w'’.-]*|(?:de|da|di|del|van|von|der|la|le|al|el|bin)(?=\s))"
# "By The Numbers", "By This Time" are headings or sentences, not bylines.
_NOT_A_NAME = (
    r"(?!(?i:the|a|an|this|that|these|those|der|die|das|le|la|les|el|los|las|il|lo|gli|os|as)\b)"
)
# Names joined as bylines join them: "Jane Doe, Jo Lee and Ana de la Cruz".
_NAMES = (
    rf"{_NOT_A_NAME}{_NAME}(?:[^\S\n]+{_NAME}){{0,4}}"
    rf"(?:(?:[^\S\n]*,[^\S\n]*|[^\S\n]+(?:and|und|et|y|e|i|&)[^\S\n]+){_NAME}(?:[^\S\n]+{_NAME}){{0,4}}){{0,4}}"
)
_BY = r"(?:by|von|par|por|di|door|av|от|written\s+by|text|texto|testo)"
# What may follow the names: ", Associated Press", " | Reuters", ", Staff Writer".
_AFFILIATION = r"(?:[^\S\n]*[,|/–—-][^\S\n]*[A-ZÀ-ÖØ-Þ][\w'’.&-]*(?:[^\S\n]+[\w'’.&-]+){0,5})?"

_MONTH = (
    r"(?:jan(?:uary|uar|vier)?|feb(?:ruary|ruar)?|févr(?:ier)?|mar(?:ch)?|märz|mars|apr(?:il)?|avr(?:il)?"
    r"|may|mai|jun(?:e|i)?|juin|jul(?:y|i)?|juil(?:let)?|aug(?:ust)?|août|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?|dez(?:ember)?|déc(?:embre)?"
    r"|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre"
    r"|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre"
    r"|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro)\.?"
)
_WEEKDAY = (
    r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
    r"|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag"
    r"|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
    r"|lunes|martes|miércoles|jueves|viernes|sábado|domingo"
)
_DATE_PART = (
    rf"(?:\d{{1,2}}h\d\d|\d{{1,4}}(?:[:./-]\d{{1,4}}){{0,2}}(?:(?i:st|nd|rd|th|h)|\.)?"
    rf"|(?i:{_MONTH}|{_WEEKDAY})"
    r"|(?i:[ap]\.?m\.?|gmt|utc|at|on|am|um|le|à|a\s+las|alle|às|de|del|the|of|uhr)|[A-Z]{2,4})(?!\w)"
)
# A date or time: "18 Nov 2019 9:38 pm", "Nov. 19, 2019", "12/03/2020 14:05".
_DATE = (
    rf"{_DATE_PART}(?:(?:[^\S\n]*[,|·•][^\S\n]*|[^\S\n]+(?:[-–—][^\S\n]+)?){_DATE_PART}){{0,11}}"
)
# A stamp must name a month with a number, or hold a time or a full numeric
# date: "2019" alone is a heading. (Checked apart: as a look-ahead inside the
# pattern it made every line cost a scan per month name.)
_DATE_EVIDENCE = regexcache.compile(
    rf"\d[:h]\d\d|\d[/.-]\d{{1,2}}[/.-]\d|(?<!\w)(?i:{_MONTH})(?!\w)"
)
_YEAR = regexcache.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# A time of day alone on its line: "10:15", "4:14 p.m.", "18h30", "11:50 GMT".
_BARE_TIME = regexcache.compile(
    r"\s*(?:[*•·-]\s*)?\d{1,2}[:h.]\d\d(?:\s*(?i:[ap]\.?m\.?))?(?:\s*[A-Z]{2,4})?\s*"
)
_HEAD_LINES = 8
_TAIL_LINES = 4
_CANDIDATE = regexcache.compile(r"\d|^\W*(?i:by|von|par|por|di|door|av|от|written|text|testo)\b")
_STAMP_LABEL = (
    r"(?:published|updated|posted|last\s+updated|first\s+published|last\s+modified|modified"
    r"|created|veröffentlicht|aktualisiert|zuletzt\s+aktualisiert|stand|publié|mis\s+à\s+jour"
    r"|publicado|actualizado|atualizado|pubblicato|aggiornato|opublikowano|опубликовано|обновлено)"
)
_AGO = (
    r"\d{1,3}\s*(?:s|sec|secs|seconds?|m|min|mins|minutes?|h|hr|hrs|hours?|d|days?|w|weeks?)"
    r"\s+ago|vor\s+\d{1,3}\s+(?:minuten|stunden|tagen)|il\s+y\s+a\s+\d{1,3}\s+(?:minutes|heures|jours)"
    r"|hace\s+\d{1,3}\s+(?:minutos|horas|días)"
)


# A list bullet before the line. (Never a bare run of spaces: the stage already
# allows those, and two runs side by side make the regex try every split.)
_BULLET = r"(?:[*•·-][^\S\n]*)?"


class BylineStage(LinePatternStage):
    """Bylines and time stamps (off by default): "By Jane Doe", "Updated: 18 Nov 2019 9:38 pm"."""

    name = "byline"
    reach = EDGE_LINES + 1  # bylines are looked for at the head and tail
    first_round_only = True  # one more line would come into the head or tail
    enabled_by_default = False
    flags = 0  # names are told by their capitals; the rest says (?i:) where it needs to
    # Bylines and stamps are short, and the date and name patterns are costly to
    # try at every line start of a long text.
    max_line_chars = 120
    line_hint = _CANDIDATE
    rules: ClassVar[dict[str, str]] = {
        "byline": "a byline: who wrote the article",
        "timestamp": "when the article was published or updated",
    }
    patterns: ClassVar[dict[str, str]] = {
        "byline": (
            # "By" left alone when the names were links the extractor dropped
            rf"{_BULLET}(?i:by|von|par|por)[:\s]*|"
            rf"{_BULLET}(?:{_DATE}[^\S\n]+)?(?i:{_BY})[:\s]+"
            rf"(?:{_NAMES}|[A-ZÀ-ÖØ-Þ' .&-]{{3,60}}){_AFFILIATION}"
            rf"(?:[^\S\n]*[|,·•][^\S\n]*{_DATE})?"
        ),
        "timestamp": (
            rf"{_BULLET}(?:(?i:{_STAMP_LABEL}(?:[^\S\n]+on)?)[^\S\n]*[:：]?[^\S\n]*)?{_DATE}\.?"
            rf"|{_BULLET}(?i:{_AGO})"
        ),
    }

    def find(self, doc: Document) -> Iterator[Removal]:
        # Bylines and stamps stand above or below the story. A time further in is
        # the story's own: a live blog's "4:14 p.m." heads an entry.
        ends = set(head_lines(doc, _HEAD_LINES) + tail_lines(doc, _TAIL_LINES))
        # A short live blog has all its entries near the edges: two or more bare
        # times of day there head its entries, where a page has one stamp.
        lines = doc.lines
        bare = {index for index in ends if _BARE_TIME.fullmatch(lines[index])}
        if len(bare) >= 2:
            ends -= bare
        for removal in super().find(doc):
            if removal.start_line - doc.first_line in ends:
                yield removal

    def accept(self, doc: Document, index: int, match: re.Match[str]) -> bool:
        return match.lastgroup != "timestamp" or _is_dated(doc.lines[index])


def _is_dated(line: str) -> bool:
    """A time, a full numeric date, or a month name with a number; "ago" stamps count too.

    Two years on a line make a span ("29 November 2018 | 20 January 2019"), the
    dates of an exhibition or a season: the story's, not the page's.
    """
    if len(_YEAR.findall(line)) > 1:
        return False
    return bool(_DATE_EVIDENCE.search(line) and re.search(r"\d", line)) or bool(
        re.search(r"(?i)\bago\b|\bvor\b|il\s+y\s+a|hace", line)
    )
