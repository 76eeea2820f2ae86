"""`reply-composer stats`: the team lead's figures over the case log — replies, compensation
per currency, hand edits, offers above the policy and copies with markers left — by day, case,
action, agent or product, for a range of days (UTC) and filters; as a table, JSON, CSV or
XLSX. `--entries KEY` lists the entries behind one row; `--mine` is an agent's own view,
`--team` every agent's (over the team database only).

SQLAlchemy (and openpyxl for --xlsx) load only when the command runs."""

from __future__ import annotations

import argparse
import sys
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.errors import FieldValueError

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from app.cli.main import Hooks
    from app.stats.export import Table
    from app.stats.figures import Report
    from app.stats.filters import Grouping, StatsFilter, View
    from app.stats.rows import EntryLine
    from app.user.paths import UserData

SHOWN_TEXT = 60  # characters of a reply in an entry's line
GROUPINGS = "day|case|action|agent|product"


def add(commands: Any) -> None:
    stats = commands.add_parser(
        "stats", help="figures of the case log: replies, compensation, hand edits, by day, "
                      "case, action, agent or product")
    stats.add_argument("--since", metavar="DATE", help="from this day on (UTC; default: the "
                       "first entry)")
    stats.add_argument("--until", metavar="DATE", help="up to this day, included (UTC; "
                       "default: the last entry)")
    stats.add_argument("--by", default="case", metavar=GROUPINGS,
                       help="what a row stands for (default: case)")
    stats.add_argument("--agent", metavar="NAME", help="only this agent's replies")
    stats.add_argument("--store", metavar="S", help="only this store's")
    stats.add_argument("--marketplace", metavar="M", help="only this marketplace's")
    stats.add_argument("--case", metavar="ID", dest="case_id", help="only this case's")
    stats.add_argument("--product", metavar="SKU", help="only this product's (SKU or name)")
    view = stats.add_mutually_exclusive_group()
    view.add_argument("--mine", dest="team", action="store_false", default=None,
                      help="your own view: only your replies (the agent name in your "
                           "profile), buyers' names shown (the default on your desk's own "
                           "database)")
    view.add_argument("--team", dest="team", action="store_true",
                      help="every agent's replies, buyers by order number only (needs the "
                           "team database; the default there)")
    stats.add_argument("--entries", metavar="KEY", help="list the entries behind the row KEY "
                       "(e.g. --by case --entries quality-stained; '' for the row without one)")
    stats.add_argument("--json", action="store_true", help="a JSON list of rows")
    stats.add_argument("--csv", type=Path, metavar="FILE", help="also write the table as CSV "
                       "(UTF-8 with BOM, for Excel)")
    stats.add_argument("--xlsx", type=Path, metavar="FILE", help="also write it as XLSX")
    stats.add_argument("--recount", action="store_true",
                       help="count every logged reply into the figures again: after a desk "
                            "still running an older version logged replies into a database "
                            "this version had upgraded (its replies are in the log, not yet "
                            "in the figures)")


def run(args: argparse.Namespace, hooks: Hooks) -> int:
    from app.db.engine import open_database
    from app.db.url import database_url
    from app.stats.filters import Grouping
    from app.user.paths import UserData

    data = UserData.default()
    url = database_url(getattr(args, "db", None), data)
    if args.recount:
        return _recount(url)
    by, wanted, view = Grouping.named(args.by), _filter(args), _view(args, url, data)
    engine = open_database(url)
    try:
        if args.entries is not None:
            return _entries(engine, by, args, wanted, view)
        from app.stats.figures import report

        found = report(engine, by, wanted, view)
    finally:
        engine.dispose()
    _export(args, found)
    _print(args, found)
    return 0


def _recount(url: str) -> int:
    from app.db.engine import open_database, writing
    from app.stats.rollups import rebuild

    engine = open_database(url)
    try:
        with writing(engine) as connection:
            counted = rebuild(connection)
    finally:
        engine.dispose()
    print(f"counted {counted:,} logged replies into the figures again")
    return 0


def _filter(args: argparse.Namespace) -> StatsFilter:
    from app.cli.log import parse_day
    from app.stats.filters import StatsFilter

    since = parse_day("--since", args.since) if args.since else None
    until = parse_day("--until", args.until) if args.until else None
    if since and until and since > until:
        raise FieldValueError("--since", f"{since.isoformat()} is after --until "
                                         f"{until.isoformat()}")
    return StatsFilter(since, until, args.agent, args.store, args.marketplace, args.case_id,
                       args.product)


