"""The agent's desk: the order book and the case log as the window uses them, in plain calls.

The database is opened on first use (never on the way to the first paint), by whoever calls
from a worker thread; `record` only queues the entry in the local outbox (a fraction of a
millisecond, safe on the UI thread), and `send` drains the outbox into the database when it
is reachable — a team database that is down loses nothing, and nothing is written twice.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from app.desk.history import HistoryLine, history_line
from app.desk.notes import Note, compensation_note, method_note
from app.errors import ComposerError

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from app.caselog.entries import LogEntry
    from app.caselog.outbox import Outbox
    from app.catalog.catalog import Catalog
    from app.catalog.labels import Label
    from app.compose.result import Composition
    from app.orders.book import BookOrder
    from app.user.paths import UserData


class OrderFacts(NamedTuple):
    """What the desk knows of an order: its form values and its earlier entries."""

    order: BookOrder
    values: dict[str, str]  # the form's raw values (only those the catalog takes)


class Sent(NamedTuple):
    sent: int
    waiting: int
    problem: str | None  # why the database can't be reached now (None: it can)


class Desk:
    def __init__(self, data: UserData, catalog: Catalog, url: str | None = None,
                 action_labels: Mapping[str, Label] | None = None) -> None:
        self.data, self.catalog = data, catalog
        self.action_labels = action_labels or {}  # the policy's words for "resend" …
        self._url = url
        self._engine: Engine | None = None
        self._outbox: Outbox | None = None
        self._lock = threading.Lock()  # one opening, whichever thread asks first

    # Opening.
    def url(self) -> str:
        from app.db.url import database_url

        return self._url or database_url(None, self.data, os.environ)

    def engine(self) -> Engine:
        """The database, opened (and migrated) on first use; DatabaseUnavailable if not."""
        with self._lock:
            if self._engine is None:
                from app.db.engine import open_database

                self._engine = open_database(self.url())
            return self._engine

    def close(self) -> None:
        with self._lock:
            if self._engine is not None:
                self._engine.dispose()
                self._engine = None
            if self._outbox is not None:
                self._outbox.close()
                self._outbox = None

    def exists(self) -> bool:
        """False for a SQLite file not made yet: nothing to find, and no reason to make one
        before the first import or the first copy."""
        from app.db.url import is_sqlite

        url = self.url()
        return not is_sqlite(url) or Path(url.partition(":///")[2]).is_file()

    # The order book.
    def find(self, text: str, limit: int = 20) -> list[BookOrder]:
        from app.orders.book import OrderBook

        if not text.strip() or not self.exists():
            return []
        return OrderBook(self.engine()).find(text, limit)

    def find_in_message(self, text: str) -> list[BookOrder]:
        from app.orders.book import OrderBook

        if not text.strip() or not self.exists():
            return []
        return OrderBook(self.engine()).find_in_message(text)

    def facts(self, order: BookOrder) -> OrderFacts:
        """The order's form values that the catalog takes (one it refuses is left out)."""
        from app.orders.book import method_ids

        values = {}
        for name, text in order.form_values(method_ids(self.catalog)).items():
            try:
                self.catalog.parse(name, text)
            except ComposerError:
                continue
            values[name] = text
        return OrderFacts(order, values)

    # The case log.
    def history(self, order_id: str) -> list[LogEntry]:
        """The order's earlier entries, newest first."""
        from app.caselog.log import CaseLog

        if not order_id.strip() or not self.exists():
            return []
        return CaseLog(self.engine()).history(order_id=order_id)

    def history_lines(self, order_id: str) -> list[HistoryLine]:
        """The order's earlier entries as the window lists them, newest first."""
        titles = {case_id: case.title for case_id, case in self.catalog.cases.items()}
        return [history_line(entry, titles, self.action_labels)
                for entry in self.history(order_id)]

    def notes(self, result: Composition, values: Mapping[str, object],
              order: BookOrder | None = None) -> list[Note]:
        """Before a copy: compensation already given on this order or to this buyer (when
        this reply offers some), and a parcel that went by another method than chosen."""
        from app.caselog.entries import COMPENSATING
        from app.caselog.log import CaseLog
        from app.orders.book import method_ids

        order_id = str(values.get("order_id") or "") or None
        buyer = str(values.get("buyer_name") or "") or None
        suggestion = result.suggestion
        offers = bool(suggestion.refund and suggestion.refund.max) or any(
            action.value in COMPENSATING for action in suggestion.action_ids)
        if not self.exists():
            return []
        earlier = CaseLog(self.engine()).previous_compensation(order_id, buyer) if offers else []
        notes = [compensation_note(entry, order_id) for entry in earlier]
        if order is not None and order.method_changed(method_ids(self.catalog)):
            notes.append(method_note(order))
        return notes

    def entry(self, result: Composition, values: Mapping[str, object], text: str,
              order: BookOrder | None = None) -> LogEntry:
        """The log entry of a copy (its id made here: a resend is never a second entry)."""
        import uuid  # with the first copy: uuid imports `platform`, ~4 ms of the start-up

        from app.caselog.entries import entry_from

        return entry_from(result, values, entry_id=uuid.uuid4(), text=text,
                          language=result.language, order=order)

    def record(self, entry: LogEntry) -> None:
        """Queue a copy's entry (fast: the UI thread may call it); `send` delivers it."""
        self.outbox().record(entry)

    def send(self) -> Sent:
        """Deliver what waits in the outbox (a worker calls it)."""
        from app.caselog.log import CaseLog
        from app.db.engine import DatabaseUnavailable

        outbox = self.outbox()
        try:
            sent = outbox.drain(CaseLog(self.engine()))
        except DatabaseUnavailable as exc:
            return Sent(0, outbox.waiting(), str(exc))
        return Sent(sent, outbox.waiting(), None)

    def outbox(self) -> Outbox:
        with self._lock:
            if self._outbox is None:
                from app.caselog.outbox import Outbox

                self._outbox = Outbox.default(self.data)
            return self._outbox
