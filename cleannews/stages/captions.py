"""Repeated captions and paragraphs: a block printed twice in a row is kept once.

Pages print a photo caption both under the image and in a lightbox or
``<noscript>`` copy, and extractors keep both. A line is a repeat when the
previous remaining line (blank lines and lines other stages removed do not
count) says the same, ignoring case, spacing, punctuation and a trailing photo
credit. Short lines are never treated as repeats: "* * *", table cells and
refrains repeat on purpose; nor is a line when either copy ends with a comma,
as a line of a song or poem repeated in its verse does.

A gallery's captions are often printed again a few paragraphs on (a slideshow,
a lightbox). A later line that copies a line up to :data:`LOOK_BACK` kept lines
before it, word for word or with a credit added or dropped, goes too, but only
when it is clearly a caption: the copy carries a credit, or it is no longer than
a caption and an earlier copy carries one. A sentence, a refrain or a quote
repeated without a credit stays.

>>> from cleannews import clean
>>> caption = "Cranes stand idle at the container port on Monday."
>>> clean(f"{caption} Photo: AP\\n{caption}\\n\\nTrade resumed.\\n")
'Cranes stand idle at the container port on Monday. Photo: AP\\n\\nTrade resumed.\\n'
>>> clean("* * *\\n* * *\\n")
'* * *\\n* * *\\n'
>>> gallery = f"{caption} Photo: AP\\nThe port reopened.\\n{caption}\\n"
>>> clean(gallery).splitlines()
['Cranes stand idle at the container port on Monday. Photo: AP', 'The port reopened.']
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator
from functools import cache, lru_cache
from heapq import heapify, heappop, heappush
from itertools import compress, islice, repeat
from operator import eq, ge, is_not, itemgetter, lt, not_, or_, sub
from typing import ClassVar, cast

from cleannews import regexcache
from cleannews.document import Document, Removal
from cleannews.stages.base import Stage
from cleannews.stages.context import COMMAS

# A credit at the end of a caption: "Photo: AFP", "File photo: Reuters",
# "(Photo by Jane Doe/Getty Images)", "Foto: dpa", "（海辺市提供）", "写真＝ロイター".
_CREDIT_WORD = (
    r"(?:file\s+)?(?:photo(?:graph)?|picture|image|pic|foto|bild|imagen|immagine|фото|credit"
    r"|crédit|crédito|source|quelle|fuente|fonte|写真|撮影|图片|圖片|图|圖|사진)s?"
)
_AGENCY = (
    r"getty\s+images|reuters|ap|afp|dpa|epa|xinhua|bloomberg|shutterstock|anadolu|ani|pa"
    r"|kyodo|tass|ansa|efe|共同|新华社|新華社|연합뉴스"
)
_OPEN = r"[(\[（［【]"
_CLOSE = r"[)\]）］】]"
_INSIDE = r"[^()\[\]（）［］【】\n]"
# Where a credit may begin. A "Photo by ..." or a bare agency name only after the
# caption's last sentence or a separator, so that prose such as "he painted a
# picture by the lake" or a word ending in "ap" is never taken for a credit.
_AFTER_SENTENCE = r"(?:(?<=[.!?。！？])\s*|\s+[-|–—/]\s*|\s*[|–—/]\s*)"
_CREDIT_PATTERN = (
    r"(?:"
    # "(Photo by Jane Doe/Getty Images)", "[Foto: dpa]", "(AFP)", "（海辺市提供）"
    rf"\s*{_OPEN}\s*(?:{_CREDIT_WORD}(?:\s+by)?\s*[:：=＝]?{_INSIDE}{{1,80}}"
    rf"|{_INSIDE}{{0,60}}?(?:\b(?:{_AGENCY})\b|提供|撮影|摄)\s*){_CLOSE}"
    # "Photo: AFP", "File photo: Reuters", "Credit: Jane Doe", "写真＝ロイター"
    rf"|(?:{_AFTER_SENTENCE}|\s+|^){_CREDIT_WORD}\s*[:：=＝©]\s*[^\n]{{1,80}}"
    # "Picture by Jane Doe"
    rf"|{_AFTER_SENTENCE}{_CREDIT_WORD}\s+by\s+[^\n]{{1,80}}"
    # "© Jane Doe", ". Reuters", "/ AFP"
    r"|\s*(?:©|\(c\))\s*[^\n]{1,60}"
    rf"|{_AFTER_SENTENCE}(?:{_AGENCY})\b"
    r")\s*$"
)
# What every credit ends with or holds (see _may_hold_credit), folded: the
# brackets of _CLOSE, the names of _AGENCY, the words of _CREDIT_WORD.
_CLOSE_BRACKETS = ")]）］】"
_AGENCY_ENDINGS = (
    "images", "reuters", "ap", "afp", "dpa", "epa", "xinhua", "bloomberg", "shutterstock",
    "anadolu", "ani", "pa", "kyodo", "tass", "ansa", "efe", "共同", "新华社", "新華社", "연합뉴스",
)  # fmt: skip
_CREDIT_HINTS = (
    "photo", "picture", "image", "pic", "foto", "bild", "immagine", "фото", "credit", "crédit",
    "source", "quelle", "fuente", "fonte", "写真", "撮影", "图", "圖", "사진", "©", "(c)",
)  # fmt: skip
# How far from the end of a line a credit can begin: the longest credit pattern.
_CREDIT_REACH = 160
# How much of two long lines is compared first, before all their words.
_OPENING_CHARS = 96
_NON_WORD = re.compile(r"[\W_]+")
# How many kept lines up a copy of a credited caption is looked for. Pages print a
# gallery's captions again in a lightbox or a slideshow a few lines on; real pages
# put the copies 2-20 kept lines apart. Beyond this a repeat is left alone.
LOOK_BACK = 60
# An uncredited line is taken for a caption's copy only up to this length.
CAPTION_CHARS = 300
# What a caption may end with before its copy's credit begins.
_END_PUNCTUATION = " .,;:!?。！？、"


# Where a credit can start: at a space, a bracket, "©" or a separator, after
# the caption's last sentence, or at the start. Every alternative of
# _CREDIT_PATTERN starts so; said first, it lets the engine turn the other
# positions (most of them: letters) away at one look instead of trying each
# alternative there.
_CREDIT_START = r"(?:(?=[\s(\[（［【©|–—/])|(?<=[.!?。！？])|^)"


@cache
def _credit() -> re.Pattern[str]:
    # Compiled on first need, not at import: most texts have no repeated line.
    return regexcache.compile(_CREDIT_START + _CREDIT_PATTERN, re.IGNORECASE)


# ASCII bytes that are not word characters, and "_": what _NON_WORD removes there.
_ASCII_NON_WORD = bytes(code for code in range(128) if not chr(code).isalnum())
# The same but for the line break, for many lines joined with "\n".
_ASCII_NON_WORD_BUT_BREAKS = _ASCII_NON_WORD.replace(b"\n", b"")
_WORD_CHARACTER = re.compile(r"[^\W_]")
_FIRST_8 = itemgetter(slice(0, 8))
_FIRST_24 = itemgetter(slice(0, 24))
_FIRST_30 = itemgetter(slice(0, 30))
# A key long enough to count has 30 letters, or 15 wide (CJK) ones: so two
# copies of a caption share their first 30 characters, or 15 if those hold
# a wide one (or anything from the first kana up).
_WIDE_OR_ABOVE = re.compile("[\u3040-\U0010ffff]")
# Chinese, Japanese and Korean say in one character what takes two or three in a
# Latin script; they count double towards ``min_chars``.
_WIDE = re.compile(
    r"[\u1100-\u11ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]"
)


def comparison_key(line: str) -> str:
    """What two copies of a caption share: its words, lower-cased, credit dropped."""
    line = line.rstrip()
    start = _credit_start(line)
    key = _words(line[:start] if start >= 0 else line)
    # A line that is nothing but a credit keeps its own words, so two credit
    # lines still compare by what they say.
    return key or _words(line)


def _credit_start(line: str) -> int:
    """Where the credit that ends ``line`` (rstripped) starts, or -1 when none does.

    A credit sits at the end and is short, so only the end is searched: the
    pattern is slow on long runs of spaces, and lines can be very long.
    """
    cut = max(0, len(line) - _CREDIT_REACH)
    start = _credit_start_in_tail(line[cut:])
    return -1 if start < 0 else cut + start


@lru_cache(maxsize=4096)
def _credit_start_in_tail(tail: str) -> int:
    """:func:`_credit_start` of a line's last :data:`_CREDIT_REACH` characters.

    The leftmost match is the credit (it runs to the end, so there is one).
    Worked out once per tail: a pair of lines is checked for whether their
    keys can share a start, then their keys are worked out. (The cache keeps
    tails, not lines, so what it holds stays small.)
    """
    if not _may_hold_credit(tail):
        return -1
    found = _credit().search(tail)
    return -1 if found is None else found.start()


@cache
def _credit_hint() -> re.Pattern[str]:
    return regexcache.compile("|".join(map(re.escape, _CREDIT_HINTS)))


def _may_hold_credit(tail: str) -> bool:
    """False when :data:`_CREDIT_PATTERN` surely matches nowhere in ``tail`` (rstripped).

    Every credit ends the line with a closing bracket or an agency's name, or
    holds a credit word, "©" or "(c)"; string searches see that far faster than
    the pattern, which is tried at each position.
    """
    if not tail:
        return False
    if tail[-1] in _CLOSE_BRACKETS:
        return True
    # Fold case as the pattern's IGNORECASE does, where "İ" and "ı" match "i".
    folded = tail.casefold().replace("i\u0307", "i").replace("ı", "i")
    return folded.endswith(_AGENCY_ENDINGS) or _credit_hint().search(folded) is not None


def _may_hold_tail(line: str) -> bool:
    """:func:`_may_hold_credit` of the end of a line, where :func:`comparison_key` looks."""
    return _may_hold_credit(line.rstrip()[-_CREDIT_REACH:])


def _runs_on(line: str) -> bool:
    """Whether the line ends with a comma: a line of verse, never a caption or a paragraph.

    A song or a poem repeats a line on purpose ("We shall not be moved, ...,"
    twice); a caption or paragraph printed twice ends as a sentence or a title does.
    """
    return line.rstrip().endswith(COMMAS)


def key_length(key: str) -> int:
    """The length of a comparison key, wide (CJK) characters counting double."""
    return len(key) + len(_WIDE.findall(key))


class CaptionsStage(Stage):
    """Captions and paragraphs printed twice in a row; credited captions printed again nearby."""

    name = "captions"
    rules: ClassVar[dict[str, str]] = {
        "repeated_line": "a copy of the line just before it (a caption or paragraph printed twice)",
        "repeated_caption": (
            "a copy of a photo caption a few lines up (one of the copies carries a credit)"
        ),
    }
    defaults: ClassVar[dict[str, int]] = {"min_chars": 30}
    # A caption copy is looked for this many kept lines back, and judging each of
    # those lines looked as far back again: text cleaned in windows keeps that
    # much context before each cut (see cleannews.stream).
    kept_reach: ClassVar[int] = 2 * LOOK_BACK

    def prepare(self) -> None:
        _credit()

    def find(self, doc: Document) -> Iterator[Removal]:
        kept = doc.kept_text_lines()
        # Compare what each line says after glued markers are cut out of it.
        texts = doc.visible_lines(kept)
        if len(texts) < 2:
            return
        min_chars = self.settings["min_chars"]
        keys: dict[int, str] = {}

        def key(position: int) -> str:
            known = keys.get(position)
            if known is None:
                known = keys[position] = comparison_key(texts[position])
            return known

        # Each line is compared with the kept line before it. Usually that is
        # its neighbour in `kept`, and the cheap openings have already ruled out
        # most pairs; after a removal, the next line is compared with the line
        # before the removed one, as if the removed one were not there.
        openings = list(map(_FIRST_30, map(str.lstrip, texts)))
        neighbour_set = set(_neighbours_may_repeat(openings))
        far = _FarCopies(texts, _far_openings(openings), min_chars, _hollow(doc, kept, texts))
        # Positions to judge, in order: neighbour candidates, far candidates,
        # and lines right after a removal (with the kept line before that).
        pending = list(neighbour_set.union(far.candidates()))
        heapify(pending)
        carried: dict[int, int] = {}  # position -> its previous kept line, after a removal
        # A key long enough to count has at least `shared` characters (wide ones
        # count double), and a key is the start of the line's words with any
        # credit cut off the end: two lines whose words start differently within
        # `shared` characters cannot match, and that is cheap to see.
        shared = (min_chars + 1) // 2
        last = -1
        while pending:
            position = heappop(pending)
            if position == last:
                continue
            last = position
            previous = carried.pop(position, position - 1)
            rule = ""
            if (
                _may_repeat(texts[previous], texts[position])
                if previous != position - 1
                else position in neighbour_set
            ):
                start = _word_start(texts[position], shared)
                if (
                    len(start) == shared
                    and start == _word_start(texts[previous], shared)
                    and _may_share_key(texts[position], texts[previous])
                    and key(position) == key(previous)
                    and key_length(key(position)) >= min_chars
                    and not _runs_on(texts[previous])
                    and not _runs_on(texts[position])
                ):
                    rule = "repeated_line"
            if not rule and far.is_copy(position):
                rule = "repeated_caption"
            if rule:
                yield self.remove_lines(doc, rule, kept[position])
                for later in far.removed_one(position):
                    heappush(pending, later)
                if position + 1 < len(texts):
                    carried[position + 1] = previous
                    heappush(pending, position + 1)


class _FarCopies:
    """The far-copy rule: a line that repeats a credited caption a few kept lines up.

    A far copy must be a literal copy: the same text, or the same text with a
    credit added or dropped at the end. So it opens as its original does, and
    lines are grouped by their opening (see :func:`_far_openings`).

    Distances count kept, non-blank lines, the lines that stay in the clean
    text: cleaning the clean text again sees the same distances, so a copy that
    was too far to go the first time is still too far the second time. Lines
    removed earlier still count as originals, so that whether a line is a copy
    never hangs on how the lines before it were judged.
    """

    def __init__(
        self, texts: list[str], openings: list[str], min_chars: int, hollow: list[int]
    ) -> None:
        self.texts = texts
        self.openings = openings
        self.min_chars = min_chars
        # Lines that are blank once glued markers are cut out: not in the clean text.
        self.hollow: list[int] = []
        self.removed: list[int] = []  # positions this stage removed, ascending
        # Each line that opens as an earlier line does, how many lines apart
        # the nearest such line is, and which line that is.
        self.laters: list[int] = []
        self.gaps: list[int] = []
        self.previous_alike: dict[int, int] = {}
        self.keys: dict[str, str] = {}
        self.hints: dict[str, bool] = {}
        members = _opening_alike(openings)
        if members:
            self.hollow = hollow
            # Sorted by opening, and by position among lines that open alike.
            members.sort(key=openings.__getitem__)
            member_openings = list(map(openings.__getitem__, members))
            alike = list(map(eq, member_openings, member_openings[1:]))
            self.laters = list(compress(members[1:], alike))
            earliers = list(compress(members, alike))
            self.gaps = list(map(sub, self.laters, earliers))
            self.previous_alike = dict(zip(self.laters, earliers, strict=True))
        self.reach = LOOK_BACK + len(self.hollow)
        # Pairs further apart come within reach as lines between are removed:
        # how far apart and the later line, nearest last (from the first removal).
        self.further_gaps: list[int] | None = None
        self.further_laters: list[int] = []
        # Lines that copy none of the lines like them within reach, and how far
        # up the nearest line like them beyond reach is: they wait for it.
        self.waiting_gaps: list[int] = []
        self.waiting: list[int] = []
        # The lines is_copy must judge; for any other line it is False.
        self.judged: set[int] = set()

    def candidates(self) -> list[int]:
        """The lines that can copy a line within reach before them.

        Those are lines that open as a line within reach does; but most such
        lines (paragraphs that start with the same phrase) are no literal copy
        of any of them, which a few passes over them all see, nearest line
        first. A line like that can still copy one further up, once it is
        within reach: it waits for that (see :meth:`removed_one`).
        """
        if not self.laters:
            return []
        texts = self.texts
        previous_alike = self.previous_alike
        reach = self.reach
        laters = list(compress(self.laters, map(ge, repeat(reach), self.gaps)))
        earliers = list(map(previous_alike.__getitem__, laters))
        found: list[int] = []
        while laters:
            later_texts = list(map(str.strip, map(texts.__getitem__, laters)))
            earlier_texts = list(map(str.strip, map(texts.__getitem__, earliers)))
            # _literal_copy, asked both ways round (so a little more often true).
            ends = repeat(_END_PUNCTUATION)
            one_way = map(str.startswith, later_texts, map(str.rstrip, earlier_texts, ends))
            other_way = map(str.startswith, earlier_texts, map(str.rstrip, later_texts, ends))
            maybe = list(map(or_, one_way, other_way))
            found.extend(compress(laters, maybe))
            # The others, with the next line like them further up, if any.
            unlike = list(map(not_, maybe))
            further_up = list(map(previous_alike.get, compress(earliers, unlike)))
            there = list(map(is_not, further_up, repeat(None)))
            laters = list(compress(compress(laters, unlike), there))
            earliers = cast(list[int], list(compress(further_up, there)))
            gaps = list(map(sub, laters, earliers))
            near = list(map(ge, repeat(reach), gaps))
            beyond = list(map(not_, near))
            self.waiting_gaps.extend(compress(gaps, beyond))
            self.waiting.extend(compress(laters, beyond))
            laters = list(compress(laters, near))
            earliers = list(compress(earliers, near))
        found.sort()
        self.judged.update(found)
        return found

    def removed_one(self, position: int) -> list[int]:
        """Note a removal; the lines that came within reach of a line like them."""
        self.removed.append(position)
        self.reach += 1
        if self.further_gaps is None:
            # The pairs out of reach, and the lines waiting, nearest last.
            beyond = list(map(lt, repeat(self.reach - 1), self.gaps))
            gaps = list(compress(self.gaps, beyond)) + self.waiting_gaps
            laters = list(compress(self.laters, beyond)) + self.waiting
            order = sorted(range(len(gaps)), key=gaps.__getitem__, reverse=True)
            self.further_gaps = list(map(gaps.__getitem__, order))
            self.further_laters = list(map(laters.__getitem__, order))
        further_gaps = self.further_gaps
        arrived = []
        while further_gaps and further_gaps[-1] <= self.reach:
            further_gaps.pop()
            later = self.further_laters.pop()
            if later > position:
                arrived.append(later)
        self.judged.update(arrived)
        return arrived

    def is_copy(self, position: int) -> bool:
        """Whether ``position`` copies a credited caption within :data:`LOOK_BACK` kept lines."""
        if position not in self.judged:
            return False  # no line like it within reach is a literal copy of it
        earlier = self.previous_alike.get(position)
        if earlier is None:
            return False
        text = self.texts[position].strip()
        same = []
        # Up the lines like it, while they are within LOOK_BACK kept lines: the
        # kept distance only grows going up (each line passed adds one line and
        # takes away at most one), so the first one too far ends the walk. A
        # walk bounded by self.reach alone, which grows with every removal in
        # the text, went up every copy of a caption in a text of many copies.
        while earlier is not None and self._kept_apart(earlier, position) <= LOOK_BACK:
            if _literal_copy(self.texts[earlier].strip(), text):
                same.append(earlier)
            earlier = self.previous_alike.get(earlier)
        if not same:
            return False
        # A copy goes only if it or a copy before it is credited (see below):
        # looking for a hint of a credit costs less than a key.
        if not (self.hinted(text) or any(self.hinted(self.texts[o].strip()) for o in same)):
            return False
        key = self.key(text)
        if key_length(key) < self.min_chars:
            return False
        same = [other for other in same if self.key(self.texts[other].strip()) == key]
        if not same:
            return False
        if self.credited(text):
            return True
        # An uncredited copy goes only when it is as short as a caption: a long
        # paragraph that a credited caption quoted is the article's own text.
        return len(text) <= CAPTION_CHARS and any(
            self.credited(self.texts[other].strip()) for other in same
        )

    def _kept_apart(self, earlier: int, later: int) -> int:
        """Lines apart in the clean text (if ``earlier`` stays): hollow and removed ones drop."""
        gone = bisect_left(self.removed, later) - bisect_left(self.removed, earlier)
        if self.hollow:
            gone += bisect_left(self.hollow, later) - bisect_left(self.hollow, earlier)
        return later - earlier - gone

    def hinted(self, text: str) -> bool:
        """:func:`_may_hold_tail`, worked out once per text (copies repeat the same)."""
        known = self.hints.get(text)
        if known is None:
            known = self.hints[text] = _may_hold_tail(text)
        return known

    def key(self, text: str) -> str:
        """:func:`comparison_key`, worked out once per text."""
        known = self.keys.get(text)
        if known is None:
            known = self.keys[text] = comparison_key(text)
        return known

    def credited(self, text: str) -> bool:
        """Whether the line is a caption with a credit: words, then a credit cut off."""
        return self.key(text) != _words(text)


def _literal_copy(a: str, b: str) -> bool:
    """Whether two stripped lines say the same, but for a credit one of them ends with."""
    if a == b:
        return True
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return long.startswith(short.rstrip(_END_PUNCTUATION))


def _may_share_key(a: str, b: str) -> bool:
    """False when the two lines' comparison keys surely differ; far cheaper than the keys.

    A key is the start of the line's words (lower-cased, non-word characters
    dropped): all of them, or those before where a credit starts, and a credit
    is looked for only in the last :data:`_CREDIT_REACH` characters. Two keys
    can be equal only within the words both lines start with, so each line's
    credit would have to start there; that is a handful of positions to try,
    not every position of the line's end.
    """
    a = a.rstrip()
    b = b.rstrip()
    if max(len(a), len(b)) > _OPENING_CHARS + _CREDIT_REACH:
        # Words that differ within both lines' openings differ there in the
        # whole lines too; and a long line's credit cannot start that early.
        a_start = _words(a[:_OPENING_CHARS])
        b_start = _words(b[:_OPENING_CHARS])
        if _shared_start(a_start, b_start) < min(len(a_start), len(b_start)):
            return False
    a_words = _words(a)
    b_words = _words(b)
    if a_words == b_words:
        return True
    shared = _shared_start(a_words, b_words)
    return _key_may_end_by(a, a_words, shared) and _key_may_end_by(b, b_words, shared)


def _shared_start(a: str, b: str) -> int:
    """The length of the longest common prefix of ``a`` and ``b`` (a binary search in C)."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        middle = (low + high + 1) // 2
        if a[:middle] == b[:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _key_may_end_by(line: str, words: str, shared: int) -> bool:
    """Whether the key of ``line`` (rstripped, ``words`` its words) can be ``shared`` or shorter."""
    if len(words) <= shared:
        return True
    # The key is longer than `shared` unless a credit starts before the line's
    # word character number `shared + 1` (counted after casefold, as the key is).
    limit = _index_of_word_character(line, shared)
    cut = max(0, len(line) - _CREDIT_REACH)
    if limit < cut:
        return False
    # The leftmost credit is what comparison_key cuts.
    return 0 <= _credit_start(line) <= limit


def _index_of_word_character(line: str, count: int) -> int:
    """The index in ``line`` of the character that holds word character ``count`` (0-based)."""
    folded = line.casefold()
    if len(folded) == len(line):
        # Each character folded to one (no "ß" -> "ss"): indexes carry over.
        found = next(islice(_WORD_CHARACTER.finditer(folded), count, None), None)
        return found.start() if found is not None else len(line)
    seen = 0
    for index, char in enumerate(line):
        seen += len(_NON_WORD.sub("", char.casefold()))
        if seen > count:
            return index
    return len(line)


def _word_start(line: str, length: int) -> str:
    """The first ``length`` characters of the line's words, lower-cased (a key's start)."""
    # Most lines have `length` word characters within their first 4 * length.
    start = _words(line[: 4 * length + 8])
    if len(start) < length and len(line) > 4 * length + 8:
        start = _words(line)
    return start[:length]


def _words(text: str) -> str:
    """``_NON_WORD.sub("", text.casefold())``: the text's words, case-folded, run together.

    ASCII (most text, in many languages) goes through ``bytes.translate``,
    which deletes characters at memory speed; what is left to delete is
    outside ASCII, and rare: a regex runs only when something is.
    """
    data = text.casefold().encode("utf-8", "surrogatepass").translate(None, _ASCII_NON_WORD)
    if data.isascii():
        return data.decode("ascii")
    words = data.decode("utf-8", "surrogatepass")
    # str.isalnum is true of exactly the characters \w matches, but "_".
    return words if words.isalnum() else _other_non_word().sub("", words)


def _words_per_line(folded: str) -> list[str]:
    """:func:`_words` of each line of ``folded`` (case-folded already)."""
    data = folded.encode("utf-8", "surrogatepass").translate(None, _ASCII_NON_WORD_BUT_BREAKS)
    if data.isascii():
        return data.decode("ascii").split("\n")
    words = data.decode("utf-8", "surrogatepass").split("\n")
    other_non_word = _other_non_word()
    for position in compress(range(len(words)), map(not_, map(str.isalnum, words))):
        words[position] = other_non_word.sub("", words[position])
    return words


@cache
def _other_non_word() -> re.Pattern[str]:
    """Characters outside ASCII that are not word characters."""
    return regexcache.compile(r"[^\w\x00-\x7f]+")


def _neighbours_may_repeat(openings: list[str]) -> list[int]:
    """Positions ``i`` where ``_may_repeat(openings[i - 1], openings[i])``, worked out in C.

    ``openings`` are the first 30 characters of each line, left-stripped.
    Their first 24 are case-folded (one line at a time: ASCII lines fold
    fast that way) and stripped of non-word characters in one pass over all
    of them, instead of a regex call per line.
    """
    if len(openings) < 2:
        return []
    starts = list(map(str.casefold, map(_FIRST_8, openings)))
    folded = "\n".join(map(str.casefold, map(_FIRST_24, openings)))
    word_starts = list(map(_FIRST_8, _words_per_line(folded)))
    same_start = map(eq, starts, islice(starts, 1, None))
    same_words = map(eq, word_starts, islice(word_starts, 1, None))
    return list(compress(range(1, len(openings)), map(or_, same_start, same_words)))


def _far_openings(openings: list[str]) -> list[str]:
    """What two literal copies of a caption surely share, from their first 30 characters.

    The choice of 30 or 15 must be the same for both copies, and it is: a
    caption shorter than 30 characters has wide ones in it.
    """
    others = list(compress(range(len(openings)), map(not_, map(str.isascii, openings))))
    wide = list(compress(others, map(_WIDE_OR_ABOVE.search, map(openings.__getitem__, others))))
    if not wide:
        return openings  # the same list: nothing is cut
    chosen = list(openings)
    for position in wide:
        chosen[position] = chosen[position][:15]
    return chosen


def _opening_alike(openings: list[str]) -> list[int]:
    """Positions of the lines whose opening another line has (15 characters or more)."""
    counts = Counter(openings)
    if len(counts) == len(openings):
        return []  # every line opens its own way: most articles
    repeated = {opening for opening, count in counts.items() if count > 1 and len(opening) >= 15}
    if not repeated:
        return []
    return list(compress(range(len(openings)), map(repeated.__contains__, openings)))


def _hollow(doc: Document, kept: list[int], texts: list[str]) -> list[int]:
    """Positions in ``kept`` of the lines that are blank once glued parts are cut out.

    Kept lines are not blank, so only a line with a cut can be.
    """
    hollow = []
    for index in doc.cut_lines():
        position = bisect_left(kept, index)
        if position < len(kept) and kept[position] == index:
            text = texts[position]
            if not text or text.isspace():
                hollow.append(position)
    return hollow


def _may_repeat(a: str, b: str) -> bool:
    """False when two lines clearly differ; cheap, so it can run on every line."""
    a = a.lstrip()
    b = b.lstrip()
    return a[:8].casefold() == b[:8].casefold() or _words(a[:24])[:8] == _words(b[:24])[:8]
