"""The related stage's gates miss no line its rules take, and its shortcuts change no answer."""

from __future__ import annotations

import random
import re

import pytest

from cleannews.document import Document
from cleannews.stages import related
from cleannews.stages.context import (
    is_wrapped,
    starts_lowercase,
)


def _old_may_be_shouted(doc: Document) -> set[int]:
    """The lines the gate took before it scanned the text: stripped, 17 to 300 characters."""
    found = set()
    for index, line in enumerate(doc.lines):
        text = line.strip()
        if not 17 <= len(text) <= 300:
            continue
        if text.endswith((".", "。")) and not text.endswith(("...", "..。")):
            continue
        small = sum("a" <= char <= "z" for char in text)
        if 10 * small <= 1 + len(text):
            found.add(index)
    return found


PARAGRAPH = "The harbour authority reopened the northern quay on Monday after a week of repairs."
SHOUTS = [
    "STORM CLOSES THE COAST ROAD FOR A SECOND NIGHT AS FERRIES WAIT",
    "CRANE OPERATORS WIN PAY RISE AFTER TEN DAYS OF STRIKE AT THE PORT  ",
    "  McDONALD'S OPENS ITS FIRST RESTAURANT ON THE NEW HARBOUR QUAY TODAY",
    "ВЛАСТИ ОТКРЫЛИ НОВЫЙ ПРИЧАЛ В ПОРТУ ПОСЛЕ ДЕСЯТИ ДНЕЙ ЗАБАСТОВКИ И СПОРОВ",
    "港口 罢工 结束 船只 离港 工人 返回 岗位 码头 恢复 运营",
    "THE PORT REOPENS AFTER TEN DAYS OF STRIKE, THE UNION SAYS...",
    "THE PORT REOPENS AFTER TEN DAYS OF STRIKE, THE UNION SAYS.",
    "The Port Reopens After Ten Days Of Strike As The Union Says",
    "ΟΙ ΛΙΜΕΝΕΣ ΑΝΟΙΓΟΥΝ ΞΑΝΑ ΜΕΤΑ ΑΠΟ ΔΕΚΑ ΜΕΡΕΣ ΑΠΕΡΓΙΑΣ ΣΤΑ ΝΗΣΙΑ",
    "PORT OF ÅLESUND OPENS ITS NEW QUAY FOR THE SHIPS OF THE NORTHERN ROUTE »",
    # Long words, few spaces: nine capitals to a small letter with the most small letters.
    "INTERNATIONAL SHIPBUILDERS ANNOUNCEMENT REGARDING CONTAINERSHIP CONSTRUCTION"
    " SCHEDULES DOWNSTREAM HARBOURMASTERS",
]


def _shouted_variants() -> list[str]:
    """Shouted lines cut short, with some small letters, ending in every way."""
    variants = []
    for shout in SHOUTS:
        for size in sorted({12, 17, 18, 30, 45, len(shout)}):
            for small in range(16):
                cut = shout[:size]
                lowered = cut[: len(cut) - small] + cut[len(cut) - small :].lower()
                for ending in ["", ".", "...", "!", "?", "。", "..。", " ", ". ", "..", "”"]:
                    variants.append(lowered + ending)
    return variants


def _check_shouted(doc: Document, monkeypatch: pytest.MonkeyPatch) -> int:
    """Check the gate and the count of small letters on ``doc``; how many lines the rule takes."""
    gate = set(related._may_be_shouted(doc))
    assert _old_may_be_shouted(doc) <= gate
    judged = [
        index
        for index, line in enumerate(doc.lines)
        if line.strip() and len(line.strip()) <= 300 and not starts_lowercase(line.strip())
    ]
    fast = [related._is_shouted_link(doc, index) for index in judged]
    with monkeypatch.context() as patch:
        # A pattern that finds no small letter: the rule as it was, with only the exact count.
        patch.setattr(related, "_small_letters", lambda: re.compile("(?!)"))
        exact = [related._is_shouted_link(doc, index) for index in judged]
    assert fast == exact
    assert {index for index, taken in zip(judged, exact, strict=True) if taken} <= gate
    return sum(exact)


def test_shouted_gate_takes_every_line_the_old_gate_and_the_rule_take(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    variants = _shouted_variants()
    # Each between two paragraphs, where the rule can take it.
    doc = Document("".join(f"{PARAGRAPH}\n{line}\n" for line in variants) + PARAGRAPH + "\n")
    assert _check_shouted(doc, monkeypatch) > 100
    rnd = random.Random(23)
    for _ in range(100):
        lines = []
        for _ in range(rnd.randint(1, 20)):
            kind = rnd.random()
            if kind < 0.3:
                lines.append(PARAGRAPH)
            elif kind < 0.4:
                lines.append(rnd.choice(["", " ", "\t"]))
            else:
                shout = rnd.choice(variants)
                rate = rnd.choice([0.0, 0.05, 0.1, 0.15])
                # Small letters here and there, in any script.
                lines.append("".join(c.lower() if rnd.random() < rate else c for c in shout))
        _check_shouted(Document("\n".join(lines) + "\n"), monkeypatch)


def test_small_letters_counted_in_c_are_small_letters() -> None:
    pattern = related._small_letters().pattern
    assert pattern.startswith("[")
    assert pattern.endswith("]+")
    chars = [chr(code) for code in range(0x3000) if related._small_letters().fullmatch(chr(code))]
    assert len(chars) > 120
    assert all(map(str.islower, chars))


def test_wrapped_lines_are_judged_with_the_width_only_when_it_tells() -> None:
    rnd = random.Random(29)
    for _ in range(100):
        lines = [
            rnd.choice(["", "and so on", "Port news"]) + "w" * rnd.randint(0, 130)
            for _ in range(rnd.randint(1, 15))
        ]
        doc = Document("\n".join(lines) + "\n")
        for width in [None, 60, 72, 108, 120]:
            asked: list[int | None] = []

            def given(width: int | None = width, asked: list[int | None] = asked) -> int | None:
                asked.append(width)
                return width

            for index in range(len(doc.lines)):
                assert related._is_wrapped(doc, index, given) == is_wrapped(doc, index, width)
            long_lines = [line for line in doc.lines if len(line.rstrip()) >= 48]
            assert len(asked) <= len(long_lines)
