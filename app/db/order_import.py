"""Writing an export's orders into the order book, in one transaction. Orders the book hasn't
got go straight in (COPY on PostgreSQL, executemany on SQLite); those it has are loaded into
temporary tables, then merged with a few set-based statements: a value the file leaves empty
keeps the book's, an order's items are replaced only when the file lists its products.
Nothing is ever deleted."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from decimal import Decimal
from operator import attrgetter
from typing import TYPE_CHECKING, Any, NamedTuple

from app.data.cyclic_gc import cyclic_gc_paused
from app.db.order_checks import checked
from app.db.schema import order_imports, order_items, orders
from app.db.sql import batches, buyer_key, utc_now
from app.orders.records import ExportReading, ImportedOrder, OrderItem, RowProblem

if TYPE_CHECKING:
    from sqlalchemy import ColumnElement, Connection, Engine

# The order facts the book keeps (ImportedOrder's fields but the key, the row and the items).
FACTS = ("buyer_name", "destination_country", "order_date", "ship_date", "chosen_method",
         "actual_method", "tracking_number", "order_amount", "currency", "store",
         "estimated_weight", "actual_weight")
_facts = attrgetter(*FACTS)
STAGED = ("order_id", "marketplace", *FACTS, "buyer_key", "items_hash")
ITEM_COLUMNS = ("order_id", "marketplace", "position", "sku", "name", "quantity", "unit_price")
_CENT = Decimal("0.01")
LOAD_BATCH = 5_000  # orders staged per round (and per progress call)


class ImportCounts(NamedTuple):
    inserted: int
    updated: int
    unchanged: int
    problems: tuple[RowProblem, ...]


def import_orders(engine: Engine, reading: ExportReading, source: str,
                  progress: Callable[[int, int], None] | None) -> ImportCounts:
    with cyclic_gc_paused():
        return _import(engine, reading, source, progress)


def _import(engine: Engine, reading: ExportReading, source: str,
            progress: Callable[[int, int], None] | None) -> ImportCounts:
    from app.db.engine import writing

    problems = list(reading.problems)
    kept = [order for order in (checked(o, problems) for o in reading.orders) if order]
    now = utc_now()
    with writing(engine) as connection:
        import_id = connection.execute(order_imports.insert().values(
            source=source, preset=reading.preset, imported_at=now, rows_read=reading.rows_read,
            inserted=0, updated=0, unchanged=0, problems=0).returning(order_imports.c.id)
        ).scalar_one()
        loaded = _Progress(progress, len(kept))
        new, again = _split(kept, _known_keys(connection, kept))
        _insert_new_orders(connection, new, (import_id, now), loaded)
        inserted, updated, unchanged = len(new), 0, 0
        if again:  # orders the book has: merged through temporary tables
            staging = _Staging(connection)
            for batch in batches(again, LOAD_BATCH):
                staging.load(batch)
                loaded.add(len(batch))
            found = staging.merge({"import_id": import_id, "updated_at": now})
            inserted, updated, unchanged = inserted + found[0], found[1], found[2]
        connection.execute(order_imports.update().where(order_imports.c.id == import_id)
                           .values(inserted=inserted, updated=updated, unchanged=unchanged,
                                   problems=len(problems)))
    if progress is not None and not kept:
        progress(0, 0)
    return ImportCounts(inserted, updated, unchanged, tuple(problems))


class _Progress:
    """Calls progress(done, total) as batches are written."""

    def __init__(self, progress: Callable[[int, int], None] | None, total: int) -> None:
        self.progress, self.total, self.done = progress, total, 0

    def add(self, count: int) -> None:
        self.done += count
        if self.progress is not None:
            self.progress(self.done, self.total)


def _known_keys(connection: Connection, kept: Sequence[ImportedOrder]) -> set[tuple[str, str]]:
    """The (order_id, marketplace) of the import's orders the book has already: none in an
    empty book (one query), else found by joining their keys, loaded into a temporary
    table, with the book's."""
    from sqlalchemy import Column, MetaData, Table, and_, select

    if not kept or connection.execute(select(orders.c.order_id).limit(1)).first() is None:
        return set()
    keys = Table("incoming_keys", MetaData(),
                 *(Column(name, orders.c[name].type) for name in ("order_id", "marketplace")),
                 prefixes=["TEMPORARY"], postgresql_on_commit="DROP")
    keys.create(connection)
    _copy(connection, keys.name, ("order_id", "marketplace"),
          [(order.order_id, order.marketplace) for order in kept])
    found = connection.execute(select(orders.c.order_id, orders.c.marketplace).join_from(
        orders, keys, and_(orders.c.order_id == keys.c.order_id,
                           orders.c.marketplace == keys.c.marketplace)))
    known = {(order_id, marketplace) for order_id, marketplace in found}
    keys.drop(connection)
    return known


