"""The reply preview (editable for a last touch) and its Chinese gloss."""

from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.widgets.text_update import replace_text


class MarkerHighlighter(QSyntaxHighlighter):
    """Highlights the markers of fields still missing, e.g. "[tracking number]"."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._pattern: re.Pattern[str] | None = None
        self._format = QTextCharFormat()
        self._format.setBackground(QColor("#ffe08a"))
        self._format.setForeground(QColor("#5c3c00"))
        self._format.setFontWeight(700)

    def set_markers(self, markers: Iterable[str]) -> None:
        alternatives = "|".join(re.escape(m) for m in sorted(set(markers), key=len, reverse=True))
        pattern = re.compile(alternatives) if alternatives else None
        if (pattern and pattern.pattern) != (self._pattern and self._pattern.pattern):
            self._pattern = pattern
            self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        if self._pattern is None:
            return
        for match in self._pattern.finditer(text):
            self.setFormat(match.start(), match.end() - match.start(), self._format)


class PreviewPanel(QWidget):
    copyRequested = Signal()
    resetRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(objectName="previewTitle")
        self.title.setStyleSheet("font-weight: bold;")
        self.edited_note = QLabel(objectName="editedNote", visible=False, wordWrap=True)
        self.edited_note.setStyleSheet("color: #8a5a00;")
        self.warnings = QLabel(objectName="complianceWarning", visible=False, wordWrap=True)
        self.warnings.setStyleSheet("color: #7a2e00; background: #fff1e0; padding: 4px;")
        self.error = QLabel(objectName="renderError", visible=False, wordWrap=True)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.setStyleSheet("color: #b3261e; background: #fdecea; padding: 4px;")
        self.editor = QPlainTextEdit(objectName="preview")
        self.highlighter = MarkerHighlighter(self.editor.document())
        self.reset_button = QPushButton(objectName="resetButton", enabled=False)
        self.copy_button = QPushButton(objectName="copyButton", default=True)
        self.copy_button.setMinimumHeight(34)
        self.copy_button.setStyleSheet("font-weight: bold;")
        self.gloss_toggle = QToolButton(objectName="glossToggle", checkable=True, checked=True)
        self.gloss_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.gloss_toggle.setArrowType(Qt.ArrowType.DownArrow)
        self.gloss = QPlainTextEdit(objectName="gloss", readOnly=True)
        self._rendered = ""  # the text the template produced, to tell hand edits apart
        self._layout()
        self.editor.textChanged.connect(self._text_changed)
        self.reset_button.clicked.connect(self.resetRequested)
        self.copy_button.clicked.connect(self.copyRequested)
        self.gloss_toggle.toggled.connect(self.set_gloss_visible)
        self.retranslate()

    def _layout(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.reset_button)
        buttons.addStretch(1)
        buttons.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.error)
        layout.addWidget(self.edited_note)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.warnings)
        layout.addLayout(buttons)
        layout.addWidget(self.gloss_toggle)
        layout.addWidget(self.gloss, 1)  # as tall as the reply: it is as long

    def retranslate(self) -> None:
        self.title.setText(self.tr("Reply to the buyer (English)"))
        self.reset_button.setText(self.tr("Reset to template"))
        self.copy_button.setText(self.tr("Copy reply"))
        self.gloss_toggle.setText(self.tr("Chinese meaning (for you; not sent)"))
        # What a first start shows before any case is chosen: where to begin.
        self.editor.setPlaceholderText(self.tr(
            "Pick the buyer's case on the left (Ctrl+K to search): the English reply "
            "appears here, ready to copy with Ctrl+Enter."))
        self.edited_note.setText(self.tr(
            "Edited by hand: order changes no longer update this text. "
            "Reset to template to see them."))

    @property
    def is_edited(self) -> bool:
        return self.editor.toPlainText() != self._rendered

    def text(self) -> str:
        return self.editor.toPlainText()

    def show_result(self, reply: str, gloss: str, markers: Iterable[str]) -> None:
        self.error.hide()
        replace_text(self.gloss, gloss)
        if self.is_edited and self._rendered:
            return  # never overwrite the agent's own words
        self.highlighter.set_markers(markers)
        self._rendered = reply
        replace_text(self.editor, reply)
        self._text_changed()

    def show_warnings(self, messages: list[str], hints: list[str] | None = None) -> None:
        """Marketplace-rule warnings (⚠), then English hints (✎)."""
        lines = [f"⚠ {m}" for m in messages] + [f"✎ {h}" for h in hints or ()]
        self.warnings.setText("\n".join(lines))
        self.warnings.setVisible(bool(lines))

    def show_error(self, message: str) -> None:
        self.error.setText(self.tr("Can't render this reply: {0}").format(message)
                           + "\n" + self.tr("The preview below is the last good one."))
        self.error.show()

    def reset(self) -> None:
        self._rendered = ""  # forget the hand edit; the next result replaces the text
        self.editor.setPlainText("")

    def set_gloss_visible(self, visible: bool) -> None:
        self.gloss.setVisible(visible)
        self.gloss_toggle.setChecked(visible)
        arrow = Qt.ArrowType.DownArrow if visible else Qt.ArrowType.RightArrow
        self.gloss_toggle.setArrowType(arrow)

    def _text_changed(self) -> None:
        edited = self.is_edited and bool(self._rendered)
        self.edited_note.setVisible(edited)
        self.reset_button.setEnabled(edited)
