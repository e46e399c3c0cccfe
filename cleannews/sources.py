"""Where text comes from and where it goes: stdin, files, folders; safe writes.

Text is decoded as UTF-8 with ``surrogateescape``, so bytes that are not valid
UTF-8 survive a round trip unchanged; a UTF-8 byte-order mark is set aside
before cleaning and put back on writing, so no stage can remove it.
"""

from __future__ import annotations

import contextlib
import errno
import fnmatch
import os
import stat
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

STDIN = "-"
BOM = "\ufeff"
DEFAULT_INCLUDE = ("*.txt",)
# Folders that are never walked: version control, environments, caches.
SKIPPED_DIRS = frozenset(
    {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox", ".mypy_cache"}
)


class InputError(Exception):
    """An input that cannot be read; the message names it and says why."""


class OutputError(Exception):
    """Standard output cannot be written (a full disk, a closed stream): the run stops."""


class Stdout:
    """Standard output for data; a failure to write it is an :class:`OutputError`.

    Without this, a full disk under ``cleannews news/ > clean.txt`` failed every
    file in turn as an internal error. A reader that went away (BrokenPipeError)
    is not an error and goes on up as it is.
    """

    def __init__(self, stream: BinaryIO | None) -> None:
        self.stream = stream  # None: the process was started with stdout closed

    def write(self, data: bytes) -> int:
        if self.stream is None:
            raise OutputError("standard output is closed")
        with writing_stdout():
            return self.stream.write(data)

    def flush(self) -> None:
        if self.stream is None:
            return  # nothing was written, or writing said so already
        with writing_stdout():
            self.stream.flush()


@contextlib.contextmanager
def writing_stdout() -> Iterator[None]:
    """Around writes to standard output only: a failure is an :class:`OutputError`.

    A reader that went away (BrokenPipeError) goes on up as it is.
    """
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as error:
        reason = (error.strerror or str(error)).lower()
        raise OutputError(f"standard output: cannot write: {reason}") from None


@dataclass(frozen=True)
class Source:
    """One input: a file (with where it was found) or standard input."""

    path: str
    # The path relative to the folder argument it was found under, or its name.
    relative: str
    # Found by walking a folder rather than named on the command line: such a
    # file is skipped quietly when it turns out to be binary.
    in_folder: bool = False

    @property
    def is_stdin(self) -> bool:
        return self.path == STDIN

    @property
    def display(self) -> str:
        return "<stdin>" if self.is_stdin else self.path


@dataclass(frozen=True)
class Text:
    """Decoded input: the text to clean and the byte-order mark set aside."""

    body: str
    bom: str = ""

    def encode(self, body: str | None = None) -> bytes:
        return encode(self.bom + (self.body if body is None else body))


def decode(data: bytes) -> Text:
    text = data.decode("utf-8", "surrogateescape")
    if text.startswith(BOM):
        return Text(text[1:], BOM)
    return Text(text)


def encode(text: str) -> bytes:
    return text.encode("utf-8", "surrogateescape")


def _matches(relative: str, patterns: Iterable[str]) -> bool:
    name = relative.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatch(name, p) or fnmatch.fnmatch(relative, p) for p in patterns)


def discover(
    paths: Sequence[str],
    include: Sequence[str] = DEFAULT_INCLUDE,
    exclude: Sequence[str] = (),
    skip_dirs: Sequence[str] = (),
) -> Iterator[Source | InputError]:
    """Every input named by ``paths``, in a stable order; errors in place of unreadable ones.

    Files named directly are always taken (unless excluded); folders are walked
    for files matching ``include`` and not ``exclude`` (a sub-folder that matches
    ``exclude`` is not walked). ``skip_dirs`` are real
    paths never walked into (the output folder, so a run never cleans its own
    output).
    """
    skipped = {os.path.realpath(d) for d in skip_dirs}
    for path in paths or [STDIN]:
        if path == STDIN:
            yield Source(STDIN, "stdin")
        elif os.path.isdir(path):
            yield from _walk(path, include, exclude, skipped)
        elif os.path.exists(path):
            if not _matches(Path(path).name, exclude):
                yield Source(path, Path(path).name)
        elif os.path.islink(path):
            yield InputError(f"{path}: broken symbolic link")
        else:
            yield InputError(f"{path}: no such file or folder")


