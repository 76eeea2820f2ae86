"""`reply-composer`: the command line. Each command is a module of this package with
`add(commands)` (its arguments) and `run(args, hooks)`; the CLI path never imports Qt."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NamedTuple

from app.errors import ClipboardUnavailable, ComposerError

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
# Command name -> the module that runs it (imported only when that command is run).
COMMANDS = {"cases": "app.cli.catalog", "compose": "app.cli.compose",
            "suggest": "app.cli.suggest", "check": "app.cli.catalog",
            "orders": "app.cli.orders", "log": "app.cli.log",
            "stats": "app.cli.stats"}
_VALUED = ("--library", "--db")  # the global options that take the next argument
DB_ENV = "REPLY_COMPOSER_DB"  # app.db.url.ENV_VAR (not imported: the plain path stays light)


class Hooks(NamedTuple):
    """What the domain can't do itself: the launcher in `ui.launch` plugs in the clipboard
    (pyperclip) and the window, so `app` stays free of Qt and pyperclip."""

    copy: Callable[[str], None] | None = None  # raises ClipboardUnavailable
    open_window: Callable[[Path | None, bool, bool], int] | None = None


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser; for a known `command`, with that command's arguments only (building every
    command's is a twentieth of `compose`'s run), else with all of them (help, a typo)."""
    parser = argparse.ArgumentParser(
        prog="reply-composer",
        description="Replies and refund suggestions for marketplace after-sale cases. "
                    "With no command, opens the window.")
    parser.add_argument("--library", type=Path, metavar="DIR",
                        help="use DIR as the personal template library (over the bundled ones)")
    parser.add_argument("--smoke", action="store_true",
                        help="open the window, print seconds to first paint, exit")
    parser.add_argument("--smoke-ready", action="store_true",
                        help="open the window, print seconds until an agent could start, exit")
    parser.add_argument("--db", metavar="URL", help="the database: sqlite:///PATH or "
                        f"postgresql://user@host:port/db (default: ${DB_ENV}, the saved "
                        "setting, or a SQLite file in the user data folder)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    modules = [COMMANDS[command]] if command in COMMANDS else dict.fromkeys(COMMANDS.values())
    for module in modules:
        importlib.import_module(module).add(commands)
    _accept_db_after_commands(parser)
    return parser


def _accept_db_after_commands(parser: argparse.ArgumentParser) -> None:
    """`--db URL` also after a command (`orders import FILE --db URL`); SUPPRESS keeps a
    sub-command from resetting the value given before it."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in dict.fromkeys(action.choices.values()):
                sub.add_argument("--db", metavar="URL", default=argparse.SUPPRESS,
                                 help=argparse.SUPPRESS)
                _accept_db_after_commands(sub)


def _command_in(argv: Sequence[str]) -> str | None:
    """The first argument that is neither a global option nor its value: the command."""
    rest = iter(argv)
    for arg in rest:
        if arg in _VALUED:
            next(rest, None)
        elif not arg.startswith("-"):
            return arg
    return None


def main(argv: Sequence[str] | None = None, hooks: Hooks | None = None) -> int:
    args = build_parser(_command_in(sys.argv[1:] if argv is None else argv)).parse_args(argv)
    hooks = hooks or Hooks()
    try:
        if args.command is None:
            return _open_window(args, hooks)
        run: Callable[[argparse.Namespace, Hooks], int] = importlib.import_module(
            COMMANDS[args.command]).run
        return run(args, hooks)
    except ClipboardUnavailable as exc:
        print(f"reply-composer: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    except ComposerError as exc:
        print(f"reply-composer: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK


def _open_window(args: argparse.Namespace, hooks: Hooks) -> int:
    if args.db:  # the window resolves the database as the CLI does: --db wins over the rest
        import os

        os.environ[DB_ENV] = args.db
    if hooks.open_window is None:
        print("reply-composer: this launcher has no window; the CLI works: "
              "reply-composer compose --help", file=sys.stderr)
        return EXIT_PROBLEMS
    return hooks.open_window(args.library, args.smoke, args.smoke_ready)
