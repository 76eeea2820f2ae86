"""Find order (Ctrl+O): type an order number, a tracking number or a buyer's name; the order
book's matches list as you type; Enter fills the form from the one chosen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.widgets import palette

if TYPE_CHECKING:
    from app.desk.desk import OrderFacts
    from ui.compose.desk_model import DeskModel

TYPING_PAUSE_MS = 200


class FindOrderDialog(QDialog):
    chosen = Signal(object)  # OrderFacts

    def __init__(self, desk: DeskModel, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="findOrderDialog")
        self.desk = desk
        self.search = QLineEdit(objectName="findOrderSearch")
        self.results = QListWidget(objectName="findOrderResults")
        self.note = QLabel(objectName="findOrderNote", wordWrap=True)
        self.note.setStyleSheet(palette.css(palette.MUTED))
        self.found: list[OrderFacts] = []
        self._choose_first = False  # Enter came before the answer: the first match is it
        self._timer = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._timer.timeout.connect(lambda: self.desk.lookup(self.search.text()))
        layout = QVBoxLayout(self)
        for widget in (self.search, self.results, self.note):
            layout.addWidget(widget)
        self.search.textEdited.connect(lambda _: self._timer.start())
        self.search.returnPressed.connect(self._choose_current)
        self.results.itemActivated.connect(lambda _: self._choose_current())
        desk.ordersFound.connect(self._show)
        desk.problem.connect(self.note.setText)
        self.setWindowTitle(self.tr("Find order"))
        self.search.setPlaceholderText(self.tr("Order number, tracking number or buyer name"))
        self.note.setText(self.tr("From the order book (File › Import orders…)."))
        # One order per line, never a sideways scroll: a long line ends in "…" (its tooltip
        # has all of it).
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.resize(760, 360)

    def _show(self, text: str, found: list[OrderFacts]) -> None:
        if text != self.search.text():
            return  # an older search's answer
        self.found = found
        self.results.clear()
        for facts in found:
            item = QListWidgetItem(_line(facts))
            item.setToolTip(item.text())
            self.results.addItem(item)
        if found:
            self.results.setCurrentRow(0)
        if self._choose_first and found:
            self._choose_first = False
            self._choose_current()
            return
        found_text = self.tr("{0} found: Enter fills the form").format(len(found))
        self.note.setText(found_text if found else self.tr("No order in the book matches."))

    def _choose_current(self) -> None:
        if self._timer.isActive():  # Enter right after typing: look it up, then choose
            self._timer.stop()
            self._choose_first = True
            self.desk.lookup(self.search.text())
            return
        row = self.results.currentRow()
        if 0 <= row < len(self.found):
            self.chosen.emit(self.found[row])
            self.accept()


def _line(facts: OrderFacts) -> str:
    order = facts.order
    parts = [order.order_id, order.buyer_name or "—", order.destination_country or "",
             order.ship_date.isoformat() if order.ship_date else "",
             order.tracking_number or "", order.items[0].name if order.items else ""]
    return "  ·  ".join(part for part in parts if part)
