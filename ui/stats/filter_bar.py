"""What the Statistics tab counts: the range of days (UTC), the filters, the grouping and
whose figures (the agent's own or the team's). Any change asks for new figures after a short
pause, so typing a filter runs one query, not one per key."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QLabel,
    QWidget,
)

from ui.stats.values import FILTERS, GROUPINGS, Access, Request

PAUSE_MS = 400  # after the last change: a person typing an agent's name is not done yet
DATE_FORMAT = "yyyy-MM-dd"


class FilterBar(QWidget):
    changed = Signal()  # the request differs from the last one (after the pause)

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="statsFilters")
        self._pause = QTimer(self, singleShot=True, interval=PAUSE_MS)
        self._pause.timeout.connect(self.changed)
        self.since = self._date_edit("statsSince")
        self.until = self._date_edit("statsUntil")
        self.set_range(Request.default(today).since, today)
        self.by = QComboBox(objectName="statsGrouping")
        self.by.addItems([""] * len(GROUPINGS))
        self.by.setCurrentIndex(GROUPINGS.index("case"))
        self.view = QComboBox(objectName="statsView")
        self.view.addItems(["", ""])  # mine, the team's (see retranslate)
        self._team: bool | None = None  # until the person chooses: the database's usual view
        self._own_agent = ""  # the agent name the own view put in the agent filter
        self.filters = {name: self._filter_box(name) for name in FILTERS}
        self.labels = {name: QLabel() for name in ("since", "until", "by", "view", *FILTERS)}
        self.utc_note = QLabel(objectName="statsUtcNote")
        self._layout()
        self.by.currentIndexChanged.connect(self._pause.start)
        self.view.currentIndexChanged.connect(self._view_chosen)
        self.retranslate()

    def _date_edit(self, name: str) -> QDateEdit:
        edit: QDateEdit = QDateEdit(objectName=name, calendarPopup=True)
        edit.setDisplayFormat(DATE_FORMAT)
        edit.dateChanged.connect(self._dates_changed)
        return edit

    def _filter_box(self, name: str) -> QComboBox:
        box = QComboBox(objectName=f"statsFilter_{name}", editable=True)
        box.setMinimumContentsLength(12)
        box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        box.currentTextChanged.connect(self._pause.start)
        return box

    def _layout(self) -> None:
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        first = [("since", self.since), ("until", self.until), ("by", self.by),
                 ("view", self.view)]
        for column, (name, widget) in enumerate(first):
            grid.addWidget(self.labels[name], 0, 2 * column)
            grid.addWidget(widget, 0, 2 * column + 1)
        grid.addWidget(self.utc_note, 0, 8, 1, 2)
        for column, name in enumerate(FILTERS):
            grid.addWidget(self.labels[name], 1, 2 * column)
            grid.addWidget(self.filters[name], 1, 2 * column + 1)
        for column in range(1, 10, 2):
            grid.setColumnStretch(column, 1)

    def retranslate(self) -> None:
        texts = {"since": self.tr("From"), "until": self.tr("To"), "by": self.tr("Group by"),
                 "view": self.tr("Figures of"), "agent": self.tr("Agent"),
                 "store": self.tr("Store"), "marketplace": self.tr("Marketplace"),
                 "case_id": self.tr("Case"), "product": self.tr("Product")}
        for name, text in texts.items():
            self.labels[name].setText(text)
        groupings = {"day": self.tr("Day"), "case": self.tr("Case"), "action": self.tr("Action"),
                     "agent": self.tr("Agent"), "product": self.tr("Product")}
        for index, name in enumerate(GROUPINGS):
            self.by.setItemText(index, groupings[name])
        self.view.setItemText(0, self.tr("Mine"))
        self.view.setItemText(1, self.tr("The whole team"))
        self.utc_note.setText(self.tr("Days are UTC days (08:00 to 08:00 Beijing time)."))
        for box in self.filters.values():
            line = box.lineEdit()
            if line is not None:  # always: the boxes are editable
                line.setPlaceholderText(self.tr("any"))

    # What the person chose.
    def request(self) -> Request:
        filters = {name: box.currentText().strip() for name, box in self.filters.items()}
        since, until = (edit.date() for edit in (self.since, self.until))
        return Request(dt.date(since.year(), since.month(), since.day()),
                       dt.date(until.year(), until.month(), until.day()),
                       GROUPINGS[self.by.currentIndex()],
                       {name: text for name, text in filters.items() if text}, self._team)

    def set_range(self, since: dt.date, until: dt.date) -> None:
        for edit, day in ((self.since, since), (self.until, until)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)

    def _view_chosen(self, index: int) -> None:
        self._team = index == 1
        agent = self.filters["agent"]
        # Leaving the own view takes its name out of the agent filter; entering it, another
        # agent's name (the own view holds the agent filter to the agent's own).
        if not self._team or agent.currentText() == self._own_agent:
            agent.blockSignals(True)
            agent.setCurrentText("")
            agent.blockSignals(False)
            self._own_agent = ""
        self._pause.start()

    def _dates_changed(self) -> None:
        # The range never ends before it starts: moving one end past the other moves both.
        since, until = self.since.date(), self.until.date()
        if since > until:
            other = self.until if self.sender() is self.since else self.since
            other.blockSignals(True)
            other.setDate(since if other is self.until else until)
            other.blockSignals(False)
        self._pause.start()

    # What the view-model found.
    def set_choices(self, values: Mapping[str, list[str]]) -> None:
        """The values each filter offers (what the log holds); the text typed stays."""
        for name, box in self.filters.items():
            typed = box.currentText()
            box.blockSignals(True)
            box.clear()
            box.addItems(["", *values.get(name, [])])
            box.setCurrentText(typed)
            box.blockSignals(False)

    def set_access(self, access: Access) -> None:
        """Whose figures these are. The team view can be chosen over the team database only;
        the agent's own view only with an agent name, and it holds the agent filter."""
        self.view.blockSignals(True)
        self.view.setCurrentIndex(1 if access.team else 0)
        self.view.blockSignals(False)
        model = self.view.model()
        for index, allowed in ((0, bool(access.agent)), (1, access.team_database)):
            model.item(index).setEnabled(allowed)  # type: ignore[attr-defined]
        self.view.setToolTip("" if access.team_database else self.tr(
            "The team's figures need the team database (File › Team database…)."))
        agent = self.filters["agent"]
        agent.setEnabled(access.team)
        shown = (access.agent or "") if not access.team else (
            "" if agent.currentText() == self._own_agent else agent.currentText())
        self._own_agent = "" if access.team else shown
        if shown != agent.currentText():
            agent.blockSignals(True)
            agent.setCurrentText(shown)
            agent.blockSignals(False)
