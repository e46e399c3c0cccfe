"""The chrome stage: widget labels go; article sentences that mention them stay."""

from __future__ import annotations

import pytest
from stagetools import run_stage

CHROME = [
    # trust badges
    ("trust_badge", "Why you can trust SCMP"),
    ("trust_badge", "Why you can trust The Coastal Ledger"),
    ("trust_badge", "Why you can trust the Gazette"),
    ("trust_badge", "Why you can trust us"),
    ("trust_badge", "Why trust us?"),
    # placeholders
    ("placeholder", "loading"),
    ("placeholder", "Loading..."),
    ("placeholder", "Loading…"),
    ("placeholder", "LOADING"),
    ("placeholder", "Media playback is unsupported on your device"),
    ("placeholder", "Your browser does not support the video tag."),
    ("placeholder", "This video can not be played"),
    ("placeholder", "Please enable JavaScript to view the comments"),
    ("placeholder", "Wird geladen …"),
    ("placeholder", "Chargement…"),
    ("placeholder", "Chargement en cours..."),
    ("placeholder", "Cargando..."),
    ("placeholder", "Carregando..."),
    ("placeholder", "Caricamento in corso"),
    ("placeholder", "Загрузка..."),
    ("placeholder", "加载中..."),
    ("placeholder", "読み込み中..."),
    ("placeholder", "로딩 중"),
    # share, print, save buttons
    ("share_buttons", "Share"),
    ("share_buttons", "Share this article"),
    ("share_buttons", "Share on Facebook"),
    ("share_buttons", "Facebook Twitter Email"),
    ("share_buttons", "Facebook | Twitter | WhatsApp | Copy link"),
    ("share_buttons", "Print"),
    ("share_buttons", "Email Print Save"),
    ("share_buttons", "Artikel teilen"),
    ("share_buttons", "Teilen Drucken"),
    ("share_buttons", "Partager"),
    ("share_buttons", "Imprimer"),
    ("share_buttons", "Compartir"),
    ("share_buttons", "Compartilhar"),
    ("share_buttons", "Condividi"),
    ("share_buttons", "Delen"),
    ("share_buttons", "Поделиться"),
    ("share_buttons", "分享"),
    ("share_buttons", "シェア"),
    ("share_buttons", "印刷"),
    ("share_buttons", "공유"),
    # gallery chrome
    ("gallery", "Image 3 of 23"),
    ("gallery", "Photo 1/12"),
    ("gallery", "Back to gallery"),
    ("gallery", "View the full gallery"),
    ("gallery", "Next image"),
    ("gallery", "Previous photo"),
    ("gallery", "Enlarge this image"),
    ("gallery", "12 photos"),
    ("gallery", "Bild 2 von 9"),
    ("gallery", "Zurück zur Galerie"),
    ("gallery", "Retour à la galerie"),
    ("gallery", "Foto 1 de 6"),
    ("gallery", "Volver a la galería"),
    ("gallery", "Фото 3 из 8"),
]


@pytest.mark.parametrize(("rule", "line"), CHROME)
def test_a_widget_label_on_its_own_line_is_removed(rule: str, line: str) -> None:
    result = run_stage("chrome", f"The ferry left at noon.\n{line}\nIt arrived at six.\n")
    assert result.text == "The ferry left at noon.\nIt arrived at six.\n"
    assert [(r.rule, r.start_line) for r in result.removals] == [(rule, 2)]


ARTICLE_SENTENCES = [
    "Why you can trust the polls this time is a harder question.",
    "Shares in the company fell 4% on Friday.",
    "Share prices recovered by the afternoon.",
    "The loading of container ships stopped at 6am.",
    "Loading the ferry took three hours.",
    "Print editions will end in March, the publisher said.",
    "She saved the email and printed it for the court.",
    "The gallery reopens on Sunday with 40 new paintings.",
    "Photo 1 shows the bridge before the flood.",
    "Next year the festival moves to the harbour.",
    "24/7",
    "Image 0 of 0",
    "Next",
    "Previous",
    "Next ",
    "Previous\t",
    "Die Aktie wurde am Freitag kräftig geteilt.",
    "Die Galerie zeigt Bilder aus 12 Jahrhunderten.",
    "Il faut partager les coûts, a dit le maire.",
    "La carga del buque se retrasó tres horas.",
    "Загрузка судов возобновилась в понедельник.",
    "请把这篇文章分享给你的朋友们，他说。",
    "写真を共有する人が増えている。",
]


