"""One reply template file: its header (titles, category), the reply in each language, and
the Chinese gloss.

A template file is a YAML header between `---` lines, the English reply, then the same reply
in other languages, each after a line `=== es ===` (`pt`, `ru`, `fr`), then a line
`=== gloss ===` and the Chinese gloss. Partials (shared greeting, sign-off) are files whose
name starts with `_`. All languages of one reply live in one file, where a team lead edits
them together.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, NamedTuple

from app.catalog.labels import Label
from app.data.yaml_lines import LineDict, parse_yaml

if TYPE_CHECKING:
    from app.library.layers import Layer
from app.catalog.languages import REPLY_LANGUAGES
from app.errors import SourceError

EMPTY: Mapping[str, tuple[str, int]] = MappingProxyType({})
SUFFIX = ".j2"
# A template id is a file name: lower-case letters, digits and dashes (a leading `_` for the
# shared pieces). The same rule for the window, the CLI and `check`: other names are refused.
ID_PATTERN = re.compile(r"_?[a-z0-9][a-z0-9_-]{0,79}")
MAX_TEMPLATE_BYTES = 1_000_000  # a reply is a few kB; anything bigger is no template


def decode_template(data: bytes, where: str) -> str:
    """A template file's text: UTF-8, with or without the BOM Windows Notepad writes.
    Anything else is a SourceError that says what the file seems to be."""
    if len(data) > MAX_TEMPLATE_BYTES:
        raise SourceError(where, None, f"too large for a template ({len(data):,} bytes)",
                          f"文件过大，不是模板（{len(data):,} 字节）")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        guess = legacy_encoding(data)
        hint, hint_zh = (f"; it looks like {guess}: open it in the Templates tab to convert it",
                         f"；看起来是 {guess}：可在模板页转换") if guess else ("", "")
        raise SourceError(where, data.count(b"\n", 0, exc.start) + 1,
                          f"not UTF-8 text{hint}", f"不是 UTF-8 文本{hint_zh}") from None


def editable_text(data: bytes, where: str) -> tuple[str, str | None]:
    """A file's text for the editor, and the legacy encoding it was read from, if any. Never
    a replacement character: UTF-8 (a BOM is dropped), else GB18030 (a superset of GBK, what
    Chinese Windows writes; saving writes UTF-8), else a SourceError."""
    try:
        return data.decode("utf-8-sig").replace("\r\n", "\n"), None
    except UnicodeDecodeError:
        encoding = legacy_encoding(data)
    if encoding is None:
        raise SourceError(where, None, "not text in UTF-8 or GB18030/GBK",
                          "不是 UTF-8 或 GB18030/GBK 文本")
    return data.decode("gb18030").replace("\r\n", "\n"), encoding


def legacy_encoding(data: bytes) -> str | None:
    """"GB18030" when the bytes read as the Chinese Windows encoding (a superset of GBK)."""
    try:
        data.decode("gb18030")
    except UnicodeDecodeError:
        return None
    return "GB18030"
GLOSS_MARK = "=== gloss ==="
# REPLY_LANGUAGES: English first (the body before any mark), then the sections' order.
_SECTION = re.compile(r"===\s*(gloss|es|pt|ru|fr)\s*===")


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
    translations: Mapping[str, tuple[str, int]] = EMPTY  # language -> (text, first line)

    @property
    def is_partial(self) -> bool:
        return self.id.startswith("_")

    @property
    def languages(self) -> tuple[str, ...]:
        return ("en", *(lang for lang in REPLY_LANGUAGES if lang in self.translations))

    def has(self, part: str) -> bool:
        return part in ("body", "en", "gloss", "zh") or part in self.translations

    def padded(self, part: str) -> str:
        """A part ("body" or "en", "gloss" or "zh", "es" …), preceded by blank lines so
        Jinja's line numbers are the file's."""
        if part in ("gloss", "zh"):
            return "\n" * (self.gloss_line - 1) + self.gloss
        if part in self.translations:
            text, line = self.translations[part]
            return "\n" * (line - 1) + text
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
    sections = _sections(lines, header_end + 1, where)
    if stamp is None:
        stat = path.stat() if path.exists() else None
        stamp = (stat.st_mtime_ns, stat.st_size) if stat else (0, 0)
    (body, body_line), (gloss, gloss_line) = sections.pop("en"), sections.pop("gloss")
    return TemplateFile(
        id=path.stem, path=path, layer=layer,
        title=Label(str(title["en"]), str(title["zh"])),
        category=str(header.get("category", "")),
        body=body, body_line=body_line, gloss=gloss, gloss_line=gloss_line,
        stamp=stamp, translations=sections,
    )


def _sections(lines: list[str], start: int, where: str) -> dict[str, tuple[str, int]]:
    """The parts after the header: "en" (until the first mark), each `=== xx ===` section and
    the gloss, as (text, first line)."""
    marks = [(i, m.group(1)) for i in range(start, len(lines))
             if (m := _SECTION.fullmatch(lines[i].strip()))]
    names = [name for _, name in marks]
    if names.count("gloss") != 1:
        raise SourceError(where, start, f"expected one '{GLOSS_MARK}' line before the Chinese "
                          "gloss", f"中文释义前应有且只有一行 '{GLOSS_MARK}'")
    for (line, name) in marks:
        if names.count(name) > 1:
            raise SourceError(where, line + 1, f"'=== {name} ===' appears twice",
                              f"'=== {name} ===' 出现了两次")
    bounds = [(start, "en"), *((i + 1, name) for i, name in marks)]
    ends = [i for i, _ in marks] + [len(lines)]
    return {name: ("\n".join(lines[first:end]), first + 1)
            for (first, name), end in zip(bounds, ends, strict=True)}


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
# What PyYAML's implicit resolvers may read as other than text: plain scalars starting so
# (numbers, timestamps, .inf, ~, <<, =) and these words (YAML 1.1's booleans, null).
_MAYBE_NOT_TEXT_START = frozenset("-+0123456789.<~=")
_MAYBE_NOT_TEXT = frozenset(form for word in ("yes", "no", "true", "false", "on", "off", "null")
                            for form in (word, word.capitalize(), word.upper()))


@cache
def _resolver() -> tuple[Any, Any]:
    """PyYAML's scalar node type and resolver: imported on the first template read, not with
    this module (a window that reads the catalog from its cache reads no template first)."""
    import yaml

    return yaml.ScalarNode, yaml.resolver.Resolver()


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
    if plain[0] not in _MAYBE_NOT_TEXT_START and plain not in _MAYBE_NOT_TEXT:
        return plain  # no implicit resolver of PyYAML's takes it: text, without importing it
    node, resolver = _resolver()
    tag = resolver.resolve(node, plain, (True, False))
    return plain if tag == _STR_TAG else None  # `yes`, `12`, `null`… are not strings in YAML
