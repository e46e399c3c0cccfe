"""Photo credits and caption furniture go; captions and sentences about pictures stay."""

from __future__ import annotations

import random
import re

import pytest

import cleannews
from cleannews.document import Document
from cleannews.stages import credits as credits_module
from cleannews.stages.credits import credit_rule


@pytest.mark.parametrize(
    "line",
    [
        "Photo: Maria Keller, AP",
        "Photo: Tomás Ribeiro / Associated Press",
        "(Photo by Lena Ortiz/Getty Images)",
        "Photograph by Sam Pereira/AFP/Getty Images",
        "Image copyright Getty Images",
        "Image source, EPA",
        "Lena Ortiz | Bloomberg | Getty Images",
        "Karim Haddad/Reuters",
        "REUTERS/Karim Haddad",
        "Getty Images",
        "Associated Press",
        "(AP Photo/Ines Moreau)",
        "Jonas Berg, ASSOCIATED PRESS",
        "City Fire Department via AP",
        "Foto: dpa",
        "Foto: Anna Schmidt/dpa",
        "Bild: Keystone",
        "Crédit photo : Jean Martin / AFP",
        "Foto: Ana de la Cruz/EFE",
        "Фото: ТАСС",
        "Credit: Getty Images",
        "(Image credit: Northern Lights Observatory)",
        "Photo illustration by Ruth Adler. Photo by Omar Said.",
    ],
)
def test_whole_line_credits_are_photo_credits(line: str) -> None:
    assert credit_rule(line) == "photo_credit"


@pytest.mark.parametrize(
    "line",
    ["Image caption", "Caption", "Image copyright", "Media caption:", "Bildunterschrift", "Photo"],
)
def test_labels_alone_are_caption_labels(line: str) -> None:
    assert credit_rule(line) == "caption_label"


@pytest.mark.parametrize(
    "line",
    [
        "Image caption The ferry left the harbour two hours late",
        "Media captionWhat the flood looked like from the air",
        "FILE PHOTO: A tanker is moored at the oil terminal in Rotterdam, March 3, 2020.",
        "Image caption, Volunteers filled sandbags through the night",
    ],
)
def test_labelled_captions_go_whole(line: str) -> None:
    assert credit_rule(line) == "labelled_caption"


@pytest.mark.parametrize(
    "line",
    [
        # captions, with or without a glued credit: many articles keep them
        "Firefighters work near the old mill on Tuesday. (AP Photo/Ines Moreau)",
        "Volunteers fill sandbags by the river (Image: Getty)",
        "Image: the mayor at the opening of the new bridge in 1998",
        # sentences and headings about pictures, sources and agencies
        "Photos of the storm were shared thousands of times.",
        "Photo: the bridge as it looked in 1950, before the flood.",
        "Source: Ministry of Health, weekly figures",
        "Quelle: Statistisches Bundesamt",
        "Reuters reported the deal on Monday, citing two people.",
        "Michael Bloomberg",
        "Pictures of the year",
        "Imagine Dragons",
        "© Ruth Adler",  # an author's own sign-off, no agency
        "Fotos: So sah die Altstadt vor dem Brand aus",
        "Las fotos muestran el puerto antes de la tormenta.",
    ],
)
def test_near_misses_are_not_credits(line: str) -> None:
    assert credit_rule(line) is None


def test_credits_around_a_caption_go_and_the_caption_stays() -> None:
    text = (
        "Rescue teams reached the village after the landslide on Sunday.\n"
        "\n"
        "A rescuer carries a child across the mud in San Rafael.\n"
        "Photo: Diego Alvarez, AP\n"
        "\n"
        "The regional government said 40 homes were buried.\n"
    )
    result = cleannews.clean_and_explain(text)
    assert "Photo: Diego Alvarez, AP" not in result.text
    assert "A rescuer carries a child across the mud in San Rafael." in result.text
    assert result.removals[0].key == "credits.photo_credit"


