"""The compose tab with the order book and the case log, in a real window over a real SQLite
file: a pasted message or a typed order number fills the empty fields, Find order (Ctrl+O),
the order's history, the question before compensating again, each copy in the log, an offline
team database, and File › Import orders…."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

import pytest

from app.caselog.entries import LogEntry
from app.caselog.log import CaseLog
from app.db.engine import open_database
from app.db.url import default_url
from app.orders.book import OrderBook
from tests.samples import FULL_ORDER
from tests.test_db_order_book import order, reading
from ui.shell.actions import ActionId

ORDER_ID = "8123456789012345"
WAIT_MS = 15_000


@pytest.fixture()
def engine(data):
    engine = open_database(default_url(data))
    OrderBook(engine).import_reading(reading(
        order(), order("8123456789012346", buyer_name="José Álvarez",
                       tracking_number="YT2211334455")), "export.xls")
    yield engine
    engine.dispose()


@pytest.fixture()
def window(make_window, data, engine):
    return make_window(data=data.root)


def given(entry_id: uuid.UUID | None = None, actions: tuple[str, ...] = ("partial_refund",),
          amount: str = "2.00") -> LogEntry:
    """An earlier reply on the sample order, an hour ago."""
    return LogEntry(
        entry_id or uuid.uuid4(), dt.datetime.now(dt.timezone.utc) - dt.timedelta(hours=1),
        "Ann", "Sunny Store", "aliexpress", ORDER_ID, "Maria Souza", "quality-stained",
        "quality-stained-minor", actions, Decimal(amount), "USD", Decimal(amount), None, "en",
        False, False, None, None, "Earlier reply")


def whole_order(window, case_id: str) -> None:
    """A case with every field filled (nothing missing to ask about before a copy)."""
    window.page.choose_case(case_id)
    for name, value in {**FULL_ORDER, "order_id": ORDER_ID}.items():
        window.vm.edit(name, value)
    window.vm.compose_now()


def paste(qtbot, window, text: str) -> None:
    window.page.clipboard.set_text(text)
    window.actions_[ActionId.PASTE_MESSAGE].trigger()


def test_a_pasted_message_naming_the_order_fills_only_the_empty_fields(qtbot, window):
    window.page.choose_case("not-received-in-transit")
    window.vm.edit("buyer_name", "Maria S.")  # typed by the agent: kept
    paste(qtbot, window, f"Hello, where is my order {ORDER_ID}? It's been weeks.")
    qtbot.waitUntil(lambda: window.vm.values.get("tracking_number") == "LP00123456789CN",
                    timeout=WAIT_MS)
    values = window.vm.values
    assert values["buyer_name"] == "Maria S."
    assert values["destination_country"] == "BR" and values["ship_date"] == "2026-10-05"
    note = window.page.middle.book_note
    assert note.isVisibleTo(window) and ORDER_ID in note.text()
    notes = window.page.history.notes  # the buyer chose AliExpress Standard; it went YunExpress
    qtbot.waitUntil(lambda: "Shipped by a different method" in notes.text(), timeout=WAIT_MS)


def test_a_typed_tracking_number_finds_its_order(qtbot, window):
    window.page.choose_case("not-received-in-transit")
    window.page.form.valueEdited.emit("tracking_number", "YT2211334455")
    qtbot.waitUntil(lambda: window.vm.values.get("order_id") == "8123456789012346",
                    timeout=WAIT_MS)
    assert window.vm.values["buyer_name"] == "José Álvarez"


def test_a_message_naming_no_known_order_changes_nothing(qtbot, window):
    window.page.choose_case("not-received-in-transit")
    paste(qtbot, window, "Where is my order 5550001112223334?")
    qtbot.wait(800)  # the lookup's answer has come and gone
    assert not window.vm.values.get("tracking_number")
    assert not window.page.middle.book_note.isVisibleTo(window)


def test_find_order_by_buyer_name_and_enter_fills_the_form(qtbot, window):
    window.page.choose_case("not-received-in-transit")
    dialog = window.page.find_order()
    assert dialog is not None
    dialog.search.setText("josé")
    dialog.search.textEdited.emit("josé")
    dialog.search.returnPressed.emit()  # before the answer came: the first match is chosen
    qtbot.waitUntil(lambda: window.vm.values.get("order_id") == "8123456789012346",
                    timeout=WAIT_MS)
    assert window.vm.values["tracking_number"] == "YT2211334455"


def test_a_copy_is_in_the_case_log_and_in_the_orders_history(qtbot, window, engine):
    whole_order(window, "order-unpaid")
    window.actions_[ActionId.COPY_REPLY].trigger()
    log = CaseLog(engine)
    qtbot.waitUntil(lambda: len(log.history(order_id=ORDER_ID)) == 1, timeout=WAIT_MS)
    entry = log.history(order_id=ORDER_ID)[0]
    assert entry.case_id == "order-unpaid" and entry.text == window.page.clipboard.text()
    window.vm.edit("buyer_name", "Maria")  # any change refreshes the history beside the form
    history = window.page.history
    qtbot.waitUntil(lambda: history.entries.count() == 1, timeout=WAIT_MS)
    title = window.vm.catalog.cases["order-unpaid"].title.en
    assert title in history.entries.item(0).text() and "Lily" in history.entries.item(0).text()


def test_compensating_an_order_again_is_asked_first(qtbot, window, engine):
    CaseLog(engine).record(given())
    asked: list[list[str]] = []
    window.page.book.ask = lambda lines: asked.append(lines) or False  # "go back"
    whole_order(window, "quality-stained")
    history = window.page.history
    qtbot.waitUntil(lambda: history.notes.isVisibleTo(window), timeout=WAIT_MS)
    assert "Ann" in history.notes.text()
    window.page.clipboard.set_text("BEFORE")
    window.actions_[ActionId.COPY_REPLY].trigger()
    assert asked and "Ann" in asked[0][0]
    assert window.page.clipboard.text() == "BEFORE"
    window.page.book.ask = lambda lines: True
    window.actions_[ActionId.COPY_REPLY].trigger()
    assert window.page.clipboard.text() == window.page.preview.text()


def test_an_offline_team_database_keeps_the_copy_waiting(qtbot, window, monkeypatch):
    monkeypatch.setenv("REPLY_COMPOSER_DB", "postgresql://nobody@127.0.0.1:1/none")
    window.vm.desk.reopen()
    whole_order(window, "order-unpaid")
    window.actions_[ActionId.COPY_REPLY].trigger()
    bar = window.statusBar()
    qtbot.waitUntil(lambda: "waiting to be logged: 1" in bar.currentMessage(), timeout=WAIT_MS)
    assert window.vm.desk.desk.outbox().waiting() == 1


class ImportAnswers:
    """What File › Import orders… asks, answered."""

    def __init__(self, path) -> None:
        self.path, self.summaries, self.errors = path, [], []

    def export_path(self, _folder):
        return self.path

    def export_kind(self, _path, _presets):
        from ui.orders.values import AUTO_DETECT

        return AUTO_DETECT

    def summary(self, result, _presets):
        self.summaries.append(result)

    def error(self, message):
        self.errors.append(message)


def test_import_orders_then_the_message_on_screen_finds_its_order(qtbot, make_window,
                                                                  tmp_path):
    from tests.test_orders_ui import dxm_file

    window = make_window(data=tmp_path / "fresh")  # no database yet
    window.page.choose_case("not-received-in-transit")
    paste(qtbot, window, "Bonjour, où est ma commande 3045678901234567 ?")
    qtbot.wait(500)
    assert not window.vm.values.get("tracking_number")  # nothing to find it in yet
    importer = window.order_book._importer()
    importer.prompts = ImportAnswers(dxm_file(tmp_path))
    with qtbot.waitSignal(importer.imported, timeout=WAIT_MS):
        window.actions_[ActionId.IMPORT_ORDERS].trigger()
    qtbot.waitUntil(lambda: window.vm.values.get("tracking_number") == "YT2612345678901234",
                    timeout=WAIT_MS)
    assert window.vm.values["buyer_name"] == "Pierre Martin"
    assert importer.prompts.summaries and not importer.prompts.errors
