"""The markup stage's gate: every line a rule can match is among the lines it tries."""

from __future__ import annotations

import itertools

from cleannews.document import Document
from cleannews.stages.markup import MarkupStage, _marked_lines

# Lines the rules match, and lines around them that they must not lose.
MARKUP = [
    "</span>",
    '<img src="/a.jpg"',
    'width="640" height="360">',
    "&lt;div class=&quot;x&quot;&gt;",
    "![](data:image/gif;base64,R0lGOD)",
    "[![](https://example.org/t.png)](https://example.org/gallery)",
    "[][7]",
    "[](https://example.org/share)",
    "][12]",
    "\u00a0 ](https://example.org/story)",
    "[/caption]",
    '[caption id="attachment_12" width="300"]',
    "#Verkehr #Berlin",
    "[#holidays #fall]",
]
TEXT = [
    "The ferry left at noon.",
    "[4]: https://example.org/ferry",
    "[Updated] The council has since reversed its decision.",
    "Prices rose [sharply] in May!",
    "",
]


def test_every_line_a_rule_matches_is_tried() -> None:
    lines = MARKUP + TEXT
    # Every pair, so that each line is tried at the start, middle and end of a text.
    text = "\n".join(itertools.chain.from_iterable(itertools.permutations(lines, 2))) + "\n"
    doc = Document(text)
    matcher = MarkupStage.line_matcher()
    tried = set(_marked_lines(doc))
    matched = {i for i, line in enumerate(doc.lines) if matcher.fullmatch(line)}
    assert matched  # the rules do match here, so the check below can fail
    assert matched <= tried


def test_link_definitions_and_plain_brackets_are_not_tried() -> None:
    doc = Document("\n".join(TEXT) + "\n")
    assert _marked_lines(doc) == []


def test_lines_with_marks_are_listed_once_in_order() -> None:
    doc = Document("a = b\nplain\n<b> ![x](y) [] & #\n")
    assert _marked_lines(doc) == [0, 2]
