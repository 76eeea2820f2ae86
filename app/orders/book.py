"""The order book: the orders of the seller's exports, kept in the database, so an order
number, tracking number or buyer name typed in the form (or found in a pasted message) fills
the order's fields. An import adds and updates orders and never deletes what is there."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, NamedTuple

from app.catalog.fields import name_key
from app.db.sql import TOP, buyer_key
from app.errors import ComposerError
from app.orders.presets import header_key
from app.orders.records import ExportReading, OrderItem, RowProblem

if TYPE_CHECKING:
    from sqlalchemy import Engine, Row, Select

    from app.catalog.catalog import Catalog

# In a pasted message: words of 8–40 letters and digits with at least 6 digits (order numbers
# are 10–16 digits, tracking numbers like LP00123456789CN).
_REFERENCE = re.compile(r"(?<![\w-])(?=(?:[A-Za-z]*\d){6})[A-Za-z0-9]{8,40}(?![\w-])")
_MAX_REFERENCES = 20


class BookOrder(NamedTuple):
    """An order as the book keeps it (the latest import's values, older ones where the latest
    file left a field empty)."""

    marketplace: str
    order_id: str
    buyer_name: str | None
    destination_country: str | None
    order_date: dt.date | None
    ship_date: dt.date | None
    chosen_method: str | None  # the buyer's choice, as the export wrote it
    actual_method: str | None  # what the parcel went by
    tracking_number: str | None
    order_amount: Decimal | None
    currency: str | None
    store: str | None
    estimated_weight: Decimal | None  # kg
    actual_weight: Decimal | None  # kg
    items: tuple[OrderItem, ...] = ()

    def form_values(self, method_id: Callable[[str], str | None] | None = None
                    ) -> dict[str, str]:
        """The compose form's raw values this order gives (empty ones left out).

        method_id: a method's name as the export writes it → our shipping method id, or None
            (see `method_ids`); with it, a method we don't know leaves the field empty;
            without it, the field gets the export's name."""
        first = self.items[0] if self.items else None
        method = self.actual_method or self.chosen_method
        if method is not None and method_id is not None:
            method = method_id(method)
        values = {
            "order_id": self.order_id, "buyer_name": self.buyer_name,
            "destination_country": self.destination_country,
            "order_date": _iso(self.order_date), "ship_date": _iso(self.ship_date),
            "shipping_method": method, "tracking_number": self.tracking_number,
            "order_amount": None if self.order_amount is None else str(self.order_amount),
            "currency": self.currency, "item": first.name if first else None,
            "quantity": str(first.quantity) if first and first.quantity else None}
        return {name: value for name, value in values.items() if value}

    def method_changed(self, method_id: Callable[[str], str | None] | None = None) -> bool:
        """The parcel went by another method than the buyer chose (the shipping-method-changed
        case). Names are compared as our method ids when method_id knows both."""
        chosen, actual = self.chosen_method, self.actual_method
        if not chosen or not actual:
            return False
        if method_id is not None and (ids := (method_id(chosen), method_id(actual)))[0] \
                and ids[1]:
            return ids[0] != ids[1]
        return name_key(chosen) != name_key(actual)


class ImportResult(NamedTuple):
    source: str
    preset: str
    rows_read: int
    inserted: int
    updated: int
    unchanged: int
    problems: tuple[RowProblem, ...]  # the reader's, and orders the book could not keep

    def to_json(self) -> dict[str, Any]:
        return {**self._asdict(), "problems": [{"row": p.row, "message": p.message}
                                               for p in self.problems]}


def method_ids(catalog: Catalog) -> Callable[[str], str | None]:
    """A shipping method's name (English, Chinese or an alias) → the catalog's id, or None."""

    def method_id(name: str) -> str | None:
        try:
            value = catalog.parse("shipping_method", name)
        except ComposerError:
            return None
        return value if isinstance(value, str) else None

    return method_id


