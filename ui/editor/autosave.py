"""Unsaved template text kept as drafts every few seconds, so a crash loses at most those
seconds; drafts that can't be written are reported once (until they can be again)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal, Slot

if TYPE_CHECKING:
    from app.library.session import EditSession

AUTOSAVE_MS = 3000


class Autosave(QObject):
    problem = Signal(str)  # drafts can't be written: why (emitted once per outage)

    def __init__(self, session: Callable[[], EditSession | None], interval_ms: int = AUTOSAVE_MS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._failing = False
        self.timer = QTimer(self, interval=interval_ms)
        self.timer.timeout.connect(self.save_now)

    def start(self) -> None:
        self.timer.start()

    @Slot()
    def save_now(self) -> None:
        session = self._session()
        if session is None:
            return
        problems = session.autosave()
        if problems and not self._failing:
            self.problem.emit("\n".join(problems))
        self._failing = bool(problems)
