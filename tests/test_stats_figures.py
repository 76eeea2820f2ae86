"""The team lead's statistics on both engines, against the hand-worked log of
tests/stats_samples.py: every figure of every grouping, currencies kept apart, the UTC day of
an entry at the day's edge (and of one copied at 07:30 in Beijing), an empty range, each
filter, the entries behind a figure, and who may see what.

On PostgreSQL the session's time zone is Asia/Shanghai: a day taken in the session's zone
instead of UTC would move E3 and E1 and show here."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from app.caselog.log import CaseLog
from app.stats import access
from app.stats.figures import entries_behind, figures, report, totals
from app.stats.filters import TEAM, Grouping, StatsError, StatsFilter, View
from app.stats.rows import EntryLine, FigureRow, every_day, without_buyer
from app.user.paths import UserData
from tests.stats_samples import (
    ALL,
    E1,
    E2,
    E3,
    E4,
    E5,
    E6,
    E7,
    E8,
    E9,
    E10,
    E12,
    SINCE,
    UNTIL,
)
from tests.test_db_engines import ENGINES, database, opened

RANGE = StatsFilter(SINCE, UNTIL)
D = Decimal


@pytest.fixture(scope="module", params=ENGINES)
def engine(request, tmp_path_factory):
    with database(request.param, tmp_path_factory.mktemp("stats")) as url:
        shanghai = "%20-cTimeZone%3DAsia%2FShanghai" if request.param == "postgresql" else ""
        with opened(url + shanghai) as found:
            assert CaseLog(found).record_many(ALL) == len(ALL)
            yield found


def row(key, replies, compensated=0, compensation=None, name=None, **flags) -> FigureRow:
    """A FigureRow as written out by hand; flags: hand_edited, over_policy, markers_left."""
    money = {currency: D(amount) for currency, amount in (compensation or {}).items()}
    return FigureRow(key, replies, compensated, money, name=name, **flags)


def test_by_day_in_utc_with_the_edges_of_the_day(engine):
    assert figures(engine, Grouping.DAY, RANGE) == [
        row("2026-11-01", 2, 1, {"USD": "2.00"}, markers_left=1),  # E1 23:59:59, E3 (Beijing)
        # E2 at 00:00:00
        row("2026-11-02", 3, 3, {"EUR": "2.00", "USD": "5.00"},
            hand_edited=3, over_policy=1, markers_left=1),
        row("2026-11-03", 5, 3, {"EUR": "1.25", "USD": "3.50", "XXX": "1.00"}),
    ]


def test_one_day_holds_exactly_its_own_entries(engine):
    first = StatsFilter(SINCE, SINCE)
    assert [r.key for r in figures(engine, Grouping.DAY, first)] == ["2026-11-01"]
    assert totals(engine, first).replies == 2  # E1 and E3, not E10 (…59.999999 the day before)
    assert [e.id for e in entries_behind(engine, Grouping.DAY, "2026-11-01")] == [E1.id, E3.id]
    eve = StatsFilter(dt.date(2026, 10, 31), dt.date(2026, 10, 31))
    assert [e.id for e in entries_behind(engine, Grouping.CASE, "quality-stained", eve)] \
        == [E10.id]
    after = StatsFilter(dt.date(2026, 11, 4), dt.date(2026, 11, 4))
    assert figures(engine, Grouping.DAY, after) == [row("2026-11-04", 1, 1, {"USD": "7.00"})]


def test_by_case_most_replies_first(engine):
    assert figures(engine, Grouping.CASE, RANGE) == [
        row("quality-stained", 4, 4, {"EUR": "3.25", "USD": "7.00"},
            hand_edited=2, over_policy=1, markers_left=1),
        row("customs-tax", 1),
        row("missing-item", 1, 1, {"USD": "3.50"}),
        row("not-received-in-transit", 1, markers_left=1),
        row("order-received-thanks", 1),
        row("shipping-method-changed", 1, 1, {"XXX": "1.00"}),
        row("wrong-item", 1, 1, hand_edited=1),
    ]


def test_by_action_an_entry_counts_under_each_action_it_offered(engine):
    assert figures(engine, Grouping.ACTION, RANGE) == [
        row("partial_refund", 6, 6, {"EUR": "3.25", "USD": "10.50", "XXX": "1.00"},
            hand_edited=2, over_policy=1, markers_left=1),
        row("resend", 2, 2, {"USD": "3.50"}, hand_edited=1),
        row("next_order_discount", 1, 1, {"USD": "2.00"}),
        row("no_refund", 1),
        row("reimburse_cost", 1, 1, {"USD": "2.00"}),
        row("wait", 1, markers_left=1),
        row(None, 1),  # E8 offered nothing
    ]


def test_by_agent(engine):
    assert figures(engine, Grouping.AGENT, RANGE) == [
        row("Lily", 5, 4, {"EUR": "1.25", "USD": "2.00", "XXX": "1.00"},
            hand_edited=1, over_policy=0, markers_left=1),
        row("Bo", 3, 2, {"EUR": "2.00", "USD": "5.00"},
            hand_edited=2, over_policy=1, markers_left=1),
        row("王芳", 1, 1, {"USD": "3.50"}),
        row(None, 1),
    ]


def test_by_product_a_sku_or_else_the_name(engine):
    assert figures(engine, Grouping.PRODUCT, RANGE) == [
        row("TS-WHITE-L", 4, 4, {"EUR": "3.25", "USD": "7.00"},
            hand_edited=2, over_policy=1, markers_left=1,
            name="white cotton T-shirt"),
        row(None, 3, 1, {"XXX": "1.00"}),  # E7, E8, E12: no product known
        row("MUG-01", 2, 1, {"USD": "3.50"}, markers_left=1, name="陶瓷马克杯"),
        row("phone case", 1, 1, hand_edited=1, name="phone case"),
    ]


def test_the_totals_keep_currencies_apart(engine):
    expected = row(None, 10, 7, {"EUR": "3.25", "USD": "10.50", "XXX": "1.00"},
        hand_edited=3, over_policy=1, markers_left=2)
    assert totals(engine, RANGE) == expected
    assert expected.hand_edit_rate == pytest.approx(0.3)
    for by in Grouping:  # summed from the rows, or (by action) counted anew: the same
        assert report(engine, by, RANGE).totals == expected, by
    everything = totals(engine)
    assert (everything.replies, everything.compensation["USD"]) == (12, D("27.49"))


def test_an_empty_range_has_no_rows_zero_totals_and_no_entries(engine):
    december = StatsFilter(dt.date(2026, 12, 1), dt.date(2026, 12, 31))
    for by in Grouping:
        assert figures(engine, by, december) == []
        found = report(engine, by, december)
        assert (found.rows, found.totals) == ([], FigureRow(None))
    assert totals(engine, december).hand_edit_rate == 0.0
    assert entries_behind(engine, Grouping.CASE, "quality-stained", december) == []


@pytest.mark.parametrize(("wanted", "expected"), [
    (StatsFilter(SINCE, UNTIL, agent="Bo"), {"quality-stained": 2, "customs-tax": 1}),
    (StatsFilter(SINCE, UNTIL, agent=" Bo "), {"quality-stained": 2, "customs-tax": 1}),
    (StatsFilter(SINCE, UNTIL, store="阳光家居"), {"wrong-item": 1, "missing-item": 1}),
    (StatsFilter(SINCE, UNTIL, marketplace="dhgate"), {"wrong-item": 1, "missing-item": 1}),
    (StatsFilter(SINCE, UNTIL, case_id="quality-stained"), {"quality-stained": 4}),
    (StatsFilter(SINCE, UNTIL, product="MUG-01"),
     {"not-received-in-transit": 1, "missing-item": 1}),
    (StatsFilter(SINCE, UNTIL, product="陶瓷马克杯"),  # a product's name finds it too
     {"not-received-in-transit": 1, "missing-item": 1}),
    (StatsFilter(SINCE, UNTIL, product="phone case"), {"wrong-item": 1}),
    (StatsFilter(SINCE, UNTIL, agent="Bo", case_id="wrong-item"), {}),
    (StatsFilter(), {"quality-stained": 6, "customs-tax": 1, "missing-item": 1,
                     "not-received-in-transit": 1, "order-received-thanks": 1,
                     "shipping-method-changed": 1, "wrong-item": 1}),
    (StatsFilter(since=dt.date(2026, 11, 3)), {"quality-stained": 2, "customs-tax": 1,
                                               "missing-item": 1, "order-received-thanks": 1,
                                               "shipping-method-changed": 1}),
    (StatsFilter(until=dt.date(2026, 11, 1)), {"quality-stained": 2,
                                               "not-received-in-transit": 1}),
])
def test_filters(engine, wanted, expected):
    assert {r.key: r.replies for r in figures(engine, Grouping.CASE, wanted)} == expected


def test_filtered_money_stays_with_its_entries(engine):
    bo = figures(engine, Grouping.CASE, StatsFilter(SINCE, UNTIL, agent="Bo"))
    assert bo[0] == row("quality-stained", 2, 2, {"EUR": "2.00", "USD": "5.00"},
        hand_edited=2, over_policy=1, markers_left=1)


@pytest.mark.parametrize(("by", "key", "expected"), [
    (Grouping.CASE, "quality-stained", [E9, E5, E2, E1]),
    (Grouping.ACTION, "resend", [E6, E4]),
    (Grouping.ACTION, "partial_refund", [E12, E9, E6, E5, E2, E1]),
    (Grouping.ACTION, None, [E8]),
    (Grouping.AGENT, None, [E8]),
    (Grouping.AGENT, "王芳", [E6]),
    (Grouping.PRODUCT, "phone case", [E4]),
    (Grouping.PRODUCT, "MUG-01", [E6, E3]),
    (Grouping.PRODUCT, None, [E12, E8, E7]),
    (Grouping.DAY, "2026-11-02", [E5, E4, E2]),
])
def test_the_entries_behind_a_row_newest_first(engine, by, key, expected):
    found = entries_behind(engine, by, key, RANGE)
    assert [e.id for e in found] == [e.id for e in expected]
    # The figure and its entries agree: a row's replies are the entries behind it.
    figure = next(r for r in figures(engine, by, RANGE) if r.key == key)
    assert figure.replies == len(found)


def test_an_entry_line_carries_what_the_list_shows(engine):
    (line,) = entries_behind(engine, Grouping.DAY, "2026-11-02", RANGE, limit=1)
    assert (line.order_id, line.agent, line.case_id, line.actions) == (
        E5.order_id, "Bo", "quality-stained", ("partial_refund",))
    assert (line.refund_amount, line.refund_currency) == (D("5.00"), "USD")
    assert line.hand_edited and line.over_policy and line.markers_left
    assert line.logged_at == E5.logged_at and line.logged_at.tzinfo is not None
    (beijing,) = entries_behind(engine, Grouping.CASE, "not-received-in-transit", RANGE)
    assert beijing.logged_at == dt.datetime(2026, 11, 1, 23, 30, tzinfo=dt.timezone.utc)


def test_the_team_view_shows_buyers_by_order_number_only(engine):
    found = entries_behind(engine, Grouping.CASE, "quality-stained", RANGE, TEAM)
    assert [e.buyer for e in found] == [None] * 4
    assert [e.order_id for e in found] == [E9.order_id, E5.order_id, E2.order_id, E1.order_id]
    texts = " ".join(e.text for e in found)
    for name in ("Maria", "Silva", "José", "Álvarez", "Pierre"):
        assert name not in texts
    assert found[-1].text.startswith("Dear ***,\nE1: about order")
    (li_na,) = entries_behind(engine, Grouping.CASE, "not-received-in-transit", RANGE)
    assert li_na.text.startswith("Dear ***,") and "Delivery is on its way" in li_na.text


def test_an_agents_own_view_shows_only_their_entries_with_buyers(engine):
    lily = View.own("Lily")
    assert [r.key for r in figures(engine, Grouping.AGENT, RANGE, lily)] == ["Lily"]
    assert totals(engine, RANGE, lily).replies == 5
    assert report(engine, Grouping.CASE, RANGE, lily).wanted.agent == "Lily"
    found = entries_behind(engine, Grouping.CASE, "quality-stained", RANGE, lily)
    assert [(e.id, e.buyer) for e in found] == [(E9.id, "Maria Silva"), (E1.id, "Maria Silva")]
    assert found[0].text.startswith("Dear Maria Silva,")
    with pytest.raises(StatsError, match="Lily's own view shows only Lily's"):
        figures(engine, Grouping.CASE, StatsFilter(agent="Bo"), lily)
    assert entries_behind(engine, Grouping.AGENT, "Bo", RANGE, lily) == []


def test_the_filters_offer_what_the_log_holds(engine):
    from app.stats.figures import filter_choices

    assert filter_choices(engine) == {
        "agent": ["Bo", "Lily", "王芳"], "store": ["Sunny Store", "阳光家居"],
        "marketplace": ["aliexpress", "dhgate"],
        "case_id": ["customs-tax", "missing-item", "not-received-in-transit",
                    "order-received-thanks", "quality-stained", "shipping-method-changed",
                    "wrong-item"],
        "product": ["MUG-01", "TS-WHITE-L"]}
    assert filter_choices(engine, View.own("Bo"))["case_id"] == ["customs-tax",
                                                                  "quality-stained"]


def test_every_day_fills_the_days_nobody_replied(engine):
    rows = figures(engine, Grouping.DAY, StatsFilter(dt.date(2026, 10, 30), SINCE))
    days = StatsFilter(dt.date(2026, 10, 30), SINCE).days()
    assert [(r.key, r.replies) for r in every_day(rows, days)] == [
        ("2026-10-30", 0), ("2026-10-31", 1), ("2026-11-01", 2)]


def test_a_bad_day_key_is_a_stats_error(engine):
    with pytest.raises(StatsError, match="not a day"):
        entries_behind(engine, Grouping.DAY, "yesterday")


# Who may see what (no database needed).

def test_the_team_view_needs_the_team_database(tmp_path):
    data = UserData(tmp_path)
    desk = "sqlite:///" + (tmp_path / "reply-composer.sqlite3").as_posix()
    assert not access.is_team_database(desk, data)
    assert access.is_team_database("postgresql://rc@db.example/team", data)
    assert access.choose_view(True, "Lily") == TEAM
    assert access.choose_view(False, "Lily") == View.own("Lily")
    assert access.choose_view(True, "Lily", team=False) == View.own("Lily")
    with pytest.raises(StatsError, match="team view needs the team database"):
        access.choose_view(False, "Lily", team=True)
    with pytest.raises(StatsError, match="needs your agent name"):
        access.choose_view(False, None)
    (tmp_path / "profile.json").write_text('{"agent_name": " Lily "}', encoding="utf-8")
    assert access.profile_agent(data) == "Lily"


def test_a_range_that_ends_before_it_starts_is_refused():
    with pytest.raises(StatsError, match="starts on 2026-11-03, after it ends"):
        StatsFilter(UNTIL, SINCE)
    with pytest.raises(StatsError, match="group by one of day, case, action, agent, product"):
        Grouping.named("week")


def test_a_buyers_name_leaves_the_text_as_whole_words_only():
    line = EntryLine(E3.id, E3.logged_at, "Lily", None, None, "1", "Li Na", "wrong-item", (),
                     None, None, False, False, False, None, None,
                     "Dear Li,\nDelivery to Lina and LI NA. Ali")
    shown = without_buyer(line)
    assert shown.text == "Dear ***,\nDelivery to Lina and ***. Ali"
    assert shown.buyer is None
    assert without_buyer(line._replace(buyer=" ")).text == line.text


# A bigger, generated log (the bench's, 2,000 entries): the figures against a plain count in
# Python, and proof that the database did the counting.

GENERATED = 2_000


@pytest.fixture(scope="module", params=ENGINES)
def generated(request, tmp_path_factory):
    from bench.caselog_data import fill

    with database(request.param, tmp_path_factory.mktemp("generated")) as url, \
            opened(url) as found:
        fill(found, GENERATED)
        yield found


def counted(by: Grouping, wanted: StatsFilter) -> dict[str | None, tuple]:
    """The figures of bench.caselog_data's entries, counted one by one."""
    from bench.caselog_data import entries

    found: dict[str | None, list] = {}
    for entry in entries(GENERATED):
        at = entry["logged_at"]
        if (wanted.start and at < wanted.start) or (wanted.end and at >= wanted.end):
            continue
        if wanted.agent and entry["agent"] != wanted.agent:
            continue
        keys = {Grouping.DAY: [at.date().isoformat()], Grouping.CASE: [entry["case_id"]],
                Grouping.ACTION: list(entry["actions"]) or [None],
                Grouping.AGENT: [entry["agent"]],
                Grouping.PRODUCT: [entry["sku"] or entry["product"]]}[by]
        for key in keys:
            figure = found.setdefault(key, [0, 0, {}, 0, 0, 0])
            figure[0] += 1
            figure[1] += entry["compensated"]
            if entry["refund_amount"] is not None:
                money = figure[2]
                money[entry["refund_currency"]] = (money.get(entry["refund_currency"], D(0))
                                                   + entry["refund_amount"])
            figure[3] += entry["hand_edited"]
            figure[4] += entry["over_policy"]
            figure[5] += entry["markers_left"]
    return {key: (f[0], f[1], {c: a.quantize(D("0.01")) for c, a in sorted(f[2].items())},
                  f[3], f[4], f[5]) for key, f in found.items()}


@pytest.mark.parametrize("by", list(Grouping))
@pytest.mark.parametrize("wanted", [
    StatsFilter(dt.date(2026, 3, 1), dt.date(2026, 5, 31)), StatsFilter(agent="王芳")])
def test_generated_figures_match_a_count_one_by_one(generated, by, wanted):
    shown = {r.key: (r.replies, r.compensated, dict(r.compensation), r.hand_edited,
                     r.over_policy, r.markers_left) for r in figures(generated, by, wanted)}
    assert shown == counted(by, wanted)


def test_the_database_counts_and_python_gets_a_row_per_key_and_currency(generated, monkeypatch):
    from app.stats import figures as module

    sizes = []
    read = module._read

    def spy(engine, *statements):
        found = read(engine, *statements)
        sizes.append(len(found))
        return found

    monkeypatch.setattr(module, "_read", spy)
    rows = figures(generated, Grouping.AGENT)
    assert sum(r.replies for r in rows) == GENERATED
    assert sizes[0] <= len(rows) * 4  # per agent: USD, EUR, RUB and no refund
    assert totals(generated).replies == GENERATED and sizes[-1] <= 4
