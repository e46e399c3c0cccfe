"""The links stage: markdown link reference lists go, footnotes and text stay."""

from __future__ import annotations

import doctest

import cleannews
from cleannews.stages import links as links_module

BODY = (
    "The museum reopens [on Saturday][1] after a two-year renovation, the city [announced][2].\n\n"
)


def _removed(text: str) -> list[str]:
    result = cleannews.clean_and_explain(text, stages=["links"])
    return [line for r in result.removals if r.stage == "links" for line in r.text.splitlines()]


def test_reference_definitions_and_wrapped_addresses_go() -> None:
    refs = (
        "[1]: https://example.org/culture/2024/museum-reopens-after-two-year-renovation-\n"
        "works-finished\n"
        "[2]: www.example.org/press\n"
        '[3]: /news/museum "The museum"\n'
        "[4]: mailto:press@example.org\n"
    )
    assert _removed(BODY + refs) == refs.splitlines()
    assert cleannews.clean(BODY + refs) == BODY.rstrip("\n") + "\n"


def test_footnotes_and_short_lines_after_a_definition_stay() -> None:
    text = BODY + "[1]: Müller, 2019, S. 4\n[2]: https://example.org/a\nThanks to our readers\n"
    assert _removed(text) == ["[2]: https://example.org/a"]


def test_docstring_examples() -> None:
    assert doctest.testmod(links_module).failed == 0


def test_definitions_in_capitals_with_crlf_and_no_final_line_break_go() -> None:
    text = (
        "Rain is due [on Monday][1].\r\n"
        "Spotted: a sign reading [closed]: come back later.\r\n"
        "[1]: HTTPS://EXAMPLE.ORG/WEATHER\r\n"
        "[Two]:<WWW.EXAMPLE.ORG>"
    )
    assert _removed(text) == ["[1]: HTTPS://EXAMPLE.ORG/WEATHER", "[Two]:<WWW.EXAMPLE.ORG>"]


def test_a_definition_on_the_first_line_goes() -> None:
    assert _removed("[1]: /news/a\nThe end.\n") == ["[1]: /news/a"]
