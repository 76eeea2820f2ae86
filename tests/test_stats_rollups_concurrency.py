"""The rollups with desks writing at the same time, on PostgreSQL (SQLite lets one writer in
at a time): a recount while a desk's reply is on its way counts it once, and two desks whose
replies share rows never deadlock, however many replies one of them sends at once."""

from __future__ import annotations

import datetime as dt
import threading
import time
import uuid

import pytest
from sqlalchemy import func, select

import app.caselog.log as log_module
from app.caselog.log import CaseLog, _row
from app.db.engine import writing
from app.db.schema import case_log
from app.db.sql import insert_new
from app.stats.figures import totals
from app.stats.rollups import ROLLUPS, add_entries, rebuild
from tests.test_db_engines import database, opened
from tests.test_stats_rollups import log_entries

UTC = dt.timezone.utc


@pytest.fixture()
def engine(tmp_path):
    with database("postgresql", tmp_path) as url, opened(url) as found:  # skips without one
        yield found


def _sums(engine) -> set[int]:
    with engine.connect() as connection:
        return {int(connection.execute(select(func.sum(r.table.c.replies))).scalar_one())
                for r in ROLLUPS}


def test_a_recount_while_a_desk_logs_counts_its_replies_once(engine):
    earlier = log_entries(20)
    CaseLog(engine).record_many(earlier)
    # One reply joins an existing row, one makes a new one (an agent not seen that day).
    coming = [earlier[0]._replace(id=uuid.uuid4()),
              earlier[0]._replace(id=uuid.uuid4(), agent="Zed")]

    def recount() -> None:
        with writing(engine) as connection:
            rebuild(connection)

    with writing(engine) as connection:  # a desk's CaseLog.record_many, held open a moment
        new = connection.execute(insert_new(connection, case_log).returning(case_log.c.id),
                                 [_row(entry) for entry in coming]).scalars().all()
        add_entries(connection, new)
        recounting = threading.Thread(target=recount)
        recounting.start()
        time.sleep(1.0)
    recounting.join()
    assert totals(engine).replies == 22
    assert _sums(engine) == {22}


def test_two_desks_sharing_rows_never_deadlock(engine, monkeypatch):
    template = log_entries(1)[0]

    def entry(agent: str, day: int, sku: str):
        return template._replace(id=uuid.uuid4(), agent=agent, sku=sku, product=sku,
                                 logged_at=dt.datetime(2026, 3, day, 10, tzinfo=UTC))

    # Desk A flushes an outbox of 501 replies (two batches); B logs two meanwhile, for the
    # same products in the other order.
    desk_a = [entry("Ann", 20, "SKU-P") for _ in range(500)] + [entry("Ann", 10, "SKU-Q")]
    desk_b = [entry("Bob", 10, "SKU-Q"), entry("Bob", 20, "SKU-P")]
    real_batches = log_module.batches

    def paused_batches(items, *args):  # a pause between A's batches lets B's write in
        for number, batch in enumerate(real_batches(items, *args)):
            if number:
                time.sleep(1.0)
            yield batch

    monkeypatch.setattr(log_module, "batches", paused_batches)
    results: dict[str, object] = {}

    def write(name: str, entries) -> None:
        try:
            results[name] = CaseLog(engine).record_many(entries)
        except Exception as exc:  # the test reports what went wrong
            results[name] = exc

    desks = [threading.Thread(target=write, args=("A", desk_a)),
             threading.Thread(target=write, args=("B", desk_b))]
    desks[0].start()
    time.sleep(0.5)
    desks[1].start()
    for desk in desks:
        desk.join()
    assert results == {"A": 501, "B": 2}
    assert _sums(engine) == {503}
