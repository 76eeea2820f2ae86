"""Small pieces the order book and the case log share: the time they stamp, the key a buyer's
name is searched by, an insert that skips rows already there, and batching. Importing this
module does not import SQLAlchemy (the window builds keys and times on its UI thread)."""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
import unicodedata
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from sqlalchemy import Connection, Insert, Table

T = TypeVar("T")
KEY_LENGTH = 120  # of the case-folded buyer name that name searches compare
# Ids per IN (…) list: far below SQLite's 32,766 variables and PostgreSQL's 65,535.
BATCH = 500
# Above every character, so `key <= x < key + TOP` is "x starts with key" on a byte-wise
# collation (UTF-8 keeps code point order).
TOP = "\U0010ffff"


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def as_utc(moment: dt.datetime) -> dt.datetime:
    """A stored time as an aware UTC datetime (SQLite gives it back naive)."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=dt.timezone.utc)
    return moment.astimezone(dt.timezone.utc)


def buyer_key(name: str | None) -> str | None:
    """What a buyer's name is found by: compatibility-normalised (full-width letters),
    case-folded, single spaces."""
    if not name:
        return None
    key = " ".join(unicodedata.normalize("NFKC", name).casefold().split())
    return key[:KEY_LENGTH] or None


def batches(items: Sequence[T], size: int = BATCH) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def insert_new(connection: Connection, table: Table) -> Insert:
    """INSERT … ON CONFLICT DO NOTHING for the connection's engine: a row whose key is there
    already (an entry sent twice) is skipped, not an error."""
    if connection.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as postgresql_insert

        return postgresql_insert(table).on_conflict_do_nothing()
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert(table).on_conflict_do_nothing()


def use_wal(connection: Any, wait_seconds: float) -> None:
    """Put a SQLite file (through a sqlite3 connection) in WAL mode: readers and a writer at
    once. Switching needs the file to itself, which another process opening the same new
    file may hold for a moment, and the busy timeout does not cover it: wait here instead."""
    deadline = time.monotonic() + wait_seconds
    while str(connection.execute("PRAGMA journal_mode").fetchone()[0]).lower() != "wal":
        try:
            connection.execute("PRAGMA journal_mode=WAL")
        except sqlite3.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def register_text_adapters() -> None:
    """Let sqlite3 take dates and Decimal amounts as text: a date's ISO form, an amount's exact
    digits (which a NUMERIC column stores as a number). Its own date adapter is deprecated
    since Python 3.12 and it has none for Decimal; converting in C as it binds spares an import
    a Python pass over every value. Process-wide, and the same each time."""
    sqlite3.register_adapter(Decimal, str)
    sqlite3.register_adapter(dt.date, dt.date.isoformat)
