"""Comment, like and rating widgets, and cookie and consent notices.

Below an article, pages show a comment box ("Comments", "Leave a reply",
"Comments are closed."), like and rating buttons ("Like this:", "Rate this
article"), and over it a cookie banner. Extractors keep their labels. A line is
removed when it holds nothing but such a label, or when it is a cookie notice
that addresses the reader ("This website uses cookies to improve your
experience"). A news story about cookies or comments keeps its sentences: the
cookie rule needs the site speaking about itself (a notice quoted with a clause
saying who says it, "..., the banner says", is the story's), and stands down
when two or more paragraphs of the text discuss cookies.

>>> from cleannews import clean
>>> clean("The vote passed.\\nComments are closed.\\n")
'The vote passed.\\n'
>>> clean("The minister declined to comment.\\n")
'The minister declined to comment.\\n'
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import ClassVar

from cleannews import regexcache
from cleannews.document import Document, Removal
from cleannews.stages.base import SPACE, SPACE_CHARACTERS, LinePatternStage
from cleannews.stages.context import reports_speech, same_line, talks_about, word_count
from cleannews.stages.gates import StartScan

_OPEN = r"(?:[#*_>\[(•·\-–—]+[^\S\n]*)?"
_CLOSE = r"[*_\]):.!…]*"
_REST = r"[^\n]{0,300}"
_COUNT = r"(?:\d[\d.,]*\s*[km]?\s*)?"

_COMMENTS_BY_START = (
    # labels: "Comments", "12 Comments", "View comments", "Kommentare (3)"
    rf"{_COUNT}(?:comments?|replies|kommentare?|commentaires?|comentarios?|commenti"
    r"|comentários?|reacties|reactie|комментари[ийя]\w*)(?:\s*\(\d+\))?"
    r"|(?:view|show|load|read|see|hide|add|post|leave|write)\s+(?:all\s+)?(?:\d+\s+)?"
    r"(?:a\s+)?(?:comments?|reply|replies)(?:\s*\(\+?\d*\))?"
    r"|loading\s+comments(?:\.{1,3}|…)?"
    r"|(?:top|most)\s+(?:rated|recent|popular)\s+comments"
    r"|comments\s+are\s+closed|no\s+comments(?:\s+yet)?|nessun\s+commento"
    r"|be\s+the\s+first\s+to\s+comment"
    r"|join\s+the\s+(?:conversation|discussion)"
    r"|you\s+must\s+(?:be\s+)?log(?:ged)?\s+in\s+to\s+(?:post\s+)?(?:a\s+)?comment"
    r"|save\s+my\s+name,\s+email,?\s+and\s+website\s+in\s+this\s+browser"
    + _REST
    + r"|notify\s+me\s+(?:of|via\s+e-?mail|by\s+e-?mail)"
    + _REST
    + r"|tell\s+us\s+what\s+(?:you|YOU)\s+think"
    + _REST
    + r"|kommentar\s+(?:schreiben|verfassen)|laisser\s+un\s+commentaire"
    r"|deja\s+(?:un|tu)\s+comentario"
    r"|deixe\s+(?:um|seu)\s+comentário|lascia\s+un\s+commento|laat\s+een\s+reactie\s+achter"
    r"|оставить\s+комментарий"
)
# "<anyone> commented on": the one rule that can start with any word.
_COMMENTED_ON = r"|\w[\w .'’()-]{0,40}\s+commented\s+on"
_COMMENTS_TAIL = (
    # a blog post's footer: "Posted in News | Permalink | 10 Comments"
    r"|posted\s+in\s+[^\n|]{1,60}\|\s*permalink\s*\|" + _REST
)
_COMMENTS = _COMMENTS_BY_START + _COMMENTED_ON + _COMMENTS_TAIL
_LIKES = (
    r"like\s+this:?|like\s+loading(?:\.{1,3}|…)?|\d[\d.,]*\s*[km]?\s*(?:likes|gefällt\s+mir|j'aime)"
    r"|(?:was\s+this\s+(?:article|story|page)\s+(?:helpful|useful)\??)"
    r"|rate\s+this\s+(?:article|story|post|recipe)|not\s+yet\s+rated"
    r"|artikel\s+bewerten|noter\s+cet\s+article|valora\s+este\s+artículo|avalie\s+esta\s+matéria"
)
_CONSENT = (
    # the site speaking about its own cookies
    r"(?:this|our)\s+(?:web\s*)?site\s+uses\s+cookies"
    + _REST
    + r"|we\s+(?:use|and\s+our\s+partners\s+use)\s+cookies"
    + _REST
    + r"|by\s+(?:continuing|using)\s+(?:to\s+(?:use|browse)\s+)?(?:this|our)\s+(?:web\s*)?site,?"
    r"\s+you\s+(?:agree|consent|accept)"
    + _REST
    + r"|(?:necessary|functional|analytics?|performance|non-necessary|advertising)\s+cookies\s+"
    r"(?:are|help|allow|may|that)"
    + _REST
    + r"|any\s+cookies\s+that\s+may\s+not\s+be"
    + _REST
    + r"|i\s+understand\s+that\s+i\s+can\s+withdraw\s+my\s+consent"
    + _REST
    + r"|this\s+site\s+is\s+protected\s+by\s+recaptcha"
    + _REST
    + r"|(?:diese\s+(?:web)?(?:seite|site)|wir)\s+(?:verwendet|verwenden|nutzt|nutzen)\s+cookies"
    + _REST
    + r"|(?:ce\s+site|nous)\s+(?:utilise|utilisons)\s+(?:des\s+)?cookies"
    + _REST
    + r"|(?:este\s+(?:sitio|site|portal)(?:\s+web)?|utilizamos|usamos)\s+(?:utiliza|usa)?\s*cookies"
    + _REST
    + r"|(?:questo\s+sito|utilizziamo)\s+(?:utilizza|usa)?\s*(?:i\s+)?cookie"
    + _REST
    + r"|(?:deze\s+(?:web)?site|wij)\s+(?:maakt|maken)\s+gebruik\s+van\s+cookies"
    + _REST
    + r"|(?:этот\s+сайт|мы)\s+использу\w+\s+(?:файлы\s+)?cookie"
    + _REST
    # the banner's buttons and headings
    + r"|(?:accept|allow|reject|decline|refuse)\s+(?:all\s+)?(?:cookies|all)"
    r"|(?:manage\s+)?cookie\s+(?:settings|preferences|policy|consent|notice)|privacy\s+overview"
    r"|privacy\s*&\s*cookies\s+policy|manage\s+consent|cookie-?einstellungen"
    r"|paramètres\s+des\s+cookies|configuración\s+de\s+cookies|alle\s+akzeptieren|tout\s+accepter"
    r"|aceptar\s+todas?|accetta\s+tutti|alles\s+accepteren"
)

_COOKIE_TOPIC = regexcache.compile(r"cookie", re.IGNORECASE)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)


@cache
def _comment_meta() -> re.Pattern[str]:
    """A comment's furniture: its author, its date, its votes, its reply button."""
    return regexcache.compile(
        r"(?:[\w.'’@-]+(?:[ ][\w.'’@-]+){0,5}[ ](?:says|wrote|schreibt|écrit|dice|escribió|disse):"
        r"|\d+[^\S\n]+(?:minutes?|hours?|days?|weeks?|months?|years?)[^\S\n]+ago"
        r"(?:[^\S\n]+at[^\S\n]+\d{1,2}:\d{2}[^\S\n]*[ap]\.?m\.?)?"
        rf"|{_MONTH}[^\S\n]+\d{{1,2}},[^\S\n]+\d{{4}}[^\S\n]+at[^\S\n]+\d{{1,2}}:\d{{2}}"
        r"[^\S\n]*[ap]\.?m\.?"
        r"|rating:[^\S\n]*-?\d+[^\S\n]+votes?|reply|antworten|répondre|responder|rispondi|ответить)",
        re.IGNORECASE,
    )


