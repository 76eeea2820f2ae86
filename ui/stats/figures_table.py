"""The table of figures: one row per day, case, action, agent or product, the totals last
(bold); counts and amounts right-aligned. Clicking a row asks for the entries behind it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

if TYPE_CHECKING:
    from app.stats.export import Table

KEY_ROLE = Qt.ItemDataRole.UserRole + 20  # the row's key as the database has it
TOTALS_ROLE = Qt.ItemDataRole.UserRole + 21  # the totals row: no entries of its own to list
ONE_LINE = 10  # characters of a column title that fit on one line


class FiguresTable(QTableWidget):
    rowChosen = Signal(object)  # the key (str | None) of the row clicked

    def __init__(self, parent: QTableWidget | None = None) -> None:
        super().__init__(parent, objectName="statsTable")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.cellClicked.connect(self._clicked)

    def show_table(self, table: Table, keys: Sequence[str | None],
                   text: Callable[[object, str], str], tips: Sequence[str | None] = (),
                   explained: Sequence[str] = ()) -> None:
        """`keys`: the database's key of each row (the table shows names); `text`: a cell as
        shown (view-model's cell_text); `tips`: a tooltip per row (e.g. the case id);
        `explained`: what each column counts, for its title's tooltip."""
        self.clear()
        self.setColumnCount(len(table.header))
        for column, title in enumerate(table.header):
            item = QTableWidgetItem(_header(title))
            if column < len(explained) and explained[column]:
                item.setToolTip(explained[column])
            self.setHorizontalHeaderItem(column, item)
        self.setRowCount(len(table.rows))
        last = len(table.rows) - 1
        for line, cells in enumerate(table.rows):
            totals = table.totals and line == last
            key = None if totals else keys[line]
            tip = tips[line] if line < len(tips) else None
            for column, (cell, kind) in enumerate(zip(cells, table.kinds, strict=True)):
                item = QTableWidgetItem(text(cell, kind))
                item.setData(KEY_ROLE, key)
                item.setData(TOTALS_ROLE, totals)
                if kind != "text" or isinstance(cell, (int, float, Decimal)):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if totals:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                if tip and column == 0:
                    item.setToolTip(tip)
                self.setItem(line, column, item)

    def _clicked(self, line: int, _column: int) -> None:
        item = self.item(line, 0)
        if item is not None and not item.data(TOTALS_ROLE):
            self.rowChosen.emit(item.data(KEY_ROLE))


def _header(text: str) -> str:
    """A column's title on two lines when long ("compensation\nUSD"), so the figures, not
    their titles, set the columns' widths; capitalised as a title."""
    text = text[:1].upper() + text[1:]
    if len(text) > ONE_LINE and " " in text:
        first, _, last = text.rpartition(" ")
        return f"{first}\n{last}"
    return text
