"""Order and ship dates from whatever a cell holds: a datetime, an Excel serial number, a
20261020 number, or text in year-month-day, day/month or month/day order."""

from __future__ import annotations

import datetime as dt
import re

from app.orders.cells import BadValue
from app.orders.records import Cell

FIRST_YEAR, LAST_YEAR = 2000, 2100  # a date outside is a typo or a wrong column

_YMD = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
                  r"(?:[\sT]+\d{1,2}[:：]\d{2}.*)?", re.DOTALL)
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})(?:\d{4}|\d{6})?")
_DMY_OR_MDY = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[\sT]+\d{1,2}:\d{2}.*)?",
                         re.DOTALL)
_SERIAL_TEXT = re.compile(r"\d{5}(?:\.\d+)?")
_EXCEL_EPOCH = dt.date(1899, 12, 30)  # serial 1 is 1900-01-01 (Excel's 1900 leap-year bug)
_COMPACT_NUMBERS = range(FIRST_YEAR * 10_000 + 101, LAST_YEAR * 10_000 + 1232)  # 20261020
_MONTHS = 12


def date_of(cell: Cell) -> dt.date:
    if isinstance(cell, dt.datetime):
        return _in_years(cell.date())
    if isinstance(cell, dt.date):
        return _in_years(cell)
    if isinstance(cell, bool) or not isinstance(cell, (int, float, str)):
        raise BadValue("is not a date")
    if isinstance(cell, (int, float)):
        if float(cell).is_integer() and int(cell) in _COMPACT_NUMBERS:  # 20261020
            return _date_from_text(str(int(cell)))
        return _serial_date(float(cell))
    return _date_from_text(cell.strip())


def _date_from_text(text: str) -> dt.date:
    if found := _YMD.fullmatch(text) or _COMPACT.fullmatch(text):
        year, month, day = (int(part) for part in found.groups()[:3])
        return _in_years(_calendar_date(year, month, day))
    if found := _DMY_OR_MDY.fullmatch(text):
        return _day_month_date(*(int(part) for part in found.groups()))
    if _SERIAL_TEXT.fullmatch(text):  # a CSV saved from a sheet whose dates had no format
        return _serial_date(float(text))
    raise BadValue("is not a date")


def _day_month_date(first: int, second: int, year: int) -> dt.date:
    """20/10/2026 or 10/20/2026: fine; 03/04/2026 could be either, so it is a problem."""
    if first > _MONTHS >= second:
        return _in_years(_calendar_date(year, second, first))
    if second > _MONTHS >= first:
        return _in_years(_calendar_date(year, first, second))
    if first == second:
        return _in_years(_calendar_date(year, first, second))
    raise BadValue("is ambiguous: day/month or month/day? Write it as 2026-10-20")


def _calendar_date(year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise BadValue("is not a date") from None


def _serial_date(serial: float) -> dt.date:
    first = (dt.date(FIRST_YEAR, 1, 1) - _EXCEL_EPOCH).days
    last = (dt.date(LAST_YEAR, 12, 31) - _EXCEL_EPOCH).days
    if not first <= serial < last + 1:
        raise BadValue(f"is not a date between {FIRST_YEAR} and {LAST_YEAR}")
    return _EXCEL_EPOCH + dt.timedelta(days=int(serial))


def _in_years(date: dt.date) -> dt.date:
    if not FIRST_YEAR <= date.year <= LAST_YEAR:
        raise BadValue(f"is not a date between {FIRST_YEAR} and {LAST_YEAR}")
    return date