def _view(args: argparse.Namespace, url: str, data: UserData) -> View:
    """--team, --mine, or the usual view of this database (see app.stats.access)."""
    from app.stats.access import choose_view, is_team_database, profile_agent

    return choose_view(is_team_database(url, data), profile_agent(data), args.team)


def _entries(engine: Engine, by: Grouping, args: argparse.Namespace, wanted: StatsFilter,
             view: View) -> int:
    import json

    from app.stats.export import NO_KEY
    from app.stats.figures import entries_behind

    key = None if args.entries.strip() in ("", NO_KEY.en, NO_KEY.zh) else args.entries.strip()
    found = entries_behind(engine, by, key, wanted, view)
    if args.json:
        print(json.dumps([entry.to_json() for entry in found], ensure_ascii=False, indent=2))
    else:
        for entry in found:
            print(entry_line(entry))
    if not found:
        print(f"reply-composer: no entries behind {by.value} {args.entries!r}", file=sys.stderr)
    return 0


def entry_line(entry: EntryLine) -> str:
    """time  agent  order  buyer (own view only)  case  offer  reply (cut)."""
    offer = ", ".join(entry.actions) or "-"
    if entry.refund_amount is not None:
        offer += f" {entry.refund_amount} {entry.refund_currency or ''}".rstrip()
    text = " ".join(entry.text.split())
    text = text if len(text) <= SHOWN_TEXT else text[:SHOWN_TEXT - 1] + "…"
    buyer = f"  {entry.buyer}" if entry.buyer else ""
    return (f"{entry.logged_at:%Y-%m-%d %H:%M} UTC  {entry.agent or '-'}  "
            f"{entry.order_id or '-'}{buyer}  {entry.case_id}  {offer}  {text}")


def _export(args: argparse.Namespace, found: Report) -> None:
    if args.csv is None and args.xlsx is None:
        return
    from app.stats.export import table_of, write_csv, write_xlsx

    table = table_of(found.by, found.rows, found.totals)
    if args.csv is not None:
        write_csv(args.csv, table)
        print(f"wrote {len(found.rows):,} rows and the total to {args.csv}", file=sys.stderr)
    if args.xlsx is not None:
        write_xlsx(args.xlsx, table, f"by {found.by.value}")
        print(f"wrote {len(found.rows):,} rows and the total to {args.xlsx}", file=sys.stderr)


def _print(args: argparse.Namespace, found: Report) -> None:
    import json

    if args.json:
        print(json.dumps([row.to_json() for row in found.rows], ensure_ascii=False, indent=2))
        return
    if not found.rows:
        print(f"no replies logged {_range(found.wanted)}", file=sys.stderr)
        return
    from app.stats.export import table_of

    print(f"Replies {_range(found.wanted)}, by {found.by.value}")
    print(text_table(table_of(found.by, found.rows, found.totals)))


def _range(wanted: StatsFilter) -> str:
    since = wanted.since.isoformat() if wanted.since else "the first entry"
    until = wanted.until.isoformat() if wanted.until else "the last"
    return f"from {since} to {until} (UTC)"


def text_table(table: Table) -> str:
    """Columns aligned as a terminal shows them (a Chinese character takes two cells); texts
    to the left, numbers to the right; a rule above the totals."""
    from app.stats.export import shown

    cells = [[shown(cell, kind) for cell, kind in zip(row, table.kinds, strict=True)]
             for row in table.rows]
    lines = [table.header, *cells]
    widths = [max(_width(line[i]) for line in lines) for i in range(len(table.header))]
    out = [_line(line, widths, table.kinds) for line in lines]
    out.insert(1, "  ".join("-" * width for width in widths))
    if table.totals and table.rows:
        out.insert(len(out) - 1, out[1])
    return "\n".join(out)


def _line(cells: Sequence[str], widths: Sequence[int], kinds: Sequence[str]) -> str:
    padded = []
    for text, width, kind in zip(cells, widths, kinds, strict=True):
        room = " " * (width - _width(text))
        padded.append(text + room if kind == "text" else room + text)
    return "  ".join(padded).rstrip()


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
