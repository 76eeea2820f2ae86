"""Screenshot of the Templates tab for docs/: a customised template being edited, with an
unknown field flagged and the last good preview kept (offscreen, temporary data folder).

    QT_QPA_PLATFORM=offscreen python scripts/screenshot_editor.py docs/editor.png [en|zh]
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
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout

from PySide6.QtCore import QSettings
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from app.data.bundled import bundled_dir
from app.user.paths import UserData
from ui.compose.viewmodel import ComposeViewModel
from ui.editor.preview_worker import PreviewWorker
from ui.shell.main_window import MainWindow

TEMPLATE = "quality-minor"


def customise(data: UserData) -> None:
    """A personal version of one template, and a broken one, as a team lead might have."""
    data.library.mkdir(parents=True)
    bundled = bundled_dir("templates")
    text = (bundled / f"{TEMPLATE}.j2").read_text(encoding="utf-8")
    text = text.replace("Thank you for your understanding.",
                        "Thank you for your understanding and patience.")
    (data.library / f"{TEMPLATE}.j2").write_text(text, encoding="utf-8")
    broken = (bundled / "order-unpaid.j2").read_text(encoding="utf-8")
    broken = broken.replace("{% include \"signoff\" %}", "{% if buyer_name %}", 1)
    (data.library / "order-unpaid.j2").write_text(broken, encoding="utf-8")


def main(out: str, lang: str = "en") -> None:
    with tempfile.TemporaryDirectory(prefix="reply-composer-shot-") as tmp:
        shoot(out, lang, Path(tmp))
    print(out)


def shoot(out: str, lang: str, tmp: Path) -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    data = UserData(tmp / "data")
    customise(data)
    settings = QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("ui/language", lang)
    vm = ComposeViewModel(user=data, today=lambda: dt.date(2026, 11, 26), debounce_ms=0)
    PreviewWorker.wait_s = 10.0  # the picture shows the finished preview
    window = MainWindow(vm, settings)
    window.resize(1440, 860)
    window.show()
    app.processEvents()
    vm.load()
    window.tabs.setCurrentWidget(window.templates)
    editor = window.editor
    editor.list.select(TEMPLATE)
    editor.vm.preview_now()  # the good preview first: the typo below keeps it on screen
    body = editor.form.body
    cursor = body.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    cursor.movePosition(QTextCursor.MoveOperation.Down, n=2)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    body.setTextCursor(cursor)
    body.insertPlainText(" Your order {{ order_idd }} matters to us.")
    editor.vm.preview_now()
    for _ in range(5):
        app.processEvents()
    window.grab().save(out)


if __name__ == "__main__":
    main(*sys.argv[1:])
