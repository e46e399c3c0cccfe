"""The ads stage: slot labels in many languages go; sentences about advertising stay."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stagetools import run_stage

from cleannews.stages.base import LinePatternStage

STANDALONE_MARKERS = [
    # English
    "Advertisement",
    "ADVERTISEMENT",
    "advertisement",
    "Advert",
    "Advertising",
    "Ad",
    "Sponsored content",
    "Sponsored",
    "PROMOTED",
    "AdChoices",
    "Story continues below advertisement",
    "Article continues after this advertisement",
    "Continue reading below",
    "Continue reading the main story",
    "Scroll to continue with content",
    "Scroll down to continue reading",
    "ADVERTISEMENT - SCROLL TO CONTINUE READING",
    "Skip advertisement",
    "Ad Feedback",
    "Paid content",
    # dressed-up variants
    "- Advertisement -",
    "[Advertisement]",
    "*** ADVERTISEMENT ***",
    "\u00a0Advertisement\u00a0",
    "\tAdvertisement",
    "Advertisement\u200b",
    # German
    "Anzeige",
    "ANZEIGE",
    "- Anzeige -",
    "Werbung",
    "Weiter nach der Anzeige",
    "Der Artikel geht unter der Werbung weiter",
    # French
    "Publicité",
    "PUBLICITÉ",
    "La suite après cette publicité",
    "L'article continue après la publicité",
    # Spanish
    "Publicidad",
    "PUBLICIDAD",
    "Continúa leyendo después de la publicidad",
    # Portuguese
    "Publicidade",
    "Continua depois da publicidade",
    # Italian
    "Pubblicità",
    "Continua a leggere dopo la pubblicità",
    # Dutch
    "Advertentie",
    # Russian
    "Реклама",
    "РЕКЛАМА",
    "Продолжение после рекламы",
    # Chinese, Japanese, Korean
    "广告",
    "廣告",
    "広告",
    "광고",
    "【广告】",
    # runs of markers
    "Advertisement Advertisement",
    "AdvertisementAdvertisement",
    "ADVERTISEMENT - ADVERTISEMENT",
    # a few more languages the stage knows
    "Annonse",
    "Reklama",
    "Mainos",
]


@pytest.mark.parametrize("marker", STANDALONE_MARKERS)
def test_a_marker_alone_on_a_line_is_removed(marker: str) -> None:
    text = f"The harbour reopened on Monday.\n{marker}\nShips queued outside.\n"
    result = run_stage("ads", text)
    assert result.text == "The harbour reopened on Monday.\nShips queued outside.\n"
    assert [(r.rule, r.start_line, r.text) for r in result.removals] == [
        ("ad_marker", 2, f"{marker}\n")
    ]


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        # the slot label run into the next paragraph
        ("AdvertisementPutin will arrive on Thursday.", "Putin will arrive on Thursday."),
        ("ADVERTISEMENT The minister declined to comment.", "The minister declined to comment."),
        ("ADVERTISEMENTThe minister declined to comment.", "The minister declined to comment."),
        ("ADVERTISEMENT A spokesman said.", "A spokesman said."),
        ("AnzeigeDer Stadtrat tagte bis Mitternacht.", "Der Stadtrat tagte bis Mitternacht."),
        ("PublicitéLe maire a démissionné.", "Le maire a démissionné."),
        ("РекламаМэр подал в отставку.", "Мэр подал в отставку."),
        ("广告 据报道，港口周一恢复运营。", "据报道，港口周一恢复运营。"),
        ("広告 市によると、来場者は約15万人だった。", "市によると、来場者は約15万人だった。"),
        # ... or run onto the end of the one before
        (
            "The port reopened after the tsunami.Advertisement",
            "The port reopened after the tsunami.",
        ),
        (
            "The port reopened after the tsunami. ADVERTISEMENT",
            "The port reopened after the tsunami.",
        ),
        ("Der Hafen ist wieder offen. Anzeige", "Der Hafen ist wieder offen."),
        ("«Es seguro», dijo.Publicidad", "«Es seguro», dijo."),
        ("港口周一恢复运营。广告", "港口周一恢复运营。"),
        ("항구가 다시 열렸다.광고", "항구가 다시 열렸다."),
        # ... or sitting between two paragraphs the extractor ran together
        (
            "It was the port.AdvertisementHalvern Gateway disagreed.",
            "It was the port.Halvern Gateway disagreed.",
        ),
        (
            "It was the port. ADVERTISEMENT The operator disagreed.",
            "It was the port. The operator disagreed.",
        ),
        ("港口恢复运营。广告 据报道，船只排队。", "港口恢复运营。据报道，船只排队。"),
        # two slots in a row go together, or a second run would find the other
        ("AdvertisementAdvertisementThe port reopened.", "The port reopened."),
        ("ADVERTISEMENT ADVERTISEMENT The port reopened.", "The port reopened."),
        ("AdvertisementAnzeigeThe port reopened.", "The port reopened."),
        ("The port reopened.AdvertisementAdvertisement", "The port reopened."),
        ("The port.AdvertisementAdvertisementShips queued.", "The port.Ships queued."),
        ("广告 广告 据报道，港口周一恢复运营。", "据报道，港口周一恢复运营。"),
    ],
)
def test_a_marker_glued_to_a_paragraph_is_cut_out(line: str, kept: str) -> None:
    result = run_stage("ads", f"{line}\n")
    assert result.text == f"{kept}\n"
    assert [r.rule for r in result.removals] == ["ad_glued"]
    assert all(r.partial for r in result.removals)


def test_markers_at_both_ends_of_a_line_are_both_cut() -> None:
    result = run_stage("ads", "AdvertisementThe port reopened.Advertisement\n")
    assert result.text == "The port reopened.\n"
    assert len(result.removals) == 2


ARTICLE_SENTENCES = [
    # English
    "Advertisement revenue fell 5% in the third quarter.",
    "Advertisement Standards Authority rules against the campaign.",
    "Advertising spending rose, the agency said.",
    "ADVERTISING SPENDING FALLS IN EUROPE",
    "ADVERTISEMENTS ARE BANNED ON THE UNDERGROUND",
    "The ad was pulled after complaints.",
    "Ad revenue",
    "She works in advertising.",
    "The council said. Advertisement revenue paid for the new buses.",
    "Sponsored by the city, the festival drew 20,000 people.",
    "Promoted to captain, she led the side to the title.",
    "Continue reading below the surface and you find a different story.",
    "Scroll through the archive and you will see the pattern.",
    # German
    "Anzeige gegen den Bürgermeister erstattet",
    "Die Werbung für das Projekt kostete 40.000 Euro.",
    "Wer eine Anzeige erstattet, muss warten.",
    # French, Spanish, Portuguese, Italian, Dutch
    "La publicité en ligne a progressé de 8 %.",
    "Publicidad engañosa: multa de 2 millones.",
    "A publicidade infantil será proibida.",
    "La pubblicità elettorale è vietata da domani.",
    "De advertentie werd na klachten verwijderd.",
    # Russian
    "Реклама на щитах появится весной.",
    "Рекламный рынок вырос на 12%.",
    # Chinese, Japanese, Korean
    "广告市场今年增长了百分之十。",
    "市场上涨。广告看板被拆除。",
    "会場周辺の広告看板は撤去される。",
    "광고 시장이 올해 10% 커졌다.",
]


@pytest.mark.parametrize("sentence", ARTICLE_SENTENCES)
def test_article_text_about_advertising_stays(sentence: str) -> None:
    text = f"{sentence}\n"
    assert run_stage("ads", text).removals == ()


# The lines the glued patterns are tried on: found with a scan per first letter of the stems,
# they must be exactly the lines a literal search for each stem finds.
_GLUE_PIECES = [
    "Advertisement",
    "ADVERTISING",
    "advertisement",
    "Anzeige",
    "WERBUNG",
    "Publicité",
    "PUBBLICITÀ",
    "Реклама",
    "реклама",
    "广告",
    "광고",
    "The port reopened.",
    "Die Stadt plant.",
    "Advertentie",
    "advertising",  # the stems in small letters are no stems
    "publicity",
    " ",
    "\n",
    "\r\n",
    "\r",
    "\n\n",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_GLUE_PIECES), max_size=30))
def test_glue_candidates_are_the_lines_holding_a_stem(pieces: list[str]) -> None:
    from cleannews.document import Document
    from cleannews.stages.ads import _GLUE_STEMS, glue_candidates

    doc = Document("".join(pieces))
    holding = [i for i, line in enumerate(doc.lines) if any(s in line for s in _GLUE_STEMS)]
    assert glue_candidates(doc) == holding


def test_glue_candidates_on_crlf_text() -> None:
    from cleannews.document import Document
    from cleannews.stages.ads import glue_candidates

    doc = Document("Rates rose.\r\n\r\nThe port.Advertisement\r\nadvertisement\r\nSo广告\r\n")
    assert glue_candidates(doc) == [2, 4]


def test_glue_candidates_in_ascii_and_other_text_alike() -> None:
    """An ASCII text is searched with str's search, other text with the regex."""
    from cleannews.document import Document
    from cleannews.stages.ads import glue_candidates

    ascii_text = "Rates rose.\nThe port.ADVERTISEMENT\nWerbung\nPublicidad ends.\nNo marker.\n"
    assert glue_candidates(Document(ascii_text)) == [1, 2, 3]
    assert glue_candidates(Document(ascii_text + "Cafe\u0301\n")) == [1, 2, 3]


