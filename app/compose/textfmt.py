"""How replies show dates, money and day counts to buyers (locale-independent on purpose:
the app may run under a Chinese locale, and the reply must stay English)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£"}


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
    """Decimal('2') → "$2.00"; other currencies by code: "12.50 BRL"."""
    if not isinstance(value, (int, float, Decimal)):
        return value
    amount = f"{Decimal(str(value)):,.2f}"
    code = str(currency or "USD")
    symbol = SYMBOLS.get(code)
    return f"{symbol}{amount}" if symbol else f"{amount} {code}"


def days(value: Any) -> Any:
    if isinstance(value, int):
        return f"{value} day" if abs(value) == 1 else f"{value} days"
    return value


FILTERS = {"long_date": long_date, "zh_date": zh_date, "money": money, "days": days}
