"""`reply-composer compose CASE --set FIELD=VALUE …`: the reply, its gloss and the policy."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from app.errors import ClipboardUnavailable, FieldValueError

if TYPE_CHECKING:
    import datetime as dt

    from app.cli.main import Hooks
    from app.compose.result import Composition


def add(commands: Any) -> None:
    compose = commands.add_parser("compose", help="print the reply, gloss and suggestion")
    compose.add_argument("case_id", metavar="CASE_ID")
    compose.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE",
                         dest="assignments", help="an order field (repeatable)")
    compose.add_argument("--today", metavar="YYYY-MM-DD", help="today's date for deadline math")
    compose.add_argument("--json", action="store_true")
    compose.add_argument("--copy", action="store_true", help="copy the reply to the clipboard")


def run(args: argparse.Namespace, hooks: Hooks) -> int:
    from app.user.setup import UserSetup

    setup = UserSetup.default(library=args.library)
    composer = setup.composer()
    composer.catalog.case(args.case_id)  # an unknown case is reported before any field
    # The store and agent name saved by the window, so CLI replies are signed the same.
    typed = {**setup.profile(composer), **parse_assignments(args.assignments)}
    values = composer.catalog.parse_all(typed)
    result = composer.compose(args.case_id, values, parse_today(args.today))
    if args.json:
        import json

        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        print(format_text(result))
    if args.copy:
        if hooks.copy is None:
            raise ClipboardUnavailable("no clipboard support in this launcher; use "
                                       "the reply-composer command")
        hooks.copy(result.reply)
        print(f"Copied {len(result.reply):,} characters.", file=sys.stderr)
    return 0


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
