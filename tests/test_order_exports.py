"""Reading order exports (app/orders/exports.py) from real .xlsx, .xls and .csv files that the
tests write with the exports' real Chinese headers."""

from __future__ import annotations

import csv
import datetime as dt
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import xlwt

from app.errors import ComposerError, SourceError, UnknownNameError
from app.orders.exports import (
    ExportReading,
    ImportedOrder,
    OrderItem,
    UnknownHeader,
    header_key,
    load_presets,
    read_export,
)
from tests.test_xlsx_slices import use_small_slices


@pytest.fixture(autouse=True, params=["whole", "sliced"])
def sheet_reading(request, monkeypatch):
    """Every test reads its workbook whole, as calamine does, and again cut into slices of a
    row or two (app/orders/xlsx_slices.py: what a big sheet gets)."""
    if request.param == "sliced":
        use_small_slices(monkeypatch)
    return request.param


PHONE, MOBILE = "+55 11 3456-7890", "+55 11 91234-5678"
STREET = "Rua das Flores 123"
COUNTRIES = {"brazil": "BR", "巴西": "BR", "br": "BR", "united states": "US", "美国": "US",
             "us": "US", "france": "FR", "fr": "FR"}


def country_codes(text: str) -> str | None:
    return COUNTRIES.get(text.strip().lower())


# ---------------------------------------------------------------------------------------------
# Writing export files

def table(header: Sequence[str], *records: Mapping[str, Any]) -> list[list[Any]]:
    """The header row, then each record's values in the header's column order."""
    unknown = {key for record in records for key in record} - set(header)
    assert not unknown, f"not in the header: {unknown}"
    return [list(header), *[[record.get(name, "") for name in header] for record in records]]


def write_xlsx(path: Path, rows: Sequence[Sequence[Any]], merge: Sequence[str] = ()) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append([None if value == "" else value for value in row])
    for cells in merge:
        sheet.merge_cells(cells)
    book.save(path)
    return path


def write_xls(path: Path, rows: Sequence[Sequence[Any]]) -> Path:
    """A real BIFF8 .xls (the AliExpress back end's format); dates as date-formatted numbers."""
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("订单")
    date_style = xlwt.easyxf(num_format_str="yyyy-mm-dd hh:mm:ss")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if isinstance(value, dt.date):
                sheet.write(r, c, value, date_style)
            elif value != "":
                sheet.write(r, c, value)
    book.save(str(path))
    return path


def write_csv(path: Path, rows: Sequence[Sequence[Any]], encoding: str = "utf-8") -> Path:
    with path.open("w", encoding=encoding, newline="") as file:
        csv.writer(file).writerows(rows)
    return path


def write(path: Path, rows: Sequence[Sequence[Any]]) -> Path:
    writers: dict[str, Callable[[Path, Sequence[Sequence[Any]]], Path]] = {
        ".xlsx": write_xlsx, ".xls": write_xls, ".csv": write_csv}
    return writers[path.suffix](path, rows)


def read(path: Path, **options: Any) -> ExportReading:
    options.setdefault("country_codes", country_codes)
    return read_export(path, **options)


def as_dicts(orders: Sequence[ImportedOrder]) -> list[dict[str, Any]]:
    return [order._asdict() for order in orders]


def problems(reading: ExportReading) -> list[tuple[int, str]]:
    return [(problem.row, problem.message) for problem in reading.problems]


# ---------------------------------------------------------------------------------------------
# The exports (headers as the notes in shared/notes/order-exports.md give them)

PRODUCT_INFO = "产品信息\n（双击单元格展开所有产品信息！）"
ALIEXPRESS = ["订单号", "订单状态", "负责人(业务员)", "买家名称", "下单时间", "付款时间",
              "产品总金额", "物流费用", "订单金额", "满立减", PRODUCT_INFO, "订单备注",
              "收货地址", "收货人名称", "收货国家", "州/省", "城市", "地址", "邮编",
              "联系电话", "手机", "买家选择物流", "发货期限", "实际发货物流:运单号",
              "发货时间", "确认收货时间"]
PRIVATE = {"收货地址": f"{STREET}, Sao Paulo", "地址": STREET, "邮编": "01234-567",
           "联系电话": PHONE, "手机": MOBILE, "城市": "Sao Paulo", "州/省": "SP"}
