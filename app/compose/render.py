"""Rendering replies in Jinja2's sandbox, within budgets, with visible markers for what is still
empty, in the language of the part rendered ("order-shipped.es" renders Spanish)."""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, NamedTuple

from jinja2 import FileSystemBytecodeCache, StrictUndefined, TemplateError
from jinja2.bccache import Bucket
from jinja2.exceptions import SecurityError, TemplateNotFound, TemplateSyntaxError

from app.compose.loader import (
    LanguageEnvironment,
    LibraryLoader,
    NameRefused,
    TranslationMissing,
    split_name,
)
from app.compose.markers import Missing, finalize, printed_markers, rendering_language
from app.compose.parts import MissingTranslation
from app.compose.sandbox import BudgetError, LimitedSandbox, end_budget, guard_output, start_budget
from app.compose.textfmt import FILTERS
from app.errors import SourceError
from app.library.layers import TemplateLibrary

_log = logging.getLogger(__name__)


class Rendered(NamedTuple):
    text: str
    missing: tuple[Missing, ...]  # the markers that appear in the text


class RenderEnvironment(LanguageEnvironment, LimitedSandbox):
    """The sandbox with budgets, where an include inherits its includer's language."""


def _collapse(text: str) -> str:
    lines = [line.rstrip() for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


class Renderer:
    """One strict sandboxed environment; each template compiled once per file state."""

    def __init__(self, library: TemplateLibrary, known_names: Iterable[str]) -> None:
        self.library = library
        self.known_names = set(known_names)
        self.loader = LibraryLoader(library)
        self.env = RenderEnvironment(
            loader=self.loader, undefined=StrictUndefined, autoescape=False,
            trim_blocks=True, lstrip_blocks=True, finalize=finalize,
            auto_reload=True, cache_size=2000, bytecode_cache=_bytecode_cache(),
        )
        self.env.add_guarded_filters(FILTERS)

    def render(self, name: str, context: Mapping[str, Any]) -> Rendered:
        sink: list[Missing] = []
        tokens = (printed_markers.set(sink), rendering_language.set(_language_of(name)))
        budget = start_budget()
        try:
            text = guard_output(self.env.get_template(name).generate(context))
        except (SourceError, TemplateError, SecurityError, BudgetError, RecursionError,
                TypeError, ValueError, ArithmeticError, MemoryError) as exc:
            raise self._problem(name, exc) from None
        finally:
            end_budget(budget)
            printed_markers.reset(tokens[0])
            rendering_language.reset(tokens[1])
        return Rendered(_collapse(text), tuple(dict.fromkeys(sink)))

    def _problem(self, name: str, exc: BaseException) -> SourceError:
        """What went wrong, as `file:line: message` (English and Chinese)."""
        if isinstance(exc, SourceError):
            return exc
        if isinstance(exc, TemplateSyntaxError):
            # The file's path: Jinja names some errors by the template name only.
            where = exc.filename if exc.filename and os.path.isabs(exc.filename) else None
            return _syntax_error(where or self._path(exc.name or name), exc)
        kind = MissingTranslation if isinstance(exc, TranslationMissing) else SourceError
        english, chinese = _words_for(exc)
        return kind(self._path(name), _template_line(exc), english, chinese)

    def check(self, template_id: str) -> list[SourceError]:
        """Problems found without rendering (syntax, names, includes, languages)."""
        from app.compose.template_check import check_template

        return check_template(self, template_id)

    def _path(self, name: str) -> str:
        try:
            return str(self.loader.resolve(name)[0].path)
        except (TemplateNotFound, SourceError):
            return name


# What went wrong, by the exception's kind, in English and Chinese (the first kind that fits).
_WORDS: tuple[tuple[type[BaseException], Callable[[Any], tuple[str, str]]], ...] = (
    (TranslationMissing, lambda e: (f"no translation: {e.message}", f"缺少译文：{e.message}")),
    (NameRefused, lambda e: (str(e.message), f"拒绝引用：{e.message}")),
    (TemplateNotFound, lambda e: (f"no template named {e.name!r}", f"没有名为 {e.name!r} 的模板")),
    (SecurityError, lambda e: (f"refused by the sandbox: {e}", f"被沙盒拒绝：{e}")),
    (RecursionError, lambda e: ("includes or calls itself without end (recursion)",
                                "模板无限地引用或调用自身（递归）")),
    (BudgetError, lambda e: (str(e), f"超出限制：{e}")),
    (MemoryError, lambda e: ("too large: out of memory", "超出限制：内存不足")),
)


def _words_for(exc: BaseException) -> tuple[str, str]:
    return next((words(exc) for kind, words in _WORDS if isinstance(exc, kind)),
                (str(exc), f"渲染出错：{exc}"))


def _language_of(name: str) -> str:
    try:
        return split_name(name)[1]
    except TemplateNotFound:
        return "en"


def _syntax_error(where: str, exc: TemplateSyntaxError) -> SourceError:
    # Jinja2's own words stay as they are (they quote the template); the Chinese says what
    # kind of problem it is.
    message = exc.message or str(exc)
    return SourceError(where, exc.lineno, message, f"模板语法错误：{message}")


class OptionalBytecodeCache(FileSystemBytecodeCache):
    """Compiled templates kept between runs, as a convenience only: a cache folder that is
    full, read-only or broken is noted once and otherwise ignored, never fatal."""

    failed = False

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, ValueError, EOFError) as exc:
            self._note(exc)
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError as exc:
            self._note(exc)

    def _note(self, exc: Exception) -> None:
        if not OptionalBytecodeCache.failed:
            OptionalBytecodeCache.failed = True
            _log.warning("template cache not used: %s", exc)


def _bytecode_cache() -> FileSystemBytecodeCache | None:
    """Compiled templates kept between runs (keyed by the source's checksum, so an edit is
    never served stale): each CLI run would otherwise recompile the templates it renders."""
    from app.data.cache import cache_dir

    folder = cache_dir() / "jinja"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return OptionalBytecodeCache(str(folder))


def _template_line(exc: BaseException) -> int | None:
    """The template line of a runtime error, from the traceback Jinja rewrites."""
    tb = exc.__traceback__
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename.endswith(".j2"):
            line = tb.tb_lineno
        tb = tb.tb_next
    return line
