"""The outbox: a small SQLite file in the user data folder where every copied reply is queued
first (about a millisecond, on the UI thread, with no SQLAlchemy import), then sent to
the case log by `drain()` from a worker. The team server being down only makes entries wait;
an entry sent twice (a drain cut short after the server committed) is written once, as the
log skips an id it has.

`record` keeps one connection per thread (opening one costs little, but closing the last one
checkpoints the file with an fsync); everything else opens its own. A connection belongs to
its thread, so the UI thread's `record` and a worker's `drain` never share one."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from app.caselog.entries import LogEntry
from app.db.sql import use_wal

if TYPE_CHECKING:
    from app.caselog.log import CaseLog
    from app.user.paths import UserData

OUTBOX_FILE = "outbox.sqlite3"
DRAIN_BATCH = 200
_BUSY_SECONDS = 10.0
# AUTOINCREMENT: a seq is never given again, so "oldest first" holds after deletes.
_SCHEMA = ("CREATE TABLE IF NOT EXISTS outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, "
           "id TEXT NOT NULL UNIQUE, entry TEXT NOT NULL)")


class Outbox:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._drain_lock = threading.Lock()  # one drain at a time in this process
        self._kept = threading.local()  # .connection: this thread's, for record()
        self._setup_lock = threading.Lock()
        self._ready = False

    @classmethod
    def default(cls, data: UserData) -> Outbox:
        return cls(data.root / OUTBOX_FILE)

    def record(self, entry: LogEntry) -> None:
        """Queue the entry (again: no-op). Kept once this returns, whatever the app does next."""
        text = json.dumps(entry.to_json(), ensure_ascii=False, separators=(",", ":"))
        connection = getattr(self._kept, "connection", None)
        if connection is None:
            connection = self._kept.connection = self._open()
        connection.execute("INSERT OR IGNORE INTO outbox (id, entry) VALUES (?, ?)",
                           (str(entry.id), text))

    def close(self) -> None:
        """Close the connection record() keeps for the calling thread (at the app's end)."""
        connection = getattr(self._kept, "connection", None)
        if connection is not None:
            self._kept.connection = None
            connection.close()

    def waiting(self) -> int:
        """How many entries wait to be sent."""
        with self._connection() as connection:
            count: int = connection.execute("SELECT count(*) FROM outbox").fetchone()[0]
        return count

    def entries(self, limit: int = DRAIN_BATCH) -> list[LogEntry]:
        """The waiting entries, oldest first (the window shows them with the history)."""
        with self._connection() as connection:
            rows = connection.execute("SELECT entry FROM outbox ORDER BY seq LIMIT ?",
                                      (limit,)).fetchall()
        return [LogEntry.from_json(json.loads(text)) for (text,) in rows]

    def drain(self, log: CaseLog, batch: int = DRAIN_BATCH) -> int:
        """Send the waiting entries to the log, oldest first, a batch per transaction; the
        number sent. Raises DatabaseUnavailable (from the log) when the database can't be
        reached: what was not sent keeps waiting."""
        sent = 0
        with self._drain_lock:
            while waiting := self._oldest(batch):
                log.record_many([LogEntry.from_json(json.loads(text)) for _, text in waiting])
                # By id, not seq: another process may have sent and forgotten these meanwhile,
                # and SQLite gives a freed seq to the next entry queued.
                self._forget([entry_id for entry_id, _ in waiting])
                sent += len(waiting)
        return sent

    def _oldest(self, batch: int) -> list[tuple[str, str]]:
        with self._connection() as connection:
            rows = connection.execute("SELECT id, entry FROM outbox ORDER BY seq LIMIT ?",
                                      (batch,)).fetchall()
        return [(str(entry_id), str(text)) for entry_id, text in rows]

    def _forget(self, ids: list[str]) -> None:
        marks = ",".join("?" * len(ids))
        with self._connection() as connection:
            connection.execute(f"DELETE FROM outbox WHERE id IN ({marks})", ids)

    def _ready_path(self) -> Path:
        """The file, made (in WAL mode, with its table) by the first caller in this process."""
        with self._setup_lock:
            if not self._ready:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                with closing(sqlite3.connect(self.path, timeout=_BUSY_SECONDS,
                                             isolation_level=None)) as connection:
                    use_wal(connection, _BUSY_SECONDS)
                    connection.execute(_SCHEMA)
                self._ready = True
        return self.path

    @contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        with closing(self._open()) as connection:
            yield connection

    def _open(self) -> sqlite3.Connection:
        """A connection in autocommit mode: each statement is its own transaction."""
        connection = sqlite3.connect(self._ready_path(), timeout=_BUSY_SECONDS,
                                     isolation_level=None)
        # NORMAL (in WAL mode): a queued entry survives the app crashing or being killed;
        # only a power cut right after a copy can lose it. FULL's fsync per copy costs
        # 1–10 ms here, over the UI thread's budget for logging a copy.
        connection.execute("PRAGMA synchronous=NORMAL")
        return connection

