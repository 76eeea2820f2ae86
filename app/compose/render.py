"""Rendering replies in Jinja2's sandbox, with visible markers for what is still empty."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Mapping
from contextvars import ContextVar
from typing import Any, NamedTuple

from jinja2 import (
    BaseLoader,
    Environment,
    FileSystemBytecodeCache,
    StrictUndefined,
    TemplateError,
    meta,
    nodes,
)
from jinja2.exceptions import SecurityError, TemplateNotFound, TemplateSyntaxError
from jinja2.sandbox import SandboxedEnvironment

from app.compose.textfmt import FILTERS
from app.errors import SourceError, UnknownNameError
from app.library.layers import TemplateLibrary
from app.library.template_file import TemplateFile

GLOSS_SUFFIX = ".zh"


class Missing:
    """An empty value: falsy in `{% if %}`, printed as a marker such as "[tracking number]".

    `name` is the field or computed value it stands for; `needs`, the empty order fields it
    waits for (a deadline needs the ship date and the shipping method)."""

    __slots__ = ("marker", "marker_zh", "name", "needs")

    def __init__(self, name: str, marker: str, marker_zh: str | None = None,
                 needs: tuple[str, ...] = ()) -> None:
        self.name = name
        self.marker = marker
        self.marker_zh = marker_zh or marker
        self.needs = needs or (name,)

    def __bool__(self) -> bool:
        return False

    def __str__(self) -> str:
        # The Chinese gloss names the missing field in Chinese: "[物流单号]".
        return f"[{self.marker_zh if _rendering_gloss.get(False) else self.marker}]"

    __repr__ = __str__

    def _same(self, *_: Any) -> Missing:
        return self  # arithmetic on an unknown amount stays unknown

    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = __truediv__ = _same

    def _false(self, _: Any) -> bool:
        return False

    __lt__ = __le__ = __gt__ = __ge__ = _false


_rendered_missing: ContextVar[list[Missing]] = ContextVar("rendered_missing")
_rendering_gloss: ContextVar[bool] = ContextVar("rendering_gloss")


def _finalize(value: Any) -> Any:
    if isinstance(value, Missing):
        sink = _rendered_missing.get(None)
        if sink is not None:
            sink.append(value)
    return value


class Rendered(NamedTuple):
    text: str
    missing: tuple[Missing, ...]  # the markers that appear in the text


class _LibraryLoader(BaseLoader):
    """Loads "<id>" as a template's English body and "<id>.zh" as its Chinese gloss."""

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
        base, part = (name[: -len(GLOSS_SUFFIX)], "gloss") if name.endswith(GLOSS_SUFFIX) \
            else (name, "body")
        for candidate in (base, "_" + base):
            if self.library.path_of(candidate):
                return self.library.get(candidate), part
        raise TemplateNotFound(name)


_INCLUDE_TAG_END = re.compile(r"(\{%-?\s*include\b[^%]*?)-?%\}")


def _keep_include_breaks(source: str) -> str:
    # trim_blocks drops the line break after every block tag, which suits {% if %} lines but
    # would glue an included greeting to the next paragraph: `+%}` keeps it for includes.
    return _INCLUDE_TAG_END.sub(r"\1+%}", source)


def _collapse(text: str) -> str:
    lines = [line.rstrip() for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


class Renderer:
    """One strict sandboxed environment; each template compiled once per file state."""

    def __init__(self, library: TemplateLibrary, known_names: Iterable[str]) -> None:
        self.library = library
        self.known_names = set(known_names)
        self.loader = _LibraryLoader(library)
        self.env = SandboxedEnvironment(
            loader=self.loader, undefined=StrictUndefined, autoescape=False,
            trim_blocks=True, lstrip_blocks=True, finalize=_finalize,
            auto_reload=True, cache_size=2000, bytecode_cache=_bytecode_cache(),
        )
        self.env.filters.update(FILTERS)

    def render(self, name: str, context: Mapping[str, Any]) -> Rendered:
        sink: list[Missing] = []
        token = _rendered_missing.set(sink)
        gloss_token = _rendering_gloss.set(name.endswith(GLOSS_SUFFIX))
        try:
            text = self.env.get_template(name).render(context)
        except SourceError:
            raise
        except TemplateSyntaxError as exc:
            raise _syntax_error(exc.filename or name, exc) from None
        except SecurityError as exc:
            raise SourceError(self._path(name), None, f"refused by the sandbox: {exc}",
                              f"被沙盒拒绝：{exc}") from None
        except TemplateNotFound as exc:
            raise SourceError(self._path(name), None, f"no template named {exc.name!r}",
                              f"没有名为 {exc.name!r} 的模板") from None
        except (TemplateError, TypeError, ValueError, ArithmeticError) as exc:
            raise SourceError(self._path(name), _template_line(exc), str(exc),
                              f"渲染出错：{exc}") from None
        finally:
            _rendered_missing.reset(token)
            _rendering_gloss.reset(gloss_token)
        return Rendered(_collapse(text), tuple(dict.fromkeys(sink)))

    def check(self, template_id: str) -> list[SourceError]:
        """Problems found without rendering: syntax, unknown names, missing includes."""
        problems: list[SourceError] = []
        try:
            file = self.library.get(template_id)
        except SourceError as exc:
            return [exc]
        for part in ("body", "gloss"):
            problems.extend(self._check_part(file, part))
        return problems

    def _check_part(self, file: TemplateFile, part: str) -> list[SourceError]:
        where = str(file.path)
        try:
            tree = self.env.parse(file.padded(part), filename=where)
        except TemplateSyntaxError as exc:
            return [_syntax_error(where, exc)]
        problems = []
        assigned = {n.name for n in tree.find_all(nodes.Name) if n.ctx in ("store", "param")}
        for node in tree.find_all(nodes.Name):
            if node.ctx == "load" and node.name not in self.known_names | assigned:
                err = UnknownNameError("field", node.name, self.known_names)
                problems.append(SourceError(where, node.lineno, str(err), err.zh))
        for included in meta.find_referenced_templates(tree):
            if included is not None:
                try:
                    self.loader.resolve(included)
                except TemplateNotFound:
                    problems.append(SourceError(where, None, f"includes unknown {included!r}",
                                                f"引用了不存在的模板 {included!r}"))
        return problems

    def _path(self, name: str) -> str:
        try:
            return str(self.loader.resolve(name)[0].path)
        except (TemplateNotFound, SourceError):
            return name


def _syntax_error(where: str, exc: TemplateSyntaxError) -> SourceError:
    # Jinja2's own words stay as they are (they quote the template); the Chinese says what
    # kind of problem it is.
    message = exc.message or str(exc)
    return SourceError(where, exc.lineno, message, f"模板语法错误：{message}")


def _bytecode_cache() -> FileSystemBytecodeCache | None:
    """Compiled templates kept between runs (keyed by the source's checksum, so an edit is
    never served stale): each CLI run would otherwise recompile the templates it renders."""
    from app.data.cache import cache_dir

    folder = cache_dir() / "jinja"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return FileSystemBytecodeCache(str(folder))


def _template_line(exc: BaseException) -> int | None:
    """The template line of a runtime error, from the traceback Jinja rewrites."""
    tb = exc.__traceback__
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename.endswith(".j2"):
            line = tb.tb_lineno
        tb = tb.tb_next
    return line
