"""A realistic case log for the statistics bench: a year of replies (2026, in time order, as a
log grows), 25 cases (the catalog's and a few retired ones), 8 agents, 4 stores on three
marketplaces, refunds in USD, EUR and RUB, 600 products (some without a SKU, some unknown),
replies of 400-900 characters. Made from a fixed seed: the same rows on every run.

Rows are written in bulk: executemany through SQLAlchemy's own table on SQLite (its storage
formats for times, UUIDs and amounts), COPY on PostgreSQL."""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from app.caselog.entries import COMPENSATING

if TYPE_CHECKING:
    from sqlalchemy import Engine

YEAR_START = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
YEAR_SECONDS = 365 * 86_400
BATCH = 20_000
SEED = 16

# case id -> the policy's actions its replies offer (one of the lists, at random)
CASES: dict[str, list[tuple[str, ...]]] = {
    "quality-stained": [("reimburse_cost", "partial_refund", "next_order_discount"),
                        ("partial_refund",)],
    "quality-defective": [("resend",), ("full_refund",), ("partial_refund",)],
    "quality-transit-damage": [("resend",), ("partial_refund",)],
    "wrong-item": [("resend",), ("full_refund",)],
    "missing-accessory": [("resend",), ("partial_refund",)],
    "missing-item": [("resend", "partial_refund"), ("partial_refund",)],
    "shipping-method-changed": [("partial_refund",), ("no_refund",)],
    "customs-tax": [("partial_refund",), ("no_refund",)],
    "empty-parcel": [("resend",), ("full_refund",)],
    "not-received-no-tracking": [("wait",), ("resend",)],
    "not-received-in-transit": [("wait",)],
    "not-received-overdue": [("full_refund",), ("resend",)],
    "not-received-delivered": [("no_refund",)],
    "not-received-delayed": [("wait",), ("next_order_discount",)],
    "returned-to-sender": [("resend",), ("full_refund",)],
    "order-unpaid": [("wait",)],
    "order-payment-confirmed": [("wait",)],
    "order-shipped": [("wait",)],
    "order-delivery-check": [("wait",)],
    "order-received-thanks": [("next_order_discount",), ()],
    "order-feedback-request": [()],
    "size-exchange": [("resend",), ("partial_refund",)],  # retired cases, still in the log
    "colour-difference": [("partial_refund",), ("no_refund",)],
    "cancel-before-shipping": [("full_refund",)],
    "address-change": [()],
}
# How often each case comes (in the order above): quality and not-received cases dominate.
CASE_WEIGHTS = [9, 7, 5, 6, 4, 5, 3, 3, 1, 4, 12, 6, 4, 5, 2, 3, 2, 4, 3, 2, 2, 2, 2, 2, 1]
AGENTS = ["Lily", "Bo", "Chen Jing", "王芳", "Zhang Wei", "Amy", "李娜", "Kevin"]
STORES = [("Sunny Fashion Store", "aliexpress"), ("Sunny Home", "aliexpress"),
          ("阳光家居", "dhgate"), ("Sunny Outlet", "temu")]
CURRENCIES = [("USD", 1), ("EUR", 1), ("RUB", 90)]  # code, a typical refund's scale
CURRENCY_WEIGHTS = [70, 20, 10]
LANGUAGES = ["en", "es", "pt", "ru", "fr"]
WORDS = ["order", "parcel", "tracking", "refund", "sorry", "understand", "photo", "item",
         "colour", "size", "store", "help", "please", "days", "delivery", "carrier", "customs",
         "discount", "coupon", "resend", "quality", "package"]
SENTENCE_COUNT = 40
REFUNDS = frozenset({"partial_refund", "full_refund"})


def products(pick: random.Random) -> list[tuple[str | None, str | None]]:
    """(sku, name): 600 products, 1 in 10 without a SKU; and one unknown product."""
    found: list[tuple[str | None, str | None]] = []
    kinds = ["陶瓷马克杯", "white cotton T-shirt", "phone case", "LED strip 5 m", "连衣裙",
             "bluetooth earbuds", "yoga mat", "watch band", "rain jacket", "手机支架"]
    for n in range(600):
        name = f"{kinds[n % len(kinds)]} #{n}"
        found.append((None if n % 10 == 9 else f"SKU-{n:04d}", name))
    found.append((None, None))
    pick.shuffle(found)
    return found


def bodies(pick: random.Random, count: int = 2000) -> list[str]:
    """Reply bodies of 4-8 sentences, drawn from a few dozen (made once: cheap per row)."""
    said = [" ".join(pick.choice(WORDS) for _ in range(pick.randint(8, 18))).capitalize() + "."
            for _ in range(SENTENCE_COUNT)]
    return [" ".join(pick.sample(said, pick.randint(4, 8))) for _ in range(count)]


