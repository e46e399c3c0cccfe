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

import itertools
import re
from bisect import bisect_right
from collections.abc import Iterator
from itertools import accumulate, compress
from typing import ClassVar

from cleannews.document import Document, Removal
from cleannews.stages.base import EDGE_LINES, Stage, live_text_lines, tail_lines
from cleannews.stages.context import ends_sentence

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
_LABEL = re.compile(
    rf"(?i:{_PICTURE}(?:\s+(?:(?P<credit>{_CREDIT_WORD}|illustration)|(?P<source>{_SOURCE_WORD})))?"
    # "Credit", "Crédit photo", "Crédito de la imagen"
    rf"|(?P<bare_credit>{_CREDIT_WORD}(?:\s+(?:de\s+la\s+|de\s+|da\s+)?{_PICTURE})?)"
    rf"|(?P<bare_source>{_SOURCE_WORD}))(?!\w)"
)
# What joins a label to the names: "Photo: X", "Photo by X", "Image © X", "AP Photo/X".
_JOIN = re.compile(
    r"(?:\s*[:：,|/–—-]\s*|\s*©\s*|\s+(?i:by|von|par|por|di|da|door|av)\s+|\s+(?i:courtesy\s+of)\s+)"
)

# Agencies whose name on a line of names marks it as a credit. Short ones must
# be upper-case ("AP", not "ap"); person-like names (Bloomberg) are left out, so
# "Michael Bloomberg" on a line of its own is never taken for a credit.
_AGENCY = re.compile(
    r"(?<![\w@])(?:"
    r"(?i:getty\s+images|associated\s+press|reuters|shutterstock|istock(?:photo)?|alamy"
    r"|xinhua|kyodo|yonhap|ansa|tass|sputnik|anadolu(?:\s+agency)?|keystone|imago"
    r"|picture[\s-]alliance|nurphoto|wireimage|filmmagic|europa\s+press|agencia\s+efe"
    r"|sipa(?:\s+press)?|zuma(?:\s+press|\s+wire)?|corbis|afp|epa(?:-efe)?|dpa)"
    r"|AP|PA(?:\s+(?:Images|Wire|Media))?|EFE|AAP|PTI|ANI|ANP|APA|IANS|Getty"
    r")(?![\w@])"
)
_LABEL_START = re.compile(rf"(?:{_AGENCY.pattern}\s+)?{_LABEL.pattern}")
_AGENCY_ALONE = re.compile(rf"{_AGENCY.pattern}(?:\s+(?i:photo|file|images?))?")

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
_ROLE = re.compile(
    r"(?i)\b(?:writer|reporter|correspondent|editor|journalist|columnist|redakteur\w*"
    r"|korrespondent\w*|journaliste|rédact\w+|periodista|redactor\w*|corrispondente|giornalista)\b"
)
_NAME_SPLIT = re.compile(r"\s*[,/|;·•&+]\s*|\s+[–—-]\s+|\s+")
_YEAR = re.compile(r"(?:19|20)\d\d")
_CAPTION_LABEL = (
    r"(?:image|media|video|photo|picture)\s*caption|caption|bildunterschrift|bildtext"
    r"|légende(?:\s+photo)?|pie\s+de\s+foto|didascalia|legenda(?:\s+da\s+foto)?|подпись"
)
_LABEL_ALONE = re.compile(
    rf"(?i:{_CAPTION_LABEL}|{_PICTURE}(?:\s+(?:{_CREDIT_WORD}|{_SOURCE_WORD}))?|{_CREDIT_WORD})"
    r"\s*[:：]?"
)
# "Image caption The mayor ...", "Media captionWho is ...": the label says what follows.
_LABELLED_CAPTION = re.compile(
    r"(?i:(?:image|media|video|photo|picture)\s*caption|bildunterschrift|légende\s+photo)"
    r"(?:\s*[,:：.]\s*|\s+|(?=[A-ZÀ-ÖØ-Þ\"“‘«]))(?=\S)"
    # "FILE PHOTO: Traders work on the floor ...": a caption's label, in capitals
    r"|(?:FILE\s+PHOTO|ARCHIVE\s+PHOTO|PHOTO\s+D'ARCHIVES|ARCHIVBILD|FOTO\s+DE\s+ARCHIVO)\s*[:：]\s*(?=\S)"
)
_WRAP = re.compile(r"^[\s(\[{*_]*(.*?)[\s)\]}*_.]*$")
# A line of several credits: "Photo illustration by Slate. Photo by Jo Lee."
_SEGMENTS = re.compile(rf"(?<=[.;])\s+(?=(?i:{_PICTURE}|{_CREDIT_WORD}))")
# Cheap pre-filter: a line with none of these is never a credit. The words are
# matched against case-folded text, which is several times faster than an
# IGNORECASE alternation; agency initials must be in capitals.
_HINT_WORDS = re.compile(
    r"phot|pic|imag|illustr|graphic|video|foto|bild|ilustra|фото|снимок|zdj|kuva|credit"
    r"|crédit|copyright|courtesy|©|source|quelle|fuente|fonte|źródło|источник|bron|caption"
    r"|légende|didascalia|legenda|подпись|pie\s+de|getty|reuters|associated|shutterstock"
    r"|istock|alamy|xinhua|kyodo|yonhap|ansa|tass|sputnik|anadolu|keystone|imago|nurphoto"
    r"|wireimage|filmmagic|europa\s+press|efe|sipa|zuma|corbis|afp|epa|dpa"
)
_HINT_INITIALS = re.compile(r"AP|PA|PTI|ANI|ANP|IANS")
_MAX_CHARS = 160
# A caption label that ends a line, glued or not: the caption is on the next line.
_LABEL_AT_END = re.compile(
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
    match = _WRAP.match(text)
    return match.group(1) if match else text.strip()


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
        if token.lower() in _NAME_GLUE or _YEAR.fullmatch(token) or token.startswith("@"):
            continue
        first = token.lstrip("(\"'“‘")[:1]
        if not first.isupper():
            return False
    return any(token.lower() not in _NAME_GLUE for token in tokens)


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

    def find(self, doc: Document) -> Iterator[Removal]:
        lines = live = live_text_lines(doc)
        # A credit on the last line is kept: publishers print the credit of a
        # cover picture there as a sign-off, and some count it as the text's own.
        last = tail_lines(doc, 1)[0] if tail_lines(doc, 1) else -1
        # As the lines read once glued markers are cut out. Cheap tests first:
        # most lines are too long or name nothing pictorial.
        texts = doc.visible_lines(lines)
        short = list(map(_MAX_LINE.__ge__, map(len, texts)))
        lines = list(compress(lines, short))
        texts = list(compress(texts, short))
        for position in _hinted(texts):
            index, line = lines[position], texts[position]
            rule = credit_rule(line)
            if rule is None or (rule == "photo_credit" and index == last):
                continue
            yield self.remove_lines(doc, rule, index)
        # The line that ends with a caption label may be a long paragraph.
        yield from self._captions_after_labels(doc, live)

    def _captions_after_labels(self, doc: Document, lines: list[int]) -> Iterator[Removal]:
        """The caption a label announces at the very end of the line before it.

        Extractors glue "Image copyrightEPAImage caption" to the paragraph above
        and put the caption on the next line; a caption is short and, unlike the
        article's sentences, ends without a full stop.
        """
        for before, index in itertools.pairwise(lines):
            if doc.removed[index]:
                continue
            line = doc.lines[before]
            # Only the end of the line can hold the label: look no further back.
            if not _LABEL_AT_END.search(line, max(0, len(line) - _LABEL_TAIL)):
                continue
            caption = doc.visible(index).strip()
            if 0 < len(caption) <= _MAX_CAPTION and not ends_sentence(caption):
                yield self.remove_lines(doc, "caption_after_label", index)
