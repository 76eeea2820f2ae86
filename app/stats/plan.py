"""Which rows answer a statistics request: the rollups (app/stats/rollups.py) where one has
the keys the request groups and filters by, the case log itself where none has. Each
statement gives the rows figures_statement gives, so the partials of several are merged as
one.

Per day, the smallest day rollup with the keys answers for the whole range. Otherwise the
months the range covers whole come from a month rollup, and the days at either end from a
day rollup (or, lacking one, the case log).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, Select, func, literal_column, null, or_, select

from app.stats.filters import Grouping, StatsFilter, next_month
from app.stats.query import FIGURES, figures_statement, totals_statement
from app.stats.rollups import ROLLUPS, Rollup

DAY = dt.timedelta(days=1)
# The rollup keys a grouping needs (None: the totals)...
GROUPING_KEYS: dict[Grouping | None, frozenset[str]] = {
    Grouping.DAY: frozenset(), None: frozenset(), Grouping.CASE: frozenset({"case_id"}),
    Grouping.ACTION: frozenset({"actions"}), Grouping.AGENT: frozenset({"agent"}),
    Grouping.PRODUCT: frozenset({"sku", "product"})}
# ... and the ones a filter needs.
FILTER_KEYS = {"agent": {"agent"}, "store": {"store"}, "marketplace": {"marketplace"},
               "case_id": {"case_id"}, "product": {"sku", "product"}}

Raw = Callable[[StatsFilter], Select[Any]]


class Months(NamedTuple):
    """The whole months of a range (None: open on that side) and the days left over."""

    first: dt.date | None  # the first day of the first whole month
    last: dt.date | None  # the first day of the last whole month
    ends: tuple[tuple[dt.date | None, dt.date | None], ...]  # (since, until) of each end


def figures_statements(by: Grouping, wanted: StatsFilter) -> list[Select[Any]]:
    return _statements(by, wanted, lambda part: figures_statement(by, part))


def totals_statements(wanted: StatsFilter) -> list[Select[Any]]:
    return _statements(None, wanted, totals_statement)


def _statements(by: Grouping | None, wanted: StatsFilter, raw: Raw) -> list[Select[Any]]:
    needed = GROUPING_KEYS[by].union(*(keys for name, keys in FILTER_KEYS.items()
                                       if getattr(wanted, name) is not None))
    days, months = _fitting("day", needed), _fitting("month", needed)
    whole = whole_months(wanted.since, wanted.until) if by is not Grouping.DAY else None
    if months is None or whole is None:
        return [_rollup_rows(days, by, wanted) if days else raw(wanted)]
    parts = [_rollup_rows(months, by, _within(wanted, whole.first, whole.last))]
    for since, until in whole.ends:
        end = _within(wanted, since, until)
        parts.append(_rollup_rows(days, by, end) if days else raw(end))
    return parts


def _fitting(period: str, needed: frozenset[str]) -> Rollup | None:
    return next((rollup for rollup in ROLLUPS
                 if rollup.period == period and needed <= set(rollup.keys)), None)


def whole_months(since: dt.date | None, until: dt.date | None) -> Months | None:
    """The range as whole months and its ends; None when it covers no whole month."""
    first = None if since is None else (since if since.day == 1 else next_month(since))
    last = None
    if until is not None:
        last = until.replace(day=1)
        if until != next_month(until) - DAY:  # not the month's last day: not whole
            last = (last - DAY).replace(day=1)
    if first is not None and last is not None and first > last:
        return None
    ends = []
    if since is not None and first is not None and since < first:
        ends.append((since, first - DAY))
    if until is not None and last is not None and until >= next_month(last):
        ends.append((next_month(last), until))
    return Months(first, last, tuple(ends))


def _within(wanted: StatsFilter, since: dt.date | None, until: dt.date | None
            ) -> StatsFilter:
    return StatsFilter(since, until, wanted.agent, wanted.store, wanted.marketplace,
                       wanted.case_id, wanted.product)


def _rollup_rows(rollup: Rollup, by: Grouping | None, wanted: StatsFilter) -> Select[Any]:
    """The figures statement's rows from a rollup: for a month rollup, `wanted` runs from
    the first day of its first month to the first day of its last."""
    t = rollup.table.c
    name: ColumnElement[Any] = null()
    key: ColumnElement[Any]
    groups: list[ColumnElement[Any]]
    if by is Grouping.PRODUCT:
        key = func.coalesce(_none_if_blank(t.sku), _none_if_blank(t.product))
        name = _none_if_blank(t.product)
        groups = [t.sku, t.product]
    elif by is None:
        key, groups = null(), []
    elif by is Grouping.AGENT:
        key = _none_if_blank(t.agent)
        groups = [key]
    else:
        key = t[{Grouping.DAY: "day", Grouping.CASE: "case_id", Grouping.ACTION: "actions"}[by]]
        groups = [key]
    found = select(key.label("key"), name.label("name"),
                   _none_if_blank(t.currency).label("currency"),
                   *(func.sum(t[figure]).label(figure) for figure in FIGURES))
    return (found.where(*_conditions(rollup, wanted))
            .group_by(*groups, t.currency))


def _conditions(rollup: Rollup, wanted: StatsFilter) -> list[ColumnElement[bool]]:
    t = rollup.table.c
    period = t[rollup.period]
    found = []
    if wanted.since is not None:
        found.append(period >= wanted.since)
    if wanted.until is not None:
        found.append(period <= wanted.until)
    for name in ("agent", "store", "marketplace", "case_id"):
        value = getattr(wanted, name)
        if value is not None:
            found.append(t[name] == value)
    if wanted.product is not None:  # a SKU, or the name of a product
        found.append(or_(t.sku == wanted.product, t.product == wanted.product))
    return found


def _none_if_blank(column: Any) -> ColumnElement[Any]:
    """The rollup's '' as none; a literal, so PostgreSQL sees the GROUP BY's expression in
    the SELECT (with a parameter each, it sees two)."""
    return func.nullif(column, literal_column("''"))
