"""The statistics' SQL: one GROUP BY statement per request, the same on SQLite and PostgreSQL
but for a few expressions compiled per dialect (the UTC day of a time, counting a flag,
summing money), each in the form that engine scans fastest.

A figures statement gives one row per (key, currency): a currency's amounts can't be summed
with another's, and a row per pair keeps that in plain portable SQL; the few rows are merged
per key in Python (rows.merged). By action it groups by the entry's `actions` text (its
actions in the policy's order, "resend,partial_refund"): one scan of case_log, where a join
with case_log_actions would read 1.6 rows per entry more; rows.per_action splits each
combination's figures over its actions. The entries behind an action are found through
case_log_actions (its key finds an entry's actions at once), which CaseLog writes in the same
transaction as the entry, from the same actions."""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Date,
    Integer,
    Select,
    and_,
    exists,
    func,
    null,
    or_,
    select,
    union_all,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

from app.db.schema import FLAGS, case_log, case_log_actions
from app.stats.filters import Grouping, StatsError, StatsFilter, midnight

ENTRY_COLUMNS = ("id", "logged_at", "agent", "store", "marketplace", "order_id", "buyer",
                 "case_id", "actions", "refund_amount", "refund_currency", "hand_edited",
                 "over_policy", "markers_left", "sku", "product", "text")


class UtcDay(FunctionElement[dt.date]):
    """The UTC calendar date of a stored time."""

    type = Date()
    name = "utc_day"
    inherit_cache = True


class UtcMonth(FunctionElement[dt.date]):
    """The first day of the UTC calendar month of a stored time."""

    type = Date()
    name = "utc_month"
    inherit_cache = True


class FlagCount(FunctionElement[int]):
    """How many rows have a boolean column set."""

    type = Integer()
    name = "flag_count"
    inherit_cache = True


class CentsSum(FunctionElement[Any]):
    """The sum of an amount column in hundredths, exact.

    SQLite keeps NUMERIC as floating point: each amount times 100 is within a millionth of
    a cent of its whole number of cents, and adding such numbers (below 2**53) keeps the
    whole number, so the sum rounded once is exact (no function call per row: SQLite pays
    for each in a scan of a year). PostgreSQL's numeric sum is exact as it is."""

    name = "cents_sum"  # untyped: a float from SQLite, a Decimal from PostgreSQL
    inherit_cache = True


# (element, dialect or None for any other) -> its SQL around the compiled argument {0}.
SQL_FORMS: dict[tuple[type[FunctionElement[Any]], str | None], str] = {
    # SQLite stores the time as text, "YYYY-MM-DD HH:MM:SS.ffffff" in UTC (app.db.sql.as_utc
    # before every write): its first ten characters are the UTC date, with no parsing.
    (UtcDay, "sqlite"): "substr({0}, 1, 10)",
    # A timestamptz's date depends on the session's time zone unless it is asked in UTC.
    (UtcDay, "postgresql"): "CAST(({0} AT TIME ZONE 'UTC') AS DATE)",
    (UtcMonth, "sqlite"): "(substr({0}, 1, 7) || '-01')",
    (UtcMonth, "postgresql"): "CAST(date_trunc('month', {0} AT TIME ZONE 'UTC') AS DATE)",
    (FlagCount, None): "count(CASE WHEN {0} THEN 1 END)",
    # SQLite keeps a boolean as the integer 0 or 1 (the columns are NOT NULL).
    (FlagCount, "sqlite"): "sum({0})",
    (FlagCount, "postgresql"): "count(*) FILTER (WHERE {0})",
    (CentsSum, None): "round(sum({0} * 100))",
    (CentsSum, "postgresql"): "(sum({0}) * 100)",
}


def _compiled(form: str, element: FunctionElement[Any], compiler: SQLCompiler,
              **kw: Any) -> str:
    return form.format(compiler.process(element.clauses, **kw))


for (_element, _dialect), _form in SQL_FORMS.items():
    compiles(_element, *([_dialect] if _dialect else []))(partial(_compiled, _form))


def key_of(by: Grouping) -> ColumnElement[Any]:
    c = case_log.c
    keys: dict[Grouping, ColumnElement[Any]] = {
        Grouping.DAY: UtcDay(c.logged_at),
        Grouping.CASE: c.case_id,
        Grouping.ACTION: c.actions,  # the combination: split per action in Python
        Grouping.AGENT: c.agent,
        Grouping.PRODUCT: func.coalesce(c.sku, c.product),
    }
    return keys[by]