MARIA = {"订单号": "8123456789012345", "订单状态": "等待买家收货", "负责人(业务员)": "Lily",
         "买家名称": "Maria Souza", "下单时间": "2026-10-01 09:15:00",
         "付款时间": "2026-10-01 09:20:11",
         "产品总金额": "US $23.80", "物流费用": "US $2.00", "订单金额": "US $25.80",
         PRODUCT_INFO: "【1】 Summer dress\n(产品属性: Color:Red、Size:M)\n(商家编码:DRS-RED-M)\n"
                       "(产品数量:2 piece)\n【2】 Straw hat\n(产品属性: Color:Beige)\n"
                       "(商家编码:HAT-01)\n(产品数量:1 piece)",
         "收货人名称": "Maria S.", "收货国家": "Brazil", **PRIVATE,
         "买家选择物流": "AliExpress Standard Shipping", "发货期限": "2026-10-08",
         "实际发货物流:运单号": "China Post Registered Air Mail:RR123456789CN",
         "发货时间": "2026-10-05 16:40:02"}
JOHN = {"订单号": 3012345678901234.0, "买家名称": "John Smith", "收货国家": "United States",
        "下单时间": dt.datetime(2026, 10, 2, 8, 0), "订单金额": "US $9.99",
        PRODUCT_INFO: "【1】 Phone case\n(产品属性: Color:Black)\n(商家编码:PC-BLK)\n"
                      "(产品数量:3 piece)",
        "买家选择物流": "Cainiao Super Economy Global",
        "实际发货物流:运单号":
            "Cainiao Super Economy Global:LP00123456789012\nYANWEN:UG987654321YW",
        "联系电话": PHONE}
MARIA_ORDER = {
    "marketplace": "aliexpress", "order_id": "8123456789012345", "row": 2,
    "buyer_name": "Maria Souza", "destination_country": "BR",
    "order_date": dt.date(2026, 10, 1), "ship_date": dt.date(2026, 10, 5),
    "chosen_method": "AliExpress Standard Shipping",
    "actual_method": "China Post Registered Air Mail", "tracking_number": "RR123456789CN",
    "order_amount": Decimal("25.80"), "currency": "USD", "store": None,
    "estimated_weight": None, "actual_weight": None,
    "items": (OrderItem("DRS-RED-M", "Summer dress (Color:Red、Size:M)", 2, None),
              OrderItem("HAT-01", "Straw hat (Color:Beige)", 1, None))}
JOHN_ORDER = {
    **MARIA_ORDER, "order_id": "3012345678901234", "row": 3, "buyer_name": "John Smith",
    "destination_country": "US", "order_date": dt.date(2026, 10, 2), "ship_date": None,
    "chosen_method": "Cainiao Super Economy Global",
    "actual_method": "Cainiao Super Economy Global", "tracking_number": "LP00123456789012",
    "order_amount": Decimal("9.99"), "items": (OrderItem("PC-BLK", "Phone case (Color:Black)", 3,
                                                         None),)}

DIANXIAOMI = ["下单时间", "付款时间", "提交时间", "发货时间", "退款时间", "面单打印时间",
              "拣货单打印时间", "买家账号", "买家姓名", "买家Email", "收货人姓名",
              "收货人公司", "收货人税号", "收货人门牌号", "详细地址", "地址1", "地址2",
              "地址1+地址2", "收货人城市", "收货人州/省", "邮编", "收货人国家", "中文国家名",
              "国家二字码", "收货人电话", "收货人手机", "SKU", "产品ID", "产品名称",
              "产品售价", "产品数量", "产品规格", "图片网址", "来源URL", "销售链接", "多品名",
              "付款方式", "币种缩写", "订单金额", "买家支付运费", "退款金额", "预估利润",
              "成本利润率", "销售利润率", "预估运费", "包裹号", "订单号", "交易号", "订单状态",
              "平台渠道", "店铺账号", "订单备注", "拣货备注", "客服备注", "退款理由",
              "订单标识", "订单标记", "买家指定物流", "物流方式", "运单号", "物流订单号",
              "称重重量", "中文报关名", "英文报关名", "申报单价", "报关重量", "海关编码"]
