"""File › Import orders… and File › Team database… (ui/orders), offscreen, over a real SQLite
file in tmp_path: what an import puts in the order book, its progress off the UI thread,
Cancel, the mapping dialog for an unknown header row (remembered), one message for a broken
file or an unreachable database, and the database setting."""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QWidget

from app.db.engine import open_database
from app.db.url import default_url
from app.orders.book import ImportResult, OrderBook
from app.orders.records import CUSTOM, RowProblem
from app.user.config import AppConfig, load_config, save_config
from tests.test_order_exports import (
    CUSTOM_HEADER,
    CUSTOM_ROW,
    DIANXIAOMI,
    DXM_LINES,
    PHONE,
    table,
    write_csv,
    write_xlsx,
)
from ui.orders.database_dialog import TeamDatabaseDialog
from ui.orders.import_dialogs import ProgressDialog, SummaryDialog
from ui.orders.import_orders import ImportOrders
from ui.orders.mapping_dialog import MappingDialog
from ui.orders.values import AUTO_DETECT, OWN_COLUMNS, NeedsMapping
from ui.orders.viewmodel import mapping_fields

PIERRE = "3045678901234567"
TEAM_URL = "postgresql://agent@db.example.com:5432/orders?sslmode=require"
NOWHERE = "postgresql://nobody@127.0.0.1:1/nothing"  # nothing listens on port 1


class FakeImportPrompts:
    """Answers an import's questions at once and records them. `columns` drives the real
    mapping dialog (built, never shown): `pick` says which columns to change."""

    def __init__(self) -> None:
        self.path_answer: Path | None = None
        self.kind_answer: str | None = AUTO_DETECT
        self.pick: dict[str, str] | None = {}  # None: Cancel in the mapping dialog
        self.asked: list[str] = []
        self.needed: list[NeedsMapping] = []
        self.dialogs: list[MappingDialog] = []
        self.summaries: list[ImportResult] = []
        self.errors: list[str] = []

    def export_path(self, folder: Path | None) -> Path | None:
        self.asked.append("path")
        return self.path_answer

    def export_kind(self, path: Path, presets: Any) -> str | None:
        self.asked.append("kind")
        assert [p.id for p in presets][:2] == ["aliexpress", "dianxiaomi"]
        return self.kind_answer

    def columns(self, path: Path, needed: NeedsMapping, fields: Any) -> dict[str, str] | None:
        self.asked.append("columns")
        self.needed.append(needed)
        dialog = MappingDialog(path.name, needed, fields)
        self.dialogs.append(dialog)
        if self.pick is None:
            return None
        dialog.choose(self.pick)
        assert dialog.import_button.isEnabled()
        return dialog.mapping()

    def summary(self, result: ImportResult, presets: Any) -> None:
        self.summaries.append(result)

    def error(self, message: str) -> None:
        self.errors.append(message)


@pytest.fixture()
def book(data) -> Iterator[OrderBook]:
    engine = open_database(default_url(data))
    yield OrderBook(engine)
    engine.dispose()


@pytest.fixture()
def make_importer(qtbot, data):
    def make(source: Any = None) -> ImportOrders:
        window = QWidget()
        qtbot.addWidget(window)
        importer = ImportOrders(window, data if source is None else source,
                                prompts=FakeImportPrompts())
        return importer

    return make


def finished(qtbot, importer: ImportOrders) -> None:
    qtbot.waitUntil(lambda: not importer.busy, timeout=15_000)


def dxm_file(tmp_path: Path, name: str = "dxm.xlsx", **changes: Any) -> Path:
    lines = [{**DXM_LINES[0], **changes}, DXM_LINES[1]]
    return write_xlsx(tmp_path / name, table(DIANXIAOMI, *lines))


def import_now(qtbot, importer: ImportOrders, path: Path, kind: str = AUTO_DETECT):
    with qtbot.waitSignal(importer.imported, timeout=15_000) as done:
        assert importer.start(path, kind)
    return done.args[0]


