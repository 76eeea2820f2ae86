"""The Statistics tab's charts (pyqtgraph, and with it numpy: this module is imported when the
tab is first shown, never on the way to the window's first paint):

- replies per day, one bar per day of the range (days without replies at zero);
- compensation in one currency (amounts in two currencies are never added up) for the
  table's rows, largest first, as horizontal bars with the amount at the end of each.

Clicking a bar asks for the log entries behind it."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import pyqtgraph as pg  # type: ignore[import-untyped]  # no type hints published
from PySide6.QtCore import QPointF, Signal
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from app.stats.rows import FigureRow

TOP = 10  # bars in the compensation chart: the rest are in the table
DAY_TICKS = 6  # at most this many day labels under the bars, whatever the range
BAR = 0.7  # a bar's thickness, of the space one bar has


def _colours() -> tuple[QColor, QColor, QColor]:
    """Background, text and bar colours from the desktop's palette (light or dark)."""
    palette = QGuiApplication.palette()
    return palette.base().color(), palette.text().color(), palette.highlight().color()


class BarChart(pg.PlotWidget):  # type: ignore[misc]  # an Any base: pyqtgraph is untyped
    """Bars with a label per bar on the category axis; `barClicked` gives a bar's index."""

    barClicked = Signal(int)

    def __init__(self, horizontal: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.horizontal = horizontal
        self.count = 0
        background, text, _ = _colours()
        self.setBackground(background)
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        for name in ("left", "bottom"):
            axis = self.getAxis(name)
            axis.setPen(text)
            axis.setTextPen(text)
        if horizontal:  # each bar says its amount: an axis of amounts would only crowd it
            self.hideAxis("bottom")
        self.note = pg.TextItem(color=text, anchor=(0.5, 0.5))
        self.scene().sigMouseClicked.connect(self._clicked)

    def draw(self, values: Sequence[float], labels: Sequence[str], ticks: Sequence[int],
             empty: str, value_text: Callable[[float], str] | None = None) -> None:
        """Bars of `values` (in order: left to right, or top to bottom); `ticks`: which bars
        get their label on the axis; `empty`: what to say when every value is zero."""
        self.clear()
        self.count = len(values)
        _, text, bar = _colours()
        where = list(range(len(values)))
        if self.horizontal:
            item = pg.BarGraphItem(x0=0, y=where, height=BAR, width=list(values), brush=bar,
                                   pen=pg.mkPen(None))
        else:
            item = pg.BarGraphItem(x=where, height=list(values), width=BAR, brush=bar,
                                   pen=pg.mkPen(None))
        self.addItem(item)
        axis = self.getAxis("left" if self.horizontal else "bottom")
        axis.setTicks([[(i, labels[i]) for i in ticks], []])
        top = max(values, default=0)
        if value_text is not None:
            for i, value in enumerate(values):
                label = pg.TextItem(value_text(value), color=text, anchor=(0, 0.5))
                label.setPos(value + top * 0.02, i)
                self.addItem(label)
        self._ranges(len(values), top, value_text is not None)
        if top <= 0:
            self.note.setText(empty)
            middle = max(len(values) - 1, 0) / 2
            self.note.setPos(*((0.5, middle) if self.horizontal else (middle, 0.5)))
            self.addItem(self.note)

    def _ranges(self, count: int, top: float, labelled: bool) -> None:
        # Beside the first and the last bar, room for half a label: the axis leaves out a
        # label that would stick out.
        margin = 0.6 if self.horizontal else 1.4
        span = (-margin, max(count, 1) - 1 + margin)
        reach = (0, top * (1.5 if labelled else 1.05) or 1)  # room for the amounts
        box = self.getPlotItem().getViewBox()
        if self.horizontal:
            box.invertY(True)  # the largest first, at the top
            self.setRange(xRange=reach, yRange=span, padding=0)
        else:
            self.setRange(xRange=span, yRange=reach, padding=0)

    def _clicked(self, event: Any) -> None:
        point: QPointF = self.getPlotItem().getViewBox().mapSceneToView(event.scenePos())
        index = round(point.y() if self.horizontal else point.x())
        if 0 <= index < self.count:
            self.barClicked.emit(index)


class Charts(QWidget):
    dayChosen = Signal(str)  # a day "2026-11-01"
    keyChosen = Signal(object)  # a key of the table's grouping (str | None)
    currencyChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="statsCharts")
        pg.setConfigOptions(antialias=True)
        self.days_title = QLabel(objectName="statsDaysTitle")
        self.money_title = QLabel(objectName="statsMoneyTitle")
        for title in (self.days_title, self.money_title):
            title.setStyleSheet("font-weight: bold;")
        self.currency = QComboBox(objectName="statsCurrency")
        self.currency.currentIndexChanged.connect(self.currencyChanged)
        self.days = BarChart(horizontal=False)
        self.money = BarChart(horizontal=True)
        self.days.barClicked.connect(self._day_clicked)
        self.money.barClicked.connect(self._key_clicked)
        self._day_keys: list[str] = []
        self._keys: list[str | None] = []
        money_head = QHBoxLayout()
        money_head.addWidget(self.money_title, 1)
        money_head.addWidget(self.currency)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.days_title)
        layout.addWidget(self.days, 1)
        layout.addLayout(money_head)
        layout.addWidget(self.money, 1)

    def show_days(self, title: str, rows: Sequence[FigureRow], empty: str) -> None:
        self.days_title.setText(title)
        self._day_keys = [row.key or "" for row in rows]
        step = max(1, math.ceil(len(rows) / DAY_TICKS))
        labels = [key[5:] for key in self._day_keys]  # "11-01": the year is in the range
        # Labels away from the ends: one half outside the axis would not be drawn.
        self.days.draw([row.replies for row in rows], labels,
                       range(step // 2, len(rows), step), empty)

    def set_currencies(self, codes: Sequence[str], names: Sequence[str]) -> None:
        """The currencies the figures hold amounts in; the one chosen stays when it's there
        again, else the first (the most used: see the tab)."""
        chosen = self.currency.currentData()
        self.currency.blockSignals(True)
        self.currency.clear()
        for code, name in zip(codes, names, strict=True):
            self.currency.addItem(name, code)
        index = self.currency.findData(chosen) if chosen in codes else 0
        self.currency.setCurrentIndex(max(index, 0))
        self.currency.blockSignals(False)
        self.currency.setVisible(bool(codes))

    def chosen_currency(self) -> str | None:
        code = self.currency.currentData()
        return str(code) if code else None

    def show_money(self, title: str, rows: Sequence[tuple[str | None, str, Decimal]],
                   empty: str, amount: Callable[[float], str]) -> None:
        """rows: (key, its name, the amount in the chosen currency), largest first."""
        self.money_title.setText(title)
        shown = list(rows)[:TOP]
        self._keys = [key for key, _, _ in shown]
        self.money.draw([float(value) for _, _, value in shown],
                        [name for _, name, _ in shown], range(len(shown)), empty, amount)

    def _day_clicked(self, index: int) -> None:
        if index < len(self._day_keys):
            self.dayChosen.emit(self._day_keys[index])

    def _key_clicked(self, index: int) -> None:
        if index < len(self._keys):
            self.keyChosen.emit(self._keys[index])