def _walk(
    root: str, include: Sequence[str], exclude: Sequence[str], skipped: set[str]
) -> Iterator[Source | InputError]:
    found: list[tuple[str, str]] = []
    errors: list[InputError] = []

    def on_error(error: OSError) -> None:
        reason = (error.strerror or str(error)).lower()
        errors.append(InputError(f"{error.filename}: {reason}"))

    for folder, dirs, files in os.walk(root, onerror=on_error, followlinks=False):
        dirs[:] = sorted(
            d
            for d in dirs
            if d not in SKIPPED_DIRS
            and os.path.realpath(os.path.join(folder, d)) not in skipped
            # `--exclude drafts` leaves out the folder, not just files named "drafts"
            and not _matches(
                os.path.relpath(os.path.join(folder, d), root).replace(os.sep, "/"), exclude
            )
        )
        for name in files:
            full = os.path.join(folder, name)
            relative = os.path.relpath(full, root).replace(os.sep, "/")
            if _matches(relative, include) and not _matches(relative, exclude):
                if _is_special(full):
                    continue  # a FIFO or device named *.txt would hang or never end
                found.append((relative, full))
    yield from errors
    for relative, full in sorted(found):
        yield Source(full, relative, in_folder=True)


def _is_special(path: str) -> bool:
    """A FIFO, socket or device: it exists but is not a regular file."""
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False  # a broken link or a vanished file: reading it reports the error


# How far into a file to look for a NUL byte, like git and grep.
BINARY_SNIFF_BYTES = 8192


class BinaryInput(Exception):
    """An input that holds a NUL byte near its start: not text, so it is left alone."""


def is_binary(data: bytes) -> bool:
    """True for data with a NUL byte in its first 8 KiB: no text file has one."""
    return b"\0" in data[:BINARY_SNIFF_BYTES]


def refuse_binary(source: Source, head: bytes) -> None:
    """Raise :class:`BinaryInput` if ``head``, the start of ``source``, is not text."""
    if is_binary(head):
        raise BinaryInput(f"{source.display}: binary file (a NUL byte in the first 8 KiB)")


def read(source: Source) -> Text:
    """The decoded content of a source.

    Raises :class:`InputError` if it cannot be read, :class:`BinaryInput` if it
    is not text.
    """
    try:
        if source.is_stdin:
            if sys.stdin is None:  # started with stdin closed (`cleannews <&-`)
                raise InputError(f"{source.display}: standard input is closed")
            data = sys.stdin.buffer.read()
        else:
            with open(source.path, "rb") as handle:
                data = handle.read()
    except IsADirectoryError:
        raise InputError(f"{source.display}: is a folder") from None
    except OSError as error:
        reason = (error.strerror or str(error)).lower()
        raise InputError(f"{source.display}: {reason}") from None
    refuse_binary(source, data)
    return decode(data)


def write_atomic(path: str, data: bytes) -> bool:
    """Replace ``path`` with ``data`` so a reader sees the old file or the new one, never half.

    Returns False, and writes nothing, when the file already holds exactly
    ``data`` (so its mtime stays). Otherwise writes a temporary file in the same
    folder, flushes and fsyncs it, gives it the mode (and, where allowed, the
    owner) of the file it replaces, renames it over the target and fsyncs the
    folder so the rename itself survives a crash. A symbolic link is followed:
    its target is replaced and the link stays a link. A hard-linked file gets a
    new inode; its other names keep the old content.
    """
    target = os.path.realpath(path)
    folder = os.path.dirname(target) or "."
    try:
        old: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        old = None
    if old is not None and not stat.S_ISREG(old.st_mode):
        # Renaming over a folder, FIFO or device would replace it with a plain file.
        raise OSError(errno.EINVAL, "not a regular file", path)
    if old is not None and old.st_size == len(data) and _holds(target, data):
        return False
    os.makedirs(folder, exist_ok=True)
    import tempfile  # here: it pulls in random and shutil, and only writes need it

    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".cleannews-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        take_over(temporary, old)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    _fsync_folder(folder)
    return True


def take_over(temporary: str, old: os.stat_result | None) -> None:
    """Give ``temporary``, about to replace a file whose stat is ``old``, that file's mode
    and (where allowed) owner; or, replacing nothing, the mode a new file gets."""
    if old is not None:
        with contextlib.suppress(OSError):  # only root may give a file away
            os.chown(temporary, old.st_uid, old.st_gid)
        os.chmod(temporary, old.st_mode & 0o7777)
    else:
        os.chmod(temporary, 0o666 & ~_umask())


def _holds(path: str, data: bytes) -> bool:
    """Whether the file at ``path`` holds exactly ``data``."""
    try:
        with open(path, "rb") as handle:
            return handle.read(len(data) + 1) == data
    except OSError:
        return False


def _umask() -> int:
    # The only way to read the umask is to set it; set it straight back.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _fsync_folder(folder: str) -> None:
    """Make a rename in ``folder`` durable; a no-op where folders cannot be opened."""
    try:
        descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(descriptor)
    finally:
        os.close(descriptor)
