"""The prompts stage: calls to action and paywalls go, the article's own sentences stay."""

from __future__ import annotations

import doctest
import random
import re
from collections.abc import Callable
from typing import Any

import pytest

from cleannews.document import Document
from cleannews.stages import prompts as prompts_module

Removed = Callable[[str], list[tuple[str, str]]]

STORY = (
    "The regional rail company will run extra trains over the holidays, its director said.\n"
    "Tickets for the new night service go on sale on Friday at stations and online.\n"
)


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Subscribe to our newsletter for the day's top stories.", "subscribe"),
        ("Sign up for breaking news alerts, delivered to your inbox.", "subscribe"),
        ("Thanks for signing up!", "subscribe"),
        ("### Subscribe", "subscribe"),
        ("Abonnieren Sie unseren Newsletter und verpassen Sie nichts.", "subscribe"),
        ("Inscrivez-vous à notre newsletter quotidienne", "subscribe"),
        ("Suscríbete a nuestro boletín de noticias", "subscribe"),
        ("Iscriviti alla newsletter del mattino", "subscribe"),
        ("Schrijf je in voor de nieuwsbrief", "subscribe"),
        ("Подпишитесь на нашу рассылку", "subscribe"),
        ("Follow us on Twitter and Facebook", "follow"),
        ("Follow us", "follow"),
        ("Follow Railwatch on", "follow"),
        ("Join our forums to keep talking trains", "subscribe"),
        ("Follow Railwatch on Instagram, TikTok and YouTube.", "follow"),
        ("Folgen Sie uns auf Instagram", "follow"),
        ("Suivez-nous sur les réseaux sociaux", "follow"),
        ("Síguenos en Twitter", "follow"),
        ("Volg ons op Facebook", "follow"),
        ("Download our free app for the latest headlines", "app"),
        ("**CLICK HERE TO GET THE RAILWATCH APP**", "app"),
        ("Téléchargez notre application", "app"),
        ("Sharing is caring!", "share"),
        ("Liked this article? Share it with your friends!", "share"),
        ("Share this story", "share"),
        ("1.2k shares", "share"),
        ("Partagez cet article", "share"),
        ("Ticket deals every week. Click here for more information.", "click_here"),
        ("Hier klicken", "click_here"),
        ("Subscribe to continue reading.", "paywall"),
        ("You have reached your limit of free articles this month.", "paywall"),
        ("Already a subscriber? Log in here", "paywall"),
        ("We've noticed you're using an ad blocker. Please support us.", "paywall"),
        ("Il vous reste 64 % de cet article à lire.", "paywall"),
        ("Dieser Artikel ist nur für Abonnenten verfügbar.", "paywall"),
        ("Sign In", "paywall"),
    ],
)
def test_call_to_action_goes(prompts: Removed, line: str, rule: str) -> None:
    assert prompts(STORY + line + "\n" + STORY) == [(rule, line)]


@pytest.mark.parametrize(
    "line",
    [
        '"Follow us," the rebels shouted as they crossed the river.',
        "Like us, many commuters gave up on the line after the timetable changed.",
        "Follow us through the tunnel, the guide told the group of engineers.",
        "Subscribers to the rail card pay half price on every journey, the company said.",
        "Shares in the rail company rose 3% on the news.",
        "The app was downloaded two million times in its first week.",
        "Sign-in sheets at the depot showed that nobody worked that night.",
        "Folgen Sie der Debatte im Landtag, sagte die Ministerin den Abgeordneten.",
        "Read the full report, which runs to 300 pages, and you will see why the line was closed.",
        # a prompt's words, reported as speech without quotation marks: the attribution
        # says the line is the story's (whatever the rule, in any language)
        "Follow us on the new route, the conductor told passengers at the platform.",
        "Click here, swipe there: commuters book tickets with a dozen gestures, Ms Ruiz said.",
        "Download the app, and the rail company learns far more about you, the report says.",
        "Already a subscriber? Many travellers say yes without being one, according to a poll.",
        "Folgen Sie uns, riefen die Streikenden den Fahrgästen am Bahnsteig zu.",
        "Suivez-nous, avait lancé le directeur aux cheminots lors de l'assemblée.",
        "Síguenos, gritaban los huelguistas a los viajeros desde el andén.",
        "Cet article est réservé aux abonnés, affiche le site, selon une étude du syndicat.",
        "Iscriviti alla newsletter, ha detto il sindaco ai pendolari, e saprai tutto.",
        "Seguici, gridavano i ferrovieri ai passanti dalla piazza della stazione.",
        "Siga-nos, gritavam os grevistas aos passageiros na plataforma.",
        "Conteúdo exclusivo para assinantes, lê-se em metade das notícias do site.",
        "Volg ons, riepen de stakers naar de reizigers op het perron.",
        "Следите за нами, кричали забастовщики пассажирам на перроне.",
        "Download the app and register before Friday, the council advises, or pay double.",
        "Download our free app, the poster says, though older travellers may struggle.",
        "Already a member? Members of the old rail card get a free month, the operator noted.",
        "Melden Sie sich für den Newsletter an, so die Ministerin, dann wissen Sie mehr.",
        # a long paragraph that happens to start like a prompt stays
        "Subscribe to the idea that rail is the future, the minister argued, and you must also "
        "accept that the network needs billions in investment over the next decade, far more "
        "than the government has so far promised, and that fares alone cannot pay for it, which "
        "is why the unions want a new funding law passed before the election next spring.",
    ],
)
def test_article_sentences_stay(prompts: Removed, line: str) -> None:
    assert prompts(STORY + line + "\n" + STORY) == []


