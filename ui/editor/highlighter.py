"""Syntax colours for templates: Jinja tags, `{{ fields }}`, comments, and the field names
the catalog doesn't know underlined in red as they are typed."""

from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtGui import QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from ui.widgets import palette

IN_COMMENT = 1
_SPANS = re.compile(r"\{#.*?(?:#\}|$)|\{%.*?(?:%\}|$)|\{\{.*?(?:\}\}|$)")
_TOKENS = re.compile(r"(?P<string>\"[^\"]*\"|'[^']*')|(?P<filter>\|\s*[A-Za-z_]\w*)"
                     r"|(?P<attr>\.\s*[A-Za-z_]\w*)|(?P<name>[A-Za-z_]\w*)")
_KEYWORD_TEXT = ("if elif else endif for endfor in not and or is include set endset with "
                 "endwith true false none True False None loop macro endmacro raw endraw "
                 "filter endfilter recursive ignore missing")
KEYWORDS = frozenset(_KEYWORD_TEXT.split())


def _format(colour: palette.Colour, bold: bool = False,
            background: palette.Colour | None = None) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(palette.qcolor(colour))
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    if background:
        fmt.setBackground(palette.qcolor(background))
    return fmt


class JinjaHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument, known: Iterable[str] = ()) -> None:
        super().__init__(document)
        self.known = frozenset(known)
        self.unknown: frozenset[str] = frozenset()
        self.formats = {
            "comment": _format(palette.SYNTAX_COMMENT),
            "tag": _format(palette.SYNTAX_TAG, background=palette.SYNTAX_TAG_BG),
            "expression": _format(palette.SYNTAX_FIELD, background=palette.SYNTAX_FIELD_BG),
            "keyword": _format(palette.SYNTAX_TAG, bold=True),
            "field": _format(palette.SYNTAX_FIELD, bold=True),
            "string": _format(palette.SYNTAX_STRING),
            "filter": _format(palette.SYNTAX_FILTER),
        }
        unknown = _format(palette.ERROR, bold=True)
        unknown.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        unknown.setUnderlineColor(palette.qcolor(palette.ERROR))
        self.formats["unknown"] = unknown

    def set_names(self, known: Iterable[str], unknown: Iterable[str]) -> None:
        known, unknown = frozenset(known), frozenset(unknown)
        if (known, unknown) != (self.known, self.unknown):
            self.known, self.unknown = known, unknown
            self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        start = 0
        self.setCurrentBlockState(0)
        if self.previousBlockState() == IN_COMMENT:
            end = text.find("#}")
            if end < 0:
                self.setFormat(0, len(text), self.formats["comment"])
                self.setCurrentBlockState(IN_COMMENT)
                return
            self.setFormat(0, end + 2, self.formats["comment"])
            start = end + 2
        for span in _SPANS.finditer(text, start):
            source = span.group()
            if source.startswith("{#"):
                self.setFormat(span.start(), len(source), self.formats["comment"])
                if not source.endswith("#}"):
                    self.setCurrentBlockState(IN_COMMENT)
                continue
            kind = "tag" if source.startswith("{%") else "expression"
            self.setFormat(span.start(), len(source), self.formats[kind])
            self._tokens(source, span.start(), self.formats[kind])

    def _tokens(self, source: str, offset: int, base: QTextCharFormat) -> None:
        for token in _TOKENS.finditer(source, 2):
            kind = token.lastgroup or ""
            word = token.group()
            if kind == "name":
                kind = "keyword" if word in KEYWORDS else "unknown" if word in self.unknown \
                    else "field" if word in self.known else ""
            elif kind == "attr":
                kind = ""
            if kind:
                fmt = QTextCharFormat(base)
                fmt.merge(self.formats[kind])
                self.setFormat(offset + token.start(), len(word), fmt)