def test_a_credit_on_the_last_line_stays() -> None:
    text = "Der Stadtrat stimmte am Montag für den Neubau der Brücke.\nFoto: Anna Schmidt/dpa\n"
    assert cleannews.clean(text) == text


def test_german_and_french_credit_lines_go_in_the_body() -> None:
    text = (
        "Foto: Anna Schmidt/dpa\n"
        "Der Stadtrat stimmte am Montag für den Neubau der Brücke.\n"
        "Crédit photo : Jean Martin / AFP\n"
        "Die Arbeiten sollen im Frühjahr beginnen.\n"
    )
    assert cleannews.clean(text) == (
        "Der Stadtrat stimmte am Montag für den Neubau der Brücke.\n"
        "Die Arbeiten sollen im Frühjahr beginnen.\n"
    )


def test_the_caption_after_a_glued_caption_label_goes() -> None:
    text = (
        "The minister left office in May.Image copyrightReutersImage caption\n"
        "        The minister at a news conference in Lisbon\n"
        "She said she would not stand again.\n"
    )
    result = cleannews.clean_and_explain(text)
    assert [r.rule for r in result.removals] == ["caption_after_label"]
    assert result.text == (
        "The minister left office in May.Image copyrightReutersImage caption\n"
        "She said she would not stand again.\n"
    )


def test_a_sentence_after_a_caption_label_stays() -> None:
    # The label announces a caption, but a full sentence is the story going on.
    text = "Image caption\nThe minister left office in May after a long row.\n"
    result = cleannews.clean_and_explain(text)
    assert [r.rule for r in result.removals] == ["caption_label"]
    assert result.text == "The minister left office in May after a long row.\n"


def test_the_caption_after_a_label_glued_to_a_long_paragraph_goes() -> None:
    paragraph = "The minister left office in May, after a long row over the budget. " * 6
    text = f"{paragraph}Image copyrightReutersImage caption\nThe minister in Lisbon\nShe left.\n"
    result = cleannews.clean_and_explain(text)
    assert [r.rule for r in result.removals] == ["caption_after_label"]
    assert "The minister in Lisbon" not in result.text


# The stage tries credit_rule only on the lines a cheap scan picks out
# (_line_scanner) and keeps the hint words' old reach across lines. These
# tests check that the scan misses no line credit_rule takes.
CREDIT_VARIANTS = [
    "FOTO: ANNA SCHMIDT/DPA",
    "ФОТО: ТАСС",
    "фото: Иван Петров/ТАСС",
    "Bildunterschrift",
    "PIE DE FOTO",
    "Jo Lee/getty images",
    "Karim Haddad / europa press",
    "(Ana de la Cruz, Reuters file & handout).",
    "_Stringer via epa-efe and handout_",
    "  [Omar Said for SIPA file]  ",
    "© Lena Ortiz/Reuters",
    "\u00a0Imagen: EFE",
    "Reuters/Karim Haddad. Photo illustration by Ruth Adler.",
    "Jo Lee/AP; photo by Omar Said",
    "iStockphoto",
    "ARCHIVBILD: Der Hafen im Winter",
    "Źródło: PAP/Reuters",
]


@pytest.mark.parametrize("line", CREDIT_VARIANTS)
def test_credit_variants_are_found_by_the_scan_and_removed(line: str) -> None:
    assert credit_rule(line) is not None
    text = f"The council met on Monday.\n{line}\nThe vote is due in May.\n"
    assert cleannews.clean(text) == "The council met on Monday.\nThe vote is due in May.\n"


