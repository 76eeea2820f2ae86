"""`reply-composer`: cases, compose and check from a terminal. The CLI path never imports Qt."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from app.errors import ClipboardUnavailable, ComposerError, FieldValueError

if TYPE_CHECKING:
    import datetime as dt

    from app.catalog.labels import Label
    from app.compose.composer import Composer
    from app.message.classifier import Reading

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class Hooks(NamedTuple):
    """What the domain can't do itself: the launcher in `ui.launch` plugs in the clipboard
    (pyperclip) and the window, so `app` stays free of Qt and pyperclip."""

    copy: Callable[[str], None] | None = None  # raises ClipboardUnavailable
    open_window: Callable[[Path | None, bool], int] | None = None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reply-composer",
        description="English replies and refund suggestions for marketplace after-sale cases. "
                    "With no command, opens the window.")
    parser.add_argument("--library", type=Path, metavar="DIR",
                        help="use DIR as the personal template library (over the bundled ones)")
    parser.add_argument("--smoke", action="store_true",
                        help="open the window, print seconds to first paint, exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    cases = commands.add_parser("cases", help="list the case ids with their titles")
    cases.add_argument("--json", action="store_true")
    compose = commands.add_parser("compose", help="print the reply, gloss and suggestion")
    compose.add_argument("case_id", metavar="CASE_ID")
    compose.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE",
                         dest="assignments", help="an order field (repeatable)")
    compose.add_argument("--today", metavar="YYYY-MM-DD", help="today's date for deadline math")
    compose.add_argument("--json", action="store_true")
    compose.add_argument("--copy", action="store_true", help="copy the reply to the clipboard")
    suggest = commands.add_parser(
        "suggest", help="read a buyer's message: likely cases, order and tracking numbers")
    suggest.add_argument("message", nargs="?", default="-", metavar="MESSAGE",
                         help="the buyer's message (default: read standard input)")
    suggest.add_argument("--json", action="store_true")
    check = commands.add_parser("check", help="validate the policy and templates")
    check.add_argument("folder", nargs="?", type=Path, metavar="DIR",
                       help="a template library or pack (default: the bundled templates)")
    return parser


def main(argv: Sequence[str] | None = None, hooks: Hooks | None = None) -> int:
    args = build_parser().parse_args(argv)
    hooks = hooks or Hooks()
    try:
        if args.command == "cases":
            return _cases(args)
        if args.command == "compose":
            return _compose(args, hooks)
        if args.command == "suggest":
            return _suggest(args)
        if args.command == "check":
            return _check(args)
        return _open_window(args, hooks)
    except ClipboardUnavailable as exc:
        print(f"reply-composer: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    except ComposerError as exc:
        print(f"reply-composer: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK


def _composer(args: argparse.Namespace) -> Composer:
    """The user's layers as the window sees them: personal (or --library DIR), team, bundled."""
    from app.compose.composer import Composer
    from app.user.config import load_config
    from app.user.paths import UserData

    data = UserData.default()
    return Composer.load(user_dir=args.library or data.library,
                         team_dir=load_config(data.config).team_dir)


def _cases(args: argparse.Namespace) -> int:
    from app.catalog.catalog import load_catalog

    catalog = load_catalog()
    rows = [{"id": c.id, "category": c.category, "title_en": c.title.en, "title_zh": c.title.zh}
            for c in catalog.cases.values()]
    if args.json:
        import json

        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    width = max(len(r["id"]) for r in rows)
    for row in rows:
        print(f"{row['id']:<{width}}  {row['category']:<13} {row['title_en']}  {row['title_zh']}")
    return EXIT_OK


def parse_assignments(assignments: Sequence[str]) -> dict[str, str]:
    values: dict[str, str] = {}
    for item in assignments:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise FieldValueError(item[:40], "expected FIELD=VALUE")
        values[name.strip()] = value
    return values


def _profile_values(composer: Composer) -> dict[str, str]:
    """The store and agent name saved by the window, so CLI replies are signed the same."""
    from app.user.paths import UserData
    from app.user.profile import load_profile

    shared = {n for n, spec in composer.catalog.fields.items() if spec.shared}
    saved = load_profile(UserData.default().root / "profile.json")
    return {n: v for n, v in saved.items() if n in shared}


