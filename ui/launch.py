"""The `reply-composer` command: the CLI from `app`, plus the clipboard and the window.

Nothing here imports Qt at module level, so `reply-composer compose` never pays for it;
and opening the window never pays for the CLI's parser.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path


def copy_with_pyperclip(text: str) -> None:
    import pyperclip

    from app.errors import ClipboardUnavailable

    try:
        pyperclip.copy(text)
    except pyperclip.PyperclipException:
        raise ClipboardUnavailable(
            "no clipboard here (needs a desktop session, and xclip or xsel on Linux); "
            "the reply is printed above") from None


def open_window(library: Path | None, smoke: bool, ready: bool = False) -> int:
    from ui.shell.run import run

    return run(library=library, smoke=smoke, ready=ready)


def window_arguments(argv: Sequence[str]) -> tuple[Path | None, bool, bool] | None:
    """(library, smoke, ready) when the arguments only open the window, else None.
    `--smoke` exits at the first paint; `--smoke-ready` once the agent could start (the
    benchmark's two start-up figures).

    Opening the window is the common start, and argparse (with its gettext and locale
    set-up) is a measurable part of it; every other command goes through the full CLI.
    """
    library: Path | None = None
    smoke = ready = False
    rest = list(argv)
    while rest:
        arg = rest.pop(0)
        if arg == "--smoke":
            smoke = True
        elif arg == "--smoke-ready":
            ready = True
        elif arg == "--library" and rest and not rest[0].startswith("-"):
            library = Path(rest.pop(0))
        elif arg.startswith("--library="):
            library = Path(arg.split("=", 1)[1])
        else:
            return None
    return library, smoke, ready


def main(argv: Sequence[str] | None = None) -> int:
    args = list(argv if argv is not None else sys.argv[1:])
    window = window_arguments(args)
    if window is not None:
        return open_window(*window)
    from app.cli.main import Hooks
    from app.cli.main import main as cli_main

    return cli_main(args, Hooks(copy=copy_with_pyperclip, open_window=open_window))