def _split(kept: list[ImportedOrder], known: set[tuple[str, str]]
           ) -> tuple[list[ImportedOrder], list[ImportedOrder]]:
    """(the orders the book hasn't got, those it has), in one pass; all new in an empty book."""
    if not known:
        return kept, []
    new: list[ImportedOrder] = []
    again: list[ImportedOrder] = []
    for order in kept:
        (again if (order.order_id, order.marketplace) in known else new).append(order)
    return new, again


def _insert_new_orders(connection: Connection, new: Sequence[ImportedOrder],
                       stamp: tuple[int, Any], loaded: _Progress) -> None:
    """Orders the book hasn't got, written straight into it with their items: no temporary
    table and no second pass (a first import, and most of each day's)."""
    import_id, now = stamp
    dialect = connection.dialect
    to_db = orders.c.updated_at.type.dialect_impl(dialect).bind_processor(dialect)
    stamped = (import_id, to_db(now) if to_db else now)
    for batch in batches(new, LOAD_BATCH):
        _copy(connection, orders.name, (*STAGED, "import_id", "updated_at"),
              [_order_row(order, stamped) for order in batch])
        _copy(connection, order_items.name, ITEM_COLUMNS, _item_rows(batch))
        loaded.add(len(batch))


def _copy(connection: Connection, table: str, columns: Sequence[str],
          rows: list[tuple[Any, ...]]) -> None:
    if not rows:
        return
    names = ", ".join(columns)
    if connection.dialect.name == "postgresql":  # COPY: several times faster than any INSERT
        driver = connection.connection.driver_connection
        assert driver is not None
        with driver.cursor() as cursor, \
                cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        return
    marks = ", ".join("?" * len(columns))  # dates, amounts: sql.register_text_adapters
    connection.exec_driver_sql(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)


def _item_rows(batch: Sequence[ImportedOrder]) -> list[tuple[Any, ...]]:
    return [(order.order_id, order.marketplace, position, *item)
            for order in batch for position, item in enumerate(order.items)]


