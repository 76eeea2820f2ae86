"""Screenshots for docs/: the window with a real case filled in.

    QT_QPA_PLATFORM=offscreen python scripts/screenshot.py docs/compose-en.png [en|zh] [WxH]
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
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


MESSAGE = ("Olá, meu pedido ainda não chegou, já faz mais de um mês! Rastreio LP123456789CN. "
           "Onde está meu pedido?")


def main(out: str, lang: str = "en", size: str = "1440x860",
         case: str = "not-received-in-transit") -> None:
    app = QApplication(sys.argv[:1])
    tmp = Path(tempfile.mkdtemp())
    settings = QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("ui/language", lang)
    settings.setValue("compose/recentCases", ["quality-stained", case])
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
    for _ in range(5):
        app.processEvents()
    window.grab().save(out)
    print(out)


if __name__ == "__main__":
    main(*sys.argv[1:])
