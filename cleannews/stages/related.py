"""Read-more, related and most-read blocks: "Read more: ...", "You may also like", "Lesen Sie auch".

Pages link to other articles from inside and below a story, and extractors keep
the links as lines of text. Two shapes are removed:

- a lead line with the linked headline on the same line: "READ MORE: Storm
  closes the coast road", "Leia também: ...", "Related: ..." (the rest must be
  short enough to be a headline, not a paragraph that happens to start so, and
  must not start with a word in lower case, as a sentence running on does);
- a lead line on its own ("You may also like", "Most read", "À lire aussi"),
  and the run of headline-like lines right after it: short lines without a
  closing full stop, list bullets allowed. The run stops at the first line
  that reads as running text, so the article around the block stays.

A sentence that merely mentions reading more stays, and so does a list in the
article, because a list is only taken when a lead line opens it.

>>> from cleannews import clean
>>> clean("The port reopened.\\nREAD MORE: Strike ends after ten days\\nShips left at dawn.\\n")
'The port reopened.\\nShips left at dawn.\\n'
>>> clean("Read more about the plan on page 4, the mayor said.\\n")
'Read more about the plan on page 4, the mayor said.\\n'
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from functools import cache
from itertools import compress, repeat
from typing import Any, ClassVar

from cleannews import regexcache
from cleannews.document import Document, Removal
from cleannews.stages.base import Stage
from cleannews.stages.context import (
    case_blind_chars,
    ends_with_period,
    has_bullet,
    has_words,
    is_headline_like,
    is_paragraph,
    is_wrapped,
    next_live,
    paragraph_follows,
    previous_live,
    starts_lowercase,
)
from cleannews.stages.first_words import FirstWordGate
from cleannews.stages.gates import _sequence

try:
    from re import _parser as _parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse as _parse

# Leads that announce links to other articles, by language. Each may stand
# alone on a line or be followed by a separator and one headline.
_LEADS = [
    # en
    r"read\s+(?:more|also|next|this\s+next)",
    r"also\s+read",
    r"related(?:\s+(?:articles?|stories|story|news|posts?|content|coverage|links?|reading|topics?|videos?|items?))?",
    r"more(?:\s+(?:stories|news|articles|coverage|reading|headlines))?(?:\s+like\s+this)?",
    r"see\s+(?:also|more)",
    r"watch\s+more",
    r"also(?:\s+on\s+[\w.\- ]{1,30})?",
    r"(?:do\s+not|don't|don’t)\s+miss(?:\s+this)?",
    r"you\s+(?:may|might|could)\s+also\s+(?:like|enjoy|be\s+interested\s+in)",
    r"you\s+may\s+like",
    r"we\s+recommend",
    r"recommended(?:\s+(?:for\s+you|stories|reading|articles|videos))?",
    r"suggested(?:\s+(?:for\s+you|reading|articles|stories))?",
    r"most\s+(?:read|popular|viewed|shared|emailed|watched|commented)",
    r"popular(?:\s+(?:now|today|stories|articles|posts))?",
    r"trending(?:\s+(?:now|today|news|stories|articles))?",
    r"top\s+stories",
    r"editor(?:'s|’s|s')\s+picks?",
    r"further\s+reading",
    r"keep\s+reading",
    r"up\s+next",
    r"what\s+to\s+read\s+next",
    r"(?:around|from)\s+the\s+web",
    r"(?:in\s+)?other\s+news",
    r"(?:today's\s+|today’s\s+)?must\s+reads?",
    # de
    r"(?:lesen|lest|lies)\s+(?:sie\s+)?(?:auch|mehr|weiter)",
    r"auch\s+interessant",
    r"(?:das\s+)?(?:könnte|dürfte)\s+sie\s+auch\s+interessieren",
    r"mehr\s+(?:zum\s+thema|dazu|aus\s+[\w\- ]{1,25})",
    r"(?:weitere|verwandte|ähnliche|empfohlene|beliebte)\s+(?:artikel|beiträge|nachrichten|themen)",
    r"meistgelesen(?:e\s+artikel)?",
    r"am\s+meisten\s+gelesen",
    r"passend\s+zum\s+thema",
    # fr
    r"(?:à\s+)?lire\s+(?:aussi|également|la\s+suite)",
    r"(?:à\s+)?voir\s+(?:aussi|également)",
    r"sur\s+le\s+même\s+sujet",
    r"(?:les\s+)?(?:articles\s+)?(?:les\s+)?plus\s+lus",
    r"vous\s+(?:aimerez|pourriez)\s+aussi(?:\s+aimer)?",
    r"dans\s+la\s+même\s+rubrique",
    r"articles?\s+(?:similaires|liés|associés|recommandés)",
    # es
    r"le[ea]\s+(?:también|más)",
    r"leer\s+más",
    r"(?:también\s+)?(?:te|le)\s+puede\s+interesar",
    r"(?:noticias|artículos|notas)\s+relacionad[oa]s",
    r"lo\s+más\s+(?:leído|visto)",
    r"(?:las\s+)?más\s+leídas",
    r"(?:te\s+)?recomendamos",
    r"ver\s+también",
    # pt
    r"leia\s+(?:também|mais)",
    r"veja\s+(?:também|mais)",
    r"saiba\s+mais",
    r"(?:as\s+)?mais\s+lidas",
    r"(?:notícias|matérias|artigos)\s+relacionad[oa]s",
    r"você\s+(?:também\s+)?pode\s+gostar",
    # it
    r"leggi\s+(?:anche|altro|di\s+più)(?:\s+su)?",
    r"(?:ti\s+)?potrebbe\s+(?:interessarti|interessare|piacerti)",
    r"(?:articoli|notizie)\s+correlat[ie]",
    r"(?:i\s+)?più\s+lett[ie]",
    r"vedi\s+anche",
    r"altre\s+notizie",
    r"ti\s+consigliamo",
    # nl
    r"lees\s+(?:ook|meer|verder)",
    r"bekijk\s+ook",
    r"zie\s+ook",
    r"meer\s+(?:nieuws|artikelen|over\s+[\w\- ]{1,25})",
    r"meest\s+gelezen",
    r"gerelateerde?(?:\s+artikelen|\s+berichten)?",
    r"ook\s+interessant",
    # ru, uk
    r"читайте\s+(?:также|тоже|ещё|еще)",
    r"смотрите\s+также",
    r"по\s+теме",
    r"(?:ещё|еще|новости|материалы)\s+по\s+теме",
    r"похожие\s+(?:новости|статьи|материалы)",
    r"самое\s+(?:читаемое|популярное)",
    r"рекомендуем",
    r"читайте\s+також",
    # pl, sv, tr
    r"czytaj\s+(?:także|też|więcej)",
    r"zobacz\s+(?:także|też)",
    r"najczęściej\s+czytane",
    r"läs\s+(?:också|mer)",
    r"mest\s+lästa?",
    r"ilgili\s+haberler",
    # cjk
    r"관련\s*기사",
    r"(?:[\w ]{1,20}\s)?주요\s*뉴스",
    r"많이\s*본\s*뉴스",
    r"関連記事",
    r"あわせて読みたい",
    r"相关(?:阅读|新闻|文章)",
    r"延伸阅读",
    r"推荐阅读",
]

# Leads that name the site or section they link to: "More from Sportsnet",
# "Popular on IndieWire", "Most read in world news", "On example.com: ...".
_DOMAIN = r"[\w\-]+(?:\.[\w\-]+)*\.[a-z]{2,6}"
_NAMED_LEADS = [
    r"(?:more|latest|most\s+read|most\s+popular|popular)\s+(?:from|on|in|at)\s+[\w.&'’\- ]{1,40}",
    rf"(?:also\s+)?on\s+{_DOMAIN}",
]

_LEAD_SOURCE = "|".join([*_LEADS, *_NAMED_LEADS])
# Dressing a lead may wear: markdown emphasis and headings, arrows, brackets.
_OPEN = r"[\s#*_>►▶»›•·\-–—\[(|]*"
_CLOSE = r"[\s*_.…:：!›»>\])|\-–—]*"
# A separator between a lead and the headline it links to.
_SEPARATOR = r"\s*(?:[:：|»›]|\s[-–—]|\.\.\.|…)\s*"

_MAX_TITLE_WORDS = 30
# The word a lead's title starts with, when it starts with a letter or digit.
_FIRST_WORD = regexcache.compile(r"\w+")
_MAX_BLOCK_LINES = 15
# A lead that names another site: "Also on example.com".
_SITE_LEAD = rf"\bon\s+{_DOMAIN}\W*$"
_MIN_CARDS = 3
_MAX_CARD_LINES = 3
# Leads and shouted headlines are at most this long, indentation aside.
_MAX_LINE = 300

# The words a line can start with (after its dressing) when one of _LEADS or
# _NAMED_LEADS matches it, or the titled form "(also) on example.com": for
# each alternative, its first word with each spelling its pattern allows
# ("don" of "don't", "editors" of "editors' picks", "관련기사" of "관련\s*기사").
# Only lines starting so are tried against the lead patterns; keep this in
# step with the leads (tests/stages/test_first_words.py checks it on every lead).
_LEAD_GATE = FirstWordGate(
    (
        # en
        "read also related more see watch do don you we recommended suggested most"
        " popular trending top editor editors further keep up what around from in other"
        " today must latest on"
        # de
        " lesen lest lies auch das könnte dürfte mehr weitere verwandte ähnliche"
        " empfohlene beliebte meistgelesen meistgelesene am passend"
        # fr
        " à lire voir sur les articles plus vous dans article"
        # es
        " lea lee leer también te le noticias artículos notas lo las más recomendamos ver"
        # pt
        " leia veja saiba as mais notícias matérias artigos você"
        # it
        " leggi ti potrebbe articoli notizie i più vedi altre"
        # nl
        " lees bekijk zie meer meest gerelateerd gerelateerde ook"
        # ru, uk
        " читайте смотрите по ещё еще новости материалы похожие самое рекомендуем"
        # pl, sv, tr
        " czytaj zobacz najczęściej läs mest ilgili"
        # cjk
        " 관련 관련기사 많이 많이본 많이본뉴스 関連記事 あわせて読みたい 相关阅读 相关新闻 相关文章"
        " 延伸阅读 推荐阅读"
    ),
    # "(...) 주요 뉴스" may follow any words.
    anywhere=("주요",),
)
# How many words a headline in capitals has when it is a link, not a subheading.
_SHOUTED_WORDS = (9, 30)


class RelatedStage(Stage):
    """Read-more, related and most-read blocks: a lead line and the headlines it opens."""

    name = "related"
    rules: ClassVar[dict[str, str]] = {
        "lead_with_title": 'a "Read more:" style lead with the linked headline on the same line',
        "lead_line": 'a lead line that opens a block of links ("You may also like", "Most read")',
        "linked_headline": "a headline in the block of links that a lead line opened",
        "shouted_headline": "a long headline in capitals between two paragraphs: a link to a story",
        "link_cards": "cards of links (headline and teaser under an empty bullet) ending the text",
    }

    _patterns: ClassVar[tuple[re.Pattern[str], re.Pattern[str]] | None] = None

    @classmethod
    def patterns(cls) -> tuple[re.Pattern[str], re.Pattern[str]]:
        """The lone-lead and lead-with-title matchers, compiled on first use."""
        if cls._patterns is None:
            cls._patterns = _lead_patterns(_LEAD_SOURCE)
        return cls._patterns

    def find(self, doc: Document) -> Iterator[Removal]:
        lines = doc.lines
        # Only the lines that pass a gate are tried (see _LEAD_GATE and
        # _may_be_shouted for why each gate lets through every line its rules
        # take). The gates look at every line, blank and long ones too: leads
        # and shouted headlines are lines of text of at most 300 characters,
        # indentation aside, which is checked on the few lines they let through.
        leads = set(_LEAD_GATE.lines(doc))
        shouted = set(_may_be_shouted(doc))
        removed = doc.removed
        wrap: list[int | None] = []  # the text's wrap width, once a block needs it

        def width() -> int | None:
            if not wrap:
                wrap.append(_wrap_width(lines))
            return wrap[0]

        after_block = 0  # lines up to a lead's block were looked at with the lead
        for index in sorted(leads | shouted):
            if index < after_block or removed[index]:
                continue
            line = lines[index].strip()
            if not line or len(line) > _MAX_LINE or starts_lowercase(line):
                continue
            if index in leads:
                alone, titled = _patterns_for(line)
                if alone.fullmatch(line):
                    block = self._block(doc, index + 1, width)
                    yield from self._remove_block(doc, index, block)
                    after_block = (block[-1] if block else index) + 1
                    continue
                match = titled.fullmatch(line)
                if match and self._is_title(match.group("title")):
                    yield self.remove_lines(doc, "lead_with_title", index)
                    continue
            if index in shouted and _is_shouted_link(doc, index):
                yield self.remove_lines(doc, "shouted_headline", index)
        yield from self._link_cards(doc)

    def _link_cards(self, doc: Document) -> Iterator[Removal]:
        """Remove the cards of links that end the text, when there are three or more.

        Recirculation widgets come out as cards: an empty list bullet, then a
        headline and maybe a one-sentence teaser. An article's own list puts
        its text on the bullet line, so the empty bullets tell the two apart.
        """
        lines = doc.lines
        live = _live_from_end(doc)
        cards: list[int] = []
        count = 0
        # Lines not yet taken into a card, nearest the end first.
        pending: list[int] = []
        while True:
            # A card is a bare bullet over one to three lines, so its bullet is
            # among the next four lines going up: look no further.
            for index in live:
                pending.append(index)
                if _is_bare_bullet(lines[index]) or len(pending) == _MAX_CARD_LINES + 1:
                    break
            if not pending or not _is_bare_bullet(lines[pending[-1]]):
                break
            body = [lines[i] for i in reversed(pending[:-1])]
            if not _is_card(body):
                break
            cards.extend(pending)
            count += 1
            pending = []
        if count >= _MIN_CARDS:
            for index in sorted(cards):
                yield self.remove_lines(doc, "link_cards", index)

    def _remove_block(self, doc: Document, lead: int, block: list[int]) -> Iterator[Removal]:
        """Remove a lone lead and its headlines, unless the block is ambiguous.

        In mid-article, a lone lead with nothing or a single short line after it
        may be a label over the article's own subheading or a quote; it is kept,
        unless the lead names another site ("Also on example.com").
        Above the first paragraph, the last line of the run may be the
        article's own headline; it is kept.
        """
        site_lead = regexcache.compile(_SITE_LEAD, re.IGNORECASE)
        named_site = site_lead.search(doc.lines[lead]) is not None
        if (
            len(block) < 2
            and not named_site
            and paragraph_follows(doc, block[-1] if block else lead)
        ):
            return
        if block and not has_bullet(doc.lines[block[-1]]) and _opens_article(doc, lead, block[-1]):
            block = block[:-1]
        yield self.remove_lines(doc, "lead_line", lead)
        for index in block:
            yield self.remove_lines(doc, "linked_headline", index)

    @staticmethod
    def _is_title(text: str) -> bool:
        """Whether the text after a lead is one headline, not a paragraph.

        A headline starts with a capital, a digit, a quote or a link; a first
        word all in lower case right after the separator ("Read more: that was
        the slogan ...") is a sentence running on from the lead's words.
        ("iPhone" is a headline's word: not all of it is lower case.) Clauses
        and a full stop do not make a sentence: sites print teasers so ("Read
        more: Harbour fees to double, council warns.").
        """
        return (
            has_words(text, 1)
            and not has_words(text, _MAX_TITLE_WORDS + 1)
            and not is_paragraph(text, min_words=20)
            and not _starts_in_lower_case(text)
        )

    @staticmethod
    def _block(doc: Document, start: int, width: Callable[[], int | None]) -> list[int]:
        """The headline lines right after a lead line, in one list style.

        ``width()``: the width the text is wrapped at (see _is_wrapped).
        """
        lines = doc.lines
        removed = doc.removed
        blank = doc.blank
        block: list[int] = []
        bulleted: bool | None = None
        index = start
        while index < len(lines) and len(block) < _MAX_BLOCK_LINES:
            if blank[index] or removed[index]:
                index += 1
                continue
            line = lines[index]
            if _is_wrapped(doc, index, width):
                break
            if not is_headline_like(line) and not _is_kicker(doc, index):
                break
            if bulleted is None:
                bulleted = has_bullet(line)
            elif has_bullet(line) != bulleted:
                break  # a list of links keeps one style; what follows is the article
            block.append(index)
            index += 1
        return block


def _starts_in_lower_case(title: str) -> bool:
    """Whether the text after a lead starts with a word all in lower case."""
    first = _FIRST_WORD.match(title)
    return first is not None and first.group().islower()


def _lead_patterns(source: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The lone-lead and lead-with-title matchers for the leads in ``source``."""
    alone, titled = _lead_sources(source)
    return regexcache.compile(alone, re.IGNORECASE), regexcache.compile(titled, re.IGNORECASE)


def _lead_sources(source: str) -> tuple[str, str]:
    """The sources of the lone-lead and lead-with-title matchers for the leads in ``source``."""
    alone = rf"{_OPEN}(?:{source}){_CLOSE}"
    titled = (
        # "Also on example.com Storm closes road": a site name needs no separator.
        rf"{_OPEN}(?:(?:{source}){_SEPARATOR}|(?:also\s+)?on\s+{_DOMAIN}\s+)"
        r"(?P<title>\S.*?)[\s)\]]*"
    )
    return alone, titled


def _narrowed_patterns(
    first: str, held: tuple[str, ...]
) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The matchers of the leads that can start with ``first`` on a line holding ``held``.

    Which leads those are takes parsing every lead (milliseconds): regexcache
    keeps the compiled matchers between runs under a key naming everything
    they are made from, so that is done once, not in every process.
    """

    def sources() -> tuple[str, str]:
        if not _STARTS:
            _STARTS.extend(_lead_starts([*_LEADS, *_NAMED_LEADS]))
        kept = [
            lead
            for lead, chars in _STARTS
            if (first in chars if chars is not None else _NEEDS[lead] in held)
        ]
        # No lead at all: "(?!)" matches nothing, where "" would match "".
        return _lead_sources("|".join(kept) or "(?!)")

    flags = int(re.IGNORECASE)
    # The leading tag stands for _lead_starts and the choice above: change it
    # with them, so that no matcher made the old way is taken from the cache.
    made = "\0".join(["related narrowed leads 1", first, *held, _LEAD_SOURCE, *_NEEDS])
    compiled = []
    for kind in range(2):

        def make(kind: int = kind) -> tuple[str, Any]:
            source = sources()[kind]
            return source, _parse.parse(source, flags)

        key = "\0".join([made, str(kind), *_lead_sources("")])
        compiled.append(regexcache.compile_made(key, flags, make))
    return compiled[0], compiled[1]


# The lead matchers by the first character after a line's dressing (see _patterns_for).
_BY_FIRST: dict[tuple[str, ...], tuple[re.Pattern[str], re.Pattern[str]]] = {}
_OPEN_RUN = regexcache.compile(_OPEN)
# The leads' alternatives, each with the characters it can start with, or None
# when it may start with something else than a letter (worked out on first need).
_STARTS: list[tuple[str, frozenset[str] | None]] = []
# For each lead that may start with something else than a letter, a word
# without case that every line it matches holds (tests check every such lead
# has one). Trying "[\w ]{1,20}" at the start of every line costs more than
# all the other leads together.
_NEEDS = {r"(?:[\w ]{1,20}\s)?주요\s*뉴스": "주요"}
_NEEDED_WORDS = tuple(_NEEDS.values())


def _patterns_for(line: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """RelatedStage.patterns() narrowed to the leads that can start ``line``: the same matches.

    The two expressions try some 110 leads, one after the other, on each line
    that passes the gate, at microseconds a line. Every lead but a few starts
    with a letter, which the dressing (_OPEN) never holds: on a line that such
    a lead matches, it starts at the first character the dressing cannot take,
    the one after the greedy run of dressing. A lead that cannot start with
    that character can match nowhere on the line, so leaving it out changes
    no match (the leads keep their order, so the first match found is the
    same, groups and all). A lead that may start otherwise is kept when the
    line holds the word it needs (_NEEDS).
    """
    run = _OPEN_RUN.match(line)
    first = line[run.end() : run.end() + 1] if run else line[:1]
    # A lead that may start otherwise ("(...) 주요 뉴스") is kept when the
    # line holds the word it needs (see _NEEDS).
    key = (first, *filter(line.__contains__, _NEEDED_WORDS))
    found = _BY_FIRST.get(key)
    if found is None:
        found = _BY_FIRST[key] = _narrowed_patterns(first, key[1:])
    return found


def _lead_starts(leads: list[str]) -> list[tuple[str, frozenset[str] | None]]:
    """Each lead with every character (?i) lets it start with, or None if not only letters."""
    starts: list[tuple[str, frozenset[str] | None]] = []
    for lead in leads:
        flags = int(re.IGNORECASE)
        atoms = _sequence(list(_parse.parse(lead, flags)), 1, flags, flags)
        letters = [atom[0] for atom in atoms if len(atom) == 1 and len(atom[0]) == 1]
        if len(letters) != len(atoms) or not all(map(str.isalpha, letters)):
            starts.append((lead, None))
            continue
        # case_blind_chars gives every character a letter matches under
        # IGNORECASE, and maybe a few more: a lead kept too often is harmless.
        chars = frozenset(char for letter in letters for char in case_blind_chars(letter))
        starts.append((lead, chars))
    return starts


def _live_from_end(doc: Document) -> Iterator[int]:
    """Indexes of the lines neither blank nor removed, from the last one up."""
    removed = doc.removed
    blank = doc.blank
    return (i for i in range(len(doc.lines) - 1, -1, -1) if not removed[i] and not blank[i])


def _may_be_shouted(doc: Document) -> list[int]:
    """Indexes of the lines that may be a shouted headline (see _is_shouted_link).

    A shouted headline has nine words or more, so 17 characters or more, no
    closing full stop, and nine capitals or more to each small letter. One scan
    of the text keeps the lines of 17 characters or more whose last character
    is not a full stop (or is that of an ellipsis): a line that ends with a
    space is kept, as it may end with one once stripped. Of those, the small
    ASCII letters are counted exactly (deleting them from the UTF-8 bytes),
    and capitals can be at most the other characters: a line with more than a
    tenth of its characters in small ASCII letters cannot be one; the margin
    of one covers the rounding of the float test.
    """
    lines = doc.lines
    # ends[j] is about the line the j-th "\n" of scan_text ends: line j - 1
    # (the first "\n" ends no line, and no 17 characters stand before it).
    ends = _open_ended().findall(doc.scan_text)
    positions = list(compress(range(-1, len(lines)), ends))
    texts = list(map(lines.__getitem__, positions))
    # The small ASCII letters of each line, in one run of C over the lines joined.
    data = "\n".join(texts).encode("utf-8", "surrogatepass")
    small = map(len, data.translate(None, _BUT_ASCII_LOWER).split(b"\n"))
    few_small = map(int.__le__, map((10).__mul__, small), map((1).__add__, map(len, texts)))
    return list(compress(positions, few_small))


@cache
def _open_ended() -> re.Pattern[str]:
    """At each "\\n" of scan_text, the last character of the line it ends, if that
    line has 17 characters or more and does not end with a full stop; else "".

    Each match starts with the "\\n", so the scan jumps from line to line in C
    and looks back at a line's last few characters only: every line gives one
    result, the last character of a line a cached one-character string.
    A line ending in a bare full stop ends with a period (ends_with_period);
    "..." and "..。" are an ellipsis, not a full stop.
    """
    return regexcache.compile(r"\n(?:(?:(?<![.。]\n)|(?<=\.\.[.。]\n))(?<=[^\n]{16}([^\n])\n)|)")


# Every byte but the small ASCII letters and the line break.
_BUT_ASCII_LOWER = bytes(b for b in range(256) if not (b == 10 or 97 <= b <= 122))


def _wrap_width(lines: list[str], stripped: list[str] | None = None) -> int | None:
    """context.wrap_width, worked out with C-level steps and bisection.

    The same answer for the same lines (tests check it); it is here because
    context.py belongs to other work. ``stripped``: the lines stripped, when
    the caller has them already.
    """
    if stripped is None:
        stripped = list(map(str.strip, lines))
    long_enough = map(_MIN_WRAPPED.__le__, map(len, stripped))
    lengths = sorted(map(len, map(str.rstrip, compress(lines, long_enough))))
    total = len(lengths)
    if total < 8:
        return None
    # No width's count is more than the lines that end within the slack of
    # any width: when those are too few, as in most texts, no width wins.
    ending_near = bisect_right(lengths, _MAX_WRAP) - bisect_left(lengths, _MIN_WRAP - _WRAP_SLACK)
    if ending_near < 0.5 * total:
        return None
    # For each width, how many lines end within the slack below it, the width
    # included; the first width with the most wins, as in context.wrap_width.
    widths = range(_MIN_WRAP, _MAX_WRAP + 1)
    above = map(bisect_right, repeat(lengths), widths)
    below = map(bisect_left, repeat(lengths), map((-_WRAP_SLACK).__add__, widths))
    counts = list(map(int.__sub__, above, below))
    best_count = max(counts)
    if best_count < 0.5 * total:  # total is 8 or more: no count of 0 gets here
        return None
    return _MIN_WRAP + counts.index(best_count)


_MIN_WRAPPED = 40
_MIN_WRAP = 60
_MAX_WRAP = 120
_WRAP_SLACK = 12


def _is_wrapped(doc: Document, index: int, width: Callable[[], int | None]) -> bool:
    """context.is_wrapped with the width ``width()`` gives, asked for only when it can tell.

    Working the width out takes a look at every line of the text. is_wrapped
    uses it last: when neither the line nor the next one starts in lower
    case, and a next line is there (not blank, not removed), for a line of
    ``width - 12`` characters or more, spaces at the end aside. A width is
    _MIN_WRAP or more, so a shorter line is judged the same without it.
    """
    if is_wrapped(doc, index):  # a line or the next starting in lower case
        return True
    following = index + 1
    if (
        len(doc.lines[index].rstrip()) < _MIN_WRAP - 12
        or following >= len(doc.lines)
        or doc.blank[following]
        or doc.removed[following]
    ):
        return False
    return is_wrapped(doc, index, width())


def _opens_article(doc: Document, lead: int, last: int) -> bool:
    """Whether the block stands above the first paragraph, right before it."""
    after = next_live(doc, last)
    if after is None or not is_paragraph(doc.lines[after]):
        return False
    return not any(is_paragraph(doc.lines[i]) for i in range(lead) if not doc.removed[i])


def _is_kicker(doc: Document, index: int) -> bool:
    """A one-word label over a linked headline ("Warning", "EXCLUSIVE")."""
    line = doc.lines[index]
    if not has_words(line, 1) or has_words(line, 2) or ends_with_period(line):
        return False
    after = next_live(doc, index)
    return after is not None and is_headline_like(doc.lines[after])


def _is_shouted_link(doc: Document, index: int) -> bool:
    """A long headline in capitals standing alone between two paragraphs.

    Some sites link to other stories from mid-article with the headline in
    capitals. An article's own subheadings in capitals are short ("WHO IS THE
    FRONT-RUNNER?"), so only a line of nine words or more counts.
    """
    line = doc.lines[index]
    words_fit = has_words(line, _SHOUTED_WORDS[0]) and not has_words(line, _SHOUTED_WORDS[1] + 1)
    if not words_fit or ends_with_period(line):
        return False
    # Capitals are at most the characters that are not small letters: with
    # more than a tenth of the line in (some of the) small letters, there are
    # fewer than nine capitals to each. Counted in C, unlike the sums below.
    small = len(line) - len(_small_letters().sub("", line))
    if 10 * small > len(line):
        return False
    upper = sum(map(str.isupper, line))
    if upper < 0.9 * (upper + sum(map(str.islower, line))):
        return False
    before = previous_live(doc, index)
    after = next_live(doc, index)
    return (
        before is not None
        and after is not None
        and is_paragraph(doc.lines[before])
        and is_paragraph(doc.lines[after])
    )


@cache
def _small_letters() -> re.Pattern[str]:
    """Runs of small letters (str.islower) of the Latin, Greek and Cyrillic alphabets."""
    return regexcache.compile("[a-zß-öø-ÿα-ωа-яѐ-џ]+")


def _is_bare_bullet(line: str) -> bool:
    """A list bullet with nothing after it: "-", "*", "•"."""
    return line.strip() in {"-", "*", "•", "+", "–", "·"}


def _is_card(body: list[str]) -> bool:
    """A headline, and at most two short lines (a teaser, a date) under it."""
    return (
        1 <= len(body) <= _MAX_CARD_LINES
        and is_headline_like(body[0])
        and all(not has_words(line, 36) and len(line) <= 300 for line in body)
    )