def entries(count: int, seed: int = SEED) -> Iterator[dict[str, Any]]:
    """`count` case_log rows (with "actions" as a tuple), oldest first, over 2026."""
    pick = random.Random(seed)
    known, texts = products(pick), bodies(pick)
    moments = sorted(pick.randrange(YEAR_SECONDS * 1000) for _ in range(count))
    # Drawn a column at a time (choices is one call for all rows): the fill's cost is the
    # database's, not the generator's.
    cases = pick.choices(list(CASES), CASE_WEIGHTS, k=count)
    agents, stores = pick.choices(AGENTS, k=count), pick.choices(STORES, k=count)
    languages, said = pick.choices(LANGUAGES, k=count), pick.choices(texts, k=count)
    columns = zip(moments, cases, agents, stores, languages, said, strict=True)
    for n, (millis, case_id, agent, (store, marketplace), language, body) in enumerate(columns):
        actions = CASES[case_id][int(pick.random() * len(CASES[case_id]))]
        refund, currency, policy = _refund(pick, actions)
        sku, product = known[min(int(pick.paretovariate(1.2)) - 1, len(known) - 1)]
        order_id = str(8_100_000_000_000_000 + n)
        buyer = f"Buyer {int(pick.random() * 200_000)}"
        yield {
            "id": uuid.UUID(int=pick.getrandbits(128)),
            "logged_at": YEAR_START + dt.timedelta(milliseconds=millis),
            "agent": agent, "store": store, "marketplace": marketplace,
            "order_id": order_id, "buyer": buyer, "buyer_key": buyer.casefold(),
            "case_id": case_id, "template": case_id, "actions": actions,
            "compensated": refund is not None or not COMPENSATING.isdisjoint(actions),
            "refund_amount": refund, "refund_currency": currency, "policy_refund": policy,
            "over_policy": refund is not None and refund > (policy or 0),
            "deadline": None, "language": language,
            "hand_edited": pick.random() < 0.2, "markers_left": pick.random() < 0.03,
            "sku": sku, "product": product,
            "text": f"Hi {buyer}, about your order {order_id}: {body} Best regards, Sunny",
        }


def _refund(pick: random.Random, actions: tuple[str, ...]
            ) -> tuple[Decimal | None, str | None, Decimal | None]:
    """(offered, currency, the policy's most): 1 in 20 offers above the policy."""
    if REFUNDS.isdisjoint(actions):
        return None, None, None
    (code, scale), = pick.choices(CURRENCIES, CURRENCY_WEIGHTS)
    policy = Decimal(int(100 + pick.random() * 2900) * scale) / 100
    over = pick.random() < 0.05
    offered = policy + Decimal(int(1 + pick.random() * 500)) / 100 if over else policy
    return offered, code, policy


def fill(engine: Engine, count: int, seed: int = SEED) -> None:
    """Write `count` entries and their actions, in batches, count them into the statistics'
    rollups (written around CaseLog, they are counted at the end), then gather the planner's
    statistics (as a server's autovacuum would have)."""
    write = _copy if engine.dialect.name == "postgresql" else _executemany
    batch: list[dict[str, Any]] = []
    for entry in entries(count, seed):
        batch.append(entry)
        if len(batch) == BATCH:
            write(engine, batch)
            batch = []
    if batch:
        write(engine, batch)
    _count(engine)
    _analyze(engine)


def _count(engine: Engine) -> None:
    from app.db.engine import writing
    from app.stats.rollups import rebuild

    with writing(engine) as connection:
        rebuild(connection)


def _executemany(engine: Engine, batch: list[dict[str, Any]]) -> None:
    from app.db.engine import writing
    from app.db.schema import case_log, case_log_actions

    with writing(engine) as connection:
        connection.execute(case_log.insert(), [{**e, "actions": ",".join(e["actions"])}
                                               for e in batch])
        actions = [{"entry_id": e["id"], "action": a} for e in batch for a in e["actions"]]
        if actions:
            connection.execute(case_log_actions.insert(), actions)


def _copy(engine: Engine, batch: list[dict[str, Any]]) -> None:
    from app.db.schema import case_log

    names = [column.name for column in case_log.columns]
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        with cursor.copy(f"COPY case_log ({', '.join(names)}) FROM STDIN") as copy:
            for entry in batch:
                copy.write_row([",".join(entry["actions"]) if name == "actions" else entry[name]
                                for name in names])
        with cursor.copy("COPY case_log_actions (entry_id, action) FROM STDIN") as copy:
            for entry in batch:
                for action in entry["actions"]:
                    copy.write_row((entry["id"], action))
        raw.commit()
    finally:
        raw.close()


def _analyze(engine: Engine) -> None:
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("VACUUM ANALYZE case_log")
            connection.exec_driver_sql("VACUUM ANALYZE case_log_actions")
        return
    with engine.connect() as connection:
        connection.exec_driver_sql("ANALYZE")
        connection.commit()
