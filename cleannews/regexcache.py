"""Compiled regular expressions kept between runs, so a short run does not pay to compile them.

The stages' patterns are large alternations of residue words in many
languages. Python parses and compiles a pattern in Python code, which for
cleannews's patterns costs more than cleaning a short article does: it made
``cleannews < 2KB.txt`` take several times as long as ``import click``.

:func:`compile` is ``re.compile``, and it also keeps the compiled program (a
list of integers for the C regex engine) in a small file of its own in the
user's cache folder; a later run reads the files of the patterns it uses and
hands the programs straight to the engine. The folder is per Python version
and regex engine version, and each file holds the pattern's source and flags,
so a program is only ever reused for the very pattern it was compiled from.
Anything unexpected (no cache folder, a damaged or foreign file, a Python
whose regex internals differ) falls back to ``re.compile``: the cache can
make a run faster, never different.

The folder is ``$CLEANNEWS_CACHE_DIR``, else ``$XDG_CACHE_HOME/cleannews``,
else ``~/.cache/cleannews``; ``CLEANNEWS_CACHE_DIR=""`` turns the cache off.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]
import atexit
import contextlib
import marshal
import os
import re
import sys
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cleannews._version import __version__

try:  # the steps of re.compile, to keep what they make (Python 3.11+)
    from re import _compiler as _compile  # type: ignore[attr-defined]
    from re import _parser as _parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_compile as _compile
    import sre_parse as _parse

# One entry: (source, final flags, program, group count, group names, names by index).
Entry = tuple[str, int, list[int], int, dict[str, int], tuple[str | None, ...]]
# A file this big is not one of ours (a scanner's program is about 100 kB).
_LARGEST_FILE = 4 * 1024 * 1024

# The folders of cleannews's own code. compile_made keys a program by what it
# is built from, so a program is kept per state of the code that builds it:
# an upgrade or an edited checkout gets a cache folder of its own.
CODE_FOLDERS = (Path(__file__).parent, Path(__file__).parent / "stages")
# Cache folders of other states of the code kept beside this one's (another
# worktree, a second install); older ones are deleted.
KEEP_FOLDERS = 4

_stamps: dict[tuple[Path, ...], str] = {}
_memory: dict[tuple[str, int], re.Pattern[str]] = {}
_new: dict[tuple[str, int], Entry] = {}


def compile(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, compiled at most once per machine and Python."""
    return compile_made(pattern, flags, lambda: (pattern, _parse.parse(pattern, int(flags))))


def compile_made(
    key: str, flags: int | re.RegexFlag, make: Callable[[], tuple[str, Any]]
) -> re.Pattern[str]:
    """A pattern that ``make()`` builds, compiled at most once per machine and Python.

    ``make()`` returns the pattern's source and the source parsed (by
    ``re``'s parser, with ``flags``); ``key`` must name that source exactly
    (the source itself, or what it is built from). For callers that build a
    pattern from parts and parse it anyway: on a hit, neither happens.
    """
    flags = int(flags)
    cache_key = (key, flags)
    compiled = _memory.get(cache_key)
    if compiled is not None:
        return compiled
    folder = cache_folder()
    entry = _read(folder, cache_key) if folder is not None else None
    compiled = _from_entry(entry) if entry is not None else None
    if compiled is None:
        source, parsed = make()
        if parsed is None or folder is None:
            compiled = re.compile(source, flags)
        else:
            entry = _entry(source, flags, parsed)
            compiled = _from_entry(entry) or re.compile(source, flags)
            _remember(cache_key, entry)
    _memory[cache_key] = compiled
    return compiled


def _entry(pattern: str, flags: int, parsed: Any) -> Entry:
    """What ``re.compile`` makes of a parsed pattern, before it goes to the engine."""
    code = _compile._code(parsed, flags)
    state = parsed.state
    names: list[str | None] = [None] * state.groups
    for name, index in state.groupdict.items():
        names[index] = name
    return (
        pattern,
        # A plain int: a caller's parse made with a RegexFlag records one, which
        # marshal refuses, and the program would silently never be kept.
        int(flags | state.flags),
        list(map(int, code)),  # opcodes are int subclasses marshal does not take
        state.groups - 1,
        dict(state.groupdict),
        tuple(names),
    )


