"""Reply template files and the layered library they live in (personal > team > bundled).

A template file is a YAML header between `---` lines, the English reply, a line
`=== gloss ===`, then the Chinese gloss. Partials (shared greeting, sign-off) are files
whose name starts with `_`.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from app.errors import SourceError
from app.fields import Label
from app.resources import LineDict, parse_yaml

SUFFIX = ".j2"
GLOSS_MARK = "=== gloss ==="
BUNDLED = "bundled"


@dataclass(frozen=True)
class TemplateFile:
    id: str
    path: Path
    layer: str
    title: Label
    category: str
    body: str
    body_line: int  # the file line the body starts on
    gloss: str
    gloss_line: int
    stamp: tuple[int, int]  # (mtime_ns, size) when read

    @property
    def is_partial(self) -> bool:
        return self.id.startswith("_")

    def padded(self, part: str) -> str:
        """The body or gloss, preceded by blank lines so Jinja's line numbers are the file's."""
        if part == "gloss":
            return "\n" * (self.gloss_line - 1) + self.gloss
        return "\n" * (self.body_line - 1) + self.body


def parse_template(path: Path, text: str, layer: str) -> TemplateFile:
    where = str(path)
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        raise SourceError(where, 1, "a template starts with a '---' header line")
    try:
        header_end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        raise SourceError(where, 1, "the header has no closing '---' line") from None
    header = parse_yaml("\n".join(lines[1:header_end]), where, first_line=2) or LineDict()
    if not isinstance(header, dict):
        raise SourceError(where, 2, "the header must be YAML keys (title, category)")
    title = header.get("title") or {}
    if not isinstance(title, dict) or not title.get("en") or not title.get("zh"):
        raise SourceError(where, 2, "the header needs title: {en: ..., zh: ...}")
    marks = [i for i in range(header_end + 1, len(lines)) if lines[i].strip() == GLOSS_MARK]
    if len(marks) != 1:
        raise SourceError(where, header_end + 1,
                          f"expected one '{GLOSS_MARK}' line before the Chinese gloss")
    mark = marks[0]
    stat = path.stat() if path.exists() else None
    return TemplateFile(
        id=path.stem, path=path, layer=layer,
        title=Label(str(title["en"]), str(title["zh"])),
        category=str(header.get("category", "")),
        body="\n".join(lines[header_end + 1:mark]), body_line=header_end + 2,
        gloss="\n".join(lines[mark + 1:]), gloss_line=mark + 2,
        stamp=(stat.st_mtime_ns, stat.st_size) if stat else (0, 0),
    )


class TemplateLibrary:
    """Template files from several folders; a higher layer overrides the same id below it.

    Files are read lazily and re-read only when their (mtime, size) changes.
    """

    def __init__(self, layers: Sequence[tuple[str, Path]]) -> None:
        self.layers = list(layers)  # highest first
        self._cache: dict[Path, TemplateFile] = {}

    def ids(self) -> list[str]:
        found: dict[str, None] = {}
        for _, folder in self.layers:
            if folder.is_dir():
                for entry in os.scandir(folder):
                    if entry.name.endswith(SUFFIX) and entry.is_file():
                        found[entry.name[: -len(SUFFIX)]] = None
        return sorted(found)

    def path_of(self, template_id: str) -> tuple[str, Path] | None:
        for layer, folder in self.layers:
            path = folder / (template_id + SUFFIX)
            if path.is_file():
                return layer, path
        return None

    def get(self, template_id: str) -> TemplateFile:
        """The template's file in its highest layer; SourceError if absent or broken."""
        found = self.path_of(template_id)
        if found is None:
            raise SourceError(f"{template_id}{SUFFIX}", None,
                              f"no template {template_id!r} in {self._describe()}")
        layer, path = found
        cached = self._cache.get(path)
        stat = path.stat()
        if cached and cached.stamp == (stat.st_mtime_ns, stat.st_size):
            return cached
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise SourceError(str(path), None, f"cannot read: {exc}") from None
        parsed = parse_template(path, text, layer)
        self._cache[path] = parsed
        return parsed

    def _describe(self) -> str:
        return ", ".join(f"{name} ({folder})" for name, folder in self.layers)
