"""Opening the database: an engine for the URL (SQLite in WAL mode with foreign keys, or
PostgreSQL through psycopg 3), migrated to the newest revision by Alembic before first use (a
new database is made at the newest revision at once)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from app.db.schema import HEAD
from app.db.sql import register_text_adapters, use_wal
from app.db.url import checked_url, driver_url, is_sqlite, keychain_password
from app.errors import ComposerError

if TYPE_CHECKING:
    from sqlalchemy import Connection, Dialect, Engine

T = TypeVar("T")
MIGRATIONS = Path(__file__).with_name("migrations")
SQLITE_BUSY_SECONDS = 30.0  # how long a writer waits for another (an import holds the lock)
CONNECT_SECONDS = 5  # a team server that hasn't answered by then counts as offline
IDLE_PING_SECONDS = 10.0  # a pooled connection unused this long is pinged before use
# pg_advisory_xact_lock key: two desks opening a new team database migrate one after the other.
_MIGRATING = threading.Lock()
_MIGRATION_LOCK = 0x5243_4442_0001
_WRITE = "reply_composer_write"  # execution option: take SQLite's write lock at BEGIN


class DatabaseUnavailable(ComposerError):
    """The database can't be reached now (server down, file not reachable, lock timed out):
    what waits in the outbox stays there, and the caller tries again later."""

    def __init__(self, where: str, reason: str) -> None:
        self.where = where
        self.reason = reason
        super().__init__(f"database {where} is not available: {reason}")


def open_database(url: str) -> Engine:
    """An engine for the URL, its database migrated to the newest revision.

    Raises DatabaseUnavailable when it can't be reached, DatabaseUrlError for a URL the app
    won't use, ComposerError for a database that a newer version of the app has migrated."""
    engine = create_engine_for(url)
    try:
        with unavailable_as_error(str(engine.url)):
            _make_folder(engine)
            migrate(engine)
    except BaseException:
        engine.dispose()
        raise
    return engine


def create_engine_for(url: str) -> Engine:
    """The engine alone: nothing is connected until first use."""
    from sqlalchemy import create_engine, event

    url = checked_url(url)
    if is_sqlite(url):
        register_text_adapters()  # for the order import's executemany
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_SECONDS})
        event.listen(engine, "connect", _sqlite_connected)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    connect_args: dict[str, Any] = {"connect_timeout": CONNECT_SECONDS,
                                    "application_name": "reply-composer"}
    password = keychain_password(url)
    if password is not None:  # never in the URL: it would show in messages and logs
        connect_args["password"] = password
    engine = create_engine(driver_url(url), connect_args=connect_args)
    event.listen(engine, "checkin", _idle_from_now)
    event.listen(engine, "checkout", partial(_ping_if_idle, engine.dialect))
    return engine


def _idle_from_now(_dbapi_connection: Any, record: Any) -> None:
    record.info["idle_since"] = time.monotonic()


def _ping_if_idle(dialect: Dialect, dbapi_connection: Any, record: Any, _proxy: Any) -> None:
    """Ping a pooled connection that sat unused a while before handing it out (the server may
    have restarted since); one used moments ago (a lookup per keystroke) is not pinged: a
    ping is a round trip, more than the lookup's own time on a slow network."""
    from sqlalchemy.exc import DisconnectionError

    idle_since = record.info.get("idle_since")
    if idle_since is None or time.monotonic() - idle_since < IDLE_PING_SECONDS:
        return
    try:
        dialect.do_ping(dbapi_connection)
    except Exception as exc:
        raise DisconnectionError(str(exc)) from exc  # the pool connects anew and retries


def once_more_if_reconnected(action: Callable[[], T]) -> T:
    """Run `action`, and once more if it failed on a connection the server had dropped (a
    restart within IDLE_PING_SECONDS of its last use): the pool has replaced them all by then.
    Only for reads and idempotent writes."""
    from sqlalchemy.exc import DBAPIError

    try:
        return action()
    except DBAPIError as exc:
        if not exc.connection_invalidated:
            raise
    return action()


def _make_folder(engine: Engine) -> None:
    database = engine.url.database if engine.dialect.name == "sqlite" else None
    if database and database != ":memory:" and not database.startswith("file:"):
        Path(database).parent.mkdir(parents=True, exist_ok=True)


