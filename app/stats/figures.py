"""Running the statistics: figures per group, the totals of a range, and the entries behind one
figure, each one statement computed by the database (a GROUP BY over the range's index; no
entry is loaded into Python to be counted). Call from a worker, not the UI thread: a year on
a team server is a network away and a full scan.

Raises DatabaseUnavailable when the database can't be reached, StatsError for a request the
view may not make."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from app.db.sql import as_utc
from app.stats.filters import TEAM, Grouping, StatsFilter, View
from app.stats.rows import (
    EntryLine,
    FigureRow,
    Partial,
    by_key,
    by_size,
    merged,
    per_action,
    without_buyer,
)

if TYPE_CHECKING:
    from sqlalchemy import Engine, Row, Select

ENTRIES_LIMIT = 200  # a list a person reads; the row's `replies` says how many there are
# For this transaction only: room to group a year's products by hashing (with the default
# 4 MB PostgreSQL sorts a million rows on disk instead), and no JIT compilation, which costs
# a grouping query 100-150 ms and doesn't earn it back.
POSTGRESQL_SETTINGS = ("SELECT set_config('work_mem', '64MB', true), "
                       "set_config('jit', 'off', true)")
# Groupings whose rows split the entries (each entry in exactly one row): their totals are the
# sum of their rows. By action an entry is in one row per action it offered.
PARTITIONS = frozenset({Grouping.DAY, Grouping.CASE, Grouping.AGENT, Grouping.PRODUCT})


@dataclass(frozen=True)
class Report:
    """What a statistics page shows: the rows of one grouping and the totals of the range."""

    by: Grouping
    wanted: StatsFilter  # as the view scoped it (an agent's own view: their name in it)
    rows: list[FigureRow]
    totals: FigureRow


def figures(engine: Engine, by: Grouping, wanted: StatsFilter | None = None,
            view: View = TEAM) -> list[FigureRow]:
    """One row per key of `by` among the entries `wanted` picks (all, when None): days oldest
    first, the others most replies first. No entries: no rows."""
    from app.stats.plan import figures_statements

    scoped = view.scoped(wanted or StatsFilter())
    partials = _partials(_read(engine, *figures_statements(by, scoped)))
    rows = merged(per_action(partials) if by is Grouping.ACTION else partials)
    return by_key(rows) if by is Grouping.DAY else by_size(rows)


def totals(engine: Engine, wanted: StatsFilter | None = None, view: View = TEAM) -> FigureRow:
    """The figures of every entry `wanted` picks, in one row (key None; zeros for none)."""
    from app.stats.plan import totals_statements

    scoped = view.scoped(wanted or StatsFilter())
    rows = merged(_partials(_read(engine, *totals_statements(scoped))))
    return rows[0] if rows else FigureRow(None)


def report(engine: Engine, by: Grouping, wanted: StatsFilter | None = None,
           view: View = TEAM) -> Report:
    """The rows and the totals: one statement when the rows split the entries (their totals
    are the rows' sum), two by action."""
    scoped = view.scoped(wanted or StatsFilter())
    rows = figures(engine, by, scoped, view)
    total = sum_of(rows) if by in PARTITIONS else totals(engine, scoped, view)
    return Report(by, scoped, rows, total)


def sum_of(rows: Sequence[FigureRow]) -> FigureRow:
    """The totals of rows that split their entries between them."""
    partials = [Partial(None, None, currency, 0, 0, int(amount * 100), 0, 0, 0)
                for row in rows for currency, amount in row.compensation.items()]
    partials += [Partial(None, None, None, r.replies, r.compensated, None, r.hand_edited,
                         r.over_policy, r.markers_left) for r in rows]
    found = merged(partials)
    return found[0] if found else FigureRow(None)


def entries_behind(engine: Engine, by: Grouping, key: str | None,
                   wanted: StatsFilter | None = None, view: View = TEAM,
                   limit: int = ENTRIES_LIMIT) -> list[EntryLine]:
    """The entries behind the row of `key` ("click a bar"), newest first, at most `limit`.
    In the team view the buyer is shown by the order number only: no name, and the name
    taken out of the reply's text ("Dear ***,"); in an agent's own view only that agent's
    entries, as written."""
    from app.stats.query import entries_statement

    scoped = view.scoped(wanted or StatsFilter())
    found = _read(engine, entries_statement(by, key, scoped, limit))
    lines = [_entry_line(row._asdict()) for row in found]
    return lines if view.shows_buyers else [without_buyer(line) for line in lines]


def _entry_line(values: dict[str, Any]) -> EntryLine:
    actions = tuple(action for action in str(values["actions"]).split(",") if action)
    return EntryLine(**{**values, "logged_at": as_utc(values["logged_at"]), "actions": actions})


def _partials(found: Sequence[Row[Any]]) -> list[Partial]:
    return [Partial(_key_text(row.key), row.name, row.currency, int(row.replies),
                    int(row.compensated), None if row.cents is None else round(row.cents),
                    int(row.hand_edited), int(row.over_policy), int(row.markers_left))
            for row in found]


def _key_text(key: object) -> str | None:
    """Keys as text: a day as "2026-11-26" on both engines."""
    if key is None:
        return None
    isoformat = getattr(key, "isoformat", None)
    return str(isoformat()) if callable(isoformat) else str(key)


def _read(engine: Engine, *statements: Select[Any]) -> list[Row[Any]]:
    """The rows of the statements, in one transaction (one snapshot of the log)."""
    from app.db.engine import once_more_if_reconnected, unavailable_as_error

    def run() -> list[Row[Any]]:
        with engine.connect() as connection:
            postgresql = connection.dialect.name == "postgresql"
            if postgresql:
                # One snapshot for all the statements (PostgreSQL's default takes one per
                # statement: a purge between two would mix two states of the log).
                connection.execution_options(isolation_level="REPEATABLE READ")
            with connection.begin():
                if postgresql:
                    connection.exec_driver_sql(POSTGRESQL_SETTINGS)
                return [row for statement in statements
                        for row in connection.execute(statement).all()]

    with unavailable_as_error(str(engine.url)):
        return once_more_if_reconnected(run)


CHOICES_LIMIT = 500  # values offered per filter: more are typed, not picked from a list


def filter_choices(engine: Engine, view: View = TEAM) -> dict[str, list[str]]:
    """The values each filter can take ("agent", "store", "marketplace", "case_id",
    "product": SKUs), as the log holds them, sorted: what the window offers to pick from. In
    an agent's own view, only that agent's. Read from the month rollups (a few thousand rows
    a month), where the log itself would be scanned for each."""
    from sqlalchemy import literal_column, select

    from app.db.schema import case_log_months, case_log_product_months

    found = {}
    for name, table, column in (("agent", case_log_months, "agent"),
                                ("store", case_log_months, "store"),
                                ("marketplace", case_log_months, "marketplace"),
                                ("case_id", case_log_months, "case_id"),
                                ("product", case_log_product_months, "sku")):
        values = table.c[column]
        statement = select(values).where(values != literal_column("''")).distinct()
        if view.agent is not None:
            statement = statement.where(table.c.agent == view.agent)
        statement = statement.order_by(values).limit(CHOICES_LIMIT)
        found[name] = [str(value) for (value,) in _read(engine, statement)]
    return found
