"""`reply-composer check`: every problem in the policy and templates, one per line."""

from __future__ import annotations

import tempfile
from pathlib import Path

from app.catalog.catalog import load_catalog
from app.compose.composer import library_layers, template_names
from app.compose.render import Renderer
from app.errors import ComposerError, SourceError
from app.library.layers import TemplateLibrary
from app.message.classifier import load_lexicon
from app.message.order_paste import load_order_labels
from app.policy.loader import load_policy


def check_all(folder: Path | None = None) -> list[SourceError]:
    """Problems in the bundled data, plus those of a library folder or pack if one is given."""
    if folder is not None and folder.is_file() and folder.suffix.lower() == ".zip":
        return _check_zip(folder)
    try:
        catalog = load_catalog()
        policy = load_policy(template_names(catalog, None), catalog.cases)
        load_lexicon(case_ids=catalog.cases)
        load_order_labels(fields=catalog.fields)
    except SourceError as exc:
        return [exc]
    if folder is not None and not folder.is_dir():
        return [SourceError(str(folder), None, "not a folder or a .zip template pack")]
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


def _check_zip(pack: Path) -> list[SourceError]:
    """A zip pack is checked as the folder it unpacks to; messages name the zip's entries."""
    from app.data.atomic import atomic_write
    from app.library.packs import read_pack

    try:
        templates, skipped = read_pack(pack)
    except ComposerError as exc:
        return [SourceError(str(pack), None, str(exc))]
    problems = [SourceError(note.partition(": ")[0], None, note.partition(": ")[2])
                for note in skipped]
    with tempfile.TemporaryDirectory(prefix="reply-composer-pack-") as temp:
        folder = Path(temp)
        for template_id, text in templates.items():
            atomic_write(folder / f"{template_id}.j2", text.encode("utf-8"))
        for problem in check_all(folder):
            path = problem.path.replace(str(folder), str(pack), 1)
            problems.append(SourceError(path, problem.line, problem.message))
    return problems
