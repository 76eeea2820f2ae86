"""Cell values into order facts (text, order numbers, amounts, currencies, quantities, weights),
taken for what they say, never for their cell type: an order number may come as a float."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from typing import NamedTuple, NoReturn

from app.orders.presets import header_key
from app.orders.records import Cell


class BadValue(ValueError):
    """Why a cell's value is wrong; it becomes "<header> '<cell>' <reason>". A parser returns
    the value, None for nothing usable (the next column is tried), or raises this."""


_PLACEHOLDERS = frozenset({"-", "--", "—", "/", "n/a", "na", "null", "none", "无", "#n/a"})
_PLACEHOLDER_LENGTH = max(map(len, _PLACEHOLDERS)) + 2  # and some spaces around
_EXACT_FLOATS = 1e16  # beyond, a float no longer holds every digit of an order number


def cell_text(cell: Cell) -> str:
    """The cell as text, whatever its type ("" for empty)."""
    if cell is None:
        return ""
    if isinstance(cell, str):
        return cell.strip()
    if isinstance(cell, bool):
        return "TRUE" if cell else "FALSE"
    if isinstance(cell, float):
        return str(int(cell)) if cell.is_integer() and abs(cell) < _EXACT_FLOATS else repr(cell)
    if isinstance(cell, dt.datetime):
        return cell.isoformat(sep=" ")
    return str(cell).strip()


def plain_text(cell: Cell) -> str | None:
    return cell_text(cell) or None


def is_empty(cell: Cell) -> bool:
    """None, blank text or a placeholder like "-" or "N/A" (checked cheaply: this runs for
    every mapped cell of every row)."""
    if cell.__class__ is not str:
        return cell is None
    return not cell or cell.isspace() or (
        len(cell) <= _PLACEHOLDER_LENGTH and cell.strip().lower() in _PLACEHOLDERS)


_SCIENTIFIC = re.compile(r"\d(?:\.\d+)?[eE]\+?\d+")


def order_number(cell: Cell) -> str | None:
    """As text: 8123456789012345.0 → "8123456789012345"; Excel's text guards ('…, ="…",
    a leading tab) dropped. Letters are kept: another marketplace may use them."""
    text = cell_text(cell)
    if text.startswith('="') and text.endswith('"'):
        text = text[2:-1]
    text = text.lstrip("'`").strip()
    if _SCIENTIFIC.fullmatch(text):
        raise BadValue("was cut short by Excel (scientific notation): export the file again "
                       "and open it without saving it in Excel, or use the .xlsx export")
    return text or None


# Money

class Money(NamedTuple):
    amount: Decimal
    currency: str | None
    certain: bool  # False for a bare "$": a currency column may say which dollar


_NUMBER = re.compile(r"[-+]?\d[\d.,'’ ]*")
_CODE = re.compile(r"(?<![A-Z])[A-Z]{3}(?![A-Z])")
_CURRENCY_SIGNS = (("US$", "USD"), ("R$", "BRL"), ("CA$", "CAD"), ("C$", "CAD"),
                   ("AU$", "AUD"), ("A$", "AUD"), ("€", "EUR"), ("£", "GBP"), ("¥", "CNY"),
                   ("₽", "RUB"), ("₩", "KRW"), ("元", "CNY"))
_CURRENCY_WORDS = {"RMB": "CNY", "美元": "USD", "欧元": "EUR", "英镑": "GBP", "人民币": "CNY",
                   "卢布": "RUB", "US$": "USD", "$": "USD", "¥": "CNY"}


def money_of(cell: Cell) -> Money:
    if isinstance(cell, bool) or not isinstance(cell, (int, float, str)):
        raise BadValue("is not an amount")
    if not isinstance(cell, str):
        return Money(_decimal_of_number(cell), None, False)
    text = unicodedata.normalize("NFKC", cell)  # ￥ → ¥, full-width digits and $
    found = _NUMBER.search(text)
    if found is None:
        raise BadValue("is not an amount")
    amount = _decimal(found.group())
    rest = "".join((text[:found.start()] + text[found.end():]).split()).upper()
    return _currency_in(rest, amount)


def unit_price_of(cell: Cell) -> Decimal:
    return money_of(cell).amount


def _currency_in(rest: str, amount: Decimal) -> Money:
    if found := _CODE.search(rest):
        return Money(amount, _CURRENCY_WORDS.get(found.group(), found.group()), True)
    for sign, code in _CURRENCY_SIGNS:
        if sign in rest:
            return Money(amount, code, True)
    return Money(amount, "USD" if "$" in rest else None, False)


def _decimal_of_number(number: int | float) -> Decimal:
    value = Decimal(repr(number)) if isinstance(number, float) else Decimal(number)
    if not value.is_finite():
        raise BadValue("is not an amount")
    return value


def _decimal(raw: str) -> Decimal:
    """"25.80", "25,80", "1,234.50", "1.234,50", "1 234,50" → Decimal."""
    text = re.sub(r"[\s'’]", "", raw).lstrip("+")
    if "," in text and "." in text:  # the later one is the decimal mark
        if text.rfind(".") > text.rfind(","):
            text = text.replace(",", "")
        else:
            text = text.replace(".", "").replace(",", ".")
    elif "," in text:
        if re.fullmatch(r"-?\d{1,3}(?:,\d{3})+", text):
            text = text.replace(",", "")
        elif re.fullmatch(r"-?\d+,\d{1,2}", text):
            text = text.replace(",", ".")
        else:
            raise BadValue("is not an amount")
    elif text.count(".") > 1:
        if not re.fullmatch(r"-?\d{1,3}(?:\.\d{3})+", text):
            raise BadValue("is not an amount")
        text = text.replace(".", "")
    try:
        return Decimal(text)
    except InvalidOperation:
        raise BadValue("is not an amount") from None


def currency_code(cell: Cell) -> str | None:
    text = "".join(unicodedata.normalize("NFKC", cell_text(cell)).split()).upper()
    if not text:
        return None
    if code := _CURRENCY_WORDS.get(text):
        return code
    if re.fullmatch(r"[A-Z]{3}", text):
        return text
    raise BadValue("is not a currency code like USD")


# Quantities and weights

MAX_DIGITS = 18  # of a whole number read from text: more is no quantity (the book holds 2**31)
_QUANTITY = re.compile(r"[x×*]?\s*(\d+)(?:\.0+)?\s*(?:pcs?|pieces?|lots?|件|个|套|双)?",
                       re.IGNORECASE)


def quantity_of(cell: Cell) -> int:
    if isinstance(cell, bool):
        raise BadValue("is not a whole number")
    if isinstance(cell, int):
        return cell if cell >= 0 else _not_a_quantity()
    if isinstance(cell, float):
        return int(cell) if cell.is_integer() and cell >= 0 else _not_a_quantity()
    found = _QUANTITY.fullmatch(cell_text(cell))
    if found and len(found.group(1)) > MAX_DIGITS:  # int() refuses 4,300 digits and more
        raise BadValue("is too large to be a quantity")
    return int(found.group(1)) if found else _not_a_quantity()


def _not_a_quantity() -> NoReturn:
    raise BadValue("is not a whole number")


_WEIGHT = re.compile(r"(\d+(?:[.,]\d+)?)\s*(kg|kgs|千克|公斤|g|克)?", re.IGNORECASE)
_GRAMS = ("g", "克")
_GRAMS_PER_KG = 1000  # weights are kept in kg, whatever unit the file writes them in
_HEADER_UNIT = re.compile(r"\((kg|千克|公斤|g|克)\)")


def weight_of(cell: Cell, unit: str) -> Decimal:
    """In kg: a unit written in the cell wins over `unit`, the column's (g or kg)."""
    if isinstance(cell, bool):
        raise BadValue("is not a weight")
    if isinstance(cell, (int, float)):
        value, written = _decimal_of_number(cell), None
    else:
        found = _WEIGHT.fullmatch(cell_text(cell))
        if found is None:
            raise BadValue("is not a weight")
        value, written = Decimal(found.group(1).replace(",", ".")), found.group(2)
    grams = (written or unit).lower() in _GRAMS
    return value / _GRAMS_PER_KG if grams else value


def column_unit(header: str, preset_unit: str | None) -> str:
    """The unit of a weight column: said in its header ("重量(g)"), else the preset's, else kg."""
    found = _HEADER_UNIT.search(header_key(header))
    if found:
        return "g" if found.group(1) in _GRAMS else "kg"
    return preset_unit or "kg"
