"""Author boxes and contact lines at the end of an article: "Write to Jo Lee at jo@paper.com".

Many pages close an article with a box about its author: a short biography
("Jo Lee is a reporter for The Paper."), an invitation to write or follow them
("Have a tip? Jo Lee may be reached at jo@paper.com"), or their address and
profile links on lines of their own. Only the last few lines of the text are
looked at, and a line goes only when it is one of these as a whole: a line that
names an author with an address but asks nothing of the reader is a signature,
and stays.

>>> from cleannews import clean
>>> clean("The council voted 7-2.\\nWrite to Jo Lee at jo.lee@example.com\\n")
'The council voted 7-2.\\n'
>>> clean("The council voted 7-2.\\nResidents can write to the council at info@example.org.\\n")
'The council voted 7-2.\\nResidents can write to the council at info@example.org.\\n'
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from functools import cache
from itertools import compress, count
from operator import not_, or_
from typing import ClassVar

from cleannews import regexcache
from cleannews.document import Document, Removal
from cleannews.stages.base import EDGE_LINES, Stage, tail_lines
from cleannews.stages.context import case_blind_chars, reports_speech

_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
_HANDLE = r"(?<![\w@])@\w{2,30}"
_PROFILE = (
    r"(?:https?://)?(?:www\.)?(?:twitter|x|facebook|instagram|linkedin|threads|bsky|mastodon)"
    r"\.(?:com|net|app|social)/[\w./@-]+"
)
_ADDRESS = rf"(?:{_EMAIL}|{_HANDLE}|{_PROFILE})"
# The end of a _PROFILE domain, right before its "/" (see _lines_to_judge).
_PROFILE_DOMAIN_END = regexcache.compile(r"(?i:com|net|app|social)\Z")
_LABEL = (
    r"(?:e-?mail|mail|twitter|x|facebook|instagram|linkedin|threads|bluesky|mastodon|contact"
    r"|kontakt|contacto|contatto|contato|courriel|follow|folgen)"
)
# A line that is only addresses: "jo.lee@example.com", "Twitter: @jolee",
# "twitter.com/jolee".
_ADDRESS_ONLY = regexcache.compile(
    rf"(?i)[\s*•·-]*(?:{_LABEL}\s*[:：]?\s*)?{_ADDRESS}(?:\s*(?:[|,/·•]|and|or)?\s*(?:{_LABEL}\s*[:：]?\s*)?{_ADDRESS})*[\s.]*"
)
# What an author's contact line asks of the reader, in several languages.
# What an author's contact sentence asks of the reader, in several languages:
# an imperative at its start ("Write to ...", "Follow him ..."), or a phrase
# anywhere ("... may be reached at", "Have a tip?").
_IMPERATIVE = regexcache.compile(
    r"(?i)[\s*•·_-]*(?:and\s+|or\s+)?(?:write\s+to|e-?mail|contact|reach|follow|send|tweet|dm"
    r"|schreiben\s+sie|erreichen\s+sie|kontaktieren\s+sie|folgen\s+sie|mail"
    r"|écrivez|contactez|suivez|escríb(?:ale|anos|a)|contacte|síg(?:ale|anos)|scrivi|scrivete"
    r"|contatta|seguite|segui|escreva|entre\s+em\s+contato|siga)\b"
)
_INVITATION = regexcache.compile(
    r"(?i)\b(?:(?:can|may)\s+be\s+(?:reached|contacted|e-?mailed)|(?:have|got)\s+a\s+(?:news\s+)?tip"
    r"|follow\s+(?:him|her|them|me|us)|let\s+(?:us|me|him|her|them)\s+know"
    r"|ist\s+(?:erreichbar|zu\s+erreichen)|peut\s+être\s+(?:joint|contacté)e?"
    r"|puede\s+ser\s+contactad[oa]|può\s+essere\s+contattat[oa])\b"
)
_SENTENCE = regexcache.compile(r"(?<=[.!?])\s+(?=[\"“‘«¿¡(]?[A-ZÀ-ÖØ-Þ])")
_ADDRESS_IN = regexcache.compile(_ADDRESS, re.IGNORECASE)
# "Have a tip?", "Got a news tip?" standing alone above the contact line.
_TIP_PROMPT = regexcache.compile(r"(?i)[\s*•·-]*(?:have|got)\s+a\s+(?:news\s+)?tip\s*\??[\s:]*")
# "Jo Lee is a reporter for The Paper." -- a name, then what they do.
_ROLE = (
    r"(?:reporter|writer|editor|correspondent|journalist|columnist|contributor|author"
    r"|producer|photographer|freelancer|critic|analyst|intern|redakteur(?:in)?|korrespondent(?:in)?"
    r"|autor(?:in)?|journaliste|rédact(?:eur|rice)|correspondant(?:e)?|periodista|redactor(?:a)?"
    r"|corresponsal|giornalista|redattore|redattrice|jornalista|repórter|colunista)"
)
_BIO_SOURCE = (
    r"(?:[A-ZÀ-ÖØ-Þ][\w'’.-]+\s+){1,3}[A-ZÀ-ÖØ-Þ][\w'’.-]+\s+"
    r"(?:is|ist|est|es|è|é)\s+(?:(?:a|an|the|one\s+of|ein(?:e)?|un(?:e|a)?|le|la|el|il|o)\s+)?"
    rf"(?:[^.!?\n]{{0,80}}?\s)?{_ROLE}s?\b"
)
_BIO = regexcache.compile(_BIO_SOURCE, re.IGNORECASE)
_ABOUT_START = (
    r"[\s#*]*(?:about\s+the\s+(?:author|writer|reporter)|über\s+(?:den|die)\s+(?:autor|autorin)"
    r"|à\s+propos\s+de\s+l'auteur|sobre\s+el\s+autor|sobre\s+o\s+autor|l'autore)"
)
_ABOUT_LABEL = regexcache.compile(rf"(?i){_ABOUT_START}\s*:?\s*")
# How many of the last lines may belong to the box.
_TAIL_LINES = 8
_MAX_WORDS = 60
_SIGNATURE_WORDS = 5


class AuthorBoxStage(Stage):
    """Author boxes and contact lines at the end: bios, "Write to X at x@paper.com", "@handle"."""

    name = "author_box"
    reach = EDGE_LINES + 1  # the box is looked for in the tail
    rules: ClassVar[dict[str, str]] = {
        "contact_line": "an author's address, or an invitation to write to or follow them",
        "author_bio": "a short biography of the author after the article",
    }

    def find(self, doc: Document) -> Iterator[Removal]:
        tail = tail_lines(doc, _TAIL_LINES)
        judged = _lines_to_judge(doc, tail) if tail else set()
        if not judged:
            return
        # The first line is never the tail, however short the text. Only the
        # first tail line can be it: it is, when no line before it holds text
        # (found lazily in C: listing every line of a long text to learn its
        # first one cost more than the rest of the stage).
        if tail and _first_text_line(doc) == tail[0]:
            del tail[0]
        for position, index in enumerate(tail):
            if index not in judged:
                continue  # no rule can take it (see _lines_to_judge)
            line = doc.visible(index)  # as it reads once glued markers are cut out
            text = line.strip()
            if not _has_address_mark(text) and not _may_end_tip_prompt(text):
                # Most tail lines are the article's last paragraphs. With no
                # address and no tip prompt at its end, only a bio rule can take
                # the line (author_box_rule), and no contact sentence ends it
                # (contact_start): the same answers, without trying the rest.
                if _is_bio(text):
                    yield self.remove_lines(doc, "author_bio", index)
                continue
            rule = author_box_rule(line)
            if (
                rule == "contact_line"
                and _ADDRESS_ONLY.fullmatch(line)
                and _is_signature(doc.visible(tail[position - 1]) if position else "")
            ):
                continue  # "Jo Lee, columnist" then "jo@example.com": a signature
            if rule is not None:
                yield self.remove_lines(doc, rule, index)
                continue
            # "... the last sentence. Write to Jo Lee at jo@example.com": the
            # article's end and the contact line were joined; only the latter goes.
            text = line.rstrip()
            start = contact_start(text)
            # Columns count in the line as it is, so only an uncut line is cut here.
            if start and not doc.is_cut(index):
                cut = len(text[:start].rstrip())
                yield self.remove_span(doc, "contact_line", index, cut, len(text))


def _lines_to_judge(doc: Document, tail: list[int]) -> Collection[int]:
    """The ``tail`` lines a rule may take, and maybe a few more: a cheap look that misses none.

    A tail line is judged further only when it holds an address mark ("@",
    or the "/" of a profile link) or may end with a tip prompt (a "p" before
    spaces, "?" and ":"), and is otherwise taken only as a bio or its label,
    which start the line: a line with none of these is one no rule takes
    and no contact sentence ends (see find). The
    text from the first tail line on is looked through for these in C (a
    bio's "\\s" may run on to the next line, which only lets more through);
    most articles end with none of them, and then cost no more. A line with a
    part cut out reads otherwise: with one there, every tail line is judged.
    """
    if any(index >= tail[0] for index in doc.cut_lines()):
        return tail
    # From the "\n" before the first tail line: scan_text has one before every
    # line, and its offset i is offset i - 1 of Document.joined.
    text, start, index_at = doc.scan_text, doc.joined_start(tail[0]), doc.index_at
    lines: set[int] = set()
    found = text.find("@", start)
    while found >= 0:
        lines.add(index_at(found - 1))
        # One mark is enough: go on after this line's end.
        found = text.find("@", text.find("\n", found))
    # Without an "@", only a profile link is an address: its "/" follows the
    # domain's end ("twitter.com/..."). Any other "/" is no address mark.
    found = text.find("/", start)
    while found >= 0:
        if _PROFILE_DOMAIN_END.search(text, max(found - 6, 0), found):
            lines.add(index_at(found - 1))
        found = text.find("/", found + 1)
    for match in _box_gate().finditer(text, start):
        if match.group(1) is not None:  # the line before it may end with a tip prompt
            lines.add(index_at(match.start() - 1))
        if match.group(2) is not None or match.group(3) is not None:  # a bio after it
            lines.add(index_at(match.start()))
    return lines


@cache
def _box_gate() -> re.Pattern[str]:
    """What a line needs, but for an address mark, for the stage to look closer at it.

    Tried at each line break (see _lines_to_judge): the line before it may end
    with a tip prompt (its last character is "p", "?", ":" or a space, see
    _may_end_tip_prompt), or the line after it may be a bio or its label
    (_is_bio). A bio starts with a word that starts with a letter, then one
    to three more words and "is", "ist" ...; a label with "about", "über" ...
    Each step takes a whole word (the word and space classes share no
    character), and the words that may come next are told apart by their
    first letter before any is tried, so a line of prose costs a few steps.
    """
    verbs = ("is", "ist", "est", "es", "è", "é")
    verb = rf"(?=[{_first_letters(verbs)}])(?i:{'|'.join(verbs)})\s"
    word = r"[\w'’.-]++\s++"
    about = ("about", "über", "à", "sobre", "l'autore")
    bio = (
        rf"(?=[^\S\n]*+(?i:[A-ZÀ-ÖØ-Þ])[\w'’.-]*+\s++{word}(?:{verb}|{word}(?:{verb}|{word}{verb}))"
        rf"|[\s#*]*+(?=[{_first_letters(about)}])(?i:{_ABOUT_START}))"
    )
    # Group 1: a tip prompt may end the line before; group 2 or 3: a bio may
    # start the line after. Both are looked for at each line break.
    return regexcache.compile(rf"\n(?:(?:(?<=[pP?:]\n)|(?<=[^\S\n]\n))()(?:{bio}())?|{bio}())")


def _first_letters(words: tuple[str, ...]) -> str:
    """The characters ``words`` may start with under re.IGNORECASE, for a character class."""
    return "".join(re.escape(char) for word in words for char in case_blind_chars(word[0]))


def author_box_rule(line: str) -> str | None:
    """The rule a tail line falls under when it is author-box furniture, else None."""
    text = line.strip()
    rule = _furniture_rule(text) if text else None
    # A line of more than 60 words is none of these. The words are counted only
    # for a line that is one otherwise: most tail lines are long paragraphs that
    # no rule takes, and splitting them cost more than the rules do.
    if rule is None or len(text.split()) > _MAX_WORDS:
        return None
    return rule


def _is_bio(text: str) -> bool:
    """Whether a stripped line is a bio or its label, of at most 60 words."""
    return (
        bool(text)
        and (_ABOUT_LABEL.fullmatch(text) is not None or _is_bio_sentence(text))
        and len(text.split()) <= _MAX_WORDS
    )


def _furniture_rule(text: str) -> str | None:
    """author_box_rule of a stripped, non-empty line, its words not counted."""
    if (_has_address_mark(text) and _ADDRESS_ONLY.fullmatch(text)) or _TIP_PROMPT.fullmatch(text):
        return "contact_line"
    if _ABOUT_LABEL.fullmatch(text) or _is_bio_sentence(text):
        return "author_bio"
    if contact_start(text) == 0:
        return "contact_line"
    return None


def _is_bio_sentence(text: str) -> bool:
    """Whether a stripped line says who its author is: "Jo Lee is a reporter for The Paper."

    A bio says what the author is now; "Mary Walsh was the paper's editor from
    1970" ends an obituary, and "..., her son said" quotes someone about the
    story's subject.
    """
    return _BIO.match(text) is not None and not reports_speech(text)


def _first_text_line(doc: Document) -> int | None:
    """The index of the first line neither blank nor removed (live_text_lines(doc)[0])."""
    hidden = map(or_, doc.removed, doc.blank)
    return next(compress(count(), map(not_, hidden)), None)


def _is_signature(line: str) -> bool:
    """A name (and perhaps a role) on a short line of its own, with no address."""
    text = line.strip()
    return (
        0 < len(text.split()) <= _SIGNATURE_WORDS
        and text[-1] not in ".!?:;"
        and not (_has_address_mark(text) and _ADDRESS_IN.search(text))
    )


def contact_start(text: str) -> int | None:
    """Where the run of contact sentences that ends ``text`` starts, if it has one."""
    if not _has_address_mark(text) and not _may_end_tip_prompt(text):
        # Without an address only a tip prompt is a contact sentence, and the
        # run must take in the last sentence: no need to split the text.
        return None
    start = None
    for match in reversed([None, *_SENTENCE.finditer(text)]):
        begin = match.end() if match else 0
        sentence = text[begin : start if start is not None else len(text)]
        if not _is_contact(sentence):
            break
        start = begin
    return start


def _has_address_mark(text: str) -> bool:
    """Whether ``text`` holds the "@" or "/" that every address needs.

    An e-mail address and a handle hold an "@", a profile link the "/" after
    its domain; neither character has another case. The address patterns scan
    slowly (they can start at any character), so a sentence without either
    character is not given to them: they could not match it.
    """
    return "@" in text or "/" in text


def _may_end_tip_prompt(text: str) -> bool:
    """Whether ``text`` could end with a tip prompt ("Have a tip?"): a "p" before the closing marks.

    _TIP_PROMPT ends with "tip" and then only spaces, "?" and ":"; "p" has no
    other case that IGNORECASE takes for it.
    """
    last = text[-1:]
    if last in _TIP_END:
        return True
    if not (last.isspace() or last in _TIP_CLOSING):
        return False  # most lines end with a letter or a full stop: nothing to strip
    end = text
    while True:
        shorter = end.rstrip().rstrip("?:")
        if shorter == end:
            return end.endswith(("p", "P"))
        end = shorter


_TIP_END = ("p", "P")
_TIP_CLOSING = ("?", ":")


def _is_contact(sentence: str) -> bool:
    if not _has_address_mark(sentence):
        # _ADDRESS_ONLY and _ADDRESS_IN need an address: only the tip prompt is left.
        return _TIP_PROMPT.fullmatch(sentence) is not None
    if _ADDRESS_ONLY.fullmatch(sentence) or _TIP_PROMPT.fullmatch(sentence):
        return True
    return bool(
        _ADDRESS_IN.search(sentence)
        and (_IMPERATIVE.match(sentence) or _INVITATION.search(sentence))
    )
