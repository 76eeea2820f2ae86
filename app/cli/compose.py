"""`reply-composer compose CASE --set FIELD=VALUE …`: the reply, its gloss and the policy."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from app.errors import ClipboardUnavailable, ComposerError, FieldValueError

if TYPE_CHECKING:
    import datetime as dt
    from decimal import Decimal

    from sqlalchemy import Engine

    from app.caselog.entries import LogEntry
    from app.cli.main import Hooks
    from app.compose.composer import Composer
    from app.compose.result import Composition
    from app.orders.book import BookOrder
    from app.user.setup import UserSetup

from app.desk.notes import METHOD_CHANGED_CASE


def add(commands: Any) -> None:
    compose = commands.add_parser("compose", help="print the reply, gloss and suggestion")
    compose.add_argument("case_id", metavar="CASE_ID")
    compose.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE",
                         dest="assignments", help="an order field (repeatable)")
    compose.add_argument("--today", metavar="YYYY-MM-DD", help="today's date for deadline math")
    compose.add_argument("--lang", default="en", metavar="LANG",
                         help="the reply's language: en, es, pt, ru, fr, or auto (the "
                              "destination country's); default en")
    compose.add_argument("--json", action="store_true")
    compose.add_argument("--copy", action="store_true", help="copy the reply to the clipboard")
    compose.add_argument("--order", metavar="ID", help="fill the fields from the order book "
                                                       "(--set overrides)")
    compose.add_argument("--log", action="store_true", help="record the reply in the case log")
    compose.add_argument("--offered", metavar="AMOUNT", help="with --log: the refund actually "
                         "offered, when not the policy's (more is flagged)")


def run(args: argparse.Namespace, hooks: Hooks) -> int:
    from app.user.setup import UserSetup

    setup = UserSetup.default(library=args.library)
    composer = setup.composer()
    _say_what_is_left_out(setup, composer)
    composer.catalog.case(args.case_id)  # an unknown case is reported before any field
    args.lang = _language(args.lang, composer)
    assigned = parse_assignments(args.assignments)
    if args.offered is not None:  # checked before anything is printed or copied
        if not args.log:
            raise FieldValueError("--offered", "says what a logged reply offered: add --log")
        args.offered = parse_amount("--offered", args.offered)
    if not (args.order or args.log):  # the plain path: no database, no SQLAlchemy import
        # The store and agent name saved by the window, so CLI replies are signed the same.
        values = composer.catalog.parse_all({**setup.profile(composer), **assigned})
        result = _compose(args, composer, values)
        _show(args, result, result.to_json())
        _copy(args, hooks, result)
        return 0
    return _compose_with_book(args, hooks, setup, composer, assigned)


def _compose_with_book(args: argparse.Namespace, hooks: Hooks, setup: UserSetup,
                       composer: Composer, assigned: dict[str, str]) -> int:
    """compose --order (the fields from the order book) and/or --log (the copy recorded):
    the JSON gains the order's `history`, and `warnings` of earlier compensation."""
    from app.cli.log import open_if_reachable, record_copy
    from app.cli.orders import book_values, open_database_for
    from app.orders.book import OrderBook

    # --order needs the book; a log entry only waits in the outbox while the server is down.
    engine, problem = (open_database_for(args), None) if args.order else \
        open_if_reachable(args)
    try:
        order = None
        if args.order and engine is not None:
            order = OrderBook(engine).get(args.order)
            if order is None:
                raise ComposerError(f"order {args.order!r} is not in the order book "
                                    "(reply-composer orders import FILE)")
        from_book = book_values(order, composer.catalog, assigned) if order else {}
        values = composer.catalog.parse_all({**setup.profile(composer), **from_book,
                                             **assigned})
        result = _compose(args, composer, values)
        data, notes = _with_history(engine, composer, result, values, order)
        _show(args, result, data, notes)
        _copy(args, hooks, result)
        if args.log:
            entry = _entry(composer, result, values, order)
            if args.offered is not None:
                entry = entry.offering(args.offered)
            record_copy(setup.data, engine, problem, entry)
    finally:
        if engine is not None:
            engine.dispose()
    return 0


def _with_history(engine: Engine | None, composer: Composer, result: Composition,
                  values: Mapping[str, object], order: BookOrder | None
                  ) -> tuple[dict[str, Any], list[str]]:
    """The JSON with the order's history and the warnings; the same as lines for the text."""
    from app.caselog.log import CaseLog
    from app.cli.log import entry_line, order_history
    from app.desk.notes import method_note
    from app.orders.book import method_ids

    data = result.to_json()
    if engine is None:
        return data, []
    history, warnings = order_history(CaseLog(engine), result, values, order)
    if order is not None and result.case.id != METHOD_CHANGED_CASE \
            and order.method_changed(method_ids(composer.catalog)):
        warnings.append(method_note(order).text.en)
    data["history"] = [entry.to_json() for entry in history]
    data["warnings"] = [*data["warnings"], *warnings]
    return data, [*(f"History: {entry_line(e)}" for e in history), *(f"⚠ {w}" for w in warnings)]


