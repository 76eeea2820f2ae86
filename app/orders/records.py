"""The records an order export is read into, the error asking for a column mapping, and the
field names and limits the other modules of the order book share."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import NamedTuple, TypeAlias

from app.errors import SourceError

# What a spreadsheet cell may hold (calamine's types; a CSV gives only str).
Cell: TypeAlias = "str | int | float | bool | dt.date | dt.time | dt.timedelta | None"
Row: TypeAlias = "tuple[int, Sequence[Cell]]"  # (row number as Excel shows it, cells)

MARKETPLACES = ("aliexpress", "dhgate", "other")
CUSTOM = "custom"  # ExportReading.preset when a person's mapping said which column is which
HEADER_SEARCH_ROWS = 11  # the header row may follow up to 10 title or blank rows
BLANK_ROWS_END = 1_000  # so many blank rows in a row end the table (a sheet "used" to 1,048,576)


class OrderItem(NamedTuple):
    sku: str | None
    name: str | None
    quantity: int | None
    unit_price: Decimal | None


class ImportedOrder(NamedTuple):
    marketplace: str  # "aliexpress" | "dhgate" | "other"
    order_id: str
    row: int  # the file row (1-based, as Excel shows it) of the order's first line
    buyer_name: str | None
    destination_country: str | None  # ISO 3166 alpha-2
    order_date: dt.date | None
    ship_date: dt.date | None
    chosen_method: str | None  # the shipping method the buyer chose, as the file writes it
    actual_method: str | None  # the method actually used, as the file writes it
    tracking_number: str | None
    order_amount: Decimal | None
    currency: str | None  # ISO 4217, e.g. USD
    store: str | None
    estimated_weight: Decimal | None  # kg
    actual_weight: Decimal | None  # kg
    items: tuple[OrderItem, ...]


class RowProblem(NamedTuple):
    row: int
    message: str  # the reason alone, e.g. "发货时间 'abc' is not a date"

    def __str__(self) -> str:
        return f"row {self.row}: {self.message}"


class ExportReading(NamedTuple):
    preset: str  # "aliexpress", "dianxiaomi", "tongtool", "mabang", … or "custom"
    orders: tuple[ImportedOrder, ...]
    problems: tuple[RowProblem, ...]
    rows_read: int  # the non-blank rows below the header row


ORDER_FIELDS: tuple[str, ...] = tuple(
    f for f in ImportedOrder._fields if f not in ("row", "items"))
ITEM_FIELDS: tuple[str, ...] = OrderItem._fields
FIELDS = ORDER_FIELDS + ITEM_FIELDS  # what a preset or a mapping may name
WEIGHT_FIELDS = ("estimated_weight", "actual_weight")
WEIGHT_UNITS = ("g", "kg")


class UnknownHeader(SourceError):
    """No preset knows the file's header row: the window opens a mapping dialog with it."""

    def __init__(self, path: str, row: int, header: tuple[str, ...]) -> None:
        self.header = header
        super().__init__(path, row, "no preset knows this header row: say which column is which",
                         zh="没有预设认得这一行表头：请指定各列对应的字段")
