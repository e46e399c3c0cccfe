"""Site furniture: trust badges, "loading" placeholders, share and print buttons, gallery chrome.

These are the labels of page widgets that extractors flatten into text. Each
rule matches a whole line only, so an article sentence that mentions sharing or
loading is never touched.

>>> from cleannews import clean
>>> clean("Why you can trust SCMP\\nThe port reopened on Friday.\\nloading\\n")
'The port reopened on Friday.\\n'
>>> clean("Shares in the company fell 4% on Friday.\\n")
'Shares in the company fell 4% on Friday.\\n'
"""

from __future__ import annotations

import re
from typing import ClassVar

from cleannews import regexcache
from cleannews.document import Document
from cleannews.stages.gates import StartGated, join_start_scan

_SHARE_WORDS = (
    r"share|share\s+(?:this|on)(?:\s+(?:article|story|page|post))?|shares|tweet|email|e-mail|print"
    r"|save|copy\s+link|copy\s+article\s+link|link\s+copied|facebook|twitter|x|linkedin|whatsapp"
    r"|telegram|pinterest|reddit|messenger|flipboard|pocket|threads|bluesky|sms"
    r"|teilen|drucken|artikel\s+teilen|partager|imprimer|compartir|imprimir|compartilhar"
    r"|condividi|stampa|delen|printen|поделиться|печать|分享|打印|共有|印刷|シェア|ツイート|공유|인쇄"
)

# One word of a site's name: it starts with a capital letter or a digit, whatever
# the case-insensitive flag says.
_NAME_WORD = r"(?-i:[A-Z0-9][\w'’&.!-]*)"


def bare_numbers(doc: Document) -> frozenset[str]:
    """The numbers that stand on a line of their own ("3", " 12. ", "4)"), as written.

    Each "\\n"-led line is tried once (the engine jumps between line breaks in
    C), where a ``^...$`` re.MULTILINE pattern was tried at every character;
    nothing in it takes a line break, so both find the same lines.
    """
    return frozenset(_BARE_NUMBER.findall(doc.scan_text))


_BARE_NUMBER = regexcache.compile(r"\n[^\S\n]*(\d{1,3})[.)]?[^\S\n]*(?=\n)")


