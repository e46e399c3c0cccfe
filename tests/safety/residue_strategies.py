"""Hypothesis strategies for article-like text and bytes with residue in it.

Pure random text rarely holds an "Advertisement" line or a caption printed
twice, so the stages would hardly ever remove anything. These strategies mix
such lines (written for these tests, in several languages) with random text,
random line endings and random bytes.
"""

from __future__ import annotations

from hypothesis import strategies as st

RESIDUE_LINES = [
    "Advertisement",
    "  — ADVERTISEMENT —  ",
    "Anzeige",
    "广告",
    "Reading Time: 3 minutes",
    "Lesezeit: 2 Min.",
    "4 min read",
    "Why you can trust us",
    "loading",
    "Share | Tweet | Email",
    "Photo 3 of 12",
    "AdvertisementThe ferry resumed service on Monday.",
    "Prices rose again in March.Advertisement",
]
STORY_LINES = [
    "The council voted on Tuesday to close the old ferry terminal by 2027.",
    "Der Stadtrat will die alte Fährstation bis 2027 schließen.",
    "Le conseil municipal a voté mardi la fermeture du terminal.",
    "Los pescadores dicen que la temporada fue la peor en diez años.",
    "A fishing boat at dawn in the harbour of Vigo. Photo: Reuters",
    "",
    "   ",
    "Advertisement revenue fell 5% in the quarter.",
]
ENDINGS = ["\n", "\n", "\n", "\r\n", "\r", ""]

_line = st.one_of(
    st.sampled_from(RESIDUE_LINES),
    st.sampled_from(STORY_LINES),
    st.text(max_size=40),
)


@st.composite
def articles(draw: st.DrawFn) -> str:
    """Text made of residue, story lines (some printed twice) and random text."""
    parts = []
    for line in draw(st.lists(_line, max_size=25)):
        copies = draw(st.sampled_from([1, 1, 1, 2, 3]))
        for _ in range(copies):
            parts.append(line + draw(st.sampled_from(ENDINGS)))
    if draw(st.booleans()):
        parts.insert(0, "\ufeff")
    return "".join(parts)


def article_bytes() -> st.SearchStrategy[bytes]:
    """Bytes: encoded articles, with random bytes spliced in, or anything at all."""
    spliced = st.tuples(articles(), st.binary(max_size=12), st.integers(0, 10_000)).map(
        lambda parts: _splice(parts[0].encode("utf-8"), parts[1], parts[2])
    )
    return st.one_of(spliced, st.binary(max_size=300))


def _splice(data: bytes, extra: bytes, at: int) -> bytes:
    at = at % (len(data) + 1)
    return data[:at] + extra + data[at:]
