"""The order dialogs' one way into the domain: an import of one export file, run step by step
on a worker thread the way `reply-composer orders import` runs it (the same reading, the same
remembered mappings, the same one-transaction import), the columns a person is asked to map,
and the team database setting.

The domain is imported inside each function: the window builds its menus before the first
paint, and none of this is needed until the agent opens one of these dialogs."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from difflib import SequenceMatcher
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

from ui.orders.values import (
    IMPORTING,
    OPENING,
    OWN_COLUMNS,
    READING,
    REQUIRED_FIELDS,
    DatabaseSetting,
    Failure,
    FieldChoice,
    NeedsMapping,
    PresetChoice,
)

if TYPE_CHECKING:
    from app.orders.book import ImportResult, OrderBook
    from app.orders.records import ExportReading
    from app.user.paths import UserData

log = logging.getLogger(__name__)

# Where the database URL comes from: the user data folder (read as the window reads it,
# `database_url(None, data, os.environ)`), or a function that gives the URL.
DatabaseSource: TypeAlias = "UserData | Callable[[], str]"
# (stage, done, total) from the worker thread; it raises ImportCancelled to stop the import.
Report: TypeAlias = Callable[[str, int, int], None]

MATCH_CUTOFF = 0.8  # how alike a header and a known spelling must be to be suggested
# order_labels.yaml names the compose form's fields; an export calls these two otherwise.
_LABEL_FIELDS = {"shipping_method": "actual_method", "item": "name"}


def preset_choices() -> list[PresetChoice]:
    """The export kinds, in the presets file's order (SourceError for a broken file)."""
    from app.orders.presets import load_presets

    return [PresetChoice(p.id, p.name_en, p.name_zh) for p in load_presets().values()]


def mapping_fields() -> list[FieldChoice]:
    from app.orders.records import FIELDS, ITEM_FIELDS

    return [FieldChoice(f, f in REQUIRED_FIELDS, f in ITEM_FIELDS) for f in FIELDS]


def database_url_of(source: DatabaseSource) -> str:
    """The URL the window opens (checked: DatabaseUrlError for one the app won't use)."""
    if callable(source):
        return source()
    from app.db.url import database_url

    return database_url(None, source, os.environ)


class OrderImport:
    """One import of one export file. `run` and `run_mapped` run on a worker thread and tell
    `report` how far they got; `report` may raise ImportCancelled (nothing is then changed)."""

    def __init__(self, source: DatabaseSource, path: Path, kind: str, report: Report) -> None:
        self.source = source
        self.path = path
        self.kind = kind  # AUTO_DETECT, a preset id or OWN_COLUMNS
        self.report = report
        self._codes: Callable[[str], str | None] | None = None

    def run(self) -> ImportResult | NeedsMapping:
        """Read the file as the kind chosen says (or by the preset that fits it, or by the
        mapping remembered for its header row) and import it; NeedsMapping when the person
        must say which column is which."""
        from app.orders.records import UnknownHeader

        with self._book() as book:
            if self.kind == OWN_COLUMNS:
                header = self._header()
                return needs_mapping(header, book.mapping_for(header))
            try:
                reading = self._read(preset=self.kind or None)
            except UnknownHeader as unknown:
                saved = book.mapping_for(unknown.header)
                if saved is None:
                    return needs_mapping(unknown.header, None)
                reading = self._read(mapping=saved)
            return self._import(book, reading)

    def run_mapped(self, header: Sequence[str], mapping: Mapping[str, str]) -> ImportResult:
        """Read the file with the person's mapping, remember it for the header row (as
        `--map` does: the next file with these columns imports without asking), import."""
        with self._book() as book:
            reading = self._read(mapping=mapping)
            book.remember_mapping(header, mapping)
            return self._import(book, reading)

    @contextmanager
    def _book(self) -> Iterator[OrderBook]:
        from app.db.engine import open_database
        from app.orders.book import OrderBook

        self.report(OPENING, 0, 0)
        engine = open_database(database_url_of(self.source))
        try:
            yield OrderBook(engine)
        finally:
            engine.dispose()  # a worker thread's connections are never reused by another

    def _read(self, preset: str | None = None,
              mapping: Mapping[str, str] | None = None) -> ExportReading:
        from app.orders.exports import read_export

        self.report(READING, 0, 0)
        return read_export(self.path, preset=preset, mapping=mapping,
                           country_codes=self._country_codes(),
                           progress=lambda rows: self.report(READING, rows, 0))

    def _header(self) -> tuple[str, ...]:
        """The file's header row (what the mapping dialog shows), whatever preset fits it."""
        from app.orders.exports import read_export
        from app.orders.records import UnknownHeader

        try:
            read_export(self.path, presets={})  # no preset fits: it names the header row
        except UnknownHeader as unknown:
            return unknown.header
        return ()  # not reached: without presets every readable file is an unknown header

    def _country_codes(self) -> Callable[[str], str | None]:
        if self._codes is None:  # the CLI's lookup over the same catalog
            from app.catalog.catalog import load_catalog
            from app.cli.orders import country_codes

            self._codes = country_codes(load_catalog())
        return self._codes

    def _import(self, book: OrderBook, reading: ExportReading) -> ImportResult:
        def progress(done: int, total: int) -> None:
            self.report(IMPORTING, done, total)

        self.report(IMPORTING, 0, len(reading.orders))
        return book.import_reading(reading, self.path.name, progress)


