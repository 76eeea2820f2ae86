"""The case log's figures added up ahead, per day and per month, by agent, store, marketplace,
case and actions, or by product (app/db/schema.py). A year of a million entries is some
thirty thousand rows of the month rollups (the bench's log): SQLite needs ~2 s to group a
million entries, however they are indexed.

Every figure here is computed by the database from case_log rows by one statement
(`_source`), whether it adds entries just written, rebuilds a period after a purge, or fills
the tables when the migration creates them: the three ways can't disagree.

CaseLog calls `add_entries` in the transaction that writes the entries and `refresh_from`
after a purge; tools that write case_log themselves (the benchmark's bulk fill) call
`rebuild`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from sqlalchemy import ColumnElement, and_, bindparam, case, func, literal_column, or_, select

from app.caselog.entries import BLANK_AS_NONE
from app.db.schema import (
    CASE_KEYS,
    FLAGS,
    PRODUCT_KEYS,
    case_log,
    case_log_case_product_months,
    case_log_day_cases,
    case_log_day_products,
    case_log_days,
    case_log_months,
    case_log_product_months,
)
from app.stats.filters import midnight, next_month
from app.stats.query import FIGURES, UtcDay, UtcMonth, counted

if TYPE_CHECKING:
    import uuid

    from sqlalchemy import Connection, Insert, Select, Table


class Rollup(NamedTuple):
    table: Table
    period: str  # "day" or "month": the table's first key column
    keys: tuple[str, ...]  # its other key columns: case_log columns of the same name


def _column(name: str) -> ColumnElement[Any]:
    """The case_log value of a rollup key ("currency" is refund_currency); '' for none (a
    literal, not a parameter: PostgreSQL groups by an expression only when it is written the
    same in the SELECT and the GROUP BY)."""
    column = case_log.c["refund_currency" if name == "currency" else name]
    return func.coalesce(column, literal_column("''"))


# Smallest first, per period: a request reads the first one that has the keys it needs.
ROLLUPS = (
    Rollup(case_log_days, "day", ("agent", "currency")),
    Rollup(case_log_day_products, "day", PRODUCT_KEYS),
    Rollup(case_log_day_cases, "day", CASE_KEYS),
    Rollup(case_log_months, "month", CASE_KEYS),
    Rollup(case_log_product_months, "month", ("agent", *PRODUCT_KEYS)),
    Rollup(case_log_case_product_months, "month", ("case_id", *PRODUCT_KEYS)),
)


def _source(rollup: Rollup, where: ColumnElement[bool]) -> Select[Any]:
    """The rollup's rows for the case_log entries `where` picks, in its columns' order."""
    c = case_log.c
    period = (UtcDay if rollup.period == "day" else UtcMonth)(c.logged_at)
    keys = [_column(name).label(name) for name in rollup.keys]
    return (select(period.label(rollup.period), *keys, *counted())
            .where(where).group_by(period, *(_column(name) for name in rollup.keys))
            # Rows in key order: two desks adding to the same rows lock them in one order,
            # so their transactions wait for each other instead of deadlocking.
            .order_by(period, *(_column(name) for name in rollup.keys)))


def _upsert(connection: Connection, rollup: Rollup, where: ColumnElement[bool]) -> Insert:
    """Add the entries' figures to the rollup's rows, making the rows that aren't there."""
    from sqlalchemy.dialects import postgresql, sqlite

    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    names = [rollup.period, *rollup.keys, *FIGURES]
    statement = dialect.insert(rollup.table).from_select(names, _source(rollup, where))
    t, new = rollup.table.c, statement.excluded
    added: dict[str, Any] = {name: t[name] + new[name] for name in ("replies", *FLAGS)}
    # NULL cents: no amount offered; NULL + a sum would lose the sum.
    added["cents"] = case((t.cents.is_(None), new.cents), (new.cents.is_(None), t.cents),
                          else_=t.cents + new.cents)
    upsert = statement.on_conflict_do_update(index_elements=[rollup.period, *rollup.keys],
                                             set_=added)
    return cast("Insert", upsert)  # the dialect's Insert (its module is chosen at run time)


def _hold(connection: Connection) -> None:
    """Before deleting and counting again: no desk adds to the rollups until this transaction
    ends (on PostgreSQL; SQLite has one writer at a time anyway). A desk that added a row
    between the delete and the count would be counted twice. Reading them stays open."""
    if connection.dialect.name == "postgresql":
        names = ", ".join(rollup.table.name for rollup in ROLLUPS)  # the desks' order
        connection.exec_driver_sql(f"LOCK TABLE {names} IN EXCLUSIVE MODE")


# The statements that count new entries, built once per engine kind: building one costs more
# than running it (~2 ms each, six per copied reply).
_ADDING: dict[tuple[str, str], Insert] = {}


def add_entries(connection: Connection, ids: Sequence[uuid.UUID]) -> None:
    """Count the entries just written (each id once: a resend that wrote nothing is not
    passed here)."""
    if not ids:
        return
    for rollup in ROLLUPS:
        key = (connection.dialect.name, rollup.table.name)
        if key not in _ADDING:
            where = case_log.c.id.in_(bindparam("ids", expanding=True))
            _ADDING[key] = _upsert(connection, rollup, where)
        connection.execute(_ADDING[key], {"ids": list(ids)})


def refresh_from(connection: Connection, moment: dt.datetime) -> None:
    """After entries before `moment` (UTC) were deleted: the periods before it go, and the
    period it falls in is counted again from the entries left."""
    _hold(connection)
    day = moment.astimezone(dt.timezone.utc).date()
    for rollup in ROLLUPS:
        start = day if rollup.period == "day" else day.replace(day=1)
        column = rollup.table.c[rollup.period]
        connection.execute(rollup.table.delete().where(column <= start))
        end = start + dt.timedelta(days=1) if rollup.period == "day" else next_month(start)
        connection.execute(_upsert(connection, rollup, and_(
            case_log.c.logged_at >= midnight(start), case_log.c.logged_at < midnight(end))))


def rebuild(connection: Connection) -> int:
    """Count every entry again, from nothing; the number of entries. Blank agents, stores,
    products and currencies in the log become none first, as CaseLog writes them (the
    figures can't tell "" from none, so neither may the log)."""
    _hold(connection)
    c = case_log.c
    blank = {name: case((func.trim(c[name]) == literal_column("''"), None), else_=c[name])
             for name in BLANK_AS_NONE}
    connection.execute(case_log.update().where(
        or_(*(func.trim(c[name]) == literal_column("''") for name in BLANK_AS_NONE)))
        .values(blank))
    for rollup in ROLLUPS:
        connection.execute(rollup.table.delete())
        connection.execute(_upsert(connection, rollup, case_log.c.logged_at.is_not(None)))
    days = ROLLUPS[0].table
    return int(connection.execute(select(func.coalesce(func.sum(days.c.replies), 0)))
               .scalar_one())
