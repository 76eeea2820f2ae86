"""The order book and the case log from the command line, on both engines: `orders import`,
`orders find`, `compose --order/--log` (history and warnings), `log`, `log purge`, `--db`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench.order_import import write_csv
from tests.samples import TODAY
from tests.test_db_engines import ROOT, url  # noqa: F401 — the fixture

ORDER = "3045678900000010"  # in bench.order_import's export: Buyer Name 15, two mugs


@pytest.fixture()
def home(tmp_path: Path) -> Path:
    """A user data folder whose saved profile signs as Lily."""
    folder = tmp_path / "home"
    (folder / "reply-composer").mkdir(parents=True)
    (folder / "reply-composer" / "profile.json").write_text(
        '{"agent_name": "Lily", "store_name": "Sunny Store"}', encoding="utf-8")
    return folder


def cli(home: Path, *args: str, env: dict[str, str] | None = None, stdin: str = ""
        ) -> subprocess.CompletedProcess[str]:
    environ = {**os.environ, "XDG_DATA_HOME": str(home), **(env or {})}
    if env is None:
        environ.pop("REPLY_COMPOSER_DB", None)
    return subprocess.run([sys.executable, "-m", "app", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, env=environ, check=False, input=stdin)


def ok(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 0, done.stderr
    return done.stdout


def imported(home: Path, db: str, tmp_path: Path) -> Path:
    path = write_csv(tmp_path / "orders.csv", 30)
    ok(cli(home, "--db", db, "orders", "import", str(path)))
    return path


def test_orders_import_reports_counts_and_a_reimport_changes_nothing(url, home, tmp_path):  # noqa: F811
    path = write_csv(tmp_path / "orders.csv", 30)
    first = ok(cli(home, "--db", url, "orders", "import", str(path)))
    assert first.startswith("orders.csv (dianxiaomi): 30 rows, 20 new orders, 0 updated")
    again = json.loads(ok(cli(home, "orders", "import", str(path), "--json", "--db", url)))
    assert (again["inserted"], again["updated"], again["unchanged"]) == (0, 0, 20)
    assert again["problems"] == []


def test_orders_find_by_number_and_name(url, home, tmp_path):  # noqa: F811
    imported(home, url, tmp_path)
    found = json.loads(ok(cli(home, "--db", url, "orders", "find", ORDER, "--json")))
    assert [o["buyer_name"] for o in found] == ["Buyer Name 15"]
    assert found[0]["method_changed"] is True
    assert found[0]["form_values"]["tracking_number"] == found[0]["tracking_number"]
    assert "Buyer Name 15" in ok(cli(home, "--db", url, "orders", "find", "buyer name 15"))
    missing = cli(home, "--db", url, "orders", "find", "nobody")
    assert missing.returncode == 1 and "no order matches" in missing.stderr
    message = f"Hi, my order {ORDER} from October never came. Please help!"
    pasted = json.loads(ok(cli(home, "--db", url, "orders", "find", "-", "--json",
                               stdin=message)))
    assert [o["order_id"] for o in pasted] == [ORDER]


def test_an_unknown_header_asks_for_map_and_the_mapping_is_remembered(url, home, tmp_path):  # noqa: F811
    path = tmp_path / "mine.csv"
    path.write_text("单号,客户,国家\n111222333444,Ann Lee,US\n111222333445,Bo Li,巴西\n",
                    encoding="utf-8")
    refused = cli(home, "--db", url, "orders", "import", str(path))
    assert refused.returncode == 2 and "--map order_id='单号'" in refused.stderr
    mapped = ["--map", "order_id=单号", "--map", "buyer_name=客户",
              "--map", "destination_country=国家"]
    ok(cli(home, "--db", url, "orders", "import", str(path), *mapped))
    again = json.loads(ok(cli(home, "--db", url, "orders", "import", str(path), "--json")))
    assert (again["preset"], again["unchanged"]) == ("custom", 2)
    found = json.loads(ok(cli(home, "--db", url, "orders", "find", "bo li", "--json")))
    assert found[0]["destination_country"] == "BR"


def test_compose_from_the_book_logs_and_warns_before_compensating_again(url, home, tmp_path):  # noqa: F811
    imported(home, url, tmp_path)
    args = ("--db", url, "compose", "missing-item", "--order", ORDER, "--today", TODAY,
            "--set", "missing_quantity=1", "--json")
    first = json.loads(ok(cli(home, *args, "--set", "buyer_name=Mr Fifteen", "--log",
                              "--offered", "99.99")))
    assert first["reply"].startswith("Dear Mr Fifteen")  # --set wins over the book
    assert "Ceramic cat mug 15" in first["reply"]
    assert first["history"] == []
    assert not any("Already compensated" in w for w in first["warnings"])
    second = json.loads(ok(cli(home, *args)))
    assert [e["agent"] for e in second["history"]] == ["Lily"]
    assert second["history"][0]["actions"] == ["resend", "partial_refund"]
    assert second["history"][0]["refund_amount"] == "99.99"
    assert second["history"][0]["over_policy"] is True
    warning = next(w for w in second["warnings"] if w.startswith("Already compensated"))
    assert "this order" in warning and "by Lily" in warning and "resend" in warning
    assert any("shipping-method-changed" in w for w in second["warnings"])
    unknown = cli(home, "--db", url, "compose", "missing-item", "--order", "404")
    assert unknown.returncode == 2 and "not in the order book" in unknown.stderr


def test_log_lists_filters_and_purges(url, home, tmp_path):  # noqa: F811
    imported(home, url, tmp_path)
    for order in (ORDER, "3045678900000011"):
        ok(cli(home, "--db", url, "compose", "order-unpaid", "--order", order, "--log"))
    entries = json.loads(ok(cli(home, "--db", url, "log", "--json")))
    assert {e["order_id"] for e in entries} == {ORDER, "3045678900000011"}
    mine = json.loads(ok(cli(home, "--db", url, "log", "--order", ORDER, "--json")))
    assert [e["buyer"] for e in mine] == ["Buyer Name 15"]
    assert len(json.loads(ok(cli(home, "--db", url, "log", "--buyer", "BUYER NAME 17",
                                 "--since", "2026-01-01", "--json")))) == 1
    assert ORDER in ok(cli(home, "--db", url, "log"))
    assert ok(cli(home, "--db", url, "log", "purge", "--before", "2000-01-02")).startswith(
        "deleted 0 entries")
    assert ok(cli(home, "--db", url, "log", "purge", "--before", "2100-01-01")).startswith(
        "deleted 2 entries")
    assert json.loads(ok(cli(home, "--db", url, "log", "--json"))) == []


def test_a_copy_logged_while_the_database_is_down_waits_and_is_sent_later(url, home):  # noqa: F811
    down = "postgresql://nobody@127.0.0.1:1/none"
    logged = cli(home, "--db", down, "compose", "order-unpaid", "--log", "--json")
    assert logged.returncode == 0 and json.loads(logged.stdout)["case"] == "order-unpaid"
    assert "team database offline — 1 entries waiting" in logged.stderr
    assert "history" not in json.loads(logged.stdout)
    sent = cli(home, "--db", url, "log", "send")
    assert sent.returncode == 0 and "sent 1 entries; 0 waiting" in sent.stderr
    assert len(json.loads(ok(cli(home, "--db", url, "log", "--json")))) == 1


def test_the_environment_names_the_database_when_db_is_not_given(url, home, tmp_path):  # noqa: F811
    imported(home, url, tmp_path)
    found = cli(home, "orders", "find", ORDER, env={"REPLY_COMPOSER_DB": url})
    assert ORDER in ok(found)


def test_offered_needs_log_and_an_amount(home):
    for extra in ([], ["--log", "--offered", "lots"]):
        refused = cli(home, "compose", "order-unpaid", "--offered", "5", *extra)
        assert refused.returncode == 2 and "--offered" in refused.stderr
        assert refused.stdout == ""


def test_db_given_to_the_window_is_the_one_it_opens(monkeypatch):
    from app.cli.main import DB_ENV, Hooks, main
    from app.db.url import ENV_VAR

    assert DB_ENV == ENV_VAR
    monkeypatch.setenv(ENV_VAR, "sqlite:///from-the-environment.sqlite3")
    seen = []
    hooks = Hooks(open_window=lambda library, smoke, ready: seen.append(os.environ[ENV_VAR]) or 0)
    assert main(["--db", "sqlite:///given.sqlite3"], hooks) == 0
    assert seen == ["sqlite:///given.sqlite3"]


def test_a_url_with_a_password_is_refused(home):
    refused = cli(home, "--db", "postgresql://rc:secret@127.0.0.1/db", "log")
    assert refused.returncode == 2
    assert "PGPASSWORD" in refused.stderr and "secret" not in refused.stderr


def test_the_default_database_is_a_file_in_the_user_data_folder(home, tmp_path):
    ok(cli(home, "orders", "import", str(write_csv(tmp_path / "orders.csv", 3))))
    assert (home / "reply-composer" / "reply-composer.sqlite3").is_file()


def test_plain_compose_never_imports_sqlalchemy(home):
    code = ("import sys; from app.cli.main import main; "
            "main(['compose', 'order-unpaid', '--json']); "
            "print(sorted({m.split('.')[0] for m in sys.modules} & "
            "{'sqlalchemy', 'alembic', 'psycopg'}), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, timeout=60, check=False,
                          env={**os.environ, "XDG_DATA_HOME": str(home)})
    assert done.returncode == 0 and done.stderr.strip().endswith("[]"), done.stderr