@pytest.mark.parametrize("sentence", ARTICLE_SENTENCES)
def test_article_text_about_widgets_stays(sentence: str) -> None:
    assert run_stage("chrome", f"{sentence}\n").removals == ()


@pytest.mark.parametrize(
    ("rule", "line"),
    [
        ("placeholder", "This slideshow requires JavaScript."),
        ("share_buttons", "Click To Tweet"),
        ("share_buttons", "Get short URL"),
        ("share_buttons", "Text size"),
        ("close_button", "Close"),
        ("close_button", "Schließen"),
        ("close_button", "×"),
        ("gallery", "Image 1 of / 9"),
        ("counter", "6"),
    ],
)
def test_more_widget_labels_go(rule: str, line: str) -> None:
    result = run_stage("chrome", f"The ferry left at noon.\n{line}\nIt arrived at six.\n")
    assert [(r.rule, r.start_line) for r in result.removals] == [(rule, 2)]


def test_bare_numbers_that_number_a_list_stay() -> None:
    text = "1\nThe harbour.\n2\nThe old town.\n3\nThe castle.\n"
    assert run_stage("chrome", text).removals == ()


@pytest.mark.parametrize(
    "sentence",
    [
        "Close to 300 people attended the vigil.",
        "The slideshow requires no special software, the museum said.",
        "Text size limits were set by the regulator in 2020.",
        "Fermer l'usine coûterait 40 millions d'euros.",
        "2024",
    ],
)
def test_sentences_near_the_new_labels_stay(sentence: str) -> None:
    assert run_stage("chrome", f"{sentence}\n").removals == ()


def test_a_counter_wrapped_in_zero_width_spaces_goes() -> None:
    result = run_stage("chrome", "The ferry left at noon.\n\ufeff12\u200b\nIt arrived at six.\n")
    assert [r.rule for r in result.removals] == ["counter"]


@pytest.mark.parametrize(
    "line", ["... more", "… more", "less", "Show less", "Mehr anzeigen", "더보기"]
)
def test_show_more_and_less_toggles_go(line: str) -> None:
    result = run_stage("chrome", f"The ferry left at noon.\n{line}\nIt arrived at six.\n")
    assert [r.rule for r in result.removals] == ["toggle"]


@pytest.mark.parametrize("line", ["Less is more.", "More or less", "Show more respect, he said."])
def test_sentences_with_more_and_less_stay(line: str) -> None:
    assert run_stage("chrome", f"{line}\n").removals == ()


def test_every_chrome_line_passes_the_gate_in_any_case_and_indentation() -> None:
    from cleannews.document import Document
    from cleannews.stages.chrome import ChromeStage
    from cleannews.stages.gates import prefix_gate

    samples = [line for _, line in CHROME] + ["\u017fhare", "Close", "×", "6", "… more", "1/12"]
    matcher = ChromeStage.line_matcher()
    lines = [
        variant
        for line in samples
        for variant in (line, line.upper(), line.lower(), f"\u2003\u200b{line}  ")
        if matcher.fullmatch(variant)  # a trust badge's name keeps its capitals
    ]
    assert len(lines) == 4 * len(samples) - 3
    doc = Document("\r\n".join(lines))
    assert prefix_gate(ChromeStage).lines(doc) == list(range(len(lines)))


def test_a_label_revealed_by_cutting_a_glued_ad_marker_goes() -> None:
    # The line does not start as a chrome rule; once the ads stage cuts the
    # marker out, what is left is a placeholder.
    import cleannews

    result = cleannews.clean_and_explain("The port reopened.\nAdvertisementLoading...\n")
    assert result.text == "The port reopened.\n"
    assert [(r.stage, r.rule) for r in result.removals] == [("chrome", "placeholder")]


def test_bare_numbers_agree_with_a_multiline_pattern() -> None:
    import re

    from cleannews.document import Document
    from cleannews.stages.chrome import bare_numbers

    text = "1\r\n  2. \r\nx 3\r\n4)\r\n\u00a0٥\u2003\r\n1234\r\n7 8\r\n12"
    pattern = re.compile(r"^[^\S\n]*(\d{1,3})[.)]?[^\S\n]*$", re.MULTILINE)
    doc = Document(text)
    assert bare_numbers(doc) == frozenset(pattern.findall(doc.joined))
    assert bare_numbers(doc) == {"1", "2", "4", "٥", "12"}