def parse_today(text: str | None) -> dt.date | None:
    if text is None:
        return None
    import datetime as dt

    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise FieldValueError("--today", f"{text[:40]!r} is not a date (expected YYYY-MM-DD)") \
            from None


def _compose(args: argparse.Namespace, hooks: Hooks) -> int:
    composer = _composer(args)
    composer.catalog.case(args.case_id)  # an unknown case is reported before any field
    typed = {**_profile_values(composer), **parse_assignments(args.assignments)}
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
    return EXIT_OK


def format_text(result) -> str:  # type: ignore[no-untyped-def]
    s = result.suggestion
    lines = [result.reply, "", "— 中文 —", result.gloss, "", "— Suggestion —"]
    lines.append("Actions: " + (", ".join(s.actions) or "none"))
    if s.refund:
        low, high = s.refund.min, s.refund.max
        amount = f"{high}" if low == high else f"up to {high}" if low == 0 else f"{low}–{high}"
        lines.append(f"Refund: {amount} {s.refund.currency}")
    if s.deadline:
        lines.append(f"Deadline: {s.deadline.isoformat()} ({s.days_left} days left)")
    lines += [f"Check: {c.en} / {c.zh}" for c in s.checks]
    lines += [f"Why: {r.text()}" for r in s.reasons]
    if result.missing_fields:
        lines.append("Missing: " + ", ".join(result.missing_fields))
    return "\n".join(lines)


def _suggest(args: argparse.Namespace) -> int:
    from app.catalog.catalog import load_catalog
    from app.message.classifier import load_lexicon, read_paste
    from app.message.order_paste import load_order_labels

    text = sys.stdin.read() if args.message == "-" else args.message
    catalog = load_catalog()
    lexicon = load_lexicon(case_ids=catalog.cases)
    reading = read_paste(text, lexicon, load_order_labels(field_names=catalog.fields))
    if args.json:
        import json

        print(json.dumps(reading_json(reading), ensure_ascii=False, indent=2))
        return EXIT_OK
    titles = {c.id: f"{c.title.en} / {c.title.zh}" for c in catalog.cases.values()}
    print(format_reading(reading, titles, lexicon.notes))
    return EXIT_OK


def reading_json(reading: Reading) -> dict[str, object]:
    return {"cases": [{"case": g.case_id, "score": g.score, "phrases": list(g.phrases)}
                      for g in reading.guesses],
            "signals": list(reading.signals), "language": reading.language,
            "values": reading.values, "truncated": reading.truncated}


def format_reading(reading: Reading, titles: dict[str, str],
                   notes: Mapping[str, Label] | None = None) -> str:
    from app.message.classifier import LANGUAGES, MAX_CHARS

    lines = []
    if reading.truncated:
        lines.append(f"(a long message: only its first {MAX_CHARS:,} characters were read)")
    if reading.language:
        lines.append(f"Language: {LANGUAGES[reading.language].en}")
    for rank, guess in enumerate(reading.guesses, 1):
        said = ", ".join(f'"{p}"' for p in guess.phrases)
        lines.append(f"{rank}. {guess.case_id} — {titles.get(guess.case_id, '')}  ({said})")
    if not reading.guesses:
        lines.append("No case suggested: choose one from `reply-composer cases`.")
    if reading.signals:
        lines.append("Says: " + ", ".join(reading.signals))
        notes = notes or {}
        lines += [f"  Note: {notes[s].en}" for s in reading.signals if s in notes]
    import shlex

    sets = " ".join(f"--set {shlex.quote(f'{name}={value}')}"
                    for name, value in reading.values.items())
    if reading.values:
        lines.append("Found: " + ", ".join(f"{n}={v}" for n, v in reading.values.items()))
    if reading.guesses:
        lines.append(f"Next: reply-composer compose {reading.guesses[0].case_id} {sets}".rstrip())
    return "\n".join(lines)


def _check(args: argparse.Namespace) -> int:
    from app.check import check_all

    problems = check_all(args.folder or args.library)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem(s)", file=sys.stderr)
        return EXIT_PROBLEMS
    print("OK: policy and templates are valid", file=sys.stderr)
    return EXIT_OK


def _open_window(args: argparse.Namespace, hooks: Hooks) -> int:
    if hooks.open_window is None:
        print("reply-composer: this launcher has no window; the CLI works: "
              "reply-composer compose --help", file=sys.stderr)
        return EXIT_PROBLEMS
    return hooks.open_window(args.library, args.smoke)
