"""The Statistics tab's place in the window. The tab itself — its database queries, and the
chart library it loads when first shown — is made when the team lead first opens it, never
on the way to the first paint or for an agent who never looks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QShowEvent

    from ui.shell.main_window import MainWindow
    from ui.stats.tab import StatsTab


class StatsPlace(QWidget):
    status = Signal(str)  # the tab's lines for the status bar

    def __init__(self, window: MainWindow) -> None:
        super().__init__(objectName="statsPlace")
        self.main = window
        self.tab: StatsTab | None = None
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(0, 0, 0, 0)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.build()

    def build(self) -> StatsTab | None:
        """The tab (once), when the user's setup has been read."""
        setup = self.main.vm.setup
        if self.tab is None and setup is not None:
            from ui.stats.tab import StatsTab

            vm = self.main.vm  # an agent's own figures: the name in the order form
            self.tab = StatsTab(self, setup.data, language=lambda: self.main.lang,
                                agent=lambda: vm.values.get("agent_name", "").strip() or None,
                                today=vm.today)
            self.tab.status.connect(self.status)
            self.box.addWidget(self.tab)
            self.tab.show()
        return self.tab

    def shutdown(self) -> None:
        if self.tab is not None:
            self.tab.shutdown()
