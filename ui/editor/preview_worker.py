"""The editor's preview renders on a worker thread, so a slow template (the sandbox stops any
render after 2 s) never freezes the window while the team lead types.

A render that ends within `wait_s` is shown at once, as if it ran on the UI thread (almost
every render takes a few milliseconds); a slower one is shown when it ends, unless a newer
preview was asked for meanwhile. One worker: renders never overlap, the previewer is only
ever used from that thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal

from ui.widgets import ui_thread

log = logging.getLogger(__name__)


class PreviewWorker(QObject):
    ready = Signal(object)  # the newest preview's result
    busy = Signal()  # a render takes longer than wait_s: its result comes later

    wait_s = 0.25  # how long the UI thread waits for a render before going on

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="preview")
        self.generation = 0
        self._closed = False
        ui_thread.prepare()

    def run(self, job: Callable[[], Any]) -> None:
        if self._closed:
            return  # the window is closing: no preview to show
        self.generation += 1
        generation = self.generation
        future = self._pool.submit(job)
        try:
            result = future.result(timeout=self.wait_s)
        except FutureTimeout:
            ui_thread.hand_back(self, generation, future)  # the worker keeps no reference
            self.busy.emit()
            return
        self._deliver(generation, result)

    def receive(self, generation: int, future: Future[Any]) -> None:
        """A slow render's end, on the UI thread; the editor may have closed meanwhile."""
        if self._closed or future.cancelled() or not shiboken6.isValid(self):
            return
        error = future.exception()
        if error is not None:
            log.error("preview failed", exc_info=error)
            return
        self._deliver(generation, future.result())

    def _deliver(self, generation: int, result: Any) -> None:
        if generation == self.generation and result is not None:
            self.ready.emit(result)

    def shutdown(self) -> None:
        self._closed = True
        self._pool.shutdown(wait=False, cancel_futures=True)
