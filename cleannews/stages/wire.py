"""Wire and contributor credits (optional): "(Reporting by Jo Lee; Editing by Ana Ruiz)".

Off by default: some users keep who reported and edited a story. Enable it
with ``--enable wire``. A line goes only when all of it is such a credit:
"Reporting by ...; Editing by ...", "Additional reporting by ...", "Jo Lee
contributed to this report.", "Mit Material von dpa", "Con información de
Reuters". A sentence that reports something ("Reporting by the BBC revealed
...") goes on past the credit and stays.

>>> from cleannews import clean
>>> clean("Oil fell 2%.\\n(Reporting by Jo Lee; Editing by Ana Ruiz)\\n", enable=["wire"])
'Oil fell 2%.\\n'
>>> clean("Reporting by the paper revealed the deal in May.\\n", enable=["wire"])
'Reporting by the paper revealed the deal in May.\\n'
"""

from __future__ import annotations

from typing import ClassVar

from cleannews.stages.base import LinePatternStage

# A run of names: "Jo Lee", "Jo Lee and Ana Ruiz", "Jo Lee, Ana Ruiz in Madrid".
_NAMES = (
    r"[A-ZÀ-ÖØ-Þ][\w'’.-]*(?:[^\S\n]+(?:[A-ZÀ-ÖØ-Þ][\w'’.-]*|de|da|di|del|van|von|der|la|le|al|el"
    r"|and|und|et|y|e|in|en|à|a|from|aus|desde|da))*"
    r"(?:[^\S\n]*,[^\S\n]*[A-ZÀ-ÖØ-Þ][\w'’.-]*(?:[^\S\n]+(?:[A-ZÀ-ÖØ-Þ][\w'’.-]*|and|und|et|y|e|in|en))*)*"
)
# Agencies as sources: "dpa", "AFP und KNA", "Reuters y EFE".
_SOURCE = r"(?:[A-ZÀ-ÖØ-Þ][\w.-]*|dpa|afp|epd|kna|sid|efe|ansa|apa)"
_SOURCES = rf"{_SOURCE}(?:[^\S\n]*(?:[,/]|and|und|y|e|et)[^\S\n]*{_SOURCE}){{0,4}}"
_ROLE = (
    r"(?i:(?:additional\s+)?(?:reporting|writing|editing|fact[\s-]checking|research|graphics|production"
    r"|compiled|translated|translation)(?:\s+by)?"
    r"|redacción|edición|información|reportagem|edição|mitarbeit|redaktion|bearbeitung"
    r"|reportage|rédaction|édition|avec)"
)
# One credit: "Reporting by Jo Lee", "Editing by Ana Ruiz and Sam Ho", "Mitarbeit: Jo Lee".
_CREDIT = rf"{_ROLE}(?:[^\S\n]*[:：][^\S\n]*|[^\S\n]+(?i:by|de|von|par|por|di)?[^\S\n]*){_NAMES}"


class WireStage(LinePatternStage):
    """Wire and contributor credits (off by default): "(Reporting by X; Editing by Y)"."""

    name = "wire"
    enabled_by_default = False
    flags = 0  # names are told by their capitals; the rest says (?i:) where it needs to
    max_line_chars = 300  # credits are short; longer lines are not worth the name patterns
    rules: ClassVar[dict[str, str]] = {
        "wire_credit": "who reported, wrote or edited the story, credited at its end",
        "contributor_note": "a note of who contributed to the report",
    }
    patterns: ClassVar[dict[str, str]] = {
        "wire_credit": (
            rf"(?:[(\[][^\S\n]*)?{_CREDIT}(?:[^\S\n]*[;,|][^\S\n]*(?:(?i:and)[^\S\n]+)?{_CREDIT})*"
            r"[^\S\n]*\.?[^\S\n]*[)\]]?\.?"
            # "Mit Material von dpa", "Con información de Reuters y AFP"
            rf"|[(\[]?(?i:mit\s+material\s+(?:von|der|des)|con\s+información\s+de"
            r"|com\s+informações\s+(?:de|da|do)|avec\s+(?:l'|les\s+)?agences?|with\s+wires|source\s*:\s*agencies)"
            rf"[^\S\n]+{_SOURCES}[^\S\n]*[)\]]?\.?"
        ),
        "contributor_note": (
            rf"(?:{_NAMES}|(?i:the\s+)?[A-ZÀ-ÖØ-Þ][\w'’.-]*(?:[^\S\n]+[\w'’.-]+){{0,3}}(?i:'s|’s)?"
            rf"[^\S\n]+{_NAMES})"
            r"[^\S\n]+(?i:contributed(?:\s+reporting)?(?:\s+to\s+this\s+(?:report|story|article))?"
            r"|also\s+contributed(?:\s+to\s+this\s+(?:report|story|article))?)[^\S\n]*\.?"
        ),
    }
