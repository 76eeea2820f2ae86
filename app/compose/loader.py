"""Loading a template part by name, inside the library's layers and nowhere else.

A name is a template id with an optional part: "order-shipped" (the English reply),
"order-shipped.es" (its Spanish section), "order-shipped.zh" (its Chinese gloss). An include
without a part takes the part of the template that includes it, so `{% include "greeting" %}`
in a Spanish section includes the Spanish greeting. Only names that are template ids resolve:
a path ("/etc/x", "../x") is refused, never looked up on the disk.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from typing import Any

from jinja2 import BaseLoader, Environment, TemplateNotFound

from app.compose.parts import PARTS
from app.library.layers import TemplateLibrary
from app.library.template_file import TemplateFile

_NAME = re.compile(r"(?P<id>_?[a-z0-9][a-z0-9_-]{0,79})(?:\.(?P<part>[a-z]{2}))?")


class NameRefused(TemplateNotFound):
    """An include that names no template id (a path, `..`, odd characters)."""


class TranslationMissing(TemplateNotFound):
    """The template (or a piece it includes) has no section in the language asked for."""


def split_name(name: str) -> tuple[str, str]:
    """("order-shipped", "es") for "order-shipped.es"; the part is "en" when none is given.
    NameRefused for a name that is no template id."""
    match = _NAME.fullmatch(name)
    if match is None or (match["part"] and match["part"] not in PARTS):
        raise NameRefused(name, f"{name!r} is not a template name (a-z, 0-9, '-'; no paths)")
    return match["id"], match["part"] or "en"


class LibraryLoader(BaseLoader):
    def __init__(self, library: TemplateLibrary) -> None:
        self.library = library

    def get_source(
        self, environment: Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        file, part = self.resolve(template)
        served = (os.path.join(file.path.parent, file.path.name), file.stamp)

        def uptodate() -> bool:
            # Stale when the file changed, or a higher layer now overrides it.
            return self.library.state(file.id) == served

        return _keep_include_breaks(file.padded(part)), str(file.path), uptodate

    def resolve(self, name: str) -> tuple[TemplateFile, str]:
        template_id, part = split_name(name)
        for candidate in (template_id, "_" + template_id):
            if self.library.path_of(candidate):
                file = self.library.get(candidate)
                if not file.has(part):
                    raise TranslationMissing(name, f"{file.path.name} has no '{part}' section")
                return file, part
        raise TemplateNotFound(name)


class LanguageEnvironment:
    """Mixed into the render environment: an include inherits its includer's part."""

    def join_path(self, template: str, parent: str) -> str:
        try:
            _, part = split_name(parent)
        except TemplateNotFound:
            return template
        if "." in template or part == "en":
            return template
        return f"{template}.{part}"


_INCLUDE_TAG_END = re.compile(r"(\{%-?\s*include\b[^%]*?)-?%\}")


def _keep_include_breaks(source: str) -> str:
    # trim_blocks drops the line break after every block tag, which suits {% if %} lines but
    # would glue an included greeting to the next paragraph: `+%}` keeps it for includes.
    return _INCLUDE_TAG_END.sub(r"\1+%}", source)


def included_names(tree: Any) -> list[tuple[str, int]]:
    """The literal names a parsed template includes, with their lines."""
    from jinja2 import nodes

    return [(str(node.template.value), node.lineno) for node in tree.find_all(nodes.Include)
            if isinstance(node.template, nodes.Const) and isinstance(node.template.value, str)]
