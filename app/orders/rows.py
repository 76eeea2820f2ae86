"""One row of an export into an ImportedOrder: each field read from the first of its columns
that gives a value, and each bad value noted as a problem (the rest of the row still imports)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from app.orders.cells import (
    BadValue,
    Money,
    cell_text,
    column_unit,
    currency_code,
    is_empty,
    money_of,
    order_number,
    plain_text,
    quantity_of,
    unit_price_of,
    weight_of,
)
from app.orders.dates import date_of
from app.orders.layout import Layout
from app.orders.presets import header_key
from app.orders.product_info import actual_method, products_of, tracking_number
from app.orders.records import WEIGHT_FIELDS, Cell, ImportedOrder, OrderItem

# Values that repeat row after row (methods, countries, stores, products, prices) are parsed
# once per file; these rarely repeat, and remembering them would only cost memory.
_UNIQUE_FIELDS = frozenset({"order_id", "tracking_number", "buyer_name"})
MEMO_LIMIT = 10_000  # distinct values remembered per column
_QUOTE_LENGTH = 40  # of a cell quoted in a problem
_EMPTY = object()  # what value() keeps for an empty cell: the next column is tried

_PARSERS: dict[str, Callable[[Cell], Any]] = {
    "order_id": order_number, "buyer_name": plain_text, "order_date": date_of,
    "ship_date": date_of, "chosen_method": plain_text, "actual_method": actual_method,
    "tracking_number": tracking_number, "order_amount": money_of, "currency": currency_code,
    "store": plain_text, "sku": plain_text, "name": products_of, "quantity": quantity_of,
    "unit_price": unit_price_of}


class _Source(NamedTuple):
    """One column a field is read from."""

    column: int
    label: str  # its header, for problems
    parse: Callable[[Cell], Any]
    memo: dict[Any, Any] | None  # cell → its value, the BadValue or _EMPTY; None: don't keep


def _attempt(parse: Callable[[Cell], Any], cell: Cell) -> Any:
    """The parsed value, or the BadValue saying why there is none."""
    try:
        return parse(cell)
    except BadValue as bad:
        return bad


def _quoted(cell: Cell) -> str:
    text = " ".join(cell_text(cell).split())
    return repr(text if len(text) <= _QUOTE_LENGTH else text[:_QUOTE_LENGTH - 1] + "…")


Reader = Callable[[Sequence[Cell], list[str]], Any]  # (cells, problems) → the field's value


def _nothing(cells: Sequence[Cell], problems: list[str]) -> None:
    """A field the file has no column for."""


def _reader(sources: tuple[_Source, ...]) -> Reader:
    """How a field is read: from the first of its columns that gives a value (the first bad
    value is a problem only when none does); one column, the common case, without the loop."""
    if len(sources) == 1:
        return _column_reader(sources[0])
    columns = tuple(_column_reader(source, quiet=True) for source in sources)

    def read(cells: Sequence[Cell], problems: list[str]) -> Any:
        bad = None
        for column in columns:
            value = column(cells, problems)
            if value.__class__ is _Bad:
                bad = bad or value.message
            elif value is not None:
                return value
        if bad:
            problems.append(bad)
        return None

    return read


class _Bad(NamedTuple):
    """A column's bad value, kept back while another column may still give one."""

    message: str


def _column_reader(source: _Source, quiet: bool = False) -> Reader:
    """One column's value; its problem noted, or given back as a _Bad when quiet."""
    column, label, parse, memo = source

    def read(cells: Sequence[Cell], problems: list[str]) -> Any:
        cell = cells[column] if column < len(cells) else None
        if memo is None or cell is None:
            value = _EMPTY if is_empty(cell) else _attempt(parse, cell)
        else:
            # a number is kept by its type too: 1 and 1.0 and True are one dict key
            key = cell if cell.__class__ is str else (cell.__class__, cell)
            if (value := memo.get(key, memo)) is memo:  # the memo itself: a new value
                value = _EMPTY if is_empty(cell) else _attempt(parse, cell)
                if len(memo) < MEMO_LIMIT:
                    memo[key] = value
        if value is _EMPTY:
            return None
        if isinstance(value, BadValue):
            message = f"{label} {_quoted(cell)} {value}"
            if quiet:
                return _Bad(message)
            problems.append(message)
            return None
        return value

    return read


