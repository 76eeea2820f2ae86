"""The order book on both engines: imports (counts, idempotency, what a re-import keeps, bad
rows, one transaction), lookups, the form values an order gives, remembered mappings."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

import pytest

from app.orders.book import BookOrder, OrderBook, method_ids
from app.orders.records import ExportReading, ImportedOrder, OrderItem, RowProblem
from tests.test_db_engines import ENGINES, database, opened

DRESS = OrderItem("DRS-RED-M", "Summer dress", 2, Decimal("11.90"))
HAT = OrderItem("HAT-01", "Straw hat", 1, Decimal("2.00"))


def order(order_id: str = "8123456789012345", **fields: object) -> ImportedOrder:
    values: dict[str, object] = dict(
        marketplace="aliexpress", order_id=order_id, row=2, buyer_name="Maria Souza",
        destination_country="BR", order_date=dt.date(2026, 10, 1),
        ship_date=dt.date(2026, 10, 5), chosen_method="AliExpress Standard Shipping",
        actual_method="YunExpress", tracking_number="LP00123456789CN",
        order_amount=Decimal("25.80"), currency="USD", store="Sunny Store",
        estimated_weight=None, actual_weight=Decimal("0.35"), items=(DRESS,))
    values.update(fields)
    return ImportedOrder(**values)  # type: ignore[arg-type]


def reading(*orders: ImportedOrder, problems: tuple[RowProblem, ...] = ()) -> ExportReading:
    return ExportReading("aliexpress", orders, problems, len(orders))


THREE = (order(), order("8123456789012346", buyer_name="José Álvarez", tracking_number="YT1",
                        items=(DRESS, HAT)),
         order("1234567890", marketplace="dhgate", buyer_name="Ann Lee", tracking_number=None))


@pytest.fixture(params=ENGINES)
def book(request, tmp_path):
    with database(request.param, tmp_path) as url, opened(url) as engine:
        yield OrderBook(engine)


def counts(result):
    return result.inserted, result.updated, result.unchanged


def test_an_import_inserts_and_a_second_one_changes_nothing(book):
    assert counts(book.import_reading(reading(*THREE), "a.xls")) == (3, 0, 0)
    before = [book.get(o.order_id) for o in THREE]
    again = book.import_reading(reading(*THREE), "a.xls")
    assert counts(again) == (0, 0, 3)
    assert [book.get(o.order_id) for o in THREE] == before
    assert before[1].items == (DRESS, HAT) and before[0].order_amount == Decimal("25.80")


def test_a_reimport_updates_what_changed_and_keeps_what_the_file_leaves_empty(book):
    book.import_reading(reading(*THREE), "a.xls")
    changed = order(order_amount=Decimal("27.00"), tracking_number=None, actual_weight=None,
                    items=())
    result = book.import_reading(reading(changed, THREE[1]), "b.xlsx")
    assert counts(result) == (0, 1, 1)
    kept = book.get(changed.order_id)
    assert kept.order_amount == Decimal("27.00")
    assert kept.tracking_number == "LP00123456789CN" and kept.actual_weight == Decimal("0.350")
    assert kept.items == (DRESS,)  # the file listed no products: the book's stay


def test_new_and_known_orders_in_one_import_each_take_their_way(book):
    """New orders go straight into the book, known ones are merged: one import, both kinds,
    and an order number the book has on another marketplace counts as new."""
    book.import_reading(reading(*THREE[:2]), "a.xls")
    same_number_elsewhere = order(marketplace="dhgate", buyer_name="Li Wei", items=(HAT,))
    brand_new = order("8123456789019999", tracking_number="LP9", items=(HAT, DRESS))
    changed = THREE[1]._replace(ship_date=dt.date(2026, 10, 9))
    result = book.import_reading(reading(THREE[0], changed, brand_new, same_number_elsewhere),
                                 "b.xls")
    assert counts(result) == (2, 1, 1)
    assert book.get(brand_new.order_id).items == (HAT, DRESS)
    assert book.get(brand_new.order_id).tracking_number == "LP9"
    assert book.get(THREE[1].order_id).ship_date == dt.date(2026, 10, 9)
    elsewhere = book.get(THREE[0].order_id, "dhgate")
    assert elsewhere.buyer_name == "Li Wei" and elsewhere.items == (HAT,)
    assert book.get(THREE[0].order_id, "aliexpress").buyer_name == "Maria Souza"
    assert [o.order_id for o in book.find("LP9")] == [brand_new.order_id]


def test_orders_written_straight_or_merged_are_stamped_as_the_import(book):
    """The stamp is stored as the engine stores times (SQLite: SQLAlchemy's text), whichever
    way an order went in."""
    from sqlalchemy import text

    book.import_reading(reading(THREE[0]), "a.xls")
    book.import_reading(reading(THREE[0]._replace(store="B"), THREE[1]), "b.xls")
    with book.engine.connect() as connection:
        stamps = connection.execute(text(
            "SELECT o.order_id, o.import_id, o.updated_at = i.imported_at FROM orders o "
            "JOIN order_imports i ON i.id = o.import_id ORDER BY o.order_id")).all()
    assert [(order_id, same) for order_id, _, same in stamps] == \
        [(THREE[0].order_id, True), (THREE[1].order_id, True)]
    assert stamps[0][1] == stamps[1][1]  # both by the second import


def test_a_reimport_listing_other_products_replaces_the_orders_items(book):
    book.import_reading(reading(*THREE), "a.xls")
    book.import_reading(reading(order(items=(HAT,))), "b.xls")
    assert book.get(THREE[0].order_id).items == (HAT,)
    assert book.get(THREE[1].order_id).items == (DRESS, HAT)


def test_an_import_never_deletes_orders_or_the_case_log(book, composer, compose):
    from app.caselog.entries import entry_from
    from app.caselog.log import CaseLog

    book.import_reading(reading(*THREE), "a.xls")
    log = CaseLog(book.engine)
    result = compose("quality-stained", order_id=THREE[0].order_id)
    log.record(entry_from(result, {"order_id": THREE[0].order_id, "agent_name": "Lily"},
                          entry_id=uuid.uuid4(), text=result.reply))
    book.import_reading(reading(order(buyer_name="Maria S.")), "today.xls")
    assert all(book.get(o.order_id) for o in THREE)
    assert book.get(THREE[0].order_id).buyer_name == "Maria S."
    assert [e.agent for e in log.history(order_id=THREE[0].order_id)] == ["Lily"]


def test_bad_rows_are_reported_by_row_and_the_rest_import(book):
    from_reader = RowProblem(7, "发货时间 'abc' is not a date")
    too_long = order("9" * 70, row=9)
    odd = order("8123456789012399", row=11, tracking_number="X" * 80,
                order_amount=Decimal("1e15"), items=(DRESS._replace(quantity=-1),))
    result = book.import_reading(reading(THREE[0], too_long, odd, problems=(from_reader,)),
                                 "a.xls")
    assert counts(result) == (2, 0, 0)
    rows = [(p.row, p.message) for p in result.problems]
    assert rows[0] == (7, "发货时间 'abc' is not a date")
    assert [r for r, _ in rows[1:]] == [9, 11, 11, 11]
    assert "longer than 64" in rows[1][1]
    kept = book.get("8123456789012399")
    assert kept.tracking_number is None and kept.order_amount is None
    assert kept.items[0].quantity is None and kept.buyer_name == "Maria Souza"


@pytest.mark.parametrize(("fields", "dropped", "message"), [
    ({"destination_country": "BRA"}, "destination_country",
     "destination_country 'BRA' is too long"),
    ({"currency": "USDT"}, "currency", "currency 'USDT' is too long"),
    ({"tracking_number": "L" * 65}, "tracking_number", "is too long"),
    ({"order_amount": Decimal("1e12")}, "order_amount", "order_amount 1E+12 is too large"),
    ({"order_amount": Decimal("-1e12")}, "order_amount", "is too large"),
    ({"order_amount": Decimal("NaN")}, "order_amount", "order_amount NaN is too large"),
    ({"estimated_weight": Decimal("1e9")}, "estimated_weight", "is too large"),
    ({"actual_weight": Decimal("-1e9")}, "actual_weight", "is too large"),
])
def test_each_value_a_column_cannot_hold_is_dropped_alone(book, fields, dropped, message):
    """Every order passes a quick check of all its values first: each kind of value that
    fails it must still be dropped and reported, and the rest of the order kept."""
    result = book.import_reading(reading(order(**fields)), "a.xls")
    assert counts(result) == (1, 0, 0)
    assert [(p.row, message in p.message) for p in result.problems] == [(2, True)]
    kept = book.get("8123456789012345")
    assert getattr(kept, dropped) is None and kept.buyer_name == "Maria Souza"


@pytest.mark.parametrize(("item", "message"), [
    (DRESS._replace(quantity=2**31), "quantity 2147483648 is out of range"),
    (DRESS._replace(unit_price=Decimal("1e12")), "unit price 1E+12 is too large"),
    (DRESS._replace(unit_price=Decimal("NaN")), "unit price NaN is too large"),
])
def test_an_item_value_a_column_cannot_hold_is_dropped_alone(book, item, message):
    result = book.import_reading(reading(order(items=(HAT, item))), "a.xls")
    assert [p.message for p in result.problems] == [message]
    kept = book.get("8123456789012345")
    assert [i.sku for i in kept.items] == ["HAT-01", "DRS-RED-M"]
    assert kept.items[1].quantity in (None, 2) and kept.items[1].unit_price in (
        None, Decimal("11.90"))


def test_an_import_is_one_transaction_cancelled_by_its_progress_callback(book, monkeypatch):
    from app.db import order_import

    monkeypatch.setattr(order_import, "LOAD_BATCH", 2)
    book.import_reading(reading(THREE[0]), "a.xls")
    calls = []

    def cancel_after_first_batch(done: int, total: int) -> None:
        calls.append((done, total))
        raise KeyboardInterrupt

    changed = (order(buyer_name="Changed"), *THREE[1:])
    with pytest.raises(KeyboardInterrupt):
        book.import_reading(reading(*changed), "b.xls", cancel_after_first_batch)
    assert calls == [(2, 3)]
    assert book.get(THREE[0].order_id).buyer_name == "Maria Souza"
    assert book.get(THREE[2].order_id) is None
    progress: list[tuple[int, int]] = []
    book.import_reading(reading(*changed), "b.xls", lambda *p: progress.append(p))
    assert progress == [(2, 3), (3, 3)] and book.get(THREE[2].order_id) is not None


def test_find_by_order_number_tracking_number_or_the_start_of_a_name(book):
    book.import_reading(reading(*THREE), "a.xls")
    assert [o.order_id for o in book.find(" 8123456789012345 ")] == [THREE[0].order_id]
    assert [o.order_id for o in book.find("lp00123456789cn")] == [THREE[0].order_id]
    assert [o.buyer_name for o in book.find("josé ál")] == ["José Álvarez"]
    assert [o.buyer_name for o in book.find("JOSÉ")] == ["José Álvarez"]
    assert {o.buyer_name for o in book.find("ma")} == {"Maria Souza"}
    assert book.find("nobody") == [] and book.find("   ") == []


def test_an_exact_number_comes_before_names_and_the_limit_holds(book):
    named = order("555", buyer_name="8123456789012345 Fan", tracking_number=None)
    book.import_reading(reading(*THREE, named), "a.xls")
    found = book.find("8123456789012345")
    assert [o.order_id for o in found] == [THREE[0].order_id, "555"]
    assert [o.order_id for o in book.find("8123456789012345", limit=1)] == [THREE[0].order_id]


def test_orders_mentioned_in_a_pasted_message_are_found(book):
    book.import_reading(reading(*THREE), "a.xls")
    message = ("Hello, order 8123456789012346 placed 2026-10-01 still not here, "
               "tracking lp00123456789cn says nothing. 1234567890!")
    found = {o.order_id for o in book.find_in_message(message)}
    assert found == {"8123456789012346", "8123456789012345", "1234567890"}
    assert book.find_in_message("It arrived on 20261020, thanks") == []


def test_get_by_number_and_marketplace(book):
    book.import_reading(reading(*THREE, order("1234567890", marketplace="other")), "a.xls")
    assert book.get("1234567890", "dhgate").marketplace == "dhgate"
    assert book.get("1234567890", "aliexpress") is None
    assert book.get("404") is None


def test_form_values_fill_the_compose_form(book, composer):
    book.import_reading(reading(*THREE), "a.xls")
    found = book.get(THREE[0].order_id)
    raw = found.form_values()
    assert raw == {"order_id": "8123456789012345", "buyer_name": "Maria Souza",
                   "destination_country": "BR", "order_date": "2026-10-01",
                   "ship_date": "2026-10-05", "shipping_method": "YunExpress",
                   "tracking_number": "LP00123456789CN", "order_amount": "25.80",
                   "currency": "USD", "item": "Summer dress", "quantity": "2"}
    known = found.form_values(method_ids(composer.catalog))
    assert "shipping_method" not in known  # YunExpress is no method of ours: the agent picks
    epacket = found._replace(actual_method="E邮宝").form_values(method_ids(composer.catalog))
    assert epacket["shipping_method"] == "epacket"
    values = composer.catalog.parse_all(epacket)
    assert values["ship_date"] == dt.date(2026, 10, 5) and values["quantity"] == 2


def test_the_method_changed_when_the_parcel_went_by_another(composer):
    ids = method_ids(composer.catalog)
    base = BookOrder(*order()[:2], *order()[3:])
    assert base.method_changed() and base.method_changed(ids)
    same = base._replace(chosen_method="ePacket", actual_method="E邮宝")
    assert same.method_changed() and not same.method_changed(ids)
    assert not base._replace(actual_method="aliexpress standard  shipping").method_changed()
    assert not base._replace(actual_method=None).method_changed(ids)


def test_a_mapping_is_remembered_per_header_set(book):
    header = ("单号", "客户", "备注", "")
    mapping = {"order_id": "单号", "buyer_name": "客户"}
    assert book.mapping_for(header) is None
    book.remember_mapping(header, mapping)
    assert book.mapping_for(("客户 ", "单号", "备注")) == mapping
    assert book.mapping_for(("单号", "客户")) is None
    book.remember_mapping(header, {"order_id": "单号"})
    assert book.mapping_for(header) == {"order_id": "单号"}


def test_a_real_export_file_imports_and_is_found(book, tmp_path):
    from app.orders.exports import read_export
    from bench.order_import import write_csv

    path = write_csv(tmp_path / "orders.csv", 30)
    result = book.import_reading(read_export(path), path.name)
    assert (result.preset, result.rows_read, result.inserted) == ("dianxiaomi", 30, 20)
    found = book.find("3045678900000010")[0]
    assert found.items[0].sku == "SKU-15" and found.ship_date == dt.date(2026, 10, 18)
    assert found.method_changed()