def needs_mapping(header: Sequence[str], remembered: Mapping[str, str] | None) -> NeedsMapping:
    """What the mapping dialog shows for a header row: the columns it may offer (never an
    address, phone or e-mail one), prefilled with the remembered mapping or close matches."""
    from app.orders.presets import header_key, is_private_header

    filled = [h for h in header if h.strip()]
    columns = tuple(dict.fromkeys(h for h in filled if not is_private_header(h)))
    by_key = {header_key(h): h for h in columns}
    kept = {field: by_key[header_key(h)] for field, h in (remembered or {}).items()
            if header_key(h) in by_key}
    hidden = len({h for h in filled if is_private_header(h)})
    return NeedsMapping(tuple(header), columns, kept or suggested_mapping(columns), hidden)


def suggested_mapping(columns: Sequence[str]) -> dict[str, str]:
    """Each field's likeliest column: a header written (nearly) like a spelling some preset or
    order label has for the field; the closest pairs first, each column for one field."""
    from app.orders.presets import header_key

    known = _known_spellings()
    pairs = []
    for column in columns:
        keys = {header_key(column), header_key(column.split("\n")[0])} - {""}
        for field, spellings in known.items():
            score = max((SequenceMatcher(None, key, s).ratio() for key in keys
                         for s in spellings), default=0.0)
            if score >= MATCH_CUTOFF:
                pairs.append((score, field, column))
    chosen: dict[str, str] = {}
    for _, field, column in sorted(pairs, key=lambda pair: -pair[0]):
        if field not in chosen and column not in chosen.values():
            chosen[field] = column
    return chosen


def _known_spellings() -> dict[str, set[str]]:
    """Field → the header keys the presets and the order labels spell it with."""
    from app.message.order_paste import load_order_labels
    from app.orders.presets import header_key, load_presets
    from app.orders.records import FIELDS

    spellings = {field: {header_key(field.replace("_", " "))} for field in FIELDS}
    for preset in load_presets().values():
        for field, headers in preset.columns.items():
            spellings[field].update(header_key(h) for h in headers)
    for label, named in load_order_labels().fields.items():
        field = _LABEL_FIELDS.get(named, named)
        if field in spellings:
            spellings[field].add(header_key(label))
    return spellings


def failure(error: BaseException, lang: str) -> Failure:
    """What went wrong, in one message (a bug is logged with its traceback, never shown)."""
    from app.db.engine import DatabaseUnavailable
    from app.db.url import DatabaseUrlError
    from app.errors import ComposerError, SourceError

    if isinstance(error, DatabaseUnavailable):
        return Failure("database", error.reason)
    if isinstance(error, DatabaseUrlError):
        return Failure("setting", str(error))
    if isinstance(error, SourceError):
        where = Path(error.path).name + (f":{error.line}" if error.line else "")
        return Failure("file", f"{where}: {error.message_in(lang)}")
    if isinstance(error, ComposerError):
        zh = getattr(error, "zh", None)
        return Failure("other", zh if lang == "zh" and isinstance(zh, str) else str(error))
    log.error("an order book call failed", exc_info=error)
    return Failure("other", f"{type(error).__name__}: {error}")


def database_setting(data: UserData, environ: Mapping[str, str] | None = None
                     ) -> DatabaseSetting:
    """The team database setting: what is saved, what is in force and why."""
    from app.db.url import ENV_VAR, DatabaseUrlError, database_url, default_url
    from app.user.config import load_config

    env = os.environ if environ is None else environ
    saved = load_config(data.config).database_url
    try:
        in_force, problem = database_url(None, data, env), None
    except DatabaseUrlError as exc:
        in_force, problem = None, str(exc)
    return DatabaseSetting(in_force, saved, default_url(data), env.get(ENV_VAR) or None,
                           problem)


def url_problem(url: str) -> str | None:
    """None for a URL the app can use; else "empty", "kind" (neither SQLite nor
    PostgreSQL) or "password" (written in the URL), as checked_url judges it."""
    from app.db.url import DatabaseUrlError, checked_url

    text = url.strip()
    if not text:
        return "empty"
    try:
        checked_url(text)
    except DatabaseUrlError:
        scheme = text.partition("://")[0] if "://" in text else "?"
        try:  # checked_url refuses a kind it knows only for a password
            checked_url(f"{scheme}://host")
        except DatabaseUrlError:
            return "kind"
        return "password"
    return None


def is_sqlite(url: str) -> bool:
    from app.db.url import is_sqlite as sqlite

    return sqlite(url)


def save_database_url(data: UserData, url: str | None) -> None:
    """Keep the team database's URL (None: this computer's SQLite) in the user's settings,
    read anew so the team template folder saved there stays as it is."""
    from app.db.url import checked_url
    from app.user.config import load_config, save_config

    config = load_config(data.config)
    save_config(data.config, config._replace(
        database_url=checked_url(url.strip()) if url and url.strip() else None))


def save_keychain_password(url: str, password: str) -> bool:
    from app.db.url import save_keychain_password as save

    return save(url, password)


def try_connection(url: str) -> float:
    """Open the database as the app will (migrating it if it is new) and close it: the
    seconds it took. Raises what open_database raises."""
    from app.db.engine import open_database

    started = time.monotonic()
    open_database(url).dispose()
    return time.monotonic() - started
