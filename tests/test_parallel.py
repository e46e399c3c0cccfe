"""-j N gives the same bytes, messages and exit code as -j1, in input order."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from batch_articles import article

from cleannews.parallel import choose_jobs
from cleannews.runner import RunConfig
from cleannews.sources import InputError, Source


def _folder(root: Path, count: int) -> Path:
    """Articles in nested folders, some clean, one unreadable, one not UTF-8."""
    for n in range(count):
        sub = root / f"section{n % 3}"
        sub.mkdir(parents=True, exist_ok=True)
        text = article(n, residue=n % 4 != 0)
        (sub / f"story{n:03}.txt").write_bytes(text.encode())
    (root / "section0" / "latin1.txt").write_bytes(b"Anzeige\nGr\xfc\xdfe aus K\xf6ln.\n")
    return root


def _run(*args: str) -> subprocess.CompletedProcess[bytes]:
    command = [sys.executable, "-c", "from cleannews.cli import main; main()", *args]
    return subprocess.run(command, capture_output=True, check=False)


@pytest.mark.parametrize(
    "options",
    [
        [],
        ["--summary"],
        ["--check"],
        ["--diff"],
        ["--explain"],
        ["--explain", "--format", "json"],
    ],
)
def test_two_jobs_give_what_one_job_gives(tmp_path: Path, options: list[str]) -> None:
    folder = _folder(tmp_path / "news", 40)
    missing = str(tmp_path / "missing.txt")
    one = _run("-j1", *options, str(folder), missing)
    two = _run("-j2", *options, str(folder), missing)
    assert one.stdout == two.stdout
    assert one.stderr == two.stderr
    assert one.returncode == two.returncode == 2  # the missing file
    assert b"missing.txt: no such file or folder" in one.stderr
    if not options:
        assert one.stdout.count(b"Closing line of article") == 40


def test_output_dir_and_in_place_match_across_jobs(tmp_path: Path) -> None:
    first = _folder(tmp_path / "a", 30)
    second = _folder(tmp_path / "b", 30)
    out_one, out_two = tmp_path / "out1", tmp_path / "out2"
    assert _run("-j1", "-o", str(out_one), str(first)).returncode == 0
    assert _run("-j2", "-o", str(out_two), str(first)).returncode == 0
    files_one = sorted(p.relative_to(out_one) for p in out_one.rglob("*.txt"))
    assert files_one == sorted(p.relative_to(out_two) for p in out_two.rglob("*.txt"))
    assert len(files_one) == 31
    for relative in files_one:
        assert (out_one / relative).read_bytes() == (out_two / relative).read_bytes()
    in_place_one = _run("-j1", "-i", str(first))
    in_place_two = _run("-j2", "-i", str(second))
    assert in_place_one.stderr.replace(b"/a/", b"/b/") == in_place_two.stderr
    for path in first.rglob("*.txt"):
        relative = path.relative_to(first)
        assert path.read_bytes() == (second / relative).read_bytes()
        assert path.read_bytes() == (out_one / relative).read_bytes()


def test_jsonl_and_text_inputs_mixed_keep_their_order(tmp_path: Path) -> None:
    folder = _folder(tmp_path / "news", 12)
    records = tmp_path / "records.jsonl"
    records.write_text('{"text": "Advertisement\\nEin Satz.\\n"}\n')
    args = [str(folder / "section0"), str(records), str(folder / "section1")]
    one = _run("-j1", *args)
    two = _run("-j2", *args)
    assert one.stdout == two.stdout
    assert one.returncode == two.returncode == 0
    assert one.stdout.index(b'{"text": "Ein Satz.\\n"}') > one.stdout.index(b"article 9.")


def test_default_jobs_use_every_cpu_only_for_many_files() -> None:
    config = RunConfig(jobs=None)
    few: list[Source | InputError] = [Source(f"{n}.txt", f"{n}.txt") for n in range(3)]
    many: list[Source | InputError] = [Source(f"{n}.txt", f"{n}.txt") for n in range(50)]
    assert choose_jobs(config, few) == 1
    assert choose_jobs(config, many) >= 1
    assert choose_jobs(RunConfig(jobs=3), few) == 3
    assert choose_jobs(RunConfig(jobs=1), many) == 1


def test_a_small_run_does_not_import_the_pool() -> None:
    code = (
        "import sys; from cleannews import cli\n"
        "try:\n    cli.cli(['-'], standalone_mode=False)\n"
        "finally:\n    print('concurrent.futures' in sys.modules, file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], input=b"Advertisement\nText.\n", capture_output=True
    )
    assert done.stdout == b"Text.\n"
    assert done.stderr.strip() == b"False"


@pytest.mark.parametrize("jobs", ["-j2", "-j1"])
def test_broken_pipe_is_silent_with_a_pool_and_with_json_lines(tmp_path: Path, jobs: str) -> None:
    for n in range(10):
        lines = "".join(f"{n}-{i:05d} ferries left the harbour on time.\n" for i in range(5000))
        (tmp_path / f"{n}.txt").write_text(lines)
    records = "".join(f'{{"text": "Record {i} about the harbour.\\n"}}\n' for i in range(40000))
    (tmp_path / "z.jsonl").write_text(records)
    script = "from cleannews.cli import main; main()"
    # JSON Lines first, so the pipe breaks while records are written, then text files.
    shell = f'"{sys.executable}" -c "{script}" {jobs} "{tmp_path}/z.jsonl" "{tmp_path}" | head -1'
    done = subprocess.run(
        ["bash", "-o", "pipefail", "-c", shell], capture_output=True, timeout=120, check=False
    )
    assert done.stdout == b'{"text": "Record 0 about the harbour.\\n"}\n'
    assert done.stderr == b""
    assert done.returncode == 0


def test_a_plain_run_imports_only_what_it_uses(tmp_path: Path) -> None:
    # Start-up is mostly importing: rules, profiles (and tomllib), regex and
    # rich load only for a run that has rules, a profile, or asks for a summary.
    heavy = ["rich", "regex", "tomllib", "cleannews.rules", "cleannews.profiles"]
    code = (
        "import sys; from cleannews import cli\n"
        "try:\n    cli.cli(['--no-config', '-'], standalone_mode=False)\n"
        "finally:\n"
        f"    print([name for name in {heavy!r} if name in sys.modules], file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        input=b"Advertisement\nText.\n",
        capture_output=True,
        cwd=tmp_path,
    )
    assert done.stdout == b"Text.\n"
    assert done.stderr.strip() == b"[]"
