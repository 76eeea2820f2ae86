"""The `reply-composer` command: the CLI from `app`, plus the clipboard and the window.

Nothing here imports Qt at module level, so `reply-composer compose` never pays for it.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from app.cli import Hooks
from app.cli import main as cli_main
from app.errors import ClipboardUnavailable


def copy_with_pyperclip(text: str) -> None:
    import pyperclip

    try:
        pyperclip.copy(text)
    except pyperclip.PyperclipException:
        raise ClipboardUnavailable(
            "no clipboard here (needs a desktop session, and xclip or xsel on Linux); "
            "the reply is printed above") from None


def open_window(library: Path | None, smoke: bool) -> int:
    from ui.main import run

    return run(library=library, smoke=smoke)


def main(argv: Sequence[str] | None = None) -> int:
    return cli_main(argv if argv is not None else sys.argv[1:],
                    Hooks(copy=copy_with_pyperclip, open_window=open_window))
