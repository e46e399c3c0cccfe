"""How results are written: clean text, unified diffs, explanations as text or JSON lines.

Everything here returns strings; the caller decides the stream. Data (clean
text, diffs, JSON) goes to stdout, messages for people go to stderr.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import BinaryIO, TextIO

from cleannews.document import Removal

NO_NEWLINE = "\\ No newline at end of file\n"


def unified_diff(before: str, after: str, name: str) -> str:
    """A unified diff that, like ``diff -u``, marks a last line without a newline."""
    import difflib  # here, not at start-up: only --diff needs it

    lines = difflib.unified_diff(_diff_lines(before), _diff_lines(after), *diff_names(name))
    return "".join(lines)


def diff_names(name: str) -> tuple[str, str]:
    """The ``---`` and ``+++`` names of a file's diff.

    patch(1) reads a name up to a tab (where diff -u writes its timestamp) or, with
    none, up to the first space; a name with a space in it is ended with a tab.
    """
    end = "\t" if any(char.isspace() for char in name) else ""
    return f"a/{name}{end}", f"b/{name}{end}"


def _diff_lines(text: str) -> list[str]:
    # Split on "\n" only, so CRLF lines keep their "\r" and show up in the diff as they are.
    parts = text.split("\n")
    lines = [part + "\n" for part in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1] + "\n" + NO_NEWLINE)
    return lines


def explain_lines(name: str, removals: Iterable[Removal]) -> Iterator[str]:
    """One line per removal, ``FILE:LINE: stage.rule: text``, like a linter's output."""
    for removal in removals:
        span = (
            str(removal.start_line)
            if removal.start_line == removal.end_line
            else f"{removal.start_line}-{removal.end_line}"
        )
        where = " (part of line)" if removal.partial else ""
        # A marker cut out of a sentence carries the space before it; show the marker.
        text = removal.text.strip() if removal.partial else removal.text.rstrip("\r\n")
        shown = _shorten(text or "(blank)")
        yield f"{name}:{span}: {removal.key}{where}: {shown}\n"


def _shorten(text: str, width: int = 100) -> str:
    text = text.replace("\n", "⏎").replace("\r", "")
    return text if len(text) <= width else text[: width - 1] + "…"


def explain_json(name: str, removals: Iterable[Removal]) -> Iterator[str]:
    """One JSON object per removal, one per line."""
    import json  # here, not at start-up: only --format json needs it

    for removal in removals:
        record = {
            "file": name,
            "start_line": removal.start_line,
            "end_line": removal.end_line,
            "stage": removal.stage,
            "rule": removal.rule,
            "reason": removal.reason,
            "start": removal.start,
            "end": removal.end,
            "text": removal.text,
            "partial": removal.partial,
        }
        try:
            line = json.dumps(record, ensure_ascii=False)
            line.encode("utf-8")
        except UnicodeEncodeError:
            # Undecodable input bytes (kept as lone surrogates) cannot be written as
            # UTF-8; \u escapes keep the JSON valid.
            line = json.dumps(record)
        yield line + "\n"


def write_explanation(
    name: str, removals: Iterable[Removal], as_json: bool, stdout: BinaryIO, stderr: TextIO
) -> None:
    """Explain ``removals``: JSON lines are data, so stdout; text lines are for people, stderr."""
    if as_json:
        stdout.write("".join(explain_json(name, removals)).encode("utf-8"))
    else:
        stderr.writelines(explain_lines(name, removals))
