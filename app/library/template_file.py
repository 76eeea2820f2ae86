"""One reply template file: its header (titles, category), English body and Chinese gloss.

A template file is a YAML header between `---` lines, the English reply, a line
`=== gloss ===`, then the Chinese gloss. Partials (shared greeting, sign-off) are files
whose name starts with `_`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import yaml

from app.catalog.labels import Label
from app.data.yaml_lines import LineDict, parse_yaml

if TYPE_CHECKING:
    from app.library.layers import Layer
from app.errors import SourceError

SUFFIX = ".j2"
GLOSS_MARK = "=== gloss ==="


class TemplateFile(NamedTuple):
    id: str
    path: Path
    layer: Layer
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


def parse_template(path: Path, text: str, layer: Layer,
                   stamp: tuple[int, int] | None = None) -> TemplateFile:
    """The parts of a template file; `stamp` is its (mtime_ns, size) if the caller knows it
    (else it is read from the file, or (0, 0) for a text that has no file)."""
    where = str(path)
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        raise SourceError(where, 1, "a template starts with a '---' header line",
                          "模板第一行应是 '---'（文件头开始）")
    try:
        header_end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        raise SourceError(where, 1, "the header has no closing '---' line",
                          "文件头缺少结束的 '---' 行") from None
    header_lines = lines[1:header_end]
    header = _simple_header(header_lines)
    if header is None:
        header = parse_yaml("\n".join(header_lines), where, first_line=2) or LineDict()
    if not isinstance(header, dict):
        raise SourceError(where, 2, "the header must be YAML keys (title, category)",
                          "文件头应为 YAML 键（title、category）")
    title = header.get("title") or {}
    if not isinstance(title, dict) or not title.get("en") or not title.get("zh"):
        raise SourceError(where, 2, "the header needs title: {en: ..., zh: ...}",
                          "文件头需要 title: {en: ..., zh: ...}")
    marks = [i for i in range(header_end + 1, len(lines)) if lines[i].strip() == GLOSS_MARK]
    if len(marks) != 1:
        raise SourceError(where, header_end + 1,
                          f"expected one '{GLOSS_MARK}' line before the Chinese gloss",
                          f"中文释义前应有且只有一行 '{GLOSS_MARK}'")
    mark = marks[0]
    if stamp is None:
        stat = path.stat() if path.exists() else None
        stamp = (stat.st_mtime_ns, stat.st_size) if stat else (0, 0)
    return TemplateFile(
        id=path.stem, path=path, layer=layer,
        title=Label(str(title["en"]), str(title["zh"])),
        category=str(header.get("category", "")),
        body="\n".join(lines[header_end + 1:mark]), body_line=header_end + 2,
        gloss="\n".join(lines[mark + 1:]), gloss_line=mark + 2,
        stamp=stamp,
    )


# The header every template has — `title: {en: "…", zh: "…"}` and `category: …` — read
# without the YAML machinery, which costs ~10x more per file (5,000-file libraries). Only
# lines whose YAML meaning is certain match: quoted strings without escapes, plain words
# that YAML resolves to strings; anything else (comments, block style, escapes, other keys,
# repeats, unusual characters) goes to the YAML parser, so the result is the same.
_SCALAR = ("(?:"
           r""""(?P<{0}dq>[^"\\]*)"|'(?P<{0}sq>[^']*)'"""  # quoted, without escapes
           r"""|(?P<{0}pl>[^\s\-?:,\[\]{{}}#&*!|>'"%@`\\][^\t,\[\]{{}}#:"'\\]*?)"""  # plain
           ")")
_TITLE_LINE = re.compile(r"title: +\{ *en: +" + _SCALAR.format("en") + r" *, *zh: +"
                         + _SCALAR.format("zh") + r" *\} *")
_CATEGORY_LINE = re.compile(r"category: +" + _SCALAR.format("c") + " *")
_STR_TAG = "tag:yaml.org,2002:str"
_RESOLVER = yaml.resolver.Resolver()


def _simple_header(lines: list[str]) -> dict[str, object] | None:
    """The header as YAML would read it, or None to let YAML read it."""
    header: dict[str, object] = {}
    for line in lines:
        title = _TITLE_LINE.fullmatch(line)
        if title and "title" not in header:
            en, zh = _scalar(title, "en"), _scalar(title, "zh")
            if en is None or zh is None:
                return None
            header["title"] = {"en": en, "zh": zh}
            continue
        category = _CATEGORY_LINE.fullmatch(line)
        if category and "category" not in header:
            value = _scalar(category, "c")
            if value is None:
                return None
            header["category"] = value
            continue
        return None
    # Python's printable characters are all printable for YAML too (tabs, controls, BOMs,
    # no-break spaces… are not, for Python: YAML decides about those).
    if not header or not "".join(lines).isprintable():
        return None
    return header


def _scalar(match: re.Match[str], name: str) -> str | None:
    for style in ("dq", "sq"):
        value = match.group(name + style)
        if value is not None:
            return value
    plain = match.group(name + "pl")
    if plain is None:
        return None
    tag = _RESOLVER.resolve(yaml.ScalarNode, plain, (True, False))  # type: ignore[no-untyped-call]
    return plain if tag == _STR_TAG else None  # `yes`, `12`, `null`… are not strings in YAML
