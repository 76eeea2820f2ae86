"""A template file split into what the editor shows (titles, category, body, gloss) and
joined back into one file.

Splitting is lenient, so a broken file still opens: a missing header or gloss line is
added back on save. Joining keeps the header verbatim (comments, extra keys) unless the
title or category changed, so opening and saving an untouched file changes nothing.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from app.catalog.languages import REPLY_LANGUAGES
from app.data.yaml_lines import parse_yaml
from app.errors import SourceError
from app.library.template_file import GLOSS_MARK

HEADER_MARK = "---"
_TOP_KEY = re.compile(r"([A-Za-z_][\w-]*)\s*:")
_PLAIN = re.compile(r"[a-z0-9][a-z0-9_-]*")
_EDITED_KEYS = ("title", "category")
_MARK = re.compile(r"===\s*(gloss|es|pt|ru|fr)\s*===")


@dataclass(frozen=True)
class TemplateParts:
    title_en: str
    title_zh: str
    category: str
    body: str
    gloss: str
    header: tuple[str, ...] | None  # the header lines as read; None when the file had none
    header_problem: str | None = None
    trailing_newline: bool = True
    translations: Mapping[str, str] = field(default_factory=dict)  # "es" -> its section

    @property
    def body_line(self) -> int:
        """The file line the body starts on (1-based), as error messages count."""
        return len(self.header_lines()) + 3

    def section_lines(self) -> dict[str, int]:
        """Where each part starts in the file: "en", each translation, "gloss"."""
        lines = {"en": self.body_line}
        line = self.body_line + len(self.body.split("\n")) + 1
        for lang in self.languages()[1:]:
            lines[lang] = line
            line += len(self.translations[lang].split("\n")) + 1
        lines["gloss"] = line
        return lines

    @property
    def gloss_line(self) -> int:
        return self.section_lines()["gloss"]

    def languages(self) -> list[str]:
        """English, then the translations in the usual order."""
        return ["en", *(lang for lang in REPLY_LANGUAGES[1:] if lang in self.translations)]

    def header_lines(self) -> list[str]:
        return update_header(self.header, self.title_en, self.title_zh, self.category)

    def with_edits(self, *, title_en: str | None = None, title_zh: str | None = None,
                   category: str | None = None, body: str | None = None,
                   gloss: str | None = None,
                   translations: Mapping[str, str] | None = None) -> TemplateParts:
        return replace(
            self, title_en=self.title_en if title_en is None else title_en,
            title_zh=self.title_zh if title_zh is None else title_zh,
            category=self.category if category is None else category,
            body=self.body if body is None else body,
            gloss=self.gloss if gloss is None else gloss,
            translations=self.translations if translations is None else dict(translations))


def split_template(text: str) -> TemplateParts:
    lines = text.splitlines()
    header: tuple[str, ...] | None = None
    rest = lines
    if lines and lines[0].strip() == HEADER_MARK:
        end = next((i for i in range(1, len(lines)) if lines[i].strip() == HEADER_MARK), None)
        if end is not None:
            header, rest = tuple(lines[1:end]), lines[end + 1:]
    sections = _lenient_sections(rest)
    values, problem = _header_values(header)
    return TemplateParts(
        title_en=values.get("en", ""), title_zh=values.get("zh", ""),
        category=values.get("category", ""),
        body=sections.pop("en", ""), gloss=sections.pop("gloss", ""), header=header,
        header_problem=problem, trailing_newline=text.endswith("\n") or not text,
        translations=sections)


def _lenient_sections(lines: list[str]) -> dict[str, str]:
    """The body's parts by their marks; a second mark of a part stays text (check says so)."""
    parts: dict[str, list[str]] = {"en": []}
    current = "en"
    for line in lines:
        mark = _MARK.fullmatch(line.strip())
        if mark and mark.group(1) not in parts:
            current = mark.group(1)
            parts[current] = []
        else:
            parts[current].append(line)
    return {name: "\n".join(text) for name, text in parts.items()}


def join_template(parts: TemplateParts) -> str:
    lines = [HEADER_MARK, *parts.header_lines(), HEADER_MARK, *parts.body.split("\n")]
    for lang in parts.languages()[1:]:
        lines += [f"=== {lang} ===", *parts.translations[lang].split("\n")]
    lines += [GLOSS_MARK, *parts.gloss.split("\n")]
    return "\n".join(lines) + ("\n" if parts.trailing_newline else "")


def _header_values(header: Sequence[str] | None) -> tuple[dict[str, str], str | None]:
    if header is None:
        return {}, "the file has no '---' header"
    try:
        data: Any = parse_yaml("\n".join(header), "header", first_line=2)
    except SourceError as exc:
        return {}, f"line {exc.line}: {exc.message}"
    if not isinstance(data, Mapping):
        return {}, "the header must be YAML keys (title, category)"
    title = data.get("title")
    title = title if isinstance(title, Mapping) else {}
    values = {"en": title.get("en"), "zh": title.get("zh"), "category": data.get("category")}
    return {k: str(v) for k, v in values.items() if v is not None}, None


def update_header(header: Sequence[str] | None, title_en: str, title_zh: str,
                  category: str) -> list[str]:
    """The header with these values: unchanged lines when they already hold them."""
    canonical = [f"title: {{en: {_quote(title_en)}, zh: {_quote(title_zh)}}}",
                 f"category: {_quote(category) if not _PLAIN.fullmatch(category) else category}"]
    if header is None:
        return canonical
    values, problem = _header_values(header)
    wanted = {"en": title_en, "zh": title_zh, "category": category}
    if problem is None and all(values.get(k, "") == v for k, v in wanted.items()):
        return list(header)
    out: list[str] = []
    inserted = skipping = False
    for line in header:
        key = _TOP_KEY.match(line)
        if key:
            skipping = key.group(1) in _EDITED_KEYS
        elif line.startswith("#"):
            skipping = False  # a comment at the margin belongs to no key
        if not skipping:
            out.append(line)
        elif not inserted:
            out += canonical
            inserted = True
    return out if inserted else canonical + out


def _quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted one


def new_template_text(title_en: str, title_zh: str, category: str,
                      fields: Sequence[str]) -> str:
    """A starting point for a new reply: the shared greeting and sign-off, and a note of the
    fields the case's form has."""
    hint = ", ".join(fields)
    parts = TemplateParts(
        title_en=title_en, title_zh=title_zh, category=category, header=None,
        body=("{% include \"greeting\" %}\n\n"
              f"{{# Write the reply here. This case's fields: {hint} #}}\n"
              "Thank you for your message about your order {{ order_id }}.\n\n"
              "{% include \"signoff\" %}"),
        gloss=("{% include \"greeting.zh\" %}\n\n"
               "{# 在这里写中文释义 #}\n"
               "感谢您就订单 {{ order_id }} 联系我们。\n\n"
               "{% include \"signoff.zh\" %}"))
    return join_template(parts)


def duplicate_text(text: str) -> str:
    """The same template with "(copy)" in its titles, so the two are told apart in lists."""
    parts = split_template(text)
    return join_template(parts.with_edits(title_en=f"{parts.title_en} (copy)".strip(),
                                          title_zh=f"{parts.title_zh}（副本）"))


class TemplateCodec:
    """The editor's view of a file: `split` into parts, `join` them back."""

    split = staticmethod(split_template)
    join = staticmethod(join_template)
