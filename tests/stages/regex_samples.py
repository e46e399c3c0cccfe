"""Random strings that a regular expression may match, to test the gates put before rules.

A gate in front of a rule must let through every line the rule matches. The
samples are drawn from the rule's own parse tree (each alternative, each count
of a repeat), then dressed in odd cases, and a test keeps those the rule really
matches: the rule decides, not the sample maker.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any

try:  # Python 3.11+
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse  # type: ignore[no-redef]

# Characters a class may give: a space for \s, a letter or digit for \w, and
# a few that most negated classes let through.
_SPACES = " \t\u00a0"
_WORD = "aZé1ж"
_OTHER = "xQ-.,"

# Letters IGNORECASE takes for an ASCII or Cyrillic one that lower() does not
# turn into it: dotless and dotted i, long s, the Kelvin sign, narrow Cyrillic o.
_LOOKALIKES = {"i": "ıİ", "s": "ſ", "k": "\u212a", "о": "\u1c82", "в": "\u1c80"}


def samples(pattern: str, count: int, seed: int = 4) -> Iterator[str]:
    """``count`` strings drawn from ``pattern``'s parse tree (not all will match it)."""
    tree = sre_parse.parse(pattern)
    rnd = random.Random(seed)
    for _ in range(count):
        yield _draw(list(tree), rnd)


def recased(text: str, rnd: random.Random) -> str:
    """``text`` in upper, lower, title or mixed case, maybe with look-alike letters."""
    style = rnd.randrange(5)
    if style == 0:
        text = text.upper()
    elif style == 1:
        text = text.title()
    elif style == 2:
        text = "".join(c.upper() if rnd.random() < 0.5 else c for c in text)
    elif style == 3:
        text = "".join(
            rnd.choice(_LOOKALIKES[c]) if c in _LOOKALIKES and rnd.random() < 0.5 else c
            for c in text
        )
    return text


def _draw(items: list[tuple[Any, Any]], rnd: random.Random) -> str:
    out: list[str] = []
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            out.append(chr(av))
        elif name == "NOT_LITERAL":
            out.append(rnd.choice([c for c in _OTHER if ord(c) != av]))
        elif name == "ANY":
            out.append(rnd.choice(_WORD + _OTHER))
        elif name == "IN":
            out.append(_draw_class(av, rnd))
        elif name == "BRANCH":
            out.append(_draw(list(rnd.choice(av[1])), rnd))
        elif name == "SUBPATTERN":
            out.append(_draw(list(av[-1]), rnd))
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            low, high, sub = av
            times = rnd.choice([low, min(low + 1, high), min(low + 2, high)])
            out.extend(_draw(list(sub), rnd) for _ in range(times))
        elif name in ("AT", "ASSERT", "ASSERT_NOT", "GROUPREF"):
            continue  # anchors and look-arounds: the rule itself judges the sample
        else:
            raise ValueError(f"no sample for {name}")
    return "".join(out)


_CATEGORIES = {
    "CATEGORY_SPACE": str.isspace,
    "CATEGORY_NOT_SPACE": lambda c: not c.isspace(),
    "CATEGORY_WORD": lambda c: c.isalnum() or c == "_",
    "CATEGORY_NOT_WORD": lambda c: not (c.isalnum() or c == "_"),
    "CATEGORY_DIGIT": str.isdecimal,
    "CATEGORY_NOT_DIGIT": lambda c: not c.isdecimal(),
}


def _draw_class(items: list[tuple[Any, Any]], rnd: random.Random) -> str:
    """A character of the class ``[...]``: one of its own, or one of a small pool it takes."""
    own: list[str] = []
    tests = []
    negated = False
    for op, av in items:
        name = str(op)
        if name == "NEGATE":
            negated = True
        elif name == "LITERAL":
            own.append(chr(av))
        elif name == "RANGE":
            own.append(chr(rnd.randint(av[0], av[1])))
            tests.append(lambda c, low=av[0], high=av[1]: low <= ord(c) <= high)
        elif name == "CATEGORY":
            tests.append(_CATEGORIES[str(av)])

    def member(char: str) -> bool:
        return char in own or any(test(char) for test in tests)

    pool = _SPACES + _WORD + _OTHER
    if negated:
        return rnd.choice([c for c in pool if not member(c)] or ["x"])
    return rnd.choice(own + [c for c in pool if member(c)])
