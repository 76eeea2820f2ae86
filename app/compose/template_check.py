"""What `reply-composer check` and the editor find in a template without rendering it: syntax,
unknown names and filters, includes that resolve to nothing or to the template itself, and
language sections whose fields or conditions differ from the English."""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING

from jinja2 import TemplateNotFound, TemplateSyntaxError, nodes

from app.compose.loader import NameRefused, included_names, split_name
from app.errors import SourceError, UnknownNameError

if TYPE_CHECKING:
    from collections.abc import Iterable

    from app.compose.render import Renderer
    from app.library.template_file import TemplateFile

# What every template may use besides the catalog's names: Jinja's own globals and loop names.
JINJA_NAMES = frozenset({"range", "lipsum", "dict", "cycler", "joiner", "namespace", "loop",
                         "self", "varargs", "kwargs", "caller", "true", "false", "none"})


def check_template(renderer: Renderer, template_id: str) -> list[SourceError]:
    try:
        file = renderer.library.get(template_id)
    except SourceError as exc:
        return [exc]
    problems: list[SourceError] = []
    trees: dict[str, nodes.Template] = {}
    for part in (*file.languages, "gloss"):
        tree, found = _check_part(renderer, file, part)
        problems += found
        if tree is not None:
            trees[part] = tree
    problems += _includes_itself(renderer, file)
    problems += _languages_differ(file, trees, renderer.known_names)
    return problems


def _check_part(renderer: Renderer, file: TemplateFile,
                part: str) -> tuple[nodes.Template | None, list[SourceError]]:
    where = str(file.path)
    try:
        tree = renderer.env.parse(file.padded(part), filename=where)
    except TemplateSyntaxError as exc:
        message = exc.message or str(exc)
        return None, [SourceError(where, exc.lineno, message, f"模板语法错误：{message}")]
    return tree, [*_unknown_names(renderer, tree, where), *_unknown_filters(renderer, tree, where),
                  *_bad_includes(renderer, tree, where)]


def _unknown_names(renderer: Renderer, tree: nodes.Template, where: str) -> list[SourceError]:
    own = {n.name for n in tree.find_all(nodes.Name) if n.ctx in ("store", "param")}
    own |= {m.name for m in tree.find_all(nodes.Macro)}
    known = renderer.known_names | own | JINJA_NAMES | set(renderer.env.globals)
    problems = []
    for node in tree.find_all(nodes.Name):
        if node.ctx == "load" and node.name not in known:
            err = UnknownNameError("field", node.name, renderer.known_names)
            problems.append(SourceError(where, node.lineno, str(err), err.zh))
    return problems


def _unknown_filters(renderer: Renderer, tree: nodes.Template, where: str) -> list[SourceError]:
    problems = []
    for node in tree.find_all(nodes.Filter):
        if node.name not in renderer.env.filters:
            close = difflib.get_close_matches(node.name, list(renderer.env.filters), n=1)
            hint = f" — did you mean {close[0]}?" if close else ""
            problems.append(SourceError(where, node.lineno, f"unknown filter {node.name!r}{hint}",
                                        f"未知的过滤器 {node.name!r}"))
    return problems


def _bad_includes(renderer: Renderer, tree: nodes.Template, where: str) -> list[SourceError]:
    problems = []
    for name, line in included_names(tree):
        try:
            split_name(name)
            renderer.loader.resolve(name)
        except NameRefused as exc:
            problems.append(SourceError(where, line, str(exc.message),
                                        f"拒绝引用 {name!r}：只能引用模板名，不能是路径"))
        except TemplateNotFound:
            problems.append(SourceError(where, line, f"includes unknown {name!r}",
                                        f"引用了不存在的模板 {name!r}"))
        except SourceError:
            continue  # the included file can't be read: its own check says why, once
    return problems


def _includes_itself(renderer: Renderer, file: TemplateFile) -> list[SourceError]:
    """An include circle through this template (it would recurse without end)."""
    seen: set[str] = set()
    stack = [(file.id, [file.id])]
    while stack:
        current, path = stack.pop()
        for name in _include_ids(renderer, current):
            if name == file.id:
                circle = " → ".join([*path, name])
                return [SourceError(str(file.path), None, f"includes itself: {circle}",
                                    f"模板引用了自身：{circle}")]
            if name not in seen:
                seen.add(name)
                stack.append((name, [*path, name]))
    return []


def _include_ids(renderer: Renderer, template_id: str) -> set[str]:
    try:
        file = renderer.library.get(template_id)
    except SourceError:
        return set()
    found = set()
    for part in (*file.languages, "gloss"):
        try:
            tree = renderer.env.parse(file.padded(part))
        except TemplateSyntaxError:
            continue
        for name, _ in included_names(tree):
            try:
                found.add(renderer.loader.resolve(name)[0].id)
            except (TemplateNotFound, SourceError):
                continue
    return found


def _languages_differ(file: TemplateFile, trees: dict[str, nodes.Template],
                      known: Iterable[str]) -> list[SourceError]:
    """A language whose fields or conditions differ from the English (same facts, same
    branches), named at its section's first line. Only known fields count: a typo in one
    section is that section's own problem, said once."""
    english = trees.get("en")
    if english is None:
        return []
    names, tests = _facts(english)
    names &= set(known)
    problems = []
    for lang, (_, line) in file.translations.items():
        tree = trees.get(lang)
        if tree is None:
            continue
        their_names, their_tests = _facts(tree)
        their_names &= set(known)
        differences = [f"{'+' if n in their_names else '-'}{n}"
                       for n in sorted(names ^ their_names)]
        differences += [f"{'+' if t in their_tests else '-'}if {t}"
                        for t in sorted(tests ^ their_tests)]
        if differences:
            text = ", ".join(differences)
            problems.append(SourceError(
                str(file.path), line, f"{lang}: not the English's fields and conditions: {text}",
                f"{lang}：字段或条件与英文不一致：{text}"))
    return problems


# English-only values a translation phrases its own way (cases.yaml's `problem` is English).
ENGLISH_ONLY = frozenset({"problem"})


def _facts(tree: nodes.Template) -> tuple[set[str], set[str]]:
    # The values a reply shows: not Jinja's own names, nor the sandbox's ("_budget_…").
    names = {n.name for n in tree.find_all(nodes.Name) if n.ctx == "load"
             and not n.name.startswith("_")} - ENGLISH_ONLY - JINJA_NAMES
    tests = {_source(node.test) for node in tree.find_all(nodes.If)}
    return names, tests


def _source(node: nodes.Node) -> str:
    return repr(node)  # a stable form of the expression, for comparing two sections