DXM_ORDER = {"订单号": "3045678901234567", "下单时间": "2026/10/20 14:33", "发货时间": "2026/10/22",
             "买家姓名": "Pierre Martin", "收货人国家": "France", "中文国家名": "法国",
             "国家二字码": "FR", "收货人电话": PHONE, "收货人手机": MOBILE, "详细地址": STREET,
             "币种缩写": "EUR", "订单金额": "31,50", "平台渠道": "AliExpress", "店铺账号": "shop-a",
             "买家指定物流": "AliExpress Standard Shipping", "物流方式": "燕文专线追踪小包",
             "运单号": "YT2612345678901234", "称重重量": 350}
DXM_LINES = [{**DXM_ORDER, "SKU": "MUG-01", "产品名称": "Cat mug", "产品数量": 2, "产品售价": 9.5},
             {"订单号": "3045678901234567", "SKU": "SPN-02", "产品名称": "Spoon", "产品数量": "1",
              "产品售价": "4.00", "平台渠道": "AliExpress", "店铺账号": "shop-a"}]
DXM_EXPECTED = {
    "marketplace": "aliexpress", "order_id": "3045678901234567", "row": 2,
    "buyer_name": "Pierre Martin", "destination_country": "FR",
    "order_date": dt.date(2026, 10, 20), "ship_date": dt.date(2026, 10, 22),
    "chosen_method": "AliExpress Standard Shipping", "actual_method": "燕文专线追踪小包",
    "tracking_number": "YT2612345678901234", "order_amount": Decimal("31.50"),
    "currency": "EUR", "store": "shop-a", "estimated_weight": None,
    "actual_weight": Decimal("0.35"),
    "items": (OrderItem("MUG-01", "Cat mug", 2, Decimal("9.5")),
              OrderItem("SPN-02", "Spoon", 1, Decimal("4.00")))}


# ---------------------------------------------------------------------------------------------
# The presets


def test_aliexpress_xls_reads_every_field(tmp_path):
    reading = read(write_xls(tmp_path / "orders.xls", table(ALIEXPRESS, MARIA, JOHN)))
    assert reading.preset == "aliexpress"
    assert as_dicts(reading.orders) == [MARIA_ORDER, JOHN_ORDER]
    assert reading.problems == ()
    assert reading.rows_read == 2


@pytest.mark.parametrize("variant", [
    {"订单号": "订单号*", "实际发货物流:运单号": "实际发货物流：运单号 *",
     "负责人(业务员)": "负责人（业务员）"},
    {PRODUCT_INFO: "产品\n信息", "买家选择物流": " 买家选择物流\n", "订单金额": "订单\n金额"},
    {PRODUCT_INFO: "产品信息*", "收货国家": "收货国家：", "发货时间": "*发货时间"},
], ids=["star-fullwidth", "line-breaks", "colon-and-stars"])
def test_aliexpress_header_variants_below_a_title_row(tmp_path, variant):
    rows = table(ALIEXPRESS, MARIA)
    rows[0] = [variant.get(name, name) for name in ALIEXPRESS]
    path = write_xlsx(tmp_path / "orders.xlsx", [["速卖通订单导出 2026-10-20"], [], *rows])
    reading = read(path)
    assert reading.preset == "aliexpress"
    assert as_dicts(reading.orders) == [{**MARIA_ORDER, "row": 4}]


def test_dianxiaomi_rows_of_one_order_make_one_order(tmp_path):
    other = {**DXM_ORDER, "订单号": "3045678901239999", "平台渠道": "敦煌网", "国家二字码": "",
             "称重重量": "0.2kg"}
    rows = table(DIANXIAOMI, *DXM_LINES, other)
    reading = read(write_xlsx(tmp_path / "dxm.xlsx", rows))
    assert reading.preset == "dianxiaomi"
    first, second = reading.orders
    assert first._asdict() == DXM_EXPECTED
    assert (second.marketplace, second.destination_country, second.actual_weight, second.row) \
        == ("dhgate", "FR", Decimal("0.2"), 4)  # 收货人国家 when 国家二字码 is empty
    assert reading.rows_read == 3


