"""JSON Lines: clean one string field of every record and leave the rest as it was.

A record whose field needs no cleaning is written back byte for byte. A record
that changes is edited in place: only the field's value (and the explanation
field, when asked for) is re-serialised; every other byte of the line, key order,
spacing and number spelling included, stays as it was. Lines that are not valid
JSON, or lack the field, or hold something other than a string there, pass
through unchanged and are reported by line number. A record that has a field
of the explanation field's name already keeps its own (and gets no explanation);
it is reported by line number too.

Records are cleaned in chunks of whole lines, so a pool of processes can clean
the chunks of one large file in parallel and the output keeps the input order.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from json.decoder import scanstring  # type: ignore[attr-defined]
from typing import Any

from cleannews.document import Removal
from cleannews.pipeline import Pipeline
from cleannews.stream import Reader

DEFAULT_FIELD = "text"
# Bytes of whole lines per chunk: large enough that a pool's per-task cost is
# noise, small enough that a few chunks in flight keep memory flat.
CHUNK_SIZE = 1024 * 1024
UTF8_BOM = b"\xef\xbb\xbf"


_SPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()


def read_chunks(stream: Reader, size: int | None = None) -> Iterator[tuple[bytes, int]]:
    """Chunks of whole lines (about ``size`` bytes) with the line number of their first line."""
    size = size or CHUNK_SIZE
    line = 1
    carry: list[bytes] = []  # the start of a line longer than a read, in parts
    while True:
        data = stream.read(size)
        if not data:
            break
        cut = data.rfind(b"\n") + 1
        if not cut:
            carry.append(data)
            continue
        chunk = b"".join([*carry, data[:cut]]) if carry else data[:cut]
        carry = [data[cut:]]
        yield chunk, line
        line += chunk.count(b"\n")
    rest = b"".join(carry)
    if rest:
        yield rest, line


@dataclass
class ChunkResult:
    """What cleaning one chunk of records gave; sent back from worker processes."""

    data: bytes
    size: int  # bytes of input
    records: int = 0
    changed: int = 0
    lines_removed: Counter[str] = field(default_factory=Counter)
    reasons: dict[str, str] = field(default_factory=dict)
    # (line number, removals) of every changed record, when explanations are wanted.
    explained: list[tuple[int, tuple[Removal, ...]]] = field(default_factory=list)
    # (line number, record before, record after) of every changed record, for --diff.
    edits: list[tuple[int, bytes, bytes]] = field(default_factory=list)
    # The number of the chunk's last line when it has no newline (the file's last
    # line), else 0: a diff of that record must say so, as diff -u does.
    unterminated: int = 0
    # (line number, why) of every record passed through unchanged.
    skipped: list[tuple[int, str]] = field(default_factory=list)
    # Line numbers of the records that have a field of the explanation field's name
    # already: theirs is kept, and they get no explanation.
    own_field: list[int] = field(default_factory=list)
    # (line number, note) of problems met while cleaning (a user pattern that timed out).
    warnings: list[tuple[int, str]] = field(default_factory=list)


class RecordCleaner:
    """Cleans the field at a dotted ``path`` of each JSON Lines record."""

    def __init__(
        self,
        pipeline: Pipeline,
        path: str = DEFAULT_FIELD,
        explain_field: str | None = None,
        url_field: str | None = None,
        keep_removals: bool = False,
        keep_edits: bool = False,
    ) -> None:
        self.pipeline = pipeline
        self.path = path
        self.keys: Sequence[str] = path.split(".")
        self.explain_field = explain_field
        self.url_keys: Sequence[str] | None = url_field.split(".") if url_field else None
        self.keep_removals = keep_removals
        self.keep_edits = keep_edits

    def clean_chunk(self, data: bytes, first_line: int) -> ChunkResult:
        """Clean every record in ``data`` (whole lines; the first is line ``first_line``)."""
        result = ChunkResult(b"", len(data))
        lines = data.split(b"\n")
        out = [self._clean_line(line, first_line + i, result) for i, line in enumerate(lines)]
        result.data = b"\n".join(out)
        if lines[-1]:
            result.unterminated = first_line + len(lines) - 1
        return result

    def _clean_line(self, line: bytes, number: int, result: ChunkResult) -> bytes:
        if not line or line.isspace():
            return line  # blank lines (and the end of the chunk) are not records
        try:
            text = line.decode("utf-8")
            record = json.loads(text)
        except ValueError:  # UnicodeDecodeError and JSONDecodeError are both ValueErrors
            result.skipped.append((number, "not valid JSON"))
            return line
        except RecursionError:  # "[[[[..." thousands deep: json's reader recurses per level
            result.skipped.append((number, "nested too deeply to read"))
            return line
        value: Any = record
        for key in self.keys:
            if not isinstance(value, dict) or key not in value:
                result.skipped.append((number, f"no field {self.path!r}"))
                return line
            value = value[key]
        if not isinstance(value, str):
            result.skipped.append((number, f"field {self.path!r} is not a string"))
            return line
        result.records += 1
        explain = self.explain_field is not None
        if explain and self.explain_field in record:
            # The record's own field of that name is the user's data: never overwritten.
            result.own_field.append(number)
            explain = False
        cleaned = self._pipeline_for(record).run(value)
        result.warnings.extend((number, note) for note in cleaned.warnings)
        if not cleaned.changed and not explain:
            return line
        edited = line
        if cleaned.changed:
            result.changed += 1
            for removal in cleaned.removals:
                count = removal.end_line - removal.start_line + 1
                result.lines_removed[removal.key] += count
                result.reasons[removal.key] = removal.reason
            if self.keep_removals:
                result.explained.append((number, cleaned.removals))
        explained = cleaned.removals if explain else None
        edited = self._edit(text, cleaned.text, explained).encode("utf-8")
        if cleaned.changed and self.keep_edits:
            result.edits.append((number, line, edited))
        return edited

    def _pipeline_for(self, record: Any) -> Pipeline:
        """The pipeline with the site profile that the record's URL field picks, if any."""
        if self.url_keys is None:
            return self.pipeline
        url: Any = record
        for key in self.url_keys:
            if not isinstance(url, dict):
                return self.pipeline
            url = url.get(key)
        return self.pipeline.choose(url=url) if isinstance(url, str) and url else self.pipeline

    def _edit(self, text: str, value: str, removals: tuple[Removal, ...] | None) -> str:
        """``text`` with the field's value replaced and, unless ``removals`` is None, the
        explanation field set to them."""
        start, end = _value_span(text, _SPACE.match(text).end(), self.keys)  # type: ignore[union-attr]
        edits = [(start, end, _dumps(value))]
        if removals is not None and self.explain_field is not None:
            explanation = _dumps([_explain(removal) for removal in removals])
            edits.append(_member_edit(text, self.explain_field, explanation))
        edits.sort(reverse=True)
        for edit_start, edit_end, replacement in edits:
            text = text[:edit_start] + replacement + text[edit_end:]
        return text


