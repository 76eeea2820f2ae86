"""The log entries behind the figure clicked: when, who answered, the order, the case, what
was offered and the reply (its start; all of it in the tooltip). In the team view there is
no buyer column: buyers are known there by their order number only."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from app.stats.rows import EntryLine

SHOWN_TEXT = 160  # characters of a reply in its cell
TOOLTIP_TEXT = 1500  # and in its tooltip


class EntriesList(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="statsEntries")
        self.title = QLabel(objectName="statsEntriesTitle", wordWrap=True)
        self.table = QTableWidget(objectName="statsEntriesTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table)
        self._what = ""
        self._lines: list[EntryLine] = []
        self._total = 0
        self._buyers = False
        self._name: Callable[[str, str | None], str | None] = lambda _by, key: key
        self.retranslate()

    def retranslate(self) -> None:
        self._headers()
        self._title()

    def clear_entries(self) -> None:
        self._what, self._lines = "", []
        self.table.setRowCount(0)
        self._title()

    def show_entries(self, what: str, lines: Sequence[EntryLine], total: int, buyers: bool,
                     name: Callable[[str, str | None], str | None]) -> None:
        """`what`: the figure clicked, as the title names it; `total`: its replies (more
        than the lines when the list is cut); `buyers`: the agent's own view (buyers' names
        shown); `name`: a case's or an action's title from its id."""
        self._what, self._lines, self._buyers, self._name = what, list(lines), buyers, name
        self._total = max(total, len(self._lines))
        self._headers()
        self.table.setRowCount(len(self._lines))
        for row, line in enumerate(self._lines):
            for column, text in enumerate(self._cells(line)):
                item = QTableWidgetItem(text)
                if column == self.table.columnCount() - 1:
                    item.setToolTip(line.text[:TOOLTIP_TEXT])
                self.table.setItem(row, column, item)
        self._title()

    def _cells(self, line: EntryLine) -> list[str]:
        offer = ", ".join(self._name("action", a) or a for a in line.actions) \
            or self.tr("nothing offered")
        if line.refund_amount is not None:
            offer += f" · {line.refund_amount} {line.refund_currency or ''}".rstrip()
        flags = [text for text, on in ((self.tr("edited"), line.hand_edited),
                                       (self.tr("above the policy"), line.over_policy),
                                       (self.tr("markers left"), line.markers_left)) if on]
        text = " ".join(line.text.split())
        cells = [line.logged_at.strftime("%Y-%m-%d %H:%M"), line.agent or "—",
                 line.order_id or "—", *([line.buyer or "—"] if self._buyers else []),
                 self._name("case", line.case_id) or line.case_id, offer, " · ".join(flags),
                 text if len(text) <= SHOWN_TEXT else text[:SHOWN_TEXT - 1] + "…"]
        return cells

    def _headers(self) -> None:
        headers = [self.tr("Time (UTC)"), self.tr("Agent"), self.tr("Order"),
                   *([self.tr("Buyer")] if self._buyers else []), self.tr("Case"),
                   self.tr("Offered"), self.tr("Notes"), self.tr("Reply")]
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        header = self.table.horizontalHeader()
        for column in range(len(headers) - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)

    def _title(self) -> None:
        if not self._what:
            self.title.setText(self.tr("Click a row of the table or a bar of a chart to see "
                                       "the replies behind it."))
        elif not self._lines:
            self.title.setText(self.tr("No replies behind {0}.").format(self._what))
        elif self._total > len(self._lines):
            self.title.setText(self.tr("Replies behind {0}: the newest {1} of {2}.").format(
                self._what, f"{len(self._lines):,}", f"{self._total:,}"))
        else:
            self.title.setText(self.tr("Replies behind {0}: {1}, newest first.").format(
                self._what, f"{len(self._lines):,}"))
