"""What the order book's columns can hold: an imported order's values checked before they are
written, each one that doesn't fit dropped and reported with its row."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from app.db.schema import ORDER_ID_LENGTH
from app.orders.records import ImportedOrder, OrderItem, RowProblem

_LARGEST_AMOUNT = Decimal(10) ** 12
_LARGEST_WEIGHT = Decimal(10) ** 9
_LARGEST = {"order_amount": _LARGEST_AMOUNT, "estimated_weight": _LARGEST_WEIGHT,
            "actual_weight": _LARGEST_WEIGHT}
_LONGEST = {"destination_country": 2, "currency": 3, "tracking_number": ORDER_ID_LENGTH}
_LARGEST_PRICE = Decimal(10) ** 12
_MAX_QUANTITY = 2**31 - 1


def checked(order: ImportedOrder, problems: list[RowProblem]) -> ImportedOrder | None:
    """The order with each value the columns can't hold dropped (and reported), or None for an
    order number too long to be one."""
    if _fits_all(order):
        return order
    if len(order.order_id) > ORDER_ID_LENGTH:
        problems.append(RowProblem(order.row, f"the order number {order.order_id[:20]!r}… is "
                                              f"longer than {ORDER_ID_LENGTH} characters"))
        return None
    dropped: dict[str, Any] = {}
    for name, longest in _LONGEST.items():
        text = getattr(order, name)
        if text is not None and len(text) > longest:
            dropped[name] = None
            problems.append(RowProblem(order.row, f"{name} {text[:20]!r} is too long"))
    for name, largest in _LARGEST.items():
        amount = getattr(order, name)
        if amount is not None and not _fits(amount, largest):
            dropped[name] = None
            problems.append(RowProblem(order.row, f"{name} {amount} is too large"))
    if not all(_item_fits(item) for item in order.items):
        dropped["items"] = tuple(_checked_item(item, order.row, problems)
                                 for item in order.items)
    return order._replace(**dropped) if dropped else order


def _fits_all(order: ImportedOrder) -> bool:
    """Every value fits its column: the common case, checked in one go (runs per order)."""
    country, currency, tracking = order.destination_country, order.currency, \
        order.tracking_number
    amount, estimated, actual = order.order_amount, order.estimated_weight, order.actual_weight
    try:
        return (len(order.order_id) <= ORDER_ID_LENGTH
                and (country is None or len(country) <= _LONGEST["destination_country"])
                and (currency is None or len(currency) <= _LONGEST["currency"])
                and (tracking is None or len(tracking) <= _LONGEST["tracking_number"])
                and (amount is None or -_LARGEST_AMOUNT < amount < _LARGEST_AMOUNT)
                and (estimated is None or -_LARGEST_WEIGHT < estimated < _LARGEST_WEIGHT)
                and (actual is None or -_LARGEST_WEIGHT < actual < _LARGEST_WEIGHT)
                and all(_item_fits(item) for item in order.items))
    except InvalidOperation:  # NaN: the slow path says which
        return False


def _item_fits(item: OrderItem) -> bool:
    return (item.quantity is None or 0 <= item.quantity <= _MAX_QUANTITY) and (
        item.unit_price is None or _fits(item.unit_price, _LARGEST_PRICE))


def _checked_item(item: OrderItem, row: int, problems: list[RowProblem]) -> OrderItem:
    if item.quantity is not None and not 0 <= item.quantity <= _MAX_QUANTITY:
        problems.append(RowProblem(row, f"quantity {item.quantity} is out of range"))
        item = item._replace(quantity=None)
    if item.unit_price is not None and not _fits(item.unit_price, _LARGEST_PRICE):
        problems.append(RowProblem(row, f"unit price {item.unit_price} is too large"))
        item = item._replace(unit_price=None)
    return item


def _fits(amount: Decimal, largest: Decimal) -> bool:
    try:
        return abs(amount) < largest
    except InvalidOperation:  # NaN
        return False
