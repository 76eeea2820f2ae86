"""The cells that pack several facts into one text: AliExpress's 实际发货物流:运单号 (shipping
method and tracking number) and 产品信息 (the products, with SKU, quantity and price)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from contextlib import suppress
from typing import Any

from app.orders.cells import MAX_DIGITS, BadValue, cell_text, money_of
from app.orders.presets import header_key
from app.orders.records import Cell, OrderItem

# Shipping: AliExpress writes "method:tracking" in one cell, several pairs on separate lines
# or after commas; the first pair is the shipment that counts.

_SHIPMENT = re.compile(r"(?P<method>[^:：\n,;，；]*?)\s*[:：]\s*"
                       r"(?P<tracking>(?=[A-Za-z_/-]*\d)[A-Za-z0-9][A-Za-z0-9_/-]{5,49})"
                       r"(?=\s*(?:[\n,;，；]|$))")
_TRACKING = re.compile(r"(?=.*\d)[A-Za-z0-9][A-Za-z0-9_/-]{3,49}")
_SEGMENTS = re.compile(r"[\n,;，；]+")


def _shipment(cell: Cell) -> tuple[str | None, str | None]:
    """(method, tracking number) of the first shipment a cell names."""
    text = cell_text(cell)
    if (":" in text or "：" in text) and (found := _SHIPMENT.search(text)):
        return found.group("method").strip() or None, found.group("tracking").upper()
    first = next((s.strip() for s in _SEGMENTS.split(text) if s.strip()), "")
    compact = "".join(first.split())
    if _TRACKING.fullmatch(compact):
        return None, compact.upper()
    return first or None, None


def actual_method(cell: Cell) -> str | None:
    return _shipment(cell)[0]


def tracking_number(cell: Cell) -> str | None:
    return _shipment(cell)[1]


# Products: AliExpress's 产品信息 holds blocks of lines per product
#   【1】 Summer dress
#   (产品属性: Color:Red、Size:M)
#   (商家编码:DRS-RED-M)
#   (产品数量:2 piece)
# other files one product per line ("Phone case x2", "Phone case 数量:2 SKU:PC-1").

_PRODUCT_START = re.compile(r"【\s*\d+\s*】\s*")
_LABELLED = re.compile(r"[(（]?\s*(?P<label>[^:：()（）]{1,20}?)\s*[:：]\s*(?P<value>.*?)\s*[)）]?")
_NOTE_KINDS = {"产品属性": "attributes", "属性": "attributes", "商家编码": "sku",
               "商品编码": "sku", "sku": "sku", "货号": "sku", "产品数量": "quantity",
               "数量": "quantity", "qty": "quantity", "quantity": "quantity",
               "单价": "unit_price", "产品单价": "unit_price", "price": "unit_price"}
_INLINE_SKU = re.compile(r"[(（\[]?\s*(?:商家编码|商品编码|SKU|货号)\s*[:：]\s*"
                         r"(?P<value>[^\s)）\],，;；]+)\s*[)）\]]?", re.IGNORECASE)
_INLINE_QUANTITY = re.compile(r"[(（\[]?\s*(?:产品数量|数量|Qty|Quantity)\s*[:：]?\s*"
                              r"(?P<value>\d+)\s*(?:pieces?|pcs?|件|个)?\s*[)）\]]?"
                              r"|(?:^|\s)[x×*]\s*(?P<times>\d+)\s*$", re.IGNORECASE)
_NAME_EDGES = " \t,;，；|-–—:："


def products_of(cell: Cell) -> tuple[OrderItem, ...] | None:
    return tuple(_products(cell_text(cell))) or None


def _products(text: str) -> list[OrderItem]:
    products: list[dict[str, Any]] = []
    blocks = _PRODUCT_START.search(text) is not None  # lines after 【n】 belong to product n
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        note = _note(line)
        if note is not None:
            if not products:
                products.append({})
            _add_note(products[-1], *note)
        elif blocks and products and not _PRODUCT_START.match(line):
            products[-1]["name"] = f"{products[-1].get('name') or ''} {line}".strip()
        else:
            products.append(_product_line(_PRODUCT_START.sub("", line, count=1)))
    return [_item(product) for product in products]


def _note(line: str) -> tuple[str, str] | None:
    """("sku", "DRS-RED-M") for "(商家编码:DRS-RED-M)"; ("other", …) for another
    parenthesised "(label: value)"; None for a line that names a product."""
    found = _LABELLED.fullmatch(line)
    if found is None:
        return None
    kind = _NOTE_KINDS.get(header_key(found.group("label")))
    if kind:
        return kind, found.group("value")
    return ("other", found.group("value")) if line[0] in "(（" else None


def _add_note(product: dict[str, Any], kind: str, value: str) -> None:
    if kind == "sku":
        product["sku"] = value or None
    elif kind == "quantity":
        count = re.match(r"\d+", value)
        product["quantity"] = _whole(count.group()) if count else None
    elif kind == "unit_price":
        with suppress(BadValue):  # a price we can't read: the rest of the product counts
            product["unit_price"] = money_of(value).amount
    elif kind == "attributes":
        product["attributes"] = value or None


def _whole(digits: str) -> int | None:
    """A quantity; None for more digits than any quantity has (int() refuses 4,300)."""
    return int(digits) if len(digits) <= MAX_DIGITS else None


def _product_line(line: str) -> dict[str, Any]:
    """The product a line names, with "SKU: …" and "x2" / "数量:2" taken out of its name."""
    product: dict[str, Any] = {}
    if found := _INLINE_SKU.search(line):
        product["sku"] = found.group("value")
        line = line[:found.start()] + " " + line[found.end():]
    if found := _INLINE_QUANTITY.search(line):
        product["quantity"] = _whole(found.group("value") or found.group("times"))
        line = line[:found.start()] + " " + line[found.end():]
    product["name"] = " ".join(line.split()).strip(_NAME_EDGES) or None
    return product


def _item(product: Mapping[str, Any]) -> OrderItem:
    name, attributes = product.get("name"), product.get("attributes")
    if attributes:
        name = f"{name} ({attributes})" if name else attributes
    return OrderItem(product.get("sku"), name, product.get("quantity"), product.get("unit_price"))