def test_merged_order_cells_cover_their_product_rows(tmp_path):
    # The table starts at C3 (calamine's rows then start at column C), the order number is
    # merged over the order's two product rows.
    rows = table(DIANXIAOMI, *DXM_LINES)
    rows[2][DIANXIAOMI.index("订单号")] = ""
    column = openpyxl.utils.get_column_letter(DIANXIAOMI.index("订单号") + 3)
    path = write_xlsx(tmp_path / "merged.xlsx", [[], [], *[["", "", *row] for row in rows]],
                      merge=[f"{column}4:{column}5"])
    (order,) = read(path).orders
    assert order._asdict() == {**DXM_EXPECTED, "row": 4}


TONGTOOL = ["通途订单号", "平台订单号", "买家名称", "买家国家", "邮寄方式名称",
            "订单发货完成时间", "物流跟踪号", "付款时间", "订单生成时间", "订单金额", "币种",
            "发货截止时间", "SKU", "数量"]
MABANG = ["订单编号", "平台交易号", "物流单号", "内部单号", "虚拟单号", "买家账号", "买家姓名",
          "国家二字码", "发货时间", "交运时间", "订单付款时间", "买家自选物流", "订单金额", "币种",
          "订单重量"]


@pytest.mark.parametrize(("preset", "header", "record", "expected"), [
    ("tongtool", TONGTOOL,
     {"通途订单号": "TT0001", "平台订单号": "8123456789012345", "买家名称": "Ana",
      "买家国家": "巴西",
      "邮寄方式名称": "云途全球专线挂号", "订单发货完成时间": "2026-10-21 10:00:00",
      "物流跟踪号": "YT2612345678901234", "订单生成时间": "2026-10-19", "订单金额": "12.5",
      "币种": "USD", "SKU": "A-1", "数量": "2.0"},
     {"order_id": "8123456789012345", "destination_country": "BR",
      "ship_date": dt.date(2026, 10, 21),
      "actual_method": "云途全球专线挂号", "currency": "USD",
      "items": (OrderItem("A-1", None, 2, None),)}),
    ("mabang", MABANG,
     {"订单编号": "1234567890", "物流单号": "LP00123456789012", "内部单号": "MB1",
      "买家账号": "ana77", "买家姓名": "Ana", "国家二字码": "br", "发货时间": "2026年10月21日",
      "订单付款时间": "20261019",
      "买家自选物流": "Standard Shipping", "订单金额": 12.5, "币种": "usd", "订单重量": "420"},
     {"order_id": "1234567890", "destination_country": "BR", "ship_date": dt.date(2026, 10, 21),
      "chosen_method": "Standard Shipping", "currency": "USD",
      "estimated_weight": Decimal("0.42"), "items": ()}),
])
def test_erp_presets(tmp_path, preset, header, record, expected):
    reading = read(write_csv(tmp_path / f"{preset}.csv", table(header, record)))
    assert reading.preset == preset
    (order,) = reading.orders
    assert {field: getattr(order, field) for field in expected} == expected
    assert (order.buyer_name, order.order_amount, order.order_date) \
        == ("Ana", Decimal("12.5"), dt.date(2026, 10, 19))


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_csv_in_each_encoding_excel_saves(tmp_path, encoding):
    rows = table(ALIEXPRESS, MARIA, {**JOHN, "订单号": "3012345678901234",
                                     "下单时间": "2026-10-02 08:00:00"})
    reading = read(write_csv(tmp_path / "orders.csv", rows, encoding=encoding))
    assert as_dicts(reading.orders) == [MARIA_ORDER, JOHN_ORDER]


def test_tab_separated_text_saved_as_xls(tmp_path):
    # ERPs often write tab-separated text under an .xls name; Excel opens it all the same.
    path = tmp_path / "orders.xls"
    path.write_text("\n".join("\t".join(map(str, row)) for row in table(
        TONGTOOL, {"平台订单号": "8123456789012345", "买家名称": "Ana", "订单金额": "1"})),
        encoding="utf-8")
    assert read(path).orders[0].order_id == "8123456789012345"


# ---------------------------------------------------------------------------------------------
# Values

