"""Gates: find the few lines a stage's rules can match, cheaply, and judge only those.

A stage whose every rule needs a certain character on the line ("]:" in a link
definition, "<" in a tag) can try its patterns on those lines only.
``str.find`` jumps over the text in C at memory speed for a single character;
a regex tried at every line start costs ten times more, and a Python loop over
all lines more still. Unlike :meth:`Document.lines_containing`, nothing is
encoded first, so one look for a rare character costs about a millisecond per
10 MB.

:func:`find_in_lines` then does what :meth:`LinePatternStage.find` does, on the
lines a gate let through. A gate must be provably complete: every line a rule
can match must be among its lines. Each stage says why its gate is.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from cleannews.document import Document, Removal
from cleannews.stages.base import LinePatternStage


def lines_holding(doc: Document, literal: str) -> list[int]:
    """Indexes of the lines of ``doc`` that hold ``literal`` (case-sensitive), in order.

    ``literal`` must not hold a line break. Each line is reported once: after a
    hit the search goes on at the next line.
    """
    text = doc.joined  # every line, the last too, ends with "\n"
    found: list[int] = []
    # A single character is found several times faster than a longer string.
    if len(literal) > 1 and literal[0] not in text:
        return found
    pos = text.find(literal)
    while pos >= 0:
        found.append(doc.index_at(pos))
        pos = text.find(literal, text.find("\n", pos) + 1)
    return found


def lines_holding_any(doc: Document, literals: Iterable[str]) -> list[int]:
    """Indexes of the lines that hold any of ``literals``, in order, each once."""
    text = doc.joined
    # Most texts hold none of a gate's characters: a look for each is all they cost.
    present = [literal for literal in literals if literal in text]
    if len(present) <= 1:
        return lines_holding(doc, present[0]) if present else []
    found: set[int] = set()
    for literal in present:
        found.update(lines_holding(doc, literal))
    return sorted(found)


def find_in_lines(
    stage: LinePatternStage, doc: Document, indexes: Iterable[int]
) -> Iterator[Removal]:
    """What ``LinePatternStage.find`` yields, given ``indexes`` (ascending) holds every
    line the stage's rules can match.

    That scan removes exactly the lines whose text its line matcher matches whole
    (a match that ran across a line break is judged line by line with it too),
    in order; the same rule wins, as the matcher tries the rules in the same
    order on the same characters. Then, as there, lines with a part cut out by
    an earlier stage are judged as they read now; they are few, so all are.
    """
    removed = doc.removed
    lines = doc.lines
    for index in indexes:
        if not removed[index]:
            removal = _judge(stage, doc, index, lines[index])
            if removal is not None:
                yield removal
    for index in doc.cut_lines():
        if not removed[index]:
            removal = _judge(stage, doc, index, doc.visible(index))
            if removal is not None:
                yield removal


def _judge(stage: LinePatternStage, doc: Document, index: int, text: str) -> Removal | None:
    """The removal of line ``index`` when ``text`` (the line) is one of the stage's lines."""
    found = stage.line_matcher().fullmatch(text)
    if found is None or not stage.accept(doc, index, found):
        return None
    rule = found.lastgroup
    assert rule is not None
    return stage.remove_lines(doc, rule, index)