def _entry(composer: Composer, result: Composition, values: Mapping[str, object],
           order: BookOrder | None) -> LogEntry:
    import uuid

    from app.caselog.entries import entry_from

    marketplace = composer.catalog.field("marketplace").default  # the form's default
    return entry_from(result, {"marketplace": marketplace, **values}, entry_id=uuid.uuid4(),
                      text=result.reply, language=result.language, order=order)


def _compose(args: argparse.Namespace, composer: Composer,
             values: Mapping[str, Any]) -> Composition:
    """The reply in the language asked for (`auto`: the destination country's); a reply
    without that language comes in English, and stderr says so."""
    language = args.lang
    if language == "auto":
        country = values.get("destination_country")
        language = composer.language_for(str(country) if country else None)
    result = composer.compose(args.case_id, values, parse_today(args.today),
                              language=language)
    if result.fell_back:
        print(f"reply-composer: {result.suggestion.template} has no {language!r} version: "
              "the reply is in English", file=sys.stderr)
    return result


def _language(text: str, composer: Composer) -> str:
    code = text.strip().lower()
    if code != "auto" and code not in composer.catalog.languages:
        known = ", ".join([*composer.catalog.languages, "auto"])
        raise FieldValueError("--lang", f"{text[:20]!r} is not a reply language ({known})")
    return code


def _say_what_is_left_out(setup: UserSetup, composer: Composer) -> None:
    """A broken team data file or a template file no name can reach: said on stderr, the
    same files the window names, and the reply goes on without them."""
    for problem in setup.problems:
        print(f"reply-composer: {problem} (its layer's data is not used until it is fixed)",
              file=sys.stderr)
    for refused in composer.library.refused():
        print(f"reply-composer: {refused} (not used)", file=sys.stderr)


def parse_amount(option: str, text: str) -> Decimal:
    from decimal import Decimal, InvalidOperation

    try:
        amount = Decimal(text.strip())
    except InvalidOperation:
        raise FieldValueError(option, f"{text[:40]!r} is not an amount (e.g. 12.50)") from None
    if not amount.is_finite() or amount < 0:
        raise FieldValueError(option, f"{text[:40]!r}: an amount must be 0 or more")
    return amount


def _show(args: argparse.Namespace, result: Composition, data: dict[str, Any],
          notes: Sequence[str] = ()) -> None:
    if args.json:
        import json

        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print("\n".join([format_text(result), *notes]))


def _copy(args: argparse.Namespace, hooks: Hooks, result: Composition) -> None:
    if not args.copy:
        return
    if hooks.copy is None:
        raise ClipboardUnavailable("no clipboard support in this launcher; use "
                                   "the reply-composer command")
    hooks.copy(result.reply)
    print(f"Copied {len(result.reply):,} characters.", file=sys.stderr)


def parse_assignments(assignments: Sequence[str]) -> dict[str, str]:
    values: dict[str, str] = {}
    for item in assignments:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise FieldValueError(item[:40], "expected FIELD=VALUE")
        values[name.strip()] = value
    return values


def parse_today(text: str | None) -> dt.date | None:
    if text is None:
        return None
    from app.catalog.dates import DateError, parse_date

    try:
        return parse_date(text)
    except DateError as exc:
        raise FieldValueError("--today", exc.message) from None


def format_text(result: Composition) -> str:
    s = result.suggestion
    lines = [result.reply, "", "— 中文 —", result.gloss, "", "— Suggestion —"]
    lines.append("Actions: " + (", ".join(a.value for a in s.action_ids) or "none"))
    if s.refund:
        low, high = s.refund.min, s.refund.max
        amount = f"{high}" if low == high else f"up to {high}" if low == 0 else f"{low}–{high}"
        lines.append(f"Refund: {amount} {s.refund.currency}")
    if s.deadline:
        lines.append(f"Deadline: {s.deadline.isoformat()} ({s.days_left} days left)")
    lines += [f"Check: {c.en} / {c.zh}" for c in s.checks]
    lines += [f"Why: {r.text()}" for r in s.reasons]
    lines += [f"⚠ {w.text.en}" for w in result.review.warnings]
    if result.missing_fields:
        lines.append("Missing: " + ", ".join(result.missing_fields))
    return "\n".join(lines)