DATE_FORMS = ["2026-10-20 14:33:05", "2026/10/20 14:33", "2026/10/20", "2026.10.20", "20261020",
              "2026年10月20日", "20/10/2026", "10/20/2026", "46315.6063", 46315.6063, 46315,
              20261020, dt.datetime(2026, 10, 20, 14, 33), dt.date(2026, 10, 20)]


@pytest.mark.parametrize("suffix", [".xlsx", ".xls", ".csv"])
def test_every_date_form(tmp_path, suffix):
    records = [{"平台订单号": str(n), "买家名称": "Ana", "订单发货完成时间": form}
               for n, form in enumerate(DATE_FORMS, 1)]
    reading = read(write(tmp_path / f"dates{suffix}", table(TONGTOOL, *records)))
    assert [order.ship_date for order in reading.orders] == [dt.date(2026, 10, 20)] * len(records)
    assert reading.problems == ()


def test_bad_dates_are_problems_of_their_field_only(tmp_path):
    bad = ["03/04/2026", "abc", "1999-12-31", "2026-02-30", 12.5, True]
    records = [{"平台订单号": str(n), "买家名称": "Ana", "订单发货完成时间": value}
               for n, value in enumerate(bad, 1)]
    reading = read(write_xlsx(tmp_path / "dates.xlsx", table(TONGTOOL, *records)))
    assert [(order.buyer_name, order.ship_date) for order in reading.orders] == [("Ana", None)] * 6
    assert problems(reading) == [
        (2, "订单发货完成时间 '03/04/2026' is ambiguous: day/month or month/day? "
            "Write it as 2026-10-20"),
        (3, "订单发货完成时间 'abc' is not a date"),
        (4, "订单发货完成时间 '1999-12-31' is not a date between 2000 and 2100"),
        (5, "订单发货完成时间 '2026-02-30' is not a date"),
        (6, "订单发货完成时间 '12.5' is not a date between 2000 and 2100"),
        (7, "订单发货完成时间 'TRUE' is not a date")]


@pytest.mark.parametrize(("cell", "currency_column", "amount", "currency"), [
    ("US $25.80", "", "25.80", "USD"), ("$25.80", "", "25.80", "USD"),
    ("$25.80", "CAD", "25.80", "CAD"), ("25,80", "EUR", "25.80", "EUR"),
    ("USD 25.80", "EUR", "25.80", "USD"), ("¥12.00", "", "12.00", "CNY"),
    ("1.234,50 €", "", "1234.50", "EUR"), ("25.80", "", "25.80", None),
    (25.8, "美元", "25.8", "USD")])
def test_amounts_and_currencies(tmp_path, cell, currency_column, amount, currency):
    record = {"平台订单号": "1", "买家名称": "Ana", "订单金额": cell, "币种": currency_column}
    (order,) = read(write_xlsx(tmp_path / "money.xlsx", table(TONGTOOL, record))).orders
    assert (order.order_amount, order.currency) == (Decimal(amount), currency)


@pytest.mark.parametrize(("text", "items"), [
    ("Phone case x2", [OrderItem(None, "Phone case", 2, None)]),
    ("Phone case 数量:2\nCable Qty: 3 商品编码:CB-1",
     [OrderItem(None, "Phone case", 2, None), OrderItem("CB-1", "Cable", 3, None)]),
    ("Something odd: 12/3", [OrderItem(None, "Something odd: 12/3", None, None)]),
    ("【1】 Mug\n(产品属性: Color:Blue)\n(商家编码:MUG-B)\n(产品数量:4 piece)\n"
     "(物流等级&买家选择物流:Standard)",
     [OrderItem("MUG-B", "Mug (Color:Blue)", 4, None)]),
])
def test_product_lines(tmp_path, text, items):
    record = {**MARIA, PRODUCT_INFO: text}
    (order,) = read(write_xlsx(tmp_path / "products.xlsx", table(ALIEXPRESS, record))).orders
    assert list(order.items) == items


def test_shipment_cell_with_several_pairs_after_commas(tmp_path):
    record = {**MARIA, "实际发货物流:运单号": "YANWEN: UG987654321YW , China Post:RR123456789CN"}
    (order,) = read(write_csv(tmp_path / "o.csv", table(ALIEXPRESS, record))).orders
    assert (order.actual_method, order.tracking_number) == ("YANWEN", "UG987654321YW")


