"""Errors that reach a person: each names the file and line, or the field, at fault."""

from __future__ import annotations

from collections.abc import Iterable

from app.catalog.labels import Label


class ComposerError(Exception):
    """Base for every error the CLI and the window show as a one-line message."""


class SourceError(ComposerError):
    """A problem in a data file (YAML policy or a template), located to a line."""

    def __init__(self, path: str, line: int | None, message: str,
                 zh: str | None = None) -> None:
        # A line read from YAML knows its file: data merged from the team's and the bundled
        # files names the one the entry came from (app.data.yaml_lines.SourceLine).
        self.path = getattr(line, "path", "") or path
        self.line = int(line) if line is not None else None
        self.message = message
        self.zh = zh  # the same in Chinese, where the window can say it (templates' problems)
        super().__init__(self.location() + ": " + message)

    def location(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path

    def message_in(self, lang: str) -> str:
        return Label(self.message, self.zh or self.message).get(lang)

    def describe(self, lang: str) -> str:
        """Location and message, in Chinese when asked and known (else English)."""
        return f"{self.location()}: {self.message_in(lang)}"


class FieldValueError(ComposerError):
    """A value the agent typed that the field cannot take."""

    def __init__(self, field: str, message: str, zh: str | None = None) -> None:
        self.field = field
        self.message = message
        self.zh = zh or message  # the order form shows this when the UI is Chinese
        super().__init__(f"{field}: {message}")


_KINDS_ZH = {"field": "字段", "case": "案例", "template": "模板", "shipping method": "物流方式",
             "country": "国家"}


class UnknownNameError(ComposerError):
    """An unknown case id or field name, with the close matches a person probably meant."""

    def __init__(self, kind: str, name: str, known: Iterable[str]) -> None:
        self.kind = kind
        self.name = name
        import difflib  # only when a name is wrong: start-up never pays for it

        self.suggestions = difflib.get_close_matches(name, list(known), n=3, cutoff=0.6)
        hint = f" — did you mean {', '.join(self.suggestions)}?" if self.suggestions else ""
        super().__init__(f"unknown {kind} {name!r}{hint}")
        hint_zh = f"——是不是 {'、'.join(self.suggestions)}？" if self.suggestions else ""
        self.zh = f"未知{_KINDS_ZH.get(kind, kind)} {name!r}{hint_zh}"


class ClipboardUnavailable(ComposerError):
    """No system clipboard here (e.g. no display, or no xclip/xsel on Linux)."""
