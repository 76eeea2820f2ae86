"""The one date parser: what agents type and paste, the same on Python 3.10–3.13.

Accepted: 2026-10-20, 2026/10/20, 2026.10.20, 20261020, 2026年10月20日, with a time after it
or not (an Excel-style 2026/10/20 14:33), and day/month/year or month/day/year when only
one reading is possible (20/10/2026). 10/11/2026 could be either: it is refused with a
message, never guessed. Years outside 2000–2100 are refused too (a typo, or an overflow
waiting to happen in deadline arithmetic).
"""

from __future__ import annotations

import datetime as dt
import re

FIRST_YEAR, LAST_YEAR = 2000, 2100
MONTHS = 12

_YEAR_FIRST = re.compile(
    r"(?P<y>\d{4})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})(?:\s*日)?"
    r"|(?P<compact>\d{8})")
_YEAR_LAST = re.compile(r"(?P<a>\d{1,2})\s*[-/.]\s*(?P<b>\d{1,2})\s*[-/.]\s*(?P<y>\d{4})")
# What may follow a date: a time of day ("14:33", "14:33:05", "T14:33", "2:33 PM").
_TIME = re.compile(r"(?:[T\s]\s*\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*([AaPp][Mm])?)?\s*")


class DateError(ValueError):
    """Why a text is not a date, in English and Chinese."""

    def __init__(self, message: str, zh: str) -> None:
        super().__init__(message)
        self.message, self.zh = message, zh


def parse_date(text: str) -> dt.date:
    """The date `text` names; DateError (with the reason) when it names none, or two."""
    text = text.strip()
    match = _YEAR_FIRST.match(text)
    if match and _TIME.fullmatch(text, match.end()):
        if match["compact"]:
            digits = match["compact"]
            return _date(int(digits[:4]), int(digits[4:6]), int(digits[6:]), text)
        return _date(int(match["y"]), int(match["m"]), int(match["d"]), text)
    match = _YEAR_LAST.match(text)
    if match and _TIME.fullmatch(text, match.end()):
        return _day_month_or_month_day(int(match["a"]), int(match["b"]), int(match["y"]), text)
    raise DateError(f"{text[:40]!r} is not a date (e.g. 2026-10-20)",
                    f"{text[:40]!r} 不是日期（例如 2026-10-20）")


def _day_month_or_month_day(a: int, b: int, year: int, text: str) -> dt.date:
    if a > MONTHS >= b:
        return _date(year, b, a, text)
    if b > MONTHS >= a:
        return _date(year, a, b, text)
    if a == b:
        return _date(year, a, b, text)
    raise DateError(
        f"{text[:40]!r} could be {year}-{b:02d}-{a:02d} or {year}-{a:02d}-{b:02d}: "
        "write it as YYYY-MM-DD",
        f"{text[:40]!r} 可能是 {year}-{b:02d}-{a:02d} 也可能是 {year}-{a:02d}-{b:02d}："
        "请按 YYYY-MM-DD 填写")


def _date(year: int, month: int, day: int, text: str) -> dt.date:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise DateError(f"{text[:40]!r}: the year must be between {FIRST_YEAR} and {LAST_YEAR}",
                        f"{text[:40]!r}：年份须在 {FIRST_YEAR} 至 {LAST_YEAR} 之间")
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DateError(f"{text[:40]!r} is not a date (there is no such day)",
                        f"{text[:40]!r} 不是有效的日期") from None
