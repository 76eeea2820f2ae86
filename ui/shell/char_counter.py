"""The status bar's character counter: the reply's length against the marketplace's limit
(a setting), amber near it and red past it."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QLabel, QWidget

from ui.shell.window_state import WindowState
from ui.widgets import palette

NEAR_LIMIT = 0.9


class CharCounter(QLabel):
    def __init__(self, state: WindowState, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="charCounter")
        self.state = state
        self.length = 0

    def show_length(self, length: int) -> None:
        self.length = length
        limit = self.state.char_limit
        self.setText(self.tr("{0} / {1} characters").format(f"{length:,}", f"{limit:,}"))
        colour = palette.ERROR if length > limit else \
            palette.WARNING if length >= limit * NEAR_LIMIT else None
        self.setStyleSheet(palette.css(colour, extra="font-weight: bold;") if colour else "")

    @Slot()
    def ask_limit(self) -> None:
        from PySide6.QtWidgets import QInputDialog  # dialogs: imported when first shown

        limit, ok = QInputDialog.getInt(
            self.window(), self.tr("Character limit"),
            self.tr("Warn when a reply is longer than (characters):"),
            self.state.char_limit, 50, 100_000, 50)
        if ok:
            self.set_limit(limit)

    def set_limit(self, limit: int) -> None:
        self.state.char_limit = limit
        self.show_length(self.length)