@pytest.mark.parametrize("stage_name", ["ads", "chrome"])
@pytest.mark.parametrize("seed", [5, 6])
def test_the_start_gate_lets_through_every_line_the_rules_match(stage_name: str, seed: int) -> None:
    # The shared start scan compares five characters where the engine's prefix
    # gate compares three; it must still let through every line a rule matches.
    import random

    from regex_samples import recased, samples

    from cleannews import registry
    from cleannews.document import Document

    stage = registry.builtins()[stage_name]
    assert issubclass(stage, LinePatternStage)
    matcher = stage.line_matcher()
    rnd = random.Random(seed)
    spaces = ["", " ", "\t", "\u00a0", "\u2003", "\u200b", "\ufeff", "\u3000"]
    lines = [
        rnd.choice(spaces) + recased(line, rnd) + rnd.choice(spaces)
        for line in samples(stage._body(), 1500, seed=seed)
        if "\r" not in line  # a "\r" would split the line in two
    ]
    matched = [index for index, line in enumerate(lines) if matcher.fullmatch(line)]
    assert len(matched) > 300  # the samples do exercise the rules
    gate = set(stage().candidate_lines(Document("\n".join(lines) + "\n")) or ())
    assert [lines[index] for index in matched if index not in gate] == []


@pytest.mark.parametrize(
    ("stage_name", "line"),
    [
        ("ads", "Sports results from the weekend follow."),  # "Spo" as in "Sponsored"
        ("ads", "Annoyed residents wrote in."),  # "Ann" as in "Annonce"
        ("chrome", "Shops opened late."),  # "Sho" as in "Show more"
        ("chrome", "Commuters waited outside."),  # "Com" as in "Compartir"
    ],
)
def test_the_start_gate_turns_away_prose_that_starts_like_a_rule(
    stage_name: str, line: str
) -> None:
    from cleannews import registry
    from cleannews.document import Document
    from cleannews.stages.gates import prefix_gate

    stage = registry.builtins()[stage_name]
    assert issubclass(stage, LinePatternStage)
    doc = Document(line + "\n")
    assert prefix_gate(stage).lines(doc) == [0]  # three characters let it through
    assert stage().candidate_lines(doc) == []


@pytest.mark.parametrize(
    "lines",
    [
        ["The port reopened.", "It rained."],  # no stem at all
        ["Ad spending and advertising rose.", "publicity grew"],  # small letters only
        ["The port reopened.Advertisement", "It rained."],
        ["ADVERTISING SPENDING", "Werbung", "x", "PUBBLICITÀ"],
        ["Pubblicità", "ANZEIGE", "广告 据报道", "Реклама"],  # not ASCII: the other path
    ],
)
def test_glue_candidates_of_short_texts_in_any_case(lines: list[str]) -> None:
    from cleannews.document import Document
    from cleannews.stages import ads

    doc = Document("\n".join(lines) + "\n")
    expected = [i for i, line in enumerate(lines) if any(s in line for s in ads._GLUE_STEMS)]
    assert ads.glue_candidates(doc) == expected
