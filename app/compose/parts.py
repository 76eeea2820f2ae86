"""A template's parts and their names: the reply in each language (`id` for English, `id.es`,
`id.pt` …) and the Chinese gloss (`id.zh`). Free of Jinja2: the composer names the parts it
asks for without importing it, and Jinja2 loads with the first reply."""

from __future__ import annotations

from app.catalog.languages import REPLY_LANGUAGES
from app.errors import SourceError

GLOSS = "zh"
PARTS = (*REPLY_LANGUAGES, GLOSS)
GLOSS_SUFFIX = "." + GLOSS


class MissingTranslation(SourceError):
    """The reply (or a piece it includes) has no section in the language asked for."""


def part_name(template_id: str, part: str) -> str:
    return template_id if part == "en" else f"{template_id}.{part}"
