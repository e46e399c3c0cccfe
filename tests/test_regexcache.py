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
    monkeypatch.setattr(regexcache, "_stored", None)
    monkeypatch.setattr(regexcache, "_new", {})


def _matches(pattern: re.Pattern[str]) -> list[tuple[str | None, str | None]]:
    found = [pattern.search(line) for line in LINES]
    return [(m.lastgroup, m.group()) if m else (None, None) for m in found]


def test_a_pattern_from_the_cache_is_the_one_re_compiles(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _fresh(monkeypatch, tmp_path)
    first = regexcache.compile(PATTERN, re.IGNORECASE | re.MULTILINE)
    regexcache._save()
    assert list(tmp_path.iterdir())
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
    (cache_file,) = tmp_path.iterdir()
    cache_file.write_bytes(b"\x00not marshal data at all")
    _fresh(monkeypatch, tmp_path)
    compiled = regexcache.compile(PATTERN, re.IGNORECASE)
    assert _matches(compiled) == _matches(re.compile(PATTERN, re.IGNORECASE))
    regexcache._save()
    _fresh(monkeypatch, tmp_path)
    assert (PATTERN, int(re.IGNORECASE)) in regexcache._stored_entries()


def test_an_entry_the_engine_refuses_is_compiled_afresh(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _fresh(monkeypatch, tmp_path)
    key = (PATTERN, 0)
    monkeypatch.setattr(regexcache, "_stored", {key: (PATTERN, 0, [999, 1, 2], 0, {}, ())})
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


def test_runs_share_one_file_and_keep_each_others_patterns(tmp_path: Path) -> None:
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
    (cache_file,) = tmp_path.iterdir()
    stored = regexcache._read(cache_file)
    # Both runs' patterns are there (with those cleannews compiles on import).
    assert {"advert\\w+", "\\d+ min read"} <= {key[0] for key in stored}
