"""cleannews as a real process: real stdin and files, real pipes, a real terminal."""

from __future__ import annotations

import os
import pty
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from clitools import CLEAN, DIRTY, process_env, run_process

import cleannews


def test_stdin_to_stdout_keeps_bytes_crlf_and_bom() -> None:
    raw = "\ufeffAnzeige\r\nDie Brücke ist wieder offen.\r\nZweite Zeile ohne Ende".encode()
    done = run_process([], stdin=raw + b"\xff")
    assert done.returncode == 0
    assert done.stderr == b""
    assert (
        done.stdout
        == "\ufeffDie Brücke ist wieder offen.\r\nZweite Zeile ohne Ende".encode() + b"\xff"
    )


def test_dash_reads_stdin_between_files(news: Path) -> None:
    letter = news / CLEAN
    done = run_process([str(letter), "-"], stdin=b"Publicidad\nEl puerto reabre.\n")
    assert done.returncode == 0
    assert done.stdout == letter.read_bytes() + b"El puerto reabre.\n"


def test_files_and_folders(news: Path) -> None:
    done = run_process(["."], cwd=news)
    expected = "".join(
        cleannews.clean((news / name).read_text(encoding="utf-8"))
        for name in sorted([*DIRTY, CLEAN])
    )
    assert done.returncode == 0
    assert done.stdout.decode() == expected


def test_check_in_place_and_check_again(news: Path) -> None:
    first = run_process(["--check", str(news)])
    assert first.returncode == 1
    assert first.stdout == b""
    assert run_process(["-i", "-q", str(news)]).returncode == 0
    again = run_process(["--check", str(news)])
    assert again.returncode == 0
    assert again.stderr == b"4 files would be left unchanged.\n"


def test_missing_file_one_line_exit_2_others_cleaned(news: Path) -> None:
    done = run_process([str(news / "nope.txt"), str(news / "fr/greve.txt")])
    assert done.returncode == 2
    assert (
        done.stderr.decode() == f"cleannews: error: {news / 'nope.txt'}: no such file or folder\n"
    )
    assert done.stdout.startswith("Grève".encode())


def test_unknown_stage_exit_2() -> None:
    done = run_process(["--skip", "adverts"], stdin=b"text\n")
    assert done.returncode == 2
    assert b"unknown stage 'adverts'" in done.stderr
    assert done.stdout == b""


def test_internal_error_in_a_real_process_has_no_traceback(tmp_path: Path) -> None:
    # A stage that crashes, put in place before the command runs.
    script = (
        "import sys\n"
        "from cleannews.stages.ads import AdsStage\n"
        "def boom(self, doc):\n"
        "    raise ZeroDivisionError('bad stage')\n"
        "AdsStage.find = boom\n"
        "from cleannews.cli import main\n"
        "sys.argv = ['cleannews']\n"
        "main()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        input=b"Advertisement\nText.\n",
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 123
    assert done.stderr == b"cleannews: internal error: <stdin>: ZeroDivisionError: bad stage\n"


def test_broken_pipe_is_silent(tmp_path: Path) -> None:
    # Two files of ~1 MB of distinct lines each, far beyond a pipe buffer: the reader
    # has gone by the time the second one is written.
    for name in ("a.txt", "b.txt"):
        lines = [
            f"{n:05d} ferries to Kellan Island ran on time.\nAdvertisement\n" for n in range(20_000)
        ]
        (tmp_path / name).write_text("".join(lines), encoding="utf-8")
    shell = f'"{sys.executable}" -m cleannews "{tmp_path}" | head -1'
    done = subprocess.run(
        ["bash", "-o", "pipefail", "-c", shell],
        capture_output=True,
        timeout=120,
        check=False,
        env=process_env(),
    )
    assert done.stdout == b"00000 ferries to Kellan Island ran on time.\n"
    assert done.stderr == b""
    assert done.returncode == 0


def _summary_on_a_terminal(news: Path, **env: str) -> bytes:
    """Run --summary with stderr on a pseudo-terminal; return what the terminal got."""
    leader, follower = pty.openpty()
    with subprocess.Popen(
        [sys.executable, "-m", "cleannews", "--summary", str(news)],
        stdout=subprocess.DEVNULL,
        stderr=follower,
        env=process_env(TERM="xterm-256color", **env),
    ) as process:
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # Linux: EIO once the other side is closed
                break
            if not chunk:
                break
            chunks.append(chunk)
        process.wait(timeout=60)
    os.close(leader)
    return b"".join(chunks)


def _colours(output: bytes) -> set[str]:
    """The colour codes among the SGR escape sequences (bold and the like are not colour)."""
    found = set()
    for params in re.findall(rb"\x1b\[([0-9;]*)m", output):
        for param in params.decode().split(";"):
            if param and (30 <= int(param) <= 48 or 90 <= int(param) <= 107):
                found.add(param)
    return found


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="pty behaviour is Linux's")
def test_summary_has_colour_on_a_terminal_unless_no_color(news: Path) -> None:
    coloured = _summary_on_a_terminal(news)
    assert b"ads.ad_marker" in coloured
    assert _colours(coloured)
    # NO_COLOR (no-color.org) forbids colour; rich may still use bold, which is allowed
    plain = _summary_on_a_terminal(news, NO_COLOR="1")
    assert b"ads.ad_marker" in plain
    assert not _colours(plain)


def test_summary_has_no_colour_when_not_a_terminal(news: Path) -> None:
    done = run_process(["--summary", str(news)])
    assert b"ads.ad_marker" in done.stderr
    assert b"\x1b[" not in done.stderr


def test_python_dash_m_and_the_script_agree(news: Path) -> None:
    script = Path(sys.executable).parent / "cleannews"
    if not script.exists():
        pytest.skip("the cleannews script is not installed next to this Python")
    args = ["--explain", str(news / "de/stadtwerke.txt")]
    by_script = subprocess.run([str(script), *args], capture_output=True, check=False, timeout=60)
    by_module = run_process(args)
    assert by_script.returncode == by_module.returncode == 0
    assert (by_script.stdout, by_script.stderr) == (by_module.stdout, by_module.stderr)


def test_ctrl_c_says_interrupted_and_exits_130() -> None:
    with subprocess.Popen(
        [sys.executable, "-m", "cleannews"],
        stdin=subprocess.PIPE,  # left open: cleannews waits for the rest of stdin
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=process_env(),
        # A test run started in the background (`make test &`) ignores SIGINT, and
        # so would its children (as nohup wants): give this one the default back.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    ) as process:
        time.sleep(2)  # long enough for the interpreter to be up and reading
        process.send_signal(signal.SIGINT)
        _out, err = process.communicate(timeout=60)
    assert process.returncode == 130
    assert err == b"cleannews: interrupted\n"


def test_closed_stdin_is_an_input_error() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "cleannews"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=60,
        check=False,
        env=process_env(),
        # close fd 0 in the child, as `cleannews <&-` does in a shell
        preexec_fn=lambda: os.close(0),
    )
    assert done.returncode == 2
    assert done.stderr == b"cleannews: error: <stdin>: standard input is closed\n"
