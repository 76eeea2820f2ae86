"""Order and tracking numbers written in a buyer's message.

- Tracking: UPU S10 ("RB123456789CN", copied as "LP 123 456 789 CN" too), two to four
  letters and 10–20 digits (Cainiao "LP00123456789012", "CNBR…", "UUS…", "YT…"), or 17–22
  digits alone (Cainiao and others).
- Order: 16 digits on AliExpress (12–16 taken), 10 on DHgate.
- A word just before a number says which it is ("tracking 1234…", "заказ 1234…"); a phone
  number (a phone word before it, a leading + or 0, 11 digits) or a date is neither.
"""

from __future__ import annotations

import re

_S10 = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{2}\d{9}[A-Za-z]{2}(?![A-Za-z0-9])"
                  r"|(?<![A-Za-z0-9])[A-Z]{2}[ \u00a0]?\d{3}[ \u00a0]?\d{3}[ \u00a0]?\d{3}"
                  r"[ \u00a0]?[A-Z]{2}(?![A-Za-z0-9])")
_LETTERED = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{2,4}\d{10,20}[A-Za-z]{0,2}(?![A-Za-z0-9])")
# A run of digits alone: not part of a word, a decimal, a date, a range or "+7…".
_DIGITS = re.compile(r"(?<![\w+/.,:-])\d{10,22}(?![\w/:-]|[.,]\d)")
_LOOK_BEFORE = 30  # characters before a number where a word can say what it is
# Where a number may be: one pass for nine digits (in threes, maybe spaced), and the
# patterns above only around them (three scans of a 20,000-character paste cost ~3 ms).
_NINE_DIGITS = re.compile(r"\d{3}(?:[ \u00a0]?\d{3}){2}\d*")
_AROUND = 6  # characters each side: the letters of "LP 123 456 789 CN"
_TRACKING_WORDS = re.compile(r"track|rastre|seguimiento|suivi|трек|отслеж")
_ORDER_WORDS = re.compile(r"order|pedido|encomenda|compra|заказ|commande|#")
_PHONE_WORDS = re.compile(r"\b(?:phone|tel|whatsapp|mobile|cell|celular|portable|call me"
                          r"|ll[aá]m\w*|ligue|contact\w*|contato|телефон\w*|тел|звон\w*|appel\w*)\b")
PHONE_LONGEST = 13  # digits: a longer run is no phone number
DHGATE_ORDER, ALIEXPRESS_SHORTEST, ALIEXPRESS_LONGEST = 10, 12, 16


def extract_values(text: str) -> dict[str, str]:
    """The first tracking number and the first order number in the text."""
    found: set[tuple[int, str, str]] = set()
    for run in _NINE_DIGITS.finditer(text):  # every number below has nine digits or more
        low, high = max(0, run.start() - _AROUND), run.end() + _AROUND
        for pattern in (_S10, _LETTERED):
            found.update((m.start(), "tracking_number", _compact(m.group()))
                         for m in pattern.finditer(text, low, high))
        for match in _DIGITS.finditer(text, low, high):
            kind = _kind(text, match.start(), match.group())
            if kind is not None:
                found.add((match.start(), kind, match.group()))
    values: dict[str, str] = {}
    for _, kind, value in sorted(found):
        values.setdefault(kind, value)
    return values


def _compact(number: str) -> str:
    return "".join(number.split()).upper()


def _kind(text: str, start: int, digits: str) -> str | None:
    """Which number a run of digits is, by the word before it, else by its length."""
    before = text[max(0, start - _LOOK_BEFORE):start].casefold()
    said = _last_said(before)
    if said is not None:
        return said
    if len(digits) <= PHONE_LONGEST and (_PHONE_WORDS.search(before) or digits[0] == "0"):
        return None  # "tel 0612345678": a French mobile is 10 digits too
    if len(digits) == DHGATE_ORDER or ALIEXPRESS_SHORTEST <= len(digits) <= ALIEXPRESS_LONGEST:
        return "order_id"
    if len(digits) > ALIEXPRESS_LONGEST:
        return "tracking_number"
    return None  # 11 digits: a mobile number


def _last_said(before: str) -> str | None:
    """"tracking" or "order", whichever a word nearest the number says."""
    tracking = [m.end() for m in _TRACKING_WORDS.finditer(before)]
    order = [m.end() for m in _ORDER_WORDS.finditer(before)]
    if not tracking and not order:
        return None
    return "tracking_number" if max(tracking, default=-1) > max(order, default=-1) \
        else "order_id"
