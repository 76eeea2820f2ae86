"""A one-line notice above the editor with a few buttons (restore drafts, reload, undo)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

STYLES = {
    "info": "background: #e8f0fe; border: 1px solid #b6c8f0;",
    "warning": "background: #fff4d6; border: 1px solid #e8c766;",
}


class Banner(QFrame):
    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName=object_name, visible=False)
        self.label = QLabel(wordWrap=True)
        self.layout_ = QHBoxLayout(self)
        self.layout_.setContentsMargins(8, 4, 8, 4)
        self.layout_.addWidget(self.label, 1)
        self.buttons: list[QPushButton] = []

    def show_message(self, text: str, buttons: Sequence[tuple[str, Callable[[], object]]],
                     kind: str = "info") -> None:
        for button in self.buttons:
            button.deleteLater()
        self.buttons = []
        self.label.setText(text)
        for index, (label, callback) in enumerate(buttons):
            button = QPushButton(label, objectName=f"{self.objectName()}Button{index}")
            button.clicked.connect(callback)
            self.layout_.addWidget(button)
            self.buttons.append(button)
        self.setStyleSheet(f"#{self.objectName()} {{ {STYLES[kind]} }}")
        self.show()

    def button(self, index: int) -> QPushButton:
        return self.buttons[index]
