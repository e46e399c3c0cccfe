"""gates.start_gate: every line a pattern can match (after leading spaces) is let through."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from cleannews.document import Document
from cleannews.stages.base import SPACE
from cleannews.stages.gates import start_gate, start_matcher

# Letters IGNORECASE takes for others: long s, Kelvin sign, dotted and dotless I.
ODD = "\u017f\u212a\u0130\u0131"
PATTERNS = [
    (r"(?:skip|kite|ink)\b[^\n]*", re.IGNORECASE),
    (r"[#*]*\s*(?:\d+\s*k?\s*likes|share(?:\s+this)?)", re.IGNORECASE),
    (r"(?:подпис\w*|ответить|Zoo)", re.IGNORECASE),
    (r"Ab(?i:out)|(?i:x)Y\d", 0),
    (r"(?:a|ab|abc)", re.IGNORECASE),
]


def _lines(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    pieces = [*"skiptenlaubcxyz", *ODD, "ПОДПИС", "подпис", "ОтВеТиТь", "#", "*", " ", "\u2003"]
    pieces += ["\u200b", "12", "likes", "share", "this", "Zoo", "zoo", "About", "ABOUT"]
    pieces += ["kip", "KIP", "ite", "iTE", "nk", "NK", "b", "Y1", "y2", *"sSkKiI" * 3]
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 4))) for _ in range(count)]


@pytest.mark.parametrize(("pattern", "flags"), PATTERNS)
def test_start_gate_lets_through_every_line_the_pattern_matches(pattern: str, flags: int) -> None:
    lines = _lines(len(pattern), 8000)
    doc = Document("\n".join(lines) + "\n")
    matcher = re.compile(rf"(?:{SPACE})*(?:{pattern})", flags)
    matched = [i for i, line in enumerate(lines) if matcher.match(line)]
    assert len(matched) > 20
    gate = start_gate(pattern, flags, SPACE, 4)
    through = {doc.index_at(m.start()) for m in gate.finditer(doc.scan_text)}
    assert [lines[i] for i in matched if i not in through] == []
    assert len(through) < len(lines)  # and it does turn lines away


def test_start_gate_sees_every_case_of_a_first_letter() -> None:
    lines = ["skip", "SKIP", "\u017fkip", "\u212aite", "KITE", "\u0130nk", "\u0131NK", "spin", "x"]
    doc = Document("\n".join(lines))
    gate = start_gate(PATTERNS[0][0], re.IGNORECASE, SPACE, 3)
    through = [doc.index_at(m.start()) for m in gate.finditer(doc.scan_text)]
    assert through == [0, 1, 2, 3, 4, 5, 6]


def test_a_shared_scan_gives_each_pattern_its_own_lines() -> None:
    from cleannews.stages.gates import StartScan

    patterns = {"first": PATTERNS[0][0], "second": PATTERNS[1][0], "third": PATTERNS[2][0]}
    scan = StartScan(patterns, re.IGNORECASE, SPACE, 4)
    for seed in range(3):
        lines = _lines(seed, 3000)
        doc = Document("\r\n".join(lines))
        for name, pattern in patterns.items():
            matcher = re.compile(rf"(?:{SPACE})*(?:{pattern})", re.IGNORECASE)
            matched = [i for i, line in enumerate(lines) if matcher.match(line)]
            own = scan.lines(doc, name)
            alone = start_gate(pattern, re.IGNORECASE, SPACE, 4).finditer(doc.scan_text)
            # Among what the pattern's own gate lets through (which may look on
            # past a line's end, where a \s takes the line break), and all of
            # the lines the pattern matches.
            assert set(own) <= {doc.index_at(m.start()) for m in alone}
            assert set(matched) <= set(own)
            assert own == sorted(own)
            assert len(own) < len(lines)


def test_start_gates_are_kept_between_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # regexcache stores a program only if its flags are a plain int.
    from cleannews import regexcache

    monkeypatch.setenv("CLEANNEWS_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(regexcache, "_new", {})  # this test's programs alone
    pattern = f"(?:kept|between|runs{random.random()})"
    start_gate(pattern, re.IGNORECASE, SPACE, 3)
    start_matcher(pattern, re.IGNORECASE, SPACE, 3)
    regexcache._save()
    assert len(list(tmp_path.rglob("*.marshal"))) == 2
