"""regexcache: compiled patterns kept between runs, never different from re.compile."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from cleannews import regexcache

PATTERN = r"^\s*(?P<marker>advertisement|anzeige|реклама)\s*$|(?P<time>\d+ min read)"
LINES = ["Advertisement", "  ANZEIGE ", "Реклама", "5 min read", "The port reopened.", "ad"]


def _fresh(monkeypatch: pytest.MonkeyPatch, folder: Path | str) -> None:
    """This process as if just started, with its cache in ``folder``."""
    monkeypatch.setenv("CLEANNEWS_CACHE_DIR", str(folder))
    monkeypatch.setattr(regexcache, "_memory", {})
    monkeypatch.setattr(regexcache, "_new", {})
    monkeypatch.setattr(regexcache, "_stamps", {})


def _files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.marshal"))


def _matches(pattern: re.Pattern[str]) -> list[tuple[str | None, str | None]]:
    found = [pattern.search(line) for line in LINES]
    return [(m.lastgroup, m.group()) if m else (None, None) for m in found]


def test_a_pattern_from_the_cache_is_the_one_re_compiles(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _fresh(monkeypatch, tmp_path)
    first = regexcache.compile(PATTERN, re.IGNORECASE | re.MULTILINE)
    regexcache._save()
    assert len(_files(tmp_path)) == 1
    _fresh(monkeypatch, tmp_path)

    def no_parsing(*args: object) -> None:
        raise AssertionError("a cached pattern was parsed again")

    with monkeypatch.context() as patched:
        patched.setattr(regexcache._parse, "parse", no_parsing)
        again = regexcache.compile(PATTERN, re.IGNORECASE | re.MULTILINE)
    reference = re.compile(PATTERN, re.IGNORECASE | re.MULTILINE)
    for compiled in (first, again):
        assert compiled.pattern == reference.pattern
        assert compiled.flags == reference.flags
        assert compiled.groupindex == reference.groupindex
        assert _matches(compiled) == _matches(reference)


def test_one_process_compiles_a_pattern_once(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _fresh(monkeypatch, tmp_path)
    assert regexcache.compile(PATTERN) is regexcache.compile(PATTERN)
    assert regexcache.compile(PATTERN) is not regexcache.compile(PATTERN, re.IGNORECASE)


def test_a_damaged_cache_file_is_ignored_and_replaced(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _fresh(monkeypatch, tmp_path)
    regexcache.compile(PATTERN)
    regexcache._save()
    (cache_file,) = _files(tmp_path)
    cache_file.write_bytes(b"\x00not marshal data at all")
    _fresh(monkeypatch, tmp_path)
    assert _matches(regexcache.compile(PATTERN)) == _matches(re.compile(PATTERN))
    regexcache._save()
    folder = regexcache.cache_folder()
    assert folder is not None
    assert regexcache._read(folder, (PATTERN, 0)) is not None


def test_a_file_holding_another_patterns_program_is_not_taken(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _fresh(monkeypatch, tmp_path)
    regexcache.compile(r"\d+ min read")
    regexcache._save()
    (other,) = _files(tmp_path)
    # As if two patterns had one file name: this pattern's file holds the other's.
    folder = regexcache.cache_folder()
    assert folder is not None
    other.rename(folder / regexcache._file_name((PATTERN, 0)))
    _fresh(monkeypatch, tmp_path)
    assert regexcache._read(folder, (PATTERN, 0)) is None
    assert _matches(regexcache.compile(PATTERN)) == _matches(re.compile(PATTERN))


def test_an_entry_the_engine_refuses_is_compiled_afresh(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _fresh(monkeypatch, tmp_path)
    monkeypatch.setattr(regexcache, "_read", lambda folder, key: (PATTERN, 0, [999, 1], 0, {}, ()))
    assert _matches(regexcache.compile(PATTERN)) == _matches(re.compile(PATTERN))


@pytest.mark.parametrize("folder", ["", "unwritable"])
def test_no_cache_folder_or_an_unwritable_one_still_compiles(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, folder: str
) -> None:
    if folder:
        # A file where the folder should be: nothing can be created under it.
        blocker = tmp_path / "blocker"
        blocker.write_text("")
        folder = str(blocker / "cache")
    _fresh(monkeypatch, folder)
    assert _matches(regexcache.compile(PATTERN)) == _matches(re.compile(PATTERN))
    regexcache._save()  # no error, nothing written
    assert sorted(p.name for p in tmp_path.iterdir()) == (["blocker"] if folder else [])


def test_runs_write_a_file_per_pattern_and_read_only_their_own(tmp_path: Path) -> None:
    script = (
        "import sys; from cleannews import regexcache; "
        "print(regexcache.compile(sys.argv[1]).search('x advertisement 5 min read').group())"
    )
    env = {**os.environ, "CLEANNEWS_CACHE_DIR": str(tmp_path)}
    for pattern in ("advert\\w+", "\\d+ min read", "advert\\w+"):
        done = subprocess.run(
            [sys.executable, "-c", script, pattern],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        assert done.stdout.strip() == re.search(pattern, "x advertisement 5 min read").group()
    (folder,) = tmp_path.iterdir()
    for pattern in ("advert\\w+", "\\d+ min read"):
        assert regexcache._read(folder, (pattern, 0)) is not None


def test_a_pattern_parsed_with_a_regexflag_is_kept_too(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # compile_made's callers parse their pattern themselves; one that passes the
    # flags as re.IGNORECASE rather than an int still gets its program stored.
    _fresh(monkeypatch, tmp_path)
    flags = re.IGNORECASE

    def make() -> tuple[str, object]:
        return PATTERN, regexcache._parse.parse(PATTERN, flags)

    made = regexcache.compile_made("made-with-a-flag", flags, make)
    regexcache._save()
    assert len(_files(tmp_path)) == 1
    _fresh(monkeypatch, tmp_path)
    again = regexcache.compile_made("made-with-a-flag", flags, make)
    assert _matches(again) == _matches(made) == _matches(re.compile(PATTERN, flags))


def _parsed(pattern: str) -> object:
    return regexcache._parse.parse(pattern, 0)


def _code(folder: Path, builder: str) -> Path:
    """A stand-in for cleannews's code: one module, whose text says how patterns are built."""
    folder.mkdir(exist_ok=True)
    module = folder / "builder.py"
    module.write_text(builder)
    return folder


