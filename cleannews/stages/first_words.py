"""A cheap gate for rules that match a whole line starting with known words ("Read more: ...").

Rules such as "Read more: ...", "Skip to content" or "← Previous story" are
case-blind regular expressions over a whole line that starts, after bullets,
arrows or markup, with one of a known list of words. Trying such an expression
costs microseconds a line, and most lines of an article start with other
words. :class:`FirstWordGate` finds the first word of every line in one scan in
C and looks it up in a set, so only lines that start with one of the rule's
words are given to the expressions.

The gate is safe as long as its words are complete: for each alternative of a
rule, every word the line can start with when the rule matches (``don`` for
"don't miss", both ``관련`` and ``관련기사`` for ``관련\\s*기사``). A rule's word is
made of letters and digits and is followed in the rule by something that is
neither (a space, an apostrophe, a separator, "_" or other closing marks, the
end of the line), so on a line the rule matches, the first run of word
characters after the leading marks is that word, once "_" is dropped.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from itertools import accumulate, compress
from operator import and_, not_

from cleannews import regexcache
from cleannews.document import Document
from cleannews.stages.context import case_blind_chars
from cleannews.stages.gates import lines_holding_any

# The first run of word characters on each "\n"-led line, after the marks
# (spaces, bullets, arrows, brackets) before it. Skipping more marks than a rule
# allows only lets more lines through the gate. "\n" is not skipped, so every
# line gives exactly one match.
_FIRST_RUN = regexcache.compile(r"\n[^\w\n]*(\w*)")


class FirstWordGate:
    """Which lines start with one of ``words`` (separated by spaces), as ``re.IGNORECASE`` compares.

    ``anywhere`` are words a rule may find after other words (Korean "... 주요
    뉴스"): a line holding one anywhere passes too. They must be free of case,
    as they are looked for as they are.
    """

    __slots__ = ("_anywhere", "_longest", "_matcher", "_unsure", "_words")

    def __init__(self, words: str, anywhere: Iterable[str] = ()) -> None:
        # "": a line with "_" before its first word, to be tried (see select).
        self._words = frozenset([*(word.lower() for word in words.split()), ""])
        self._longest = max(map(len, self._words), default=0)
        self._anywhere = tuple(anywhere)
        for word in self._anywhere:
            if word.lower() != word or word.upper() != word:
                raise ValueError(f"an anywhere word must be caseless: {word!r}")
        self._matcher: re.Pattern[str] | None = None
        self._unsure: tuple[str, ...] | None = None

    def select(self, texts: list[str]) -> list[int]:
        """Positions in ``texts`` (lines without "\\n") that may start with one of the words.

        The positions :meth:`select_exactly` gives, found faster in text that is
        not ASCII (see :meth:`_runs_through`).
        """
        runs = _FIRST_RUN.findall("\n" + "\n".join(texts)) if texts else []
        if len(runs) != len(texts) or self._anywhere:  # a text with "\n" in it
            return self.select_exactly(texts)
        return self._runs_through(runs)

    def lines(self, doc: Document) -> list[int]:
        """Indexes of the lines of ``doc`` that :meth:`select` lets through, in order.

        The same lines as ``select(doc.lines)`` (stripped or not, as spaces
        are no word characters), without building a list of them to join into
        one text again: the first run of word characters of every line comes
        straight from one scan of :attr:`Document.scan_text`.
        """
        # One run per "\n": each line's, then one after the last line's "\n".
        runs = _FIRST_RUN.findall(doc.scan_text)
        del runs[len(doc.lines) :]
        found = self._runs_through(runs)
        # A look for one character is a memchr; for a word of two or more it is a
        # search many times as slow over text that is not ASCII: most texts are
        # turned away by a look for the first character of each word.
        text = doc.joined
        anywhere = [word for word in self._anywhere if word[:1] in text]
        held = lines_holding_any(doc, anywhere) if anywhere else []
        return sorted({*found, *held}) if held else found

    def _runs_through(self, runs: list[str]) -> list[int]:
        """Positions of the first word runs that :meth:`select_exactly` lets through.

        Runs are compared with the words by lower(), which for a run holding
        none of :meth:`_unsure_letters` is how IGNORECASE compares them too
        (see there); select_exactly judges the runs of a text holding one. It
        tries a run that is not ASCII and not among the words with a regex,
        which in a text in another alphabet is most runs.
        """
        # "_" is a word character but a mark to the rules: select_exactly drops it too.
        plain = "\n".join(runs).replace("_", "")
        # A look for each character is a memchr (none above U+00FF is in a Latin-1 text).
        if any(map(plain.__contains__, self._unsure_letters())):
            return self.select_exactly(runs)
        hits = map(self._words.__contains__, plain.lower().split("\n"))
        return list(compress(range(len(runs)), hits))

    def _unsure_letters(self) -> tuple[str, ...]:
        """The characters IGNORECASE takes for a letter of the words that lower() does not
        turn into that letter, and "Σ" (lower() makes it "ς" at the end of a word, IGNORECASE "σ").

        A run without them that IGNORECASE matches with a word is, lowered, that word:
        case_blind_chars gives every character IGNORECASE takes for a letter, and
        only "Σ" lowers otherwise in a word than alone.
        """
        if self._unsure is None:
            letters = {letter for word in self._words for letter in word}
            unsure = {
                other
                for letter in letters
                for other in case_blind_chars(letter)
                if other.lower() != letter
            }
            unsure.add("\u03a3")
            self._unsure = tuple(sorted(unsure))
        return self._unsure

    def select_exactly(self, texts: list[str]) -> list[int]:
        """:meth:`select`, worked out as IGNORECASE compares, whatever the letters."""
        if not texts:
            return []
        joined = "\n" + "\n".join(texts)
        runs = _FIRST_RUN.findall(joined)
        if len(runs) != len(texts):  # a line with "\n" in it: let every line through
            return list(range(len(texts)))
        # "_" is a word character but a mark to the rules ("__Related__"), and
        # never part of their words: it is dropped. A run of only "_" ("_*Read")
        # leaves "", which is in the set, so such a line is let through.
        plain = "\n".join(runs).replace("_", "")
        # ASCII letters: lower() is exactly how IGNORECASE compares them, and no
        # letter outside ASCII in the words matches an ASCII one. For other
        # letters a hit by lower() is right too (only "İ" lowers to two
        # characters, and no word holds the dot it adds), but a miss may not be
        # ("ſ", the Kelvin sign): the regex engine itself judges the runs that
        # are no longer than the longest word (IGNORECASE matches character for
        # character).
        hits = bytearray(map(self._words.__contains__, plain.lower().split("\n")))
        if not plain.isascii():
            runs = plain.split("\n")
            other = map(not_, map(str.isascii, runs))
            fitting = map(self._longest.__ge__, map(len, runs))
            tried = compress(range(len(runs)), map(and_, other, fitting))
            unsure = [position for position in tried if not hits[position]]
            matches = map(self._words_matcher().fullmatch, map(runs.__getitem__, unsure))
            for position in compress(unsure, matches):
                hits[position] = True
        for word in self._anywhere:
            found = joined.find(word)
            if found < 0:
                continue
            starts = list(accumulate(map((1).__add__, map(len, texts)), initial=0))
            while found >= 0:
                position = bisect_right(starts, found - 1) - 1
                hits[position] = True
                found = joined.find(word, starts[position + 1] + 1)
        return list(compress(range(len(texts)), hits))

    def _words_matcher(self) -> re.Pattern[str]:
        if self._matcher is None:
            # Grouped by first letter, so a run is tried against a few
            # alternatives rather than every word.
            groups: dict[str, list[str]] = {}
            for word in sorted(filter(None, self._words)):
                groups.setdefault(word[0], []).append(re.escape(word[1:]))
            alternatives = "|".join(
                f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in groups.items()
            )
            self._matcher = regexcache.compile(alternatives, re.IGNORECASE)
        return self._matcher
