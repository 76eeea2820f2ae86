"""The baseline for start-up: a bare PySide6 main window, timed to its first paint.

Same clock as `ui.shell.startup` (process start from /proc to the first QEvent.Paint), so the
ratio against `reply-composer --smoke` compares like with like.

    QT_QPA_PLATFORM=offscreen python -m bench.bare_window
"""

from __future__ import annotations

import sys

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
        print(f"first paint after {seconds_since_start():.3f} s", flush=True)
        self.app.quit()


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("bare")
    window.resize(1320, 800)
    watcher = FirstPaint(window, app)
    window.installEventFilter(watcher)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
