"""Site navigation: menus, breadcrumbs, "Skip to content" and "Next story" links.

A page's menu comes out of an extractor as a run of one- or two-word lines
("Home", "News", "Politics", "Contact us", "Terms of Use") at the head or the
tail of the text, or as a breadcrumb ("Home > World > Europe"). A run of short
lines goes when at least two of its lines, and at least half of them, are the
names of the usual sections and pages of a news site, in one of several
languages; a run in the middle of the text needs three such names and three in
four of its lines. A list in an article ("Arrowhead water", "baby carrier",
...) is made of other words and stays, and so does a sentence that names a
section ("The sports desk moved to Leeds.").

Links to the previous or next story ("← Previous Story", "Article suivant"),
back to the top ("Back to top", "뒤로가기"), to the whole list ("View all (4)"),
and the label over a story's topic links ("Filed under:", "Tags:") go when
they stand alone on a line.

>>> from cleannews import clean
>>> clean("Home\\nNews\\nPolitics\\nThe vote passed on Monday after a long debate.\\n")
'The vote passed on Monday after a long debate.\\n'
>>> clean("Home\\nThe vote passed on Monday after a long debate.\\n")
'Home\\nThe vote passed on Monday after a long debate.\\n'
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from itertools import compress
from operator import and_, itemgetter, or_
from typing import ClassVar

from cleannews import regexcache
from cleannews.document import Document, Removal
from cleannews.stages.base import EDGE_LINES, Stage
from cleannews.stages.first_words import FirstWordGate

# Names of the sections and pages every news site links to, case-folded.
_SECTION_NAMES = (
    """
    home|homepage|home page|front page|news|latest|latest news|top stories|world|us|u.s.|uk
    |local|national|international|politics|business|economy|markets|money|finance|tech
    |technology|science|health|sport|sports|entertainment|culture|arts|lifestyle|life
    |travel|food|style|fashion|opinion|opinions|editorial|editorials|weather|video|videos
    |photos|pictures|podcasts|podcast|newsletters|newsletter|obituaries|jobs|cars|autos
    |real estate|classifieds|education|environment|climate|crime|celebrity|music|movies
    |tv|books|games|puzzles|crosswords|more|menu|close|search|sections|all sections
    |about|about us|contact|contact us|advertise|advertise with us|careers|help|faq
    |terms|terms of use|terms of service|terms and conditions|privacy|privacy policy
    |cookie policy|cookies|accessibility|sitemap|site map|rss|archive|archives|subscribe
    |subscriptions|sign in|sign up|log in|login|log out|register|my account|e-paper|epaper
    |startseite|nachrichten|politik|wirtschaft|kultur|wissen|panorama|meinung|reise|auto
    |impressum|datenschutz|kontakt|anmelden|abo|suche
    |accueil|actualités|actualité|politique|économie|international|société|culture|sports
    |opinions|mentions légales|contact|connexion|rechercher|abonnement
    |inicio|portada|noticias|política|economía|deportes|sociedad|cultura|opinión
    |contacto|aviso legal|buscar|suscríbete
    |início|notícias|economia|esportes|desporto|opinião|contato|contacto|pesquisar
    |notizie|politica|cronaca|esteri|spettacoli|contatti|cerca
    |главная|новости|политика|экономика|общество|спорт|культура|контакты|поиск
    |首页|新闻|国际|财经|体育|娱乐|科技|社会|ホーム|ニュース|政治|経済|国際|スポーツ
    |홈|뉴스|정치|경제|사회|국제|스포츠|연예|문화|오피니언
    """.replace("\n", "")
    .replace("    ", "")
    .split("|")
)
_SECTIONS = frozenset(name.strip() for name in _SECTION_NAMES if name.strip())

# A list bullet, and arrows or separators a menu item may carry.
_DECORATION = regexcache.compile(r"^[\s*•·\-–—+>›»|]+|[\s>›»|▼▾⌄+]+$")
_WORDS = regexcache.compile(r"\w+")
# What a sentence or a label ends with; a menu item ends otherwise.
_SENTENCE_ENDS = frozenset(".!?:;,。！？")
# The whole-line rules, as sources: compiled on first need (see _line_rules).
_BREADCRUMB = (
    r"^[^\S\n]*(?:home|homepage|startseite|accueil|inicio|portada|início|главная|首页|ホーム|홈)"
    r"(?:[^\S\n]*[>›»/|→][^\S\n]*[^\n>›»/|→]{1,40}){1,6}[^\S\n]*$"
)
_SKIP_LINK = (
    r"^[^\S\n]*(?:skip\s+to\s+(?:the\s+)?(?:main\s+)?(?:content|navigation|menu|search|footer)"
    r"|jump\s+to\s+(?:main\s+)?(?:content|navigation)"
    r"|zum\s+inhalt\s+springen|(?:aller|passer)\s+au\s+contenu(?:\s+principal)?"
    r"|(?:ir|saltar)\s+al\s+contenido(?:\s+principal)?|(?:ir|pular)\s+para\s+o\s+conteúdo"
    r"|vai\s+al\s+contenuto|перейти\s+к\s+(?:основному\s+)?(?:содержанию|контенту))"
    r"[^\S\n]*$"
)

# Links to the story before or after this one on the site, and labels of the
# topic links under a story ("Filed under:"), all on lines of their own.
_PAGER = (
    r"^[←‹«<\s]*(?:(?:previous|next|older|newer|prev)\s+(?:story|article|post|entry)"
    r"|(?:vorheriger|nächster)\s+(?:artikel|beitrag)|article\s+(?:précédent|suivant)"
    r"|(?:artículo|articulo)\s+(?:anterior|siguiente)|(?:artigo|matéria)\s+(?:anterior|seguinte)"
    r"|articolo\s+(?:precedente|successivo)|(?:предыдущая|следующая)\s+статья"
    r"|filed\s+under|tagged\s+(?:with|as)|topics|tags|schlagwörter|themen|mots-clés"
    r"|etiquetas|temas|argomenti"
    # back to the top of the page or to the list the story came from
    r"|back(?:\s+to\s+(?:top|the\s+top|homepage|home))?|go\s+back|nach\s+oben|zurück"
    r"|(?:retour|haut\s+de\s+(?:la\s+)?page)|volver(?:\s+arriba)?|voltar(?:\s+ao\s+topo)?"
    r"|torna\s+su|indietro|наверх|назад|뒤로\s*가기|맨\s*위로|トップへ戻る|戻る|返回顶部|返回"
    r"|(?:view|see|show)\s+all(?:\s*\(\d{1,4}\))?)\s*:?[\s→›»>]*$"
)

_MAX_ITEM_CHARS = 32
_CRUMB_MARKS = regexcache.compile(r"[>›»/|→]")
_MAX_CRUMB_STEPS = 6
_MAX_CRUMB_STEP = 40
_MAX_RULE_CHARS = 80
_MAX_MENU_LINE = 60
# What _DECORATION takes off either end of a line (besides spaces, which a
# stripped line has none of at its ends).
_LEADING_MARKS = frozenset("*•·-–—+>›»|")
_TRAILING_MARKS = frozenset(">›»|▼▾⌄+")

# The words a line fitting _SKIP_LINK, _BREADCRUMB or _PAGER starts with, after
# spaces and arrows: for each alternative its first word, in each spelling it
# allows ("mots" of "mots-clés", "뒤로가기" and "뒤로" of "뒤로\s*가기"). Keep in
# step with the rules; tests/stages/test_first_words.py checks every rule's words.
_RULE_GATE = FirstWordGate(
    # skip links
    "skip jump zum aller passer ir saltar pular vai перейти"
    # breadcrumbs
    " home homepage startseite accueil inicio portada início главная 首页 ホーム 홈"
    # pagers and topic labels
    " previous next older newer prev vorheriger nächster article artículo articulo artigo"
    " matéria articolo предыдущая следующая filed tagged topics tags schlagwörter themen mots"
    " etiquetas temas argomenti back go nach zurück retour haut volver voltar torna indietro"
    " наверх назад 뒤로 뒤로가기 맨 맨위로 トップへ戻る 戻る 返回顶部 返回 view see show"
)
# How many other lines may stand between a menu and the start or end of the text.
_EDGE_OTHERS = 4
_MAX_ITEM_WORDS = 4


def _line_rule(text: str) -> str | None:
    """The rule a stripped short line falls under on its own, if any."""
    for rule, pattern in _line_rules():
        if rule == "breadcrumb" and not _may_be_breadcrumb(text):
            continue
        if pattern.match(text):
            return rule
    return None


@cache
def _line_rules() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The whole-line rules in the order they are tried, compiled on first need.

    Most texts have no line that passes _RULE_GATE, and compiling the three
    expressions costs milliseconds of start-up.
    """
    sources = (("skip_link", _SKIP_LINK), ("breadcrumb", _BREADCRUMB), ("pager", _PAGER))
    return tuple((rule, regexcache.compile(source, re.IGNORECASE)) for rule, source in sources)


