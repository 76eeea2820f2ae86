"""`reply-composer orders import FILE` (an order export into the order book) and
`reply-composer orders find TEXT` (orders by order number, tracking number or buyer name)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.errors import ComposerError, FieldValueError

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from app.catalog.catalog import Catalog
    from app.cli.main import Hooks
    from app.orders.book import BookOrder, OrderBook
    from app.orders.records import ExportReading

SHOWN_PROBLEMS = 50  # in the text output; --json gives them all


def add(commands: Any) -> None:
    orders = commands.add_parser("orders", help="the order book: import exports, find orders")
    actions = orders.add_subparsers(dest="orders_command", metavar="ACTION", required=True)
    load = actions.add_parser("import", help="import an order export (.xlsx, .xls or .csv)")
    load.add_argument("file", type=Path, metavar="FILE")
    load.add_argument("--preset", metavar="NAME", help="the export's kind (default: guessed)")
    load.add_argument("--map", action="append", default=[], metavar="FIELD=HEADER",
                      dest="mapping", help="the column holding a field, for a header row no "
                                           "preset knows (repeatable; remembered)")
    load.add_argument("--json", action="store_true")
    find = actions.add_parser("find", help="orders by order number, tracking number or buyer")
    find.add_argument("text", metavar="TEXT", help="an order or tracking number, or the start "
                      "of a buyer's name; '-': the orders a buyer's message on stdin mentions")
    find.add_argument("--limit", type=int, default=20)
    find.add_argument("--json", action="store_true")


def run(args: argparse.Namespace, hooks: Hooks) -> int:
    from app.catalog.catalog import load_catalog
    from app.orders.book import OrderBook

    catalog = load_catalog()
    engine = open_database_for(args)
    try:
        book = OrderBook(engine)
        if args.orders_command == "import":
            return _import(args, book, catalog)
        return _find(args, book, catalog)
    finally:
        engine.dispose()


def open_database_for(args: argparse.Namespace) -> Engine:
    """The database `--db`, REPLY_COMPOSER_DB or the user's setting names (else the SQLite
    file in the user data folder), migrated."""
    from app.db.engine import open_database
    from app.db.url import database_url
    from app.user.paths import UserData

    return open_database(database_url(getattr(args, "db", None), UserData.default()))


def _import(args: argparse.Namespace, book: OrderBook, catalog: Catalog) -> int:
    import json

    reading = _reading(args, book, catalog)
    result = book.import_reading(reading, args.file.name, _progress_printer())
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
        return 0
    print(f"{args.file.name} ({result.preset}): {result.rows_read:,} rows, "
          f"{result.inserted:,} new orders, {result.updated:,} updated, "
          f"{result.unchanged:,} unchanged; {len(result.problems):,} problems")
    for problem in result.problems[:SHOWN_PROBLEMS]:
        print(f"  {problem}")
    if len(result.problems) > SHOWN_PROBLEMS:
        print(f"  … and {len(result.problems) - SHOWN_PROBLEMS:,} more (--json lists them all)")
    return 0


def _reading(args: argparse.Namespace, book: OrderBook, catalog: Catalog) -> ExportReading:
    """The file read with --map (then remembered for its header set), with its preset, or
    with the mapping remembered for its header set."""
    from app.orders.exports import UnknownHeader, read_export

    given = parse_mapping(args.mapping)
    codes = country_codes(catalog)
    if given:
        reading = read_export(args.file, preset=args.preset, mapping=given, country_codes=codes)
        book.remember_mapping(_header_of(args.file), given)
        return reading
    try:
        return read_export(args.file, preset=args.preset, country_codes=codes)
    except UnknownHeader as unknown:
        saved = book.mapping_for(unknown.header)
        if saved is None:
            raise ComposerError(f"{unknown}; name the columns with --map FIELD=HEADER, e.g. "
                                f"--map order_id={unknown.header[0]!r} (the header row: "
                                f"{', '.join(h for h in unknown.header if h)})") from None
    return read_export(args.file, mapping=saved, country_codes=codes)


def _header_of(path: Path) -> tuple[str, ...]:
    """The file's header row, as the mapping dialog would be shown it."""
    from app.orders.exports import UnknownHeader, read_export

    try:
        read_export(path, presets={})  # no preset fits: it names the likeliest header row
    except UnknownHeader as unknown:
        return unknown.header
    return ()


