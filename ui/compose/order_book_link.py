"""The compose tab and the order book, wired: a pasted message or a typed order number finds
its order and fills the form's empty fields ("from the order book"); Find order (Ctrl+O); the
order's history beside the form; a warning before compensating an order or buyer again; each
copy recorded in the case log. All database work happens on the desk's worker thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Slot

from ui.compose.copy_prompt import ask_compensate_again

if TYPE_CHECKING:
    from app.desk.desk import OrderFacts, Sent
    from app.desk.history import HistoryLine
    from app.desk.notes import Note
    from ui.compose.desk_model import DeskModel
    from ui.compose.page import ComposePage

LOOKUP_FIELDS = ("order_id", "tracking_number")  # typing one of these looks the order up
SHORTEST_LOOKUP = 6  # characters of a typed order or tracking number before it is looked up
TYPING_PAUSE_MS = 500
MESSAGE_PAUSE_MS = 150  # a paste arrives at once; typing in the message box is one lookup
REFRESH_PAUSE_MS = 400
SEND_LEFT_OVER_MS = 3000


class OrderBookLink(QObject):
    def __init__(self, page: ComposePage, desk: DeskModel) -> None:
        super().__init__(page)
        self.page, self.desk, self.vm = page, desk, page.vm
        self._typed = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._typed.timeout.connect(self._look_up_typed)
        self._refresh = QTimer(self, singleShot=True, interval=REFRESH_PAUSE_MS)
        self._refresh.timeout.connect(self._refresh_history)
        self._typed_text = ""
        self._message = QTimer(self, singleShot=True, interval=MESSAGE_PAUSE_MS)
        self._message.timeout.connect(self._look_up_message)
        desk.ordersFound.connect(self._found)
        desk.historyShown.connect(self._show_history)
        desk.sendingChanged.connect(self._sending)
        page.message.textChanged.connect(self._message_pasted)
        page.form.valueEdited.connect(self._field_typed)
        self.vm.compositionChanged.connect(self._composition_changed)
        self.vm.valuesReset.connect(self._new_buyer)
        page.replyCopied.connect(self._copied)
        page.before_copy = self.confirm_compensation
        # Asks whether to compensate again (tests answer with a stand-in).
        self.ask: Callable[[list[str]], bool] = lambda lines: ask_compensate_again(page, lines)
        # Entries a closed window left waiting go out soon, not on the way to a ready window.
        QTimer.singleShot(SEND_LEFT_OVER_MS, desk.send)

    # Finding the order.
    @Slot(str)
    def _message_pasted(self, text: str) -> None:
        if text.strip():
            self._message.start()  # not a database call per keystroke

    def _look_up_message(self) -> None:
        text = self.page.message.text()
        if text.strip():
            self.desk.lookup_message(text)

    @Slot(str, str)
    def _field_typed(self, name: str, raw: str) -> None:
        if name in LOOKUP_FIELDS and len(raw.strip()) >= SHORTEST_LOOKUP:
            self._typed_text = raw.strip()
            self._typed.start()

    def _look_up_typed(self) -> None:
        self.desk.lookup(self._typed_text)

    def look_again(self) -> None:
        """After an import or a change of database: the message or order number on screen
        may find its order now."""
        if self.desk.order is not None:
            return
        typed = next((self.vm.values.get(n, "").strip() for n in LOOKUP_FIELDS
                      if len(self.vm.values.get(n, "").strip()) >= SHORTEST_LOOKUP), "")
        if typed:
            self.desk.lookup(typed)
        elif self.page.message.text().strip():
            self.desk.lookup_message(self.page.message.text())

    @Slot(str, object)
    def _found(self, _text: str, found: list[OrderFacts]) -> None:
        """One order: fill the form from it. Several: the agent chooses (Ctrl+O)."""
        if len(found) == 1 and self.desk.order != found[0].order:
            self.fill(found[0])
        elif len(found) > 1:
            self.page.status.emit(self.tr(
                "{0} orders match: Find order (Ctrl+O) to choose one").format(len(found)))

    def fill(self, facts: OrderFacts) -> None:
        """Every empty field from the order; what the agent typed stays."""
        self.desk.use_order(facts)
        for name, value in facts.values.items():
            if not self.vm.values.get(name, "").strip():
                self.vm.set_value(name, value)
        self.page.show_book_note(facts.order.order_id)

    @Slot()
    def _new_buyer(self) -> None:
        self.desk.use_order(None)
        self.page.show_book_note(None)
        self.page.history.show_history([], [])

    # The history and the notes.
    @Slot(object)
    def _composition_changed(self, _result: object) -> None:
        self._refresh.start()  # a slot, not a lambda: Qt drops it with this object

    def _refresh_history(self) -> None:
        if self.vm.last_good is not None:
            self.desk.refresh(self.vm.last_good, self.vm.values)

    @Slot(str, object, object)
    def _show_history(self, _order_id: str, entries: list[HistoryLine],
                      notes: list[Note]) -> None:
        self.page.history.show_history(entries, notes)

    def confirm_compensation(self) -> bool:
        """Before a copy: an order or buyer already compensated is said first."""
        notes = [n for n in self.desk.notes_for(self.vm.values.get("order_id", ""))
                 if n.kind == "compensated"]
        return not notes or self.ask([n.text.get(self.page.lang) for n in notes])

    # Recording.
    @Slot(str)
    def _copied(self, text: str) -> None:
        if self.vm.last_good is not None:
            self.desk.record(self.vm.last_good, self.vm.parsed_values(), text)

    @Slot(object)
    def _sending(self, sent: Sent) -> None:
        if sent.problem and sent.waiting:
            self.page.status.emit(self.tr(
                "Team database offline — replies waiting to be logged: {0}").format(sent.waiting))

