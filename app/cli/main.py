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
            "suggest": "app.cli.suggest", "check": "app.cli.catalog"}


class Hooks(NamedTuple):
    """What the domain can't do itself: the launcher in `ui.launch` plugs in the clipboard
    (pyperclip) and the window, so `app` stays free of Qt and pyperclip."""

    copy: Callable[[str], None] | None = None  # raises ClipboardUnavailable
    open_window: Callable[[Path | None, bool], int] | None = None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reply-composer",
        description="Replies and refund suggestions for marketplace after-sale cases. "
                    "With no command, opens the window.")
    parser.add_argument("--library", type=Path, metavar="DIR",
                        help="use DIR as the personal template library (over the bundled ones)")
    parser.add_argument("--smoke", action="store_true",
                        help="open the window, print seconds to first paint, exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in dict.fromkeys(COMMANDS.values()):
        importlib.import_module(module).add(commands)
    return parser


def main(argv: Sequence[str] | None = None, hooks: Hooks | None = None) -> int:
    args = build_parser().parse_args(argv)
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
    if hooks.open_window is None:
        print("reply-composer: this launcher has no window; the CLI works: "
              "reply-composer compose --help", file=sys.stderr)
        return EXIT_PROBLEMS
    return hooks.open_window(args.library, args.smoke)
