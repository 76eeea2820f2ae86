"""The clipboard seam: the window copies through this, tests can swap or read it."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtGui import QClipboard, QGuiApplication


class Clipboard(Protocol):
    def set_text(self, text: str) -> None: ...

    def text(self) -> str: ...


class QtClipboard:
    """Qt's own clipboard: works offscreen, on X11, Wayland, Windows and macOS."""

    def set_text(self, text: str) -> None:
        board = QGuiApplication.clipboard()
        board.setText(text, QClipboard.Mode.Clipboard)

    def text(self) -> str:
        return QGuiApplication.clipboard().text(QClipboard.Mode.Clipboard)
