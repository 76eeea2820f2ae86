"""Crash-safe file writes, and the fingerprint that tells a file was changed by someone else.

A save writes a temporary file in the same folder, flushes and fsyncs it, then renames it
over the old file: a kill at any moment leaves either the old file or the new one.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

TEMP_SUFFIX = ".tmp"
NEW_FILE_MODE = 0o644


@dataclass(frozen=True)
class FileState:
    """A file as it was read. Equal states mean equal content; mtime is kept for display."""

    size: int
    sha256: str
    mtime_ns: int = field(default=0, compare=False)

    def to_json(self) -> dict[str, object]:
        return {"size": self.size, "sha256": self.sha256, "mtime_ns": self.mtime_ns}

    @classmethod
    def from_json(cls, data: object) -> FileState | None:
        if not isinstance(data, dict):
            return None
        try:
            return cls(int(data["size"]), str(data["sha256"]), int(data.get("mtime_ns", 0)))
        except (KeyError, TypeError, ValueError):
            return None


def state_of(data: bytes, mtime_ns: int = 0) -> FileState:
    return FileState(len(data), hashlib.sha256(data).hexdigest(), mtime_ns)


def read_with_state(path: Path) -> tuple[bytes, FileState] | None:
    """The file's bytes and state, or None when there is no such file."""
    try:
        data = path.read_bytes()
        mtime_ns = path.stat().st_mtime_ns
    except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
        return None
    return data, state_of(data, mtime_ns)


def file_state(path: Path) -> FileState | None:
    found = read_with_state(path)
    return found[1] if found else None


def atomic_write(path: Path, data: bytes) -> FileState:
    """Replace `path` with `data` so that a crash never leaves a torn or empty file."""
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    try:
        old = path.stat()
    except FileNotFoundError:
        old = None
    fd, name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=TEMP_SUFFIX)
    temp = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, old.st_mode & 0o777 if old else NEW_FILE_MODE)
        if old is not None:
            _newer_than(temp, old.st_mtime_ns)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    fsync_dir(folder)
    return state_of(data, path.stat().st_mtime_ns)


def _newer_than(path: Path, mtime_ns: int) -> None:
    # The template library re-reads a file when its (mtime, size) changes. File-system clocks
    # can be coarse (a few ms), so two quick saves of the same size could look unchanged.
    stat = path.stat()
    if stat.st_mtime_ns <= mtime_ns:
        os.utime(path, ns=(stat.st_atime_ns, mtime_ns + 1))


def fsync_dir(folder: Path) -> None:
    """Make a rename in `folder` durable. Windows can't open folders; it doesn't need this."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems refuse fsync on a directory; the rename itself is atomic
    finally:
        os.close(fd)


@contextlib.contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """Hold the folder's lock file while reading, checking and replacing a file in it: two
    saves at the same moment (two windows, two processes) then happen one after the other, and
    the second sees the first's file (so nothing is replaced without being kept)."""
    folder.mkdir(parents=True, exist_ok=True)
    fd = os.open(folder / ".lock", os.O_RDWR | os.O_CREAT, NEW_FILE_MODE)
    try:
        _lock(fd)
        yield
    finally:
        os.close(fd)  # closing releases the lock on every system


def _lock(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        msvcrt.locking(fd, msvcrt.LK_LOCK, 1)  # retries for ~10 s, then raises OSError
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX)