class _Staging:
    """The temporary tables of one import (this connection's alone, gone with the
    transaction's end)."""

    def __init__(self, connection: Connection) -> None:
        from sqlalchemy import Column, MetaData, String, Table

        self.connection = connection
        tables = MetaData()
        self.orders = Table("incoming_orders", tables,
                            *(Column(c.name, c.type, primary_key=c.primary_key)
                              for c in (orders.c[name] for name in STAGED)),
                            Column("state", String(8)),
                            prefixes=["TEMPORARY"], postgresql_on_commit="DROP")
        self.items = Table("incoming_items", tables,
                           *(Column(name, order_items.c[name].type) for name in ITEM_COLUMNS),
                           prefixes=["TEMPORARY"], postgresql_on_commit="DROP")
        tables.create_all(connection)

    def load(self, batch: Sequence[ImportedOrder]) -> None:
        _copy(self.connection, self.orders.name, (*STAGED, "state"),
              [_order_row(order, ("new",)) for order in batch])
        _copy(self.connection, self.items.name, ITEM_COLUMNS, _item_rows(batch))

    def merge(self, stamp: dict[str, Any]) -> tuple[int, int, int]:
        """Write the staged orders into the book: (inserted, updated, unchanged)."""
        counts = self._classify()
        self._insert_new(stamp)
        self._update_changed(stamp)
        self._replace_items()
        self.orders.metadata.drop_all(self.connection)
        return counts.get("new", 0), counts.get("changed", 0), counts.get("same", 0)

    def _key(self) -> ColumnElement[bool]:
        from sqlalchemy import and_

        return and_(orders.c.order_id == self.orders.c.order_id,
                    orders.c.marketplace == self.orders.c.marketplace)

    def _classify(self) -> dict[str, int]:
        """Each staged order's state: "new" (as loaded), "same" as the book's (every value
        the file gives equals the book's), or "changed"; the number of each."""
        from sqlalchemy import and_, case, func, select

        staged = self.orders
        same = and_(*(_same_or_empty(staged.c[n], orders.c[n]) for n in (*FACTS, "items_hash")))
        self.connection.execute(staged.update().where(self._key()).values(
            state=case((same, "same"), else_="changed")))
        query = select(staged.c.state, func.count()).group_by(staged.c.state)
        return {state: count for state, count in self.connection.execute(query)}

    def _insert_new(self, stamp: dict[str, Any]) -> None:
        from sqlalchemy import insert, literal, select

        staged = self.orders
        stamped = (literal(value, orders.c[name].type) for name, value in stamp.items())
        self.connection.execute(insert(orders).from_select(
            [*STAGED, *stamp], select(*(staged.c[n] for n in STAGED), *stamped)
            .where(staged.c.state == "new")))

    def _update_changed(self, stamp: dict[str, Any]) -> None:
        """The file's values over the book's; the book's where the file has none."""
        from sqlalchemy import func

        staged = self.orders
        merged = {n: func.coalesce(staged.c[n], orders.c[n])
                  for n in (*FACTS, "buyer_key", "items_hash")}
        self.connection.execute(orders.update().where(self._key(), staged.c.state == "changed")
                                .values(**merged, **stamp))

    def _replace_items(self) -> None:
        """New orders' items, and the items of changed orders whose file lists products."""
        from sqlalchemy import and_, insert, select, tuple_

        staged, items = self.orders, self.items
        relisted = and_(staged.c.state == "changed", staged.c.items_hash.is_not(None))
        self.connection.execute(order_items.delete().where(
            tuple_(order_items.c.order_id, order_items.c.marketplace).in_(
                select(staged.c.order_id, staged.c.marketplace).where(relisted))))
        fresh = and_(items.c.order_id == staged.c.order_id,
                     items.c.marketplace == staged.c.marketplace,
                     (staged.c.state == "new") | relisted)
        self.connection.execute(insert(order_items).from_select(
            list(ITEM_COLUMNS), select(*(items.c[n] for n in ITEM_COLUMNS))
            .join_from(items, staged, fresh)))


def _same_or_empty(incoming: ColumnElement[Any], stored: ColumnElement[Any]
                   ) -> ColumnElement[bool]:
    """The file leaves the value empty (the book's stays) or gives the book's value."""
    return incoming.is_(None) | (incoming == stored)


def _order_row(order: ImportedOrder, then: tuple[Any, ...]) -> tuple[Any, ...]:
    """The order's STAGED values, then those of `then`."""
    return (order.order_id, order.marketplace, *_facts(order), buyer_key(order.buyer_name),
            _items_hash(order.items), *then)


def _items_hash(items: Sequence[OrderItem]) -> str | None:
    """What the order's products are, in 32 hex digits (None: the file lists none). Prices
    count to the cent; order_checks.checked has dropped those quantize()
    can't take."""
    if not items:
        return None
    text = "\x1e".join([f"{sku}\x1f{name}\x1f{quantity}\x1f"
                        f"{'' if price is None else price.quantize(_CENT)}"
                        for sku, name, quantity, price in items])
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()
