"""Far copies behind a line that only opens like them: the captions stage looks past it."""

from __future__ import annotations

from cleannews import Pipeline

CAPTION = "A stacker crane stands idle beside the Terminal 3 berth on Tuesday."
# Opens as CAPTION does (the first 30 characters), but is another caption.
LOOKALIKE = "A stacker crane stands idle beside the Terminal 4 berth on Friday. Photo: AP"
OTHER = "A container ship waits for a pilot outside the breakwater. Photo: AFP"


def _article(*blocks: str) -> str:
    return "".join(block + "\n\n" for block in blocks)


def _filler(count: int) -> list[str]:
    return [f"Paragraph {i} of the council report on the harbour works." for i in range(count)]


def _captions_removals(text: str) -> list[tuple[str, int]]:
    return [(r.rule, r.start_line) for r in Pipeline().run(text).removals if r.stage == "captions"]


def test_a_copy_behind_a_lookalike_goes() -> None:
    text = _article(f"{CAPTION} Photo: AFP", *_filler(20), LOOKALIKE, *_filler(20), CAPTION)
    last = len(text.splitlines()) - 1
    assert _captions_removals(text) == [("repeated_caption", last)]


def test_a_lookalike_alone_stays() -> None:
    text = _article(f"{CAPTION} Photo: AFP", *_filler(20), LOOKALIKE, *_filler(20))
    assert _captions_removals(text) == []


def test_a_copy_behind_a_lookalike_goes_once_removals_bring_it_in_reach() -> None:
    # The caption is 62 kept lines up; three copies of another caption go on
    # the way, and then it is 59. The lookalike nearer up is no copy of it.
    between = _filler(58)
    for index in (10, 20, 30):
        between[index] += "\n" + OTHER
    between[50] = LOOKALIKE
    text = _article(f"{CAPTION} Photo: AFP", OTHER, *between, CAPTION)
    clean = Pipeline().run(text).text
    assert clean.count(OTHER) == 1
    assert clean.count(CAPTION) == 1
    assert Pipeline().run(clean).text == clean
    # Without the removals on the way it is too far, lookalike or not.
    text = _article(f"{CAPTION} Photo: AFP", *_filler(60), LOOKALIKE, CAPTION)
    assert Pipeline().run(text).text.count(CAPTION) == 2
