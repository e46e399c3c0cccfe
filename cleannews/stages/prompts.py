"""Calls to action: subscribe and newsletter prompts, "Follow us", app ads, "Click here", paywalls.

Pages ask the reader to do something (subscribe, sign up, follow, download an
app, share, log in to keep reading) and extractors keep the request as a line
of text. A line is removed only when the request is the whole line: it starts
with the request ("Subscribe to ...", "Folgen Sie uns ...", "Suivez-nous ...")
and stays short. A sentence in a paragraph, or a quote ("Follow us," the rebels
shouted), is left alone, with or without its quotation marks: a clause after a
comma that says who spoke (Folgen Sie uns, riefen die Streikenden) makes the
line a report of the words, not the page's own request.

An article whose subject is a subscription (a paper's new prices, a streaming
deal) talks about subscribing in its own paragraphs. When two or more
paragraphs do that, the subscribe and "click here" rules stand down for the
whole text, so the article keeps its offer and its instructions.

>>> from cleannews import clean
>>> clean("The ferry resumed service.\\nSubscribe to our newsletter for daily updates.\\n")
'The ferry resumed service.\\n'
>>> clean("Subscribers pay $4 a month, the company said.\\n")
'Subscribers pay $4 a month, the company said.\\n'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache
from typing import ClassVar

from cleannews import regexcache
from cleannews.document import Document, Removal
from cleannews.stages.base import LinePatternStage
from cleannews.stages.context import (
    lines_with_pieces,
    reports_speech,
    same_line,
    talks_about,
    word_count,
    word_starts,
)
from cleannews.stages.widgets import prepare_start_lines, start_lines

# Markup a prompt may wear: markdown emphasis and headings, bullets, brackets.
_OPEN = r"(?:[#*_>\[(•·\-–—]+[^\S\n]*)?"
_CLOSE = r"[*_\]):.!…]*"
_REST = r"[^\n]{0,300}"

_SUBSCRIBE_VERB = (
    r"subscribe|sign\s*up|signup|register|join\s+our|get|receive|stay|keep|let|never\s+miss"
    r"|don't\s+miss|abonnieren\s+sie|abonniere|melden\s+sie\s+sich"
    r"|jetzt\s+(?:kostenlos\s+)?(?:anmelden|abonnieren|registrieren|bestellen)"
    r"|registrieren\s+sie\s+sich|erhalten\s+sie"
    r"|bestellen\s+sie|abonnez-vous|inscrivez-vous|recevez|restez|ne\s+manquez"
    r"|suscr[ií]bete|suscr[ií]base|reg[ií]strate|rec[ií]b[ae]|apúntate"
    r"|assine|inscreva-se|cadastre-se|receba|iscriviti|abbonati|registrati|ricevi"
    r"|abonneer|meld\s+je\s+aan|schrijf\s+je\s+in|ontvang"
    r"|подпишитесь|подписывайтесь|зарегистрируйтесь|получайте"
)
_SUBSCRIBE_THING = (
    r"forums?|newsletters?|inbox|mailbox|subscri\w*|e-?mails?\b|alerts|mailing\s+list"
    r"|youtube|podcasts?"
    r"|delivered|sign(?:ed|ing)?\s+up|postfach|abo\b|abonn\w*|lettre\s+d'information|courriel"
    r"|boletín|correo|suscrip\w*|assinatura|caixa\s+de\s+entrada|abbonament\w*|nieuwsbrief"
    r"|рассылк\w*|канал\w*"
)
_SUBSCRIBE_DONE = (
    r"thanks?\s+(?:you\s+)?for\s+(?:signing\s+up|subscribing)\W*"
    r"|there\s+was\s+an\s+error\s+processing\s+your\s+subscription\W*"
    r"|keep\s+an\s+eye\s+on\s+your\s+inbox"
    + _REST
    + r"|by\s+subscribing"
    + _REST
    + r"|please\s+check\s+the\s+opt-in\s+box"
    + _REST
    + r"|(?:newsletter\s+)?sign-?up|newsletters?|subscribe(?:\s+(?:now|today|here))?"
    r"|abonnieren|jetzt\s+abonnieren|s'abonner|abonnez-vous|suscr[ií]bete|suscribirse"
    r"|assine(?:\s+já)?|iscriviti|abbonati|abonneren|подписаться|подпишитесь"
)

_FOLLOW = (
    # "Follow us on ...", "Like us on Facebook", but not "Like us, many farmers ..."
    r"(?:follow|like)\s+us(?:\s+(?:on|at|for|in|and)\b"
    + _REST
    + r")?"
    + r"|(?:follow|like)\s+[\w.'’& ]{1,40}?\s+on\s+(?:social\s+media|twitter|facebook|instagram"
    r"|youtube|tiktok|linkedin|telegram|threads|bluesky|mastodon)"
    + _REST
    + r"|follow\s+[\w.'’& ]{1,40}?\s+(?:full\s+|latest\s+|live\s+)?coverage"
    + _REST
    # "Follow RT on": the network names were icons the extractor dropped
    + r"|follow\s+(?:us|[\w.'’&]+(?:\s+[\w.'’&]+){0,3})\s+on:?"
    + r"|folgen\s+sie\s+uns"
    + _REST
    + r"|suivez-nous"
    + _REST
    + r"|s[ií]guenos"
    + _REST
    + r"|siga-nos"
    + _REST
    + r"|seguici"
    + _REST
    + r"|volg\s+ons"
    + _REST
    + r"|следите\s+за\s+нами"
    + _REST
    + r"|подписывайтесь\s+на\s+нас"
    + _REST
)

_APP = (
    r"(?:click\s+here\s+to\s+)?(?:download|get|install)\s+(?:our|the)\s+(?:free\s+)?"
    r"[\w.'’& ]{0,40}?\s*app\b"
    + _REST
    + r"|laden\s+sie\s+(?:unsere|die)\s+"
    + _REST
    + r"\bapp\b"
    + _REST
    + r"|téléchargez\s+(?:notre|l')\s*application"
    + _REST
    + r"|descarga\s+(?:nuestra|la)\s+app"
    + _REST
    + r"|baixe\s+o\s+(?:nosso\s+)?app"
    + _REST
    + r"|scarica\s+(?:la\s+(?:nostra\s+)?|l')app"
    + _REST
    + r"|download\s+(?:onze|de)\s+app"
    + _REST
    + r"|скачайте\s+(?:наше\s+)?приложение"
    + _REST
)

_CLICK = (
    r"click\s+here|tap\s+here|klicken\s+sie\s+hier|hier\s+klicken|cliquez\s+ici"
    r"|ha(?:z|ga)\s+clic\s+aquí|clique\s+aqui|clicca\s+qui|klik\s+hier|нажмите\s+здесь"
)

_SHARE = (
    r"sharing\s+is\s+caring\W*"
    r"|(?:like|liked|enjoy(?:ed)?)\s+this\s+(?:story|article|post)\?\s*share"
    + _REST
    + r"|share\s+this\s+(?:story|article|post|page)(?:\s+(?:on|with|via)\s+[\w ]{1,20})?\W*"
    r"|share\s+this\s+with(?:\s+[\w ]{1,20})?|share\s+on\s+[\w ]{1,20}|close\s+share\s+panel"
    r"|\d[\d.,]*\s*[km]?\s*shares"
    r"|teilen\s+sie\s+diesen\s+artikel\W*|partagez\s+cet\s+article\W*"
    r"|comparte\s+esta\s+noticia\W*|compartilhe\s+esta\s+(?:notícia|matéria)\W*"
    r"|condividi\s+questo\s+articolo\W*|deel\s+dit\s+artikel\W*|поделитесь\s+этой\s+(?:новостью|статьей)\W*"
)

_PAYWALL = (
    r"(?:subscribe|sign\s+in|log\s+in)\s+to\s+(?:continue|keep)\s+reading"
    + _REST
    + r"|(?:this|the)\s+(?:article|story|content)\s+is\s+(?:only\s+)?"
    r"(?:available|reserved|exclusive)\s+(?:only\s+)?(?:to|for)\s+(?:paying\s+)?(?:subscribers|members)"
    + _REST
    + r"|you(?:'ve|\s+have)\s+reached\s+(?:your|the)\s+(?:limit|maximum)\s+of\s+free"
    + _REST
    + r"|already\s+a\s+(?:subscriber|member)\?"
    + _REST
    + r"|to\s+continue\s+reading,?\s+(?:please\s+)?(?:subscribe|log\s+in|sign\s+in|register)"
    + _REST
    + r"|(?:we(?:'ve|\s+have)\s+noticed|it\s+(?:looks|seems)\s+like)\s+you(?:'re|\s+are)\s+"
    r"(?:using\s+an?\s+)?ad-?\s?block"
    + _REST
    + r"|please\s+(?:disable|turn\s+off|whitelist|pause)\s+(?:your\s+)?ad-?\s?blocker"
    + _REST
    + r"|(?:dieser\s+artikel|dieser\s+inhalt)\s+ist\s+(?:nur\s+)?(?:für\s+abonnenten|exklusiv)"
    + _REST
    + r"|weiterlesen\s+mit\s+"
    + _REST
    + r"|cet\s+article\s+est\s+réservé\s+aux\s+abonnés"
    + _REST
    + r"|il\s+vous\s+reste\s+\d+\s*%\s+de\s+cet\s+article"
    + _REST
    + r"|contenido\s+(?:exclusivo\s+)?para\s+suscriptores"
    + _REST
    + r"|conteúdo\s+exclusivo\s+para\s+assinantes"
    + _REST
    + r"|(?:questo\s+)?articolo\s+(?:è\s+)?riservato\s+agli\s+abbonati"
    + _REST
    + r"|dit\s+artikel\s+is\s+alleen\s+(?:beschikbaar\s+)?voor\s+abonnees"
    + _REST
    + r"|(?:этот\s+)?материал\s+доступен\s+только\s+(?:для\s+)?подписчик\w*"
    + _REST
    + r"|(?:sign\s*in|log\s*in|login|log\s+in\s+or\s+sign\s+up|subscriber\s+services|my\s+account"
    r"|anmelden|se\s+connecter|connexion|iniciar\s+sesión|entrar|accedi|inloggen|войти)"
)

# Whole-line rules that stand down in an article about subscriptions.
_SUBSCRIPTION_RULES = frozenset({"subscribe", "click_here"})
# How an article that is about subscriptions talks in its own paragraphs.
_SUBSCRIPTION_TOPIC = regexcache.compile(
    r"subscri|abonn|\babos?\b|suscrip|assinatur|assinante|abbonament|abbonat|подписк|подписчик",
    re.IGNORECASE,
)
# Every match of _SUBSCRIPTION_TOPIC holds one of these (ASCII words in any
# case, as lines_with_words finds them), or the Russian stem, found by
# _topic_cyrillic in every case re.IGNORECASE takes, or is \babos?\b, which
# _abo_lines finds in the lowered text ("abo" alone would bring every "about").
_TOPIC_WORDS = (
    "subscri",
    "abonn",
    "suscrip",
    "assinatur",
    "assinante",
    "abbonament",
    "abbonat",
)
_TOPIC_CYRILLIC = ("подписк", "подписчик")
# What _topic_lines looks for: every _TOPIC_WORDS word holds one of these
# ("assinatur" and "assinante" hold "assina", "abbonament" and "abbonat"
# "abbona"), each found through a piece it holds (see lines_with_pieces). A
# line that holds one and no topic word is let go by the pattern.
_TOPIC_FINDS = {"scri": ("subscri", "suscrip"), "bon": ("abonn", "abbona"), "assina": ("assina",)}
# How many paragraphs about subscribing make an article about them.
_TOPIC_PARAGRAPHS = 2
_MAX_WORDS = 45
_MAX_PAYWALL_WORDS = 80
_MAX_CLICK_WORDS = 40


@cache
def _topic_cyrillic() -> tuple[re.Pattern[str], ...]:
    # Both Russian words start "подпис"; "п" has no case but "П". A pattern that
    # starts with a plain character is searched for at the speed of str.find.
    return regexcache.compile("п(?i:одпис)"), regexcache.compile("П(?i:одпис)")


@cache
def _topic_search() -> Callable[[str], object]:
    """``_SUBSCRIPTION_TOPIC.search``, as a pattern the engine tries fast (see pattern_starts)."""
    words = [*_TOPIC_WORDS, *_TOPIC_CYRILLIC]
    return regexcache.compile(rf"{word_starts(words)}|\b(?i:abos?)\b").search


@cache
def _abo() -> re.Pattern[bytes]:
    # "abo" or "abos" and no ASCII word character after it, in Document.folded.
    return re.compile(rb"abos?(?![a-z0-9_])")


def _abo_lines(doc: Document) -> set[int]:
    """Lines that may hold \\babos?\\b: a superset (a letter outside ASCII before it passes)."""
    folded = doc.folded
    lines: set[int] = set()
    line = previous = 0
    for match in _abo().finditer(folded):
        start = match.start()
        before = folded[start - 1 : start]
        if before.isalnum() or before == b"_":
            continue  # an ASCII letter, digit or "_" just before it: no word boundary
        line += folded.count(b"\n", previous, start)
        previous = start
        lines.add(line)
    return lines


def _may_hold_cyrillic(doc: Document) -> bool:
    """Whether the text may hold "п", "П", "ж" or "Ж", which the Russian finders start with.

    In UTF-8 each of them starts with the byte D0, which no ASCII character
    and no byte but a first one of a character is: a look for one byte (at the
    speed of memchr) spares a text in other scripts the finders' searches.
    """
    return not doc.joined.isascii() and b"\xd0" in doc.folded


def _topic_lines(doc: Document) -> list[int]:
    """Indexes of the lines that may hold a _SUBSCRIPTION_TOPIC word, in order."""
    lines = set(lines_with_pieces(doc, _TOPIC_FINDS)) | _abo_lines(doc)
    text = doc.joined
    if _may_hold_cyrillic(doc):
        for finder in _topic_cyrillic():
            lines.update(doc.index_at(m.start()) for m in finder.finditer(text))
    return sorted(lines)


@cache
def _click_pattern() -> re.Pattern[str]:
    """The "click here" phrases, compiled on first use."""
    return regexcache.compile(rf"\b(?:{_CLICK})\b", re.IGNORECASE)


# Every _CLICK phrase holds one of these, in a case re.IGNORECASE takes for it:
# "click", "cliquez", "clic", "clique", "clicca" hold "cli"; "klicken" holds
# "klick"; and "klik hier", "tap here", "нажмите здесь" (see _click_cyrillic).
# Each is found through a piece it holds (see lines_with_pieces).
_CLICK_WORDS = {"cli": ("cli",), "kli": ("klick", "klik"), "tap": ("tap",)}


@cache
def _click_cyrillic() -> tuple[re.Pattern[str], ...]:
    """Finders of "жм" in its four cases (ж and м have no other forms).

    A pattern that starts with a plain character is searched for at the speed
    of str.find; two of them cost less than a find for each case.
    """
    return regexcache.compile("ж[мМ]"), regexcache.compile("Ж[мМ]")


# The words of a _CLICK phrase that another word follows after \s+, which may
# take in a line break (or several, around blank lines).
_CLICK_GOES_ON = regexcache.compile(
    r"(?:click|tap|klicken|sie|hier|cliquez|haz|haga|clic|clique|clicca|klik|нажмите)\Z",
    re.IGNORECASE,
)


def _click_goes_on(line: str) -> bool:
    """Whether a _CLICK phrase may run from this line on to the next one."""
    end = line.rstrip()  # rstrip strips what \s matches
    return not end or _CLICK_GOES_ON.search(end[-7:]) is not None


def _click_lines(doc: Document) -> list[int]:
    """The lines where _click_pattern() over the whole text finds a phrase, in order.

    The phrases are looked for only around the lines that hold a word every
    phrase holds. The text scanned around such a line runs from the nearest
    line break before it that no phrase can run across (the line before does
    not end with a word a phrase goes on after) to the next such line break
    after it: a whole-text scan finds the same phrases there.
    """
    found = set(lines_with_pieces(doc, _CLICK_WORDS))
    if _may_hold_cyrillic(doc):
        for finder in _click_cyrillic():
            found.update(map(doc.index_at, map(re.Match.start, finder.finditer(doc.joined))))
    lines = doc.lines
    windows: list[list[int]] = []
    for index in sorted(found):
        first = last = index
        while first > 0 and _click_goes_on(lines[first - 1]):
            first -= 1
        while last + 1 < len(lines) and _click_goes_on(lines[last]):
            last += 1
        if windows and first <= windows[-1][1] + 1:
            windows[-1][1] = max(windows[-1][1], last)
        else:
            windows.append([first, last])
    hits: list[int] = []
    for first, last in windows:
        start = doc.joined_start(first)
        end = doc.joined_start(last) + len(lines[last]) + 1
        for match in _click_pattern().finditer(doc.joined, start, end):
            hits.append(doc.index_at(match.start()))
    return hits


def rules_body() -> str:
    """The whole-line rules as one alternation, for a gate on how a line starts."""
    return "|".join(f"(?:{source})" for source in PromptsStage.patterns.values())


class PromptsStage(LinePatternStage):
    """Calls to action: subscribe, follow-us, app, share and "click here" lines; paywalls."""

    name = "prompts"
    rules: ClassVar[dict[str, str]] = {
        "subscribe": "a subscribe, sign-up or newsletter prompt",
        "follow": 'a "follow us" prompt for social media',
        "app": "an invitation to download the site's app",
        "share": "a prompt to share the article",
        "click_here": 'a short "click here" prompt',
        "paywall": "a paywall, ad-blocker or log-in prompt",
    }
    patterns: ClassVar[dict[str, str]] = {
        "subscribe": same_line(
            rf"{_OPEN}(?:(?:{_SUBSCRIBE_VERB})\b[^\n]{{0,200}}?\b(?:{_SUBSCRIBE_THING}){_REST}"
            rf"|(?:{_SUBSCRIBE_DONE}))"
        ),
        "follow": same_line(rf"{_OPEN}(?:{_FOLLOW})"),
        "app": same_line(rf"{_OPEN}(?:{_APP})"),
        "share": same_line(rf"{_OPEN}(?:{_SHARE})"),
        "paywall": same_line(rf"{_OPEN}(?:{_PAYWALL}){_CLOSE}"),
    }

    def __init__(self, **settings: object) -> None:
        super().__init__(**settings)
        self._topic_doc: Document | None = None
        self._about_subscriptions = False

    def prepare(self) -> None:
        prepare_start_lines()
        self.line_matcher()

    def candidate_lines(self, doc: Document) -> list[int]:
        """The lines that start as one of the rules can.

        A gate on a line's first characters, worked out from the rules' own
        parse (see widgets.start_lines, which finds them with the same scan of
        the text as the widgets stage's gate): most lines start otherwise and
        are turned away without trying a rule.
        """
        return start_lines(doc, "prompts")

    def find(self, doc: Document) -> Iterator[Removal]:
        removed = doc.removed
        # The whole-line rules, on the lines candidate_lines gives.
        yield from super().find(doc)
        # "Click here" may stand anywhere in a short line, so it is found by a
        # plain search rather than a whole-line pattern, then judged by its line.
        seen = -1
        for index in _click_lines(doc):
            if index == seen or removed[index]:
                continue
            seen = index
            line = doc.lines[index]
            if word_count(line) > _MAX_CLICK_WORDS or reports_speech(line):
                continue
            if self.about_subscriptions(doc):
                continue
            yield self.remove_lines(doc, "click_here", index)

    def accept(self, doc: Document, index: int, match: re.Match[str]) -> bool:
        line = doc.lines[index]
        # A paywall or ad-blocker notice explains itself at some length.
        limit = _MAX_PAYWALL_WORDS if match.lastgroup == "paywall" else _MAX_WORDS
        if word_count(line) > limit or reports_speech(line):
            return False
        if match.lastgroup in _SUBSCRIPTION_RULES:
            return not self.about_subscriptions(doc)
        return True

    def about_subscriptions(self, doc: Document) -> bool:
        """Whether two or more paragraphs of the text talk about subscribing.

        Only the lines a topic word can be in (found by literal search) are
        looked at, and the whole text is scanned for the prompts, which do not
        count, only when two such paragraphs are there at all.
        """
        if self._topic_doc is not doc:

            @cache
            def prompt_lines() -> set[int]:
                scanner, _ = self.compiled()
                return {doc.index_at(m.start()) for m in scanner.finditer(doc.joined)}

            self._topic_doc = doc
            self._about_subscriptions = talks_about(
                doc,
                _topic_search(),
                lambda index: index in prompt_lines(),
                _TOPIC_PARAGRAPHS,
                _topic_lines(doc),
            )
        return self._about_subscriptions
