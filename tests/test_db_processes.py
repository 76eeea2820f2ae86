"""Several processes at once, and a process killed: two desks logging 500 copies each at the
same time (1,000 rows, none lost or doubled), and `kill -9` in the middle of an import (the
book as before, and the next import completes)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

from app.caselog.log import CaseLog
from tests.test_db_engines import ROOT, database, opened, url  # noqa: F401 — the fixture

PER_DESK = 500

# One desk: 500 copies queued in its outbox, drained every 25 (as the window's timer does)
# and at the end; the log ids are made here, so a resend could only double them.
DESK = """
import datetime as dt, sys, uuid
from decimal import Decimal
from pathlib import Path
from app.caselog.entries import LogEntry
from app.caselog.log import CaseLog
from app.caselog.outbox import Outbox
from app.db.engine import open_database

engine = open_database(sys.argv[1])
log, outbox = CaseLog(engine), Outbox(Path(sys.argv[2]))
for n in range(int(sys.argv[3])):
    outbox.record(LogEntry(uuid.uuid4(), dt.datetime.now(dt.timezone.utc), sys.argv[4], None,
                           "aliexpress", str(n), "Buyer", "missing-item", "missing-item",
                           ("resend",), Decimal("1.00"), "USD", Decimal("1.00"), None, "en",
                           False, False, None, None, f"copy {n}"))
    if n % 25 == 24:
        outbox.drain(log)
outbox.drain(log)
outbox.close()
engine.dispose()
"""


@pytest.mark.parametrize("shared_outbox", [False, True], ids=["two-desks", "one-desk"])
def test_two_processes_logging_500_each_at_once_make_1000_rows(url, tmp_path, shared_outbox):  # noqa: F811
    from sqlalchemy import func, select

    from app.db.schema import case_log

    with opened(url):
        pass  # migrated before the desks start: they race on the log, not on creating it
    outboxes = ["shared", "shared"] if shared_outbox else ["desk-a", "desk-b"]
    desks = [subprocess.Popen([sys.executable, "-c", DESK, url,
                               str(tmp_path / f"{name}.sqlite3"), str(PER_DESK), agent],
                              cwd=ROOT, stderr=subprocess.PIPE, text=True)
             for name, agent in zip(outboxes, ("Lily", "Ming"), strict=True)]
    errors = [desk.communicate(timeout=300)[1] for desk in desks]
    assert [desk.returncode for desk in desks] == [0, 0], errors
    with opened(url) as engine, engine.connect() as connection:
        rows = connection.execute(select(case_log.c.agent, func.count(),
                                         func.count(func.distinct(case_log.c.id)))
                                  .group_by(case_log.c.agent)).all()
    assert sorted(rows) == [("Lily", PER_DESK, PER_DESK), ("Ming", PER_DESK, PER_DESK)]


# Imports the file, stopping in its progress callback (inside the import's transaction) until
# the test kills it.
IMPORT = """
import sys, time
from app.db import order_import
from app.db.engine import open_database
from app.orders.book import OrderBook
from app.orders.exports import read_export

order_import.LOAD_BATCH = 500
book = OrderBook(open_database(sys.argv[1]))
reading = read_export(sys.argv[2])

def progress(done, total):
    print("inside the transaction", done, total, flush=True)
    time.sleep(120)

book.import_reading(reading, "big.csv", progress)
"""


def _snapshot(engine):
    from sqlalchemy import select

    from app.db.schema import order_imports, order_items, orders

    with engine.connect() as connection:
        return [sorted(map(tuple, connection.execute(select(table))))
                for table in (orders, order_items, order_imports)]


def test_kill_9_during_an_import_leaves_the_book_as_it_was(url, tmp_path):  # noqa: F811
    from app.orders.book import OrderBook
    from app.orders.exports import read_export
    from bench.order_import import write_csv

    small, big = write_csv(tmp_path / "small.csv", 30), write_csv(tmp_path / "big.csv", 3000)
    with opened(url) as engine:
        OrderBook(engine).import_reading(read_export(small), "small.csv")
        CaseLog(engine)  # the same database the child opens
        before = _snapshot(engine)
    child = subprocess.Popen([sys.executable, "-c", IMPORT, url, str(big)], cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert child.stdout is not None
    line = child.stdout.readline()
    assert line.startswith("inside the transaction"), child.stderr.read() if child.stderr \
        else line
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=30)
    child.stdout.close()
    if child.stderr:
        child.stderr.close()
    with opened(url) as engine:
        assert _snapshot(engine) == before
        result = OrderBook(engine).import_reading(read_export(big), "big.csv")
        assert (result.inserted, result.updated, result.unchanged) == (1980, 0, 20)
