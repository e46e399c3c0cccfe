"""The prompts stage: calls to action and paywalls go, the article's own sentences stay."""

from __future__ import annotations

import doctest
from collections.abc import Callable

import pytest

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
