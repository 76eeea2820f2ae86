"""What the editor's Insert field menu offers: order fields with their labels, computed values,
refund and policy names, filters, and the shared pieces to include."""

from __future__ import annotations

from typing import NamedTuple

from app.compose.composer import Composer
from app.compose.sources import REFUND_NAMES
from app.compose.textfmt import FILTERS
from app.policy.context import CASE_NAMES, COMPUTED_SOURCES


class Snippet(NamedTuple):
    text: str  # as the menu shows it
    insert: str  # what goes into the template


def snippet_groups(composer: Composer, lang: str) -> dict[str, list[Snippet]]:
    """The menu's groups, by key: fields, computed, refund, filters, pieces."""
    fields = [Snippet(f"{name}  —  {spec.label.both(lang, ' · ')}", "{{ " + name + " }}")
              for name, spec in composer.catalog.fields.items()]
    refund_names = [n for n in REFUND_NAMES if n != "actions"]
    pieces = []
    for template_id in composer.library.ids():
        if template_id.startswith("_"):
            name = template_id[1:]
            pieces += [Snippet(name, '{% include "' + name + '" %}'),
                       Snippet(f"{name} · 中文", '{% include "' + name + '.zh" %}')]
    return {
        "fields": fields,
        "computed": [_value(n) for n in (*COMPUTED_SOURCES, *CASE_NAMES)],
        "refund": [_value(n) for n in (*refund_names, *composer.policy.constants)],
        "filters": [Snippet(name, f"|{name}") for name in FILTERS],
        "pieces": pieces,
    }


def _value(name: str) -> Snippet:
    return Snippet(name, "{{ " + name + " }}")