def _generated_lines(count: int) -> list[str]:
    """Lines put together from the words credits are made of, in odd cases and wrappings."""
    rng = random.Random(4)
    labels = [
        "Photo",
        "Image caption",
        "Foto",
        "Bild",
        "Crédit photo",
        "Source",
        "Quelle",
        "Фото",
        "Courtesy",
        "FILE PHOTO",
        "Imagen",
        "Légende",
        "Copyright",
        "©",
        "Kuva",
    ]
    agencies = [
        "AP",
        "afp",
        "Reuters",
        "getty images",
        "Getty Images",
        "dpa",
        "EPA-EFE",
        "Associated Press",
        "europa press",
        "ANSA",
        "PA Wire",
        "Xinhua",
        "AP photo",
    ]
    names = ["Jane Doe", "Ana de la Cruz", "J. Smith", "@jdoe", "2021", "the family", "Staff"]
    joins = [": ", " : ", ", ", " | ", "/", " by ", " von ", " par ", " courtesy of ", " - "]
    glue = [" and ", " via ", " for ", " file ", ", ", "/", " & ", "; ", ". "]
    wraps = [("", ""), ("(", ")"), ("[", "]."), ("_", "_"), ("  ", " "), ("*", "*")]

    def cased(word: str) -> str:
        roll = rng.random()
        if roll < 0.2:
            return word.upper()
        if roll < 0.3:
            return word.lower()
        if roll < 0.4:
            return "".join(rng.choice((c.upper(), c.lower())) for c in word)
        return word

    lines = []
    for _ in range(count):
        parts = [cased(rng.choice(labels)) + rng.choice(joins)] if rng.random() < 0.5 else []
        parts.append(rng.choice(names + agencies))
        for _ in range(rng.randrange(3)):
            parts.append(rng.choice(glue) + cased(rng.choice(agencies + names)))
        before, after = rng.choice(wraps)
        lines.append(before + "".join(parts) + after)
    return lines


def test_the_scan_finds_every_generated_line_credit_rule_takes() -> None:
    scanner = credits_module._line_scanner()
    taken = [line for line in _generated_lines(3000) if credit_rule(line)]
    assert len(taken) > 500  # the generator does make credits
    missed = [line for line in taken if not scanner.match("\n" + line + "\n")]
    assert missed == []


def test_hints_that_run_across_lines_count_as_before() -> None:
    # "pie de" and "europa press" may run from one line to the next; the hint
    # then belongs to the first line, and the scan goes on after it.
    lines = [
        "Jane Doe pie",
        "de la Cruz/AP",
        "Reuters Europa",
        "   ",
        "press",
        "Karim PIE",
        "depa Lee/AP",
        "Omar Said",
        "Europa",
        "pressource",
        "Fotos del día",
    ]
    doc = Document("\n".join(lines) + "\n")
    expected = credits_module._hinted(lines)
    assert [i for i, line in enumerate(lines) if credits_module._hinted_at(doc, i, line)] == (
        expected
    )
    assert 0 in expected  # "pie\nde" gives the first line a hint it does not hold alone


@pytest.mark.parametrize(
    "label",
    ["Image caption", "PHOTO CAPTION:", "Bildunterschrift,", "Légende photo  ", "Media cAption"],
)
def test_a_label_at_the_end_of_a_line_in_any_case_announces_the_caption(label: str) -> None:
    text = f"The minister left office in May.{label}\nThe minister in Lisbon\nShe left.\n"
    result = cleannews.clean_and_explain(text)
    assert [r.rule for r in result.removals] == ["caption_after_label"]


def test_line_space_is_every_space_but_the_line_break() -> None:
    # The scan joins _LINE_SPACE with marks in one class, where "[^\S\n]" cannot go.
    text = "".join(map(chr, range(0x110000)))
    line_space = re.compile(rf"[{credits_module._LINE_SPACE}]")
    assert line_space.findall(text) == re.findall(r"[^\S\n]", text)