# ---------------------------------------------------------------------------------------------
# Importing

@pytest.mark.parametrize("kind", [AUTO_DETECT, "dianxiaomi"])
def test_an_export_lands_in_the_book(qtbot, make_importer, book, tmp_path, kind):
    importer = make_importer()
    steps: list[tuple[str, int, int]] = []
    importer.progress.connect(lambda *step: steps.append(step))
    result = import_now(qtbot, importer, dxm_file(tmp_path), kind)
    assert (result.preset, result.inserted, result.updated, result.unchanged) \
        == ("dianxiaomi", 1, 0, 0)
    (order,) = book.find(PIERRE)
    assert (order.buyer_name, order.destination_country, order.order_amount) \
        == ("Pierre Martin", "FR", Decimal("31.50"))
    assert [item.sku for item in order.items] == ["MUG-01", "SPN-02"]
    assert importer.prompts.summaries == [result] and importer.prompts.errors == []
    qtbot.waitUntil(lambda: ("import", 1, 1) in steps)  # queued: they may come just after
    assert steps[0] == ("open", 0, 0) and ("read", 0, 0) in steps
    assert importer.progress_dialog is None  # closed at the end


def test_the_file_and_its_kind_are_asked_when_not_given(qtbot, make_importer, tmp_path):
    importer = make_importer()
    prompts = importer.prompts
    assert importer.start() is False and prompts.asked == ["path"]  # no file chosen
    prompts.path_answer = dxm_file(tmp_path)
    prompts.kind_answer = None  # Cancel at the kind
    assert importer.start() is False and prompts.asked[1:] == ["path", "kind"]
    prompts.kind_answer = "dianxiaomi"
    with qtbot.waitSignal(importer.imported, timeout=15_000):
        assert importer.start() is True
    assert importer.folder == tmp_path


def test_the_import_runs_off_the_ui_thread(qtbot, make_importer, data, book, tmp_path):
    gate = threading.Event()
    threads: set[str] = set()

    def held_url() -> str:  # the worker waits here until the test lets it go on
        threads.add(threading.current_thread().name)
        assert gate.wait(10)
        return default_url(data)

    importer = make_importer(held_url)
    assert importer.start(dxm_file(tmp_path), AUTO_DETECT)
    qtbot.waitUntil(lambda: bool(threads))
    assert importer.busy and importer.progress_dialog.isVisible()
    fired: list[int] = []
    QTimer.singleShot(10, lambda: fired.append(1))
    qtbot.waitUntil(lambda: fired == [1])  # the UI thread goes on meanwhile
    assert threading.main_thread().name not in threads
    assert book.find(PIERRE) == []
    with qtbot.waitSignal(importer.imported, timeout=15_000):
        gate.set()
    assert len(book.find(PIERRE)) == 1


def test_cancel_inside_the_import_leaves_the_book_as_it_was(qtbot, make_importer, book,
                                                           tmp_path):
    importer = make_importer()
    import_now(qtbot, importer, dxm_file(tmp_path))
    before = book.find(PIERRE)
    changed = write_xlsx(tmp_path / "later.xlsx", table(
        DIANXIAOMI, {**DXM_LINES[0], "订单金额": "40.00"},
        {**DXM_LINES[0], "订单号": "3045678901234999", "买家姓名": "Ana Lima"}))

    def cancel_while_writing(stage: str, done: int, total: int) -> None:
        if stage == "import" and done:  # called by the book, inside its transaction
            importer.cancel()

    # Direct: the slot runs on the worker thread at once, as a click would land mid-import.
    importer.progress.connect(cancel_while_writing, Qt.ConnectionType.DirectConnection)
    imported: list[object] = []
    importer.imported.connect(imported.append)
    with qtbot.waitSignal(importer.cancelled, timeout=15_000):
        assert importer.start(changed, AUTO_DETECT)
    assert book.find(PIERRE) == before and before[0].order_amount == Decimal("31.50")
    assert book.find("3045678901234999") == []
    assert imported == [] and len(importer.prompts.summaries) == 1
    assert importer.prompts.errors == [] and not importer.busy


