"""What the template list shows: each template's layer, what it overrides, its problems and
the cases whose policy can pick it."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from app.catalog.labels import Label
from app.compose.composer import Composer
from app.errors import SourceError
from app.library.layers import Layer
from app.library.template_file import SUFFIX
from app.library.template_text import split_template
from app.policy.rules import Policy


@dataclass(frozen=True)
class TemplateEntry:
    id: str
    layer: Layer
    below: Layer | None  # the layer this one overrides (None: the only version)
    title: Label
    category: str
    problems: tuple[SourceError, ...]
    used_by: tuple[str, ...]  # case ids

    @property
    def customised(self) -> bool:
        return self.layer is Layer.PERSONAL and self.below is not None

    @property
    def deletable(self) -> bool:
        """Only in the personal layer: deleting it removes the template (else: revert)."""
        return self.layer is Layer.PERSONAL and self.below is None

    @property
    def read_only(self) -> bool:
        """Team and bundled templates: saving one makes it a personal version."""
        return self.layer is not Layer.PERSONAL

    @property
    def overrides_team(self) -> bool:
        return self.below is Layer.TEAM

    @property
    def is_partial(self) -> bool:
        return self.id.startswith("_")


def library_entries(composer: Composer, check: bool = True) -> list[TemplateEntry]:
    """Every template the list shows. `check=False` skips compiling each one for its
    problems (the slow part at thousands of templates); `with_problems` adds them later."""
    library = composer.library
    entries = []
    for template_id in library.ids():
        found = library.path_of(template_id)
        if found is None:
            continue
        layer, path = found
        below = next((name for name, folder in _layers_below(composer, layer)
                      if (folder / (template_id + SUFFIX)).is_file()), None)
        title, category = _title(composer, template_id, path.read_bytes())
        entries.append(TemplateEntry(
            id=template_id, layer=layer, below=below, title=title, category=category,
            problems=tuple(composer.renderer.check(template_id)) if check else (),
            used_by=tuple(cases_using(composer.policy, template_id))))
    return entries


def with_problems(composer: Composer, entry: TemplateEntry) -> TemplateEntry:
    return replace(entry, problems=tuple(composer.renderer.check(entry.id)))


def cases_using(policy: Policy, template_id: str) -> list[str]:
    return [case_id for case_id, case in policy.cases.items()
            if template_id in case.templates()]


def _layers_below(composer: Composer, layer: Layer) -> list[tuple[Layer, Path]]:
    layers = composer.library.layers
    names = [name for name, _ in layers]
    return list(layers[names.index(layer) + 1:]) if layer in names else []


def _title(composer: Composer, template_id: str, data: bytes) -> tuple[Label, str]:
    try:
        file = composer.library.get(template_id)
        return file.title, file.category
    except SourceError:
        parts = split_template(data.decode("utf-8", errors="replace"))
        return Label(parts.title_en or template_id, parts.title_zh or template_id), \
            parts.category
