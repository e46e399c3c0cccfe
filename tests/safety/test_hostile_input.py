"""Input that is not what it seems: odd bytes, BOMs, line endings, binary files, empty input."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from safety_helpers import Run

# Latin-1 bytes in a UTF-8 world: é as 0xE9, a stray 0xFF. The caption is printed
# twice (the second copy goes) and holds the odd bytes too.
CAPTION = b"Le Vieux-Port de Marseille \xe9t\xe9 2024, au lever du jour (photo: AFP)\n"
LATIN1 = (
    b"Le march\xe9 aux poissons rouvre \xff lundi.\n"
    + CAPTION
    + CAPTION
    + b"Advertisement\n"
    + b"Les p\xeacheurs attendent la m\xe9t\xe9o.\n"
)
LATIN1_CLEAN = (
    b"Le march\xe9 aux poissons rouvre \xff lundi.\n"
    + CAPTION
    + b"Les p\xeacheurs attendent la m\xe9t\xe9o.\n"
)


def test_invalid_utf8_passes_through_stdout_unchanged(cli: Run) -> None:
    done = cli(stdin=LATIN1)
    assert done.returncode == 0, done.stderr
    assert done.stdout == LATIN1_CLEAN


def test_invalid_utf8_passes_through_in_place_and_output_dir(tmp_path: Path, cli: Run) -> None:
    article = tmp_path / "news" / "a.txt"
    article.parent.mkdir()
    article.write_bytes(LATIN1)
    assert cli("-o", tmp_path / "out", tmp_path / "news").returncode == 0
    assert (tmp_path / "out" / "a.txt").read_bytes() == LATIN1_CLEAN
    assert cli("-i", article).returncode == 0
    assert article.read_bytes() == LATIN1_CLEAN


def test_invalid_utf8_in_a_diff_shows_the_original_bytes(tmp_path: Path, cli: Run) -> None:
    article = tmp_path / "a.txt"
    article.write_bytes(LATIN1)
    done = cli("--diff", article)
    assert done.returncode == 0
    assert b"-" + CAPTION in done.stdout
    assert b"-Advertisement\n" in done.stdout
    assert b" Le march\xe9 aux poissons rouvre \xff lundi.\n" in done.stdout


def test_invalid_utf8_in_explain_json_round_trips_to_the_same_bytes(cli: Run) -> None:
    done = cli("--explain", "--format", "json", stdin=LATIN1)
    assert done.returncode == 0
    records = [json.loads(line) for line in done.stdout.decode("ascii").splitlines()]
    texts = [record["text"].encode("utf-8", "surrogateescape") for record in records]
    assert texts == [CAPTION, b"Advertisement\n"]


def test_invalid_utf8_in_explain_text_and_summary_does_not_crash(tmp_path: Path, cli: Run) -> None:
    # A file name with an odd byte too: it reaches every message and the summary table.
    named = tmp_path / os.fsdecode(b"caf\xe9.txt")
    named.write_bytes(LATIN1)
    (tmp_path / "b.txt").write_bytes(LATIN1)
    done = cli("--explain", "--summary", tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout == LATIN1_CLEAN * 2
    errors = done.stderr.decode("utf-8", "replace")
    assert errors.count(": captions.repeated_line: ") == 2
    assert "2 files cleaned (4 lines removed)." in errors
    assert "Traceback" not in errors


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        pytest.param(
            b"\xef\xbb\xbfAdvertisement\nFirst.\n", b"\xef\xbb\xbfFirst.\n", id="bom-kept"
        ),
        pytest.param(
            b"First.\r\n\r\nAdvertisement\r\n\r\nSecond.\r\n",
            b"First.\r\n\r\nSecond.\r\n",
            id="crlf",
        ),
        pytest.param(b"First.\r\rAdvertisement\r\rSecond.\r", b"First.\r\rSecond.\r", id="cr"),
        pytest.param(
            b"First.\r\n\nAdvertisement\r\n\rSecond.\nThird.\r\n",
            b"First.\r\n\nSecond.\nThird.\r\n",
            id="mixed",
        ),
        pytest.param(
            b"First.\nAdvertisement\nLast, no newline",
            b"First.\nLast, no newline",
            id="no-final-newline",
        ),
        pytest.param(b"First.\nAdvertisement", b"First.", id="removed-last-line-no-newline"),
        pytest.param(
            b"  trailing spaces  \n\tTab.\f\n",
            b"  trailing spaces  \n\tTab.\f\n",
            id="untouched-spacing",
        ),
        pytest.param(b"", b"", id="empty"),
    ],
)
def test_byte_order_marks_and_line_endings_are_kept(
    raw: bytes, clean: bytes, tmp_path: Path, cli: Run
) -> None:
    assert cli(stdin=raw).stdout == clean
    article = tmp_path / "a.txt"
    article.write_bytes(raw)
    assert cli("-i", article).returncode == 0
    assert article.read_bytes() == clean


BINARY = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"Advertisement\n" * 10


def test_a_named_binary_file_is_skipped_with_a_warning(tmp_path: Path, cli: Run) -> None:
    image = tmp_path / "image.txt"
    image.write_bytes(BINARY)
    os.utime(image, (946_684_800, 946_684_800))
    done = cli("-i", "--summary", image)
    assert done.returncode == 0
    lines = done.stderr.decode().splitlines()
    assert lines[0] == (
        f"cleannews: warning: {image}: binary file (a NUL byte in the first 8 KiB), skipped"
    )
    assert lines[-1] == "1 binary file skipped."
    assert image.read_bytes() == BINARY
    assert image.stat().st_mtime == 946_684_800


def test_binary_stdin_is_skipped_with_a_warning(cli: Run) -> None:
    done = cli(stdin=BINARY)
    assert done.returncode == 0
    assert done.stdout == b""
    assert b"<stdin>: binary file" in done.stderr


def test_binary_files_in_folders_are_skipped_quietly_unless_verbose(
    tmp_path: Path, cli: Run
) -> None:
    (tmp_path / "image.txt").write_bytes(BINARY)
    (tmp_path / "a.txt").write_bytes(b"Advertisement\nText.\n")
    quiet = cli("--check", tmp_path)
    assert quiet.returncode == 1
    assert quiet.stderr.decode().splitlines() == [
        f"would clean {tmp_path}/a.txt",
        "1 file would be cleaned, 1 binary file skipped (1 line removed).",
    ]
    verbose = cli("--check", "--verbose", tmp_path)
    assert verbose.stderr.decode().splitlines()[1] == (
        f"cleannews: warning: {tmp_path}/image.txt: binary file (a NUL byte in the first 8 KiB),"
        " skipped"
    )


def test_quiet_hides_the_binary_file_warning_and_verbose_still_names_them(
    tmp_path: Path, cli: Run
) -> None:
    # -q promises no warnings; a skipped binary file is still counted, and -v asks
    # for every one by name.
    image = tmp_path / "image.txt"
    image.write_bytes(BINARY)
    assert cli("-q", image).stderr == b""
    assert cli("-q", stdin=BINARY).stderr == b""
    assert cli("-q", "--summary", image).stderr == b"1 binary file skipped.\n"
    named = cli("-q", "-v", tmp_path).stderr.decode()
    assert (
        named
        == f"cleannews: warning: {image}: binary file (a NUL byte in the first 8 KiB), skipped\n"
    )


def test_a_nul_byte_after_the_first_8_kib_is_text_and_passes_through(cli: Run) -> None:
    text = b"Body text.\n" * 800 + b"odd \x00 byte\nAdvertisement\n"
    assert len(b"Body text.\n" * 800) > 8192
    done = cli(stdin=text)
    assert done.returncode == 0
    assert done.stdout == b"Body text.\n" * 800 + b"odd \x00 byte\n"


def test_a_fifo_in_a_folder_is_not_opened(tmp_path: Path, cli: Run) -> None:
    # Opening a FIFO nobody writes to would hang the run forever.
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "a.txt").write_bytes(b"Text.\n")
    done = cli("--check", tmp_path)
    assert done.returncode == 0
    assert done.stderr.decode() == "1 file would be left unchanged.\n"


def test_large_files_take_the_streaming_path_and_are_still_sniffed(
    tmp_path: Path, cli: Run
) -> None:
    # Files over a million characters are cleaned in windows (cleannews/stream.py):
    # the binary check must happen there too, and must not eat the text it peeked at.
    body = b"Body text of a long article.\n" * 50_000  # 1.45 MB
    binary = tmp_path / "big-image.txt"
    binary.write_bytes(b"GIF89a\x00\x01" + body)
    text = tmp_path / "big.txt"
    text.write_bytes(b"\xef\xbb\xbfAdvertisement\n" + body + b"odd \x00 byte\n")
    done = cli(binary, text)
    assert done.returncode == 0, done.stderr
    assert done.stdout == b"\xef\xbb\xbf" + body + b"odd \x00 byte\n"
    assert done.stderr.decode().splitlines() == [
        f"cleannews: warning: {binary}: binary file (a NUL byte in the first 8 KiB), skipped"
    ]


def _diff_sides(diff: bytes) -> tuple[bytes, bytes]:
    """The old and new text a one-hunk unified diff describes (its context, "-" and "+" lines)."""
    old, new = b"", b""
    lines = diff.splitlines(keepends=True)
    assert [line[:4] for line in lines[:2]] == [b"--- ", b"+++ "]
    assert [line for line in lines if line.startswith(b"@@ ")] == [lines[2]]
    before = b" "
    for line in lines[3:]:
        if line.startswith(b"\\"):  # "\ No newline at end of file": the line before had none
            old = old.removesuffix(b"\n") if before in b" -" else old
            new = new.removesuffix(b"\n") if before in b" +" else new
            continue
        before = line[:1]
        if line[:1] in b" -":
            old += line[1:]
        if line[:1] in b" +":
            new += line[1:]
    return old, new


def test_a_diff_of_a_file_with_a_byte_order_mark_describes_its_bytes(
    tmp_path: Path, cli: Run
) -> None:
    # patch(1) applies a diff to the bytes of the file: a diff that leaves the BOM
    # out does not match the file's first line, and the hunk is rejected.
    raw = b"\xef\xbb\xbfAdvertisement\nLe port rouvre lundi.\nLes ferries reprennent.\n"
    article = tmp_path / "a.txt"
    article.write_bytes(raw)
    done = cli("--diff", article)
    assert done.returncode == 0
    assert _diff_sides(done.stdout) == (raw, cli(stdin=raw).stdout)
