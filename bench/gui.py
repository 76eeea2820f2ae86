"""Qt plumbing shared by the in-process benchmarks: an offscreen app, throwaway settings,
key events, and waiting for a signal without a fixed sleep."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QEventLoop, QSettings, Qt, QTimer, SignalInstance
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget


def application() -> QApplication:
    existing = QApplication.instance()
    return existing if isinstance(existing, QApplication) else QApplication(["bench"])


def settings(folder: Path) -> QSettings:
    store = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    store.setValue("ui/language", "en")
    return store


def spin_until(done: Callable[[], bool], timeout: float = 10.0) -> None:
    """Process events until `done()`; the event loop is what delivers timers and signals."""
    app, deadline = application(), time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get there in time")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents)


class Waiter:
    """Runs a nested event loop until `signal` fires (one exec call, not a busy loop of
    processEvents calls: fewer binding calls in between the timed events)."""

    def __init__(self, signal: SignalInstance, timeout_ms: int = 10_000) -> None:
        self.loop = QEventLoop()
        signal.connect(self.loop.quit)
        self.timeout_ms = timeout_ms

    def wait(self, done: Callable[[], bool]) -> None:
        if done():
            return
        QTimer.singleShot(self.timeout_ms, self.loop.quit)
        self.loop.exec()
        if not done():
            raise TimeoutError("the signal never came")


def drain() -> None:
    """Let pending paints and layouts run (outside any timed section)."""
    app = application()
    for _ in range(3):
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents)


def press(widget: QWidget, char: str) -> None:
    """One key press and release typing `char`; "\b" is Backspace. Any script (CJK too)."""
    key, text = (Qt.Key.Key_Backspace, "") if char == "\b" else (Qt.Key.Key_unknown, char)
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier,
                                                 text))


def report(samples: dict[str, list[float]]) -> None:
    """Print the samples for bench.run and leave at once: no interpreter teardown, which on a
    Qt binding that drops references (see keystroke.none_refs_lost) can abort once the
    numbers are out, and would turn a finished measurement into a failed one."""
    print(json.dumps({"samples": samples}), flush=True)
    os._exit(0)


def strokes(words: list[str], count: int) -> list[str]:
    """`count` key strokes: each word typed, then erased with Backspace, round robin."""
    out: list[str] = []
    while len(out) < count:
        for word in words:
            out += list(word) + ["\b"] * len(word)
    return out[:count]