def test_a_long_ad_blocker_notice_goes(prompts: Removed) -> None:
    notice = (
        "We've noticed you're using an ad blocker. Our reporters' work is paid for by the "
        "advertising you're hiding, so we'd ask you to switch it off for our site, or to "
        "support us in another way, so that we can keep bringing you the news you rely on "
        "every day. Thank you for reading."
    )
    assert prompts(STORY + notice + "\n" + STORY) == [("paywall", notice)]


def test_an_article_about_a_subscription_deal_keeps_its_offer(prompts: Removed) -> None:
    article = (
        "The Evening Courier will raise the price of its digital subscription to $12 a month "
        "from January, the publisher said on Tuesday.\n"
        "Existing subscribers keep the old price for six months, and print subscribers get the "
        "digital edition at no extra cost, according to the announcement.\n"
        "Subscribe to the annual plan by e-mail before December and the price stays at $99.\n"
        "Click here to compare the plans.\n"
    )
    assert prompts(article) == []
    # The same two lines in an article about something else are prompts.
    assert [rule for rule, _ in prompts(STORY + article.split("\n", 2)[2])] == [
        "subscribe",
        "click_here",
    ]


def test_docstring_examples() -> None:
    assert doctest.testmod(prompts_module).failed == 0


# The stage tries its rules only on lines its start scanner picks out, and looks
# for "click here" only around lines that hold a word every phrase holds. The
# tests below make lines from the rules themselves and check none is missed.
try:
    from re import _constants as sre_constants  # type: ignore[attr-defined]
    from re import _parser as sre_parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants  # type: ignore[no-redef]
    import sre_parse as sre_parser  # type: ignore[no-redef]

_REPEATS = {
    op
    for op in (
        sre_constants.MAX_REPEAT,
        sre_constants.MIN_REPEAT,
        getattr(sre_constants, "POSSESSIVE_REPEAT", None),
    )
    if op is not None
}
_CLASS_SAMPLES = {
    sre_constants.CATEGORY_DIGIT: "7",
    sre_constants.CATEGORY_NOT_DIGIT: "x",
    sre_constants.CATEGORY_SPACE: " ",
    sre_constants.CATEGORY_NOT_SPACE: "x",
    sre_constants.CATEGORY_WORD: "w",
    sre_constants.CATEGORY_NOT_WORD: "!",
}


def _sample(items: Any, rng: random.Random, out: list[str]) -> None:
    """Append to ``out`` a random string that the parsed pattern ``items`` may match."""
    for op, value in items:
        if op is sre_constants.LITERAL:
            out.append(chr(value))
        elif op is sre_constants.NOT_LITERAL:
            out.append(rng.choice([c for c in " x" if ord(c) != value]))
        elif op is sre_constants.ANY:
            out.append(rng.choice("ab ."))
        elif op is sre_constants.IN:
            out.append(_sample_class(value, rng))
        elif op is sre_constants.BRANCH:
            _sample(rng.choice(value[1]), rng, out)
        elif op is sre_constants.SUBPATTERN:
            _sample(value[3], rng, out)
        elif op in _REPEATS:
            low, high, item = value
            for _ in range(rng.randint(low, min(high, low + 2))):
                _sample(item, rng, out)
        elif op is getattr(sre_constants, "ATOMIC_GROUP", None):
            _sample(value, rng, out)


def _sample_class(items: Any, rng: random.Random) -> str:
    if items and items[0][0] is sre_constants.NEGATE:
        fits = [c for c in " x7!." if not any(_in_item(item, c) for item in items[1:])]
        return rng.choice(fits)
    kind, value = rng.choice(items)
    if kind is sre_constants.LITERAL:
        return chr(value)
    if kind is sre_constants.RANGE:
        return chr(rng.randint(*value))
    return _CLASS_SAMPLES.get(value, "x")


def _in_item(item: Any, char: str) -> bool:
    kind, value = item
    if kind is sre_constants.LITERAL:
        return char == chr(value)
    if kind is sre_constants.RANGE:
        return value[0] <= ord(char) <= value[1]
    return re.fullmatch(_CATEGORY_SOURCES[value], char) is not None


_CATEGORY_SOURCES = {
    sre_constants.CATEGORY_DIGIT: r"\d",
    sre_constants.CATEGORY_NOT_DIGIT: r"\D",
    sre_constants.CATEGORY_SPACE: r"\s",
    sre_constants.CATEGORY_NOT_SPACE: r"\S",
    sre_constants.CATEGORY_WORD: r"\w",
    sre_constants.CATEGORY_NOT_WORD: r"\W",
}


