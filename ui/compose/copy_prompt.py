"""The questions before a copy: while the reply still lacks fields, and when the order or the
buyer was compensated before. The default answer is the safe one: Enter or Esc goes back, so
neither a marker nor a second refund reaches a buyer by reflex."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from app.catalog.labels import LIST_SEPARATOR

if TYPE_CHECKING:  # QMessageBox comes with the first question, not on the way to a ready
    # window: PySide builds the class and its enums on first use, ~4 ms
    from PySide6.QtWidgets import QMessageBox, QWidget


def _back_or_anyway(box: QMessageBox, back_text: str, anyway_text: str) -> bool:
    """Show `box` with the two answers, going back the default (Enter) and the escape."""
    from PySide6.QtWidgets import QMessageBox

    back = box.addButton(back_text, QMessageBox.ButtonRole.RejectRole)
    anyway = box.addButton(anyway_text, QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(back)
    box.setEscapeButton(back)
    box.exec()
    return box.clickedButton() is anyway


class CopyPrompt(QObject):
    def ask(self, parent: QWidget, labels: list[str], lang: str) -> bool:
        """True only when the agent clicks "Copy anyway"."""
        from PySide6.QtWidgets import QMessageBox

        needs = self.tr("The reply still needs: {0}.").format(
            LIST_SEPARATOR.get(lang).join(labels))
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Fields missing"), needs,
                          QMessageBox.StandardButton.NoButton, parent)
        return _back_or_anyway(box, self.tr("Go back and fill them"), self.tr("Copy anyway"))


def ask_copy_anyway(parent: QWidget, labels: list[str], lang: str) -> bool:
    return CopyPrompt().ask(parent, labels, lang)


class CompensationPrompt(QObject):
    def ask(self, parent: QWidget, notes: list[str]) -> bool:
        """True only when the agent clicks "Copy anyway"."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Compensated before"),
                          "\n".join(notes), QMessageBox.StandardButton.NoButton, parent)
        box.setInformativeText(self.tr("Offer compensation again?"))
        return _back_or_anyway(box, self.tr("Go back"), self.tr("Copy anyway"))


def ask_compensate_again(parent: QWidget, notes: list[str]) -> bool:
    return CompensationPrompt().ask(parent, notes)
