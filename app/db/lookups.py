"""The order book's lookups, each one statement (one round trip to a team server) that brings
the matching orders with their items, built once: a lookup runs as the agent types an order
number, and building a statement costs SQLAlchemy more than running it.

Each statement gives rows of (rank, the order's columns, item_position, item_sku, item_name,
item_quantity, item_unit_price), one per item (NULLs for an order without items), ordered by
rank, then buyer key, then order, then item."""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    Subquery,
    and_,
    bindparam,
    literal_column,
    or_,
    select,
    union_all,
)

from app.db.schema import order_items, orders

ITEM_COLUMNS = ("position", "sku", "name", "quantity", "unit_price")


@cache
def find() -> Select[Any]:
    """Orders whose number is :text or tracking number :upper (rank 0), then orders whose
    buyer key lies in [:key, :end) (rank 1), at most :limit of each."""
    by_number = _ranked(0, or_(orders.c.order_id == bindparam("text"),
                               orders.c.tracking_number == bindparam("upper")))
    by_name = _ranked(1, and_(orders.c.buyer_key >= bindparam("key"),
                              orders.c.buyer_key < bindparam("end")))
    by_name = by_name.order_by(orders.c.buyer_key)
    both = union_all(select(by_number.limit(bindparam("limit")).subquery()),
                     select(by_name.limit(bindparam("limit")).subquery()))
    return _with_items(both.subquery("matched"))


@cache
def find_any() -> Select[Any]:
    """Orders whose number is one of :words or tracking number one of :upper."""
    matched = _ranked(0, or_(orders.c.order_id.in_(bindparam("words", expanding=True)),
                             orders.c.tracking_number.in_(bindparam("upper", expanding=True))))
    return _with_items(matched.limit(bindparam("limit")).subquery("matched"))


@cache
def get(with_marketplace: bool) -> Select[Any]:
    """The order :order_id (of :marketplace): the one updated last."""
    match: ColumnElement[bool] = orders.c.order_id == bindparam("order_id")
    if with_marketplace:
        match = and_(match, orders.c.marketplace == bindparam("marketplace"))
    latest = _ranked(0, match).order_by(orders.c.updated_at.desc()).limit(1)
    return _with_items(latest.subquery("matched"))


def _ranked(rank: int, where: ColumnElement[bool]) -> Select[Any]:
    return select(literal_column(str(rank)).label("rank"), *orders.c).where(where)


def _with_items(matched: Subquery) -> Select[Any]:
    joined = matched.outerjoin(order_items, and_(
        order_items.c.order_id == matched.c.order_id,
        order_items.c.marketplace == matched.c.marketplace))
    items = (order_items.c[name].label(f"item_{name}") for name in ITEM_COLUMNS)
    return select(matched, *items).select_from(joined).order_by(
        matched.c.rank, matched.c.buyer_key, matched.c.order_id, matched.c.marketplace,
        order_items.c.position)
