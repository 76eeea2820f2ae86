"""`reply-composer log` (entries of the case log, filtered), `log purge --before DATE` (data
retention), `log window [DAYS]` (the team's compensation-warning window) and `log send` (the
entries waiting in the outbox); and the case-log side of `compose --order/--log`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from app.errors import FieldValueError

if TYPE_CHECKING:
    import datetime as dt

    from sqlalchemy import Engine

    from app.caselog.entries import LogEntry
    from app.caselog.log import CaseLog
    from app.caselog.outbox import Outbox
    from app.cli.main import Hooks
    from app.compose.result import Composition
    from app.orders.book import BookOrder
    from app.user.paths import UserData

SHOWN_TEXT = 60  # characters of the reply in a text line


def add(commands: Any) -> None:
    log = commands.add_parser("log", help="the case log: replies copied, compensation given")
    log.add_argument("--order", metavar="ID", help="entries of this order number")
    log.add_argument("--buyer", metavar="NAME", help="entries to this buyer (any case)")
    log.add_argument("--since", metavar="DATE", help="entries from this date (UTC) on")
    log.add_argument("--limit", type=int, default=200)
    log.add_argument("--json", action="store_true", help="a JSON list of entries")
    actions = log.add_subparsers(dest="log_command", metavar="ACTION")
    purge = actions.add_parser("purge", help="delete the entries logged before a date")
    purge.add_argument("--before", required=True, metavar="DATE")
    window = actions.add_parser("window", help="show or set the days within which an earlier "
                                               "compensation warns (the whole team's)")
    window.add_argument("days", nargs="?", type=int, metavar="DAYS")
    actions.add_parser("send", help="send the entries waiting in the outbox")


def run(args: argparse.Namespace, hooks: Hooks) -> int:
    from app.caselog.log import CaseLog
    from app.cli.orders import open_database_for

    if args.log_command == "send":
        return _send(args)
    engine = open_database_for(args)
    try:
        log = CaseLog(engine)
        if args.log_command == "purge":
            removed = log.purge(parse_day("--before", args.before))
            print(f"deleted {removed:,} entries logged before {args.before}")
        elif args.log_command == "window":
            if args.days is not None:
                log.set_window_days(max(0, args.days))
            print(f"{log.window_days()} days")
        else:
            _list(args, log)
    finally:
        engine.dispose()
    return 0


def _list(args: argparse.Namespace, log: CaseLog) -> None:
    import json

    since = parse_day("--since", args.since) if args.since else None
    entries = log.history(args.order, args.buyer, since, args.limit)
    if args.json:
        print(json.dumps([e.to_json() for e in entries], ensure_ascii=False, indent=2))
        return
    for entry in entries:
        print(entry_line(entry))


def _send(args: argparse.Namespace) -> int:
    from app.caselog.outbox import Outbox
    from app.user.paths import UserData

    outbox = Outbox.default(UserData.default())
    engine, problem = open_if_reachable(args)
    sent = send_waiting(outbox, engine, problem)
    if engine is not None:
        engine.dispose()
    print(f"sent {sent:,} entries; {outbox.waiting():,} waiting", file=sys.stderr)
    return 0 if outbox.waiting() == 0 else 1


def open_if_reachable(args: argparse.Namespace) -> tuple[Engine | None, str | None]:
    """The database, or None and why it can't be reached now."""
    from app.cli.orders import open_database_for
    from app.db.engine import DatabaseUnavailable

    try:
        return open_database_for(args), None
    except DatabaseUnavailable as exc:
        return None, str(exc)


def send_waiting(outbox: Outbox, engine: Engine | None, problem: str | None = None) -> int:
    """Drain the outbox into the database; 0 sent (and a line on stderr) when offline."""
    from app.caselog.log import CaseLog
    from app.db.engine import DatabaseUnavailable

    try:
        if engine is not None:
            return outbox.drain(CaseLog(engine))
    except DatabaseUnavailable as exc:
        problem = str(exc)
    print(f"reply-composer: {problem}\nteam database offline — {outbox.waiting():,} entries "
          "waiting (sent by the next copy or `reply-composer log send`)", file=sys.stderr)
    return 0


def parse_day(option: str, text: str) -> dt.date:
    from app.catalog.dates import DateError, parse_date

    try:
        return parse_date(text)
    except DateError as exc:
        raise FieldValueError(option, exc.message) from None


def entry_line(entry: LogEntry) -> str:
    when = entry.logged_at.strftime("%Y-%m-%d %H:%M")
    offer = ", ".join(entry.actions) or "-"
    if entry.refund_amount is not None:
        offer += f" {entry.refund_amount} {entry.refund_currency or ''}".rstrip()
    text = " ".join(entry.text.split())
    text = text if len(text) <= SHOWN_TEXT else text[:SHOWN_TEXT - 1] + "…"
    flags = [flag for flag, on in (("edited", entry.hand_edited),
                                    ("markers left", entry.markers_left),
                                    ("over policy", entry.over_policy)) if on]
    shown = f" ({', '.join(flags)})" if flags else ""
    return (f"{when} UTC  {entry.agent or '-'}  {entry.order_id or '-'}  {entry.buyer or '-'}  "
            f"{entry.case_id}  {offer}{shown}  {text}")


def order_history(log: CaseLog, result: Composition, values: Mapping[str, object],
                  order: BookOrder | None) -> tuple[list[LogEntry], list[str]]:
    """The order's earlier entries, and the warnings before this reply's compensation."""
    from app.caselog.entries import COMPENSATING
    from app.desk.notes import compensation_note

    order_id = str(values.get("order_id") or (order.order_id if order else "")) or None
    buyer = str(values.get("buyer_name") or (order.buyer_name if order else "")) or None
    history = log.history(order_id=order_id) if order_id else []
    offers = result.suggestion.refund is not None and bool(result.suggestion.refund.max)
    offers = offers or any(a.value in COMPENSATING for a in result.suggestion.action_ids)
    earlier = log.previous_compensation(order_id, buyer) if offers else []
    return history, [compensation_note(entry, order_id).text.en for entry in earlier]


def record_copy(data: UserData, engine: Engine | None, problem: str | None,
                entry: LogEntry) -> None:
    """Queue the entry in the outbox, then send what waits (when the database is reachable:
    else `problem` says why not)."""
    from app.caselog.outbox import Outbox

    outbox = Outbox.default(data)
    outbox.record(entry)
    outbox.close()
    if send_waiting(outbox, engine, problem):
        print("Logged.", file=sys.stderr)