class ChromeStage(StartGated):
    """Page widgets flattened into text: "Why you can trust X", "loading", "Share", "1 of 23"."""

    name = "chrome"
    rules: ClassVar[dict[str, str]] = {
        "trust_badge": "a site's trust badge, not part of the story",
        "placeholder": "a placeholder left where a widget or video failed to load",
        "share_buttons": "labels of share, print or save buttons",
        "gallery": "photo-gallery navigation",
        "counter": "a bare number left by a share, comment or photo counter",
        "toggle": 'the link that opens or folds a long caption or bio ("... more", "less")',
        "close_button": "the label of a button that closes a gallery, menu or pop-up",
    }
    patterns: ClassVar[dict[str, str]] = {
        # The badge names the site ("Why you can trust SCMP", "... the Gazette")
        # or the site itself ("us", "our reviews"); "Why you can trust the polls
        # this time" is a headline, so the name must be capitalised and short.
        "trust_badge": (
            r"why\s+you\s+can\s+trust\s+(?:us|our\s+\w+|this\s+(?:site|review|guide)"
            rf"|(?:the\s+)?{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})\s*[?.!]?"
            r"|why\s+trust\s+us\s*\??"
        ),
        "placeholder": (
            r"loading(?:\s*(?:\.{1,3}|…))?|chargement(?:\s+en\s+cours)?\s*(?:\.{1,3}|…)?"
            r"|wird\s+geladen\s*(?:\.{1,3}|…)?|laden\s*(?:\.{1,3}|…)?|cargando\s*(?:\.{1,3}|…)?"
            r"|carregando\s*(?:\.{1,3}|…)?|caricamento(?:\s+in\s+corso)?\s*(?:\.{1,3}|…)?"
            r"|загрузка\s*(?:\.{1,3}|…)?|加载中\s*(?:\.{1,3}|…)?|読み込み中\s*(?:\.{1,3}|…)?"
            r"|로딩\s*중\s*(?:\.{1,3}|…)?"
            r"|media\s+playback\s+is\s+(?:unsupported|not\s+supported)\s+on\s+your\s+device"
            r"|your\s+browser\s+does\s+not\s+support\s+(?:the\s+)?(?:video|audio|iframes?)(?:\s+(?:tag|element))?\.?"
            r"|this\s+video\s+(?:is\s+)?(?:can\s+not|cannot|can't)\s+(?:be\s+)?play(?:ed)?\.?"
            r"|please\s+enable\s+javascript(?:\s+to\s+(?:view|watch|see)[\w ]{0,40})?\.?"
            r"|this\s+(?:slideshow|gallery|video|player|content|feature|page)\s+requires\s+javascript\.?"
        ),
        "share_buttons": (
            # One to eight labels with separators between them, each separator
            # followed by a label, so a long run of spaces is not tried twice.
            rf"(?:{_SHARE_WORDS})(?:(?:\s*[|/·•,]\s*|\s+)(?:{_SHARE_WORDS})){{0,7}}(?:\s*[|/·•,])?"
            r"|get\s+(?:the\s+)?short\s+(?:url|link)|permalink|click\s+to\s+tweet|tweet\s+this|text\s+size|font\s+size|schriftgröße|taille\s+du\s+texte"
            r"|(?:share|teilen|partager|compartir|condividi|compartilhar)\s+(?:this\s+)?(?:article|story|page|artikel|l'article|el\s+artículo|l'articolo|a\s+matéria)"
            r"\s*(?:on|via|auf|sur|en|su|no)?\s*(?:facebook|twitter|x|whatsapp|linkedin|email)?"
        ),
        "gallery": (
            r"(?:image|photo|picture|slide|bild|foto|imagen|immagine|фото)\s+\d{1,3}\s*(?:of|/|von|de|di|из|sur)\s*/?\s*\d{1,3}"
            r"|\d{1,3}\s*/\s*\d{1,3}"
            r"|(?:back\s+to|return\s+to|view|open|launch|see)\s+(?:the\s+)?(?:full\s+)?(?:gallery|slideshow|photo\s+gallery)"
            r"|(?:next|previous|prev)\s+(?:image|photo|slide|picture)"
            r"|zurück\s+zur\s+galerie|retour\s+à\s+la\s+galerie|volver\s+a\s+la\s+galería"
            r"|expand\s+(?:image|photo)|enlarge\s+(?:this\s+)?(?:image|photo)|close\s+(?:gallery|image)"
            r"|\d{1,3}\s+(?:photos|images|pictures|bilder|fotos|imágenes|immagini)"
        ),
        "counter": r"\d{1,3}",
        # "... more" / "less": the link that opens or folds a long caption or bio
        "toggle": (
            r"(?:\.{3}|…)[^\S\n]*more|(?:show|see|view)\s+(?:more|less)|less"
            r"|mehr\s+anzeigen|weniger\s+anzeigen|voir\s+(?:plus|moins)|ver\s+(?:más|menos)"
            r"|mostra\s+(?:di\s+più|meno)|показать\s+(?:ещё|больше|меньше)|더\s*보기|접기"
        ),
        "close_button": (
            r"close|schließen|fermer|cerrar|chiudi|fechar|закрыть|关闭|閉じる|닫기|[×✕]"
        ),
    }

    # Every rule starts with a word, a digit or a mark; prose lines start
    # with other words, which five characters tell apart (see ads._start_scan).
    prefix_gated = True
    _numbers_doc: Document | None = None
    _numbers: frozenset[str] = frozenset()

    def _bare_numbers(self, doc: Document) -> frozenset[str]:
        """:func:`bare_numbers` of ``doc``, worked out once a text (counters can be many)."""
        if self._numbers_doc is not doc:
            self._numbers_doc = doc
            self._numbers = bare_numbers(doc)
        return self._numbers

    def accept(self, doc: Document, index: int, match: re.Match[str]) -> bool:
        """A gallery counter counts up to its total: "3 of 23", "1/12"; "24/7" is no counter.

        A bare number is a counter unless it numbers a list: then the number
        before or after it stands on a line of its own too ("1", "2", "3").
        """
        if match.lastgroup == "counter":
            # The match may hold zero-width spaces around the digits.
            digits = re.search(r"\d+", match.group())
            if digits is None:
                return False
            number = int(digits.group())
            listed = self._bare_numbers(doc)
            return str(number - 1) not in listed and str(number + 1) not in listed
        if match.lastgroup != "gallery":
            return True
        numbers = [int(number) for number in re.findall(r"\d+", match.group())]
        return len(numbers) != 2 or 1 <= numbers[0] <= numbers[1]


join_start_scan(ChromeStage, "chrome")
