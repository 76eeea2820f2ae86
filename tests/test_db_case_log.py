"""The case log on both engines: entries built from a real composition, written once however
often they are sent, read back by order, buyer and date, purged, and the earlier
compensation a warning names."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

import pytest

from app.caselog.entries import COMPENSATING, LogEntry, entry_from
from app.caselog.log import DEFAULT_WINDOW_DAYS, CaseLog
from app.orders.book import BookOrder
from app.orders.records import OrderItem
from app.policy.rules import Action
from tests.samples import FULL_ORDER
from tests.test_db_engines import ENGINES, database, opened

NOW = dt.datetime(2026, 11, 26, 9, 30, 15, 123456, tzinfo=dt.timezone.utc)


@pytest.fixture(params=ENGINES)
def log(request, tmp_path):
    with database(request.param, tmp_path) as url, opened(url) as engine:
        yield CaseLog(engine)


@pytest.fixture()
def make(compose):
    """make(case, at=NOW, **form values) -> a LogEntry of that reply, copied as composed."""
    def build(case: str = "quality-stained", at: dt.datetime = NOW, **raw: str) -> LogEntry:
        result = compose(case, **raw)
        values = {**FULL_ORDER, **raw}
        entry = entry_from(result, values, entry_id=uuid.uuid4(), text=result.reply)
        return entry._replace(logged_at=at)

    return build


def test_an_entry_holds_what_the_reply_offered(compose):
    result = compose("quality-stained")
    order = BookOrder("aliexpress", "8123456789012345", "Maria", "US", None, None, None, None,
                      None, None, None, None, None, None,
                      (OrderItem("TS-WHITE-L", "white cotton T-shirt", 2, None),))
    entry = entry_from(result, FULL_ORDER, entry_id=uuid.uuid4(), text=result.reply,
                       language="pt", order=order)
    assert (entry.agent, entry.store, entry.marketplace) == ("Lily", "Sunny Fashion Store",
                                                            "aliexpress")
    assert (entry.order_id, entry.buyer, entry.case_id) == ("8123456789012345", "Maria",
                                                           "quality-stained")
    assert entry.actions == ("reimburse_cost", "partial_refund", "next_order_discount")
    assert (entry.refund_amount, entry.refund_currency) == (Decimal("2.00"), "USD")
    assert entry.compensated and not entry.over_policy and not entry.hand_edited
    assert (entry.sku, entry.product, entry.language) == ("TS-WHITE-L", "white cotton T-shirt",
                                                         "pt")
    assert entry.logged_at.tzinfo is dt.timezone.utc


def test_an_edited_reply_with_markers_left_says_so(compose):
    result = compose("quality-stained", base={})
    assert result.markers, "an empty form leaves markers in the reply"
    edited = result.reply + "\nThank you!"
    entry = entry_from(result, {}, entry_id=uuid.uuid4(), text=edited)
    assert entry.hand_edited and entry.markers_left and entry.text == edited
    assert entry.agent is None and entry.order_id is None


def test_offering_more_than_the_policy_is_flagged(make):
    entry = make()
    assert not entry.offering(Decimal("1.50")).over_policy
    assert entry.offering(Decimal("5.00")).over_policy


def test_waiting_is_no_compensation_and_the_list_matches_the_policy(make):
    assert not make("not-received-in-transit").compensated
    assert {a.value for a in Action} - {"no_refund", "wait"} == COMPENSATING


def test_an_entry_survives_json_as_the_outbox_keeps_it(make):
    entry = make()._replace(deadline=dt.date(2026, 12, 1), policy_refund=None)
    assert LogEntry.from_json(entry.to_json()) == entry


def test_recording_twice_writes_once(log, make):
    entry = make()
    assert log.record(entry) is True
    assert log.record(entry) is False
    assert log.record_many([entry, make()]) == 1
    assert len(log.history()) == 2


def test_the_history_reads_back_what_was_written(log, make):
    entry = make()
    log.record(entry)
    assert log.history(order_id=entry.order_id) == [entry]


def test_each_action_is_a_row_for_the_statistics(log, make):
    from sqlalchemy import func, select

    from app.db.schema import case_log_actions

    log.record(make())
    log.record(make("missing-item"))
    query = select(case_log_actions.c.action, func.count()).group_by(case_log_actions.c.action)
    with log.engine.connect() as connection:
        counted = dict(connection.execute(query).all())
    assert counted == {"reimburse_cost": 1, "partial_refund": 2, "next_order_discount": 1,
                       "resend": 1}


def test_history_by_order_buyer_and_date_newest_first(log, make):
    day = dt.timedelta(days=1)
    old = make(at=NOW - 10 * day)
    mine = make(at=NOW - day, buyer_name="José Álvarez", order_id="222")
    newest = make("missing-item", at=NOW)
    log.record_many([old, mine, newest])
    assert log.history() == [newest, mine, old]
    assert log.history(order_id="8123456789012345") == [newest, old]
    assert log.history(buyer="josé álvarez") == [mine]
    assert log.history(since=(NOW - 2 * day).date()) == [newest, mine]
    assert log.history(since=NOW) == [newest]
    assert log.history(order_id="222", buyer="Maria") == []
    assert log.history(limit=1) == [newest]


def test_purge_deletes_the_entries_before_a_date_and_their_actions(log, make):
    from sqlalchemy import func, select

    from app.db.schema import case_log_actions

    log.record_many([make(at=NOW - dt.timedelta(days=400)), make(at=NOW)])
    assert log.purge(dt.date(2026, 1, 1)) == 1
    assert [e.logged_at for e in log.history()] == [NOW]
    assert log.purge(dt.date(2026, 1, 1)) == 0
    with log.engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(case_log_actions)).scalar() \
            == 3


def test_earlier_compensation_on_the_order_or_to_the_buyer_within_the_window(log, make):
    day = dt.timedelta(days=1)
    on_order = make(at=NOW - 5 * day)
    to_buyer = make("missing-item", at=NOW - 2 * day, order_id="999")
    just_waiting = make("not-received-in-transit", at=NOW - day)
    too_old = make(at=NOW - 200 * day)
    someone_else = make(at=NOW, order_id="777", buyer_name="Ann")
    log.record_many([on_order, to_buyer, just_waiting, too_old, someone_else])
    found = log.previous_compensation("8123456789012345", "MARIA", 30, now=NOW)
    assert found == [to_buyer, on_order]
    assert log.previous_compensation("8123456789012345", None, 30, now=NOW) == [on_order]
    assert log.previous_compensation(None, None, 30, now=NOW) == []
    assert len(log.previous_compensation("8123456789012345", "Maria", 365, now=NOW)) == 3


def test_the_team_sets_the_warning_window(log, make):
    assert log.window_days() == DEFAULT_WINDOW_DAYS
    log.record(make(at=NOW - dt.timedelta(days=40)))
    assert len(log.previous_compensation("8123456789012345", None, now=NOW)) == 1
    log.set_window_days(30)
    log.set_window_days(20)
    assert log.window_days() == 20
    assert log.previous_compensation("8123456789012345", None, now=NOW) == []
