"""Screenshot of the Statistics tab alone for docs/: a month of a team's replies (five agents,
two stores, the usual cases, a dozen products, refunds in USD and EUR) in a temporary SQLite
log, grouped by case, with the replies behind the top case listed (offscreen).

    QT_QPA_PLATFORM=offscreen python scripts/screenshot_stats.py docs/stats-en.png [en|zh]
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sys
import tempfile
import time
import uuid
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# This checkout, not a copy installed in the venv earlier.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication

from app.caselog.entries import COMPENSATING, LogEntry
from app.caselog.log import CaseLog
from app.db.engine import open_database
from ui.shell.i18n import apply_language
from ui.stats.tab import StatsTab

ROOT = Path(__file__).resolve().parents[1]

LAST_DAY = dt.date(2026, 11, 26)
DAYS = 30
SIZE = (1280, 800)
WEEKEND = (5, 6)  # fewer replies then
OVER_POLICY, HAND_EDITED, MARKERS_LEFT = 0.04, 0.15, 0.02  # how often a reply is so
AGENTS = ["Lily", "Chen Jing", "王芳", "Kevin", "Zhang Wei"]
STORES = [("Sunny Fashion Store", "aliexpress"), ("阳光家居", "dhgate")]
# case id: (how often, [(actions, the policy's most in USD or None)])
CASES = {
    "not-received-in-transit": (14, [(("wait",), None)]),
    "quality-stained": (9, [(("reimburse_cost", "partial_refund", "next_order_discount"), 2)]),
    "quality-defective": (6, [(("partial_refund",), 2), (("resend",), None)]),
    "wrong-item": (5, [(("resend",), None), (("full_refund",), 25)]),
    "not-received-overdue": (5, [(("full_refund",), 20), (("resend",), None)]),
    "missing-item": (4, [(("resend", "partial_refund"), 9)]),
    "customs-tax": (3, [(("partial_refund",), 5), (("no_refund",), None)]),
    "not-received-delivered": (3, [(("no_refund",), None)]),
    "shipping-method-changed": (2, [(("partial_refund",), 3)]),
    "order-shipped": (4, [(("wait",), None)]),
}
PRODUCTS = [("TS-WHITE-L", "white cotton T-shirt, L"), ("MUG-CER-01", "陶瓷马克杯 350 ml"),
            ("PH-CASE-13", "phone case iPhone 13"), ("LED-5M", "LED strip 5 m"),
            ("DRESS-BL-M", "连衣裙 blue, M"), ("EAR-BT-02", "bluetooth earbuds"),
            ("YOGA-MAT", "yoga mat 6 mm"), ("WATCH-BAND", "watch band 22 mm"),
            ("RAIN-JKT-XL", "rain jacket XL"), ("STAND-01", "手机支架"),
            (None, "gift box"), ("SOCKS-5P", "cotton socks, 5 pairs")]
PRODUCT_WEIGHTS = [12, 9, 7, 6, 6, 5, 4, 3, 3, 3, 2, 2]
BUYERS = ["Maria Silva", "José Álvarez", "Ivan Petrov", "Emma Martin", "Lucas Souza",
          "Olga Ivanova", "Pierre Dubois", "Ana García", "John Miller", "Sofia Rossi"]
EURO_BUYERS = {"Emma Martin", "Pierre Dubois", "Ana García", "Sofia Rossi"}


def month_of_replies(seed: int = 16) -> list[LogEntry]:
    pick = random.Random(seed)
    found = []
    first = LAST_DAY - dt.timedelta(days=DAYS - 1)
    for n in range(DAYS):
        day = first + dt.timedelta(days=n)
        busy = 30 if day.weekday() in WEEKEND else 55
        for _ in range(pick.randint(busy - 15, busy + 15)):
            found.append(_reply(pick, day, len(found)))
    return found


def _reply(pick: random.Random, day: dt.date, n: int) -> LogEntry:
    case = pick.choices(list(CASES), [weight for weight, _ in CASES.values()])[0]
    actions, most = pick.choice(CASES[case][1])
    buyer = pick.choice(BUYERS)
    currency = "EUR" if buyer in EURO_BUYERS else "USD"
    offered = policy = None
    if most is not None:
        policy = Decimal(str(most))
        over = pick.random() < OVER_POLICY
        offered = policy + Decimal(pick.randint(1, 3)) if over else policy
    sku, product = pick.choices(PRODUCTS, PRODUCT_WEIGHTS)[0]
    store, marketplace = pick.choices(STORES, [3, 1])[0]
    moment = dt.datetime.combine(day, dt.time(), dt.timezone.utc) + dt.timedelta(
        seconds=pick.randrange(86_400))
    order = f"81{pick.randrange(10**14):014d}"
    return LogEntry(
        uuid.UUID(int=pick.getrandbits(128)), moment, pick.choices(AGENTS, [5, 4, 4, 3, 2])[0],
        store, marketplace, order, buyer, case, case, actions, offered,
        currency if offered else None, policy if offered else None, None, "en",
        pick.random() < HAND_EDITED, pick.random() < MARKERS_LEFT, sku, product,
        f"Dear {buyer},\nThank you for your message about order {order}. "
        + ("We are sorry about this, and here" if not COMPENSATING.isdisjoint(actions)
           else "Here") + " is what we can do for you. Best regards, Sunny")


def main(out: str, lang: str = "en") -> None:
    with tempfile.TemporaryDirectory(prefix="reply-composer-stats-shot-") as tmp:
        shoot(out, lang, Path(tmp))
    print(out)


def shoot(out: str, lang: str, tmp: Path) -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    url = "sqlite:///" + (tmp / "team.sqlite3").as_posix()
    engine = open_database(url)
    CaseLog(engine).record_many(month_of_replies())
    engine.dispose()
    apply_language(lang, ROOT / "resources" / "i18n")
    tab = StatsTab(None, lambda: url, lambda: lang, today=lambda: LAST_DAY)
    tab.resize(*SIZE)
    tab.show()
    _wait(app, lambda: tab.shown_ is not None and bool(tab.names))
    tab.table.selectRow(0)
    tab.table.rowChosen.emit(tab.shown_.report.rows[0].key if tab.shown_ else None)
    _wait(app, lambda: tab.entries.table.rowCount() > 0)
    tab.table.setFocus()  # not the date field, as in the window
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    tab.grab().save(out)
    tab.shutdown()


def _wait(app: QApplication, done: object, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while not done() and time.monotonic() < deadline:  # type: ignore[operator]
        app.processEvents()
        time.sleep(0.01)
    for _ in range(5):  # the last answer's layout and paint
        app.processEvents()


if __name__ == "__main__":
    main(*sys.argv[1:3])