def test_the_progress_dialogs_cancel_button_stops_the_import(qtbot, make_importer, data, book,
                                                            tmp_path):
    gate = threading.Event()

    def held_url() -> str:
        assert gate.wait(10)
        return default_url(data)

    importer = make_importer(held_url)
    assert importer.start(dxm_file(tmp_path), AUTO_DETECT)
    dialog = importer.progress_dialog
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert "Cancelling" in dialog.label.text() and not dialog.cancel_button.isEnabled()
    with qtbot.waitSignal(importer.cancelled, timeout=15_000):
        gate.set()
    assert book.find(PIERRE) == [] and importer.prompts.summaries == []


def test_an_unknown_header_asks_for_the_columns_once(qtbot, make_importer, book, tmp_path):
    importer = make_importer()
    prompts = importer.prompts
    prompts.pick = {"marketplace": "Platform"}  # the one close matches don't find
    first = write_csv(tmp_path / "erp.csv", table(CUSTOM_HEADER, CUSTOM_ROW))
    result = import_now(qtbot, importer, first)
    (needed,) = prompts.needed
    assert needed.header == tuple(CUSTOM_HEADER)
    assert "Phone" not in needed.columns and needed.hidden == 1  # never offered
    assert needed.suggested == {
        "order_id": "Order No", "buyer_name": "Customer", "ship_date": "Ship Date",
        "tracking_number": "Tracking", "destination_country": "Country",
        "order_amount": "Total"}
    assert (result.preset, result.inserted) == (CUSTOM, 1)
    (order,) = book.find("D1234567890")
    assert (order.marketplace, order.buyer_name, order.ship_date, order.order_amount) \
        == ("dhgate", "Ana", dt.date(2026, 10, 20), Decimal("5"))
    assert book.mapping_for(CUSTOM_HEADER) == {**needed.suggested, "marketplace": "Platform"}
    # The next file with these headers (in another order) imports without asking.
    reordered = [*CUSTOM_HEADER[4:], *CUSTOM_HEADER[:4]]
    second = write_csv(tmp_path / "erp-2.csv", table(
        reordered, {**CUSTOM_ROW, "Order No": "D1234567891", "Customer": "Bo"}))
    result = import_now(qtbot, importer, second)
    assert prompts.asked.count("columns") == 1 and result.inserted == 1
    assert book.find("D1234567891")[0].buyer_name == "Bo"
    assert PHONE not in json.dumps([o._asdict() for o in book.find("D12345678")],
                                   default=str)


def test_cancel_in_the_mapping_dialog_imports_and_remembers_nothing(qtbot, make_importer,
                                                                    book, tmp_path):
    importer = make_importer()
    importer.prompts.pick = None
    path = write_csv(tmp_path / "erp.csv", table(CUSTOM_HEADER, CUSTOM_ROW))
    with qtbot.waitSignal(importer.cancelled, timeout=15_000):
        assert importer.start(path, AUTO_DETECT)
    assert book.find("D1234567890") == [] and book.mapping_for(CUSTOM_HEADER) is None
    assert not importer.busy and importer.prompts.summaries == []


def test_choosing_the_columns_myself_for_a_known_export(qtbot, make_importer, book, tmp_path):
    importer = make_importer()
    importer.prompts.pick = {"buyer_name": "收货人姓名", "sku": ""}
    result = import_now(qtbot, importer, dxm_file(tmp_path), OWN_COLUMNS)
    (needed,) = importer.prompts.needed
    assert needed.suggested["order_id"] == "订单号" and needed.suggested["sku"] == "SKU"
    assert "收货人电话" not in needed.columns and "详细地址" not in needed.columns
    assert result.preset == CUSTOM and book.find(PIERRE)[0].items[0].sku is None


