"""A large personal template library for the scale benchmark: the bundled replies copied
under new ids with their titles varied, valid for `reply-composer check`."""

from __future__ import annotations

import json
from pathlib import Path

from app.data.bundled import bundled_dir
from app.library.template_file import SUFFIX, TemplateFile, parse_template


def bundled_replies() -> list[TemplateFile]:
    folder = bundled_dir("templates")
    files = sorted(p for p in folder.glob("*" + SUFFIX) if not p.name.startswith("_"))
    return [parse_template(p, p.read_text(encoding="utf-8"), "bundled") for p in files]


def variant(source: TemplateFile, number: int) -> tuple[str, str]:
    """(id, file text) of the numbered variant of a bundled reply."""
    en = json.dumps(f"{source.title.en} (variant {number})", ensure_ascii=False)
    zh = json.dumps(f"{source.title.zh}(变体 {number})", ensure_ascii=False)
    text = (f"---\ntitle: {{en: {en}, zh: {zh}}}\ncategory: {source.category}\n---\n"
            f"{{# personal variant {number} #}}\n{source.body}\n=== gloss ===\n{source.gloss}\n")
    return f"{source.id}-v{number:05d}", text


def generate(folder: Path, count: int) -> list[str]:
    """Write `count` templates into `folder` (created); their ids."""
    folder.mkdir(parents=True, exist_ok=True)
    sources = bundled_replies()
    ids = []
    for number in range(count):
        template_id, text = variant(sources[number % len(sources)], number)
        (folder / (template_id + SUFFIX)).write_text(text, encoding="utf-8")
        ids.append(template_id)
    return ids
