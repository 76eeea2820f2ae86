"""Screenshots for docs/: the window with a real case filled in.

    QT_QPA_PLATFORM=offscreen python scripts/screenshot.py docs/compose-en.png [en|zh] [WxH]
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# This checkout, not a copy installed in the venv earlier.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from app.user.paths import UserData
from ui.compose.viewmodel import ComposeViewModel
from ui.shell.main_window import MainWindow

ORDER = {
    "buyer_name": "Maria", "order_id": "8123456789012345", "ship_date": "2026-10-20",
    "shipping_method": "china-post-small-packet", "destination_country": "BR",
    "tracking_number": "LP123456789CN", "store_name": "Sunny Fashion Store", "agent_name": "Lily",
}


def seed_order_book(data: UserData) -> None:
    """The order in the book, and a reply an agent copied for it last week: the compose tab
    shows where its fields came from and the order's history."""
    import uuid
    from decimal import Decimal

    from app.caselog.entries import LogEntry
    from app.caselog.log import CaseLog
    from app.db.engine import open_database
    from app.db.url import default_url
    from app.orders.book import OrderBook
    from app.orders.records import ExportReading, ImportedOrder, OrderItem

    engine = open_database(default_url(data))
    order = ImportedOrder(
        marketplace="aliexpress", order_id=ORDER["order_id"], row=2, buyer_name="Maria Souza",
        destination_country="BR", order_date=dt.date(2026, 10, 18),
        ship_date=dt.date(2026, 10, 20), chosen_method="China Post Small Packet",
        actual_method="China Post Small Packet", tracking_number=ORDER["tracking_number"],
        order_amount=Decimal("25.80"), currency="USD", store="Sunny Fashion Store",
        estimated_weight=None, actual_weight=Decimal("0.21"),
        items=(OrderItem("TS-WHT-M", "White cotton T-shirt", 2, Decimal("12.90")),))
    OrderBook(engine).import_reading(ExportReading("aliexpress", (order,), (), 1), "export.xls")
    CaseLog(engine).record(LogEntry(
        uuid.uuid4(), dt.datetime(2026, 11, 18, 3, 12, tzinfo=dt.timezone.utc), "Ann",
        "Sunny Fashion Store", "aliexpress", ORDER["order_id"], "Maria Souza",
        "not-received-in-transit", "not-received-in-transit", ("wait",), None, None, None, None,
        "pt", False, False, None, None, "Olá Maria, seu pedido está a caminho…"))
    engine.dispose()


MESSAGE = ("Olá, meu pedido ainda não chegou, já faz mais de um mês! Rastreio LP123456789CN. "
           "Onde está meu pedido?")


def main(out: str, lang: str = "en", size: str = "1440x860",
         case: str = "not-received-in-transit") -> None:
    app = QApplication(sys.argv[:1])
    tmp = Path(tempfile.mkdtemp())
    settings = QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("ui/language", lang)
    settings.setValue("compose/recentCases", ["quality-stained", case])
    seed_order_book(UserData(tmp / "data"))
    vm = ComposeViewModel(user=UserData(tmp / "data"),
                          today=lambda: dt.date(2026, 11, 26), debounce_ms=0)
    window = MainWindow(vm, settings)
    width, height = (int(n) for n in size.split("x"))
    window.resize(width, height)
    window.show()
    app.processEvents()
    vm.load()
    window.page.populate(window.state.recent_cases)
    window.page.message.editor.setPlainText(MESSAGE)  # pasted: suggests, fills tracking
    vm.values.update(ORDER)
    vm.select_case(case)
    vm.compose_now()
    for _ in range(40):  # the order book answers from its worker thread
        app.processEvents()
        time.sleep(0.05)
    window.grab().save(out)
    print(out)


if __name__ == "__main__":
    main(*sys.argv[1:])