def test_the_mapping_dialog_needs_the_order_number(qtbot):
    needed = NeedsMapping(("A", "B", "产品信息\n（双击）"), ("A", "B", "产品信息\n（双击）"), {}, 2)
    dialog = MappingDialog("x.csv", needed, mapping_fields())
    qtbot.addWidget(dialog)
    assert not dialog.import_button.isEnabled() and "order number" in dialog.problem.text()
    combo = dialog.combos["name"]
    assert [combo.itemText(i) for i in range(1, combo.count())] == ["A", "B", "产品信息"]
    dialog.choose({"order_id": "B", "name": "产品信息\n（双击）"})
    assert dialog.import_button.isEnabled() and dialog.problem.text() == ""
    assert dialog.mapping() == {"order_id": "B", "name": "产品信息\n（双击）"}
    assert dialog.findChild(QWidget, "hiddenColumns") is not None


def test_a_broken_file_gives_one_message(qtbot, make_importer, book, tmp_path):
    importer = make_importer()
    path = tmp_path / "orders.xlsx"
    path.write_bytes(b"PK\x03\x04 this zip is broken")
    with qtbot.waitSignal(importer.failed, timeout=15_000) as failed:
        assert importer.start(path, AUTO_DETECT)
    message = failed.args[0]
    assert importer.prompts.errors == [message] and importer.prompts.summaries == []
    assert "orders.xlsx" in message and "not a readable spreadsheet" in message
    assert "Traceback" not in message and not importer.busy


@pytest.mark.parametrize("source, expected", [
    (lambda: NOWHERE, "database can't be reached"),
    (lambda: "postgresql://agent:secret@db/orders", "setting can't be used"),
])
def test_a_database_that_cannot_be_used_gives_one_message(qtbot, make_importer, tmp_path,
                                                          source, expected):
    importer = make_importer(source)
    with qtbot.waitSignal(importer.failed, timeout=15_000) as failed:
        assert importer.start(dxm_file(tmp_path), AUTO_DETECT)
    assert expected in failed.args[0] and "secret" not in failed.args[0]
    assert importer.prompts.errors == [failed.args[0]]


def test_the_summary_lists_bad_rows_to_copy(qtbot):
    class Board:
        copied = ""

        def set_text(self, text: str) -> None:
            self.copied = text

        def text(self) -> str:
            return self.copied

    result = ImportResult("a.xlsx", "dianxiaomi", 12, 3, 2, 5, (
        RowProblem(7, "发货时间 'abc' is not a date"), RowProblem(9, "no order number")))
    board = Board()
    dialog = SummaryDialog(result, "Dianxiaomi order export", clipboard=board)
    qtbot.addWidget(dialog)
    assert [dialog.findChild(QWidget, f"{n}Count").text() for n in
            ("inserted", "updated", "unchanged")] == ["<b>3</b>", "<b>2</b>", "<b>5</b>"]
    assert "2 row(s)" in dialog.findChild(QWidget, "problemsNote").text()
    dialog.copy_button.click()
    assert board.copied == "row 7: 发货时间 'abc' is not a date\nrow 9: no order number"


def test_the_progress_dialog_says_each_step(qtbot):
    dialog = ProgressDialog("a.xlsx")
    qtbot.addWidget(dialog)
    dialog.show_step("read", 2000, 0)
    assert "2,000 rows" in dialog.label.text() and dialog.bar.maximum() == 0
    dialog.show_step("import", 5000, 12000)
    assert dialog.label.text() == "Importing orders: 5,000 of 12,000"
    assert (dialog.bar.maximum(), dialog.bar.value()) == (12000, 5000)
    dialog.show_step("import", 12000, 12000)
    assert "Saving 12,000 orders" in dialog.label.text()


def test_choosing_my_own_columns_is_the_domains_custom_preset():
    assert OWN_COLUMNS == CUSTOM


# ---------------------------------------------------------------------------------------------
# The team database

@pytest.fixture()
def make_dialog(qtbot, data):
    def make(keychain: Callable[[str, str], bool] | None = None,
             environ: dict[str, str] | None = None) -> TeamDatabaseDialog:
        dialog = TeamDatabaseDialog(data, keychain=keychain, environ=environ or {})
        qtbot.addWidget(dialog)
        return dialog

    return make


