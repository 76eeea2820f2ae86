"""How long the buyer says they have waited: "ordered 2 months ago", "hace 3 semanas",
"уже 40 дней", "depuis un mois", and whether they name a date ("since 3/10", "15 марта").
A long wait for a parcel points past its promised delivery time.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from app.message.text import Tokens

_DAY, _WEEK, _MONTH = 1, 7, 30
# Folded words for a day, a week, a month; and whether the word is a plural ("for weeks").
_UNITS: dict[str, tuple[int, bool]] = {
    **dict.fromkeys(("day", "dia", "jour", "день", "сутки"), (_DAY, False)),
    **dict.fromkeys(("days", "dias", "jours", "дня", "дней", "дни", "суток"), (_DAY, True)),
    **dict.fromkeys(("week", "semana", "semaine", "неделя", "неделю", "неделе"),
                    (_WEEK, False)),
    **dict.fromkeys(("weeks", "wks", "semanas", "semaines", "недели", "недель", "неделями"),
                    (_WEEK, True)),
    **dict.fromkeys(("month", "mes", "месяц"), (_MONTH, False)),
    **dict.fromkeys(("months", "meses", "mois", "месяца", "месяцев", "месяцы", "месяцами"),
                    (_MONTH, True)),
}
_NUMBERS: dict[str, float] = {
    **dict.fromkeys(("a", "an", "one", "un", "una", "uno", "um", "uma", "une", "один", "одну",
                     "одна", "одного"), 1),
    **dict.fromkeys(("two", "couple", "dos", "dois", "duas", "deux", "два", "две", "двух",
                     "пару", "пара"), 2),
    **dict.fromkeys(("three", "few", "several", "tres", "trois", "три", "трех", "varias",
                     "varios", "quelques", "plusieurs", "несколько"), 3),
    **dict.fromkeys(("four", "cuatro", "quatro", "quatre", "четыре"), 4),
    **dict.fromkeys(("five", "cinco", "cinq", "пять"), 5),
    **dict.fromkeys(("six", "seis", "шесть"), 6),
    **dict.fromkeys(("seven", "siete", "sete", "sept", "семь"), 7),
    **dict.fromkeys(("eight", "ocho", "oito", "huit", "восемь"), 8),
    **dict.fromkeys(("ten", "diez", "dez", "dix", "десять"), 10),
    **dict.fromkeys(("полтора", "полторы"), 1.5),
}
_MONTH_NAMES = frozenset(word for names in (
    "january february march april june july august september october november december",
    "jan feb mar apr jun jul aug sep sept oct nov dec",
    "enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre "
    "diciembre",
    "janeiro fevereiro marco maio junho julho setembro outubro novembro dezembro",
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    "janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre",
) for word in names.split())
# "3/10", "3/10/2026", "03.10.2026", "2026-10-03", and no part of a longer number.
_NUMERIC_DATE = re.compile(r"(?<![\d/.-])(?:\d{1,2}/\d{1,2}(?:/\d{2,4})?|\d{1,2}\.\d{1,2}\.\d{2,4}"
                           r"|\d{4}-\d{1,2}-\d{1,2})(?![\d/.-])")
MAX_DAYS = 400  # a bigger number before "days" is no wait ("1000 days warranty")
_NUMBER_BEFORE = 2  # words: "2 full weeks", "3 long months"
_DAY_OF_MONTH = 31


class Wait(NamedTuple):
    days: int | None  # the longest wait named, in days
    at: tuple[int, ...]  # the words that say it (token indexes)


def wait_in(tokens: Tokens) -> Wait:
    words = tokens.words
    longest = 0.0
    at: list[int] = []
    for place in [p for p, word in enumerate(words) if word in _UNITS]:
        days_in_unit, plural = _UNITS[words[place]]
        count, where = _count_before(tokens, place)
        days = count * days_in_unit if count else (2 if plural else 1) * days_in_unit
        if days <= MAX_DAYS:
            at += [*where, place]
            longest = max(longest, days)
    return Wait(round(longest) if longest else None, tuple(at))


def names_a_date(tokens: Tokens, text: str) -> bool:
    words = tokens.words
    return bool(_NUMERIC_DATE.search(text)) or any(
        _is_day_of_month(words, place) for place, word in enumerate(words)
        if word in _MONTH_NAMES)


def _count_before(tokens: Tokens, place: int) -> tuple[float, list[int]]:
    """The number just before a unit ("3 semanas", "two more weeks"), and where it is."""
    for before in range(place - 1, max(place - 1 - _NUMBER_BEFORE, -1), -1):
        if tokens.pauses[before + 1]:
            break
        word = tokens.words[before]
        if word.isdigit() and len(word) <= 3:  # noqa: PLR2004 (a count, not an order number)
            return float(word), [before]
        if word in _NUMBERS:
            return _NUMBERS[word], [before]
    return 0.0, []


def _is_day_of_month(words: list[str], place: int) -> bool:
    """"15 марта", "March 15", "le 3 mars"."""
    for near in (place - 1, place + 1):
        if 0 <= near < len(words):
            word = words[near]
            if word.isdigit() and 1 <= int(word) <= _DAY_OF_MONTH:
                return True
    return False
