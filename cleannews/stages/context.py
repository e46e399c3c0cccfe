"""How a line looks and where it stands: the context checks stages share.

A word such as "Related" or "Subscribe" is residue on its own line and content
inside a paragraph, so the stages that remove page furniture judge a line by its
shape (how many words, how it ends, whether it starts with a list bullet) and by
its neighbours (the previous and next remaining lines, whether any paragraph
follows it). "Remaining" means neither blank nor removed by an earlier stage.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Callable, Collection, Iterable
from functools import cache

from cleannews import regexcache
from cleannews.document import Document

_WORD = regexcache.compile(r"\w+")
# A list bullet or number in front of an item: "- ", "• ", "* ", "1. ", "2) ".
_BULLET = regexcache.compile(r"^\s*(?:[-–—•·*+►▶»›]|\d{1,2}[.)])\s+")


def same_line(source: str) -> str:
    r"""A pattern source with every ``\s`` narrowed to spaces that do not end a line.

    Whole-text scans must not let a pattern run across a line break: that would
    join two lines, and on text with long runs of blank lines a ``\s*`` that can
    cross them makes the scan slow. Only for sources where ``\s`` is not inside a
    character class.
    """
    return source.replace(r"\s", r"[^\S\n]")


def word_count(line: str) -> int:
    """How many words the line holds (letters and digits in runs)."""
    return len(_WORD.findall(line))


# has_words' patterns, by count, compiled as asked for.
_AT_LEAST: dict[int, re.Pattern[str]] = {}


def has_words(line: str, count: int) -> bool:
    """``word_count(line) >= count``, without counting the words past ``count``.

    The checks below compare a line's words with a small number; counting every
    word of each long paragraph around a lead was most of the related stage's
    time. Each step takes the non-word characters, then a whole run of word
    characters (it may not stop inside one), so the steps can only match
    consecutive runs, one each.
    """
    pattern = _AT_LEAST.get(count)
    if pattern is None:
        pattern = _AT_LEAST[count] = regexcache.compile(_at_least(count))
    return pattern.match(line) is not None


def _at_least(count: int) -> str:
    """has_words' pattern: ``count`` steps of non-word characters, then a run of word ones.

    From Python 3.11 the steps are written out one by one with possessive
    quantifiers, which match the same runs (a run of word characters is taken
    whole either way) two to three times faster: the engine keeps no
    backtracking state for them, nor for a repeated group.
    """
    if count < 1 or sys.version_info < (3, 11):
        return rf"(?:\W*\w+(?!\w)){{{count}}}"
    return r"\W*+\w++" * count


def strip_bullet(line: str) -> str:
    """The line without surrounding spaces or a leading list bullet."""
    # _BULLET is anchored at the start: a match there is all a sub could take.
    bullet = _BULLET.match(line)
    return (line[bullet.end() :] if bullet else line).strip()


def has_bullet(line: str) -> bool:
    """Whether the line starts with a list bullet or item number."""
    return _BULLET.match(line) is not None


def ends_sentence(line: str) -> bool:
    """Whether the line ends like a sentence: a full stop, "!", "?" or an ellipsis."""
    # A sentence mark, then only closing quotes and brackets: no character is
    # both, so the mark is the last character once the closing ones are
    # stripped (a regex search of a long line would try every mark in it).
    return _unclosed(line)[-1:] in _SENTENCE_MARKS


def ends_with_period(line: str) -> bool:
    """Whether the line ends with a full stop (not "?", "!" or an ellipsis)."""
    # A full stop that does not end an ellipsis of dots ("..."), read from
    # the end as in ends_sentence.
    end = _unclosed(line)
    return end[-1:] in _PERIODS and end[-3:-1] != ".."


def _unclosed(line: str) -> str:
    """The line without the spaces, closing quotes and brackets it ends with."""
    return line.rstrip().rstrip(_CLOSERS)


# Commas between clauses: Latin, CJK (full-width and enumeration), Arabic.
COMMAS = (",", "，", "、", "،")


# How a sentence ends, before any closing quotes or brackets.
_SENTENCE_MARKS = frozenset(".!?。！？…")
_PERIODS = frozenset(".。")
_CLOSERS = "\"'”’»)]"


def is_headline_like(line: str, max_words: int = 20) -> bool:
    """A short line that reads as a title: a few words, no closing full stop.

    Headlines end without a full stop (a question or exclamation mark is fine);
    sentences of an article end with one. Tags such as "[VIDEO]" are allowed.
    """
    text = strip_bullet(line)
    if not has_words(text, 2) or has_words(text, max_words + 1) or ends_with_period(text):
        return False
    return not text.endswith((":", ";", ","))


def starts_lowercase(line: str) -> bool:
    """Whether the first letter of the line (after bullets and markup) is lower case."""
    for char in line:
        if char.isalpha():
            return char.islower()
    return False


def wrap_width(doc: Document) -> int | None:
    """The width the text was hard-wrapped at, or None when it was not wrapped.

    Some extractors wrap paragraphs at a fixed width (often 72 to 80
    characters). Then most long lines end within a few characters of that
    width, which is rare in text where a line is a paragraph. Lines longer than
    the width (an address that cannot be broken) do not hide the wrapping.
    """
    lengths = Counter(len(line.rstrip()) for line in doc.lines if len(line.strip()) >= 40)
    total = sum(lengths.values())
    if total < 8:
        return None
    best, best_count = 0, 0
    for width in range(_MIN_WRAP, _MAX_WRAP + 1):
        count = sum(lengths[length] for length in range(width - 12, width + 1))
        if count > best_count:
            best, best_count = width, count
    return best if best_count >= 0.5 * total else None


_MIN_WRAP = 60
_MAX_WRAP = 120


def is_wrapped(doc: Document, index: int, width: int | None = None) -> bool:
    """Whether line ``index`` is a piece of a paragraph that was hard-wrapped.

    The pieces are short and end without a full stop, like headlines. A piece
    gives itself away by starting in lower case, by running on into a next line
    that does, or (when the text is wrapped at ``width``) by filling the width
    and running on into a next line.
    """
    lines = doc.lines
    if starts_lowercase(lines[index]):
        return True
    following = index + 1
    if following >= len(lines) or doc.blank[following] or doc.removed[following]:
        return False
    if starts_lowercase(lines[following]):
        return True
    return width is not None and len(lines[index].rstrip()) >= width - 12


def is_paragraph(line: str, min_words: int = 12) -> bool:
    """A line that reads as running text: enough words and a sentence ending."""
    text = line.strip()
    return has_words(text, min_words) and ends_sentence(text)


def next_live(doc: Document, index: int) -> int | None:
    """The next line after ``index`` that is neither blank nor removed."""
    removed = doc.removed
    blank = doc.blank
    for other in range(index + 1, len(doc.lines)):
        if not removed[other] and not blank[other]:
            return other
    return None


def previous_live(doc: Document, index: int) -> int | None:
    """The nearest line before ``index`` that is neither blank nor removed."""
    removed = doc.removed
    blank = doc.blank
    for other in range(index - 1, -1, -1):
        if not removed[other] and not blank[other]:
            return other
    return None


def paragraph_follows(doc: Document, index: int, min_words: int = 12) -> bool:
    """Whether any remaining line after ``index`` reads as running text."""
    removed = doc.removed
    lines = doc.lines
    return any(
        not removed[other] and is_paragraph(lines[other], min_words)
        for other in range(index + 1, len(lines))
    )


# Words that attribute speech to someone, by language ("..., the mayor said",
# "..., riefen die Streikenden", "..., selon le syndicat"). A prompt or banner
# is the page talking to its reader; once a clause after a comma names who said
# it, the line is a paragraph reporting those words. ("say" is not one: prompts
# ask readers to "have your say"; nor "wrote" or "berichtete": an author's bio
# tells what they wrote or reported before; nor words that are also something
# else: "dit" is Dutch for "this", "secondo" and "segundo" mean "second".)
_ATTRIBUTION = (
    r"\b(?:said|says|told|asked|shouted|cried|added|adds|explained|recalled"
    r"|urged|urges|warned|warns|advised|advises|noted|argued|argues|insisted|admitted"
    r"|announced|according\s+to"
    r"|sagte|sagten|sagt|riefen|rief|schrie|schrien|erklärte|erklärt|teilte"
    r"|warnte|betonte|meinte|heißt\s+es|hieß\s+es|so\s+(?:der|die)"
    r"|selon|disait|disent|affirme|affirmé|déclare|déclaré|explique|expliqué|lancé|lançait"
    r"|criait|criaient|affiche|affichait|raconte|estime|souligne|précise|ajoute|indique"
    r"|dijo|dice|decía|dicen|según|afirma|afirmó|explicó|explica|gritaban|gritaba|gritó"
    r"|declaró|aseguró|señaló|añadió|indicó|advierte|rezaba|se\s+lee"
    r"|disse|diceva|dicevano|detto|spiega|spiegato|gridavano|gridava|urlavano"
    r"|si\s+legge|diz|dizia|diziam|afirmou|explicou|gritavam|gritava|disseram|lê-se"
    r"|zei|zeiden|zegt|volgens|riep|riepen|schreeuwden"
    r"|сказал\w*|заявил\w*|сообщил\w*|говорил\w*|говорится|кричал\w*|по\s+словам)\b"
)
# A clause that points to the site's own words names no speaker: "..., as
# explained in our Cookie Policy", "..., comme expliqué dans notre politique",
# "..., according to your settings". It opens with "as" or speaks of "we",
# "our", "you" (in the languages above).
_OWN_WORDS = (
    r"^\s*(?:as|like|comme|wie|como|come|zoals|как)\b"
    r"|\b(?:our|ours|we|us|your|you|unser\w*|uns|wir|euer|eure\w*|notre|nos|nous|votre|vos"
    r"|vous|nuestr\w*|vuestr\w*|nostr\w*|vostr\w*|noss[oa]s?|voss[oa]s?|onze|ons|jullie|uw"
    r"|наш\w*|ваш\w*|мы|вы)\b"
)


@cache
def _attribution() -> re.Pattern[str]:
    return regexcache.compile(_ATTRIBUTION, re.IGNORECASE)


@cache
def _own_words() -> re.Pattern[str]:
    return regexcache.compile(_OWN_WORDS, re.IGNORECASE)


def reports_speech(line: str) -> bool:
    """Whether a clause after a comma says who spoke: "Follow us, the rebels shouted".

    Prompts and notices address the reader and name no speaker; an article
    quoting one, with or without quotation marks, adds who said it. A clause
    that points to the site's own words ("..., as explained in our policy")
    names no one.
    """
    if "," not in line:
        return False
    attribution, own_words = _attribution().search, _own_words().search
    return any(attribution(clause) and not own_words(clause) for clause in line.split(",")[1:])


def talks_about(
    doc: Document,
    mentions: Callable[[str], object],
    skip: Callable[[int], bool],
    min_paragraphs: int = 2,
    lines: Iterable[int] | None = None,
) -> bool:
    """Whether at least ``min_paragraphs`` paragraphs of the text mention the topic.

    Used to tell an article *about* subscriptions or cookies from one that
    merely carries a prompt about them. ``mentions(line)`` is true of a line
    that mentions the topic (a pattern's ``search``); ``lines``, when given,
    are the only lines that can (a cheap literal gate), in order. Lines earlier
    stages removed do not count, nor those ``skip(index)`` is true of (the
    prompts a stage found): it is asked only once enough paragraphs mention the
    topic, so a costly ``skip`` is seldom paid for.
    """
    removed = doc.removed
    texts = doc.lines
    candidates = range(len(texts)) if lines is None else lines
    paragraphs = [
        index
        for index in candidates
        if not removed[index] and mentions(texts[index]) and is_paragraph(texts[index])
    ]
    if len(paragraphs) < min_paragraphs:
        return False
    return sum(not skip(index) for index in paragraphs) >= min_paragraphs


# Letters that re.IGNORECASE takes for another letter besides its plain lower
# and upper case (worked out over every code point; see test_context).
_OTHER_CASES = {
    "i": "\u0130\u0131",  # İ ı
    "k": "\u212a",  # Kelvin sign
    "s": "\u017f",  # long s
    "в": "\u1c80",
    "д": "\u1c81",
    "о": "\u1c82",
    "с": "\u1c83",
    "т": "\u1c84\u1c85",
    "ъ": "\u1c86",
    "ѣ": "\u1c87",
}


def case_blind_chars(char: str) -> list[str]:
    """Every character ``(?i:char)`` matches (and maybe a few more), in order."""
    lower = char.lower()
    chars = {char, lower, char.upper(), *_OTHER_CASES.get(lower, "")}
    return sorted(c for c in chars if len(c) == 1)


def word_starts(
    words: Collection[str], whole_words: Collection[str] = (), *, lower_first: bool = False
) -> str:
    """A pattern source matching any of ``words`` as re.IGNORECASE would, tried fast at one place.

    ``whole_words`` match only where no letter or digit follows them. See
    :func:`pattern_starts`.
    """
    sources = [re.escape(word) for word in words]
    sources += [re.escape(word) + r"(?![^\W_])" for word in whole_words]
    return pattern_starts(sources, lower_first=lower_first)


def pattern_starts(sources: Collection[str], *, lower_first: bool = False) -> str:
    """The alternation of ``sources`` (each starting with a plain letter), IGNORECASE, fast to try.

    The regex engine passes over a branch that starts with a case-sensitive
    character in C when the text's character differs, while it tries an
    IGNORECASE alternation source by source: so the sources are grouped by
    their first letter, and each group is written once per case of that
    letter ("[Pp]hoto" as "p(?i:hoto)|P(?i:hoto)"). With ``lower_first``, only
    in its small case: for a place known to hold a small letter.
    """
    groups: dict[str, list[str]] = {}
    for source in sorted(set(sources), key=lambda s: (-len(s), s)):
        groups.setdefault(source[:1].lower(), []).append(source[1:])
    parts: list[str] = []
    for first, tails in groups.items():
        # A one-letter word needs nothing after the letter.
        rest = "" if "" in tails else "(?i:" + "|".join(tails) + ")"
        chars = [first] if lower_first else case_blind_chars(first)
        parts.extend(re.escape(char) + rest for char in chars)
    return "(?:" + "|".join(parts) + ")"


def lines_with_pieces(doc: Document, pieces: dict[str, tuple[str, ...]]) -> list[int]:
    """Indexes of the lines holding any of the words, in order; ASCII words, in any case.

    What ``doc.lines_with_words`` finds for all the words, with one literal
    search of :attr:`Document.folded` per *piece*: each word holds its piece
    (``{"kli": ("klick", "klik")}``), and each place the piece stands is taken
    when a word stands around it there. A search costs a pass over the text;
    a look at the few places a piece stands costs next to nothing.
    """
    folded = doc.folded
    hits: list[int] = []
    for needle, checks in _encoded_pieces(tuple(pieces.items())):
        position = folded.find(needle)
        while position >= 0:
            if any(
                position >= offset and folded.startswith(word, position - offset)
                for word, offset in checks
            ):
                hits.append(position)
                # One hit per line is enough: go on after this line.
                end = folded.find(b"\n", position)
                position = folded.find(needle, end + 1) if end >= 0 else -1
            else:
                position = folded.find(needle, position + 1)
    # Offsets to line indexes: count the line breaks between the hits.
    found: list[int] = []
    line = previous = 0
    for position in sorted(hits):
        line += folded.count(b"\n", previous, position)
        previous = position
        if not found or found[-1] != line:
            found.append(line)
    return found


@cache
def _encoded_pieces(
    pieces: tuple[tuple[str, tuple[str, ...]], ...],
) -> list[tuple[bytes, list[tuple[bytes, int]]]]:
    """Each piece as bytes, with its words as bytes and where the piece stands in each."""
    return [
        (piece.encode(), [(word.encode(), word.index(piece)) for word in words])
        for piece, words in pieces
    ]