def save_button(dialog: TeamDatabaseDialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Save)


def test_the_dialog_refuses_a_url_with_a_password(make_dialog, data):
    dialog = make_dialog()
    assert dialog.local.isChecked() and save_button(dialog).isEnabled()
    dialog.team.setChecked(True)
    dialog.url.setText("postgresql://agent:secret@db.example.com/orders")
    assert not save_button(dialog).isEnabled() and not dialog.test_button.isEnabled()
    assert "password" in dialog.problem.text()
    dialog.url.setText("mysql://agent@db/orders")
    assert "postgresql://user@host:port/database" in dialog.problem.text()
    assert not save_button(dialog).isEnabled()
    assert not data.config.exists()


def test_the_dialog_saves_a_team_url_and_keeps_the_team_folder(qtbot, make_dialog, data,
                                                               tmp_path):
    save_config(data.config, AppConfig(team_dir=tmp_path / "team"))
    dialog = make_dialog()
    dialog.team.setChecked(True)
    dialog.url.setText(f"  {TEAM_URL} ")
    assert save_button(dialog).isEnabled() and dialog.problem.text() == ""
    with qtbot.waitSignal(dialog.databaseChanged) as changed:
        save_button(dialog).click()
    assert changed.args == [TEAM_URL]
    assert load_config(data.config) == AppConfig(tmp_path / "team", TEAM_URL)
    again = make_dialog()  # shows the saved URL; going back to this computer's SQLite
    assert again.team.isChecked() and again.url.text() == TEAM_URL
    assert TEAM_URL in again.findChild(QWidget, "currentDatabase").text()
    again.local.setChecked(True)
    with qtbot.waitSignal(again.databaseChanged) as changed:
        save_button(again).click()
    assert changed.args == [default_url(data)]
    assert load_config(data.config) == AppConfig(tmp_path / "team", None)


def test_saving_what_is_in_use_already_changes_nothing(qtbot, make_dialog, data):
    dialog = make_dialog(environ={"REPLY_COMPOSER_DB": TEAM_URL})
    assert dialog.findChild(QWidget, "environmentNote") is not None
    with qtbot.assertNotEmitted(dialog.databaseChanged):
        save_button(dialog).click()  # this computer's SQLite saved, the variable still wins
    assert load_config(data.config).database_url is None


@pytest.mark.parametrize("team_url, expected", [
    (None, "Connected in"), (NOWHERE, "Could not connect"),
])
def test_test_connection_says_ok_or_why_not(qtbot, make_dialog, data, team_url, expected):
    dialog = make_dialog()
    if team_url:
        dialog.team.setChecked(True)
        dialog.url.setText(team_url)
    dialog.test_button.click()
    assert not dialog.test_button.isEnabled()  # one test at a time, off the UI thread
    qtbot.waitUntil(lambda: expected in dialog.test_result.text(), timeout=15_000)
    assert dialog.test_button.isEnabled()
    assert Path(default_url(data).removeprefix("sqlite:///")).exists() == (team_url is None)


def test_the_password_goes_to_the_keychain_not_the_url(qtbot, make_dialog, data):
    assert make_dialog().findChild(QLineEdit, "databasePassword") is None  # no keychain
    saved: list[tuple[str, str]] = []
    dialog = make_dialog(keychain=lambda url, password: saved.append((url, password)) or True)
    dialog.team.setChecked(True)
    dialog.url.setText(TEAM_URL)
    assert not dialog.save_password_button.isEnabled()  # no password typed yet
    dialog.password.setText("s3cret")
    dialog.save_password_button.click()
    qtbot.waitUntil(lambda: "saved in the keychain" in dialog.keychain_note.text())
    assert saved == [(TEAM_URL, "s3cret")] and dialog.password.text() == ""
    save_button(dialog).click()
    assert "s3cret" not in data.config.read_text(encoding="utf-8")
