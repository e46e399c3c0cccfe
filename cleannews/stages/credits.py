"""Photo credits and caption furniture: "Photo: Jane Doe, AP", "Image copyright Reuters".

Pages print a credit under each picture and label the caption ("Image caption",
"Media caption"); extractors keep them as lines of their own. A line goes only
when ALL of it is credit furniture:

- a credit label with a list of names or agencies: "Photo: Jane Doe, AP",
  "(Photo by Jo Lee/Getty Images)", "Foto: dpa", "Image source, EPA";
- a list of names that carries a news or photo agency, with credit separators:
  "Jane Doe/Getty Images", "Jane Doe | Bloomberg | Getty Images", "Reuters";
- a caption label alone ("Image caption", "Bildunterschrift") or followed by the
  caption it labels ("Media caption The mayor on Monday").

A caption with a credit glued to its end is left alone (many articles keep their
captions), as is a sentence that talks about photos, and a credit that closes
the text: publishers print the credit of a cover image there as a sign-off.

>>> from cleannews import clean
>>> clean("Photo: Jane Doe, AP\\nThe bridge reopened on Monday.\\n")
'The bridge reopened on Monday.\\n'
>>> clean("Photo: the bridge as it looked in 1950, before the flood.\\n")
'Photo: the bridge as it looked in 1950, before the flood.\\n'
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import cache
from itertools import accumulate
from typing import ClassVar

from cleannews import regexcache
from cleannews.document import Document, Removal
from cleannews.stages.base import EDGE_LINES, SPACE, Stage
from cleannews.stages.context import case_blind_chars, ends_sentence, next_live, word_starts


class _Lazy:
    """A regular expression compiled the first time it is used.

    Importing the stage compiles nothing, and a text in which the candidate
    scan finds no line never compiles the rules credit_rule applies.
    """

    __slots__ = ("_compiled", "flags", "pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    def get(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = regexcache.compile(self.pattern, self.flags)
        return self._compiled

    def match(self, text: str) -> re.Match[str] | None:
        return self.get().match(text)

    def fullmatch(self, text: str) -> re.Match[str] | None:
        return self.get().fullmatch(text)

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self.get().search(text, pos)

    def split(self, text: str) -> list[str]:
        return self.get().split(text)

    def sub(self, replacement: str, text: str) -> str:
        return self.get().sub(replacement, text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.get().finditer(text)


# Words that label a picture, in several languages.
_PICTURE = (
    r"(?:file\s+|cover\s+|lead\s+|top\s+|header\s+|main\s+)?"
    r"(?:photo(?:graph)?s?|photography|pictures?|pics?|images?|illustrations?|graphics?"
    r"|videos?|fotos?|fotografi(?:e|a|as|en)|fotografías?|bild(?:er)?|titelbild|imagen(?:es)?"
    r"|immagin[ei]|imagens?|ilustra(?:ción|ção|tion)|фото(?:графия)?|снимок|zdjęcie|kuva)"
)
_CREDIT_WORD = r"(?:credits?|crédits?|créditos?|copyright|courtesy|©)"
_SOURCE_WORD = r"(?:source|quelle|fuente|fonte|źródło|источник|bron)"
# "Photo", "Photo credit", "Image copyright", "Photo illustration", "Credit".
_LABEL = _Lazy(
    rf"(?i:{_PICTURE}(?:\s+(?:(?P<credit>{_CREDIT_WORD}|illustration)|(?P<source>{_SOURCE_WORD})))?"
    # "Credit", "Crédit photo", "Crédito de la imagen"
    rf"|(?P<bare_credit>{_CREDIT_WORD}(?:\s+(?:de\s+la\s+|de\s+|da\s+)?{_PICTURE})?)"
    rf"|(?P<bare_source>{_SOURCE_WORD}))(?!\w)"
)
# What joins a label to the names: "Photo: X", "Photo by X", "Image © X", "AP Photo/X".
_JOIN = _Lazy(
    r"(?:\s*[:：,|/–—-]\s*|\s*©\s*|\s+(?i:by|von|par|por|di|da|door|av)\s+|\s+(?i:courtesy\s+of)\s+)"
)


def _first_letter_cased(sources: tuple[str, ...]) -> str:
    """``(?i:a|b|...)`` for sources that start with a plain letter, tried faster.

    Each source is written once per case of its first letter ("r(?i:euters)|
    R(?i:euters)"), in their order: the engine passes over a branch whose
    first character differs in C, where it tries case-blind branches one by
    one. The cases are all the letter takes under IGNORECASE, so each place
    matches as the case-blind alternation does.
    """
    return "|".join(
        f"{re.escape(char)}(?i:{source[1:]})"
        for source in sources
        for char in case_blind_chars(source[0])
    )


# Agencies whose name on a line of names marks it as a credit. Short ones must
# be upper-case ("AP", not "ap"); person-like names (Bloomberg) are left out, so
# "Michael Bloomberg" on a line of its own is never taken for a credit.
_AGENCY_ANY_CASE = (
    r"getty\s+images",
    r"associated\s+press",
    r"reuters",
    r"shutterstock",
    r"istock(?:photo)?",
    r"alamy",
    r"xinhua",
    r"kyodo",
    r"yonhap",
    r"ansa",
    r"tass",
    r"sputnik",
    r"anadolu(?:\s+agency)?",
    r"keystone",
    r"imago",
    r"picture[\s-]alliance",
    r"nurphoto",
    r"wireimage",
    r"filmmagic",
    r"europa\s+press",
    r"agencia\s+efe",
    r"sipa(?:\s+press)?",
    r"zuma(?:\s+press|\s+wire)?",
    r"corbis",
    r"afp",
    r"epa(?:-efe)?",
    r"dpa",
)


_AGENCY = _Lazy(
    r"(?<![\w@])(?:"
    + _first_letter_cased(_AGENCY_ANY_CASE)
    + r"|AP|PA(?:\s+(?:Images|Wire|Media))?|EFE|AAP|PTI|ANI|ANP|APA|IANS|Getty"
    r")(?![\w@])"
)
_LABEL_START = _Lazy(rf"(?:{_AGENCY.pattern}\s+)?{_LABEL.pattern}")
_AGENCY_ALONE = _Lazy(rf"{_AGENCY.pattern}(?:\s+(?i:photo|file|images?))?")

# Lower-case words that may sit inside a list of names: "via AP", "AP file",
# "Jane Doe for Getty Images", "Ana de la Cruz".
_NAME_GLUE = frozenset(
    {
        "and",
        "und",
        "et",
        "y",
        "e",
        "og",
        "och",
        "i",
        "for",
        "für",
        "pour",
        "para",
        "per",
        "via",
        "of",
        "the",
        "de",
        "da",
        "di",
        "del",
        "della",
        "do",
        "dos",
        "das",
        "du",
        "van",
        "von",
        "der",
        "den",
        "la",
        "le",
        "les",
        "al",
        "el",
        "bin",
        "ibn",
        "file",
        "pool",
        "handout",
        "staff",
        "courtesy",
        "contributor",
        "stringer",
        "photographer",
        "images",
    }
)
# Words that make a line of names a byline, which the optional byline stage owns.
_ROLE = _Lazy(
    r"(?i)\b(?:writer|reporter|correspondent|editor|journalist|columnist|redakteur\w*"
    r"|korrespondent\w*|journaliste|rédact\w+|periodista|redactor\w*|corrispondente|giornalista)\b"
)
_NAME_SPLIT = _Lazy(r"\s*[,/|;·•&+]\s*|\s+[–—-]\s+|\s+")
_CAPTION_LABEL = (
    r"(?:image|media|video|photo|picture)\s*caption|caption|bildunterschrift|bildtext"
    r"|légende(?:\s+photo)?|pie\s+de\s+foto|didascalia|legenda(?:\s+da\s+foto)?|подпись"
)
_LABEL_ALONE = _Lazy(
    rf"(?i:{_CAPTION_LABEL}|{_PICTURE}(?:\s+(?:{_CREDIT_WORD}|{_SOURCE_WORD}))?|{_CREDIT_WORD})"
    r"\s*[:：]?"
)
# "Image caption The mayor ...", "Media captionWho is ...": the label says what follows.
_LABELLED_CAPTION = _Lazy(
    r"(?i:(?:image|media|video|photo|picture)\s*caption|bildunterschrift|légende\s+photo)"
    r"(?:\s*[,:：.]\s*|\s+|(?=[A-ZÀ-ÖØ-Þ\"“‘«]))(?=\S)"
    # "FILE PHOTO: Traders work on the floor ...": a caption's label, in capitals
    r"|(?:FILE\s+PHOTO|ARCHIVE\s+PHOTO|PHOTO\s+D'ARCHIVES|ARCHIVBILD|FOTO\s+DE\s+ARCHIVO)\s*[:：]\s*(?=\S)"
)
_WRAP = _Lazy(r"^[\s(\[{*_]*(.*?)[\s)\]}*_.]*$")
# A line of several credits: "Photo illustration by Slate. Photo by Jo Lee."
_SEGMENTS = _Lazy(rf"(?<=[.;])\s+(?=(?i:{_PICTURE}|{_CREDIT_WORD}))")
# Cheap pre-filter: a line with none of these is never a credit. The words are
# matched against case-folded text, which is several times faster than an
# IGNORECASE alternation; agency initials must be in capitals.
_HINT_SOURCES = (
    r"phot|pic|imag|illustr|graphic|video|foto|bild|ilustra|фото|снимок|zdj|kuva|credit"
    r"|crédit|copyright|courtesy|©|source|quelle|fuente|fonte|źródło|источник|bron|caption"
    r"|légende|didascalia|legenda|подпись|pie\s+de|getty|reuters|associated|shutterstock"
    r"|istock|alamy|xinhua|kyodo|yonhap|ansa|tass|sputnik|anadolu|keystone|imago|nurphoto"
    r"|wireimage|filmmagic|europa\s+press|efe|sipa|zuma|corbis|afp|epa|dpa"
)


def _by_first_character(alternation: str) -> str:
    """An alternation of sources (each starting with a plain character) grouped by it.

    "p(?:hot|ic|ie\\s+de)|i(?:mag|...)": at each place the engine passes over
    one branch per first character instead of one per source. Only sources
    with the same first character can match at one place, and they keep
    their order, so every match is the one the flat alternation finds.
    """
    groups: dict[str, list[str]] = {}
    for source in alternation.split("|"):
        groups.setdefault(source[0], []).append(source[1:])
    return "|".join(
        re.escape(first) + (rests[0] if len(rests) == 1 else f"(?:{'|'.join(rests)})")
        for first, rests in groups.items()
    )


_HINT_WORDS = _Lazy(_by_first_character(_HINT_SOURCES))
_HINT_INITIALS = _Lazy(r"AP|PA|PTI|ANI|ANP|IANS")
_MAX_CHARS = 160
# A caption label that ends a line, glued or not: the caption is on the next line.
_LABEL_AT_END = _Lazy(
    r"(?i:(?:image|media|video|photo|picture)\s*caption|bildunterschrift|légende\s+photo)"
    r"\s*[:,]?\s*$"
)
_MAX_CAPTION = 250
_LABEL_TAIL = 40
# Room for the spaces and brackets around a credit.
_MAX_LINE = 2 * _MAX_CHARS


def credit_rule(line: str) -> str | None:
    """The rule a line falls under when all of it is credit furniture, else None."""
    text = _unwrap(line)
    if not text or len(text) > _MAX_CHARS:
        return None
    if _LABEL_ALONE.fullmatch(text):
        return "caption_label"
    if _LABELLED_CAPTION.match(text) and not _LABEL_ALONE.fullmatch(text):
        return "labelled_caption"
    segments = [part for part in _SEGMENTS.split(text) if part.strip()]
    if segments and all(_is_credit(_unwrap(part)) for part in segments):
        return "photo_credit"
    return None


def _unwrap(text: str) -> str:
    """The line without surrounding brackets, stars, spaces and a final full stop."""
    if "\n" not in text:
        # What _WRAP takes, without the regex: its greedy lead takes every
        # opening character, its lazy group leaves every closing one to the end.
        return text.lstrip(_WRAP_OPENING).rstrip(_WRAP_CLOSING)
    match = _WRAP.match(text)  # "." stops at a line break: the match may fail
    return match.group(1) if match else text.strip()


# Every character "\s" matches (str.isspace() is True for exactly these).
_WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
# The characters of _WRAP's classes: [\s(\[{*_] before, [\s)\]}*_.] after.
_WRAP_OPENING = _WHITESPACE + "([{*_"
_WRAP_CLOSING = _WHITESPACE + ")]}*_."


def _is_credit(text: str) -> bool:
    """One credit: a label and names, "© names", or names carrying an agency."""
    if not text or _ROLE.search(text):
        return False
    if text.startswith("©"):
        return _is_name_list(text[1:], need_agency=True)
    label = _LABEL_START.match(text)
    if label:
        rest = text[label.end() :]
        join = _JOIN.match(rest)
        source = bool(label.group("source") or label.group("bare_source"))
        credit = bool(label.group("credit") or label.group("bare_credit"))
        if join:
            rest = rest[join.end() :]
        elif not (credit or source) or not rest[:1].isspace():
            # "Photos Europe" is no credit; "Image copyright Getty Images" is.
            return _is_name_list(text, need_agency=True)
        # "Source: Ministry of Health" under a chart is content; "Source: AFP" is a credit.
        return _is_name_list(rest, need_agency=source)
    if re.match(r"(?i)by\s", text):
        return False  # "By Reuters" is a byline: the optional byline stage's business
    return _is_name_list(text, need_agency=True)


def _is_name_list(text: str, *, need_agency: bool) -> bool:
    """Whether ``text`` is only names of people or agencies, joined the way credits are."""
    text = text.strip(" \t.,:;")
    if not text:
        return False
    if need_agency:
        if _AGENCY_ALONE.fullmatch(text):
            return True
        # Names and an agency must be joined as credits are ("Jo Lee/AP", "Jo Lee,
        # AP", "via AP"): "Michael Bloomberg" or "Reuters Tower" alone is no credit.
        if not _AGENCY.search(text) or not re.search(r"[/|,]|\s(?i:via|for|für|pour|file)\s", text):
            return False
    # Agencies count as names whatever their case ("Foto: dpa", "Image: getty").
    text = _AGENCY_ALONE.sub("Agency", text).lstrip("© ")
    tokens = [token for token in _NAME_SPLIT.split(text) if token]
    if not tokens or len(tokens) > 12:
        return False
    for token in tokens:
        if token.lower() in _NAME_GLUE or _is_year(token) or token.startswith("@"):
            continue
        first = token.lstrip("(\"'“‘")[:1]
        if not first.isupper():
            return False
    return any(token.lower() not in _NAME_GLUE for token in tokens)


def _is_year(token: str) -> bool:
    """Whether ``token`` is a year, "(?:19|20)\\d\\d" whole ("\\d" is what str.isdecimal takes)."""
    return len(token) == 4 and token.startswith(("19", "20")) and token[2:].isdecimal()


def _hinted(texts: list[str]) -> list[int]:
    """Positions in ``texts`` (lines without line breaks) that hold a credit hint.

    One scan over all the lines joined, instead of a search call per line.
    """
    if not texts:
        return []
    found: set[int] = set()
    for joined, pattern in (
        ("\n".join(texts).casefold(), _HINT_WORDS),
        ("\n".join(texts), _HINT_INITIALS),
    ):
        # Case folding may lengthen a line ("ß" -> "ss") but never adds a line
        # break, so line starts are taken from the text that was scanned.
        lengths = map(len, joined.split("\n"))
        starts = list(accumulate(map((1).__add__, lengths), initial=0))
        found.update(bisect_right(starts, m.start()) - 1 for m in pattern.finditer(joined))
    return sorted(found)


# What credit_rule and the hint check use, for prepare().
_RULE_PATTERNS = (
    _LABEL_START,
    _JOIN,
    _AGENCY,
    _AGENCY_ALONE,
    _ROLE,
    _NAME_SPLIT,
    _LABEL_ALONE,
    _LABELLED_CAPTION,
    _WRAP,
    _SEGMENTS,
    _HINT_WORDS,
    _HINT_INITIALS,
    _LABEL_AT_END,
)

# The words a credit line can start with, after brackets and spaces: the label
# words of _LABEL_ALONE, _LABELLED_CAPTION and _LABEL_START (pictures, credits,
# sources, captions, "FILE PHOTO", "ARCHIVBILD") and the agencies a credit may
# open with ("Reuters/Jo Lee", "AP Photo/Jo Lee"), each cut to a prefix every
# form of it starts with. A line that starts otherwise can only be a credit as
# a list of names (see _NAME_LIST_START).
_START_WORDS = (  # split on spaces
    # pictures (_PICTURE, with its "file", "cover" ... prefixes)
    "file cover lead top header main phot pic imag immagin illustr ilustra graphic video foto"
    " bild titelbild фото снимок zdjęcie kuva"
    # credit and source words, caption labels
    " credit crédit copyright courtesy © source quelle fuente fonte źródło источник bron"
    " media caption légende legenda pie didascalia подпись archiv"
    # agencies, any case (_AGENCY)
    " getty associated reuters shutterstock istock alamy xinhua kyodo yonhap ansa tass sputnik"
    " anadolu keystone imago nurphoto wireimage filmmagic europa agencia sipa zuma corbis afp"
    " epa dpa efe"
)
# Agency initials only count in capitals (_AGENCY): "AP", "APA", "AAP", "ANI", ...
_START_INITIALS = "A[PN]|AAP|PA|PTI|IANS"
# Lower-case words a list of names may hold: _NAME_GLUE, which must be a whole
# token, and the words of agency names, which _is_name_list reads as a name
# whatever their case ("Jo Lee/getty images", "AP photo", "europa press").
_NAME_LIST_WORDS = (  # split on spaces
    "getty images image associated press reuters shutterstock istock alamy xinhua kyodo"
    " yonhap ansa tass sputnik anadolu agency keystone imago picture alliance nurphoto"
    " wireimage filmmagic europa agencia efe sipa zuma wire corbis afp epa dpa photo file"
)
# Characters no upper-case letter is (str.isupper() is False for each): small
# letters of the Latin, Cyrillic and Greek alphabets, and CJK, kana and Hangul.
_NOT_UPPER = (
    "a-z\u00df-\u00f6\u00f8-\u00ff\u0430-\u045f\u03b1-\u03c9"
    "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
)
_SPACE = SPACE[1:-1]
# What "[^\S\n]" matches (the spaces "\s" takes but the line break), as the
# body of a character class that other characters can join.
_LINE_SPACE = r"\t\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"


def _candidate_source() -> str:
    """A lookahead, after a line break, for the lines credit_rule may take (a superset).

    credit_rule takes a line when, after brackets and spaces, it starts with a
    label, "©" or an agency (_START_WORDS), or when its first segment is a list
    of names: tokens that start with a capital, "@" or a digit, or are glue
    words or parts of agency names (_is_name_list). The second is checked token
    by token until the first that cannot be a name; a ". " or "; " may end the
    segment, so it ends the check (accepting the line). Prose fails on its
    first small word, so each line costs a few steps; no long line is read
    through.
    """
    # Tried only where a small letter starts the token (_NOT_UPPER).
    allowed = word_starts(_NAME_LIST_WORDS.split(), whole_words=_NAME_GLUE, lower_first=True)
    bad_token = rf"[\"'“‘(]*+(?=[{_NOT_UPPER}])(?!{allowed})"
    # Exactly what _NAME_SPLIT splits on: a token must not be cut where it is not.
    # A run of separators: spaces but "\n", marks, and ";" when no space follows.
    separator = rf"[{_LINE_SPACE},/|·•&+]"
    separators = rf"(?:{separator}|;(?!\s)){separator}*+(?:;(?!\s){separator}*+)*+"
    # A token runs to the next separator, space or ". " (a full stop inside
    # it, "J.Smith", is part of it).
    token = r"[^\s,/|;·•&+.]*+(?:\.(?!\s)[^\s,/|;·•&+.]*+)*+"
    # Token, separators, token ... as long as no separators come before a bad
    # token; the run must then end the segment. Written as loops over
    # character classes, which the engine runs in a tight loop of its own,
    # rather than one loop over the three alternatives (twice as slow).
    name_list = (
        rf"(?!{bad_token}){token}(?:{separators}(?!{bad_token}){token})*+"
        r"(?:[.;](?=\s)|(?=\n))"
    )
    # A list of names that does not start with an agency (those are in
    # _START_WORDS) needs one joined to it as credits join them (_is_name_list).
    # (A line with a mark is found in one run over a class, before the words.)
    joined = r"(?=[^\n/|,]*+[/|,]|[^\n]*?\s(?i:via|for|für|pour|file)\s)"
    words = _START_WORDS.split()
    # One look at the first character turns away a line that no start word or
    # initial can open, before the alternation is tried branch by branch.
    firsts = {char for word in words for char in case_blind_chars(word[0])}
    firsts.update(initials[0] for initials in _START_INITIALS.split("|"))
    first = "".join(map(re.escape, sorted(firsts)))
    start = rf"(?=[{first}])(?:{_START_INITIALS}|{word_starts(words)})"
    return (
        rf"(?=[{_SPACE}(\[{{*_.,:;]*+(?:{start}"
        rf"|[{_SPACE}(\[{{*_.,:;©/|·•&+]*+(?=\S)(?={name_list}){joined}))"
    )


def _label_end_source() -> str:
    """A lookbehind, from a line break, for a line before it that may end with a label.

    _LABEL_AT_END ends a line with the label's last letters ("caption",
    "bildunterschrift", "photo"), maybe a ":" or "," after them, or with
    spaces.
    """
    return (
        # One look at the last character turns most lines away.
        rf"(?<=[nNtToO:,{_SPACE}]\n)"
        r"(?:(?<=[pP][tT][iIİı][oO][nN]\n)|(?<=[rR][iIİı][fF][tT]\n)|(?<=[hH][oO][tT][oO]\n)"
        r"|(?<=[pP][tT][iIİı][oO][nN][:,]\n)|(?<=[rR][iIİı][fF][tT][:,]\n)"
        r"|(?<=[hH][oO][tT][oO][:,]\n)"
        rf"|(?<=[{_SPACE}]\n)|(?<=[{_SPACE}][:,]\n))"
    )


@cache
def _line_scanner() -> re.Pattern[str]:
    """One scanner of Document.scan_text for both kinds of line the stage looks at.

    It stops at a line break when the line before it may end with a caption
    label (_label_end_source: group 1 is set) or, if not, when the line
    after it may be a credit (_candidate_source). The engine jumps from one
    line break to the next in C, once for both. The candidate lookahead is
    written once (the engine's program is half as big as with a second copy
    for the line breaks that are both, which _candidate_scanner looks at).
    """
    return regexcache.compile(rf"\n(?:{_label_end_source()}()|{_candidate_source()})")


@cache
def _candidate_scanner() -> re.Pattern[str]:
    """_candidate_source alone, for the few line breaks after a possible caption label."""
    return regexcache.compile(rf"\n{_candidate_source()}")


def _scan(doc: Document) -> tuple[set[int], list[int]]:
    """The lines the candidate scan finds, and those that may end with a caption label."""
    candidates: set[int] = set()
    label_ends: list[int] = []
    text, index_at = doc.scan_text, doc.index_at
    for match in _line_scanner().finditer(text):
        # Offset i of scan_text is offset i - 1 of Document.joined: the line
        # break found ends the line at index_at(start - 1) and comes before
        # the one at index_at(start).
        start = match.start()
        if match.group(1) is not None:
            label_ends.append(index_at(start - 1))
            if _candidate_scanner().match(text, start) is None:
                continue
        candidates.add(index_at(start))
    return candidates, label_ends


class CreditsStage(Stage):
    """Photo credits and caption labels on lines of their own ("Photo: Jane Doe, AP")."""

    name = "credits"
    reach = EDGE_LINES + 1  # the last-line exception looks at the tail
    rules: ClassVar[dict[str, str]] = {
        "photo_credit": "a photo credit (a credit label with names, or names with an agency)",
        "caption_label": "a caption or credit label standing alone",
        "labelled_caption": "a caption marked as such by its label ('Image caption ...')",
        "caption_after_label": "a caption on the line after its label ('... Image caption')",
    }

    def prepare(self) -> None:
        _line_scanner()
        _candidate_scanner()
        for pattern in _RULE_PATTERNS:
            pattern.get()

    def find(self, doc: Document) -> Iterator[Removal]:
        # Everything is judged on the text as it was when the stage started:
        # the removals below are only marked as they are handed out.
        candidates, label_ends = _scan(doc)
        credits = list(self._credit_lines(doc, candidates))
        labels = self._lines_after_labels(doc, label_ends)
        for index, rule in credits:
            yield self.remove_lines(doc, rule, index)
        # The line that ends with a caption label may be a long paragraph.
        for index in labels:
            if doc.removed[index]:
                continue
            caption = doc.visible(index).strip()
            if 0 < len(caption) <= _MAX_CAPTION and not ends_sentence(caption):
                yield self.remove_lines(doc, "caption_after_label", index)

    def _credit_lines(self, doc: Document, found: set[int]) -> Iterator[tuple[int, str]]:
        """The lines that hold a credit and nothing else, with their rules, in order.

        A line goes when it remains (neither blank nor removed), reads (as it
        does once glued markers are cut out) in at most _MAX_LINE characters,
        holds a credit hint and falls under credit_rule. Only the lines the
        candidate scan ``found``, and those with a part cut out, can.
        """
        found.update(doc.cut_lines())
        for index in sorted(found):
            text = _scanned_text(doc, index)
            if text is None or not _hinted_at(doc, index, text):
                continue
            rule = credit_rule(text)
            # A credit on the last line is kept: publishers print the credit of a
            # cover picture there as a sign-off, and some count it as the text's own.
            if rule is None or (rule == "photo_credit" and index == _last_text_line(doc)):
                continue
            yield index, rule

    def _lines_after_labels(self, doc: Document, label_ends: list[int]) -> list[int]:
        """The lines right after a line that ends with a caption label (see below).

        Extractors glue "Image copyrightEPAImage caption" to the paragraph above
        and put the caption on the next line; a caption is short and, unlike the
        article's sentences, ends without a full stop. ``label_ends`` are the
        lines the scan found that may end with one.
        """
        removed, blank, lines = doc.removed, doc.blank, doc.lines
        after = []
        for before in label_ends:
            if removed[before] or blank[before]:
                continue
            line = lines[before]
            # Only the end of the line can hold the label: look no further back.
            if not _LABEL_AT_END.search(line, max(0, len(line) - _LABEL_TAIL)):
                continue
            index = next_live(doc, before)
            if index is not None:
                after.append(index)
        return after


def _last_text_line(doc: Document) -> int:
    """The last remaining line with text if it is among the last EDGE_LINES lines, else -1."""
    removed, blank = doc.removed, doc.blank
    for index in range(len(doc.lines) - 1, max(-1, len(doc.lines) - EDGE_LINES - 1), -1):
        if not removed[index] and not blank[index]:
            return index
    return -1


def _scanned_text(doc: Document, index: int) -> str | None:
    """Line ``index`` as read for credits, if it remains and is short enough; else None."""
    if doc.removed[index] or doc.blank[index]:
        return None
    text = doc.visible(index)
    return text if len(text) <= _MAX_LINE else None


def _hinted_at(doc: Document, index: int, text: str) -> bool:
    """Whether :func:`_hinted` over every remaining short line would hold line ``index``.

    The hint words are found line by line, except "pie de" and "europa press",
    which may run from one line to the next and so hide or give a hint at the
    start of the next line. The lines around ``index`` that such a hint can join
    to it are scanned together, starting at a line that no hint runs into.
    """
    if _HINT_WORDS.search(text.casefold()) or _HINT_INITIALS.search(text):
        # Held unless a hint that runs on from the line before hides it.
        _, previous = _previous_scanned(doc, index)
        if previous is None or not _may_run_on(previous):
            return True
    elif not _may_run_on(text):
        return False  # only a hint that starts here can give the line one
    texts = [text]
    before = index
    while True:
        before, previous = _previous_scanned(doc, before)
        if previous is None or not _may_run_on(previous):
            break
        texts.insert(0, previous)
    position = len(texts) - 1
    after = index
    while _may_run_on(texts[-1]):
        after, following = _next_scanned(doc, after)
        if following is None:
            break
        texts.append(following)
    return position in _hinted(texts)


def _may_run_on(text: str) -> bool:
    """Whether a hint may run from the end of ``text`` on to the next line (see _hinted_at).

    That takes "pie" or "europa" (case-folded) at the end, or a line of spaces
    for a hint to run through. ``str.rstrip()`` strips what ``\\s`` matches, and
    case folding never shortens a character, so the last six characters do.
    """
    end = text.rstrip()
    return not end or end[-6:].casefold().endswith(("pie", "europa"))


def _previous_scanned(doc: Document, index: int) -> tuple[int, str | None]:
    for other in range(index - 1, -1, -1):
        text = _scanned_text(doc, other)
        if text is not None:
            return other, text
    return -1, None


def _next_scanned(doc: Document, index: int) -> tuple[int, str | None]:
    for other in range(index + 1, len(doc.lines)):
        text = _scanned_text(doc, other)
        if text is not None:
            return other, text
    return len(doc.lines), None
