"""Opening the database on both engines: migrations on open, SQLite's settings, which URL is
used, the psycopg driver, passwords refused. Also the helpers the other test_db_* modules use:
`database(kind, tmp_path)` gives a fresh database of either engine.

PostgreSQL runs when REPLY_COMPOSER_TEST_PG_URL names a database (e.g.
postgresql://rc@127.0.0.1:5432/reply_composer_test, the password in PGPASSWORD); each test gets
a schema of its own. Without the URL those tests skip, but under REPLY_COMPOSER_CI they fail.
"""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from app.db.engine import DatabaseUnavailable, current_revision, open_database
from app.db.schema import HEAD, metadata
from app.db.url import (
    DatabaseUrlError,
    checked_url,
    database_url,
    default_url,
    driver_url,
    keychain_name,
)
from app.user.config import AppConfig, save_config
from app.user.paths import UserData

ROOT = Path(__file__).resolve().parents[1]
PG_ENV = "REPLY_COMPOSER_TEST_PG_URL"
ENGINES = ("sqlite", "postgresql")


def pg_base_url() -> str:
    url = os.environ.get(PG_ENV, "").strip()
    if not url:
        if os.environ.get("REPLY_COMPOSER_CI"):
            pytest.fail(f"{PG_ENV} is not set: CI must run the PostgreSQL tests")
        pytest.skip(f"{PG_ENV} is not set")
    return url


def _admin(sql: str) -> None:
    import psycopg

    with psycopg.connect(pg_base_url(), autocommit=True) as connection:
        connection.execute(sql)


@contextmanager
def database(kind: str, tmp_path: Path) -> Iterator[str]:
    """The URL of an empty database: a SQLite file, or a PostgreSQL schema of its own."""
    if kind == "sqlite":
        yield "sqlite:///" + (tmp_path / "book.sqlite3").as_posix()
        return
    base = pg_base_url()
    schema = f"test_{uuid.uuid4().hex[:12]}"
    _admin(f"CREATE SCHEMA {schema}")
    try:
        yield f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3D{schema}"
    finally:
        _admin(f"DROP SCHEMA {schema} CASCADE")


@contextmanager
def opened(url: str) -> Iterator[Any]:
    engine = open_database(url)
    try:
        yield engine
    finally:
        engine.dispose()


def run_python(code: str, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=timeout, check=False)


@pytest.fixture(params=ENGINES)
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    with database(request.param, tmp_path) as found:
        yield found


# ---------------------------------------------------------------------------------------------
# Migrations on open

TABLES = {"orders", "order_items", "order_imports", "header_mappings", "case_log",
          "case_log_actions", "team_settings"}


def test_a_fresh_database_is_migrated_to_the_head_on_open(url):
    from sqlalchemy import inspect

    with opened(url) as engine, engine.connect() as connection:
        assert current_revision(connection) == HEAD
        assert set(inspect(connection).get_table_names()) >= TABLES


def migrated(url: str) -> Any:
    """An engine whose empty database Alembic migrated, revision by revision (open_database
    makes a new database at once, without Alembic)."""
    from app.db.engine import _upgrade, create_engine_for, writing

    engine = create_engine_for(url)
    with writing(engine) as connection:
        _upgrade(connection)
    return engine


def schema_of(connection: Any) -> dict[str, Any]:
    """Every table's columns, keys and indexes, as the database reports them."""
    from sqlalchemy import inspect

    found = inspect(connection)
    return {table: {
        "columns": [(c["name"], str(c["type"]), c["nullable"], c.get("default"))
                    for c in found.get_columns(table)],
        "primary": found.get_pk_constraint(table)["constrained_columns"],
        "foreign": sorted((tuple(k["constrained_columns"]), k["referred_table"],
                           tuple(k["referred_columns"])) for k in found.get_foreign_keys(table)),
        "unique": sorted(tuple(u["column_names"]) for u in found.get_unique_constraints(table)),
        "indexes": sorted((i["name"], tuple(i["column_names"]), bool(i["unique"]))
                          for i in found.get_indexes(table)),
    } for table in sorted(found.get_table_names())}


def test_the_migrations_make_exactly_the_schema_the_queries_use(url):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    engine = migrated(url)
    try:
        with engine.connect() as connection:
            assert current_revision(connection) == HEAD
            assert compare_metadata(MigrationContext.configure(connection), metadata) == []
    finally:
        engine.dispose()


