"""The order book and the case log (issue 14), on SQLite and, when REPLY_COMPOSER_TEST_PG_URL
names a database, PostgreSQL:

- importing a Dianxiaomi-style export of 100,000 rows (1,000 with --quick), as .csv and .xlsx,
  read and written in a fresh process: seconds, rows per second and the process's peak RSS
  (budget: <= 10 s and <= 300 MB);
- looking up an order by order number or tracking number in a book of 1,000,000 orders
  (20,000 with --quick): p99 <= 2 ms on SQLite, <= 5 ms on PostgreSQL on loopback;
- logging a copy as the window does on its UI thread (build the entry, queue it in the
  outbox): p99 <= 5 ms.

    python -m bench.db [--quick]     one JSON line per measurement
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench.order_import import write_in_child
from bench.stats import p99

ROOT = Path(__file__).resolve().parents[1]
PG_ENV = "REPLY_COMPOSER_TEST_PG_URL"
FULL_IMPORT, QUICK_IMPORT = 100_000, 1_000
FULL_BOOK, QUICK_BOOK = 1_000_000, 20_000
IMPORT_SECONDS, IMPORT_MB = 10.0, 300.0
LOOKUP_MS = {"sqlite": 2.0, "postgresql": 5.0}
LOG_MS = 5.0

# Read the export and import it into the database, in one fresh process: what the window's
# import costs, and its peak RSS (VmHWM: this process image's own).
IMPORT_CHILD = """
import json, sys, time
start = time.perf_counter()
from app.db.engine import open_database
from app.orders.book import OrderBook
from app.orders.exports import read_export
engine = open_database(sys.argv[1])
reading = read_export(sys.argv[2])
read = time.perf_counter() - start
result = OrderBook(engine).import_reading(reading, "bench")
seconds = time.perf_counter() - start
engine.dispose()
with open("/proc/self/status", encoding="ascii") as status:
    peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
print(json.dumps({"seconds": seconds, "read": read, "rows": reading.rows_read,
                  "orders": result.inserted, "peak_kb": peak}))
"""

# A book of `count` orders (one item each), made in SQL: numbers 81000000000000000 + i,
# tracking numbers LP{i:09}CN, buyers "Buyer {i}".
POPULATE = {
    "sqlite": """
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {last})
INSERT INTO orders (order_id, marketplace, buyer_name, buyer_key, destination_country,
    order_date, ship_date, chosen_method, actual_method, tracking_number, order_amount,
    currency, store, import_id, updated_at)
SELECT printf('%d', 8100000000000000 + i), 'aliexpress', 'Buyer ' || i, 'buyer ' || i, 'BR',
    '2026-10-01', '2026-10-05', 'AliExpress Standard Shipping', 'YunExpress',
    printf('LP%09dCN', i), 25.80, 'USD', 'Sunny Store', 0, '2026-11-01 00:00:00.000000'
FROM n""",
    "postgresql": """
INSERT INTO orders (order_id, marketplace, buyer_name, buyer_key, destination_country,
    order_date, ship_date, chosen_method, actual_method, tracking_number, order_amount,
    currency, store, import_id, updated_at)
SELECT (8100000000000000 + i)::text, 'aliexpress', 'Buyer ' || i, 'buyer ' || i, 'BR',
    DATE '2026-10-01', DATE '2026-10-05', 'AliExpress Standard Shipping', 'YunExpress',
    'LP' || lpad(i::text, 9, '0') || 'CN', 25.80, 'USD', 'Sunny Store', 0, now()
