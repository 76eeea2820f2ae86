"""Beside the form: what this order already got — earlier replies and compensation, by whom
and when — and the notes before a copy (compensated already; another shipping method)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ui.widgets import palette

if TYPE_CHECKING:
    from app.desk.history import HistoryLine
    from app.desk.notes import Note

SHOWN_TEXT = 300  # characters of an earlier reply in its tooltip
SHOWN_LINES = 4  # earlier replies listed without scrolling


class HistoryPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="historyPanel", visible=False)
        self.lang = "en"
        self.title = QLabel(objectName="historyTitle")
        self.title.setStyleSheet("font-weight: bold;")
        self.notes = QLabel(objectName="historyNotes", wordWrap=True, visible=False)
        self.notes.setStyleSheet(palette.css(palette.WARNING_TEXT, palette.WARNING_BG,
                                             "padding: 4px;"))
        self.entries = QListWidget(objectName="historyList")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        for widget in (self.title, self.notes, self.entries):
            layout.addWidget(widget)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Earlier on this order"))

    def show_history(self, entries: Sequence[HistoryLine], notes: Sequence[Note]) -> None:
        self.notes.setText("\n".join(f"⚠ {note.text.get(self.lang)}" for note in notes))
        self.notes.setVisible(bool(notes))
        self.entries.clear()
        for entry in entries:
            item = QListWidgetItem(entry.text.get(self.lang))
            item.setToolTip(entry.reply[:SHOWN_TEXT])
            self.entries.addItem(item)
        self.entries.setVisible(bool(entries))
        if entries:  # as tall as its lines, up to SHOWN_LINES: the policy panel keeps the room
            rows = min(len(entries), SHOWN_LINES)
            self.entries.setFixedHeight(rows * self.entries.sizeHintForRow(0)
                                        + 2 * self.entries.frameWidth() + 2)
        self.setVisible(bool(entries or notes))
