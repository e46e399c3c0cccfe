"""LinePatternStage: SPACE_CHARACTERS, the head and tail helpers, and the prefix-gated path."""

from __future__ import annotations

from typing import ClassVar

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleannews.document import Document, Removal
from cleannews.stages.base import LinePatternStage


class _AllLines(LinePatternStage):
    name = "probe"
    rules: ClassVar[dict[str, str]] = {
        "marker": "a marker",
        "phrase": "a phrase whose spaces may run across a line break",
    }
    patterns: ClassVar[dict[str, str]] = {
        "marker": r"[-*]?\s?(?:advertisement|anzeige|广告)\s?[-*]?",
        "phrase": r"read\s{1,3}more\s{1,3}here",
    }


_PIECES = [
    "Advertisement",
    "- ANZEIGE -",
    "广告",
    "read more here",
    "Read",
    "more here",
    "read more",
    "The harbour reopened on Monday after the strike ended.",
    " " * 30,
    "\u00a0" * 20,
    "\u200b",
    "\t",
    "\n",
    "\r\n",
    "\n\n",
    "\r",
]


def _found(stage: LinePatternStage, text: str) -> list[Removal]:
    doc = Document(text)
    found = []
    for removal in stage.find(doc):
        if doc.mark(removal):
            found.append(removal)
    return found


def test_space_characters_are_the_characters_of_space() -> None:
    import re

    from cleannews.stages.base import SPACE, SPACE_CHARACTERS

    space = re.compile(SPACE)
    every = (chr(code) for code in range(0x3001))  # SPACE lies below U+3001, and U+FEFF
    assert {c for c in every if space.fullmatch(c)} | {"\ufeff"} == set(SPACE_CHARACTERS)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["Body text.", "", "  ", "Share"]), max_size=80),
    st.lists(st.integers(min_value=0, max_value=79), max_size=30),
    st.integers(min_value=-3, max_value=30),
)
def test_head_and_tail_lines_look_at_the_edges_only(
    lines: list[str], removed: list[int], count: int
) -> None:
    from cleannews.stages.base import EDGE_LINES, head_lines, tail_lines

    doc = Document("".join(line + "\n" for line in lines))
    for index in removed:
        if index < len(doc.lines):
            doc.removed[index] = 1
    # What they were: the kept lines of the whole text, then the edge.
    kept = doc.kept_text_lines()
    edge = len(doc.lines) - EDGE_LINES
    assert head_lines(doc, count) == [i for i in kept[:count] if i < EDGE_LINES]
    assert tail_lines(doc, count) == ([i for i in kept[-count:] if i >= edge] if count else [])


class _PrefixGated(_AllLines):
    prefix_gated = True


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=24))
def test_judging_the_gated_lines_finds_what_scanning_every_line_finds(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert _found(_PrefixGated(), text) == _found(_AllLines(), text)


def _residue_and_prose(stage: type[LinePatternStage], seed: int) -> str:
    """Lines drawn from the stage's own rules, recased and padded, among prose lines
    that start with the same letters."""
    import random

    from regex_samples import recased, samples

    rnd = random.Random(seed)
    spaces = ["", "", " ", "\t", "\xa0", "\u2003", "\u200b", "\ufeff", "\u3000"]
    prose = [
        "Advertising spending fell for a third year, the agency said.",
        "Sponsors pulled out after the vote.",
        "5 minutes later the lights went out.",
        "Reading between the lines, the minister conceded.",
        "Lesezeit war früher länger, sagte sie.",
        "A council spokesperson declined to comment.",
        "Publicidad y marketing crecieron un 4%.",
        "广告市场今年增长了5%。",
    ]
    lines = []
    for line in samples(stage._body(), 600, seed=seed):
        lines.append(rnd.choice(spaces) + recased(line, rnd) + rnd.choice(spaces))
        lines.append(rnd.choice(prose))
        if rnd.random() < 0.2:
            lines.append("")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("stage_name", ["ads", "reading_time", "chrome"])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_prefix_gated_stage_finds_what_its_scan_finds(stage_name: str, seed: int) -> None:
    from cleannews import registry

    stage = registry.builtins()[stage_name]
    assert issubclass(stage, LinePatternStage)
    assert stage.prefix_gated
    scanned = type("Scanned", (stage,), {"prefix_gated": False})
    text = _residue_and_prose(stage, seed)
    found = _found(stage(), text)
    # The samples do exercise the rules, and prose lines pass the gate untouched.
    assert len(found) > 20
    assert found == _found(scanned(), text)
