"""The reply (editable for a last touch), its review under it, Copy, and the Chinese gloss."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, Qt, Signal, Slot
from PySide6.QtGui import QHelpEvent, QSyntaxHighlighter, QTextCharFormat, QTextDocument
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from app.catalog.labels import LIST_SEPARATOR
from ui.widgets import palette
from ui.widgets.language_names import LANGUAGE_NAMES
from ui.widgets.text_update import exact_text, replace_text

if TYPE_CHECKING:
    from app.catalog.labels import Label
    from app.compose.result import Composition
    from app.review.review import Review


class MarkerHighlighter(QSyntaxHighlighter):
    """Highlights the markers of values still missing, e.g. "[tracking number]"."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._pattern: re.Pattern[str] | None = None
        self._format = QTextCharFormat()
        self._format.setBackground(palette.qcolor(palette.MARKER_BG))
        self._format.setForeground(palette.qcolor(palette.MARKER_TEXT))
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


class ReplyEditor(QPlainTextEdit):
    """The reply text. Tab moves on to Copy (a reply never needs a tab character); hovering a
    marker such as "[deadline]" says which fields it waits for."""

    def __init__(self) -> None:
        super().__init__(objectName="preview")
        self.setTabChangesFocus(True)
        self.marker_tips: dict[str, str] = {}  # marker text -> its tooltip

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            tip = self.tip_at(event.pos())
            if tip:
                QToolTip.showText(event.globalPos(), tip, self)
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def tip_at(self, point: QPoint) -> str:
        cursor = self.cursorForPosition(point)
        line, column = cursor.block().text(), cursor.positionInBlock()
        for marker, tip in self.marker_tips.items():
            start = line.find(marker)
            while start != -1:
                if start <= column <= start + len(marker):
                    return tip
                start = line.find(marker, start + 1)
        return ""


class ReplyPanel(QWidget):
    copyRequested = Signal()
    resetRequested = Signal()
    languageChosen = Signal(str)  # a language code, "" for automatic

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = "en"
        self.title = QLabel(objectName="previewTitle", wordWrap=True)
        self.title.setStyleSheet("font-weight: bold;")
        self.language = QComboBox(objectName="replyLanguage")
        self.language.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.language.addItem("", "")  # automatic: its text says which language it chose
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language_note = QLabel(objectName="languageNote", visible=False, wordWrap=True)
        self.language_note.setStyleSheet(palette.css(palette.WARNING_TEXT, palette.WARNING_BG,
                                                     "padding: 4px;"))
        self.auto_language = "en"
        self.edited_note = QLabel(objectName="editedNote", visible=False, wordWrap=True)
        self.edited_note.setStyleSheet(palette.css(palette.EDITED))
        self.warnings = QLabel(objectName="complianceWarning", visible=False, wordWrap=True)
        self.warnings.setStyleSheet(palette.css(palette.WARNING_TEXT, palette.WARNING_BG,
                                                "padding: 4px;"))
        self.error = QLabel(objectName="renderError", visible=False, wordWrap=True)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.setStyleSheet(palette.css(palette.ERROR, palette.ERROR_BG, "padding: 4px;"))
        self.editor = ReplyEditor()
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
        self.language.activated.connect(
            lambda index: self.languageChosen.emit(str(self.language.itemData(index))))
        self.retranslate()

    def _layout(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.reset_button)
        buttons.addStretch(1)
        buttons.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        heading = QHBoxLayout()
        heading.addWidget(self.title, 1)
        heading.addWidget(self.language)
        layout.addLayout(heading)
        layout.addWidget(self.language_note)
        layout.addWidget(self.error)
        layout.addWidget(self.edited_note)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.warnings)
        layout.addLayout(buttons)
        layout.addWidget(self.gloss_toggle)
        layout.addWidget(self.gloss, 1)  # as tall as the reply: it is as long

    def retranslate(self) -> None:
        self.title.setText(self.tr("Reply to the buyer"))
        self.language.setToolTip(self.tr("The reply's language (Ctrl+L). Automatic: the "
                                         "buyer's message's language, else the destination "
                                         "country's."))
        self._name_auto()
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
        return bool(self._rendered) and exact_text(self.editor) != self._rendered

    def text(self) -> str:
        return exact_text(self.editor)

    def show_result(self, result: Composition) -> None:
        self.error.hide()
        self.copy_button.setEnabled(True)
        self._show_language(result)
        replace_text(self.gloss, result.gloss)
        if self.is_edited:
            return  # never overwrite the agent's own words
        self.highlighter.set_markers(m.text for m in result.markers)
        self.editor.marker_tips = {m.text: self._needs(m.labels) for m in result.markers}
        self._rendered = result.reply
        replace_text(self.editor, result.reply)
        self._text_changed()

    def _show_language(self, result: Composition) -> None:
        """The title names the reply's language; a reply not written in the language asked
        for says it is the English one."""
        self.title.setText(self.tr("Reply to the buyer ({0})").format(
            LANGUAGE_NAMES.get(result.language, result.language)))
        if self.language.currentIndex() == 0:
            self.auto_language = result.wanted_language
            self._name_auto()
        self.language_note.setText(self.tr(
            "This reply has no {0} version yet: the buyer gets it in English.").format(
                LANGUAGE_NAMES.get(result.wanted_language, result.wanted_language)))
        self.language_note.setVisible(result.fell_back)

    def _name_auto(self) -> None:
        name = LANGUAGE_NAMES.get(self.auto_language, self.auto_language)
        self.language.setItemText(0, self.tr("Auto: {0}").format(name))

    def choose_language(self, code: str) -> None:
        """Show this choice ("" for automatic) without telling anyone (a new buyer)."""
        self.language.setCurrentIndex(max(0, self.language.findData(code)))

    def open_language_menu(self) -> None:
        self.language.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.language.showPopup()

    def _needs(self, labels: tuple[Label, ...]) -> str:
        names = LIST_SEPARATOR.get(self.lang).join(label.get(self.lang) for label in labels)
        return self.tr("Fill in: {0}").format(names) if names else ""

    def show_review(self, review: Review) -> None:
        """Marketplace-rule warnings (⚠), then English hints (✎)."""
        lines = [f"⚠ {w.get(self.lang)}" for w in review.warnings]
        if review.problem is not None:
            lines.append(f"⚠ {review.problem}")
        lines += [f"✎ {h.get(self.lang)}" for h in review.hints]
        self.warnings.setText("\n".join(lines))
        self.warnings.setVisible(bool(lines))

    def show_error(self, message: str) -> None:
        """The chosen case's reply can't render: say why; Copy stays off until it can (the
        text below may be another case's reply and must never be copied)."""
        self.error.setText(self.tr("Can't render this reply: {0}").format(message)
                           + "\n" + self.tr("Copy is off until the template is fixed."))
        self.error.show()
        self.copy_button.setEnabled(False)

    def reset(self) -> None:
        self._rendered = ""  # forget the hand edit; the next result replaces the text
        self.editor.setPlainText("")

    @Slot(bool)
    def set_gloss_visible(self, visible: bool) -> None:
        self.gloss.setVisible(visible)
        self.gloss_toggle.setChecked(visible)
        arrow = Qt.ArrowType.DownArrow if visible else Qt.ArrowType.RightArrow
        self.gloss_toggle.setArrowType(arrow)

    def _text_changed(self) -> None:
        edited = self.is_edited
        self.edited_note.setVisible(edited)
        self.reset_button.setEnabled(edited)
