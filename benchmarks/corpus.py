"""A made-up news corpus of any size, shaped like real extractor output.

    .venv/bin/python benchmarks/corpus.py --size 100MB --format text out.txt
    .venv/bin/python benchmarks/corpus.py --size 100MB --format jsonl out.jsonl

Every article is written here from templates and word lists in six languages;
no text comes from elsewhere. What comes from measurement is the *shape*: the
figures below were measured on the study half of the article-extraction
benchmark (32 extractors x 83 pages, ../shared/data/aeb-dev) with a throwaway
script that labelled each output line as article or junk against the gold text
and counted what cleannews removes. Only those figures are used here.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections.abc import Iterator
from pathlib import Path

# --- Figures measured on aeb-dev (2,553 extractor outputs) ----------------------
# Median characters of an extractor's output for one page (the middle extractor).
MEDIAN_ARTICLE_CHARS = 3800
# Share of non-blank lines that are not article text (menus, related headlines,
# tags, dates) in the output of the median extractor.
JUNK_LINE_SHARE = 0.28
# Of those junk lines: how long they are (share by length in characters).
JUNK_LENGTHS = ((20, 0.39), (80, 0.51), (160, 0.06), (400, 0.04))
# Share of all lines that are blank.
BLANK_LINE_SHARE = 0.29
# Residue of the kinds cleannews removes, per article (lines per page, all
# extractors): share/print button labels, ad slot markers, captions printed
# twice, gallery counters, "loading" placeholders, trust badges, reading times,
# ad markers glued to a paragraph.
RESIDUE_PER_ARTICLE = {
    "share": 0.25,
    "ad": 0.12,
    "caption": 0.11,
    "gallery": 0.076,
    "placeholder": 0.02,
    "trust": 0.005,
    "reading_time": 0.004,
    "ad_glued": 0.0016,
}
# Residue that comes in blocks, of the kinds the later stages remove: per kind,
# the share of pages that have it and its lines where it is (cleannews's own
# removals on aeb-dev, all extractors; a lower bound, as it misses some).
RESIDUE_BLOCKS = {
    "link_refs": (0.086, 67.0),  # a markdown reference list closing the text
    "markup": (0.17, 14.0),  # empty links, markdown images, stray HTML
    "related": (0.14, 6.0),  # a "Read more" lead and its headlines
    "prompt": (0.28, 1.6),  # subscribe, follow, paywall, "click here"
    "credit": (0.2, 2.2),  # photo credits and caption labels
    "widget": (0.25, 2.5),  # comment and like labels, cookie notices
    "menu": (0.038, 13.0),  # a site menu at the head or the tail
    "pager": (0.07, 1.2),  # "Next story", "Back to top"
}
# Residue is rare per page; this multiplier lets a run stress the stages more.
DEFAULT_RESIDUE_SCALE = 1.0

# --- Word lists and templates, one set per language -----------------------------
_LANGUAGES: dict[str, dict[str, list[str]]] = {
    "en": {
        "who": [
            "The city council",
            "The harbour authority",
            "A spokesperson for the ministry",
            "Local residents",
            "The union",
            "Analysts at the central bank",
            "The school board",
            "Emergency services",
            "The regional health service",
            "Farmers in the valley",
            "Police",
            "Two opposition members",
            "Shop owners on the high street",
            "The mayor's office",
            "Engineers working on the site",
            "Several parents",
            "A court in the capital",
            "The transport minister",
            "Environmental groups",
            "Hospital staff",
        ],
        "lead": [
            "On {day}, ",
            "Late on {day}, ",
            "Earlier this month, ",
            "In a letter sent in {month}, ",
            "Speaking to reporters, ",
            "For the third time this year, ",
        ],
        "did": [
            "said on {day} that {what} would be delayed until {month}",
            "voted to approve {what} after a debate that lasted {n} hours",
            "warned that {what} could cost {n} million more than planned",
            "confirmed that {what} had been finished {n} weeks early",
            "asked the government to review {what} before {month}",
            "rejected claims that {what} was unsafe",
        ],
        "what": [
            "the new bridge",
            "the tram extension",
            "the flood barrier",
            "the hospital wing",
            "the pay agreement",
            "the water treatment plant",
            "the cycle lane network",
            "the harvest report",
        ],
        "tail": [
            "according to documents seen by reporters",
            "citing higher prices for steel and labour",
            "in a statement published late in the evening",
            "although several members abstained",
            "and further talks are planned",
        ],
        "day": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
        "month": ["March", "June", "September", "December"],
        "nav": [
            "Home",
            "News",
            "World",
            "Business",
            "Sport",
            "Opinion",
            "Most read",
            "Related stories",
            "More from the region",
            "Sign in",
            "Contact us",
            "Terms of use",
            "Weather warning issued for the coast as storms move east",
            "Council approves budget after late-night session",
            "Photos: the week in pictures from around the county",
        ],
        "caption": [
            "Workers inspect the damaged section of {what} on {day}.",
            "Residents gather outside the town hall to hear the decision on {what}.",
        ],
        "credit": ["Photo: Jane Doe/Reuters", "(AFP)", "Photograph: Staff"],
    },
    "de": {
        "who": [
            "Der Stadtrat",
            "Die Hafenbehörde",
            "Ein Sprecher des Ministeriums",
            "Die Gewerkschaft",
            "Anwohner im Norden der Stadt",
            "Die Landesregierung",
            "Mehrere Eltern",
            "Die Polizei",
            "Ein Gericht in der Hauptstadt",
            "Umweltverbände",
            "Händler in der Altstadt",
        ],
        "did": [
            "teilte am {day} mit, dass {what} erst im {month} fertig wird",
            "stimmte nach {n} Stunden Debatte für {what}",
            "warnte, {what} könne {n} Millionen Euro mehr kosten",
            "bestätigte, dass {what} {n} Wochen früher fertig war",
        ],
        "what": [
            "die neue Brücke",
            "die Straßenbahnlinie",
            "der Hochwasserschutz",
            "das Klinikgebäude",
            "der Tarifvertrag",
            "das Radwegenetz",
        ],
        "tail": [
            "wie aus internen Unterlagen hervorgeht",
            "unter Hinweis auf gestiegene Baupreise",
            "obwohl sich mehrere Mitglieder enthielten",
        ],
        "day": ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag"],
        "month": ["März", "Juni", "September", "Dezember"],
        "nav": [
            "Startseite",
            "Politik",
            "Wirtschaft",
            "Sport",
            "Meistgelesen",
            "Mehr zum Thema",
            "Impressum",
            "Stadtrat beschließt Haushalt nach langer Sitzung",
        ],
        "caption": ["Arbeiter prüfen am {day} den beschädigten Abschnitt, {what}."],
        "credit": ["Foto: dpa", "(Bild: Max Muster)"],
    },
    "fr": {
        "who": [
            "Le conseil municipal",
            "La préfecture",
            "Un porte-parole du ministère",
            "Les habitants du quartier",
            "Le syndicat",
            "La police",
            "Plusieurs parents",
            "Le tribunal administratif",
            "Les commerçants du centre",
            "Le ministre des transports",
        ],
        "lead": ["Dès {day}, ", "En {month}, ", "Selon la mairie, ", "Pour la troisième fois, "],
        "did": [
            "a annoncé {day} que {what} serait reporté à {month}",
            "a voté pour {what} après {n} heures de débat",
            "estime que {what} coûtera {n} millions de plus que prévu",
        ],
        "what": ["le nouveau pont", "la ligne de tramway", "la digue", "l'hôpital", "l'accord"],
        "tail": ["selon des documents consultés par la rédaction", "malgré plusieurs abstentions"],
        "day": ["lundi", "mardi", "mercredi", "jeudi", "vendredi"],
        "month": ["mars", "juin", "septembre", "décembre"],
        "nav": ["Accueil", "Politique", "Économie", "Les plus lus", "À lire aussi"],
        "caption": ["Des ouvriers inspectent {what} {day} matin, après la tempête."],
        "credit": ["Photo: AFP"],
    },
    "es": {
        "who": [
            "El ayuntamiento",
            "La autoridad portuaria",
            "Un portavoz del ministerio",
            "La policía",
            "Varios vecinos",
            "El tribunal superior",
            "Los comerciantes del centro",
            "La consejera de Sanidad",
        ],
        "lead": ["El {day}, ", "En {month}, ", "Según fuentes municipales, ", "Por sorpresa, "],
        "did": [
            "anunció el {day} que {what} se retrasará hasta {month}",
            "aprobó {what} tras un debate de {n} horas",
        ],
        "what": ["el nuevo puente", "la línea de tranvía", "el plan de alumbrado", "el hospital"],
        "tail": ["según documentos internos", "pese a varias abstenciones"],
        "day": ["lunes", "martes", "miércoles", "jueves", "viernes"],
        "month": ["marzo", "junio", "septiembre", "diciembre"],
        "nav": ["Portada", "Nacional", "Economía", "Lo más leído", "Más noticias"],
        "caption": ["Operarios revisan {what} el {day} por la mañana, tras la tormenta."],
        "credit": ["Foto: EFE"],
    },
    "ru": {
        "who": [
            "Городской совет",
            "Администрация порта",
            "Представитель министерства",
            "Полиция",
            "Несколько жителей",
            "Суд столицы",
            "Министр транспорта",
            "Местные предприниматели",
        ],
        "did": [
            "сообщил в {day}, что {what} откроют только в {month}",
            "одобрил {what} после {n} часов обсуждения",
        ],
        "what": ["новый мост", "трамвайную линию", "дамбу", "новую больницу"],
        "tail": ["как следует из документов", "несмотря на возражения жителей"],
        "day": ["понедельник", "вторник", "среду", "четверг", "пятницу"],
        "month": ["марте", "июне", "сентябре", "декабре"],
        "nav": ["Главная", "Политика", "Экономика", "Самое читаемое"],
        "caption": ["Рабочие осматривают {what} в {day} утром после шторма."],
        "credit": ["Фото: ТАСС"],
    },
    "ja": {
        "who": [
            "市議会は",
            "港湾局は",
            "省の報道官は",
            "地元の住民は",
            "警察は",
            "県知事は",
            "複数の保護者は",
        ],
        "did": [
            "{day}、{what}の完成が{month}まで遅れると発表した",
            "{n}時間の審議の末、{what}を承認した",
        ],
        "what": ["新しい橋", "路面電車の延伸", "防潮堤", "病院の新棟"],
        "tail": ["関係者によると", "複数の議員が棄権した"],
        "day": ["月曜日", "火曜日", "水曜日", "木曜日", "金曜日"],
        "month": ["3月", "6月", "9月", "12月"],
        "nav": ["ホーム", "政治", "経済", "よく読まれている記事"],
        "caption": ["{day}、嵐の後に{what}を点検する作業員。"],
        "credit": ["写真＝共同"],
    },
}
# English dominates real corpora; the rest share the remainder.
_LANGUAGE_WEIGHTS = {"en": 0.6, "de": 0.1, "fr": 0.1, "es": 0.08, "ru": 0.07, "ja": 0.05}

_RESIDUE_LINES = {
    "share": ["Share", "Share this article", "Facebook Twitter Email", "Teilen", "Partager"],
    "ad": ["Advertisement", "ADVERTISEMENT", "Anzeige", "Publicité", "Реклама", "广告"],
    "gallery": ["1 of 12", "Image 3 of 8", "Next image", "View gallery"],
    "placeholder": ["loading", "Loading...", "Wird geladen …"],
    "trust": ["Why you can trust The Courier"],
    "reading_time": ["Reading Time: 3 minutes", "5 min read", "Lesezeit: 4 Minuten"],
}
# Lines of the block kinds, by language; a language without its own takes English's.
_BLOCK_LINES: dict[str, dict[str, list[str]]] = {
    "en": {
        "markup": [
            "[](https://news.example/local/2024/ferry-timetable)",
            "![](https://cdn.news.example/img/2024/harbour-cranes.jpg)",
            "![Cranes at the port](https://cdn.news.example/img/cranes-640.jpg)",
            '<div class="ad-slot"></div>',
            "</span>",
        ],
        "related": ["Read more:", "Related:", "You may also like", "Most read"],
        "prompt": [
            "Sign up for our morning briefing and get the day's news in your inbox.",
            "Subscribe to our newsletter",
            "Follow us on Twitter and Facebook",
            "Subscribe to continue reading",
            "Click here to get the latest headlines.",
        ],
        "credit": [
            "Photo: Maria Lopez/Reuters",
            "(Photo by Tom Baker/Getty Images)",
            "Image copyright Getty Images",
            "Jane Whitfield | Bloomberg | Getty Images",
            "Image caption",
        ],
        "widget": [
            "Comments",
            "Leave a comment",
            "Comments are closed.",
            "Like this:",
            "We use cookies to improve your experience on our site.",
        ],
        "menu": ["Home", "News", "World", "Business", "Sport", "Opinion", "Culture", "Contact us"],
        "pager": ["Next story", "Back to top", "← Previous Story"],
    },
    "de": {
        "related": ["Lesen Sie auch:", "Mehr zum Thema"],
        "prompt": ["Abonnieren Sie unseren Newsletter", "Folgen Sie uns auf Instagram"],
        "credit": ["Foto: dpa", "Bildunterschrift"],
        "widget": ["Kommentare"],
        "menu": ["Startseite", "Politik", "Wirtschaft", "Sport", "Kultur", "Impressum"],
    },
    "fr": {
        "related": ["À lire aussi", "Sur le même sujet"],
        "prompt": ["Inscrivez-vous à notre newsletter", "Suivez-nous sur Facebook"],
        "credit": ["Photo : AFP"],
        "menu": ["Accueil", "Politique", "Économie", "Sport", "Culture", "Contact"],
    },
    "es": {
        "prompt": ["Suscríbete a nuestro boletín"],
        "menu": ["Portada", "Nacional", "Economía", "Deportes", "Cultura", "Contacto"],
    },
    "ru": {"prompt": ["Подпишитесь на нашу рассылку"]},
}
_SPACE_BEFORE = {"ja": ""}


def _sentence(rng: random.Random, words: dict[str, list[str]], language: str) -> str:
    slots = {
        "day": rng.choice(words["day"]),
        "month": rng.choice(words["month"]),
        "n": str(rng.randint(2, 480)),
        "what": rng.choice(words["what"]),
    }
    did = rng.choice(words["did"]).format(**slots)
    if language == "ja":
        return f"{rng.choice(words['who'])}{did}。{rng.choice(words['tail'])}。"
    who = rng.choice(words["who"])
    if "lead" in words and rng.random() < 0.4:
        # Not every sentence starts with its subject.
        lead = rng.choice(words["lead"]).format(**slots)
        # After a lead the subject's article is lower-cased; names keep their capital.
        article = who.split(" ", 1)[0]
        if article in {
            "The",
            "A",
            "Two",
            "Several",
            "Le",
            "La",
            "Les",
            "Un",
            "El",
            "Los",
            "Varios",
        }:
            who = who[0].lower() + who[1:]
        who = lead + who
    sentence = f"{who} {did}"
    if rng.random() < 0.5:
        sentence += f", {rng.choice(words['tail'])}"
    return sentence + "."


def _junk_line(rng: random.Random, words: dict[str, list[str]]) -> str:
    roll = rng.random()
    limit = JUNK_LENGTHS[-1][0]
    for longest, share in JUNK_LENGTHS:
        if roll < share:
            limit = longest
            break
        roll -= share
    line = rng.choice(words["nav"])
    while len(line) < limit // 2:
        line += " | " + rng.choice(words["nav"])
    return line[:limit]


def _headline(sentence: str, longest: int = 70) -> str:
    """A sentence cut to a headline: at most ``longest`` characters, whole words, no full stop."""
    sentence = sentence.rstrip(".。")
    if len(sentence) <= longest:
        return sentence
    cut = sentence[:longest]
    return cut.rsplit(" ", 1)[0] if " " in cut else cut


def _block(rng: random.Random, kind: str, language: str, lines: float) -> list[str]:
    """One block of residue of ``kind``, about ``lines`` lines long."""
    size = max(1, round(rng.expovariate(1 / lines)))
    if kind == "link_refs":
        sections = ("world", "local", "sport")
        return [
            f"[{n}]: https://news.example/{rng.choice(sections)}/{rng.randrange(10**6)}"
            for n in range(1, size + 1)
        ]
    own = _BLOCK_LINES.get(language, {})
    choices = own.get(kind) or _BLOCK_LINES["en"][kind]
    if kind == "related":
        # A lead and the headlines it links: short, no closing full stop.
        words = _LANGUAGES[language]
        heads = [_headline(_sentence(rng, words, language)) for _ in range(max(2, size - 1))]
        return [rng.choice(choices), *heads]
    if kind == "menu":
        return [rng.choice(choices) for _ in range(max(3, size))]
    return [rng.choice(choices) for _ in range(size)]


def _count(rng: random.Random, expected: float) -> int:
    whole = int(expected)
    return whole + (rng.random() < expected - whole)


def article(rng: random.Random, residue_scale: float = DEFAULT_RESIDUE_SCALE) -> str:
    """One article as an extractor would print it: title, paragraphs, junk and residue."""
    language = rng.choices(list(_LANGUAGE_WEIGHTS), weights=list(_LANGUAGE_WEIGHTS.values()))[0]
    words = _LANGUAGES[language]
    space = _SPACE_BEFORE.get(language, " ")
    target = int(rng.lognormvariate(0, 0.5) * MEDIAN_ARTICLE_CHARS)
    blocks: list[str] = [_sentence(rng, words, language).rstrip(".。")]
    size = 0
    while size < target:
        # Paragraphs of one to six sentences: many short ones, a few long ones.
        count = rng.choices((1, 2, 3, 4, 6), weights=(40, 20, 20, 12, 8))[0]
        paragraph = space.join(_sentence(rng, words, language) for _ in range(count))
        blocks.append(paragraph)
        size += len(paragraph)
    junk = round(len(blocks) * JUNK_LINE_SHARE / (1 - JUNK_LINE_SHARE))
    for _ in range(junk):
        blocks.insert(rng.randrange(len(blocks) + 1), _junk_line(rng, words))
    for kind, rate in RESIDUE_PER_ARTICLE.items():
        for _ in range(_count(rng, rate * residue_scale)):
            at = rng.randrange(1, len(blocks) + 1)
            if kind == "caption":
                caption = rng.choice(words["caption"]).format(
                    day=rng.choice(words["day"]), what=rng.choice(words["what"])
                )
                blocks[at:at] = [f"{caption} {rng.choice(words['credit'])}", caption]
            elif kind == "ad_glued":
                blocks[at - 1] += "Advertisement"
            else:
                blocks.insert(at, rng.choice(_RESIDUE_LINES[kind]))
    for kind, (share, lines_per_block) in RESIDUE_BLOCKS.items():
        if rng.random() >= min(1.0, share * residue_scale):
            continue
        block = _block(rng, kind, language, lines_per_block)
        if kind == "link_refs" or (kind in {"related", "menu"} and rng.random() < 0.6):
            at = len(blocks)  # these close the text more often than not
        elif kind == "menu":
            at = 0
        else:
            at = rng.randrange(1, len(blocks) + 1)
        blocks[at:at] = block
    # Extractors differ in how they space blocks; a blank line after most blocks
    # gives the measured share of blank lines.
    blank_after = BLANK_LINE_SHARE / (1 - BLANK_LINE_SHARE)
    lines: list[str] = []
    for block in blocks:
        lines.append(block)
        if rng.random() < blank_after:
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def articles(
    size: int, seed: int = 1, residue_scale: float = DEFAULT_RESIDUE_SCALE
) -> Iterator[str]:
    """Articles until about ``size`` bytes of UTF-8 have been given."""
    rng = random.Random(seed)
    given = 0
    while given < size:
        text = article(rng, residue_scale)
        given += len(text.encode())
        yield text


def write_text(path: Path, size: int, seed: int = 1) -> None:
    """Articles one after another, a blank line between them, as one plain text file."""
    with path.open("w", encoding="utf-8") as out:
        for text in articles(size, seed):
            out.write(text + "\n")


def write_jsonl(path: Path, size: int, seed: int = 1) -> None:
    """One JSON Lines record per article: id, url, text."""
    with path.open("w", encoding="utf-8") as out:
        for number, text in enumerate(articles(size, seed)):
            record = {"id": number, "url": f"https://news.example/{number}", "text": text}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def parse_size(value: str) -> int:
    """ "10MB", "1GB", "500kB" or a number of bytes."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kKMG]?)B?\s*", value)
    if not match:
        raise argparse.ArgumentTypeError(f"not a size: {value!r}")
    unit = {"": 1, "k": 1e3, "K": 1e3, "M": 1e6, "G": 1e9}[match.group(2)]
    return int(float(match.group(1)) * unit)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path)
    parser.add_argument("--size", type=parse_size, default=parse_size("10MB"))
    parser.add_argument("--format", choices=("text", "jsonl"), default="text")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    writer = write_jsonl if args.format == "jsonl" else write_text
    writer(args.output, args.size, args.seed)


if __name__ == "__main__":
    main()