def _explain(removal: Removal) -> dict[str, Any]:
    return {
        "stage": removal.stage,
        "rule": removal.rule,
        "start_line": removal.start_line,
        "end_line": removal.end_line,
        "text": removal.text,
        "partial": removal.partial,
    }


def _dumps(value: Any) -> str:
    """JSON with non-ASCII written as is, or escaped when it holds lone surrogates."""
    encoded = json.dumps(value, ensure_ascii=False)
    try:
        encoded.encode("utf-8")
    except UnicodeEncodeError:
        # Lone surrogates (from "\\udc80" escapes) cannot be UTF-8; \\u escapes can.
        return json.dumps(value)
    return encoded


def _skip_space(text: str, pos: int) -> int:
    return _SPACE.match(text, pos).end()  # type: ignore[union-attr]


def _members(text: str, pos: int) -> Iterator[tuple[str, int, int]]:
    """(name, value start, value end) of each member of the object starting at ``pos``."""
    pos = _skip_space(text, pos + 1)
    if text[pos] == "}":
        return
    while True:
        name, pos = scanstring(text, pos + 1)
        pos = _skip_space(text, _skip_space(text, pos) + 1)  # past the ":"
        _, end = _DECODER.raw_decode(text, pos)
        yield name, pos, end
        pos = _skip_space(text, end)
        if text[pos] != ",":
            return
        pos = _skip_space(text, pos + 1)


def _value_span(text: str, pos: int, keys: Sequence[str]) -> tuple[int, int]:
    """Where the value at ``keys`` sits in the (valid) JSON object starting at ``pos``."""
    span = (pos, pos)
    for key in keys:
        # The last member of a name wins, as in json.loads.
        span = [(start, end) for name, start, end in _members(text, span[0]) if name == key][-1]
    return span


def _member_edit(text: str, name: str, value: str) -> tuple[int, int, str]:
    """The edit that sets top-level member ``name`` to the JSON ``value``."""
    top = _skip_space(text, 0)
    last_end = None
    found = None
    for member, start, end in _members(text, top):
        last_end = end
        if member == name:
            found = (start, end)
    if found is not None:
        return found[0], found[1], value
    close = text.rindex("}")
    member = f"{_dumps(name)}: {value}"
    if last_end is None:
        return top + 1, close, member
    return close, close, f", {member}"
