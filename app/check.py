"""`reply-composer check`: every problem in the policy, the data files and the templates, one
per line as `file:line: message`. One broken file is one message (or a few), never the end of
the check: the rest is still checked."""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable
from pathlib import Path

from app.catalog.catalog import Catalog, load_catalog
from app.compose.composer import Composer
from app.compose.parts import GLOSS_SUFFIX, part_name
from app.compose.render import Renderer
from app.compose.sources import library_layers, template_names
from app.data.layered import BUNDLED_ONLY, DataLayers, templates_of
from app.errors import ComposerError, SourceError
from app.library.layers import TemplateLibrary
from app.policy.loader import load_policy
from app.policy.rules import Policy

TRIAL_DAY = dt.date(2026, 11, 26)  # any day: a trial render only looks for failures


def check_all(folder: Path | None = None) -> list[SourceError]:
    """Problems in the bundled data, plus those of a layer folder (its `resources/` over the
    bundled data, its `templates/`; or a plain folder of templates) or a pack if given."""
    if folder is not None and folder.is_file() and folder.suffix.lower() == ".zip":
        return _check_zip(folder)
    if folder is not None and not folder.is_dir():
        return [SourceError(str(folder), None, "not a folder or a .zip template pack")]
    problems: list[SourceError] = []
    try:
        catalog, policy = _catalog_and_policy(DataLayers.of([folder]))
    except SourceError as exc:
        problems.append(exc)  # the folder's data file: name it, check the templates anyway
        try:
            catalog, policy = _catalog_and_policy(BUNDLED_ONLY)
        except SourceError as bundled:
            return [*problems, bundled]
    problems += _readers(catalog)
    library = TemplateLibrary(library_layers(templates_of(folder) if folder else None, None))
    composer = Composer(catalog, policy, library)
    problems += library.refused()
    ids = library.ids()
    for template_id in ids:
        try:
            found = composer.renderer.check(template_id)
            problems += found or _trial_renders(composer, template_id)
        except SourceError as exc:  # the file itself can't be read: one message, go on
            problems.append(exc)
    return _once(problems + _missing_templates(policy, ids))


def _once(problems: list[SourceError]) -> list[SourceError]:
    """Each problem once: a broken shared piece breaks every reply that includes it."""
    unique: dict[str, SourceError] = {}
    for problem in problems:
        unique.setdefault(str(problem), problem)
    return list(unique.values())


def _catalog_and_policy(data: DataLayers) -> tuple[Catalog, Policy]:
    catalog = load_catalog(data)
    return catalog, load_policy(template_names(catalog, None), catalog.cases, data=data)


def _readers(catalog: Catalog) -> list[SourceError]:
    """The phrase, label, hint and rule files: each read, each problem kept."""
    from app.message.classifier import load_lexicon
    from app.message.order_paste import load_order_labels
    from app.review.compliance import load_offer_words
    from app.review.hints import load_hints

    data = catalog.data
    readers: list[Callable[[], object]] = [
        lambda: load_lexicon(None, catalog.cases, data),
        lambda: load_order_labels(None, catalog.fields, data),
        lambda: load_hints(None, data), lambda: load_offer_words(None, data)]
    problems = []
    for read in readers:
        try:
            read()
        except SourceError as exc:
            problems.append(exc)
    return problems


def _trial_renders(composer: Composer, template_id: str) -> list[SourceError]:
    """Render every language of the template with a sample order: what only running finds
    (a template too large or too long to render, one that includes itself at run time)."""
    from app.library.unsaved import SAMPLE_ORDER, parse_leniently

    file = composer.library.get(template_id)
    if file.is_partial:
        return []
    using = [c for c, case in composer.policy.cases.items() if template_id in case.templates()]
    case_id = using[0] if using else next(iter(composer.catalog.cases))
    context = composer.preview_context(case_id, parse_leniently(composer, SAMPLE_ORDER),
                                       TRIAL_DAY, template_id)
    renderer: Renderer = composer.renderer
    problems = []
    for name in [*(part_name(template_id, lang) for lang in file.languages),
                 template_id + GLOSS_SUFFIX]:
        try:
            renderer.render(name, context)
        except SourceError as exc:
            problems.append(exc)
    return problems


def _missing_templates(policy: Policy, ids: list[str]) -> list[SourceError]:
    problems, reported = [], set()
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
