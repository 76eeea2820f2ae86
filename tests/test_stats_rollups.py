"""The statistics' rollups on both engines: a figure read from them is the figure counted entry
by entry, whatever the range (whole months, days at either end, open) and filters; entries
written through the case log, a resend, a purge in the middle of a day and the migration
that fills them from an older log all leave the rollups as a count from nothing makes them.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import replace
from decimal import Decimal

import pytest
from sqlalchemy import select

from app.caselog.entries import LogEntry
from app.caselog.log import CaseLog
from app.stats.figures import figures, totals
from app.stats.filters import Grouping, StatsFilter
from app.stats.plan import figures_statements, whole_months
from app.stats.rollups import ROLLUPS, rebuild
from tests.test_db_engines import ENGINES, database, opened

COUNT = 1_500
D = Decimal
Y = dt.date(2026, 1, 1), dt.date(2026, 12, 31)


def log_entries(count: int = COUNT) -> list[LogEntry]:
    """The bench's generated entries as the case log takes them."""
    from bench.caselog_data import entries

    return [LogEntry(**{name: entry[name] for name in LogEntry._fields})
            for entry in entries(count)]


@pytest.fixture(scope="module", params=ENGINES)
def logged(request, tmp_path_factory):
    """A log written through CaseLog in uneven batches, one entry sent twice."""
    with database(request.param, tmp_path_factory.mktemp("rollups")) as url, \
            opened(url) as engine:
        found = log_entries()
        log = CaseLog(engine)
        assert log.record_many(found[:700]) == 700
        assert log.record_many(found[699:]) == COUNT - 700  # the 700th again: not counted
        assert log.record(found[3]) is False
        yield engine


def counted(by: Grouping | None, wanted: StatsFilter) -> dict:
    """Figures counted one entry at a time (by None: the totals)."""
    found: dict = {}
    for entry in log_entries():
        at = entry.logged_at
        if (wanted.start and at < wanted.start) or (wanted.end and at >= wanted.end):
            continue
        if any(value is not None and getattr(entry, name) != value for name, value in (
                ("agent", wanted.agent), ("store", wanted.store),
                ("marketplace", wanted.marketplace), ("case_id", wanted.case_id))):
            continue
        if wanted.product is not None and wanted.product not in (entry.sku, entry.product):
            continue
        keys = {None: [None], Grouping.DAY: [at.date().isoformat()],
                Grouping.CASE: [entry.case_id], Grouping.ACTION: list(entry.actions) or [None],
                Grouping.AGENT: [entry.agent],
                Grouping.PRODUCT: [entry.sku or entry.product]}[by]
        for key in keys:
            figure = found.setdefault(key, [0, 0, {}, 0, 0, 0])
            figure[0] += 1
            figure[1] += entry.compensated
            if entry.refund_amount is not None:
                money = figure[2]
                money[entry.refund_currency] = (money.get(entry.refund_currency, D(0))
                                                + entry.refund_amount)
            figure[3] += entry.hand_edited
            figure[4] += entry.over_policy
            figure[5] += entry.markers_left
    return {key: (f[0], f[1], {c: a.quantize(D("0.01")) for c, a in sorted(f[2].items())},
                  f[3], f[4], f[5]) for key, f in found.items()}


def shown(rows) -> dict:
    return {r.key: (r.replies, r.compensated, dict(r.compensation), r.hand_edited,
                    r.over_policy, r.markers_left) for r in rows}


RANGES = [
    StatsFilter(*Y),  # whole months only
    StatsFilter(dt.date(2026, 2, 10), dt.date(2026, 11, 20)),  # days at both ends
    StatsFilter(dt.date(2026, 6, 3), dt.date(2026, 6, 17)),  # inside one month
    StatsFilter(until=dt.date(2026, 4, 15)),  # open at the start
    StatsFilter(since=dt.date(2026, 9, 29)),  # open at the end
    StatsFilter(dt.date(2026, 3, 10), dt.date(2026, 9, 30), agent="Lily"),
    StatsFilter(dt.date(2026, 2, 10), dt.date(2026, 10, 5), store="Sunny Home"),
    StatsFilter(*Y, marketplace="dhgate", case_id="quality-stained"),
    StatsFilter(dt.date(2026, 2, 10), dt.date(2026, 11, 20), case_id="quality-stained"),
    StatsFilter(dt.date(2026, 1, 20), dt.date(2026, 12, 10), product="SKU-0353"),
]


