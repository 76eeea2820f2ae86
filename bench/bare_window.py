"""The baseline for start-up: a bare PySide6 main window, timed to its first paint.

Same clock as `ui.shell.startup` (process start from /proc to the first QEvent.Paint), so the
ratio against `reply-composer --smoke` compares like with like.

    QT_QPA_PLATFORM=offscreen python -m bench.bare_window
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

from ui.shell.startup import seconds_since_start


class FirstPaint(QObject):
    def __init__(self, window: QMainWindow, app: QApplication) -> None:
        super().__init__(window)
        self.window, self.app, self.done = window, app, False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            QTimer.singleShot(0, self.report)
        return False

    def report(self) -> None:
        """Once painted: say when (a subclass may do more first)."""
        print(f"first paint after {seconds_since_start():.3f} s", flush=True)
        self.app.quit()


def run(title: str, watcher: Callable[[QMainWindow, QApplication], QObject]) -> int:
    """A main window of the app's default size, watched from its first paint on."""
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle(title)
    window.resize(1320, 800)
    window.installEventFilter(watcher(window, app))
    window.show()
    return app.exec()


def main() -> int:
    return run("bare", FirstPaint)


if __name__ == "__main__":
    sys.exit(main())