def test_countries_without_a_lookup_take_two_letter_codes_only(tmp_path):
    records = [{"平台订单号": "1", "买家名称": "Ana", "买家国家": "br"},
               {"平台订单号": "2", "买家名称": "Ana", "买家国家": "Brazil"}]
    reading = read_export(write_csv(tmp_path / "c.csv", table(TONGTOOL, *records)))
    assert [order.destination_country for order in reading.orders] == ["BR", None]
    assert problems(reading) == [(3, "买家国家 'Brazil' is not a 2-letter country code")]


def test_formula_cells_give_their_cached_values(tmp_path):
    path = write_xlsx(tmp_path / "formula.xlsx", table(
        TONGTOOL, {"平台订单号": "1", "买家名称": "Ana", "订单金额": "=2*6.25"}))
    with_cached_value(path, "2*6.25", "12.5")
    (order,) = read(path).orders
    assert order.order_amount == Decimal("12.5")


def with_cached_value(path: Path, formula: str, value: str) -> None:
    """openpyxl writes formulas without the value Excel would cache: add it, as Excel does."""
    with zipfile.ZipFile(path) as book:
        parts = {name: book.read(name) for name in book.namelist()}
    sheet = "xl/worksheets/sheet1.xml"
    text = parts[sheet].decode()
    written = f"<f>{formula}</f><v />"
    assert written in text
    parts[sheet] = text.replace(written, f"<f>{formula}</f><v>{value}</v>").encode()
    with zipfile.ZipFile(path, "w") as book:
        for name, data in parts.items():
            book.writestr(name, data)


# ---------------------------------------------------------------------------------------------
# Headers no preset knows


CUSTOM_HEADER = ["Order No", "Platform", "Customer", "Phone", "Ship Date", "Tracking", "Country",
                 "Total"]
CUSTOM_ROW = {"Order No": "D1234567890", "Platform": "敦煌网", "Customer": "Ana", "Phone": PHONE,
              "Ship Date": "2026-10-20", "Tracking": "LP00123456789012", "Country": "BR",
              "Total": "USD 5"}


def test_unknown_header_raises_with_the_header_row(tmp_path):
    path = write_xlsx(tmp_path / "erp.xlsx", [["My ERP export"], *table(CUSTOM_HEADER,
                                                                        CUSTOM_ROW)])
    with pytest.raises(UnknownHeader) as raised:
        read(path)
    assert raised.value.header == tuple(CUSTOM_HEADER)
    assert (raised.value.path, raised.value.line) == (str(path), 2)


def test_a_mapping_reads_the_unknown_header(tmp_path):
    path = write_csv(tmp_path / "erp.csv", table(CUSTOM_HEADER, CUSTOM_ROW))
    mapping = {"order_id": "Order No", "marketplace": "Platform", "buyer_name": "customer",
               "ship_date": "Ship Date",
               "tracking_number": "Tracking", "destination_country": "Country",
               "order_amount": "Total", "store": ""}  # "": the dialog left it unmapped
    reading = read(path, mapping=mapping)
    assert reading.preset == "custom"
    (order,) = reading.orders
    assert (order.marketplace, order.order_id, order.buyer_name, order.ship_date,
            order.tracking_number, order.order_amount, order.currency) \
        == ("dhgate", "D1234567890", "Ana", dt.date(2026, 10, 20), "LP00123456789012",
            Decimal("5"), "USD")
    assert PHONE not in repr(reading)


def test_a_mapping_wins_over_the_preset(tmp_path):
    path = write_csv(tmp_path / "orders.csv", table(ALIEXPRESS, MARIA))
    mapping = {"order_id": "订单号", "store": "负责人(业务员)"}
    reading = read(path, preset="aliexpress", mapping=mapping)
    assert (reading.preset, reading.orders[0].store, reading.orders[0].tracking_number) \
        == ("aliexpress", "Lily", "RR123456789CN")


