"""A one-line notice above the editor with a few buttons (restore drafts, reload, undo)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from ui.widgets import palette

STYLES = {  # kind -> (background, border)
    "info": (palette.INFO_BG, palette.INFO_BORDER),
    "warning": (palette.NOTICE_BG, palette.NOTICE_BORDER),
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
        background, border = STYLES[kind]
        style = palette.css(background=background,
                            extra=f"border: 1px solid {palette.hex_of(border)};")
        self.setStyleSheet(f"#{self.objectName()} {{ {style} }}")
        self.show()

    def button(self, index: int) -> QPushButton:
        return self.buttons[index]