def _sqlite_connected(dbapi_connection: Any, _record: Any) -> None:
    # The driver's own transaction handling begins late and never as IMMEDIATE; with
    # isolation_level None it leaves BEGIN to _sqlite_begin.
    if dbapi_connection.isolation_level is not None:
        dbapi_connection.isolation_level = None
    # WAL: readers (lookups) never wait for a writer (an import). synchronous=NORMAL is
    # durable against a crash of the app, which is what the one-transaction import needs.
    # An import's staging tables live in memory.
    use_wal(dbapi_connection, SQLITE_BUSY_SECONDS)
    for pragma in ("foreign_keys=ON", "synchronous=NORMAL", "temp_store=MEMORY"):
        dbapi_connection.execute(f"PRAGMA {pragma}")


def _sqlite_begin(connection: Connection) -> None:
    # A transaction that reads before it writes must hold the write lock from the start:
    # upgrading a read lock fails at once (SQLITE_BUSY) when another writer went first.
    write = connection.get_execution_options().get(_WRITE, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """A write transaction (committed at the end of the block, rolled back on an error)."""
    with engine.connect() as connection:
        connection.execution_options(**{_WRITE: True})
        with connection.begin():
            yield connection


@contextmanager
def reading(engine: Engine) -> Iterator[Connection]:
    """A connection for reads: on PostgreSQL in autocommit mode, which spares a lookup the
    BEGIN and ROLLBACK round trips (two of the three it would make)."""
    with engine.connect() as connection:
        if connection.dialect.name == "postgresql":
            connection.execution_options(isolation_level="AUTOCOMMIT")
        yield connection


@contextmanager
def unavailable_as_error(where: str) -> Iterator[None]:
    """Turns 'can't reach the database' errors of the driver into DatabaseUnavailable."""
    from sqlalchemy.exc import InterfaceError, OperationalError

    try:
        yield
    except (OperationalError, InterfaceError) as exc:
        reason = str(exc.orig or exc).strip().splitlines()
        raise DatabaseUnavailable(where, reason[0] if reason else type(exc).__name__) from exc
    except OSError as exc:  # the SQLite file's folder can't be made or reached
        raise DatabaseUnavailable(where, exc.strerror or str(exc)) from exc


def migrate(engine: Engine) -> None:
    """Upgrade the database to the newest revision; a database already there costs one query
    and no Alembic import, nor does a new one."""
    with engine.connect() as connection:
        if current_revision(connection) == HEAD:
            return
    # Alembic keeps its migration context in module globals: two threads of one process
    # migrating at once (two windows' workers) would share it. One at a time.
    with _MIGRATING, writing(engine) as connection:
        if connection.dialect.name == "postgresql":
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_MIGRATION_LOCK})")
        if _is_new(connection):
            _create(connection)
        else:
            _upgrade(connection)


def _is_new(connection: Connection) -> bool:
    """No table of the app's yet (another app's tables may share a team's database)."""
    from sqlalchemy import inspect

    from app.db.schema import metadata

    names = set(inspect(connection).get_table_names())
    return "alembic_version" not in names and names.isdisjoint(metadata.tables)


def _create(connection: Connection) -> None:
    """A new database: the newest schema made at once from app.db.schema and stamped with its
    revision, as Alembic's cookbook does it. The migrations make the same schema (a test
    compares the two), but Alembic takes a third of a second to import, and the order
    import's benchmark (and a desk's first start) would pay it for nothing."""
    from sqlalchemy import text

    from app.db.schema import metadata

    metadata.create_all(connection)
    connection.exec_driver_sql(  # Alembic's own table, as Alembic makes it
        "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, "
        "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))")
    connection.execute(text("INSERT INTO alembic_version (version_num) VALUES (:head)"),
                       {"head": HEAD})


def current_revision(connection: Connection) -> str | None:
    from sqlalchemy import inspect, text

    if not inspect(connection).has_table("alembic_version"):
        return None
    revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    return None if revision is None else str(revision)


def _upgrade(connection: Connection) -> None:
    from alembic import command
    from alembic.config import Config
    from alembic.util.exc import CommandError

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection  # env.py migrates over this connection
    try:
        command.upgrade(config, "head")
    except CommandError as exc:  # e.g. a revision this version of the app doesn't know
        raise ComposerError(f"cannot migrate the database: {exc} (was it made by a newer "
                            "version of Reply Composer?)") from None