@pytest.mark.parametrize(
    ("line", "found"),
    [
        ("Jo Lee/AP", True),
        ("J.Smith/AP", True),  # a full stop inside a token
        ("J. Smith/AP", True),  # ". " ends the segment: the rest is not read
        ("Mr. Lee said, on Monday", True),
        ("Jo Lee;AP, Omar Said", True),  # ";" with no space after it separates
        ("Jo Lee; the family, AP", True),  # "; " ends the segment
        ("Jo Lee;the council, AP", False),  # "council" cannot be a name
        ("Jo  \u2009Lee\u00a0/ AP", True),
        ("Jo Lee / the council said, on Monday", False),
        ("Jo Lee and the council, AP", False),
        ("Jo Lee, AP / council", False),
        ("Jo Lee Omar Said", False),  # names, but none joined as credits join them
    ],
)
def test_the_scan_reads_name_lists_token_by_token(line: str, found: bool) -> None:
    scanner = credits_module._line_scanner()
    assert (scanner.match("\n" + line + "\n") is not None) == found


def test_whitespace_is_every_character_str_isspace_takes() -> None:
    spaces = [chr(code) for code in range(0x110000) if chr(code).isspace()]
    assert sorted(credits_module._WHITESPACE) == spaces


UNWRAP_CASES = [
    "",
    "(Photo: Jo Lee/AP).",
    "  [Jo Lee]  ",
    "*_Foto: dpa_*",
    "( . )",
    "{Jo Lee}",
    "Jo Lee.)\u00a0",
    "\u2003(\u3000Jo Lee\u2009)\u200b",  # a zero-width space is no space
    "(Jo\nLee)",  # a line break: the regex does not match, the text is stripped
    ". Jo Lee",
    "((((",
    "_ _ _Jo_ _ _",
]


@pytest.mark.parametrize("text", UNWRAP_CASES)
def test_unwrap_takes_what_the_wrap_pattern_takes(text: str) -> None:
    match = re.match(r"^[\s(\[{*_]*(.*?)[\s)\]}*_.]*$", text)
    assert credits_module._unwrap(text) == (match.group(1) if match else text.strip())


@pytest.mark.parametrize(
    "token", ["1999", "2024", "1899", "20245", "202", "٢٠٢٤", "19٢٤", "2O24", "20.4", ""]
)
def test_is_year_is_the_year_pattern(token: str) -> None:
    assert credits_module._is_year(token) == bool(re.fullmatch(r"(?:19|20)\d\d", token))


def test_hint_words_grouped_by_first_character_find_what_the_flat_alternation_finds() -> None:
    flat = re.compile(credits_module._HINT_SOURCES)
    grouped = credits_module._HINT_WORDS.get()
    assert grouped.pattern != flat.pattern
    rng = random.Random(5)
    pieces = [*credits_module._HINT_SOURCES.replace("\\s+", " ").split("|"), " ", "\n", "o", "x"]
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 12)))
        assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in flat.finditer(text)]


def test_agency_words_split_by_first_letter_case_match_as_case_blind_ones() -> None:
    sources = credits_module._AGENCY_ANY_CASE
    every_character = "".join(map(chr, range(0x110000)))
    for letter in {source[0] for source in sources}:
        # The cases written out are all the letter takes under IGNORECASE.
        taken = sorted(set(re.findall(f"(?i){letter}", every_character)))
        assert credits_module.case_blind_chars(letter) == taken
    split = re.compile(credits_module._first_letter_cased(sources))
    blind = re.compile(f"(?i:{'|'.join(sources)})")
    rng = random.Random(8)
    words = ["Reuters", "getty images", "AFP", "Anadolu Agency", "zuma wire", "EPA-EFE", "x", " "]
    for _ in range(2000):
        text = "".join(rng.choice(words) for _ in range(rng.randrange(1, 6)))
        text = "".join(c.upper() if rng.random() < 0.3 else c for c in text)
        text = text.replace("i", rng.choice(["i", "\u0131", "\u0130"])).replace("s", "\u017f")
        assert [m.span() for m in split.finditer(text)] == [m.span() for m in blind.finditer(text)]
