"""The team lead's statistics (issue 16) over a case log of 1,000,000 entries (2,000 with
--quick), a year of replies (bench/caselog_data.py), on SQLite and, when
REPLY_COMPOSER_TEST_PG_URL names a database, PostgreSQL on loopback, with the schema as the
migrations make it (the rollups counted once the log is written): each grouping (day, case,
action, agent, product) and the totals, over a month (the tab's default range) and over the
whole year, over a range with days at both ends and per day for one store, timed end to end
through app.stats.figures (statements, the database's GROUP BY, rows merged in Python); and
the entries behind one figure (a click on a bar: a common case, the rarest product).

Budget: <= 500 ms per query on both engines (judged at the full size, on the slowest run).

    python -m bench.stats_query [--quick]     the table, then one JSON line per measurement
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bench.caselog_data import fill
from bench.db import database, engines
from bench.stats import Measurement, measure, table

if TYPE_CHECKING:
    from sqlalchemy import Engine

FULL_ROWS, QUICK_ROWS = 1_000_000, 2_000
FULL_RUNS, QUICK_RUNS = 7, 2
QUERY_MS = 500.0
MS = 1000.0
SPANS = {"month": (dt.date(2026, 6, 1), dt.date(2026, 6, 30)),
         "year": (dt.date(2026, 1, 1), dt.date(2026, 12, 31))}


def measurement_names(kinds: list[str]) -> set[str]:
    """The names measure_stats_queries reports on these engines (the smoke test's list)."""
    names = {f"stats.{what}-{span}" for span in SPANS
             for what in ("day", "case", "action", "agent", "product", "totals")}
    names |= {"stats.case-year-one-agent", "stats.case-days-at-both-ends",
              "stats.day-year-one-store", "stats.product-year-one-case", "stats.entries-case",
              "stats.entries-rare-product"}
    return {f"{name}-{kind}" for name in names for kind in kinds}


def measure_stats_queries(count: int = FULL_ROWS, runs: int = FULL_RUNS) -> list[Measurement]:
    """Every statistics query on every engine there is, over a freshly filled log of `count`
    entries: what bench/run.py's "stats" section runs."""
    found: list[Measurement] = []
    with tempfile.TemporaryDirectory(prefix="bench-stats-") as name:
        for kind in engines():
            with database(kind, Path(name)) as url:
                found += measure_engine(kind, url, count, runs)
    return found


def measure_engine(kind: str, url: str, count: int, runs: int) -> list[Measurement]:
    from app.db.engine import open_database

    engine = open_database(url)
    try:
        started = time.perf_counter()
        fill(engine, count)
        print(f"[bench] stats: {count:,} entries written to {kind} in "
              f"{time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
        return _queries(kind, engine, count, runs)
    finally:
        engine.dispose()


def _queries(kind: str, engine: Engine, count: int, runs: int) -> list[Measurement]:
    from app.stats.figures import entries_behind, figures, totals
    from app.stats.filters import Grouping, StatsFilter

    found = []
    for span, (since, until) in SPANS.items():
        wanted = StatsFilter(since=since, until=until)
        for by in Grouping:
            found.append(_timed(f"stats.{by.value}-{span}-{kind}", count, runs,
                                lambda by=by, wanted=wanted: figures(engine, by, wanted)))
        found.append(_timed(f"stats.totals-{span}-{kind}", count, runs,
                            lambda wanted=wanted: totals(engine, wanted)))
    year = StatsFilter(*SPANS["year"])
    found.append(_timed(f"stats.case-year-one-agent-{kind}", count, runs,
                        lambda: figures(engine, Grouping.CASE, year.with_agent("Lily"))))
    # A range that isn't whole months: its ends are read per day.
    ends = StatsFilter(dt.date(2026, 2, 10), dt.date(2026, 11, 20))
    found.append(_timed(f"stats.case-days-at-both-ends-{kind}", count, runs,
                        lambda: figures(engine, Grouping.CASE, ends)))
    found.append(_timed(f"stats.day-year-one-store-{kind}", count, runs,
                        lambda: figures(engine, Grouping.DAY,
                                        replace(year, store="Sunny Home"))))
    # Which products keep coming back stained: the team lead's weekly question.
    found.append(_timed(f"stats.product-year-one-case-{kind}", count, runs,
                        lambda: figures(engine, Grouping.PRODUCT,
                                        replace(year, case_id="quality-stained"))))
    found.append(_timed(f"stats.entries-case-{kind}", count, runs,
                        lambda: entries_behind(engine, Grouping.CASE, "quality-stained",
                                               year)))
    # A click on the rarest product's bar: its few entries are looked for over the year.
    rare = [r.key for r in figures(engine, Grouping.PRODUCT, year) if r.key is not None][-1]
    found.append(_timed(f"stats.entries-rare-product-{kind}", count, runs,
                        lambda: entries_behind(engine, Grouping.PRODUCT, rare, year)))
    return found


def _timed(name: str, count: int, runs: int, query: Callable[[], Any]) -> Measurement:
    shown = query()  # warm: the first run also pays for building the statement
    if not shown:
        raise RuntimeError(f"{name}: the query found nothing")
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        query()
        samples.append(time.perf_counter() - start)
    judged = count == FULL_ROWS
    rows = len(shown) if isinstance(shown, list) else 1
    return measure(name, "ms", samples, scale=MS, on="p99",
                   budget=f"p99 <= {QUERY_MS:g} ms" if judged else None,
                   limit=QUERY_MS if judged else None,
                   note=f"{count:,} entries; {rows} rows shown")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, two runs")
    quick = parser.parse_args().quick
    found = measure_stats_queries(*((QUICK_ROWS, QUICK_RUNS) if quick else
                                    (FULL_ROWS, FULL_RUNS)))
    print(table(found))
    for measurement in found:
        print(measurement.to_json())


if __name__ == "__main__":
    main()