@pytest.mark.parametrize("by", [*Grouping, None])
@pytest.mark.parametrize("wanted", RANGES)
def test_every_figure_is_the_count_entry_by_entry(logged, by, wanted):
    if by is None:
        found = totals(logged, wanted)
        expected = counted(None, wanted).get(None, (0, 0, {}, 0, 0, 0))
        assert next(iter(shown([found]).values())) == expected
    else:
        assert shown(figures(logged, by, wanted)) == counted(by, wanted)


def _rollup_rows(engine) -> dict:
    with engine.connect() as connection:
        return {rollup.table.name: sorted(tuple(row) for row in connection.execute(
            select(rollup.table))) for rollup in ROLLUPS}


def test_entries_written_one_batch_at_a_time_add_up_to_a_count_from_nothing(logged):
    written = _rollup_rows(logged)
    with logged.begin() as connection:
        rebuild(connection)
    assert _rollup_rows(logged) == written
    assert all(written.values())


@pytest.mark.parametrize("kind", ENGINES)
@pytest.mark.parametrize("cut", [dt.datetime(2026, 5, 17, 13, 30, tzinfo=dt.timezone.utc),
                                 dt.datetime(2026, 6, 1, tzinfo=dt.timezone.utc)])
def test_a_purge_leaves_the_rest_counted(tmp_path, kind, cut):
    with database(kind, tmp_path) as url, opened(url) as engine:
        log = CaseLog(engine)
        log.record_many(log_entries(600))
        assert log.purge(cut) > 0
        left = [e for e in log_entries(600) if e.logged_at >= cut]
        after = _rollup_rows(engine)
        with engine.begin() as connection:
            rebuild(connection)
        assert _rollup_rows(engine) == after
        year = figures(engine, Grouping.CASE, StatsFilter(*Y))
        assert sum(r.replies for r in year) == len(left)


@pytest.mark.parametrize("kind", ENGINES)
def test_the_migration_counts_the_entries_an_older_log_holds(tmp_path, kind):
    from app.db.engine import open_database

    with database(kind, tmp_path) as url, opened(url) as engine:
        CaseLog(engine).record_many(log_entries(300))
        expected = _rollup_rows(engine)
        with engine.begin() as connection:  # back to how revision 0001 left a database
            for rollup in ROLLUPS:
                connection.exec_driver_sql(f"DROP TABLE {rollup.table.name}")
            for column in ("sku", "product"):
                connection.exec_driver_sql(f"DROP INDEX ix_case_log_{column}_logged_at")
            connection.exec_driver_sql("CREATE INDEX ix_case_log_sku ON case_log (sku)")
            connection.exec_driver_sql("UPDATE alembic_version SET version_num = '0001'")
        upgraded = open_database(url)
        try:
            assert _rollup_rows(upgraded) == expected
        finally:
            upgraded.dispose()


@pytest.mark.parametrize("wanted", [
    StatsFilter(*Y), StatsFilter(*Y, agent="Lily"), StatsFilter(*Y, case_id="wrong-item")])
def test_a_year_reads_the_rollups_not_the_log(wanted):
    for by in Grouping:
        for statement in figures_statements(by, wanted):
            tables = {table.name for table in statement.get_final_froms()}
            assert "case_log" not in tables, by


def test_which_products_come_back_stained_reads_the_case_and_product_months():
    # The team lead's weekly question, over whole months: no entry of the log is read.
    statements = figures_statements(Grouping.PRODUCT,
                                    StatsFilter(*Y, case_id="quality-stained"))
    assert [{t.name for t in s.get_final_froms()} for s in statements] == [
        {"case_log_case_product_months"}]


