"""Noticing files changed outside this window (another window, a text editor, a sync
client): one debounced signal for a burst of file-system events."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

DEBOUNCE_MS = 200


class DiskWatcher(QObject):
    changed = Signal()

    def __init__(self, parent: QObject, debounce_ms: int = DEBOUNCE_MS) -> None:
        super().__init__(parent)
        self.timer = QTimer(self, singleShot=True, interval=debounce_ms)
        self.timer.timeout.connect(self.changed)
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(self.timer.start)
        self.watcher.fileChanged.connect(self.timer.start)

    def watch(self, paths: Iterable[str]) -> None:
        """Watch exactly these existing folders and files. A file replaced by a rename is a
        new file to the system, so callers renew the set after every change."""
        wanted = set(paths)
        watched = set(self.watcher.files()) | set(self.watcher.directories())
        if watched - wanted:
            self.watcher.removePaths(sorted(watched - wanted))
        if wanted - watched:
            self.watcher.addPaths(sorted(wanted - watched))
