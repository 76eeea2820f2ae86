"""The compose tab's side of the order book and the case log: every database call runs on one
worker thread, so a slow or absent team database never freezes the window; results come
back as signals on the UI thread. Recording a copy only queues it (the outbox), then the
worker sends what waits; the status bar says when entries wait for the team database."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from ui.widgets.worker import Worker

if TYPE_CHECKING:
    from app.catalog.catalog import Catalog
    from app.catalog.labels import Label
    from app.compose.result import Composition
    from app.desk.desk import Desk, OrderFacts, Sent
    from app.desk.history import HistoryLine
    from app.desk.notes import Note
    from app.orders.book import BookOrder
    from app.user.paths import UserData

log = logging.getLogger(__name__)
SEND_EVERY_MS = 30_000  # entries waiting for a team database that was down are retried


class DeskModel(QObject):
    ordersFound = Signal(str, object)  # the text looked up, [OrderFacts]
    historyShown = Signal(str, object, object)  # order id, [HistoryLine], [Note]
    sendingChanged = Signal(object)  # Sent: entries waiting, and why (offline)
    problem = Signal(str)  # a lookup failed: why (the database is unreachable …)

    def __init__(self, data: UserData, catalog: Catalog, parent: QObject | None = None,
                 action_labels: Mapping[str, Label] | None = None) -> None:
        super().__init__(parent)
        from app.desk.desk import Desk

        self.desk: Desk = Desk(data, catalog, action_labels=action_labels)
        self.worker = Worker("desk", self)
        self.worker.failed.connect(self._failed)
        self.order: BookOrder | None = None  # the order the form was filled from
        self._notes: tuple[str, list[Note]] = ("", [])  # order id -> notes for that order
        self.sender_timer = QTimer(self, interval=SEND_EVERY_MS)
        self.sender_timer.timeout.connect(self.send)

    # Running on the worker.
    def _run(self, job: Callable[[], Any], then: Callable[[Any], None]) -> None:
        self.worker.run(job, then)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, Exception) and _is_expected(error):
            self.problem.emit(str(error))
        else:
            log.error("desk call failed", exc_info=error)
            self.problem.emit(repr(error))

    # Lookups.
    def lookup(self, text: str) -> None:
        """Orders matching an order number, tracking number or buyer name."""
        desk = self.desk
        self._run(lambda: [desk.facts(o) for o in desk.find(text)],
                  lambda found: self.ordersFound.emit(text, found))

    def lookup_message(self, text: str) -> None:
        """Orders a pasted buyer message names."""
        desk = self.desk
        self._run(lambda: [desk.facts(o) for o in desk.find_in_message(text)],
                  lambda found: self.ordersFound.emit(text, found))

    def use_order(self, facts: OrderFacts | None) -> None:
        self.order = facts.order if facts else None

    # The order's history and the notes before a copy.
    def refresh(self, result: Composition, values: Mapping[str, object]) -> None:
        """The history and notes for the form's order (after a pause in typing)."""
        order_id = str(values.get("order_id") or "").strip()
        desk, order, shown = self.desk, self.order, dict(values)
        if order is not None and order.order_id != order_id:
            order = None  # the agent typed another order number
        self._run(lambda: (desk.history_lines(order_id) if order_id else [],
                           desk.notes(result, shown, order)),
                  lambda found: self._show_history(order_id, *found))

    def _show_history(self, order_id: str, entries: list[HistoryLine],
                      notes: list[Note]) -> None:
        self._notes = (order_id, notes)
        self.historyShown.emit(order_id, entries, notes)

    def notes_for(self, order_id: str) -> list[Note]:
        """The notes last found for this order ([] when they are for another one)."""
        shown_for, notes = self._notes
        return notes if shown_for == (order_id or "").strip() else []

    # Recording copies.
    def record(self, result: Composition, values: Mapping[str, object], text: str) -> None:
        """A copy: queued at once (the outbox), then sent by the worker."""
        try:
            self.desk.record(self.desk.entry(result, values, text, self.order))
        except OSError as exc:  # the user data folder can't be written
            self.problem.emit(str(exc))
            return
        self.send()

    @Slot()
    def send(self) -> None:
        desk = self.desk
        self._run(desk.send, self._sent)

    def _sent(self, sent: Sent) -> None:
        self.sendingChanged.emit(sent)
        if sent.waiting:
            self.sender_timer.start()
        else:
            self.sender_timer.stop()

    def reopen(self) -> None:
        """The database setting changed: later calls use the database it names; the old one
        closes after the call under way (the worker runs one job at a time)."""
        from app.desk.desk import Desk

        old = self.desk
        self.desk = Desk(old.data, old.catalog, action_labels=old.action_labels)
        self.order, self._notes = None, ("", [])
        self._run(old.close, lambda _: None)
        self.send()  # what waited for the old database goes to the new one

    def close(self) -> None:
        """The window closes: nothing more is shown; a call under way ends on its own, then
        the database is closed."""
        self.sender_timer.stop()
        self.worker.close(self.desk.close)


def _is_expected(error: Exception) -> bool:
    """A problem to show in a line (database down, a bad URL), not a bug to log."""
    from app.errors import ComposerError

    return isinstance(error, ComposerError | OSError)