def test_a_program_built_by_other_code_is_never_taken(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # compile_made keys a program by what it is built from, not by the pattern
    # built: code that builds it otherwise (an upgrade, an edited checkout)
    # must not get the program the old code made.
    code = _code(tmp_path / "code", "OLD = True\n")
    monkeypatch.setattr(regexcache, "CODE_FOLDERS", (code,))
    _fresh(monkeypatch, tmp_path / "cache")
    old = regexcache.compile_made("scanner-of-x", 0, lambda: ("old", _parsed("old")))
    assert old.pattern == "old"
    regexcache._save()

    _code(code, "OLD = False  # the scanner is now built otherwise\n")
    _fresh(monkeypatch, tmp_path / "cache")
    new = regexcache.compile_made("scanner-of-x", 0, lambda: ("new", _parsed("new")))
    assert new.pattern == "new"


def test_the_folders_of_older_code_are_deleted_but_the_newest_few(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    code = _code(tmp_path / "code", "")
    monkeypatch.setattr(regexcache, "CODE_FOLDERS", (code,))
    made = []
    for version in range(regexcache.KEEP_FOLDERS + 2):
        _code(code, f"VERSION = {version}\n")
        _fresh(monkeypatch, tmp_path / "cache")
        regexcache.compile(rf"advert\w+ {version}")
        regexcache._save()
        folder = regexcache.cache_folder()
        assert folder is not None
        os.utime(folder, (version, version))  # older code, older folder
        made.append(folder)
    unrelated = tmp_path / "cache" / "notes.txt"
    unrelated.write_text("not ours")
    kept = sorted((tmp_path / "cache").iterdir())
    assert kept == sorted([*made[-regexcache.KEEP_FOLDERS :], unrelated])
