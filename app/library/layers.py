"""The layered template library: personal > team > bundled. A higher layer overrides the
same template id below it."""

from __future__ import annotations

import os
import stat as stat_mode
from collections.abc import Sequence
from enum import Enum
from pathlib import Path

from app.errors import SourceError
from app.library.template_file import (
    ID_PATTERN,
    MAX_TEMPLATE_BYTES,
    SUFFIX,
    TemplateFile,
    decode_template,
    parse_template,
)


class Layer(str, Enum):
    """Where a template comes from, highest first. The values are the words the window and
    messages show."""

    UNSAVED = "unsaved"  # the text being edited in the Templates tab, not yet saved
    PERSONAL = "personal"  # the user's own folder (or --library DIR): the only one written to
    TEAM = "team"  # a shared folder the team lead keeps (read-only here)
    BUNDLED = "bundled"  # shipped with the app


BUNDLED = Layer.BUNDLED


class TemplateLibrary:
    """Template files from several folders; a higher layer overrides the same id below it.

    Files are read lazily and re-read only when their (mtime, size) changes.
    """

    def __init__(self, layers: Sequence[tuple[Layer, Path]]) -> None:
        self.layers = list(layers)  # highest first
        self._cache: dict[Path, TemplateFile] = {}

    def ids(self) -> list[str]:
        """Every template id in the layers (files whose names are no id are `refused`)."""
        found: dict[str, None] = {}
        for entry in self._files():
            template_id = entry.name[: -len(SUFFIX)]
            if ID_PATTERN.fullmatch(template_id):
                found[template_id] = None
        return sorted(found)

    def refused(self) -> list[SourceError]:
        """`.j2` files whose names are no template id ("my template.j2"): refused, with why."""
        return [SourceError(entry.path, None,
                            "not a template name: use a-z, 0-9 and '-' (rename the file)",
                            "文件名不是模板名：只能用 a-z、0-9 和 '-'（请改名）")
                for entry in self._files()
                if not ID_PATTERN.fullmatch(entry.name[: -len(SUFFIX)])]

    def _files(self) -> list[os.DirEntry[str]]:
        entries = []
        for _, folder in self.layers:
            try:
                with os.scandir(folder) as scan:
                    entries += [e for e in scan if e.name.endswith(SUFFIX) and e.is_file()]
            except OSError:
                continue  # a team folder on a drive that is away: its templates are not there
        return entries

    def path_of(self, template_id: str) -> tuple[Layer, Path] | None:
        found = self.locate(template_id)
        return (found[0], found[1]) if found else None

    def get(self, template_id: str) -> TemplateFile:
        """The template's file in its highest layer; SourceError if absent or broken."""
        found = self.locate(template_id)
        if found is None:
            raise SourceError(f"{template_id}{SUFFIX}", None,
                              f"no template {template_id!r} in {self._describe()}")
        layer, path, stamp = found
        cached = self._cache.get(path)
        if cached and cached.stamp == stamp:
            return cached
        try:
            with open(path, "rb") as handle:  # bytes, then decode: no text-layer overhead
                data = handle.read(MAX_TEMPLATE_BYTES + 1)
        except OSError as exc:
            raise SourceError(str(path), None, f"cannot read: {exc.strerror}") from None
        parsed = parse_template(path, decode_template(data, str(path)), layer, stamp)
        self._cache[path] = parsed
        return parsed

    def locate(self, template_id: str) -> tuple[Layer, Path, tuple[int, int]] | None:
        """The layer and file that serve `template_id` now, with the file's (mtime_ns, size):
        one stat per layer looked at, highest first. Only ids are looked up: never a path."""
        if not ID_PATTERN.fullmatch(template_id):
            return None
        name = template_id + SUFFIX
        for layer, folder in self.layers:
            stamp = _file_stamp(os.path.join(folder, name))
            if stamp is not None:
                return layer, folder / name, stamp
        return None

    def state(self, template_id: str) -> tuple[str, tuple[int, int]] | None:
        """Like `locate`, without building a Path: (the file's path as text, its stamp).
        Cheap enough to ask before every render."""
        if not ID_PATTERN.fullmatch(template_id):
            return None
        name = template_id + SUFFIX
        for _, folder in self.layers:
            where = os.path.join(folder, name)
            stamp = _file_stamp(where)
            if stamp is not None:
                return where, stamp
        return None

    def _describe(self) -> str:
        return ", ".join(f"{name} ({folder})" for name, folder in self.layers)


def _file_stamp(where: str) -> tuple[int, int] | None:
    """(mtime_ns, size) of a regular file (symlinks followed); None if there is none."""
    try:
        info = os.stat(where)
    except (OSError, ValueError):
        return None
    return (info.st_mtime_ns, info.st_size) if stat_mode.S_ISREG(info.st_mode) else None