FROM generate_series(0, {last}) AS i"""}
ITEMS = ("INSERT INTO order_items (order_id, marketplace, position, sku, name, quantity, "
         "unit_price) SELECT order_id, marketplace, 0, 'SKU-1', 'Ceramic mug', 1, 9.50 "
         "FROM orders")


def engines() -> list[str]:
    return ["sqlite", "postgresql"] if os.environ.get(PG_ENV) else ["sqlite"]


@contextmanager
def database(kind: str, folder: Path) -> Iterator[str]:
    """The URL of an empty database: a new SQLite file, or a new schema in the PostgreSQL
    database REPLY_COMPOSER_TEST_PG_URL names (dropped afterwards)."""
    if kind == "sqlite":
        yield "sqlite:///" + (folder / f"{uuid.uuid4().hex}.sqlite3").as_posix()
        return
    import psycopg

    base = os.environ[PG_ENV]
    schema = f"bench_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    try:
        yield f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(base, autocommit=True) as admin:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")


def import_rows(kind: str, folder: Path, path: Path, count: int, runs: int
                ) -> list[dict[str, Any]]:
    """Seconds, rows/s and peak RSS of reading and importing the export in a fresh process,
    into an empty database each run."""
    results = []
    for _ in range(runs):
        with database(kind, folder) as url:
            done = subprocess.run([sys.executable, "-c", IMPORT_CHILD, url, str(path)], cwd=ROOT,
                                  check=True, capture_output=True, text=True, timeout=900)
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))
    if any(r["rows"] != count for r in results):
        raise RuntimeError(f"{kind}: read {results[0]['rows']} rows of {count}")
    name = f"db.import-{path.suffix.lstrip('.')}-{kind}"
    seconds = [r["seconds"] for r in results]
    peaks = [r["peak_kb"] / 1024 for r in results]
    note = (f"{count} rows, {results[0]['orders']} orders; reading alone "
            f"{statistics.median(r['read'] for r in results):.2f} s")
    rows = [_row(name, "s", seconds, note, IMPORT_SECONDS, count == FULL_IMPORT),
            _row(name + "-rate", "rows/s", [count / s for s in seconds], note),
            _row(name + "-peak-rss", "MB", peaks, note, IMPORT_MB, count == FULL_IMPORT)]
    rows[1]["p99"] = min(count / s for s in seconds)  # the slowest run's rate
    return rows


def lookup_rows(kind: str, url: str, count: int, lookups: int) -> list[dict[str, Any]]:
    """p50/p99 of OrderBook.find by order number, by tracking number and by buyer name."""
    from sqlalchemy import text

    from app.db.engine import open_database, writing
    from app.orders.book import OrderBook

    engine = open_database(url)
    try:
        with writing(engine) as connection:
            connection.execute(text(POPULATE[kind].format(last=count - 1)))
            connection.execute(text(ITEMS))
        with engine.connect() as connection:
            connection.execute(text("ANALYZE"))
            connection.commit()
        book, pick = OrderBook(engine), random.Random(14)
        kinds = {"order": lambda i: str(8100000000000000 + i),
                 "tracking": lambda i: f"LP{i:09d}CN", "buyer": lambda i: f"buyer {i}"}
        rows = []
        for what, make in kinds.items():
            samples = _timed(book, [make(pick.randrange(count)) for _ in range(lookups)])
            budget = LOOKUP_MS[kind] if what != "buyer" else None
            rows.append(_row(f"db.lookup-{what}-{kind}", "ms", samples,
                             f"{count} orders, {lookups} lookups", budget,
                             count == FULL_BOOK and budget is not None, on="p99"))
        return rows
    finally:
        engine.dispose()


def _timed(book: Any, texts: list[str]) -> list[float]:
    for warm in texts[:20]:
        book.find(warm)
    samples = []
    for query in texts:
        start = time.perf_counter()
        found = book.find(query)
        samples.append((time.perf_counter() - start) * 1000)
        if not found:
            raise RuntimeError(f"lookup of {query!r} found nothing")
    return samples


def logging_rows(folder: Path, copies: int) -> list[dict[str, Any]]:
    """The UI thread's part of a copy: build the log entry and queue it in the outbox."""
    from app.caselog.entries import entry_from
    from app.caselog.outbox import Outbox
    from app.compose.composer import Composer

    composer = Composer.load()
    values = composer.catalog.parse_all({
        "buyer_name": "Maria", "order_id": "8123456789012345", "item": "T-shirt",
        "order_amount": "25.80", "photos_received": "yes", "severity": "minor",
        "agent_name": "Lily", "store_name": "Sunny Store"})
    result = composer.compose("quality-stained", values)
    outbox = Outbox(folder / "outbox.sqlite3")
    samples = []
    for _ in range(copies):
        start = time.perf_counter()
        outbox.record(entry_from(result, values, entry_id=uuid.uuid4(), text=result.reply))
        samples.append((time.perf_counter() - start) * 1000)
    outbox.close()
    return [_row("db.log-copy", "ms", samples, f"{copies} copies (entry + outbox)",
                 LOG_MS, True, on="p99")]


def _row(name: str, unit: str, samples: list[float], note: str, limit: float | None = None,
         judged: bool = False, on: str = "median") -> dict[str, Any]:
    row: dict[str, Any] = {"name": name, "unit": unit, "median": statistics.median(samples),
                           "p99": p99(samples), "n": len(samples), "note": note}
    if limit is not None and judged:  # budgets hold for the full sizes; --quick checks the harness
        row.update(budget=f"{on} <= {limit:g} {unit}", met=row[on] <= limit)
    return row


def run(quick: bool) -> list[dict[str, Any]]:
    rows_count, runs = (QUICK_IMPORT, 1) if quick else (FULL_IMPORT, 3)
    book, lookups, copies = (QUICK_BOOK, 200, 100) if quick else (FULL_BOOK, 2000, 1000)
    results: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="bench-db-") as name:
        folder = Path(name)
        for suffix in ("csv", "xlsx"):
            path = folder / f"orders.{suffix}"
            write_in_child(path, rows_count)
            for kind in engines():
                results += import_rows(kind, folder, path, rows_count, runs)
        for kind in engines():
            with database(kind, folder) as url:
                results += lookup_rows(kind, url, book, lookups)
        results += logging_rows(folder, copies)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, one run")
    for row in run(parser.parse_args().quick):
        print(json.dumps(row, ensure_ascii=False))


if __name__ == "__main__":
    main()
