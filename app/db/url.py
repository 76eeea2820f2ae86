"""Which database to open: `--db URL`, then `REPLY_COMPOSER_DB`, then the user's setting, then
a SQLite file in the user data folder. A team URL is plain libpq (`postgresql://user@host:port/
db?sslmode=require`); the app picks the driver. A password is never part of a URL: libpq reads
PGPASSWORD or ~/.pgpass itself, and the OS keychain is asked when `keyring` is installed."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from app.errors import ComposerError
from app.user.config import load_config
from app.user.paths import UserData

__all__ = ["DATABASE_FILE", "ENV_VAR", "KEYRING_SERVICE", "DatabaseUrlError", "checked_url",
           "database_url", "default_url", "driver_url", "is_sqlite", "keychain_name",
           "keychain_password", "save_keychain_password"]

ENV_VAR = "REPLY_COMPOSER_DB"
DATABASE_FILE = "reply-composer.sqlite3"
KEYRING_SERVICE = "reply-composer"
_POSTGRES_SCHEMES = ("postgresql", "postgres")
_FORMS = "use sqlite:///PATH or postgresql://user@host:port/database"


class DatabaseUrlError(ComposerError):
    """A database URL the app won't use (unknown kind, or a password written in it)."""


def database_url(cli_url: str | None, data: UserData,
                 environ: Mapping[str, str] | None = None) -> str:
    """The URL in force, checked: the first of `--db`, REPLY_COMPOSER_DB and the saved
    setting that is given, else the SQLite file in the user data folder."""
    env = os.environ if environ is None else environ
    for candidate in (cli_url, env.get(ENV_VAR), load_config(data.config).database_url):
        if candidate and candidate.strip():
            return checked_url(candidate.strip())
    return default_url(data)


def default_url(data: UserData) -> str:
    return "sqlite:///" + (data.root / DATABASE_FILE).as_posix()


def checked_url(url: str) -> str:
    """The URL as given, when it names SQLite or PostgreSQL and carries no password."""
    scheme = url.partition("://")[0].lower() if "://" in url else ""
    if scheme == "sqlite":
        return url
    if scheme not in _POSTGRES_SCHEMES:
        raise DatabaseUrlError(f"database URL {_shown(url)!r}: {_FORMS}")
    parts = urlsplit(url)
    in_query = any(key.lower() == "password" for key, _ in parse_qsl(parts.query))
    if parts.password is not None or in_query:
        raise DatabaseUrlError(
            "the database URL holds a password, and the app never stores one in plain text: "
            "remove it from the URL and set PGPASSWORD, put it in ~/.pgpass (pgpass.conf on "
            "Windows), or save it in the system keychain (File › Team database…)")
    return url


def _shown(url: str) -> str:
    """The URL without what could be a password, for a message."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    return url.replace(f":{parts.password}@", ":***@", 1)


def is_sqlite(url: str) -> bool:
    return url.lower().startswith("sqlite:")


def driver_url(url: str) -> str:
    """The URL SQLAlchemy connects with: PostgreSQL through psycopg 3."""
    scheme, sep, rest = url.partition("://")
    if sep and scheme.lower() in _POSTGRES_SCHEMES:
        return f"postgresql+psycopg://{rest}"
    return url


def keychain_name(url: str) -> str:
    """The account a team database's password is kept under in the keychain."""
    parts = urlsplit(url)
    port = parts.port or 5432
    return f"{parts.username or ''}@{parts.hostname or 'localhost'}:{port}{parts.path}"


def keychain_password(url: str) -> str | None:
    """The password saved in the OS keychain for this team database; None without `keyring`
    or a saved password. PGPASSWORD, when set, wins (libpq reads it itself)."""
    if is_sqlite(url) or os.environ.get("PGPASSWORD"):
        return None
    keyring = _keyring()
    if keyring is None:
        return None
    try:
        password = keyring.get_password(KEYRING_SERVICE, keychain_name(url))
    except (keyring.errors.KeyringError, RuntimeError):  # no usable backend on this machine
        return None
    return password if isinstance(password, str) else None


def save_keychain_password(url: str, password: str) -> bool:
    """Keep the team database's password in the OS keychain; False when that can't be done
    (no `keyring`, or no backend): then PGPASSWORD or pgpass is the way."""
    keyring = _keyring()
    if keyring is None:
        return False
    try:
        keyring.set_password(KEYRING_SERVICE, keychain_name(checked_url(url)), password)
    except (keyring.errors.KeyringError, RuntimeError):
        return False
    return True


def _keyring() -> Any:
    """The `keyring` package when installed (it is optional: PGPASSWORD and pgpass need
    nothing), imported by name so a machine without it type-checks and runs the same."""
    import importlib

    try:
        module = importlib.import_module("keyring")
        importlib.import_module("keyring.errors")
    except ImportError:
        return None
    return module
