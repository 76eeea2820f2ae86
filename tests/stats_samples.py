"""A small case log whose statistics were worked out by hand (tests/test_stats_*.py).

In the range 2026-11-01 … 2026-11-03 (UTC) are E1–E9 and E12; E10 and E11 sit just outside
it. E3 was copied at 07:30 Beijing time on 2 November, which is 23:30 UTC on 1 November.

| entry | UTC time         | agent | case                    | actions          | offered  | flags |
|-------|------------------|-------|-------------------------|------------------|----------|-------|
| E1    | 11-01 23:59:59   | Lily  | quality-stained         | cost, part, disc | 2.00 USD |       |
| E2    | 11-02 00:00:00   | Bo    | quality-stained         | partial          | 2.00 EUR | E     |
| E3    | 11-01 23:30 (*)  | Lily  | not-received-in-transit | wait             |          | M     |
| E4    | 11-02 10:00      | Lily  | wrong-item              | resend           |          | E     |
| E5    | 11-02 12:00      | Bo    | quality-stained         | partial          | 5.00 USD | E O M |
| E6    | 11-03 09:00      | 王芳  | missing-item            | resend, partial  | 3.50 USD |       |
| E7    | 11-03 15:00      | Bo    | customs-tax             | no_refund        |          |       |
| E8    | 11-03 16:00      | —     | order-received-thanks   | —                |          |       |
| E9    | 11-03 17:00      | Lily  | quality-stained         | partial          | 1.25 EUR |       |
| E12   | 11-03 18:00      | Lily  | shipping-method-changed | partial          | 1.00 (*) |       |
| E10   | 10-31 23:59:59.9 | Lily  | quality-stained         | partial          | 9.99 USD |       |
| E11   | 11-04 00:00:00   | Bo    | quality-stained         | partial          | 7.00 USD |       |

(*) E3: 07:30 in Beijing on 11-02; E12: an amount logged without a currency. Flags: E
hand-edited, O over the policy (E5 offered 5.00 where the policy said 2.00), M copied with
markers left. Products: TS-WHITE-L (white cotton T-shirt) for E1, E2, E5, E9, E10, E11;
MUG-01 (陶瓷马克杯) for E3, E6; "phone case", a product without a SKU (its name is its key),
for E4; none for E7, E8, E12. Stores: E4 and E6 are 阳光家居 on DHgate, E8 has none, the
others Sunny Store on AliExpress.
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from app.caselog.entries import LogEntry

UTC = dt.timezone.utc
BEIJING = dt.timezone(dt.timedelta(hours=8))
SINCE, UNTIL = dt.date(2026, 11, 1), dt.date(2026, 11, 3)
SUNNY, SUNNY_HOME = ("Sunny Store", "aliexpress"), ("阳光家居", "dhgate")
SHIRT = ("TS-WHITE-L", "white cotton T-shirt")
MUG = ("MUG-01", "陶瓷马克杯")
NOTHING: tuple[str | None, str | None] = (None, None)


def _entry(n: int, at: dt.datetime, agent: str | None, shop: tuple[str | None, str | None],
           buyer: str | None, case: str, actions: tuple[str, ...], **given: Any) -> LogEntry:
    """given: offered ("2.00"), currency (USD), policy (the offer), edited, markers, product
    ((sku, name))."""
    offered, currency = given.get("offered"), given.get("currency", "USD")
    policy, product = given.get("policy", offered), given.get("product", NOTHING)
    edited, markers = given.get("edited", False), given.get("markers", False)
    amount = Decimal(offered) if offered else None
    greeting = f"Dear {buyer}," if buyer else "Hello,"
    return LogEntry(
        id=uuid.UUID(int=n), logged_at=at, agent=agent, store=shop[0], marketplace=shop[1],
        order_id=f"81000000000{n:05d}", buyer=buyer, case_id=case, template=case,
        actions=actions, refund_amount=amount, refund_currency=currency if amount else None,
        policy_refund=Decimal(policy) if amount else None, deadline=None,
        language="en", hand_edited=edited, markers_left=markers, sku=product[0],
        product=product[1], text=f"{greeting}\nE{n}: about order 81000000000{n:05d}. "
                                 f"Delivery is on its way.\nBest regards, Sunny")


def _at(day: int, hour: int, minute: int = 0, second: int = 0, micro: int = 0,
        month: int = 11) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, minute, second, micro, tzinfo=UTC)


PARTIAL = ("partial_refund",)
E1 = _entry(1, _at(1, 23, 59, 59), "Lily", SUNNY, "Maria Silva", "quality-stained",
            ("reimburse_cost", "partial_refund", "next_order_discount"), offered="2.00",
            product=SHIRT)
E2 = _entry(2, _at(2, 0), "Bo", SUNNY, "José Álvarez", "quality-stained", PARTIAL,
            offered="2.00", currency="EUR", edited=True, product=SHIRT)
E3 = _entry(3, dt.datetime(2026, 11, 2, 7, 30, tzinfo=BEIJING), "Lily", SUNNY, "Li Na",
            "not-received-in-transit", ("wait",), markers=True, product=MUG)
E4 = _entry(4, _at(2, 10), "Lily", SUNNY_HOME, "Ann", "wrong-item", ("resend",), edited=True,
            product=(None, "phone case"))
E5 = _entry(5, _at(2, 12), "Bo", SUNNY, "Pierre", "quality-stained", PARTIAL, offered="5.00",
            policy="2.00", edited=True, markers=True, product=SHIRT)
E6 = _entry(6, _at(3, 9), "王芳", SUNNY_HOME, "Ivan", "missing-item",
            ("resend", "partial_refund"), offered="3.50", product=MUG)
E7 = _entry(7, _at(3, 15), "Bo", SUNNY, None, "customs-tax", ("no_refund",))
E8 = _entry(8, _at(3, 16), None, (None, None), "Olga", "order-received-thanks", ())
E9 = _entry(9, _at(3, 17), "Lily", SUNNY, "Maria Silva", "quality-stained", PARTIAL,
            offered="1.25", currency="EUR", policy="2.00", product=SHIRT)
E10 = _entry(10, _at(31, 23, 59, 59, 999_999, month=10), "Lily", SUNNY, "Tom",
             "quality-stained", PARTIAL, offered="9.99", product=SHIRT)
E11 = _entry(11, _at(4, 0), "Bo", SUNNY, "Kim", "quality-stained", PARTIAL, offered="7.00",
             product=SHIRT)
E12 = _entry(12, _at(3, 18), "Lily", SUNNY, "Sam", "shipping-method-changed", PARTIAL,
             offered="1.00", currency=None)

ALL = [E1, E2, E3, E4, E5, E6, E7, E8, E9, E10, E11, E12]
IN_RANGE = [E1, E2, E3, E4, E5, E6, E7, E8, E9, E12]
