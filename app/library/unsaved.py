"""Previewing and checking a template while it is edited, before it is saved.

The unsaved text is laid over the library as an "unsaved" layer of one file, rendered by its
own Renderer so the window's compiled templates stay untouched. The unsaved text's path never
exists, so the renderer's up-to-date check always recompiles it: each keystroke is seen.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from jinja2 import TemplateSyntaxError, meta

from app.catalog.fields import Value
from app.catalog.labels import Label
from app.compose.composer import Composer
from app.compose.parts import GLOSS_SUFFIX, part_name
from app.compose.render import Renderer
from app.errors import ComposerError, SourceError
from app.library.layers import Layer, TemplateLibrary
from app.library.template_file import SUFFIX, TemplateFile, parse_template
from app.review.review import Review

UNSAVED_FOLDER = Path("<unsaved>")

# A plausible order for previews, as an agent would type it.
SAMPLE_ORDER: dict[str, str] = {
    "buyer_name": "Maria", "order_id": "8123456789012345", "item": "white cotton T-shirt",
    "quantity": "2", "order_amount": "25.80", "currency": "USD", "order_date": "2026-10-01",
    "ship_date": "2026-10-20", "shipping_method": "china-post-small-packet",
    "destination_country": "US", "tracking_number": "LP123456789CN",
    "tracking_status": "Arrived at the destination country", "delivered_date": "2026-11-15",
    "business_days": "3", "severity": "minor", "photos_received": "yes",
    "buyer_keeps": "unknown", "spare_available": "yes", "extra_fee": "4.50",
    "tax_amount": "6.00", "missing_quantity": "1", "unit_price": "12.90",
    "return_reason": "unknown", "marketplace": "aliexpress", "accessory": "belt",
    "accessory_value": "1.50", "ordered_variant": "black, size L",
    "received_variant": "white, size M", "discount_amount": "3.00",
    "store_name": "Sunny Fashion Store", "agent_name": "Lily",
}


class UnsavedLibrary(TemplateLibrary):
    """The base library, with one template's file replaced by unsaved text."""

    def __init__(self, base: TemplateLibrary) -> None:
        super().__init__(base.layers)
        self.base = base
        self._unsaved: tuple[str, str] | None = None  # (id, text)
        self._parsed: TemplateFile | SourceError | None = None

    @property
    def unsaved_path(self) -> Path | None:
        return UNSAVED_FOLDER / (self._unsaved[0] + SUFFIX) if self._unsaved else None

    def set_unsaved(self, template_id: str, text: str) -> None:
        if self._unsaved != (template_id, text):
            self._unsaved = (template_id, text)
            path = UNSAVED_FOLDER / (template_id + SUFFIX)
            try:
                self._parsed = parse_template(path, text, Layer.UNSAVED)
            except SourceError as exc:
                self._parsed = exc

    def ids(self) -> list[str]:
        return sorted(set(self.base.ids()) | ({self._unsaved[0]} if self._unsaved else set()))

    def path_of(self, template_id: str) -> tuple[Layer, Path] | None:
        if self._unsaved and template_id == self._unsaved[0]:
            return Layer.UNSAVED, UNSAVED_FOLDER / (template_id + SUFFIX)
        return self.base.path_of(template_id)

    def get(self, template_id: str) -> TemplateFile:
        if self._unsaved and template_id == self._unsaved[0]:
            if isinstance(self._parsed, SourceError):
                raise self._parsed
            assert self._parsed is not None
            return self._parsed
        return self.base.get(template_id)


@dataclass(frozen=True)
class Problem:
    line: int | None  # a line of the edited file; None when elsewhere or unknown
    message: str
    location: str  # "" for the edited file, else the other file's path:line
    zh: str | None = None  # the message in Chinese, when known

    def message_in(self, lang: str) -> str:
        return Label(self.message, self.zh or self.message).get(lang)


@dataclass(frozen=True)
class EditPreview:
    template_id: str
    case_id: str | None
    reply: str | None  # None when it can't render (keep showing the last good one)
    gloss: str | None
    problems: tuple[Problem, ...]
    unknown_names: frozenset[str]  # names the catalog doesn't know, to flag in the text
    review: Review | None = None  # of the rendered reply, as the compose tab would show it
    language: str = "en"  # the reply's language; English when the file has no such section


class EditPreviewer:
    def __init__(self, composer: Composer) -> None:
        self.composer = composer
        self.library = UnsavedLibrary(composer.library)
        self.renderer = Renderer(self.library, composer.renderer.known_names)

    def preview(self, template_id: str, text: str, case_id: str | None,
                values: Mapping[str, str], today: dt.date | None = None,
                language: str = "en") -> EditPreview:
        """The reply in `language` (English while the template has no such section)."""
        self.library.set_unsaved(template_id, text)
        problems = [self._problem(e) for e in self.renderer.check(template_id)]
        reply = gloss = None
        if language != "en" and not self._has(template_id, language):
            language = "en"
        if not problems and case_id is not None:
            try:
                reply, gloss = self._render(template_id, case_id, values, today, language)
            except SourceError as exc:
                problems.append(self._problem(exc))
            except Exception as exc:  # a half-typed template must never take the editor down
                problems.append(Problem(None, f"can't render: {exc!r}", "",
                                        f"无法渲染：{exc!r}"))
        review = self.composer.review(reply, language) if reply is not None else None
        return EditPreview(template_id, case_id, reply, gloss, tuple(problems),
                           self._unknown_names(template_id), review, language)

    def _has(self, template_id: str, language: str) -> bool:
        try:
            return self.library.get(template_id).has(language)
        except SourceError:
            return False

    def _render(self, template_id: str, case_id: str, values: Mapping[str, str],
                today: dt.date | None, language: str) -> tuple[str, str]:
        composer = self.composer
        context = composer.preview_context(case_id, parse_leniently(composer, values), today,
                                           template_id)
        reply = self.renderer.render(part_name(template_id, language), context).text
        gloss = self.renderer.render(template_id + GLOSS_SUFFIX, context).text
        return reply, gloss

    def _problem(self, error: SourceError) -> Problem:
        if error.path == str(self.library.unsaved_path):
            return Problem(error.line, error.message, "", error.zh)
        return Problem(None, error.message, error.location(), error.zh)

    def _unknown_names(self, template_id: str) -> frozenset[str]:
        try:
            file = self.library.get(template_id)
        except SourceError:
            return frozenset()
        names: set[str] = set()
        for part in ("body", *file.languages[1:], "gloss"):
            try:
                tree = self.renderer.env.parse(file.padded(part))
            except TemplateSyntaxError:
                continue
            names |= meta.find_undeclared_variables(tree)
        return frozenset(names - self.renderer.known_names)


def parse_leniently(composer: Composer, raw: Mapping[str, str]) -> dict[str, Value]:
    """The order's values that parse; a value the agent is still typing is left out."""
    values: dict[str, Value] = {}
    for name, text in raw.items():
        try:
            value = composer.catalog.parse(name, text)
        except ComposerError:
            continue
        if value is not None:
            values[name] = value
    return values
