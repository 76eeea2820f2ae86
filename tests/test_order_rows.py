"""Rows are read a thousand at a time, column by column (app/orders/rows.py): what a row gives
must not depend on where in a batch it falls, or on what a column's memo has already seen."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from app.orders import rows
from app.orders.exports import PROGRESS_EVERY
from tests.test_order_exports import DIANXIAOMI, problems, read, table, write_csv


def dxm(n: int, **cells: Any) -> dict[str, Any]:
    """A one-line Dianxiaomi order."""
    return {"订单号": str(3045678901230000 + n), "买家姓名": "Ana", **cells}


def test_a_bad_value_seen_in_an_earlier_batch_is_a_problem_again(tmp_path):
    records = [dxm(n, 发货时间="2026/10/22") for n in range(2 * PROGRESS_EVERY + 500)]
    bad_at = (3, PROGRESS_EVERY + 500, 2 * PROGRESS_EVERY + 400)
    for n in bad_at:
        records[n]["发货时间"] = "abc"
    reading = read(write_csv(tmp_path / "orders.csv", table(DIANXIAOMI, *records)))
    assert problems(reading) == [(n + 2, "发货时间 'abc' is not a date") for n in bad_at]
    assert [order.row for order in reading.orders if order.ship_date is None] == \
        [n + 2 for n in bad_at]
    assert len(reading.orders) == len(records)


def test_values_the_memo_has_no_room_for_are_read_and_reported_all_the_same(tmp_path,
                                                                            monkeypatch):
    monkeypatch.setattr(rows, "MEMO_LIMIT", 2)
    dates = ["2026/10/22", "2026/10/23", "abc", "xyz", "abc", "2026/10/24", "2026/10/22"]
    records = [dxm(n, 发货时间=value) for n, value in enumerate(dates)]
    reading = read(write_csv(tmp_path / "orders.csv", table(DIANXIAOMI, *records)))
    assert problems(reading) == [(4, "发货时间 'abc' is not a date"),
                                 (5, "发货时间 'xyz' is not a date"),
                                 (6, "发货时间 'abc' is not a date")]
    assert [order.ship_date and order.ship_date.day for order in reading.orders] == \
        [22, 23, None, None, None, 24, 22]


def test_a_field_comes_from_the_first_of_its_columns_that_gives_a_value(tmp_path):
    # Dianxiaomi's country: 国家二字码, else 收货人国家, else 中文国家名
    records = [dxm(1, 国家二字码="FR", 收货人国家="Brazil"),
               dxm(2, 收货人国家="Brazil"),
               dxm(3, 国家二字码="Narnia", 收货人国家="Brazil"),
               dxm(4, 国家二字码="Narnia", 收货人国家="Atlantis", 中文国家名="美国"),
               dxm(5, 国家二字码="Narnia", 收货人国家="Atlantis"),
               dxm(6, 收货人国家="Atlantis", 中文国家名="Narnia"),
               dxm(7)]
    reading = read(write_csv(tmp_path / "orders.csv", table(DIANXIAOMI, *records)))
    assert [order.destination_country for order in reading.orders] == \
        ["FR", "BR", "BR", "US", None, None, None]
    # a bad value counts only when no column gives one, and then the first column's
    assert problems(reading) == [(6, "国家二字码 'Narnia' is not a country we know"),
                                 (7, "收货人国家 'Atlantis' is not a country we know")]


def test_rows_cut_short_read_their_missing_cells_as_empty(tmp_path):
    path = write_csv(tmp_path / "orders.csv",
                     table(DIANXIAOMI, dxm(1, 运单号="YT2612345678901234")))
    with path.open("a", encoding="utf-8", newline="") as file:  # a row ending at 买家姓名
        csv.writer(file).writerow(["2026/10/20", "", "", "2026/10/22", "", "", "", "", "Bo"])
        csv.writer(file).writerow([""] * 46 + ["3045678901239999"])  # ends at 订单号
    reading = read(Path(path))
    assert [(o.buyer_name, o.tracking_number) for o in reading.orders] == \
        [("Ana", "YT2612345678901234"), (None, None)]
    assert problems(reading) == [(3, "the order number (订单号) is empty")]


def test_a_number_too_long_for_a_quantity_is_a_problem_not_the_imports_end(tmp_path):
    # int() refuses 4,300 digits and more; a row without an order number is read too
    records = [dxm(1, 产品数量="1" * 5000), {"产品数量": "9" * 5000, "买家姓名": "Bo"}, dxm(3)]
    reading = read(write_csv(tmp_path / "orders.csv", table(DIANXIAOMI, *records)))
    assert [order.row for order in reading.orders] == [2, 4]
    assert problems(reading) == [
        (2, "产品数量 '" + "1" * 39 + "…' is too large to be a quantity"),
        (3, "the order number (订单号) is empty")]


def test_a_product_text_with_a_runaway_quantity_keeps_the_product(tmp_path):
    from tests.test_order_exports import ALIEXPRESS, MARIA, PRODUCT_INFO

    products = "【1】 Straw hat\n(产品数量:" + "9" * 5000 + ")\n【2】 Scarf x2"
    reading = read(write_csv(tmp_path / "orders.csv",
                             table(ALIEXPRESS, {**MARIA, PRODUCT_INFO: products})))
    assert [(item.name, item.quantity) for item in reading.orders[0].items] == [
        ("Straw hat", None), ("Scarf", 2)]


def test_a_parser_error_nobody_foresaw_is_a_problem_of_its_cell(tmp_path, monkeypatch):
    def fails(cell):
        raise ArithmeticError("no")

    monkeypatch.setitem(rows._PARSERS, "sku", fails)
    monkeypatch.setitem(rows._PARSERS, "buyer_name", fails)  # a column without a memo
    reading = read(write_csv(tmp_path / "orders.csv",
                             table(DIANXIAOMI, dxm(1, SKU="MUG-01"), dxm(2))))
    assert [order.order_id[-1] for order in reading.orders] == ["1", "2"]
    assert problems(reading) == [
        (2, "买家姓名 'Ana' could not be read (ArithmeticError)"),
        (2, "SKU 'MUG-01' could not be read (ArithmeticError)"),
        (3, "买家姓名 'Ana' could not be read (ArithmeticError)")]
