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
from collections.abc import Iterator
from functools import cache
from typing import ClassVar

from cleannews import regexcache
from cleannews.document import Document, Removal
from cleannews.stages.base import SPACE
from cleannews.stages.gates import StartGated, join_start_scan

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