@pytest.mark.parametrize(("mapping", "error", "message"), [
    ({"order_id": "Order No", "buyer_name": "Phone"}, ComposerError, "never imported"),
    ({"order_id": "Order No", "buyer": "Customer"}, UnknownNameError, "unknown field 'buyer'"),
    ({"buyer_name": "Customer"}, ComposerError, "order number"),
    ({"order_id": "Order Number"}, SourceError, "no header row with the column(s) Order Number"),
])
def test_bad_mappings(tmp_path, mapping, error, message):
    path = write_csv(tmp_path / "erp.csv", table(CUSTOM_HEADER, CUSTOM_ROW))
    with pytest.raises(error, match=message.replace("(", r"\(").replace(")", r"\)")):
        read(path, mapping=mapping)


def test_a_named_preset_that_does_not_fit_names_the_missing_headers(tmp_path):
    path = write_csv(tmp_path / "orders.csv", table(ALIEXPRESS, MARIA))
    with pytest.raises(SourceError, match="not a Mabang order export: no column 订单编号"):
        read(path, preset="mabang")
    with pytest.raises(UnknownNameError, match="did you mean mabang"):
        read(path, preset="mabbang")


# ---------------------------------------------------------------------------------------------
# Bad rows and bad files


def test_bad_rows_are_reported_and_the_rest_import(tmp_path):
    records = [MARIA, {**JOHN, "订单号": ""}, {**JOHN, "订单号": "8.12346E+15"},
               {**JOHN, "订单号": "AB-77", "订单金额": "lots", "收货国家": "Narnia"}]
    reading = read(write_csv(tmp_path / "orders.csv", table(ALIEXPRESS, *records)))
    assert [order.order_id for order in reading.orders] == ["8123456789012345", "AB-77"]
    assert reading.orders[1].order_amount is None
    assert problems(reading) == [
        (3, "the order number (订单号) is empty"),
        (4, "订单号 '8.12346E+15' was cut short by Excel (scientific notation): export the file "
            "again and open it without saving it in Excel, or use the .xlsx export"),
        (5, "订单金额 'lots' is not an amount"),
        (5, "收货国家 'Narnia' is not a country we know")]
    assert str(reading.problems[0]) == "row 3: the order number (订单号) is empty"
    assert reading.rows_read == 4


def test_no_address_or_phone_number_anywhere_in_the_result(tmp_path):
    reading = read(write_xls(tmp_path / "orders.xls", table(ALIEXPRESS, MARIA, JOHN)))
    text = repr(reading)
    for private in (PHONE, MOBILE, STREET, "01234-567"):
        assert private not in text
    dxm = read(write_xlsx(tmp_path / "dxm.xlsx", table(DIANXIAOMI, *DXM_LINES)))
    assert PHONE not in repr(dxm) and STREET not in repr(dxm)


@pytest.mark.parametrize("suffix", [".xlsx", ".xls", ".csv"])
def test_a_header_only_file_says_it_has_no_orders(tmp_path, suffix):
    path = write(tmp_path / f"empty{suffix}", [ALIEXPRESS])
    with pytest.raises(SourceError, match="only a header row: no orders below it") as raised:
        read(path)
    assert raised.value.path == str(path)


def test_a_million_blank_rows_end_the_table_quickly(tmp_path):
    path = write_csv(tmp_path / "blank.csv", table(ALIEXPRESS, MARIA))
    with path.open("a", encoding="utf-8") as file:
        file.write("," * (len(ALIEXPRESS) - 1) + "\n" * 1_000_000)
        file.write(",".join(["9999"] * len(ALIEXPRESS)) + "\n")  # past the end: not read
    start = time.perf_counter()
    reading = read(path)
    assert time.perf_counter() - start < 5
    assert [order.order_id for order in reading.orders] == ["8123456789012345"]


def test_a_title_row_alone_is_not_an_order_table(tmp_path):
    path = write_csv(tmp_path / "notes.csv", [["just some notes"], ["more notes"]])
    with pytest.raises(SourceError, match="no header row in the first 11 rows"):
        read(path)


@pytest.mark.parametrize(("content", "message"), [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a spreadsheet or CSV file"),
    (b"PK\x03\x04 this zip is broken", "not a readable spreadsheet"),
    (b"<html><body><table><tr><td>\xe8\xae\xa2\xe5\x8d\x95\xe5\x8f\xb7</td></tr></table>",
     "a web page saved as a spreadsheet"),
    (b"", "the file is empty"),
    (b"order,buyer\n\x81\x20,x\n", "neither UTF-8 nor GB18030 text"),  # bad in both
])
def test_files_that_are_not_exports(tmp_path, content, message):
    path = tmp_path / "orders.xls"
    path.write_bytes(content)
    with pytest.raises(SourceError, match=message) as raised:
        read(path)
    assert raised.value.path == str(path)


