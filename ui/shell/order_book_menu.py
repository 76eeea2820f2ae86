"""File › Import orders… (Ctrl+I) and File › Team database… (Ctrl+Alt+D), for one window.

The importer and the dialog are made on first use (their modules and the database stay off
the start-up path). After an import the compose tab looks its message or order number up
again; after the database setting changes, the compose tab and the statistics open the new
database."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot

from ui.shell.actions import ActionId

if TYPE_CHECKING:
    from app.user.paths import UserData
    from ui.orders.database_dialog import TeamDatabase
    from ui.orders.import_orders import ImportOrders
    from ui.shell.actions import ActionRegistry
    from ui.shell.main_window import MainWindow


class OrderBookCommands(QObject):
    def __init__(self, window: MainWindow, actions: ActionRegistry) -> None:
        super().__init__(window)
        self.window = window
        self.importer: ImportOrders | None = None
        self.database: TeamDatabase | None = None
        actions.connect(ActionId.IMPORT_ORDERS, self.import_orders)
        actions.connect(ActionId.TEAM_DATABASE, self.choose_database)

    def _data(self) -> UserData | None:
        """The user data folder, once the window has read the setup."""
        setup = self.window.vm.setup
        return setup.data if setup is not None else None

    @Slot()
    def import_orders(self) -> None:
        importer = self._importer()
        if importer is not None:
            importer.start()

    def _importer(self) -> ImportOrders | None:
        data = self._data()
        if self.importer is None and data is not None:
            from ui.orders.import_orders import ImportOrders

            self.importer = ImportOrders(self.window, data, language=lambda: self.window.lang)
            self.importer.imported.connect(self._imported)
        return self.importer

    @Slot(object)
    def _imported(self, _result: object) -> None:
        page = self.window.page
        if page is not None and page.book is not None:
            page.book.look_again()

    @Slot()
    def choose_database(self) -> None:
        data = self._data()
        if data is None:
            return
        if self.database is None:
            from ui.orders.database_dialog import TeamDatabase

            self.database = TeamDatabase(self.window, data, language=lambda: self.window.lang)
            self.database.databaseChanged.connect(self._database_changed)
        self.database.open()

    @Slot(str)
    def _database_changed(self, _url: str) -> None:
        if self.window.vm.desk is not None:
            self.window.vm.desk.reopen()
        if self.window.stats.tab is not None:
            self.window.stats.tab.reload()  # the team's figures, or this desk's
        self._imported(None)  # the new database may know the order on screen