# The reply buttons: the only furniture that is a word alone on its line.
_REPLY_WORDS = ("reply", "antworten", "répondre", "responder", "rispondi", "ответить")


# How the colon-free metas start, after spaces: "3 days ago" with digits,
# spaces and a unit (minutes, hours, days, weeks, months or years), and the
# reply buttons, a word alone on a line (a gate on lines' starts: see
# start_lines). ``str.strip`` takes off what ``[^\S\n]`` matches, all in SPACE.
_META_START = rf"\d+[^\S\n]+[mhdwy]|{'|'.join(_REPLY_WORDS)}"


@cache
def _meta_colon() -> re.Pattern[str]:
    """A ":" a meta that holds one may hold: at the end of its line, or before a number.

    "jdoe says:" ends with its ":" (spaces after it are stripped); "Rating: 3
    votes" has spaces, maybe a minus, then digits after it; a time "at 7:52 pm"
    has digits right after it. The pattern starts with a plain ":", which the
    regex engine looks for at the speed of str.find.
    """
    return regexcache.compile(r":(?=[^\S\n]*(?:\n|-?\d))")


def meta_candidates(doc: Document) -> list[int]:
    """Every line that may be a comment's furniture, in order, found without a Python loop.

    Each form of :func:`_comment_meta` either holds a ":" as :func:`_meta_colon`
    finds it ("jdoe says:", "Rating: 3 votes", a date "at 7:52 pm") or is one
    of the colon-free forms, which start as _META_START does.
    """
    index_at = doc.index_at
    found = set(map(index_at, map(re.Match.start, _meta_colon().finditer(doc.joined))))
    found.update(start_lines(doc, "meta"))
    return sorted(found)


