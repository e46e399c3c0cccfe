"""Captions printed again further down go; the first copy and short repeats stay."""

from __future__ import annotations

import cleannews

CAPTION = "Volunteers stack sandbags along the river wall in Mainz on Saturday."


def test_a_caption_repeated_further_down_goes() -> None:
    text = f"{CAPTION}\nThe water peaked overnight.\nOfficials said the wall held.\n{CAPTION}\n"
    result = cleannews.clean_and_explain(text)
    assert result.text == f"{CAPTION}\nThe water peaked overnight.\nOfficials said the wall held.\n"
    assert [r.key for r in result.removals] == ["captions.repeated_elsewhere"]


def test_a_truncated_twin_next_to_its_caption_goes() -> None:
    toggled = f"{CAPTION} less{CAPTION[:30]}"
    text = f"{toggled}\n{CAPTION} less\nLe fleuve a atteint son pic dans la nuit.\n"
    assert cleannews.clean(text) == f"{toggled}\nLe fleuve a atteint son pic dans la nuit.\n"


def test_a_sentence_quoted_far_below_a_paragraph_stays() -> None:
    paragraph = "El alcalde dijo: «El muro aguantó, pero fue por poco». Luego visitó el barrio."
    filler = "".join(f"Párrafo número {n} sobre la crecida del río.\n" for n in range(5))
    text = f"{paragraph}\n{filler}El muro aguantó, pero fue por poco, repitió el alcalde.\n"
    assert cleannews.clean(text) == text


def test_short_repeated_lines_stay_anywhere() -> None:
    text = "* * *\nFirst part of the story.\n* * *\nSecond part.\n"
    assert cleannews.clean(text) == text


def test_adjacent_repeats_keep_their_own_rule() -> None:
    text = f"{CAPTION} Foto: dpa\n{CAPTION}\nThe water peaked.\n"
    result = cleannews.clean_and_explain(text)
    assert [r.key for r in result.removals] == ["captions.repeated_line"]
