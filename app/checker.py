"""`reply-composer check`: every problem in the policy and templates, one per line."""

from __future__ import annotations

from pathlib import Path

from app.catalog import load_catalog
from app.composer import library_layers, template_names
from app.errors import SourceError
from app.policy import load_policy
from app.render import Renderer
from app.templates import TemplateLibrary


def check_all(folder: Path | None = None) -> list[SourceError]:
    """Problems in the bundled data, plus those of a library folder if one is given."""
    try:
        catalog = load_catalog()
        policy = load_policy(template_names(catalog, None), catalog.cases)
    except SourceError as exc:
        return [exc]
    if folder is not None and not folder.is_dir():
        return [SourceError(str(folder), None, "not a folder")]
    library = TemplateLibrary(library_layers(folder, None))
    renderer = Renderer(library, template_names(catalog, policy))
    problems: list[SourceError] = []
    ids = library.ids()
    for template_id in ids:
        problems.extend(renderer.check(template_id))
    reported: set[str] = set()
    for case_policy in policy.cases.values():
        for rule in case_policy.rules:
            if rule.template not in ids and rule.template not in reported:
                reported.add(rule.template)
                problems.append(SourceError(policy.path, rule.line,
                                            f"template {rule.template!r} does not exist"))
    return problems