def _made_lines(count: int) -> dict[str, list[str]]:
    """Lines made from each rule's pattern, in several cases, that the rule takes whole."""
    rng = random.Random(11)
    matcher = prompts_module.PromptsStage.line_matcher()
    made: dict[str, list[str]] = {}
    for rule, source in prompts_module.PromptsStage.patterns.items():
        parsed = sre_parser.parse(source, re.IGNORECASE)
        lines = made.setdefault(rule, [])
        for _ in range(count):
            out: list[str] = []
            _sample(parsed, rng, out)
            line = "".join(out)
            for cased in (line, line.upper(), line.title(), line.swapcase()):
                found = matcher.fullmatch(cased)
                if found is not None and found.lastgroup == rule:
                    lines.append(cased)
    return made


def test_the_start_gate_finds_every_line_a_rule_takes() -> None:
    made = _made_lines(2000)
    assert all(len(lines) > 100 for lines in made.values()), {r: len(v) for r, v in made.items()}
    lines = [line for rule_lines in made.values() for line in rule_lines]
    prose = "The ferry left at noon and the harbour master said the tide was high."
    doc = Document("\n".join(line for made_line in lines for line in (made_line, prose)) + "\n")
    gated = prompts_module.PromptsStage().candidate_lines(doc)
    assert [doc.lines[index] for index in gated] == lines


@pytest.mark.parametrize(
    "phrase",
    [
        "CLICK HERE",
        "cLiCk\u00a0hErE",
        "Klicken Sie hier",
        "HIER KLICKEN",
        "cliquez ici",
        "Haga clic aquí",
        "CLIQUE AQUI",
        "clicca qui",
        "klik hier",
        "Tap here",
        "НАЖМИТЕ ЗДЕСЬ",
        "нажМите здесь",
        "cl\u0130ck here",
        "\u212alik hier",
    ],
)
def test_click_here_in_any_language_and_case_goes(prompts: Removed, phrase: str) -> None:
    line = f"For the timetable {phrase}."
    assert prompts(STORY + line + "\n" + STORY) == [("click_here", line)]


def test_a_click_here_phrase_across_a_line_break_counts_for_its_first_line() -> None:
    # \s in the phrase takes a line break, as the whole-text search always did.
    doc = Document("Tickets are on sale. Hier\n\n klicken Sie für mehr.\nKlicken\nSie hier\n")
    assert prompts_module._click_lines(doc) == [0, 3]
    assert [
        doc.index_at(m.start()) for m in prompts_module._click_pattern().finditer(doc.joined)
    ] == [0, 3]


_TOPIC_SENTENCES = [
    "The paper said its {w} price would rise to nine euros a month from January onwards.",
    "Readers with a digital {w} will keep their current rate until the end of the year.",
    "Подписка на газету подорожает с января, сообщила редакция в понедельник утром.",
    "ПОДПИСЧИКИ сервиса получат скидку, если продлят договор до конца месяца, сказал он.",
    "ПодПиСка на журнал теперь стоит вдвое дороже, чем в прошлом году, пишут читатели.",
    "Die Zahl der Abos stieg im dritten Quartal um zwölf Prozent, teilte der Verlag mit.",
    "Gli abbonamenti digitali sono cresciuti del dieci per cento nel corso del trimestre.",
    "A assinatura anual passa a custar noventa reais a partir de março, disse a empresa.",
]
_TOPIC_WORDS = ["subscription", "SUBSCRIPTION", "Subscriber", "ſubscription", "abonnement"]
_OTHER_LINES = [
    "Subscribe to our newsletter",
    "Sign up for our morning briefing and get the day's news in your inbox.",
    "The harbour reopened on Monday after a week of repairs to the eastern pier.",
    "Residents spoke about the noise from the new terminal for most of the evening meeting.",
    "Ein Abo-Modell für die Fähre lehnte der Stadtrat am Dienstagabend knapp ab, hieß es.",
    "Subscriptions",
    "",
]


@pytest.mark.parametrize("seed", range(60))
def test_about_subscriptions_answers_as_talks_about_does(seed: int) -> None:
    from cleannews.stages.context import talks_about

    rng = random.Random(seed)
    lines = [
        rng.choice(_TOPIC_SENTENCES).format(w=rng.choice(_TOPIC_WORDS))
        if rng.random() < 0.25
        else rng.choice(_OTHER_LINES)
        for _ in range(rng.randint(1, 12))
    ]
    doc = Document("\n".join(lines) + "\n")
    stage = prompts_module.PromptsStage()
    scanner, _ = stage.compiled()
    prompts = {doc.index_at(m.start()) for m in scanner.finditer(doc.joined)}
    expected = talks_about(doc, prompts_module._SUBSCRIPTION_TOPIC.search, prompts.__contains__)
    assert stage.about_subscriptions(doc) == expected
