"""The outbox: a copy is queued locally whatever the database's state, and drained into the
case log once it can be reached; an entry sent twice is written once. On PostgreSQL the server
is really stopped and started again (a server of the test's own: tests/pg_private.py)."""

from __future__ import annotations

import datetime as dt
import json
import threading
import uuid
from decimal import Decimal

import pytest

from app.caselog.entries import LogEntry
from app.caselog.log import CaseLog
from app.caselog.outbox import Outbox
from app.db.engine import DatabaseUnavailable, create_engine_for
from tests.pg_private import private_server
from tests.test_db_engines import ENGINES, database, opened, run_python


def entry(n: int = 0, order_id: str = "8123456789012345") -> LogEntry:
    return LogEntry(
        uuid.uuid4(), dt.datetime(2026, 11, 26, 9, n % 60, tzinfo=dt.timezone.utc), "Lily",
        "Sunny Store", "aliexpress", order_id, "Maria", "missing-item", "missing-item",
        ("resend", "partial_refund"), Decimal("12.90"), "USD", Decimal("12.90"), None, "en",
        False, False, None, None, f"reply {n}")


@pytest.fixture(params=ENGINES)
def log(request, tmp_path):
    with database(request.param, tmp_path) as url, opened(url) as engine:
        yield CaseLog(engine)


@pytest.fixture()
def outbox(tmp_path):
    queue = Outbox(tmp_path / "desk" / "outbox.sqlite3")
    yield queue
    queue.close()


def unreachable(kind: str, tmp_path) -> CaseLog:
    """A case log whose database can't be reached: a closed port, or a file under a file."""
    if kind == "postgresql":
        return CaseLog(create_engine_for("postgresql://nobody@127.0.0.1:1/none"))
    (tmp_path / "file").write_text("", encoding="utf-8")
    return CaseLog(create_engine_for("sqlite:///" + (tmp_path / "file" / "x.db").as_posix()))


def test_entries_wait_in_order_and_a_second_queueing_is_ignored(outbox):
    first, second = entry(1), entry(2)
    for queued in (first, second, first):
        outbox.record(queued)
    assert outbox.waiting() == 2
    assert outbox.entries() == [first, second]


def test_drain_sends_everything_once(log, outbox):
    queued = [entry(n) for n in range(450)]  # more than one batch
    for item in queued:
        outbox.record(item)
    assert outbox.drain(log) == 450
    assert outbox.waiting() == 0 and outbox.drain(log) == 0
    assert sorted(e.id for e in log.history(limit=1000)) == sorted(e.id for e in queued)


@pytest.mark.parametrize("kind", ENGINES)
def test_an_unreachable_database_keeps_the_entries_waiting(kind, tmp_path, outbox):
    with database(kind, tmp_path) as url, opened(url) as engine:
        offline = unreachable(kind, tmp_path)
        outbox.record(entry(1))
        with pytest.raises(DatabaseUnavailable):
            outbox.drain(offline)
        offline.engine.dispose()
        outbox.record(entry(2))
        assert outbox.waiting() == 2
        assert outbox.drain(CaseLog(engine)) == 2
        assert len(CaseLog(engine).history()) == 2 and outbox.waiting() == 0


def test_a_resend_after_a_drain_cut_short_writes_nothing_twice(log, outbox):
    queued = [entry(n) for n in range(5)]
    for item in queued:
        outbox.record(item)
    log.record_many(queued[:3])  # the server committed these; the desk never heard back
    assert outbox.drain(log) == 5
    assert len(log.history()) == 5


def test_copies_queued_while_a_worker_drains_all_arrive_once(log, outbox):
    queued = [entry(n) for n in range(150)]
    done = threading.Event()
    failures: list[BaseException] = []

    def worker() -> None:
        try:
            while not done.is_set():
                outbox.drain(log)
        except BaseException as exc:
            failures.append(exc)

    thread = threading.Thread(target=worker)
    thread.start()
    for item in queued:
        outbox.record(item)
    done.set()
    thread.join(timeout=60)
    outbox.drain(log)
    assert not failures
    assert sorted(e.id for e in log.history(limit=500)) == sorted(e.id for e in queued)


def test_queueing_never_touches_the_database_or_sqlalchemy(tmp_path):
    code = ("import json, sys; from pathlib import Path; from app.caselog.entries import "
            "LogEntry; from app.caselog.outbox import Outbox; box = Outbox(Path(sys.argv[1]));"
            " box.record(LogEntry.from_json(json.loads(sys.argv[2]))); box.close(); "
            "print([m for m in sys.modules if m.startswith(('sqlalchemy', 'psycopg'))])")
    out = run_python(code, str(tmp_path / "outbox.sqlite3"), json.dumps(entry().to_json()))
    assert out.stdout.strip() == "[]", out.stderr
    assert Outbox(tmp_path / "outbox.sqlite3").waiting() == 1


@pytest.mark.parametrize("idle_ping", [0.0, 3600.0], ids=["pinged", "retried"])
def test_postgresql_stopped_mid_session_then_started_the_outbox_drains(tmp_path, outbox,
                                                                       monkeypatch, idle_ping):
    """Entries queued while the server is down wait, then drain. A pooled connection that
    died with a restart is pinged and replaced when it sat idle longer than
    IDLE_PING_SECONDS, else the statement fails on it once and runs again on a new one."""
    from app.db import engine as engine_module

    monkeypatch.setattr(engine_module, "IDLE_PING_SECONDS", idle_ping)
    with private_server() as postgresql, opened(postgresql.url) as engine:
        server = postgresql.pg_ctl
        log = CaseLog(engine)
        outbox.record(entry(1))
        outbox.drain(log)
        server("stop")
        try:
            for n in range(2, 5):
                outbox.record(entry(n))
            with pytest.raises(DatabaseUnavailable):
                outbox.drain(log)
            assert outbox.waiting() == 3
        finally:
            server("start")
        assert outbox.drain(log) == 3 and outbox.waiting() == 0
        server("restart")  # nothing runs in between: the pool's connection is dead
        outbox.record(entry(5))
        assert outbox.drain(log) == 1
        assert sorted(e.text for e in log.history()) == [f"reply {n}" for n in range(1, 6)]
