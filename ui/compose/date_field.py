"""A date the agent can type (YYYY-MM-DD) or pick from a calendar, and leave empty.

QDateEdit can't be empty: its "no date" trick (a minimum date shown as "—") makes typing fail
and opens the calendar in the year 2000. A line edit accepts what is typed (the view-model
names a bad date), and the button opens a calendar at the date typed, or at today.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QMenu, QToolButton, QWidget, QWidgetAction

if TYPE_CHECKING:
    from PySide6.QtWidgets import QCalendarWidget

ISO = "yyyy-MM-dd"


class DateField(QWidget):
    edited = Signal(str)  # the raw text, as typed or picked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line = QLineEdit(clearButtonEnabled=True, placeholderText="YYYY-MM-DD")
        self._calendar: QCalendarWidget | None = None
        self.button = QToolButton(text="▾", popupMode=QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setStyleSheet("QToolButton::menu-indicator { image: none; }")  # one arrow
        self.menu = QMenu(self.button)
        self.menu.aboutToShow.connect(self._open_at_current)
        self.button.setMenu(self.menu)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.line, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.line)
        self.line.textEdited.connect(self.edited)

    @property
    def calendar(self) -> QCalendarWidget:
        """Made when it is first opened: a form has several dates and the agent types most
        of them (the class alone is ~3 ms of the window's start, each calendar ~1 ms)."""
        if self._calendar is None:
            from PySide6.QtWidgets import QCalendarWidget

            self._calendar = QCalendarWidget(gridVisible=True)
            holder = QWidgetAction(self.menu)
            holder.setDefaultWidget(self._calendar)
            self.menu.addAction(holder)
            self._calendar.clicked.connect(self._picked)
        return self._calendar

    def set_text(self, text: str) -> None:
        self.line.setText(text)

    def _open_at_current(self) -> None:
        date = QDate.fromString(self.line.text().strip(), ISO)
        self.calendar.setSelectedDate(date if date.isValid() else QDate.currentDate())

    def _picked(self, date: QDate) -> None:
        self.line.setText(date.toString(ISO))
        self.menu.hide()
        self.edited.emit(self.line.text())
