"""How replies show dates, money and day counts, in the language being rendered: English by
default ("10 November 2026", "US$25.80"), the buyer's language in a translated section
("18 de enero de 2027", "25,80 US$", "18 января 2027 г."), Chinese in the gloss. Independent of
the computer's locale: the app may run under a Chinese locale and still write to a Brazilian.
Other languages are formatted by Babel (CLDR), imported the first time one is needed."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from app.compose.markers import rendering_language

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
# "US$", not "$": many buyers' own dollars are "$" too (Canada, Australia, Mexico …).
SYMBOLS = {"USD": "US$", "EUR": "€", "GBP": "£"}
WHOLE_UNITS = frozenset({"JPY", "KRW"})  # currencies without cents
_BARE_DOLLAR = re.compile(r"(?<![A-Za-z])\$(?![A-Za-z])")
LOCALES = {"es": "es_ES", "pt": "pt_BR", "ru": "ru_RU", "fr": "fr_FR", "zh": "zh_CN"}
FIRST_OF_MONTH = {"fr": "1er", "pt": "1º"}  # how the first of a month is written
# Day words: (one, few, many) — only Russian has "few" (2–4, not 12–14).
DAY_WORDS = {"en": ("day", "days", "days"), "es": ("día", "días", "días"),
             "pt": ("dia", "dias", "dias"), "fr": ("jour", "jours", "jours"),
             "ru": ("день", "дня", "дней"), "zh": ("天", "天", "天")}
BUSINESS_DAY_WORDS = {
    "en": ("business day", "business days", "business days"),
    "es": ("día hábil", "días hábiles", "días hábiles"),
    "pt": ("dia útil", "dias úteis", "dias úteis"),
    "fr": ("jour ouvré", "jours ouvrés", "jours ouvrés"),
    "ru": ("рабочий день", "рабочих дня", "рабочих дней"),
    "zh": ("个工作日", "个工作日", "个工作日")}


def long_date(value: Any) -> Any:
    """A date written out, unambiguous for buyers everywhere: "10 November 2026"."""
    if not isinstance(value, dt.date):
        return value
    lang = rendering_language.get()
    if lang == "en":
        return f"{value.day} {MONTHS[value.month - 1]} {value.year}"
    if lang == "zh":
        return zh_date(value)
    from babel.dates import format_date

    text = str(format_date(value, format="long", locale=LOCALES[lang]))
    if value.day == 1 and lang in FIRST_OF_MONTH:  # "1er décembre", "1º de dezembro"
        text = FIRST_OF_MONTH[lang] + text[1:]
    return text


def zh_date(value: Any) -> Any:
    if isinstance(value, dt.date):
        return f"{value.year}年{value.month}月{value.day}日"
    return value


def money(value: Any, currency: Any = "USD") -> Any:
    """Decimal('2') → "US$2.00"; other currencies by code: "12.50 BRL", "1,200 JPY"; in a
    translated section, the buyer's way: "25,80 US$"."""
    if not isinstance(value, (int, float, Decimal)):
        return value
    code = str(currency or "USD")
    amount = Decimal(str(value))
    lang = rendering_language.get()
    if lang not in ("en", "zh"):
        return _babel_money(amount, code, LOCALES[lang])
    places = 0 if code in WHOLE_UNITS else 2
    shown = f"{amount:,.{places}f}"
    symbol = SYMBOLS.get(code)
    return f"{symbol}{shown}" if symbol else f"{shown} {code}"


def _babel_money(amount: Decimal, code: str, locale: str) -> str:
    from babel.numbers import format_currency

    text = str(format_currency(amount, code, locale=locale))
    if code == "USD":  # a bare "$" is a peso or a Canadian dollar to many buyers
        text = _BARE_DOLLAR.sub("US$", text)
    return text


def _plural(value: int, words: tuple[str, str, str], lang: str) -> str:
    one, few, many = words
    if lang == "ru":
        tens, units = abs(value) % 100, abs(value) % 10
        word = one if units == 1 and tens != 11 else \
            few if 2 <= units <= 4 and not 12 <= tens <= 14 else many  # noqa: PLR2004
    else:
        word = one if abs(value) == 1 else few
    return f"{value}{word}" if lang == "zh" else f"{value} {word}"


def days(value: Any) -> Any:
    if isinstance(value, int):
        lang = rendering_language.get()
        return _plural(value, DAY_WORDS.get(lang, DAY_WORDS["en"]), lang)
    return value


def business_days(value: Any) -> Any:
    if isinstance(value, int):
        lang = rendering_language.get()
        return _plural(value, BUSINESS_DAY_WORDS.get(lang, BUSINESS_DAY_WORDS["en"]), lang)
    return value


FILTERS = {"long_date": long_date, "zh_date": zh_date, "money": money, "days": days,
           "business_days": business_days}