class OrderBook:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def import_reading(self, reading: ExportReading, source_name: str,
                       progress: Callable[[int, int], None] | None = None) -> ImportResult:
        """Add and update the reading's orders in one transaction: all of them or (on an error,
        a kill, or a progress callback that raises to cancel) none.

        progress: called with (orders done, orders in all) after each batch."""
        from app.db.order_import import import_orders

        with self._unavailable_as_error():
            counts = import_orders(self.engine, reading, source_name, progress)
        return ImportResult(source_name, reading.preset, reading.rows_read, *counts)

    def find(self, text: str, limit: int = 20) -> list[BookOrder]:
        """The orders whose number or tracking number is `text`, then those whose buyer's
        name starts with it (any case)."""
        from app.db import lookups

        text = " ".join(text.split())
        if not text:
            return []
        key = buyer_key(text) or text
        return self._orders(lookups.find(), {"text": text, "upper": text.upper(), "key": key,
                                             "end": key + TOP, "limit": limit})[:limit]

    def find_in_message(self, text: str, limit: int = 5) -> list[BookOrder]:
        """The orders whose number or tracking number a pasted buyer message mentions."""
        from app.db import lookups

        words = list(dict.fromkeys(_REFERENCE.findall(text)))[:_MAX_REFERENCES]
        if not words:
            return []
        return self._orders(lookups.find_any(), {
            "words": words, "upper": [w.upper() for w in words], "limit": limit})

    def get(self, order_id: str, marketplace: str | None = None) -> BookOrder | None:
        """The order with this number (of this marketplace); the one updated last when
        several marketplaces use the number."""
        from app.db import lookups

        found = self._orders(lookups.get(marketplace is not None),
                             {"order_id": order_id.strip(), "marketplace": marketplace})
        return found[0] if found else None

    def _orders(self, query: Select[Any], values: dict[str, Any]) -> list[BookOrder]:
        """The orders one of app.db.lookups' statements finds, in its order, each once."""
        from app.db.engine import once_more_if_reconnected, reading

        def run() -> list[BookOrder]:
            with reading(self.engine) as connection:
                return _book_orders(connection.execute(query, values))

        with self._unavailable_as_error():
            return once_more_if_reconnected(run)

    def remember_mapping(self, header: Sequence[str], mapping: Mapping[str, str]) -> None:
        """Keep the columns a person mapped for this header set (what the mapping dialog
        returned for an UnknownHeader): the next file with the same headers uses them."""
        from sqlalchemy import delete, insert

        from app.db.engine import writing
        from app.db.schema import header_mappings
        from app.db.sql import utc_now

        digest = header_digest(header)
        with self._unavailable_as_error(), writing(self.engine) as connection:
            connection.execute(delete(header_mappings)
                               .where(header_mappings.c.header_hash == digest))
            connection.execute(insert(header_mappings).values(
                header_hash=digest, header=json.dumps(list(header), ensure_ascii=False),
                mapping=json.dumps(dict(mapping), ensure_ascii=False), saved_at=utc_now()))

    def mapping_for(self, header: Sequence[str]) -> dict[str, str] | None:
        """The mapping remembered for this header set, if any."""
        from sqlalchemy import select

        from app.db.engine import reading
        from app.db.schema import header_mappings

        query = select(header_mappings.c.mapping).where(
            header_mappings.c.header_hash == header_digest(header))
        with self._unavailable_as_error(), reading(self.engine) as connection:
            saved = connection.execute(query).scalar()
        mapping = json.loads(saved) if saved else None
        return {str(k): str(v) for k, v in mapping.items()} if mapping else None

    def _unavailable_as_error(self) -> Any:
        from app.db.engine import unavailable_as_error

        return unavailable_as_error(str(self.engine.url))


def header_digest(header: Iterable[str]) -> str:
    """A header set's identity: its non-empty headers as header_key() sees them, in any order."""
    keys = sorted({key for text in header if (key := header_key(text))})
    return hashlib.sha256("\x1f".join(keys).encode("utf-8")).hexdigest()


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def _book_orders(rows: Iterable[Row[Any]]) -> list[BookOrder]:
    """Orders from rows of (rank, order columns, item columns), an order's rows together;
    an order met again (found by number and by name) is kept where it came first."""
    facts = BookOrder._fields[:-1]  # all but the items
    found: dict[tuple[str, str], tuple[dict[str, Any], list[OrderItem]]] = {}
    done: set[tuple[str, str]] = set()
    last = None
    for row in rows:
        key = (row.marketplace, row.order_id)
        if key != last and key in found:
            done.add(key)  # its second appearance: the rows of another rank
        last = key
        if key in done:
            continue
        if key not in found:
            found[key] = ({f: getattr(row, f) for f in facts}, [])
        if row.item_position is not None:
            found[key][1].append(OrderItem(row.item_sku, row.item_name, row.item_quantity,
                                   row.item_unit_price))
    return [BookOrder(**order, items=tuple(items)) for order, items in found.values()]