def parse_mapping(items: Sequence[str]) -> dict[str, str]:
    mapping = {}
    for item in items:
        field, sep, header = item.partition("=")
        if not sep or not field.strip() or not header.strip():
            raise FieldValueError("--map", f"{item[:40]!r}: expected FIELD=HEADER")
        mapping[field.strip()] = header.strip()
    return mapping


def country_codes(catalog: Catalog) -> Callable[[str], str | None]:
    """A country as an export writes it (code, English or Chinese name) → its ISO code."""
    def code(text: str) -> str | None:
        try:
            value = catalog.parse("destination_country", text)
        except ComposerError:
            return None
        return value if isinstance(value, str) else None

    return code


def _progress_printer() -> Callable[[int, int], None] | None:
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        end = "\n" if done >= total else ""
        print(f"\rimporting {done:,}/{total:,} orders", end=end, file=sys.stderr, flush=True)

    return show


def _find(args: argparse.Namespace, book: OrderBook, catalog: Catalog) -> int:
    import json

    from app.orders.book import method_ids

    if args.text == "-":
        found = book.find_in_message(sys.stdin.read(), args.limit)
    else:
        found = book.find(args.text, args.limit)
    method_id = method_ids(catalog)
    if args.json:
        print(json.dumps([order_json(o, method_id) for o in found], ensure_ascii=False,
                         indent=2))
    for order in [] if args.json else found:
        print(order_line(order, method_id))
    if not found and not args.json:
        print(f"no order matches {args.text!r}", file=sys.stderr)
    return 0 if found else 1


def order_json(order: BookOrder, method_id: Callable[[str], str | None]) -> dict[str, Any]:
    data: dict[str, Any] = {name: _plain(value) for name, value in order._asdict().items()
                            if name != "items"}
    data["items"] = [{name: _plain(value) for name, value in item._asdict().items()}
                     for item in order.items]
    data["method_changed"] = order.method_changed(method_id)
    data["form_values"] = order.form_values(method_id)
    return data


def order_line(order: BookOrder, method_id: Callable[[str], str | None]) -> str:
    parts = [order.marketplace, order.order_id, order.buyer_name or "-",
             order.destination_country or "-"]
    if order.ship_date:
        parts.append(f"shipped {order.ship_date.isoformat()}")
    if order.actual_method:
        parts.append(f"by {order.actual_method}")
    if order.method_changed(method_id):
        parts.append(f"(buyer chose {order.chosen_method})")
    if order.tracking_number:
        parts.append(order.tracking_number)
    if order.order_amount is not None:
        parts.append(f"{order.order_amount} {order.currency or ''}".strip())
    return "  ".join(parts)


def _plain(value: object) -> object:
    from datetime import date
    from decimal import Decimal

    if isinstance(value, Decimal):
        return str(value)
    return value.isoformat() if isinstance(value, date) else value


def book_values(order: BookOrder, catalog: Catalog,
                typed: Mapping[str, str]) -> dict[str, str]:
    """The form values the order gives for the fields the agent left empty, each one the
    catalog takes (one it refuses, e.g. too long, is said on stderr and left out)."""
    from app.orders.book import method_ids

    values = {}
    for name, text in order.form_values(method_ids(catalog)).items():
        if typed.get(name, "").strip():
            continue
        try:
            catalog.parse(name, text)
        except ComposerError as exc:
            print(f"reply-composer: the order book's {exc} (left empty)", file=sys.stderr)
            continue
        values[name] = text
    return values