# Lines between two pieces of furniture of one thread, and how many make a thread.
_THREAD_GAP = 10
_THREAD_METAS = 3
_MAX_WORDS = 80


class WidgetsStage(LinePatternStage):
    """Comment, like and rating widgets, and cookie and consent notices."""

    name = "widgets"
    rules: ClassVar[dict[str, str]] = {
        "comments": "a comment widget's label or form text",
        "likes": "a like or rating widget",
        "consent": "a cookie or consent notice",
        "comment_thread": "readers' comments: the lines between comment authors, dates and votes",
    }
    patterns: ClassVar[dict[str, str]] = {
        "comments": same_line(rf"{_OPEN}(?:{_COMMENTS}){_CLOSE}"),
        "likes": same_line(rf"{_OPEN}(?:{_LIKES}){_CLOSE}"),
        "consent": same_line(rf"{_OPEN}(?:{_CONSENT}){_CLOSE}"),
    }

    def __init__(self, **settings: object) -> None:
        super().__init__(**settings)
        self._topic_doc: Document | None = None
        self._about_cookies = False

    def prepare(self) -> None:
        self.line_matcher()
        prepare_start_lines()
        _comment_meta()
        _meta_colon()

    def accept(self, doc: Document, index: int, match: re.Match[str]) -> bool:
        if word_count(doc.lines[index]) > _MAX_WORDS:
            return False
        if match.lastgroup == "consent":
            # "We use cookies ..., the new banner says": an article quoting a banner
            return not reports_speech(doc.lines[index]) and not self.about_cookies(doc)
        return True

    def candidate_lines(self, doc: Document) -> list[int] | None:
        # Every rule but one starts, after spaces and a bullet, with a known
        # word, digit or mark (see start_lines); "<anyone> commented on" ends
        # with "on" (see commented_on_lines). The rules judge only the lines
        # either lets through.
        if self.patterns is WidgetsStage.patterns:
            return widget_candidates(doc)
        return None  # a subclass with rules of its own: the gate is not theirs

    def find(self, doc: Document) -> Iterator[Removal]:
        yield from super().find(doc)
        yield from self._comment_thread(doc)

    def _comment_thread(self, doc: Document) -> Iterator[Removal]:
        """Remove a thread of readers' comments, told by its furniture.

        Each comment comes with lines no article has on their own: "jdoe says:",
        "2 days ago at 07:52 am", "Rating: 12 Votes", "Reply". Three or more such
        lines, each within a few lines of the next, mark a thread; everything
        from the first to the last of them goes.
        """
        lines = doc.lines
        removed = doc.removed
        candidates = [index for index in meta_candidates(doc) if not removed[index]]
        # Compiled only for a text with candidates: a short one has none.
        meta = _comment_meta() if candidates else None
        metas = [
            index
            for index in candidates
            if meta is not None and meta.fullmatch(lines[index].strip())
        ]
        cluster: list[int] = []
        for index in [*metas, -1]:
            if cluster and (index < 0 or index - cluster[-1] > _THREAD_GAP):
                if len(cluster) >= _THREAD_METAS:
                    for line in range(cluster[0], cluster[-1] + 1):
                        if not doc.removed[line] and not doc.blank[line]:
                            yield self.remove_lines(doc, "comment_thread", line)
                cluster = []
            cluster.append(index)

    def about_cookies(self, doc: Document) -> bool:
        """Whether two or more paragraphs of the text, not notices, discuss cookies."""
        if self._topic_doc is not doc:
            self._topic_doc = doc
            self._about_cookies = _discusses_cookies(doc, self.line_matcher())
        return self._about_cookies


