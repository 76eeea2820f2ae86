"""The case log in the database: every reply copied, by whom, for which order and buyer, with
the compensation it offered. Writing an entry twice (same id) keeps one row."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from app.caselog.entries import BLANK_AS_NONE, LogEntry
from app.db.sql import as_utc, batches, buyer_key

if TYPE_CHECKING:
    import uuid

    from sqlalchemy import Connection, Engine, Row, Select

HISTORY_LIMIT = 200
WINDOW_SETTING = "compensation_window_days"
DEFAULT_WINDOW_DAYS = 90  # until the team lead sets another


class CaseLog:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def record(self, entry: LogEntry) -> bool:
        """Write the entry; False when an entry with its id is there already."""
        return self.record_many([entry]) == 1

    def record_many(self, entries: Sequence[LogEntry]) -> int:
        """Write the entries in one transaction; the number that were not there already."""
        from app.db.engine import once_more_if_reconnected, writing
        from app.db.schema import case_log, case_log_actions
        from app.db.sql import insert_new
        from app.stats.rollups import add_entries

        def write() -> int:
            written: list[uuid.UUID] = []
            with writing(self.engine) as connection:
                for batch in batches(entries):
                    new = set(connection.execute(
                        insert_new(connection, case_log).returning(case_log.c.id),
                        [_row(entry) for entry in batch]).scalars())
                    actions = [{"entry_id": e.id, "action": action} for e in batch
                               if e.id in new for action in dict.fromkeys(e.actions)]
                    if actions:
                        connection.execute(case_log_actions.insert(), actions)
                    written += [e.id for e in batch if e.id in new]
                # Counted at once, not per batch: one statement takes its rows' locks in
                # key order, two would let two desks take them in opposite orders.
                add_entries(connection, written)
            return len(written)

        with self._unavailable_as_error():  # a resend writes nothing twice: safe to retry
            return once_more_if_reconnected(write)

    def history(self, order_id: str | None = None, buyer: str | None = None,
                since: dt.date | dt.datetime | None = None,
                limit: int = HISTORY_LIMIT) -> list[LogEntry]:
        """Entries newest first: those of the order, to the buyer (any case) and since the
        date (UTC) that are given; all of them when none is."""
        from app.db.schema import case_log

        query = _select()
        if order_id:
            query = query.where(case_log.c.order_id == order_id.strip())
        if buyer and (key := buyer_key(buyer)):
            query = query.where(case_log.c.buyer_key == key)
        if since is not None:
            query = query.where(case_log.c.logged_at >= _moment(since))
        return self._entries(query.limit(limit))

    def previous_compensation(self, order_id: str | None, buyer: str | None,
                              within_days: int | None = None,
                              now: dt.datetime | None = None) -> list[LogEntry]:
        """Compensation already given on this order or to this buyer within the last
        `within_days` (the team's window by default), newest first."""
        from sqlalchemy import or_

        from app.db.schema import case_log

        matches = []
        if order_id and order_id.strip():
            matches.append(case_log.c.order_id == order_id.strip())
        if key := buyer_key(buyer):
            matches.append(case_log.c.buyer_key == key)
        if not matches:
            return []
        days = self.window_days() if within_days is None else within_days
        start = (now or dt.datetime.now(dt.timezone.utc)) - dt.timedelta(days=days)
        query = _select().where(or_(*matches), case_log.c.compensated,
                                case_log.c.logged_at >= as_utc(start))
        return self._entries(query.limit(HISTORY_LIMIT))

    def purge(self, before: dt.date | dt.datetime) -> int:
        """Delete the entries logged before the date (UTC): data retention. Their number."""
        from app.db.schema import case_log
        from app.stats.rollups import refresh_from

        moment = _moment(before)
        with self._writing() as connection:
            done = connection.execute(case_log.delete().where(case_log.c.logged_at < moment))
            refresh_from(connection, moment)
        return int(done.rowcount)

    def window_days(self) -> int:
        """Days within which an earlier compensation warns (the team's setting)."""
        from sqlalchemy import select

        from app.db.engine import reading
        from app.db.schema import team_settings

        query = select(team_settings.c.value).where(team_settings.c.name == WINDOW_SETTING)
        with self._unavailable_as_error(), reading(self.engine) as connection:
            saved = connection.execute(query).scalar()
        return int(saved) if saved and str(saved).isdigit() else DEFAULT_WINDOW_DAYS

    def set_window_days(self, days: int) -> None:
        from app.db.schema import team_settings

        with self._writing() as connection:
            connection.execute(team_settings.delete().where(
                team_settings.c.name == WINDOW_SETTING))
            connection.execute(team_settings.insert().values(name=WINDOW_SETTING,
                                                             value=str(int(days))))

    def _entries(self, query: Select[Any]) -> list[LogEntry]:
        from app.db.engine import once_more_if_reconnected, reading

        def read() -> list[LogEntry]:
            with reading(self.engine) as connection:
                return [_entry(row) for row in connection.execute(query)]

        with self._unavailable_as_error():
            return once_more_if_reconnected(read)

    @contextmanager
    def _writing(self) -> Iterator[Connection]:
        from app.db.engine import writing

        with self._unavailable_as_error(), writing(self.engine) as connection:
            yield connection

    def _unavailable_as_error(self) -> Any:
        from app.db.engine import unavailable_as_error

        return unavailable_as_error(str(self.engine.url))


def _moment(day: dt.date | dt.datetime) -> dt.datetime:
    """A date as its midnight UTC; a time as UTC (a naive one is taken as UTC)."""
    if isinstance(day, dt.datetime):
        return as_utc(day)
    return dt.datetime.combine(day, dt.time(), dt.timezone.utc)


def _select() -> Select[Any]:
    from sqlalchemy import select

    from app.db.schema import case_log

    columns = [case_log.c[name] for name in LogEntry._fields]
    return select(*columns).order_by(case_log.c.logged_at.desc(), case_log.c.id)


def _row(entry: LogEntry) -> dict[str, Any]:
    row = entry._asdict()
    for name in BLANK_AS_NONE:
        if isinstance(row[name], str) and not row[name].strip():
            row[name] = None
    return {**row, "logged_at": as_utc(entry.logged_at), "actions": ",".join(entry.actions),
            "buyer_key": buyer_key(entry.buyer), "compensated": entry.compensated,
            "over_policy": entry.over_policy}


def _entry(row: Row[Any]) -> LogEntry:
    values = row._asdict()
    return LogEntry(**{**values, "logged_at": as_utc(values["logged_at"]),
                       "actions": tuple(a for a in values["actions"].split(",") if a)})
