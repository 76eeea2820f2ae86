"""The template editor's live preview: the reply and gloss as a buyer would get them, with
sample data or the compose tab's order. A template that can't render keeps the last good
preview on screen, under a note saying why."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from ui.widgets import palette
from ui.widgets.language_names import LANGUAGE_NAMES
from ui.widgets.text_update import exact_text, replace_text

if TYPE_CHECKING:
    from app.library.unsaved import EditPreview, Problem


class EditPreviewPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="templatePreviewPanel")
        self.lang = "en"  # the language problems are shown in
        self.title = QLabel(objectName="templatePreviewTitle")
        self.title.setStyleSheet("font-weight: bold;")
        self.use_order = QCheckBox(objectName="previewUseOrder")
        self.case_label = QLabel(objectName="templatePreviewCase", wordWrap=True)
        self.case_label.setStyleSheet(palette.css(palette.MUTED))
        self.error = QLabel(objectName="templateError", visible=False, wordWrap=True)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.setStyleSheet(palette.css(palette.ERROR, palette.ERROR_BG, "padding: 4px;"))
        self.reply = QPlainTextEdit(objectName="templatePreview", readOnly=True)
        self.hints = QLabel(objectName="templateHints", visible=False, wordWrap=True)
        self.hints.setStyleSheet(palette.css(palette.WARNING_TEXT, palette.WARNING_BG,
                                             "padding: 4px;"))
        self.gloss_title = QLabel(objectName="templatePreviewGlossTitle")
        self.gloss = QPlainTextEdit(objectName="templatePreviewGloss", readOnly=True)
        self.template_id: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.title, self.use_order, self.case_label, self.error):
            layout.addWidget(widget)
        layout.addWidget(self.reply, 3)
        layout.addWidget(self.hints)
        layout.addWidget(self.gloss_title)
        layout.addWidget(self.gloss, 2)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Preview"))
        self.use_order.setText(self.tr("Use the compose tab's order (else sample data)"))
        self.gloss_title.setText(self.tr("Chinese gloss"))

    def clear(self) -> None:
        self.template_id = None
        self.reply.clear()
        self.gloss.clear()
        self.error.hide()
        self.case_label.clear()

    def show_busy(self) -> None:
        """A render is taking long (its result comes when it ends)."""
        self.title.setText(self.tr("Preview · rendering…"))

    def show_preview(self, result: EditPreview, case_title: str, wanted: str = "en") -> None:
        """The reply as rendered; `wanted` is the language asked for (the tab shown)."""
        if result.template_id != self.template_id:
            self.clear()  # the last good preview of another template is no help
            self.template_id = result.template_id
        lines = [self.tr("As the reply to: {0}").format(case_title)] if case_title else []
        if wanted != result.language:
            lines.append(self.tr("No {0} version yet: buyers get this English reply.").format(
                LANGUAGE_NAMES.get(wanted, wanted)))
        self.case_label.setText("\n".join(lines))
        self.title.setText(self.tr("Preview") + " · " + LANGUAGE_NAMES.get(result.language,
                                                                          result.language))
        if result.reply is not None and result.gloss is not None:
            self.error.hide()
            _set_text(self.reply, result.reply)
            _set_text(self.gloss, result.gloss)
            self._show_hints([h.get(self.lang) for h in result.review.hints]
                             if result.review else [])
            return
        lines = [self.problem_text(p) for p in result.problems[:4]]
        note = self.tr("The preview below is the last good one.") if exact_text(self.reply) \
            else ""
        self.error.setText(self.tr("Can't render this template:") + "\n" + "\n".join(lines)
                           + ("\n" + note if note else ""))
        self.error.show()

    def _show_hints(self, hints: list[str]) -> None:
        """English hints for the rendered reply: the compose tab would show them too."""
        self.hints.setText("\n".join(f"✎ {h}" for h in hints))
        self.hints.setVisible(bool(hints))

    def problem_text(self, problem: Problem) -> str:
        message = problem.message_in(self.lang)
        if problem.location:
            return f"{problem.location}: {message}"
        if problem.line:
            return self.tr("line {0}: {1}").format(problem.line, message)
        return message


def _set_text(editor: QPlainTextEdit, text: str) -> None:
    scroll = editor.verticalScrollBar().value()
    replace_text(editor, text)
    editor.verticalScrollBar().setValue(scroll)  # typing shouldn't jump the preview
