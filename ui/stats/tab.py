"""The Statistics tab: the team lead's figures over the case log — a range of UTC days and
filters above, the table of figures and two charts (replies per day; compensation in one
currency by the table's grouping), the replies behind a clicked row or bar below, and the
table exported as CSV or XLSX.

Nothing is asked of the database, and pyqtgraph is not imported, until the tab is first
shown; every query runs on the view-model's worker thread."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from ui.stats.entries_list import EntriesList
from ui.stats.figures_table import FiguresTable
from ui.stats.filter_bar import FilterBar
from ui.stats.values import NO_NAMES, Choices, Shown, key_name
from ui.stats.viewmodel import StatsModel, StatsSource
from ui.widgets import palette

if TYPE_CHECKING:
    from PySide6.QtGui import QShowEvent

    from app.catalog.labels import Label
    from app.stats.export import Table
    from app.stats.rows import EntryLine
    from ui.stats.charts import Charts


class StatsTab(QWidget):
    status = Signal(str)  # a line for the window's status bar (an export written)

    def __init__(self, parent: QWidget | None, source: StatsSource,
                 language: Callable[[], str], agent: Callable[[], str | None] | None = None,
                 today: Callable[[], dt.date] | None = None) -> None:
        """source: the user data folder (the window's database setting; there the desk's own
        file is not the team database) or a function giving a database URL; language: the
        window's ("en"/"zh"); agent: the agent's name (default: the saved profile's);
        today: the last day of the default range (default: today in UTC)."""
        super().__init__(parent, objectName="statsTab")
        self.language = language
        self.model = StatsModel(source, agent, self)
        self.model.language = language  # for the problems the domain says in both languages
        self.today = today or (lambda: dt.datetime.now(dt.timezone.utc).date())
        self.filters = FilterBar(self.today())
        self.table = FiguresTable()
        self.entries = EntriesList()
        self.charts: Charts | None = None  # made when the tab is first shown
        self.shown_: Shown | None = None
        self.names: Mapping[str, Label] = NO_NAMES
        self.message = QLabel(objectName="statsMessage", wordWrap=True)
        self.refresh_button = QPushButton(objectName="statsRefresh")
        self.csv_button = QPushButton(objectName="statsExportCsv", enabled=False)
        self.xlsx_button = QPushButton(objectName="statsExportXlsx", enabled=False)
        # Where an export goes: a file dialog; tests put a function returning a path here.
        self.ask_path: Callable[[str], Path | None] = self._ask_path
        self._layout()
        self._connect()
        self.retranslate()

    def _layout(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        for button in (self.refresh_button, self.csv_button, self.xlsx_button):
            buttons.addWidget(button)
        self.top = QSplitter(Qt.Orientation.Horizontal, objectName="statsTopSplitter")
        self.top.addWidget(self.table)
        self.chart_place = QWidget(objectName="statsChartPlace")
        self.chart_layout = QVBoxLayout(self.chart_place)
        self.chart_layout.setContentsMargins(0, 0, 0, 0)
        self.top.addWidget(self.chart_place)
        self.top.setStretchFactor(0, 3)
        self.top.setStretchFactor(1, 2)
        self.split = QSplitter(Qt.Orientation.Vertical, objectName="statsSplitter")
        self.split.addWidget(self.top)
        self.split.addWidget(self.entries)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addLayout(buttons)
        layout.addWidget(self.split, 1)

    def _connect(self) -> None:
        self.filters.changed.connect(self.refresh)
        self.refresh_button.clicked.connect(self.reload)
        self.csv_button.clicked.connect(lambda: self.export("csv"))
        self.xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        self.table.rowChosen.connect(lambda key: self.show_entries(self._by(), key))
        model = self.model
        model.shown.connect(self._show)
        model.choicesShown.connect(self._choices)
        model.entriesShown.connect(self._entries)
        model.exported.connect(self._exported)
        model.failed.connect(self._failed)

    def retranslate(self) -> None:
        self.refresh_button.setText(self.tr("Refresh"))
        self.csv_button.setText(self.tr("Export CSV…"))
        self.xlsx_button.setText(self.tr("Export XLSX…"))
        self.filters.retranslate()
        self.entries.retranslate()
        if self.shown_ is not None:
            self._show(self.shown_)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.charts is None:  # the first time: the charts, the filters' values, figures
            self._make_charts()
            width, height = self.width(), self.height()
            self.top.setSizes([width * 70 // 100, width * 30 // 100])
            self.split.setSizes([height * 55 // 100, height * 45 // 100])
            self.reload()

    def _make_charts(self) -> None:
        from ui.stats.charts import Charts

        self.charts = Charts()
        self.chart_layout.addWidget(self.charts)
        self.charts.dayChosen.connect(lambda day: self.show_entries("day", day))
        self.charts.keyChosen.connect(lambda key: self.show_entries(self._by(), key))
        self.charts.currencyChanged.connect(self._draw_money)

    def shutdown(self) -> None:
        """The window closes: queued queries are dropped, the one under way ends on its own,
        then the database is closed (on the worker)."""
        self.model.close()

    # Asking.
    def reload(self) -> None:
        """Everything anew (copies logged since, another database set): the filters'
        values and the figures."""
        self.model.load_choices(self.filters.request())
        self.refresh()

    def refresh(self) -> None:
        self.message.setText(self.tr("Counting…"))
        self.message.setStyleSheet("")
        self.model.refresh(self.filters.request())

    def show_entries(self, by: str, key: str | None) -> None:
        if self.shown_ is not None:
            self.model.entries(self.shown_.request, by, key)

    def export(self, kind: str) -> None:
        shown = self.shown_
        if shown is None:
            return
        request = shown.request
        path = self.ask_path(f"reply-composer-{request.by}-{request.since}-{request.until}"
                             f".{kind}")
        if path is None:
            return
        if path.suffix.lower() != f".{kind}":
            path = path.with_name(f"{path.name}.{kind}")
        table = self.model.table(shown, self.language(), self.names)
        self.model.export(path, table, self._grouping_name(request.by))

    def _ask_path(self, name: str) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        kind = name.rsplit(".", 1)[-1]
        files = self.tr("CSV files (*.csv)") if kind == "csv" else self.tr(
            "Excel workbooks (*.xlsx)")
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Export the table"),
                                                str(Path.home() / name), files)
        return Path(chosen) if chosen else None

    # Answers.
    def _show(self, shown: Shown) -> None:
        if self.shown_ is not None and shown.request != self.shown_.request:
            self.entries.clear_entries()  # they were behind other figures
        self.shown_ = shown
        report, lang = shown.report, self.language()
        request = shown.request
        self.filters.set_access(shown.access)
        table = self.model.table(shown, lang, self.names)
        keys = [row.key for row in report.rows]
        tips = [key if self._name(request.by, key) != key else None for key in keys]
        self.table.show_table(table, keys, self.model.cell_text, tips, self._explained(table))
        for button in (self.csv_button, self.xlsx_button):
            button.setEnabled(bool(report.rows))
        whose = self.tr("the whole team") if shown.access.team else self.tr("{0} only").format(
            shown.access.agent or "")
        if report.rows:
            self.message.setText(self.tr("{0} replies from {1} to {2} (UTC), {3}.").format(
                f"{report.totals.replies:,}", request.since, request.until, whose))
        else:
            self.message.setText(self.tr("No replies from {0} to {1} (UTC), {2}.").format(
                request.since, request.until, whose))
        self.message.setStyleSheet("")
        self._draw()

    def _draw(self) -> None:
        shown, charts = self.shown_, self.charts
        if shown is None or charts is None:
            return
        charts.show_days(self.tr("Replies per day (UTC)"), shown.days,
                         self.tr("No replies in this range"))
        rows = shown.report.rows
        use: dict[str, int] = {}  # currency → rows with an amount in it
        for row in rows:
            for code in row.compensation:
                use[code] = use.get(code, 0) + 1
        # The most used first; at a tie US dollars, the marketplaces' own currency.
        codes = sorted(use, key=lambda code: (-use[code], code != "USD", code))
        charts.set_currencies(codes, [self.model.currency_name(c, self.language())
                                      for c in codes])
        self._draw_money()

    def _draw_money(self) -> None:
        shown, charts = self.shown_, self.charts
        if shown is None or charts is None:
            return
        code = charts.chosen_currency()
        by = shown.request.by
        amounts = [(row.key, self._name(by, row.key), row.compensation[code])
                   for row in shown.report.rows if code and row.compensation.get(code)]
        amounts.sort(key=lambda found: -found[2])
        currency = self.model.currency_name(code, self.language()) if code else ""
        charts.show_money(self.tr("Compensation in {0}, by {1}").format(
            currency, self._grouping_name(by)), amounts,
            self.tr("No compensation in this range"), lambda value: f"{value:,.2f}")

    def _choices(self, choices: Choices) -> None:
        self.names = choices.names
        self.filters.set_choices(choices.values)
        if self.shown_ is not None:
            self._show(self.shown_)  # the cases' and actions' titles, now known

    def _entries(self, by: str, key: str | None, lines: list[EntryLine]) -> None:
        shown = self.shown_
        rows = (shown.days if by == "day" else shown.report.rows) if shown else []
        total = next((row.replies for row in rows if row.key == key), len(lines))
        what = self.tr("{0} “{1}”").format(self._grouping_name(by), self._name(by, key))
        self.entries.show_entries(what, lines, total,
                                  bool(shown and not shown.access.team), self._name_or_none)

    def _exported(self, path: str) -> None:
        text = self.tr("Saved {0}").format(path)
        self.message.setText(text)
        self.status.emit(text)

    def _failed(self, reason: str) -> None:
        self.message.setText(self.tr("No figures: {0}").format(reason))
        self.message.setStyleSheet(palette.css(palette.ERROR))

    def _explained(self, table: Table) -> list[str]:
        """What each column counts (the table's columns: the key, the product's name by
        product, replies, compensated, one per currency, then the four below)."""
        named = 1 if self._by() == "product" else 0
        currencies = len(table.header) - 7 - named
        return ["", *[""] * named, self.tr("Replies copied to buyers"),
                self.tr("Replies that gave something: a refund, a resend, a discount or a "
                        "cost paid"),
                *[self.tr("The most the replies offered, added up in this currency only")]
                * currencies,
                self.tr("Replies the agent changed by hand before copying"),
                self.tr("Hand-edited replies of all replies"),
                self.tr("Replies that offered more money than the policy suggested"),
                self.tr("Replies copied with a marker of an empty field still in them, "
                        "such as [tracking number]")]

    # Names.
    def _by(self) -> str:
        return self.shown_.request.by if self.shown_ else self.filters.request().by

    def _name(self, by: str, key: str | None) -> str:
        return key_name(by, key, self.names, self.language()) or self.tr("(none)")

    def _name_or_none(self, by: str, key: str | None) -> str | None:
        return key_name(by, key, self.names, self.language())

    def _grouping_name(self, by: str) -> str:
        names = {"day": self.tr("day"), "case": self.tr("case"), "action": self.tr("action"),
                 "agent": self.tr("agent"), "product": self.tr("product")}
        return names[by]
