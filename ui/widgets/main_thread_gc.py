"""Python's cyclic garbage collector, run on the UI thread only.

The collector runs in whichever thread happens to allocate when a threshold is reached. With
worker threads (database calls, slow previews) that can be a worker, and a window or
view-model freed there has its Qt objects destroyed on the wrong thread — timers and file
watchers then crash the process. So automatic collection is off, and a timer on the UI thread
collects with the same thresholds. (Reference counting, which frees almost everything, is
unchanged: only cycles wait for the timer.)
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500

_collector: list[QObject] = []


class _Collector(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.thresholds = gc.get_threshold()
        self.timer = QTimer(self, interval=INTERVAL_MS)
        self.timer.timeout.connect(self.collect)
        self.timer.start()
        gc.disable()

    def collect(self) -> None:
        counts = gc.get_count()
        for generation in (2, 1, 0):  # the oldest generation due, and the younger with it
            if counts[generation] > self.thresholds[generation]:
                gc.collect(generation)
                return


def install() -> None:
    """Collect on this (the UI) thread from now on; once per process."""
    if not _collector:
        _collector.append(_Collector())
