"""Articles written for the batch tests: several languages, with the usual web residue.

``article(n)`` gives a different article for every ``n`` (sentences are numbered
so no two paragraphs are alike), which lets tests build folders, JSON Lines
corpora and large streams of any size from text we wrote ourselves.
"""

from __future__ import annotations

import random

_BODIES = {
    "en": [
        "Dock workers in the northern port voted to end a nine-day strike on {n} March.",
        "The union said the new contract raises night-shift pay by {n} percent.",
        "Shipping lines had diverted {n} vessels to other harbours during the stoppage.",
        "The mayor called the agreement a relief for the small firms along the quay.",
    ],
    "de": [
        "Der Stadtrat hat am Montag {n} neue Radwege für die Innenstadt beschlossen.",
        "Die Kosten von {n} Millionen Euro sollen über fünf Jahre verteilt werden.",
        "Anwohner der Südstadt hatten sich über zugeparkte Gehwege beschwert.",
    ],
    "fr": [
        "La mairie a rouvert la piscine municipale après {n} mois de travaux.",
        "Les habitants du quartier réclamaient des horaires élargis le dimanche.",
        "Été comme hiver, l'entrée restera gratuite pour les moins de {n} ans.",
    ],
    "es": [
        "El ayuntamiento aprobó un plan de {n} millones para renovar el alumbrado.",
        "Los vecinos del barrio antiguo celebraron la decisión con una fiesta.",
    ],
}
_CAPTIONS = [
    "Containers stacked on the quay after the strike ended, day {n}. Photo: AFP",
    "Ein Radfahrer auf der neuen Spur am Ring, Bild {n} (Foto: dpa)",
    "La piscine municipale lors de sa réouverture, photo {n}. Photo: Reuters",
]
_RESIDUE = [
    "Advertisement",
    "ADVERTISEMENT",
    "Anzeige",
    "Publicité",
    "Reading Time: 3 minutes",
    "Lesezeit: 4 Minuten",
    "loading",
]


def article(n: int, residue: bool = True) -> str:
    """Article number ``n``: a headline, paragraphs, maybe a doubled caption and residue."""
    rng = random.Random(n)
    language = rng.choice(sorted(_BODIES))
    lines = [f"Article {n}: news from the city desk", ""]
    if residue and rng.random() < 0.5:
        lines += [rng.choice(_RESIDUE), ""]
    bodies = _BODIES[language]
    offset = rng.randrange(len(bodies))
    for paragraph in range(rng.randint(3, 7)):
        # In turn, so no paragraph follows a copy of itself (that would be a repeat).
        body = bodies[(offset + paragraph) % len(bodies)]
        lines.append(body.format(n=n * 10 + paragraph))
        lines.append("")
        if residue and rng.random() < 0.2:
            lines += [rng.choice(_RESIDUE), ""]
        if residue and rng.random() < 0.15:
            caption = rng.choice(_CAPTIONS).format(n=n * 10 + paragraph)
            lines += [caption, caption.split(". Photo:")[0].split(" (Foto")[0], ""]
    lines.append(f"Closing line of article {n}.")
    ending = "\r\n" if rng.random() < 0.1 else "\n"
    return ending.join(lines) + ending


def corpus(count: int, start: int = 0) -> list[str]:
    return [article(n) for n in range(start, start + count)]