def test_the_ends_of_a_range_come_from_a_day_rollup():
    statements = figures_statements(Grouping.CASE, RANGES[1])
    tables = [{t.name for t in s.get_final_froms()} for s in statements]
    assert tables == [{"case_log_months"}, {"case_log_day_cases"}, {"case_log_day_cases"}]


@pytest.mark.parametrize(("since", "until", "expected"), [
    ((2026, 1, 1), (2026, 12, 31), ((2026, 1, 1), (2026, 12, 1), ())),
    ((2026, 2, 10), (2026, 11, 20),
     ((2026, 3, 1), (2026, 10, 1), (((2026, 2, 10), (2026, 2, 28)),
                                    ((2026, 11, 1), (2026, 11, 20))))),
    ((2024, 2, 1), (2024, 2, 29), ((2024, 2, 1), (2024, 2, 1), ())),  # a leap February
    ((2026, 6, 3), (2026, 6, 17), None),
    ((2026, 6, 30), (2026, 7, 30), None),
])
def test_whole_months_of_a_range(since, until, expected):
    def day(parts):
        return None if parts is None else dt.date(*parts)

    found = whole_months(day(since), day(until))
    if expected is None:
        assert found is None
        return
    first, last, ends = expected
    assert found == (day(first), day(last),
                     tuple((day(a), day(b)) for a, b in ends))


def test_open_ranges_have_open_months():
    assert whole_months(None, dt.date(2026, 4, 15)) == (
        None, dt.date(2026, 3, 1), ((dt.date(2026, 4, 1), dt.date(2026, 4, 15)),))
    assert whole_months(None, None) == (None, None, ())


def test_an_entry_without_an_amount_keeps_the_sum_of_its_row(tmp_path):
    # Two entries of one row of every rollup (same day, agent, case, product, currency),
    # written one at a time: the second offers no amount, and the first one's stays.
    first = log_entries(1)[0]._replace(refund_amount=D("2.50"), refund_currency="USD",
                                       actions=("partial_refund",))
    second = first._replace(id=uuid.uuid4(), refund_amount=None)
    with database("sqlite", tmp_path) as url, opened(url) as engine:
        log = CaseLog(engine)
        assert log.record(first) and log.record(second)
        day = first.logged_at.date()
        found = totals(engine, StatsFilter(day, day))
        assert (found.replies, found.compensation) == (2, {"USD": D("2.50")})
        assert figures(engine, Grouping.CASE, StatsFilter(*Y))[0].compensation == {
            "USD": D("2.50")}


@pytest.mark.parametrize("kind", ENGINES)
def test_blank_values_in_an_older_log_are_none_everywhere_once_counted(tmp_path, kind):
    # An entry written around CaseLog with "" for its agent and SKU: once counted, the
    # figures (from the rollups or from the log) and the entries behind them agree.
    from app.caselog.log import _row
    from app.db.engine import writing
    from app.db.schema import case_log
    from app.stats.figures import entries_behind

    entry = log_entries(1)[0]._replace(agent="", sku=" ", product="Mug", store="Sunny Home")
    year = StatsFilter(*Y)
    with database(kind, tmp_path) as url, opened(url) as engine:
        with writing(engine) as connection:
            connection.execute(case_log.insert(), [{**_row(entry), "agent": "", "sku": " "}])
            assert rebuild(connection) == 1
        assert [(r.key, r.replies) for r in figures(engine, Grouping.AGENT, year)] == [
            (None, 1)]
        assert len(entries_behind(engine, Grouping.AGENT, None, year)) == 1
        by_store = replace(year, store="Sunny Home")  # the log itself answers this one
        assert [r.key for r in figures(engine, Grouping.PRODUCT, by_store)] == ["Mug"]
        assert [r.key for r in figures(engine, Grouping.PRODUCT, year)] == ["Mug"]
        assert len(entries_behind(engine, Grouping.PRODUCT, "Mug", year)) == 1