def _may_be_breadcrumb(text: str) -> bool:
    """Whether the line has one to six breadcrumb steps, each of 40 characters or fewer.

    _BREADCRUMB matches a line with one mark before each of its one to six
    steps and none elsewhere (no mark is a letter, or has another case), and a
    step holds 1 to 40 characters besides the spaces around it. On a one-line
    menu with more steps, or a longer last one, the expression backtracks
    through every way to split the spaces between the steps before it fails,
    which costs up to milliseconds a line.
    """
    steps = _CRUMB_MARKS.split(text)[1:]
    return 0 < len(steps) <= _MAX_CRUMB_STEPS and all(
        len(step.strip()) <= _MAX_CRUMB_STEP for step in steps
    )


def menu_item(line: str) -> str | None:
    """The line as a menu item (case-folded, undecorated), or None if it is longer."""
    item = line.strip()
    if item and (item[0] in _LEADING_MARKS or item[-1] in _TRAILING_MARKS):
        item = _DECORATION.sub("", item).strip()  # only marks at an end need the expression
    if not item or len(item) > _MAX_ITEM_CHARS or item[-1] in _SENTENCE_ENDS:
        return None
    words = len(_WORDS.findall(item))
    if words == 0 or words > _MAX_ITEM_WORDS:
        return None
    return item.casefold()


