"""How replies show dates, money and day counts to buyers (locale-independent on purpose:
the app may run under a Chinese locale, and the reply must stay English)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
# "US$", not "$": many buyers' own dollars are "$" too (Canada, Australia, Mexico …).
SYMBOLS = {"USD": "US$", "EUR": "€", "GBP": "£"}
WHOLE_UNITS = frozenset({"JPY", "KRW"})  # currencies without cents


def long_date(value: Any) -> Any:
    """2026-11-10 → "10 November 2026" — unambiguous for buyers everywhere."""
    if isinstance(value, dt.date):
        return f"{value.day} {MONTHS[value.month - 1]} {value.year}"
    return value


def zh_date(value: Any) -> Any:
    if isinstance(value, dt.date):
        return f"{value.year}年{value.month}月{value.day}日"
    return value


def money(value: Any, currency: Any = "USD") -> Any:
    """Decimal('2') → "US$2.00"; other currencies by code: "12.50 BRL", "1,200 JPY"."""
    if not isinstance(value, (int, float, Decimal)):
        return value
    code = str(currency or "USD")
    places = 0 if code in WHOLE_UNITS else 2
    amount = f"{Decimal(str(value)):,.{places}f}"
    symbol = SYMBOLS.get(code)
    return f"{symbol}{amount}" if symbol else f"{amount} {code}"


def days(value: Any) -> Any:
    if isinstance(value, int):
        return f"{value} day" if abs(value) == 1 else f"{value} days"
    return value


def business_days(value: Any) -> Any:
    if isinstance(value, int):
        return f"{value} business day" if abs(value) == 1 else f"{value} business days"
    return value


FILTERS = {"long_date": long_date, "zh_date": zh_date, "money": money, "days": days,
           "business_days": business_days}
