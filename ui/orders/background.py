"""Work off the UI thread: an import or a connection test runs on a worker thread while the
window keeps painting, and its result (or its error) comes back to the UI thread."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class Background(QObject):
    """One job at a time, on a thread of its own pool (deleting it waits for that job)."""

    _ended = Signal(object, object)  # (the callback, its argument), emitted on the worker

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._running = 0
        # Emitted from the worker thread to this object, which lives on the UI thread: Qt
        # queues the call, so the callbacks always run on the UI thread.
        self._ended.connect(self._deliver)

    @property
    def busy(self) -> bool:
        return self._running > 0

    def run(self, work: Callable[[], Any], done: Callable[[Any], None],
            failed: Callable[[BaseException], None]) -> None:
        """work() on the worker thread; then done(its result) or failed(its exception) on
        the UI thread."""
        self._running += 1

        def job() -> None:
            try:
                result = work()
            except BaseException as exc:  # every error goes back to be shown, none is lost
                self._emit(failed, exc)
                return
            self._emit(done, result)

        self._pool.start(job)

    def _emit(self, callback: Callable[[Any], None], value: object) -> None:
        try:
            self._ended.emit(callback, value)
        except RuntimeError:  # the window closed meanwhile: nobody is left to tell
            log.debug("a background job ended after its owner was deleted")

    @Slot(object, object)
    def _deliver(self, callback: Callable[[Any], None], value: object) -> None:
        self._running -= 1
        callback(value)