class NavigationStage(Stage):
    """Menus of section names at the head or tail, breadcrumbs, "Skip to content", "Next story"."""

    name = "navigation"
    rules: ClassVar[dict[str, str]] = {
        "menu": "a run of short lines that name a site's sections and pages",
        "breadcrumb": 'a breadcrumb trail ("Home > World > Europe")',
        "skip_link": 'a "Skip to content" link for keyboard users',
        "pager": 'a link to the previous or next story, or a "Filed under:" label',
    }
    reach = EDGE_LINES + 1

    def find(self, doc: Document) -> Iterator[Removal]:
        live = doc.kept_text_lines()
        texts = list(map(str.strip, doc.visible_lines(live)))
        # Only lines of up to 80 characters can be a rule's, and of up to 60 a
        # menu item; of those, only the lines that pass a gate (_RULE_GATE,
        # _may_be_menu_items) are looked at. The others are plain text,
        # counted by their place in `live`.
        short = list(compress(range(len(live)), map(_MAX_RULE_CHARS.__ge__, map(len, texts))))
        short_texts = list(map(texts.__getitem__, short))
        ruled = set(map(short.__getitem__, _RULE_GATE.select(short_texts)))
        menu_like = set(compress(short, _may_be_menu_items(short_texts)))
        # Each run of menu-like lines, with how many other lines stand before it.
        runs: list[tuple[list[int], int]] = []
        run: list[int] = []
        # Each menu item of the runs, by line: menu_item of a stripped line is
        # that of the line, as it takes spaces off with the marks.
        items: dict[int, str] = {}
        before = 0
        kept = 0  # lines so far that are a rule's or a menu item
        previous = -1
        for position in sorted(ruled | menu_like):
            if run and position != previous + 1:  # other text stood between
                runs.append((run, before))
                run = []
            previous = position
            text = texts[position]
            index = live[position]
            rule = _line_rule(text) if position in ruled else None
            if rule is not None:
                kept += 1
                yield self.remove_lines(doc, rule, index)
                continue
            item = menu_item(text) if position in menu_like else None
            if item is not None:
                if not run:
                    before = position - kept
                run.append(index)
                items[index] = item
                kept += 1
                continue
            if run:
                runs.append((run, before))
            run = []
        if run:
            runs.append((run, before))
        others = len(live) - kept
        tail_start = len(doc.lines) - EDGE_LINES
        for run, before in runs:
            names = sum(items[i] in _SECTIONS for i in run)
            # At the head or the tail: near the edge, with no more than a title,
            # a byline and a date between the menu and the edge. Counting the
            # other lines, not the menu's, gives the same answer on a second run.
            at_head = run[0] < EDGE_LINES and before <= _EDGE_OTHERS
            at_tail = run[-1] >= tail_start and others - before <= _EDGE_OTHERS
            edge_menu = (at_head or at_tail) and names >= 2 and names * 2 >= len(run)
            if edge_menu or (names >= 3 and names * 4 >= len(run) * 3):
                # Line by line: blank lines between the items are the whitespace stage's.
                yield from (self.remove_lines(doc, "menu", i) for i in run)


def _may_be_menu_items(texts: list[str]) -> list[bool]:
    """For stripped lines of text, whether each can be a menu item, worked out in C.

    The stage tries menu_item on lines of up to 60 characters, and menu_item
    takes only what is left of 32 characters or fewer once the marks at
    either end go: a longer line with no mark at either end is left as it is.
    """
    sizes = list(map(len, texts))
    marked = map(
        or_,
        map(_LEADING_MARKS.__contains__, map(itemgetter(0), texts)),
        map(_TRAILING_MARKS.__contains__, map(itemgetter(-1), texts)),
    )
    fits = map(or_, map(_MAX_ITEM_CHARS.__ge__, sizes), marked)
    return list(map(and_, map(_MAX_MENU_LINE.__ge__, sizes), fits))