def _discusses_cookies(doc: Document, notice: re.Pattern[str]) -> bool:
    """Whether two or more lines that are not removed or notices are paragraphs about cookies.

    Only the lines holding "cookie" (found in any case, as IGNORECASE finds it)
    are looked at; a line is a notice when the rules match it whole, which is
    what a whole-text scan of them finds: no rule takes a line break.
    """
    lines = doc.lines
    return talks_about(
        doc,
        _COOKIE_TOPIC.search,
        lambda index: notice.fullmatch(lines[index]) is not None,
        _TOPIC_PARAGRAPHS,
        doc.lines_with_words(("cookie",)),
    )


# How many paragraphs about cookies make the text one about cookies.
_TOPIC_PARAGRAPHS = 2


def widget_candidates(doc: Document) -> list[int]:
    """The lines the rules may match, in order (see WidgetsStage.find)."""
    candidates = set(start_lines(doc, "widgets"))
    candidates.update(commented_on_lines(doc))
    return sorted(candidates)


# What may follow "commented on" on a line the rule matches: the rule's closing
# marks (_CLOSE), then the spaces around a line (base.SPACE, every character).
_TRAILING = "*_]):.!…" + SPACE_CHARACTERS
# "on" in every case IGNORECASE matches (no other character matches o or n).
_ON = ("on", "On", "oN", "ON")


def commented_on_lines(doc: Document) -> list[int]:
    """The lines "<anyone> commented on" may be: "commented", spaces, "on", closing marks.

    Only lines that hold "commented" (found in any case, as IGNORECASE finds
    it, by a literal search) can be. The rule ends with "on", then only closing
    marks and spaces, none of them "n"; stripping those from a line's end
    leaves "on" last on every line the rule matches. Before it stand spaces
    (``str.isspace`` is ``\\s``) and "commented".
    """
    lines = doc.lines
    found = []
    for index in doc.lines_with_words(("commented",)):
        line = lines[index].rstrip(_TRAILING)
        if not line.endswith(_ON):
            continue
        before = line[:-2]
        words = before.rstrip()
        if len(words) < len(before) and _COMMENTED.fullmatch(words[-len("commented") :]):
            found.append(index)
    return found


# The word as the rule's IGNORECASE compares it.
_COMMENTED = regexcache.compile("commented", re.IGNORECASE)


def _gate_body() -> str:
    """The rules but "<anyone> commented on", for a gate on how a line starts."""
    patterns = dict(WidgetsStage.patterns)
    patterns["comments"] = same_line(rf"{_OPEN}(?:{_COMMENTS_BY_START + _COMMENTS_TAIL}){_CLOSE}")
    return "|".join(f"(?:{source})" for source in patterns.values())


@cache
def _start_scan() -> StartScan:
    """One scan of how lines start for the widget rules, comment furniture and the prompts stage.

    Six characters deep: most prose that starts as a rule word does ("Die ",
    "Analysis", "Shopping") parts from it within six, so the rules are tried
    on about a line in sixty rather than one in eight.
    """
    from cleannews.stages import prompts

    patterns = {"widgets": _gate_body(), "meta": _META_START, "prompts": prompts.rules_body()}
    return StartScan(patterns, re.IGNORECASE, SPACE, _GATE_DEPTH)


_GATE_DEPTH = 6


def start_lines(doc: Document, name: str) -> list[int]:
    """The lines that can start as the widget rules ("widgets"), the colon-free comment
    furniture ("meta") or the prompts stage's rules ("prompts") can, in order.

    The three are found with one scan of the document, which the stages share.
    """
    return _start_scan().lines(doc, name)


def prepare_start_lines() -> None:
    """Compile what :func:`start_lines` needs, ahead of time (see Stage.prepare)."""
    _start_scan().prepare()
