"""The personal template layer: the only folder the app writes templates to.

Every change keeps what it replaces: a save moves the previous version into
`<personal>/.history/<id>/`, and revert or delete moves the file itself there, so each one
can be undone. A save also refuses to overwrite a file that changed on disk since it was
read (another window, a text editor, a sync client) unless the caller forces it.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from dataclasses import dataclass
from pathlib import Path

from app.data.atomic import (
    TEMP_SUFFIX,
    FileState,
    atomic_write,
    folder_lock,
    fsync_dir,
    read_with_state,
)
from app.errors import ComposerError
from app.library.template_file import ID_PATTERN, SUFFIX, editable_text

HISTORY_DIR = ".history"
KEEP_VERSIONS = 20
STALE_TEMP_SECONDS = 3600
VERSION_FORMAT = "%Y%m%d-%H%M%S-%f"


class StoreError(ComposerError):
    """A template the store can't write, e.g. a bad id or one that already exists."""


class ExternalChangeError(StoreError):
    """The file changed on disk since it was read; saving would lose someone's edit."""

    def __init__(self, template_id: str, path: Path) -> None:
        self.template_id = template_id
        self.path = path
        super().__init__(f"{path}: changed on disk since it was opened")


def check_id(template_id: str) -> str:
    """Ids become file names: lower-case letters, digits and dashes (a leading `_` for pieces)."""
    if not ID_PATTERN.fullmatch(template_id):
        raise StoreError(f"{template_id[:80]!r} is not a template id (use a-z, 0-9 and '-')")
    return template_id


@dataclass(frozen=True)
class Version:
    """A previous version of a template, kept in the history folder."""

    template_id: str
    path: Path
    saved_at: dt.datetime  # when it was replaced (UTC)
    size: int


@dataclass(frozen=True)
class Removed:
    """A reverted or deleted file, and where it went (for undo)."""

    template_id: str
    version: Version


class PersonalStore:
    def __init__(self, folder: Path, keep: int = KEEP_VERSIONS) -> None:
        self.folder = folder
        self.keep = keep

    def path(self, template_id: str) -> Path:
        return self.folder / (check_id(template_id) + SUFFIX)

    def ids(self) -> list[str]:
        if not self.folder.is_dir():
            return []
        return sorted(p.stem for p in self.folder.glob("*" + SUFFIX)
                      if p.is_file() and ID_PATTERN.fullmatch(p.stem))

    def read(self, template_id: str) -> tuple[str, FileState] | None:
        found = read_with_state(self.path(template_id))
        if found is None:
            return None
        data, state = found
        return editable_text(data, str(self.path(template_id)))[0], state

    def state(self, template_id: str) -> FileState | None:
        found = read_with_state(self.path(template_id))
        return found[1] if found else None

    def save(self, template_id: str, text: str, expected: FileState | None,
             force: bool = False) -> FileState:
        """Write `text`; `expected` is the file's state when it was read (None: absent)."""
        path = self.path(template_id)
        with folder_lock(self.folder):
            current = read_with_state(path)
            if not force and (current[1] if current else None) != expected:
                raise ExternalChangeError(template_id, path)
            data = text.encode("utf-8")
            if current is not None:
                if current[0] == data:
                    return current[1]
                self._keep(template_id, current[0])
            state = atomic_write(path, data)
        self._prune(template_id)
        return state

    def create(self, template_id: str, text: str) -> FileState:
        """A new personal file; refuses an id that already has one."""
        if self.path(template_id).exists():
            raise StoreError(f"{template_id!r} already exists in {self.folder}")
        return self.save(template_id, text, expected=None)

    def remove(self, template_id: str, expected: FileState | None,
               force: bool = False) -> Removed:
        """Revert to default or delete: move the file into history (undo puts it back)."""
        path = self.path(template_id)
        current = read_with_state(path)
        if current is None:
            raise StoreError(f"{template_id!r} has no personal version to remove")
        if not force and current[1] != expected:
            raise ExternalChangeError(template_id, path)
        target = self._version_path(template_id)
        os.replace(path, target)
        fsync_dir(self.folder)
        return Removed(template_id, self._version(template_id, target))

    def undo_remove(self, removed: Removed) -> FileState:
        if self.path(removed.template_id).exists():
            raise StoreError(f"{removed.template_id!r} exists again; not replacing it")
        return self.save(removed.template_id, self.read_version(removed.version), None)

    def history(self, template_id: str) -> list[Version]:
        """Previous versions, newest first."""
        folder = self.folder / HISTORY_DIR / check_id(template_id)
        if not folder.is_dir():
            return []
        versions = []
        for path in folder.glob("*" + SUFFIX):
            try:
                versions.append(self._version(template_id, path))
            except ValueError:
                continue  # not a name this store wrote
        return sorted(versions, key=lambda v: v.path.name, reverse=True)

    def read_version(self, version: Version) -> str:
        return version.path.read_bytes().decode("utf-8", errors="replace")

    def restore(self, version: Version, expected: FileState | None,
                force: bool = False) -> FileState:
        return self.save(version.template_id, self.read_version(version), expected, force)

    def clean_temp_files(self, max_age: float = STALE_TEMP_SECONDS) -> None:
        """Remove temporary files a killed save left behind (old ones only: another window
        may be saving right now)."""
        if not self.folder.is_dir():
            return
        cutoff = time.time() - max_age
        history = self.folder / HISTORY_DIR
        temps = [*self.folder.glob(".*" + TEMP_SUFFIX), *history.glob("*/.*" + TEMP_SUFFIX)]
        for temp in temps:
            try:
                if temp.stat().st_mtime < cutoff:
                    temp.unlink()
            except OSError:
                continue

    def _keep(self, template_id: str, data: bytes) -> None:
        atomic_write(self._version_path(template_id), data)

    def _version_path(self, template_id: str) -> Path:
        folder = self.folder / HISTORY_DIR / template_id
        folder.mkdir(parents=True, exist_ok=True)
        when = dt.datetime.now(dt.timezone.utc)
        while True:
            path = folder / (when.strftime(VERSION_FORMAT) + SUFFIX)
            if not path.exists():
                return path
            when += dt.timedelta(microseconds=1)

    def _version(self, template_id: str, path: Path) -> Version:
        saved_at = dt.datetime.strptime(path.stem, VERSION_FORMAT).replace(tzinfo=dt.timezone.utc)
        return Version(template_id, path, saved_at, path.stat().st_size)

    def _prune(self, template_id: str) -> None:
        for version in self.history(template_id)[self.keep:]:
            version.path.unlink(missing_ok=True)