@pytest.mark.parametrize("kind", ENGINES)
def test_a_new_database_is_made_at_once_as_the_migrations_make_it(kind, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    with database(kind, tmp_path / "a") as by_migrations, database(kind, tmp_path / "b") as new:
        engine = migrated(by_migrations)
        try:
            with engine.connect() as connection:
                expected = schema_of(connection)
        finally:
            engine.dispose()
        code = ("import sys; from app.db.engine import open_database; e = open_database("
                "sys.argv[1]); e.dispose(); print('alembic' in sys.modules)")
        out = run_python(code, new)
        assert out.stdout.strip() == "False", out.stderr  # made without importing Alembic
        with opened(new) as engine, engine.connect() as connection:
            assert current_revision(connection) == HEAD
            assert schema_of(connection) == expected
            assert set(expected) >= TABLES | {"alembic_version"}


def test_a_database_at_an_older_revision_is_upgraded_by_the_migrations(url):
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import inspect

    from app.db.engine import MIGRATIONS, create_engine_for, writing

    engine = create_engine_for(url)
    try:
        with writing(engine) as connection:
            config = Config()
            config.set_main_option("script_location", str(MIGRATIONS))
            config.attributes["connection"] = connection
            command.upgrade(config, "0001")
            assert "case_log_days" not in inspect(connection).get_table_names()
    finally:
        engine.dispose()
    with opened(url) as engine, engine.connect() as connection:
        assert current_revision(connection) == HEAD
        assert "case_log_days" in inspect(connection).get_table_names()


def test_a_second_open_keeps_the_data_and_skips_alembic(url):
    from sqlalchemy import insert, select

    from app.db.schema import team_settings

    with opened(url) as engine, engine.begin() as connection:
        connection.execute(insert(team_settings).values(name="probe", value="kept"))
    code = ("import sys; from app.db.engine import open_database; e = open_database(sys.argv[1]);"
            " e.dispose(); print('alembic' in sys.modules)")
    out = run_python(code, url)
    assert out.stdout.strip() == "False", out.stderr
    with opened(url) as engine, engine.connect() as connection:
        assert connection.execute(select(team_settings.c.value)).scalar() == "kept"


def test_head_is_the_newest_migration():
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from app.db.engine import MIGRATIONS

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    assert ScriptDirectory.from_config(config).get_heads() == [HEAD]


def test_two_desks_opening_a_new_database_at_once_both_succeed(url):
    code = ("import sys; from app.db.engine import open_database; "
            "open_database(sys.argv[1]).dispose()")
    procs = [subprocess.Popen([sys.executable, "-c", code, url], cwd=ROOT,
                              stderr=subprocess.PIPE, text=True) for _ in range(2)]
    errors = [proc.communicate(timeout=120)[1] for proc in procs]
    assert [proc.returncode for proc in procs] == [0, 0], errors


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path):
    with database("sqlite", tmp_path) as found, opened(found) as engine, \
            engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_a_database_that_cannot_be_reached_says_so(tmp_path):
    (tmp_path / "not-a-folder").write_text("", encoding="utf-8")
    with pytest.raises(DatabaseUnavailable):
        open_database("sqlite:///" + (tmp_path / "not-a-folder" / "x.sqlite3").as_posix())
    with pytest.raises(DatabaseUnavailable, match="not available"):
        open_database("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2")


# ---------------------------------------------------------------------------------------------
# Which URL, and what the driver gets

def test_the_url_comes_from_db_then_the_environment_then_the_setting(tmp_path):
    data = UserData(tmp_path)
    assert database_url(None, data, {}) == default_url(data)
    assert default_url(data).endswith("/reply-composer.sqlite3")
    save_config(data.config, AppConfig(database_url="postgresql://saved@db/x"))
    assert database_url(None, data, {}) == "postgresql://saved@db/x"
    env = {"REPLY_COMPOSER_DB": "postgresql://env@db/x"}
    assert database_url(None, data, env) == "postgresql://env@db/x"
    assert database_url("sqlite:///cli.sqlite3", data, env) == "sqlite:///cli.sqlite3"


def test_choosing_a_team_folder_keeps_a_database_setting_saved_meanwhile(tmp_path):
    from app.user.setup import UserSetup

    data = UserData(tmp_path)
    setup = UserSetup(data)  # loaded before the team database is chosen (another dialog)
    save_config(data.config, AppConfig(database_url="postgresql://saved@db/x"))
    setup.set_team_dir(tmp_path / "team")
    assert database_url(None, data, {}) == "postgresql://saved@db/x"


def test_a_plain_postgresql_url_gets_the_psycopg_driver():
    url = "postgresql://agent@db.example:5433/team?sslmode=require"
    assert driver_url(url) == "postgresql+psycopg://agent@db.example:5433/team?sslmode=require"
    assert driver_url("postgres://agent@db/team") == "postgresql+psycopg://agent@db/team"
    assert driver_url("sqlite:////tmp/x.sqlite3") == "sqlite:////tmp/x.sqlite3"


def test_the_engine_connects_through_psycopg_with_the_urls_tls_mode():
    from app.db.engine import create_engine_for

    engine = create_engine_for("postgresql://agent@db.example:5433/team?sslmode=require")
    assert engine.dialect.driver == "psycopg"
    assert engine.url.query["sslmode"] == "require"
    engine.dispose()


@pytest.mark.parametrize("url", ["postgresql://agent:secret@db/team",
                                 "postgresql://agent:@db/team",
                                 "postgresql://agent@db/team?password=secret"])
def test_a_url_with_a_password_is_refused_with_the_ways_to_give_one(url, tmp_path):
    with pytest.raises(DatabaseUrlError, match="PGPASSWORD") as refused:
        checked_url(url)
    assert "secret" not in str(refused.value)
    with pytest.raises(DatabaseUrlError):
        database_url(url, UserData(tmp_path), {})


def test_other_databases_are_refused_with_the_forms_that_work():
    with pytest.raises(DatabaseUrlError, match=r"sqlite:///PATH or postgresql://"):
        checked_url("mysql://root:pw@db/x")
    with pytest.raises(DatabaseUrlError):
        checked_url("/just/a/path.sqlite3")


def test_the_keychain_entry_is_named_by_user_host_port_and_database():
    assert keychain_name("postgresql://agent@db.example/team") == "agent@db.example:5432/team"


def test_the_plain_domain_modules_do_not_import_sqlalchemy():
    code = ("import sys; import app.caselog.entries, app.caselog.outbox, app.db.url, "
            "app.db.sql, app.orders.book, app.cli.orders, app.cli.log; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('sqlalchemy', 'alembic', 'psycopg')))")
    out = run_python(code)
    assert out.stdout.strip() == "[]", out.stderr
