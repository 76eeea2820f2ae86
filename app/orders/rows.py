"""Rows of an export into ImportedOrders: each field read from the first of its columns that
gives a value, and each bad value noted as a problem (the rest of the row still imports).

Rows are read a batch at a time, column by column: a column's cells are looked up in that
column's memo in one pass, and only the values not seen before are parsed. Reading cell by
cell called a Python function for each of ~20 fields of each row: two million calls, most
of an import's time."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from operator import itemgetter
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
from app.orders.records import WEIGHT_FIELDS, Cell, ImportedOrder, OrderItem, Row

# Values that repeat row after row (methods, countries, stores, products, prices) are parsed
# once per file; these rarely repeat, and remembering them would only cost memory.
_UNIQUE_FIELDS = frozenset({"order_id", "tracking_number", "buyer_name"})
MEMO_LIMIT = 10_000  # distinct values remembered per column
_QUOTE_LENGTH = 40  # of a cell quoted in a problem
_UNSEEN = object()  # a memo miss

_PARSERS: dict[str, Callable[[Cell], Any]] = {
    "order_id": order_number, "buyer_name": plain_text, "order_date": date_of,
    "ship_date": date_of, "chosen_method": plain_text, "actual_method": actual_method,
    "tracking_number": tracking_number, "order_amount": money_of, "currency": currency_code,
    "store": plain_text, "sku": plain_text, "name": products_of, "quantity": quantity_of,
    "unit_price": unit_price_of}

# The order a row's problems are listed in (the order of ImportedOrder, then the products').
_PROBLEM_ORDER = ("order_id", "order_amount", "marketplace", "buyer_name",
                  "destination_country", "order_date", "ship_date", "chosen_method",
                  "actual_method", "tracking_number", "currency", "store", "estimated_weight",
                  "actual_weight", "name", "sku", "quantity", "unit_price")

_ORDER_FACTS = _PROBLEM_ORDER[:14]  # the order's own fields, in the order the row loop takes
RowOrder = tuple[int, "ImportedOrder | None", Sequence[str]]  # (row, order, its problems)


class _Source(NamedTuple):
    """One column a field is read from."""

    column: int
    label: str  # its header, for problems
    parse: Callable[[Cell], Any]
    memo: dict[Any, Any] | None  # cell → its value or BadValue; None: don't keep
    bad: set[Any]  # the memo's cells whose value is a BadValue


class _Field(NamedTuple):
    """A field's values down a batch, and its bad values by row index."""

    values: list[Any]  # None where the row gives none
    problems: dict[int, tuple[str, Cell, BadValue]]  # (header, cell, why)


def _attempt(parse: Callable[[Cell], Any], cell: Cell) -> Any:
    """The parsed value, None for an empty cell, or the BadValue saying why there is none."""
    if is_empty(cell):
        return None
    try:
        return parse(cell)
    except BadValue as bad:
        return bad
    except (ValueError, ArithmeticError) as exc:  # a cell no parser foresaw: not the import's end
        return BadValue(f"could not be read ({type(exc).__name__})")


def _message(header: str, cell: Cell, bad: BadValue) -> str:
    """A bad value, as a row's problem: <header> '<cell>' <why>."""
    text = " ".join(cell_text(cell).split())
    quoted = repr(text if len(text) <= _QUOTE_LENGTH else text[:_QUOTE_LENGTH - 1] + "…")
    return f"{header} {quoted} {bad}"


def _column(cells: Sequence[Cell], source: _Source) -> _Field:
    """One column's values (from its memo where a cell has been seen), and its bad values."""
    parse, memo = source.parse, source.memo
    if memo is None:
        try:  # all good, the common case: no call around each parse
            return _Field([None if is_empty(cell) else parse(cell) for cell in cells], {})
        except (ValueError, ArithmeticError):  # BadValue among them: cell by cell
            values = [_attempt(parse, cell) for cell in cells]
            bad = [i for i, value in enumerate(values) if isinstance(value, BadValue)]
    else:
        values, bad = _remembered(cells, source, memo)
    problems = {}
    for index in bad:
        problems[index] = (source.label, cells[index], values[index])
        values[index] = None
    return _Field(values, problems)


def _remembered(cells: Sequence[Cell], source: _Source, memo: dict[Any, Any]
                ) -> tuple[list[Any], list[int]]:
    """The column's values, parsing only the cells its memo hasn't seen; where they are bad."""
    # a number is kept by its type too: 1 and 1.0 and True are one dict key
    keys = [cell if cell.__class__ is str else (cell.__class__, cell) for cell in cells]
    seen = memo.get
    values = [seen(key, _UNSEEN) for key in keys]
    bad_keys, found_bad = source.bad, False
    for index in [i for i, value in enumerate(values) if value is _UNSEEN]:
        key = keys[index]
        if (value := seen(key, _UNSEEN)) is _UNSEEN:  # not met earlier in this batch either
            value = _attempt(source.parse, cells[index])
            found_bad = found_bad or isinstance(value, BadValue)
            if len(memo) < MEMO_LIMIT:
                memo[key] = value
                if isinstance(value, BadValue):
                    bad_keys.add(key)
        values[index] = value
    if not bad_keys and not found_bad:  # the common case: no bad value in the column yet
        return values, []
    return values, [i for i, value in enumerate(values) if isinstance(value, BadValue)]