def test_missing_and_unreadable_paths(tmp_path):
    with pytest.raises(SourceError, match="cannot read the file"):
        read(tmp_path / "missing.xlsx")
    with pytest.raises(SourceError, match="cannot read the file"):
        read(tmp_path)


def test_progress_is_reported_every_thousand_rows(tmp_path):
    records = [{"平台订单号": str(n), "买家名称": "Ana"} for n in range(2_500)]
    seen: list[int] = []
    reading = read(write_csv(tmp_path / "many.csv", table(TONGTOOL, *records)),
                   progress=seen.append)
    assert seen == [1_000, 2_000, 2_500]
    assert len(reading.orders) == reading.rows_read == 2_500


def test_start_up_does_not_import_calamine():
    code = ("import sys, app.orders.exports; "
            "print('python_calamine' in sys.modules, 'openpyxl' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=Path(__file__).resolve().parents[1], check=True)
    assert done.stdout.split() == ["False", "False"]


# ---------------------------------------------------------------------------------------------
# Header matching and the presets file


@pytest.mark.parametrize("spelling", [
    "实际发货物流:运单号", "实际发货物流：运单号*", " 实际发货物流 : 运单号 ",
    "实际发货物流\n:运单号"])
def test_header_key_ignores_how_a_header_is_dressed(spelling):
    assert header_key(spelling) == header_key("实际发货物流:运单号")
    assert header_key("负责人（业务员）") == header_key("负责人(业务员)")
    assert header_key("SKU") == header_key("sku*")


def test_the_bundled_presets_cover_the_four_exports():
    presets = load_presets()
    assert list(presets) == ["aliexpress", "dianxiaomi", "tongtool", "mabang"]
    assert presets["aliexpress"].name_zh == "速卖通订单导出"
    assert presets["dianxiaomi"].columns["destination_country"][0] == "国家二字码"


@pytest.mark.parametrize(("yaml_text", "line", "message"), [
    ("presets:\n  x:\n    name: X\n    marketplace: other\n    columns:\n      order_id: [订单号]\n"
     "      buyer: [买家]\n", 7, "unknown field 'buyer'"),
    ("presets:\n  x:\n    name: X\n    marketplace: other\n    columns:\n      order_id: [订单号]\n"
     "      buyer_name: [买家姓名, 收货人电话]\n", 7, "is an address, phone or e-mail column"),
    ("presets:\n  x:\n    name: X\n    marketplace: ebay\n    columns: {order_id: [订单号]}\n", 4,
     "marketplace is 'ebay'"),
    ("presets:\n  x:\n    name: X\n    marketplace: other\n    columns: {buyer_name: [买家]}\n", 5,
     "need order_id"),
    ("presets:\n  x: [\n", 3, "YAML error"),
])
def test_a_bad_presets_file_names_its_line(tmp_path, yaml_text, line, message):
    path = tmp_path / "presets.yaml"
    path.write_text(yaml_text, encoding="utf-8")
    with pytest.raises(SourceError, match=message) as raised:
        load_presets(path)
    assert (raised.value.path, raised.value.line) == (str(path), line)


def test_a_team_leads_preset_is_used(tmp_path):
    path = tmp_path / "presets.yaml"
    path.write_text("presets:\n  myerp:\n    name: {en: My ERP, zh: 我的ERP}\n"
                    "    marketplace: dhgate\n    columns:\n      order_id: [Order No]\n"
                    "      buyer_name: [Customer]\n      ship_date: [Ship Date]\n",
                    encoding="utf-8")
    csv_path = write_csv(tmp_path / "erp.csv", table(CUSTOM_HEADER, CUSTOM_ROW))
    reading = read(csv_path, presets=load_presets(path))
    assert (reading.preset, reading.orders[0].marketplace, reading.orders[0].buyer_name) \
        == ("myerp", "dhgate", "Ana")
