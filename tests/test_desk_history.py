"""An order's earlier replies as the window lists them: local time, agent, the case's title
and the offer in words, English and Chinese; ids only where no title is known."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

import pytest

from app.caselog.entries import LogEntry
from app.catalog.labels import Label
from app.desk.history import history_line

TITLES = {"quality-stained": Label("Item arrived stained", "商品有污渍")}
ACTIONS = {"partial_refund": Label("Partial refund", "部分退款"),
           "next_order_discount": Label("Next-order discount", "下单优惠")}


def entry(case_id: str = "quality-stained", actions: tuple[str, ...] = ("partial_refund",),
          amount: str | None = "2.00") -> LogEntry:
    return LogEntry(
        uuid.uuid4(), dt.datetime(2026, 11, 18, 23, 30, tzinfo=dt.timezone.utc), "Ann",
        "Sunny Store", "aliexpress", "8123456789012345", "Maria", case_id, case_id, actions,
        Decimal(amount) if amount else None, "USD" if amount else None,
        Decimal(amount) if amount else None, None, "en", False, False, None, None, "Hello Maria")


@pytest.fixture(autouse=True)
def beijing_time(monkeypatch):
    import time

    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_a_line_says_when_in_local_time_who_what_case_and_what_was_offered():
    line = history_line(entry(actions=("partial_refund", "next_order_discount")), TITLES,
                        ACTIONS)
    assert line.text.en == ("2026-11-19 07:30 · Ann · Item arrived stained · "
                            "Partial refund, Next-order discount 2.00 USD")
    assert line.text.zh == "2026-11-19 07:30 · Ann · 商品有污渍 · 部分退款、下单优惠 2.00 USD"
    assert line.reply == "Hello Maria"


def test_no_offer_is_said_and_an_unknown_case_keeps_its_id():
    line = history_line(entry("retired-case", actions=(), amount=None), TITLES, ACTIONS)
    assert line.text.en.endswith("· retired-case · no compensation")
    assert line.text.zh.endswith("· retired-case · 无补偿")