def _from_entry(entry: Entry) -> re.Pattern[str] | None:
    try:
        compiled: re.Pattern[str] = _sre.compile(*entry)
    except Exception:  # a program this engine does not take: compile afresh
        return None
    return compiled


def _remember(key: tuple[str, int], entry: Entry) -> None:
    if not _new:
        atexit.register(_save)
    _new[key] = entry


def cache_folder() -> Path | None:
    """The folder of this Python's entries, or None when the cache is off."""
    folder = os.environ.get("CLEANNEWS_CACHE_DIR")
    if folder is None:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        folder = os.path.join(base, "cleannews")
    if not folder:
        return None
    return Path(folder) / f"{_python_prefix()}-{__version__}-{_code_stamp()}"


def _python_prefix() -> str:
    """The start of the names of this Python's cache folders."""
    return f"regex-{sys.implementation.cache_tag}-{getattr(_sre, 'MAGIC', 0)}"


def _code_stamp() -> str:
    """A checksum of the names, sizes and times of cleannews's modules (a few stat calls)."""
    stamp = _stamps.get(CODE_FOLDERS)
    if stamp is None:
        seen = []
        for folder in CODE_FOLDERS:
            try:
                with os.scandir(folder) as entries:
                    for entry in entries:
                        if entry.name.endswith(".py"):
                            info = entry.stat()
                            seen.append((entry.name, info.st_size, info.st_mtime_ns))
            except OSError:
                continue
        stamp = _stamps[CODE_FOLDERS] = f"{zlib.crc32(repr(sorted(seen)).encode()):08x}"
    return stamp


def _prune(folder: Path) -> None:
    """Delete this Python's cache folders of older code, but the newest :data:`KEEP_FOLDERS`."""
    import shutil

    prefix = _python_prefix()
    others = []
    for sibling in folder.parent.iterdir():
        # regex-TAG-MAGIC-VERSION-STAMP, or regex-TAG-MAGIC as older versions named it.
        if sibling != folder and (sibling.name == prefix or sibling.name.startswith(prefix + "-")):
            with contextlib.suppress(OSError):
                others.append((sibling.stat().st_mtime, sibling))
    others.sort(reverse=True)
    for _, old in others[KEEP_FOLDERS - 1 :]:
        shutil.rmtree(old, ignore_errors=True)


def _file_name(key: tuple[str, int]) -> str:
    # One small file a pattern: a run reads only the programs it uses. Two keys
    # with one name only cost a compile: the file says whose it is (see _read).
    data = repr(key).encode("utf-8", "surrogatepass")
    return f"{zlib.crc32(data):08x}-{len(data):x}.marshal"


def _read(folder: Path, key: tuple[str, int]) -> Entry | None:
    """The stored entry of ``key``, or None (none, damaged, or another key's)."""
    path = folder / _file_name(key)
    try:
        if path.stat().st_size > _LARGEST_FILE:
            return None
        stored_key, entry = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    # The file holds its key: a file for another pattern is never taken.
    return entry if stored_key == key and isinstance(entry, tuple) else None


def _save() -> None:
    """Write this run's new programs, a file each (written whole, then renamed)."""
    folder = cache_folder()
    if folder is None or not _new:
        return
    import tempfile  # only a run that compiled something new gets here

    try:
        created = not folder.is_dir()
        folder.mkdir(parents=True, exist_ok=True)
        if created:
            _prune(folder)
        for key, entry in _new.items():
            handle, temporary = tempfile.mkstemp(dir=folder, prefix=".regex-", suffix=".tmp")
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(marshal.dumps((key, entry)))
                os.replace(temporary, folder / _file_name(key))
            except BaseException:
                os.unlink(temporary)
                raise
    except (OSError, ValueError):
        pass  # a cache that cannot be written only costs the next run time
    _new.clear()
