"""Invariants over arbitrary text and bytes, through the API and the command line's reading path.

For any input: the output is the input minus the explained removals (replaying
them gives the output exactly), cleaning twice changes nothing more, and no
exception escapes.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from residue_strategies import article_bytes, articles

import cleannews
from cleannews import apply_removals, runner, sources
from cleannews.runner import Mode, RunConfig

FAST = settings(max_examples=300, deadline=None)
# The fuzz target's budget: small in `make test`, large in `make fuzz`.
FUZZ_EXAMPLES = int(os.environ.get("CLEANNEWS_FUZZ_EXAMPLES", "200"))


def _assert_explained(text: str, result: cleannews.Result) -> None:
    position = 0
    for removal in result.removals:  # in text order, never overlapping
        assert removal.start >= position
        assert text[removal.start : removal.end] == removal.text
        assert removal.reason
        position = removal.end
    assert apply_removals(text, result.removals) == result.text


@FAST
@given(st.one_of(articles(), st.text()))
def test_api_output_is_input_minus_explained_removals(text: str) -> None:
    _assert_explained(text, cleannews.clean_and_explain(text))


@FAST
@given(st.one_of(articles(), st.text()))
def test_api_cleaning_twice_changes_nothing_more(text: str) -> None:
    once = cleannews.clean(text)
    assert cleannews.clean(once) == once


@FAST
@given(articles())
def test_text_with_no_removals_comes_back_identical(text: str) -> None:
    result = cleannews.clean_and_explain(text)
    if not result.removals:
        assert result.text is text or result.text == text


def clean_bytes_like_the_cli(data: bytes, folder: Path) -> tuple[bytes, bytes, str]:
    """Run the CLI's reading path on ``data`` in a file, cleaning it in place.

    Returns what was on stdout, the file's bytes afterwards, and stderr.
    """
    article = folder / "article.txt"
    article.write_bytes(data)
    stdout, stderr = io.BytesIO(), io.StringIO()
    config = RunConfig(paths=[str(article)], mode=Mode.IN_PLACE)
    report = runner.run(config, stdout, stderr)
    assert report.errors == 0
    return stdout.getvalue(), article.read_bytes(), stderr.getvalue()


def check_cli_reading_path(data: bytes, folder: Path) -> None:
    """The invariants for one input through the CLI reading path (used by the fuzz target too)."""
    stdout, after, messages = clean_bytes_like_the_cli(data, folder)
    assert stdout == b""
    if sources.is_binary(data):
        assert after == data
        assert "binary file" in messages
        return
    text = sources.decode(data)
    result = cleannews.clean_and_explain(text.body)
    _assert_explained(text.body, result)
    # Bytes in, bytes out: the file is the input minus the removed spans, BOM and
    # undecodable bytes included.
    assert after == text.encode(apply_removals(text.body, result.removals))
    # A BOM stays. (The converse need not hold: "Advertisement\n\ufeff" leaves a
    # U+FEFF at the start, which the fuzz target found; the bytes are still exact.)
    if data.startswith(b"\xef\xbb\xbf"):
        assert after.startswith(b"\xef\xbb\xbf")
    # A second run finds nothing to do and leaves the file alone.
    _, again, again_messages = clean_bytes_like_the_cli(after, folder)
    assert again == after
    assert "Fixing" not in again_messages


# One tmp_path serves every example: each overwrites the same file.
@settings(FAST, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=article_bytes())
def test_cli_reading_path_over_arbitrary_bytes(data: bytes, tmp_path: Path) -> None:
    check_cli_reading_path(data, tmp_path)


@settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    data=st.one_of(
        article_bytes(),
        st.binary(min_size=200, max_size=20_000),
        st.lists(article_bytes(), max_size=30).map(b"".join),
    )
)
def test_fuzz_cli_reading_path(data: bytes, tmp_path: Path) -> None:
    """The fuzz target (`make fuzz` runs it with a large budget): longer, stranger inputs."""
    check_cli_reading_path(data, tmp_path)