def figures_statement(by: Grouping, wanted: StatsFilter) -> Select[Any]:
    """Rows of (key, name, currency, replies, compensated, cents, hand_edited, over_policy,
    markers_left) for the entries `wanted` picks, per key of `by` and currency. By action
    the key is the entry's combination of actions."""
    c = case_log.c
    key = key_of(by)
    if by is Grouping.PRODUCT:
        # Grouped by (sku, product), keyed by their coalesce: each name comes with its group,
        # where max(product) would compare texts row by row (slow under PostgreSQL's locale
        # collations); rows.merged joins the names of one SKU.
        return _measures(key, c.product, wanted).group_by(c.sku, c.product, c.refund_currency)
    return _measures(key, null(), wanted).group_by(key, c.refund_currency)


def totals_statement(wanted: StatsFilter) -> Select[Any]:
    """The same columns, one row per currency, for all the entries together."""
    return _measures(null(), null(), wanted).group_by(case_log.c.refund_currency)


# The figures of a group: its replies, how many have each flag set, and the cents offered (the
# rollups keep columns of these names: app/db/schema.py).
FIGURES = ("replies", *FLAGS, "cents")


def counted() -> list[ColumnElement[Any]]:
    """The figures of the case_log rows of a group, labelled as FIGURES, in its order."""
    c = case_log.c
    return [func.count().label("replies"), *(FlagCount(c[flag]).label(flag) for flag in FLAGS),
            CentsSum(c.refund_amount).label("cents")]


def _measures(key: ColumnElement[Any], name: ColumnElement[Any], wanted: StatsFilter
              ) -> Select[Any]:
    c = case_log.c
    return select(key.label("key"), name.label("name"), c.refund_currency.label("currency"),
                  *counted()).where(*conditions(wanted))


def conditions(wanted: StatsFilter) -> list[ColumnElement[bool]]:
    """The WHERE terms of a filter. Times are compared as stored, so the range is an index
    range scan on logged_at (or on agent/store/case/marketplace and logged_at)."""
    c = case_log.c
    found: list[ColumnElement[bool]] = []
    if wanted.start is not None:
        found.append(c.logged_at >= wanted.start)
    if wanted.end is not None:
        found.append(c.logged_at < wanted.end)
    for column, value in ((c.agent, wanted.agent), (c.store, wanted.store),
                          (c.marketplace, wanted.marketplace), (c.case_id, wanted.case_id)):
        if value is not None:
            found.append(column == value)
    if wanted.product is not None:  # a SKU, or the name of a product (with or without one)
        found.append(or_(c.sku == wanted.product, c.product == wanted.product))
    return found


def entries_statement(by: Grouping, key: str | None, wanted: StatsFilter, limit: int
                      ) -> Select[Any]:
    """The entries behind the figures of `key`, newest first, at most `limit` (the buyer's
    name with them: figures.entries_behind takes it out of the text for the team view)."""
    c = case_log.c
    if by is Grouping.PRODUCT and key is not None:
        # A product's key is its SKU, or its name where it has none. Newest first along the
        # sku and the product index, then together: one OR of the two would be read
        # along the time index (SQLite's choice), a year of it for a product sold once.
        parts = [_newest(and_(*conditions(wanted), match), limit).subquery()
                 for match in (c.sku == key, and_(c.sku.is_(None), c.product == key))]
        both = union_all(*(select(*part.c) for part in parts)).subquery()
        return select(*both.c).order_by(both.c.logged_at.desc(), both.c.id).limit(limit)
    return _newest(and_(*conditions(wanted), _is_key(by, key)), limit)


def _newest(where: ColumnElement[bool], limit: int) -> Select[Any]:
    c = case_log.c
    return (select(*(c[name] for name in ENTRY_COLUMNS)).where(where)
            .order_by(c.logged_at.desc(), c.id).limit(limit))


def _is_key(by: Grouping, key: str | None) -> ColumnElement[bool]:
    c = case_log.c
    if by is Grouping.DAY:
        day = _day(key)
        return and_(c.logged_at >= midnight(day),
                    c.logged_at < midnight(day + dt.timedelta(days=1)))
    if by is Grouping.ACTION:  # one action, whatever others the entry offered with it
        if key is None:
            return c.actions == ""
        # Through the actions table's key (entry, action): a pattern over the actions text
        # would read the whole range when the action is rare.
        offered = case_log_actions.c
        return exists().where(offered.entry_id == c.id, offered.action == key)
    column = key_of(by)
    return column.is_(None) if key is None else column == key


def _day(key: str | None) -> dt.date:
    try:
        return dt.date.fromisoformat(key or "")
    except ValueError:
        raise StatsError(f"{key!r} is not a day (YYYY-MM-DD)") from None
