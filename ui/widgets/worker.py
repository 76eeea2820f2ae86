"""One worker thread for a view-model's database calls. A call runs there; its answer comes
back on the UI thread (through ui.widgets.ui_thread, which holds only weak references), or is
dropped: after `close`, or when a newer call of the same kind has been made meanwhile. A
failure comes back as `failed(error)`; the view-model says it in its own words."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal

from ui.widgets import ui_thread


class Worker(QObject):
    failed = Signal(object)  # the exception a call raised

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
        ui_thread.prepare()
        self._waiting: dict[int, tuple[str | None, Callable[[Any], None]]] = {}
        self._latest: dict[str, int] = {}  # kind of call -> the key of its newest one
        self._pending: set[Future[Any]] = set()
        self.closed = False

    def run(self, job: Callable[[], Any], then: Callable[[Any], None],
            kind: str | None = None) -> None:
        """job() on the worker, then then(its result) here. A call with a `kind` is dropped
        when another of that kind was made after it (an older search's answer)."""
        if self.closed:
            return
        key = ui_thread.next_key()
        self._waiting[key] = (kind, then)  # kept here: the worker holds only the key
        if kind is not None:
            self._latest[kind] = key
        future = self._pool.submit(job)
        self._pending.add(future)
        future.add_done_callback(self._pending.discard)
        ui_thread.hand_back(self, key, future)

    def receive(self, key: int, future: Future[Any]) -> None:
        """A call's end, on the UI thread (see ui.widgets.ui_thread)."""
        kind, then = self._waiting.pop(key, (None, None))
        if then is None or self.closed or future.cancelled() or not shiboken6.isValid(self):
            return
        if kind is not None and self._latest.get(kind) != key:
            return  # overtaken
        error = future.exception()
        if error is None:
            then(future.result())
        else:
            self.failed.emit(error)

    def close(self, last: Callable[[], None] | None = None) -> None:
        """No more answers; queued calls are dropped, the one under way ends on its own, then
        `last` runs on the worker (closing the database there)."""
        if self.closed:
            return
        self.closed = True
        for future in list(self._pending):
            future.cancel()
        if last is not None:
            self._pool.submit(last)
        self._pool.shutdown(wait=False)
