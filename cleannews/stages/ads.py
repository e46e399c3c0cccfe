"""Ad markers: "Advertisement", "Anzeige", "Publicité", "广告" and their kin.

Pages print a marker where an ad slot was; extractors keep the word. A marker is
removed when it stands alone on a line, or when it is glued to the start or end
of a paragraph (the slot sat between two blocks and the extractor joined them).
A sentence that merely uses the word ("Advertisement revenue fell 5%.") stays.

>>> from cleannews import clean
>>> clean("Rates rose.\\n\\nAdvertisement\\n\\nMarkets fell.\\n")
'Rates rose.\\n\\nMarkets fell.\\n'
>>> clean("Advertisement revenue fell 5%.\\n")
'Advertisement revenue fell 5%.\\n'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from typing import ClassVar

from cleannews import regexcache
from cleannews.document import Document, Removal
from cleannews.stages.base import SPACE, LinePatternStage
from cleannews.stages.context import StartScan

# Single words that mean "advertisement" as a slot label, by language.
_MARKER_WORDS = [
    "advertisement",
    "advertisements",
    "advertising",
    "advertorial",
    "advert",
    "adverts",
    "ad",
    "ads",
    "sponsored",
    "promoted",
    "anzeige",  # de
    "werbung",  # de
    "publicité",  # fr
    "publicite",
    "publicidad",  # es
    "publicidade",  # pt
    "pubblicità",  # it
    "pubblicita",
    "advertentie",  # nl
    "annonce",  # fr, da
    "annons",  # sv
    "annonse",  # no
    "mainos",  # fi
    "reklama",  # pl, cs, sk
    "reklam",  # tr
    "hirdetés",  # hu
    "реклама",  # ru, uk, bg
    "оголошення",  # uk
    "διαφήμιση",  # el
    "פרסומת",  # he
    "إعلان",  # ar
    "اعلان",
    "विज्ञापन",  # hi
    "iklan",  # id, ms
    "quảng cáo",  # vi
    "โฆษณา",  # th
    "广告",  # zh
    "廣告",  # zh-Hant
    "広告",  # ja
    "광고",  # ko
]

# Longer labels that only ever mean "an ad was here".
_MARKER_PHRASES = [
    r"sponsored\s+(?:content|post|article|story|links?)",
    r"paid\s+(?:content|post|partnership)",
    r"(?:story|article|text)\s+continues\s+(?:below|after)(?:\s+(?:this|the))?\s+(?:advertisement|ad|advert)",
    r"continue\s+reading\s+(?:below|the\s+main\s+story)",
    r"scroll\s+(?:down\s+)?to\s+continue(?:\s+(?:with|reading))?(?:\s+(?:the\s+)?(?:content|article|story))?",
    r"(?:advertisement|ad)\s*[-–—:·|]\s*(?:scroll|continue)\s+(?:down\s+)?(?:to\s+)?"
    r"(?:continue|reading)[\w ]*",
    r"skip\s+(?:advertisement|ad)",
    r"ad\s+feedback",
    r"ad\s*choices",  # the industry's ad-preferences icon, printed as its label
    r"report\s+(?:this\s+)?ad",
    r"(?:advertisement|anzeige|publicité|publicidad)\s+\d+\s*(?:of|/)\s*\d+",
    r"weiter\s+nach\s+der\s+(?:anzeige|werbung)",
    r"(?:der\s+)?artikel\s+(?:wird\s+)?(?:geht\s+)?(?:unter|nach)\s+der\s+(?:anzeige|werbung)\s+weiter",
    r"la\s+suite\s+(?:de\s+l'article\s+)?après\s+(?:cette\s+)?(?:la\s+)?publicité",
    r"l'article\s+continue\s+après\s+(?:la\s+)?publicité",
    r"continúa\s+(?:leyendo\s+)?(?:después|debajo)\s+de\s+la\s+publicidad",
    r"continua\s+(?:depois|após)\s+(?:da|a)\s+publicidade",
    r"continua\s+a\s+leggere\s+dopo\s+la\s+pubblicità",
    r"продолжение\s+(?:следует\s+)?после\s+рекламы",
    r"广告\s*[:：]?\s*继续阅读",
]

_WORDS = "|".join(_MARKER_WORDS)
_PHRASES = "|".join(_MARKER_PHRASES)
# A marker may be dressed in brackets, dashes, stars or an ellipsis.
_DRESS = r"[\[\]()\-–—*_|·•.:…【】（）［］〔〕・]"
# Each step takes exactly one dress character and the spaces beside it. The
# stage already allows spaces around the whole line; letting the dress match
# spaces as well made a long run of spaces take quadratic time.
_STANDALONE = (
    rf"(?:{_DRESS}(?:{SPACE})*)*"
    # one marker, a run of them ("Advertisement Advertisement"), or a phrase
    rf"(?:(?:{_WORDS})(?:(?:{SPACE}|{_DRESS})*(?:{_WORDS}))*|{_PHRASES})"
    rf"(?:(?:{SPACE})*{_DRESS})*"
)

# Markers glued to text: only the unmistakable ones, never bare "ad".
_GLUE_TITLE = (
    r"Advertisement|Anzeige|Werbung|Publicité|Publicidad|Publicidade|Pubblicità|Advertentie|Реклама"
)
_GLUE_UPPER = (
    r"ADVERTISEMENT|ADVERTISING|ANZEIGE|WERBUNG|PUBLICITÉ|PUBLICIDAD|PUBLICIDADE|PUBBLICITÀ|РЕКЛАМА"
)
_GLUE_CJK = r"广告|廣告|広告|광고"
# Chinese and Japanese put no space between words, so "广告 据报道" is a label and a
# space; Korean does ("광고 시장이 커졌다" is a sentence), so 광고 is not taken there.
_GLUE_CJK_SPACED = r"广告|廣告|広告"
_UPPER_START = r"[\"“‘«„]?[A-ZÀ-ÖØ-ÞА-ЯЁ]"
# A sentence in ordinary case: a capital, then a small letter ("The", "Putin") or
# a one-letter word ("A council ..."). An all-caps headline ("ADVERTISING
# SPENDING FALLS") or a plural ("ADVERTISEMENTS") is not one.
_LOWER = r"[a-zß-öø-ÿа-яё]"
_SENTENCE_START = rf"{_UPPER_START}(?:{_LOWER}|(?:{SPACE})+{_LOWER}|['’]{_LOWER})"
# The end of the sentence before a glued marker.
_SENTENCE_END = r"(?<=[.!?。！？\"”’»])"
# Slots come in runs ("AdvertisementAdvertisementThe ..."): any markers before the
# one a rule looks for go with it, or a second run would find the next one.
_ANY_GLUE = rf"(?:{_GLUE_TITLE}|{_GLUE_UPPER}|{_GLUE_CJK})"
_MORE = rf"(?:{_ANY_GLUE}(?:{SPACE})*)*"
# The marker, then the next paragraph: "AdvertisementPutin will ..." (no space),
# "ADVERTISEMENT The minister ..." (a shouting label), "广告 据报道" (CJK, spaced).
# "Advertisement revenue ..." or "Advertisement Standards Authority ..." read as
# sentences, so a title-case marker needs to be glued with no space at all.
_GLUED_START = (
    rf"^(?:{SPACE})*{_MORE}(?:{_GLUE_TITLE})(?={_UPPER_START})(?!{_ANY_GLUE})"
    rf"|^(?:{SPACE})*{_MORE}(?:{_GLUE_UPPER})(?:{SPACE})*(?={_SENTENCE_START})(?!{_ANY_GLUE})"
    rf"|^(?:{SPACE})*{_MORE}(?:{_GLUE_CJK_SPACED})(?:{SPACE})+(?=\S)"
)
# "... after the 2011 tsunami.Advertisement": the marker right after the end of a
# sentence, at the end of the line.
_GLUED_END = rf"{_SENTENCE_END}(?:{SPACE})*{_ANY_GLUE}(?:(?:{SPACE})*{_ANY_GLUE})*(?:{SPACE})*$"
# "... at the port.AdvertisementHalvern Gateway said ...": the slot sat between two
# paragraphs that the extractor ran together. Only a marker glued to the sentence
# before it is taken; "... said. Advertisement revenue rose ..." is a sentence.
_GLUED_MIDDLE = (
    rf"{_SENTENCE_END}{_MORE}(?:{_GLUE_TITLE})(?={_UPPER_START})(?!{_ANY_GLUE})"
    rf"|{_SENTENCE_END}(?:{SPACE})*{_MORE}(?:{_GLUE_UPPER})(?=(?:{SPACE})*{_SENTENCE_START})"
    rf"|(?<=[。！？]){_MORE}(?:{_GLUE_CJK_SPACED})(?:{SPACE})+(?=\S)"
)

# Every glued marker is one of these words. A line is tried only if it holds
# one of the stems below (fewer searches: "Advert" covers "Advertisement" and
# "Advertentie"); a word no stem covers is searched for itself.
_GLUE_WORDS = tuple(dict.fromkeys(f"{_GLUE_TITLE}|{_GLUE_UPPER}|{_GLUE_CJK}".split("|")))
_STEMS: tuple[str, ...] = ("Advert", "ADVERTIS", "Anzeige", "ANZEIGE", "Werbung", "WERBUNG")
_STEMS += ("Publici", "PUBLICI", "Pubblicit", "PUBBLICIT", "Реклама", "РЕКЛАМА", "告", "광고")
_GLUE_STEMS = _STEMS + tuple(w for w in _GLUE_WORDS if not any(s in w for s in _STEMS))


@cache
def _glued_patterns() -> tuple[re.Pattern[str], ...]:
    # Compiled on first need, not at import: most texts hold no marker word.
    return tuple(
        regexcache.compile(p, re.MULTILINE) for p in (_GLUED_START, _GLUED_MIDDLE, _GLUED_END)
    )


@cache
def _stem_finders(ascii_only: bool) -> tuple[re.Pattern[str], ...]:
    """Case-sensitive finders of the stems, one per character a stem starts with.

    A pattern that starts with one plain character is searched for with a
    tight loop over the text in C; one pattern for all stems made the
    engine test each character against a set ("A", "W", "P", "Р", "告",
    "광"), which costs more than the six loops together, and a str.find per
    stem more again. An ASCII text can hold only the ASCII stems.
    """
    groups: dict[str, list[str]] = {}
    for stem in _GLUE_STEMS:
        if stem.isascii() or not ascii_only:
            groups.setdefault(stem[0], []).append(re.escape(stem))
    return tuple(regexcache.compile("|".join(group)) for group in groups.values())


def glue_candidates(doc: Document) -> list[int]:
    """Indexes of the lines holding a glue stem, in order: the lines glued patterns may match.

    No stem holds a line break, so a line holds one exactly when a finder's
    match starts in it.
    """
    text, index_at = doc.joined, doc.index_at
    finders = _stem_finders(text.isascii())
    return sorted(
        {index_at(match.start()) for finder in finders for match in finder.finditer(text)}
    )


# How many characters of a line the start scan compares with how rules start.
_START_DEPTH = 5
# The stages that share the start scan, by the name of their rules in it.
_SHARED_SCAN: dict[type[LinePatternStage], str] = {}


@cache
def _start_scan(names: frozenset[str]) -> StartScan:
    """One scan of how lines start for the rules of the stages in _SHARED_SCAN.

    A scan of every line start costs about as much whatever it looks for, so
    ads and chrome share one (context.StartScan): it finds the lines either
    stage's rules can start, and each stage's matcher keeps its own among
    those few. Five characters are compared (the engine's PrefixGate looks
    at three), with first letters matched case-sensitively: prose that only
    starts like a rule ("Spo...", "Sho...", "Com...") is mostly turned away
    before the rules are tried. Built from the rules' own parse, it misses no
    line they match. Building it takes about 0.2 s once; regexcache keeps it.
    """
    stages = {name: stage for stage, name in _SHARED_SCAN.items() if name in names}
    (flags,) = {int(stage.flags) for stage in stages.values()}
    patterns = {name: stage._body() for name, stage in stages.items()}
    return StartScan(patterns, flags, SPACE, _START_DEPTH)


def join_start_scan(stage: type[LinePatternStage], name: str) -> None:
    """Make ``stage`` (a StartGated one) take its candidate lines from the shared start scan."""
    _SHARED_SCAN[stage] = name


class StartGated(LinePatternStage):
    """A prefix-gated stage whose candidate lines come from the shared start scan.

    A stage joins the scan with join_start_scan; any other class
    (a subclass with rules of its own) gets the engine's prefix gate.
    """

    prefix_gated = True

    def _scan_name(self) -> str | None:
        return _SHARED_SCAN.get(type(self)) if self.prefix_gated else None

    def prepare(self) -> None:
        if self._scan_name() is None:
            super().prepare()
            return
        _start_scan(frozenset(_SHARED_SCAN.values())).prepare()
        self.line_matcher()

    def candidate_lines(self, doc: Document) -> Iterable[int] | None:
        name = self._scan_name()
        if name is None:  # not in the scan, or a subclass that scans every line
            return super().candidate_lines(doc)
        return _start_scan(frozenset(_SHARED_SCAN.values())).lines(doc, name)


class AdsStage(StartGated):
    """Ad markers on their own line or glued to a paragraph ("Advertisement", "Anzeige", "广告")."""

    name = "ads"
    rules: ClassVar[dict[str, str]] = {
        "ad_marker": "an ad slot label standing alone on a line",
        "ad_glued": "an ad slot label glued to the start or end of a paragraph",
    }
    patterns: ClassVar[dict[str, str]] = {"ad_marker": _STANDALONE}
    # Prose starts with "A", "S", "P" as often as the markers do; five
    # characters ("Adver", "Spons") turn nearly all of it away (_start_scan).
    prefix_gated = True

    def prepare(self) -> None:
        super().prepare()
        _stem_finders(True)
        _stem_finders(False)
        _glued_patterns()

    def find(self, doc: Document) -> Iterator[Removal]:
        yield from super().find(doc)
        removed = doc.removed
        # Find the few lines that hold a marker word with a literal search,
        # then try the glued patterns on those lines alone.
        candidates = glue_candidates(doc)
        for pattern in _glued_patterns() if candidates else ():
            for index in candidates:
                if removed[index]:
                    continue
                line = doc.lines[index]
                for match in pattern.finditer(line):
                    column, end = match.span()
                    if end - column >= len(line.strip()):
                        continue  # the whole line: the standalone rule's business
                    yield self.remove_span(doc, "ad_glued", index, column, end)


join_start_scan(AdsStage, "ads")