class RowReader:
    """Turns one row's cells into an ImportedOrder, noting the problems of its values."""

    def __init__(self, layout: Layout,
                 country_codes: Callable[[str], str | None] | None) -> None:
        self.layout = layout
        self.country_codes = country_codes
        self.sources = {
            field: tuple(_Source(column, layout.label(column), self.parser(field, column),
                                 None if field in _UNIQUE_FIELDS else {})
                         for column in columns)
            for field, columns in layout.columns.items()}
        # Built once: a field's reading runs ~20 times a row, a million times an import.
        self.readers = {field: _reader(sources) for field, sources in self.sources.items()}

    def parser(self, field: str, column: int) -> Callable[[Cell], Any]:
        if field == "destination_country":
            return self.country
        if field == "marketplace":
            return self.marketplace
        if field in WEIGHT_FIELDS:
            unit = column_unit(self.layout.headers[column], self.layout.units.get(field))
            return lambda cell: weight_of(cell, unit)
        return _PARSERS[field]

    def order(self, row: int, cells: Sequence[Cell], problems: list[str]) -> ImportedOrder | None:
        order_id = self.value("order_id", cells, problems)
        if not order_id:
            if not problems:
                label = self.sources["order_id"][0].label
                problems.append(f"the order number ({label}) is empty")
            return None
        money = self.value("order_amount", cells, problems)
        readers = self.readers

        def value(field: str) -> Any:
            return readers.get(field, _nothing)(cells, problems)

        return ImportedOrder(
            value("marketplace") or self.layout.marketplace, order_id, row,
            value("buyer_name"), value("destination_country"), value("order_date"),
            value("ship_date"), value("chosen_method"), value("actual_method"),
            value("tracking_number"), money.amount if money else None,
            self.currency(money, cells, problems), value("store"), value("estimated_weight"),
            value("actual_weight"), self.items(cells, problems))

    def value(self, field: str, cells: Sequence[Cell], problems: list[str]) -> Any:
        """From the field's first column that gives one; the first bad value is a problem
        only when no column gives a value."""
        return self.readers.get(field, _nothing)(cells, problems)

    def currency(self, money: Money | None, cells: Sequence[Cell],
                 problems: list[str]) -> str | None:
        """Said in the amount ("US $25.80"), else in a currency column, else a bare "$"."""
        if money and money.certain:
            return money.currency
        return self.value("currency", cells, problems) or (money.currency if money else None)

    def items(self, cells: Sequence[Cell], problems: list[str]) -> tuple[OrderItem, ...]:
        """The products of the row: those its product text lists; the per-product columns
        (SKU, quantity, price) complete the product when the row has only one."""
        products = self.value("name", cells, problems) or ()
        columns = OrderItem(self.value("sku", cells, problems), None,
                            self.value("quantity", cells, problems),
                            self.value("unit_price", cells, problems))
        if len(products) > 1:
            return tuple(products)
        product = products[0] if products else OrderItem(None, None, None, None)
        item = OrderItem(columns.sku or product.sku, product.name,
                         product.quantity if columns.quantity is None else columns.quantity,
                         product.unit_price if columns.unit_price is None else columns.unit_price)
        return (item,) if any(part is not None for part in item) else ()

    def country(self, cell: Cell) -> str:
        text = cell_text(cell)
        if self.country_codes is not None:
            code = self.country_codes(text)
        elif re.fullmatch(r"[A-Za-z]{2}", text):
            code = "GB" if text.upper() == "UK" else text.upper()  # AliExpress writes UK
        else:
            raise BadValue("is not a 2-letter country code")
        if code is None:
            raise BadValue("is not a country we know")
        return code

    def marketplace(self, cell: Cell) -> str | None:
        """What a marketplace column says, by the presets file's spellings; None (the preset's
        default) for a marketplace we don't serve."""
        key = header_key(cell_text(cell))
        names = self.layout.marketplace_names
        return names.get(key) or next((market for name, market in names.items() if name in key),
                                      None)
