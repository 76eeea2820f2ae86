"""Opening the window: display check, QApplication, first paint, `--smoke` timing."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ui.shell.main_window import MainWindow

NO_DISPLAY = ("reply-composer: no display found (DISPLAY and WAYLAND_DISPLAY are unset), so the "
              "window can't open. Use the CLI instead: reply-composer compose --help")


def display_available() -> bool:
    if os.environ.get("QT_QPA_PLATFORM") or not sys.platform.startswith("linux"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run(library: Path | None = None, smoke: bool = False, ready: bool = False) -> int:
    if not display_available():
        print(NO_DISPLAY, file=sys.stderr)
        return 3
    # Not the `Qt` namespace: its first use builds ~90 Python enums (Qt.Key alone has 471
    # members), a fifth of a bare window's start-up. The panels use it after the paint.
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from ui.compose.viewmodel import ComposeViewModel
    from ui.shell.main_window import MainWindow, default_settings

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Reply Composer")
    # --smoke measures start-up to the first paint and exits there, without building the
    # panels and reading the catalog that come right after it in a normal start.
    window = MainWindow(ComposeViewModel(library=library),
                        default_settings(), build_after_paint=not smoke)
    if smoke:
        from ui.shell.startup import seconds_since_start

        def report() -> None:
            print(f"first paint after {seconds_since_start():.3f} s", flush=True)
            app.exit(0)  # not quit(), which closes the window: a smoke run saves no state

        window.firstPainted.connect(lambda: QTimer.singleShot(0, report))  # once painted
    if ready:
        window.ready.connect(lambda: QTimer.singleShot(0, lambda: _report_ready(window)))
    window.show()
    return app.exec()


def _report_ready(window: MainWindow) -> None:
    """`--smoke-ready`: the compose page painted with its case list and form, the catalog
    loaded, Ctrl+M taken (the message box has the focus): the agent could start now."""
    from PySide6.QtWidgets import QApplication

    from ui.shell.actions import ActionId
    from ui.shell.startup import seconds_since_start

    assert window.page is not None
    window.page.repaint()  # painted now, with the case list and the form
    window.actions_[ActionId.PASTE_MESSAGE].trigger()
    accepted = QApplication.focusWidget() is window.page.message.editor
    print(f"ready after {seconds_since_start():.3f} s" + ("" if accepted else " (Ctrl+M ignored)"),
          flush=True)
    QApplication.instance().exit(0)  # type: ignore[union-attr]
