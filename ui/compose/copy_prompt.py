"""The question before a copy while the reply still lacks fields. Its default answer is the
safe one: Enter or Esc goes back to fill them, so a marker never reaches a buyer by reflex."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from app.catalog.labels import LIST_SEPARATOR


class CopyPrompt(QObject):
    def ask(self, parent: QWidget, labels: list[str], lang: str) -> bool:
        """True only when the agent clicks "Copy anyway"."""
        needs = self.tr("The reply still needs: {0}.").format(
            LIST_SEPARATOR.get(lang).join(labels))
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Fields missing"), needs,
                          QMessageBox.StandardButton.NoButton, parent)
        back = box.addButton(self.tr("Go back and fill them"), QMessageBox.ButtonRole.RejectRole)
        anyway = box.addButton(self.tr("Copy anyway"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(back)
        box.setEscapeButton(back)
        box.exec()
        return box.clickedButton() is anyway


def ask_copy_anyway(parent: QWidget, labels: list[str], lang: str) -> bool:
    return CopyPrompt().ask(parent, labels, lang)
