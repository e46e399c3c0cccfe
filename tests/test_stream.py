"""Plain text cleaned in windows gives what cleaning it whole gives, in bounded memory."""

from __future__ import annotations

import io
import random
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
from batch_articles import corpus
from click.testing import CliRunner

from cleannews import apply_removals, cli, stream
from cleannews.pipeline import Pipeline
from cleannews.stream import clean_pieces, decoded_pieces, split_bom


def _pieces(text: str, rng: random.Random) -> list[str]:
    pieces = []
    pos = 0
    while pos < len(text):
        size = rng.randint(1, 700)
        pieces.append(text[pos : pos + size])
        pos += size
    return pieces


def _windowed(text: str, window: int, seed: int = 0, context: int = 32) -> tuple[str, tuple]:
    results = list(clean_pieces(Pipeline(), _pieces(text, random.Random(seed)), window, context))
    return "".join(r.text for r in results), tuple(r for x in results for r in x.removals)


def _assert_windows_match(text: str, window: int, seed: int, context: int = 32) -> None:
    whole = Pipeline().run(text)
    clean, removals = _windowed(text, window, seed=seed, context=context)
    assert clean == whole.text
    assert removals == whole.removals


@pytest.mark.parametrize("window", [2_000, 5_000, 20_000])
def test_windows_match_cleaning_the_whole_text(window: int) -> None:
    text = "".join(corpus(200))
    whole = Pipeline().run(text)
    assert whole.changed
    clean, removals = _windowed(text, window, seed=window)
    assert clean == whole.text
    # Same removals, with line numbers and offsets into the whole input.
    assert removals == whole.removals
    assert apply_removals(text, removals) == clean


def test_a_caption_repeated_across_a_cut_is_still_caught() -> None:
    # Put the caption's copy at every position around where windows are cut.
    caption = "Containers stacked on the quay at dawn. Photo: AFP\n"
    copy = "Containers stacked on the quay at dawn.\n"
    filler = "".join(f"Paragraph number {i} of the long report.\n\n" for i in range(120))
    for extra in range(0, 60, 3):
        text = filler + "x" * extra + "\n" + caption + copy + filler
        clean, removals = _windowed(text, window=len(filler), context=2)
        assert clean == Pipeline().run(text).text
        assert copy not in clean
        assert [r.key for r in removals if r.stage == "captions"] == ["captions.repeated_line"]


def test_a_caption_copied_further_down_across_a_cut_is_still_caught() -> None:
    # The copy is 50 kept lines after its original, with ad markers (removed)
    # between them: far more lines than the context, however small it is asked.
    caption = "Containers stacked on the quay at dawn. Photo: AFP\n"
    copy = "Containers stacked on the quay at dawn.\n"
    between = "".join(f"Paragraph {i} of the long report.\nAdvertisement\n" for i in range(49))
    lead = "".join(f"Lead paragraph {i}.\n" for i in range(30))
    text = lead + caption + between + copy + lead
    whole = Pipeline().run(text)
    assert copy not in whole.text
    for window in range(300, 2_400, 150):
        clean, removals = _windowed(text, window=window, context=1)
        assert clean == whole.text
        assert removals == whole.removals


# Lines to shuffle into hostile texts: residue, blank and space-only lines, captions
# and their copies, mixed line endings.
_LINES = [
    "Advertisement",
    "",
    "",
    "   ",
    "Reading Time: 2 minutes",
    "loading",
    "Anzeige",
    "The council voted on the new harbour budget on Tuesday.",
    "A crane lifts containers at the port of Hamburg. Photo: AP",
    "A crane lifts containers at the port of Hamburg.",
    "Der Stadtrat hat am Montag den Haushalt beschlossen.",
    "Officials said the strike would end next week.\r",
]


@pytest.mark.parametrize("seed", range(40))
def test_windows_match_on_shuffled_residue(seed: int) -> None:
    rng = random.Random(seed)
    text = "".join(
        rng.choice(_LINES) + rng.choice(["\n", "\n", "\r\n"]) for _ in range(rng.randint(0, 600))
    )
    if rng.random() < 0.5:
        text = text.rstrip("\n")
    # The pipeline widens the context to what its stages reach, so even asking
    # for one line of context around a cut must give the same result.
    _assert_windows_match(text, rng.randint(2_000, 6_000), seed, context=[1, 4, 32][seed % 3])


@pytest.mark.parametrize("ads", [30, 40, 80])
def test_a_tail_rule_never_reaches_a_line_before_the_cut_over_removed_lines(ads: int) -> None:
    # A window ends in a run of ad markers: in the second round of cleaning they
    # are gone, and the tail of the text left holds the contact line, which the
    # whole text keeps in the middle of the story.
    story = "".join(f"Paragraph {i} says the ferry timetable will change.\n" for i in range(100))
    first = (
        story
        + "Contact the reporter at jo.lee@example.com\n"
        + "Paragraph one of the follow-up on fares.\n" * 2
        + "Advertisement\n" * ads
    )
    rest = "".join(f"Paragraph {i} after the cut on the harbour.\n" for i in range(300))
    whole = Pipeline().run(first + rest)
    assert "Contact the reporter" in whole.text
    results = list(clean_pieces(Pipeline(), [first, rest], window=len(first)))
    assert "".join(r.text for r in results) == whole.text
    assert tuple(r for x in results for r in x.removals) == whole.removals


