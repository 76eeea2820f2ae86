"""`reply-composer stats` on both engines, over the hand-worked log of tests/stats_samples.py:
the JSON rows, the table, the entries behind a row, CSV (with its BOM) and XLSX files, the
views (own, team) and what bad input says."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.caselog.log import CaseLog
from app.cli.main import main
from app.db.url import default_url
from app.user.paths import UserData
from tests.stats_samples import ALL, E1, E2, E5, E9
from tests.test_db_engines import ENGINES, ROOT, database, opened

RANGE = ("--since", "2026-11-01", "--until", "2026-11-03")
QUALITY = {"key": "quality-stained", "replies": 4, "compensated": 4,
           "compensation": {"EUR": 3.25, "USD": 7.0}, "hand_edited": 2, "hand_edit_rate": 0.5,
           "over_policy": 1, "markers_left": 1}


@pytest.fixture(scope="module", params=ENGINES)
def team_url(request, tmp_path_factory):
    """A team database (given with --db) holding the sample log."""
    with database(request.param, tmp_path_factory.mktemp("team")) as url:
        with opened(url) as engine:
            CaseLog(engine).record_many(ALL)
        yield url


@pytest.fixture()
def home(tmp_path, monkeypatch) -> UserData:
    """The user data folder, its profile signed Lily; no database set anywhere."""
    data = UserData(tmp_path / "reply-composer")
    data.root.mkdir()
    data.profile.write_text('{"agent_name": "Lily"}', encoding="utf-8")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    monkeypatch.delenv("REPLY_COMPOSER_DB", raising=False)
    return data


def stats(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["stats", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_json_rows_as_the_issue_shows_them(team_url, home, capsys):
    code, out, _ = stats(capsys, "--db", team_url, *RANGE, "--by", "case", "--json")
    assert code == 0
    rows = json.loads(out)
    assert rows[0] == QUALITY
    assert [r["key"] for r in rows] == [
        "quality-stained", "customs-tax", "missing-item", "not-received-in-transit",
        "order-received-thanks", "shipping-method-changed", "wrong-item"]
    assert rows[5]["compensation"] == {"XXX": 1.0}  # logged without a currency: kept apart


def test_json_by_product_names_the_product(team_url, home, capsys):
    _, out, _ = stats(capsys, "--db", team_url, *RANGE, "--by", "product", "--json")
    rows = {r["key"]: r for r in json.loads(out)}
    assert rows["MUG-01"]["name"] == "陶瓷马克杯" and rows["MUG-01"]["replies"] == 2
    assert "name" not in rows[None]


def test_the_table_has_a_column_per_currency_and_the_totals(team_url, home, capsys):
    code, out, _ = stats(capsys, "--db", team_url, *RANGE, "--by", "day")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Replies from 2026-11-01 to 2026-11-03 (UTC), by day"
    header = lines[1].split("  ")
    assert [h.strip() for h in header if h.strip()] == [
        "day (UTC)", "replies", "compensated", "compensation EUR", "compensation USD",
        "compensation (no currency)", "hand-edited", "hand-edit rate", "over the policy",
        "copied with markers"]
    assert lines[3].split() == ["2026-11-01", "2", "1", "2.00", "0", "0.0%", "0", "1"]
    assert lines[-1].split() == ["total", "10", "7", "3.25", "10.50", "1.00", "3", "30.0%", "1",
                                 "2"]


def test_filters_and_the_agents_own_view(team_url, home, capsys):
    _, out, _ = stats(capsys, "--db", team_url, *RANGE, "--agent", "Bo", "--json")
    assert {r["key"]: r["replies"] for r in json.loads(out)} == {"quality-stained": 2,
                                                                  "customs-tax": 1}
    _, out, _ = stats(capsys, "--db", team_url, *RANGE, "--mine", "--by", "agent", "--json")
    assert [(r["key"], r["replies"]) for r in json.loads(out)] == [("Lily", 5)]
    code, _, err = stats(capsys, "--db", team_url, "--mine", "--agent", "Bo")
    assert code == 2 and "Lily's own view shows only Lily's figures, not Bo's" in err


def test_the_entries_behind_a_row_in_the_team_view_name_no_buyer(team_url, home, capsys):
    code, out, _ = stats(capsys, "--db", team_url, *RANGE, "--entries", "quality-stained",
                         "--json")
    assert code == 0
    found = json.loads(out)
    assert [e["order_id"] for e in found] == [E9.order_id, E5.order_id, E2.order_id,
                                              E1.order_id]
    assert {e["buyer"] for e in found} == {None}
    assert "Maria" not in out and "Pierre" not in out and "José" not in out
    _, text, _ = stats(capsys, "--db", team_url, *RANGE, "--entries", "quality-stained")
    assert text.splitlines()[0].startswith(
        f"2026-11-03 17:00 UTC  Lily  {E9.order_id}  quality-stained  partial_refund 1.25 EUR"
        "  Dear ***,")


def test_the_own_view_shows_the_agents_buyers(team_url, home, capsys):
    _, out, _ = stats(capsys, "--db", team_url, *RANGE, "--mine", "--entries",
                      "quality-stained", "--json")
    assert [(e["order_id"], e["buyer"]) for e in json.loads(out)] == [
        (E9.order_id, "Maria Silva"), (E1.order_id, "Maria Silva")]


def test_the_desks_own_database_gives_the_agents_view_and_no_team_view(home, capsys):
    with opened(default_url(home)) as engine:
        CaseLog(engine).record_many(ALL)
    _, out, _ = stats(capsys, *RANGE, "--by", "agent", "--json")
    assert [r["key"] for r in json.loads(out)] == ["Lily"]
    code, out, err = stats(capsys, "--team")
    assert code == 2 and out == ""
    assert "the team view needs the team database" in err


def test_an_agent_without_a_name_is_told_how_to_set_it(home, capsys):
    home.profile.unlink()
    code, _, err = stats(capsys, "--by", "case")
    assert code == 2 and "needs your agent name" in err


def test_an_empty_range(team_url, home, capsys):
    december = ("--since", "2026-12-01", "--until", "2026-12-31")
    code, out, _ = stats(capsys, "--db", team_url, *december, "--json")
    assert (code, json.loads(out)) == (0, [])
    code, out, err = stats(capsys, "--db", team_url, *december)
    assert (code, out) == (0, "")
    assert "no replies logged from 2026-12-01 to 2026-12-31 (UTC)" in err


def test_csv_has_a_bom_and_excel_reads_the_chinese(team_url, home, capsys, tmp_path):
    path = tmp_path / "by-agent.csv"
    code, _, err = stats(capsys, "--db", team_url, *RANGE, "--by", "agent", "--csv", str(path))
    assert code == 0 and f"wrote 4 rows and the total to {path}" in err
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == ["agent", "replies", "compensated", "compensation EUR",
                       "compensation USD", "compensation (no currency)", "hand-edited",
                       "hand-edit rate",
                       "over the policy", "copied with markers"]
    assert rows[1] == ["Lily", "5", "4", "1.25", "2.00", "1.00", "1", "0.2000", "0", "1"]
    assert rows[3] == ["王芳", "1", "1", "", "3.50", "", "0", "0.0000", "0", "0"]
    assert rows[4][0] == "(none)" and rows[-1][:3] == ["total", "10", "7"]


def test_xlsx_holds_numbers_a_spreadsheet_computes_with(team_url, home, capsys, tmp_path):
    import openpyxl

    path = tmp_path / "by-case.xlsx"
    assert stats(capsys, "--db", team_url, *RANGE, "--xlsx", str(path))[0] == 0
    sheet = openpyxl.load_workbook(path).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][:4] == ("case", "replies", "compensated", "compensation EUR")
    assert values[1][:5] == ("quality-stained", 4, 4, 3.25, 7)
    assert values[-1][:3] == ("total", 10, 7)
    assert sheet.title == "by case" and sheet.freeze_panes == "A2"


@pytest.mark.parametrize(("args", "says"), [
    (("--since", "2026-13-01"), "--since: '2026-13-01' is not a date"),
    (("--until", "yesterday"), "--until: "),
    (("--by", "week"), "--by 'week': group by one of day, case, action, agent, product"),
    (("--since", "2026-12-01", "--until", "2026-11-01"),
     "--since: 2026-12-01 is after --until 2026-11-01"),
])
def test_bad_input_names_the_option_and_exits_2(home, capsys, args, says):
    code, out, err = stats(capsys, "--db", "sqlite:///unused.sqlite3", *args)
    assert (code, out) == (2, "")
    assert err.startswith("reply-composer: ") and says in err and err.count("\n") == 1


def test_bad_input_in_a_real_process_has_no_traceback(tmp_path):
    done = subprocess.run([sys.executable, "-m", "app", "stats", "--since", "2026-12-01",
                           "--until", "2026-11-01"], cwd=ROOT, capture_output=True, text=True,
                          timeout=60, check=False,
                          env={"XDG_DATA_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr and "--since" in done.stderr


def test_a_database_that_cannot_be_reached_is_one_line(home, capsys):
    code, _, err = stats(capsys, "--db", "postgresql://nobody@127.0.0.1:9/none")
    assert code == 2 and "is not available" in err and "Traceback" not in err


def test_csv_refuses_to_turn_a_product_name_into_a_formula(tmp_path):
    from app.stats.export import table_of, write_csv
    from app.stats.filters import Grouping
    from app.stats.rows import FigureRow

    table = table_of(Grouping.PRODUCT, [FigureRow("=HYPERLINK(\"x\")", 1, name="@evil")])
    path = tmp_path / "p.csv"
    write_csv(path, table)
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    assert rows[1][:2] == ["'=HYPERLINK(\"x\")", "'@evil"]


def test_an_export_that_cannot_be_written_says_where(team_url, home, capsys, tmp_path):
    target = Path(tmp_path / "no-such-folder" / "x.csv")
    target.parent.write_text("a file, not a folder", encoding="utf-8")
    code, _, err = stats(capsys, "--db", team_url, *RANGE, "--csv", str(target))
    assert code == 2 and f"cannot write {target}" in err


def test_recount_counts_replies_an_older_desk_logged_into_an_upgraded_database(tmp_path, home,
                                                                               capsys):
    # A desk still running the version before the figures' summaries writes case_log only.
    from app.caselog.log import _row
    from app.db.engine import writing
    from app.db.schema import case_log

    with database("sqlite", tmp_path) as url:
        with opened(url) as engine:
            CaseLog(engine).record_many(ALL[1:])
            with writing(engine) as connection:
                connection.execute(case_log.insert(), [_row(ALL[0])])
        _, before, _ = stats(capsys, "--db", url, "--team", "--by", "case", "--json")
        code, out, _ = stats(capsys, "--db", url, "--recount")
        assert code == 0 and f"counted {len(ALL)} logged replies" in out
        _, after, _ = stats(capsys, "--db", url, "--team", "--by", "case", "--json")
    replies = [sum(row["replies"] for row in json.loads(text)) for text in (before, after)]
    assert replies == [len(ALL) - 1, len(ALL)]
