"""--output-dir never writes outside DIR, never over its inputs, and never cleans its own output."""

from __future__ import annotations

import os
from pathlib import Path

from safety_helpers import CLEAN, DIRTY, Run, dirty_folder, error_lines


def _tree(root: Path) -> dict[str, bytes | str]:
    """Every file (content) and link (target) under ``root``, by relative path; not folders."""
    found: dict[str, bytes | str] = {}
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            path = Path(folder) / name
            key = str(path.relative_to(root))
            if path.is_symlink():
                found[key] = "-> " + os.readlink(path)
            elif path.is_file():
                found[key] = path.read_bytes()
    return found


def test_dotdot_and_absolute_inputs_land_inside_dir(tmp_path: Path, cli: Run) -> None:
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text(DIRTY)
    (tmp_path / "work").mkdir()
    before = _tree(tmp_path)
    done = cli("-o", "out", "../news/a.txt", tmp_path / "news" / "a.txt", cwd=tmp_path / "work")
    # Both arguments name the same file: one input, written once, inside out/.
    assert done.returncode == 0, done.stderr
    assert done.stderr == b"1 file cleaned (3 lines removed).\n"
    assert _tree(tmp_path) == {**before, "work/out/a.txt": CLEAN.encode()}
    # Two files with one name would land on one target: refused, nothing written.
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "a.txt").write_text(DIRTY)
    before = _tree(tmp_path)
    done = cli("-o", "out2", "../news/a.txt", "../other/a.txt", cwd=tmp_path / "work")
    assert done.returncode == 2
    assert b"would both be written to" in done.stderr
    assert _tree(tmp_path) == before


def test_a_link_inside_dir_pointing_outside_is_not_written_through(
    tmp_path: Path, cli: Run
) -> None:
    news = dirty_folder(tmp_path / "news", "sub/a.txt", "b.txt", "c.txt")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "c.txt").write_text("precious\n")
    out = tmp_path / "out"
    out.mkdir()
    (out / "sub").symlink_to(outside)  # a folder link leading out of DIR
    (out / "c.txt").symlink_to(outside / "c.txt")  # a file link leading out of DIR
    done = cli("-o", out, news)
    assert done.returncode == 2
    assert error_lines(done) == [
        f"cleannews: error: {out}/c.txt: a symbolic link leads outside {out}; not written",
        f"cleannews: error: {out}/sub/a.txt: a symbolic link leads outside {out}; not written",
    ]
    assert _tree(outside) == {"c.txt": b"precious\n"}
    assert (out / "b.txt").read_text() == CLEAN  # the other file is still cleaned


def test_json_lines_are_not_written_through_a_link_leading_out_of_dir(
    tmp_path: Path, cli: Run
) -> None:
    import json

    news = tmp_path / "news"
    (news / "sub").mkdir(parents=True)
    records = (json.dumps({"text": DIRTY}) + "\n").encode()
    for name in ("sub/a.jsonl", "b.jsonl", "c.jsonl"):
        (news / name).write_bytes(records)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "c.jsonl").write_text("precious\n")
    out = tmp_path / "out"
    out.mkdir()
    (out / "sub").symlink_to(outside)
    (out / "c.jsonl").symlink_to(outside / "c.jsonl")
    done = cli("--jsonl", "-o", out, news)
    assert done.returncode == 2
    assert error_lines(done) == [
        f"cleannews: error: {out}/c.jsonl: a symbolic link leads outside {out}; not written",
        f"cleannews: error: {out}/sub/a.jsonl: a symbolic link leads outside {out}; not written",
    ]
    assert _tree(outside) == {"c.jsonl": b"precious\n"}
    assert (out / "b.jsonl").read_text() == json.dumps({"text": CLEAN}) + "\n"


def test_a_link_inside_dir_pointing_inside_is_followed(tmp_path: Path, cli: Run) -> None:
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text(DIRTY)
    out = tmp_path / "out"
    (out / "real").mkdir(parents=True)
    (out / "a.txt").symlink_to(out / "real" / "a.txt")
    done = cli("-o", out, news)
    assert done.returncode == 0, done.stderr
    assert (out / "a.txt").is_symlink()
    assert (out / "real" / "a.txt").read_text() == CLEAN


def test_output_dir_inside_the_input_folder_is_never_read_back(tmp_path: Path, cli: Run) -> None:
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text(DIRTY)
    for _ in range(2):
        done = cli("-o", news / "clean", news)
        assert done.returncode == 0, done.stderr
    assert _tree(news) == {"a.txt": DIRTY.encode(), "clean/a.txt": CLEAN.encode()}


def test_output_dir_equal_to_an_input_folder_is_refused(tmp_path: Path, cli: Run) -> None:
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text(DIRTY)
    done = cli("-o", tmp_path / "." / "news", news)
    assert done.returncode == 2
    assert b"--output-dir would overwrite it (use --in-place)" in done.stderr
    assert (news / "a.txt").read_text() == DIRTY


def test_a_named_file_inside_dir_is_not_overwritten_by_its_own_copy(
    tmp_path: Path, cli: Run
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.txt").write_text(DIRTY)
    done = cli("-o", out, out / "a.txt")
    assert done.returncode == 2
    assert done.stderr.decode().endswith(
        f"Error: {out}/a.txt: --output-dir would overwrite it (use --in-place)\n"
    )
    assert (out / "a.txt").read_text() == DIRTY
