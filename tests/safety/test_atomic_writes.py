"""Writes that cannot lose data: atomic replace, mode kept, unchanged files untouched."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from safety_helpers import CLEAN, DIRTY, Run

from cleannews import sources

OLD_TIME = 946_684_800  # 2000-01-01: any rewrite would move the mtime far from this


def _temporaries(folder: Path) -> list[str]:
    return [name for name in os.listdir(folder) if name.startswith(".cleannews-")]


def test_in_place_rewrites_a_changed_file_and_keeps_its_mode(tmp_path: Path, cli: Run) -> None:
    article = tmp_path / "article.txt"
    article.write_text(DIRTY)
    article.chmod(0o640)
    done = cli("-i", article)
    assert done.returncode == 0, done.stderr
    assert article.read_text() == CLEAN
    assert stat.S_IMODE(article.stat().st_mode) == 0o640
    assert done.stderr.decode().splitlines()[0] == f"cleaned {article}"
    assert _temporaries(tmp_path) == []


def test_in_place_leaves_an_unchanged_file_untouched(tmp_path: Path, cli: Run) -> None:
    article = tmp_path / "clean.txt"
    article.write_text(CLEAN)
    os.utime(article, (OLD_TIME, OLD_TIME))
    inode = article.stat().st_ino
    done = cli("-i", article)
    assert done.returncode == 0
    assert done.stderr == b"1 file left unchanged.\n"
    assert article.stat().st_mtime == OLD_TIME
    assert article.stat().st_ino == inode


def test_output_dir_does_not_rewrite_a_copy_that_is_already_right(tmp_path: Path, cli: Run) -> None:
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text(DIRTY)
    out = tmp_path / "clean"
    assert cli("-o", out, tmp_path / "news").returncode == 0
    copy = out / "a.txt"
    assert copy.read_text() == CLEAN
    os.utime(copy, (OLD_TIME, OLD_TIME))
    assert cli("-o", out, tmp_path / "news").returncode == 0
    assert copy.stat().st_mtime == OLD_TIME


@pytest.mark.parametrize("name", ["feed.jsonl", "feed.jsonl.gz"])
def test_output_dir_does_not_rewrite_json_lines_that_are_already_right(
    name: str, tmp_path: Path, cli: Run
) -> None:
    import gzip
    import json

    records = "".join(json.dumps({"id": i, "text": DIRTY}) + "\n" for i in range(3)).encode()
    source = tmp_path / "news" / name
    source.parent.mkdir()
    source.write_bytes(gzip.compress(records, mtime=0) if name.endswith(".gz") else records)
    out = tmp_path / "clean"
    assert cli("-o", out, source).returncode == 0
    copy = out / name
    os.utime(copy, (OLD_TIME, OLD_TIME))
    inode = copy.stat().st_ino
    done = cli("-o", out, source)
    assert done.returncode == 0, done.stderr
    assert (copy.stat().st_mtime, copy.stat().st_ino) == (OLD_TIME, inode)
    assert _temporaries(out) == []


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root can chown")
@pytest.mark.parametrize("name", ["a.txt", "feed.jsonl", "feed.jsonl.gz"])
def test_root_keeps_the_owner_of_a_file_it_rewrites(name: str, tmp_path: Path, cli: Run) -> None:
    import gzip
    import json

    data = DIRTY.encode()
    if ".jsonl" in name:
        data = (json.dumps({"text": DIRTY}) + "\n").encode()
    if name.endswith(".gz"):
        data = gzip.compress(data, mtime=0)
    article = tmp_path / name
    article.write_bytes(data)
    article.chmod(0o640)
    os.chown(article, 4321, 8765)  # someone else's file, cleaned by root
    done = cli("-i", article)
    assert done.returncode == 0, done.stderr
    assert article.read_bytes() != data
    assert (article.stat().st_uid, article.stat().st_gid) == (4321, 8765)
    assert stat.S_IMODE(article.stat().st_mode) == 0o640


def test_write_atomic_reports_whether_it_wrote(tmp_path: Path) -> None:
    target = tmp_path / "t.txt"
    assert sources.write_atomic(str(target), b"one\n") is True
    assert sources.write_atomic(str(target), b"one\n") is False
    # Same length, different bytes: must be written.
    assert sources.write_atomic(str(target), b"two\n") is True
    assert target.read_bytes() == b"two\n"


def test_a_new_file_gets_the_umask_mode(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        sources.write_atomic(str(tmp_path / "new.txt"), b"x\n")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o640


def test_write_atomic_fsyncs_the_file_and_then_its_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    synced: list[str] = []
    real_fsync = os.fsync

    def recording_fsync(descriptor: int) -> None:
        synced.append("folder" if stat.S_ISDIR(os.fstat(descriptor).st_mode) else "file")
        real_fsync(descriptor)

    monkeypatch.setattr(os, "fsync", recording_fsync)
    sources.write_atomic(str(tmp_path / "t.txt"), b"data\n")
    assert synced == ["file", "folder"]


def test_a_symlink_is_followed_and_stays_a_link(tmp_path: Path, cli: Run) -> None:
    real = tmp_path / "store" / "article.txt"
    real.parent.mkdir()
    real.write_text(DIRTY)
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    done = cli("-i", link)
    assert done.returncode == 0, done.stderr
    assert link.is_symlink()
    assert os.readlink(link) == str(real)
    assert real.read_text() == CLEAN


def test_a_hard_linked_file_keeps_its_old_content_under_its_other_name(
    tmp_path: Path, cli: Run
) -> None:
    # The rename gives the cleaned file a new inode: the other name still sees the
    # old text. Nothing is lost; this pins the behaviour the README documents.
    article = tmp_path / "a.txt"
    article.write_text(DIRTY)
    other = tmp_path / "b.txt"
    os.link(article, other)
    assert cli("-i", article).returncode == 0
    assert article.read_text() == CLEAN
    assert other.read_text() == DIRTY


def test_in_place_refuses_to_replace_something_that_is_not_a_regular_file(
    tmp_path: Path,
) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(OSError, match="not a regular file"):
        sources.write_atomic(str(fifo), b"x\n")
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_the_json_lines_writer_refuses_to_replace_something_that_is_not_a_regular_file(
    tmp_path: Path,
) -> None:
    # `cleannews -i feed.jsonl` where feed.jsonl is a FIFO: read it, but never
    # put a plain file in its place (as the text writer above refuses to).
    from cleannews.batch import AtomicFile

    fifo = tmp_path / "feed.jsonl"
    os.mkfifo(fifo)
    with (
        pytest.raises(sources.InputError, match="not a regular file"),
        AtomicFile(str(fifo)) as out,
    ):
        out.write(b'{"text": "x"}\n')
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert _temporaries(tmp_path) == []