# Residue that head and tail rules judge (an author's contact line and bio,
# menus, follow prompts), and runs of ad markers, between paragraphs.
_EDGE_LINES = [
    "Advertisement",
    "Advertisement",
    "",
    "Contact the reporter at jo.lee@example.com",
    "Home",
    "News",
    "Sport",
    "Follow us on Facebook",
    "Jo Lee is a reporter covering the harbour.",
]


@pytest.mark.parametrize("seed", range(30))
def test_windows_match_with_edge_residue_in_runs(seed: int) -> None:
    rng = random.Random(seed)
    lines = []
    for number in range(rng.randint(200, 500)):
        if rng.random() < 0.6:
            lines.append(f"Paragraph {number}: the council voted on the harbour budget.")
        else:
            lines += [rng.choice(_EDGE_LINES)] * rng.choice([1, 1, 2, 5, 40])
    _assert_windows_match("\n".join(lines) + "\n", rng.randint(2_000, 6_000), seed)


def test_crlf_mixed_endings_and_no_final_newline() -> None:
    text = "".join(corpus(80)).replace("\n\n", "\r\n\r\n", 40) + "Advertisement"
    whole = Pipeline().run(text)
    clean, removals = _windowed(text, window=3_000, seed=7)
    assert clean == whole.text
    assert removals == whole.removals


def test_decoding_in_pieces_matches_decoding_at_once() -> None:
    data = "Été à Zürich — 東京 🚢\n".encode() * 50 + b"bad \xff\xfe bytes\n"
    pieces = list(decoded_pieces(io.BytesIO(data), size=7))
    assert "".join(pieces) == data.decode("utf-8", "surrogateescape")
    bom, rest = split_bom(decoded_pieces(io.BytesIO(b"\xef\xbb\xbf" + data), size=5))
    assert bom == "\ufeff"
    assert "".join(rest) == data.decode("utf-8", "surrogateescape")


def test_empty_input_gives_empty_output() -> None:
    assert _windowed("", window=100) == ("", ())


# A child that cleans stdin to stdout with small windows and reports its peak memory.
_CHILD = textwrap.dedent(
    """
    import resource, sys
    from cleannews import cli, stream
    stream.WINDOW = stream.READ_SIZE = 64 * 1024
    try:
        cli.cli(["-"], standalone_mode=False)
    finally:
        sys.stdout.flush()
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        sys.stderr.write(f"peak_kb={peak}\\n")
    """
)


def _pipe_through_child(block: bytes, repeats: int) -> tuple[bytes, float]:
    """Stream ``block`` ``repeats`` times through the child; its output and peak MB."""
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert child.stdin is not None
    assert child.stdout is not None
    assert child.stderr is not None
    received: list[bytes] = []
    # Read while writing: the child holds only a window, so neither side may wait.
    reader = threading.Thread(target=lambda: received.append(child.stdout.read()))  # type: ignore[union-attr]
    reader.start()
    for _ in range(repeats):
        child.stdin.write(block)
    child.stdin.close()
    reader.join()
    stderr = child.stderr.read().decode()
    assert child.wait() == 0, stderr
    return received[0], int(stderr.rsplit("peak_kb=", 1)[1]) / 1024


@pytest.mark.skipif(sys.platform != "linux", reason="ru_maxrss is in kilobytes on Linux")
def test_memory_stays_flat_on_a_stream_far_larger_than_a_window() -> None:
    block = "".join(corpus(40)).encode()
    # Each article ends with its closing line, so blocks clean independently.
    expected = Pipeline().run(block.decode()).text.encode()
    small_out, small_peak = _pipe_through_child(block, 1)
    assert small_out == expected
    repeats = (4 * 1024 * 1024) // len(block) + 1  # about 4 MB: sixty windows
    big_out, big_peak = _pipe_through_child(block, repeats)
    assert big_out == expected * repeats
    # Holding 4 MB whole costs several times that (bytes, text, lines, output);
    # windows of 64 KB cost the same whatever the input's size.
    assert big_peak - small_peak < 12, f"{small_peak:.0f} MB -> {big_peak:.0f} MB"


def test_explain_line_numbers_are_right_across_windows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(stream, "WINDOW", 16 * 1024)
    filler = "".join(f"Line {i} of a long wire report on the harbour.\n" for i in range(6_000))
    text = filler + "Advertisement\n" + filler + "Anzeige\n"
    path = tmp_path / "long.txt"
    path.write_text(text)
    assert len(text) > 30 * stream.WINDOW
    result = CliRunner().invoke(cli.cli, ["--explain", str(path)])
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        f"{path}:6001: ads.ad_marker: Advertisement",
        f"{path}:12002: ads.ad_marker: Anzeige",
    ]
    assert result.stdout == filler + filler
