"""The Statistics tab in the window: made when first opened (not at start-up), over the
window's own database, named in both languages, shut down with the window."""

from __future__ import annotations

import sys

from app.db.url import default_url
from tests.stats_samples import ALL
from tests.test_stats_ui import filled


def test_the_statistics_tab_is_made_when_first_opened(qtbot, make_window, data):
    filled(default_url(data))
    window = make_window(data=data.root)
    window.vm.edit("agent_name", "Lily")  # on this desk's own database: Lily's own figures
    assert window.stats.tab is None and window.tabs.tabText(2) == "Statistics"
    window.tabs.setCurrentWidget(window.stats)
    tab = window.stats.tab
    assert tab is not None and tab.isVisibleTo(window)
    qtbot.waitUntil(lambda: tab.shown_ is not None, timeout=10_000)
    assert tab.shown_.report.totals.replies == sum(e.agent == "Lily" for e in ALL) > 0
    assert "pyqtgraph" in sys.modules  # the charts, drawn now that the tab is seen
    window.switch_language("zh")
    qtbot.waitUntil(lambda: window.tabs.tabText(2) == "统计", timeout=5000)  # LanguageChange
    window.close()
    assert tab.model.worker.closed  # no query starts after the window is gone


def test_without_an_agent_name_the_tab_says_so_in_the_windows_language(qtbot, make_window,
                                                                          data):
    filled(default_url(data))
    window = make_window("zh", data=data.root)
    window.tabs.setCurrentWidget(window.stats)
    message = window.stats.tab.message
    qtbot.waitUntil(lambda: "客服姓名" in message.text(), timeout=10_000)
    assert window.stats.tab.shown_ is None  # no one's figures shown instead
