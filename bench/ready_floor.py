"""The floor under `--smoke-ready`: a window that, after its first paint, builds the least a
compose page can be with PySide6 alone (no domain code, no catalog): a case list of 40
two-language rows with a search box, a message box, a form of eight fields, a reply box and a
Copy button, with Ctrl+M taken; then paints it and reports "ready", on the same clock as
`ui.shell.startup` and bench/bare_window.py.

Run against the bare window, it says how much of the ready budget (1.5× the bare window's
first paint) PySide6 itself takes before the app does anything of its own.

    QT_QPA_PLATFORM=offscreen python -m bench.ready_floor [--qt-namespace]

--qt-namespace also touches `Qt` once (any real page does: alignments, focus, keys), which
makes PySide6 build its ~90 Python enums.
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bench.bare_window import FirstPaint, run
from ui.shell.startup import seconds_since_start

CASES = 40
FIELDS = ("Order number", "Buyer", "Country", "Ship date", "Method", "Tracking number",
          "Amount", "Item")


def page(touch_qt: bool) -> tuple[QWidget, QPlainTextEdit]:
    root = QWidget()
    columns = QHBoxLayout(root)
    left = QVBoxLayout()
    left.addWidget(QLineEdit(placeholderText="Search cases"))
    model = QStandardItemModel()
    for n in range(CASES):
        model.appendRow(QStandardItem(f"Case {n}\n案例 {n}"))
    cases = QListView()
    cases.setModel(model)
    left.addWidget(cases)
    middle = QVBoxLayout()
    message = QPlainTextEdit(placeholderText="Paste the buyer's message")
    middle.addWidget(message)
    form = QFormLayout()
    for name in FIELDS:
        form.addRow(name, QLineEdit())
    middle.addLayout(form)
    right = QVBoxLayout()
    right.addWidget(QLabel("What the policy allows"))
    right.addWidget(QPlainTextEdit())
    right.addWidget(QPushButton("Copy"))
    for layout in (left, middle, right):
        columns.addLayout(layout)
    if touch_qt:
        from PySide6.QtCore import Qt

        cases.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return root, message


class Ready(FirstPaint):
    """After the first paint, builds the page, paints it and says when (as "ready")."""

    def report(self) -> None:
        root, message = page("--qt-namespace" in sys.argv)
        self.window.setCentralWidget(root)
        QShortcut(QKeySequence("Ctrl+M"), self.window, message.setFocus)
        message.setFocus()
        root.repaint()
        print(f"ready after {seconds_since_start():.3f} s", flush=True)
        self.app.quit()


def main() -> int:
    return run("ready floor", Ready)


if __name__ == "__main__":
    sys.exit(main())