def _first_given(sources: tuple[_Source, ...], cells_of: Callable[[int], list[Cell]]
                 ) -> _Field:
    """From the first column that gives a value (a later column is read only for the rows
    still without one); the first bad value is a problem only when no column gives one."""
    found = _column(cells_of(sources[0].column), sources[0])
    values, problems = found.values, dict(found.problems)
    for source in sources[1:]:
        missing = [i for i, value in enumerate(values) if value is None]
        if not missing:
            break
        cells = cells_of(source.column)
        later = _column([cells[i] for i in missing], source)
        for index, value in zip(missing, later.values, strict=True):
            values[index] = value
        for position, problem in later.problems.items():
            problems.setdefault(missing[position], problem)
    return _Field(values, {index: problem for index, problem in problems.items()
                           if values[index] is None})


class RowReader:
    """Turns rows' cells into ImportedOrders, noting the problems of their values."""

    def __init__(self, layout: Layout,
                 country_codes: Callable[[str], str | None] | None) -> None:
        self.layout = layout
        self.country_codes = country_codes
        self.sources = {
            field: tuple(_Source(column, layout.label(column), self.parser(field, column),
                                 None if field in _UNIQUE_FIELDS else {}, set())
                         for column in columns)
            for field, columns in layout.columns.items()}
        used = {source.column for sources in self.sources.values() for source in sources}
        self.width = max(used, default=-1) + 1  # the cells a row must have to be read

    def parser(self, field: str, column: int) -> Callable[[Cell], Any]:
        if field == "destination_country":
            return self.country
        if field == "marketplace":
            return self.marketplace
        if field in WEIGHT_FIELDS:
            unit = column_unit(self.layout.headers[column], self.layout.units.get(field))
            return lambda cell: weight_of(cell, unit)
        return _PARSERS[field]

    def orders(self, batch: Sequence[Row]) -> list[RowOrder]:
        """Each row's order (None without an order number) and its problems."""
        width = self.width
        rows = [cells if len(cells) >= width else (*cells, *(None,) * (width - len(cells)))
                for _, cells in batch]
        columns: dict[int, list[Cell]] = {}

        def cells_of(column: int) -> list[Cell]:
            if column not in columns:
                columns[column] = list(map(itemgetter(column), rows))
            return columns[column]

        fields = {field: _first_given(sources, cells_of)
                  for field, sources in self.sources.items()}
        return self._assembled(batch, fields)

    def _assembled(self, batch: Sequence[Row], fields: dict[str, _Field]) -> list[RowOrder]:
        nothing = _Field([None] * len(batch), {})
        value = {field: fields.get(field, nothing).values for field in _PROBLEM_ORDER}
        problems = self._problems(fields, value["order_id"], value["order_amount"])
        default_market = self.layout.marketplace
        found: list[RowOrder] = []
        for index, ((row, _), order_id, money, market, buyer, country, ordered, shipped,
                    chosen, actual, tracking, currency, store, estimated, weighed) in enumerate(
                zip(batch, *(value[f] for f in _ORDER_FACTS), strict=True)):
            if not order_id:
                found.append((row, None, problems.get(index) or [self._no_order_id()]))
                continue
            found.append((row, ImportedOrder(
                market or default_market, order_id, row, buyer, country, ordered, shipped,
                chosen, actual, tracking, money.amount if money else None,
                _currency(money, currency), store, estimated, weighed,
                _items(value["name"][index], value["sku"][index], value["quantity"][index],
                       value["unit_price"][index])), problems.get(index, ())))
        return found

    def _problems(self, fields: dict[str, _Field], order_ids: list[Any],
                  amounts: list[Money | None]) -> dict[int, list[str]]:
        """Each row's problems, in _PROBLEM_ORDER: a row without an order number has only its
        order number's; the currency column's count only where the amount needs it."""
        by_row: dict[int, list[str]] = {}
        for field in _PROBLEM_ORDER:
            if field not in fields:
                continue
            for index, problem in fields[field].problems.items():
                if field != "order_id" and not order_ids[index]:
                    continue
                if field == "currency" and (money := amounts[index]) and money.certain:
                    continue
                by_row.setdefault(index, []).append(_message(*problem))
        return by_row

    def _no_order_id(self) -> str:
        return f"the order number ({self.sources['order_id'][0].label}) is empty"

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


def _currency(money: Money | None, column: str | None) -> str | None:
    """Said in the amount ("US $25.80"), else in a currency column, else a bare "$"."""
    if money and money.certain:
        return money.currency
    return column or (money.currency if money else None)


def _items(products: tuple[OrderItem, ...] | None, sku: str | None, quantity: int | None,
           unit_price: Any) -> tuple[OrderItem, ...]:
    """The products of the row: those its product text lists; the per-product columns
    (SKU, quantity, price) complete the product when the row has only one."""
    if products and len(products) > 1:
        return products
    if not products:
        if sku is None and quantity is None and unit_price is None:
            return ()
        return (OrderItem(sku, None, quantity, unit_price),)
    product = products[0]
    item = OrderItem(sku or product.sku, product.name,
                     product.quantity if quantity is None else quantity,
                     product.unit_price if unit_price is None else unit_price)
    return (item,) if any(part is not None for part in item) else ()
