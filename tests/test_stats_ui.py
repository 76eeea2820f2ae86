"""The Statistics tab on its own (pytest-qt, offscreen), over a temporary SQLite log holding
tests/stats_samples.py's entries: the table, the charts and their bars, the replies behind a
row or a bar, the views (team, own), the exports, and what start-up doesn't import."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.caselog.log import CaseLog
from app.db.engine import open_database
from app.db.url import default_url
from app.user.paths import UserData
from tests.stats_samples import ALL, E1, E2, E3, E5, E9, E10, UNTIL
from tests.test_db_engines import ROOT
from ui.stats.values import GROUPINGS

TODAY = UNTIL  # the default range: the 30 days up to 2026-11-03, E10 on 10-31 included


def filled(url: str) -> str:
    engine = open_database(url)
    try:
        CaseLog(engine).record_many(ALL)
    finally:
        engine.dispose()
    return url


@pytest.fixture()
def team_url(tmp_path) -> str:
    return filled("sqlite:///" + (tmp_path / "team.sqlite3").as_posix())


@pytest.fixture()
def make_tab(qtbot):
    from ui.stats.tab import StatsTab
    from ui.widgets import main_thread_gc

    main_thread_gc.install()  # as the window does: workers run Python
    made = []

    def make(source, lang="en", agent=None, wait=True):
        tab = StatsTab(None, source, lambda: lang, agent, today=lambda: TODAY)
        qtbot.addWidget(tab)
        made.append(tab)
        tab.resize(1280, 800)
        tab.show()
        if wait:
            qtbot.waitUntil(lambda: tab.shown_ is not None and bool(tab.names), timeout=10000)
        return tab

    yield make
    for tab in made:
        tab.shutdown()


def table_keys(tab) -> list:
    from ui.stats.figures_table import KEY_ROLE, TOTALS_ROLE

    table = tab.table
    return [table.item(r, 0).data(KEY_ROLE) for r in range(table.rowCount())
            if not table.item(r, 0).data(TOTALS_ROLE)]


def column(tab, header: str) -> list[str]:
    table = tab.table
    headers = [table.horizontalHeaderItem(c).text().replace("\n", " ").lower()
               for c in range(table.columnCount())]
    number = headers.index(header.lower())
    return [table.item(r, number).text() for r in range(table.rowCount())]


def changed(qtbot, tab, change) -> None:
    """Make a change in the filter bar and wait for the figures it asks for."""
    with qtbot.waitSignal(tab.model.shown, timeout=10000):
        change()


def test_the_default_range_is_the_last_30_days_by_case(make_tab, team_url):
    tab = make_tab(lambda: team_url)
    request = tab.shown_.request
    assert (request.since, request.until, request.by) == (dt.date(2026, 10, 5), TODAY, "case")
    assert table_keys(tab) == ["quality-stained", "customs-tax", "missing-item",
                               "not-received-in-transit", "order-received-thanks",
                               "shipping-method-changed", "wrong-item"]
    assert column(tab, "replies") == ["5", "1", "1", "1", "1", "1", "1", "11"]
    assert column(tab, "compensation USD")[0] == "16.99"  # 2 + 5 + 9.99 (E10, 10-31)
    assert column(tab, "compensation (no currency)")[-1] == "1.00"
    assert column(tab, "hand-edit rate")[-1] == "27.3%"  # 3 of 11
    assert tab.message.text() == "11 replies from 2026-10-05 to 2026-11-03 (UTC), the whole team."
    assert tab.csv_button.isEnabled() and tab.xlsx_button.isEnabled()


def test_cases_show_their_titles_with_the_id_in_the_tooltip(make_tab, team_url):
    from app.compose.sources import load_catalog_and_policy

    catalog, _ = load_catalog_and_policy()
    tab = make_tab(lambda: team_url)
    first = tab.table.item(0, 0)
    assert first.text() == catalog.cases["quality-stained"].title.en
    assert first.toolTip() == "quality-stained"


def test_grouping_and_filters_ask_again(qtbot, make_tab, team_url):
    tab = make_tab(lambda: team_url)
    changed(qtbot, tab, lambda: tab.filters.by.setCurrentIndex(GROUPINGS.index("agent")))
    assert table_keys(tab) == ["Lily", "Bo", "王芳", None]
    assert column(tab, "agent")[-2:] == ["(none)", "total"]
    changed(qtbot, tab, lambda: tab.filters.filters["agent"].setCurrentText("Bo"))
    assert table_keys(tab) == ["Bo"]
    assert column(tab, "compensation EUR") == ["2.00", "2.00"]
    changed(qtbot, tab, lambda: tab.filters.set_range(dt.date(2026, 12, 1),
                                                      dt.date(2026, 12, 31)) or tab.refresh())
    assert table_keys(tab) == [] and not tab.csv_button.isEnabled()
    assert tab.message.text().startswith("No replies from 2026-12-01 to 2026-12-31 (UTC)")


def test_the_day_chart_has_a_bar_per_day_and_a_click_lists_that_days_replies(
        qtbot, make_tab, team_url):
    tab = make_tab(lambda: team_url)
    days = tab.shown_.days
    assert len(days) == 30 and [d.replies for d in days[-5:]] == [0, 1, 2, 3, 5]
    chart = tab.charts.days
    assert chart.count == 30
    with qtbot.waitSignal(tab.model.entriesShown, timeout=10000):
        click_bar(qtbot, chart, 27)
    orders = [tab.entries.table.item(r, 2).text() for r in range(tab.entries.table.rowCount())]
    assert orders == [E1.order_id, E3.order_id]  # 2026-11-01: 23:59:59, then 07:30 Beijing
    assert tab.entries.title.text() == "Replies behind day “2026-11-01”: 2, newest first."


def test_the_compensation_chart_is_in_one_currency_at_a_time(qtbot, make_tab, team_url):
    tab = make_tab(lambda: team_url)
    charts = tab.charts
    codes = [charts.currency.itemData(i) for i in range(charts.currency.count())]
    assert codes[0] == "USD" and set(codes) == {"USD", "EUR", "XXX"}
    assert charts.money.count == 2  # quality-stained 16.99, missing-item 3.50
    assert charts._keys == ["quality-stained", "missing-item"]
    charts.currency.setCurrentIndex(codes.index("EUR"))
    assert charts._keys == ["quality-stained"]
    assert charts.money_title.text() == "Compensation in EUR, by case"
    with qtbot.waitSignal(tab.model.entriesShown, timeout=10000):
        click_bar(qtbot, charts.money, 0)
    assert tab.entries.table.rowCount() == 5


def test_a_row_lists_its_replies_without_buyers_in_the_team_view(qtbot, make_tab, team_url):
    tab = make_tab(lambda: team_url)
    with qtbot.waitSignal(tab.model.entriesShown, timeout=10000):
        qtbot.mouseClick(tab.table.viewport(), _left(),
                         pos=tab.table.visualItemRect(tab.table.item(0, 1)).center())
    listing = tab.entries.table
    headers = [listing.horizontalHeaderItem(c).text() for c in range(listing.columnCount())]
    assert "Buyer" not in headers and headers[:3] == ["Time (UTC)", "Agent", "Order"]
    assert [listing.item(r, 2).text() for r in range(listing.rowCount())] == [
        E9.order_id, E5.order_id, E2.order_id, E1.order_id, E10.order_id]
    replies = " ".join(listing.item(r, listing.columnCount() - 1).text()
                       for r in range(listing.rowCount()))
    assert "Maria" not in replies and "Dear ***," in replies
    assert "edited" in listing.item(1, headers.index("Notes")).text()
    assert tab.entries.title.text().startswith("Replies behind case “")


def test_the_desks_own_log_shows_the_agents_own_figures_and_buyers(qtbot, make_tab, tmp_path):
    data = UserData(tmp_path / "home")
    data.root.mkdir()
    data.profile.write_text('{"agent_name": "Lily"}', encoding="utf-8")
    filled(default_url(data))
    os.environ.pop("REPLY_COMPOSER_DB", None)
    tab = make_tab(data)
    access = tab.shown_.access
    assert (access.team, access.team_database, access.agent) == (False, False, "Lily")
    assert tab.message.text().endswith("Lily only.")
    assert tab.filters.filters["agent"].currentText() == "Lily"
    assert not tab.filters.filters["agent"].isEnabled()
    assert not tab.filters.view.model().item(1).isEnabled()  # the whole team: not here
    changed(qtbot, tab, lambda: tab.filters.by.setCurrentIndex(GROUPINGS.index("agent")))
    assert table_keys(tab) == ["Lily"]
    with qtbot.waitSignal(tab.model.entriesShown, timeout=10000):
        tab.show_entries("agent", "Lily")
    listing = tab.entries.table
    headers = [listing.horizontalHeaderItem(c).text() for c in range(listing.columnCount())]
    buyers = {listing.item(r, headers.index("Buyer")).text() for r in range(listing.rowCount())}
    assert "Maria Silva" in buyers


def test_switching_between_the_team_and_the_agents_own_figures(qtbot, make_tab, team_url):
    tab = make_tab(lambda: team_url, agent=lambda: "Bo")
    assert tab.shown_.access.team and tab.filters.view.currentIndex() == 1
    agent = tab.filters.filters["agent"]
    changed(qtbot, tab, lambda: agent.setCurrentText("Lily"))
    changed(qtbot, tab, lambda: tab.filters.view.setCurrentIndex(0))
    assert not tab.shown_.access.team and tab.message.text().endswith("Bo only.")
    assert table_keys(tab) == ["quality-stained", "customs-tax"]
    assert (agent.currentText(), agent.isEnabled()) == ("Bo", False)
    changed(qtbot, tab, lambda: tab.filters.view.setCurrentIndex(1))
    assert table_keys(tab)[0] == "quality-stained" and tab.shown_.report.totals.replies == 11
    assert (agent.currentText(), agent.isEnabled()) == ("", True)


def test_export_csv_and_xlsx_of_the_table_shown(qtbot, make_tab, team_url, tmp_path):
    import openpyxl

    tab = make_tab(lambda: team_url)
    tab.ask_path = lambda name: tmp_path / "figures"  # no suffix: the kind's is added
    with qtbot.waitSignal(tab.model.exported, timeout=10000):
        tab.csv_button.click()
    raw = (tmp_path / "figures.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:3] == ["case", "replies", "compensated"]
    assert rows[1][:2] == [tab.table.item(0, 0).text(), "5"] and rows[-1][:2] == ["total", "11"]
    assert tab.message.text() == f"Saved {tmp_path / 'figures.csv'}"
    with qtbot.waitSignal(tab.model.exported, timeout=10000):
        tab.xlsx_button.click()
    sheet = openpyxl.load_workbook(tmp_path / "figures.xlsx").active
    assert [c.value for c in sheet[1]][:2] == ["case", "replies"]
    assert sheet.cell(sheet.max_row, 2).value == 11


def test_chinese_headers_and_names(qtbot, make_tab, team_url):
    from app.compose.sources import load_catalog_and_policy
    from ui.shell.i18n import apply_language

    catalog, _ = load_catalog_and_policy()
    assert apply_language("zh", ROOT / "resources" / "i18n")
    try:
        tab = make_tab(lambda: team_url, lang="zh")
        headers = [tab.table.horizontalHeaderItem(c).text()
                   for c in range(tab.table.columnCount())]
        assert headers[:3] == ["案例", "回复数", "有补偿"]
        assert tab.table.item(0, 0).text() == catalog.cases["quality-stained"].title.zh
        assert tab.csv_button.text() == "导出 CSV…"
        assert tab.message.text() == "2026-10-05 至 2026-11-03（UTC）共 11 条回复，整个团队。"
        assert tab.charts.money_title.text() == "按案例统计的补偿（USD）"
    finally:
        apply_language("en", ROOT / "resources" / "i18n")
    qtbot.waitUntil(lambda: tab.csv_button.text() == "Export CSV…")  # retranslated in place


def test_a_database_that_cannot_be_reached_says_so(qtbot, make_tab):
    tab = make_tab(lambda: "postgresql://nobody@127.0.0.1:9/none", wait=False)
    qtbot.waitUntil(lambda: tab.message.text().startswith("No figures: "), timeout=10000)
    assert "is not available" in tab.message.text()


def test_after_shutdown_nothing_more_is_asked(qtbot, make_tab, team_url):
    tab = make_tab(lambda: team_url)
    tab.shutdown()
    tab.refresh()
    qtbot.waitUntil(lambda: tab.model._engine is None, timeout=10000)


def click_bar(qtbot, chart, index: int) -> None:
    from PySide6.QtCore import QPointF

    # Painted first: the axes size themselves to their labels when drawn, moving the bars.
    chart.grab()
    qtbot.wait(10)
    box = chart.getPlotItem().getViewBox()
    (x0, x1), (y0, y1) = box.viewRange()
    middle = QPointF(x0 + (x1 - x0) * 0.05, index) if chart.horizontal else \
        QPointF(index, y0 + (y1 - y0) * 0.05)  # near the axis: inside even a short bar
    where = chart.mapFromScene(box.mapViewToScene(middle))
    qtbot.mouseClick(chart.viewport(), _left(), pos=where)


def _left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


# What start-up and the tab's construction don't import (fresh processes).

def _python(code: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": str(home),
           "HOME": str(home), "XDG_CONFIG_HOME": str(home)}
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, env=env, check=False)


HEAVY = ("pyqtgraph", "numpy", "openpyxl")


def test_a_ready_window_has_not_imported_the_charts(tmp_path):
    done = _python("import sys; from ui.launch import main; code = main(['--smoke-ready']); "
                   f"print('loaded:', [m for m in {HEAVY!r} if m in sys.modules]); "
                   "sys.exit(code)", tmp_path)
    assert done.returncode == 0, done.stderr
    assert "loaded: []" in done.stdout


def test_the_tab_imports_pyqtgraph_when_first_shown(tmp_path, team_url):
    code = f"""
import sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from ui.stats.tab import StatsTab
tab = StatsTab(None, lambda: {team_url!r}, lambda: "en")
print("built:", [m for m in {(*HEAVY, "sqlalchemy")!r} if m in sys.modules])
tab.show()
print("shown:", [m for m in {HEAVY!r} if m in sys.modules])
tab.shutdown()
"""
    done = _python(code, tmp_path)
    assert done.returncode == 0, done.stderr
    assert "built: []" in done.stdout
    assert "shown: ['pyqtgraph', 'numpy']" in done.stdout
