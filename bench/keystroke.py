"""Keystroke → preview, offscreen in the real window: key events into order fields, timed to
the preview showing the new composition; the render cost alone; the deliberate debounce.

    python -m bench.keystroke --keys 100 --debounced 30     (prints one JSON line of samples)

`bench.run` calls it in batches of fresh processes and summarises the samples.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.gui import Waiter, application, drain, press, report, settings, spin_until, strokes
from bench.stats import Measurement, measure

CASE = "quality-stained"
FIELDS = ("buyer_name", "item", "order_id")  # text fields; the first two appear in the reply
WORDS = ("Maria", "silk scarf", "8123456")
TODAY = dt.date(2026, 11, 26)
MS = 1000.0


def open_window(folder: Path, debounce_ms: int) -> Any:
    from app.user.paths import UserData
    from ui.compose.viewmodel import ComposeViewModel
    from ui.shell.main_window import MainWindow

    vm = ComposeViewModel(user=UserData(folder / "data"), today=lambda: TODAY,
                          debounce_ms=debounce_ms)
    window = MainWindow(vm, settings(folder))
    window.show()
    spin_until(lambda: vm.composer is not None)
    vm.select_case(CASE)
    drain()
    return window


WARMUP = 2  # untimed keys per field first: the very first key of a window is cold (~8 ms)


def time_keys(window: Any, count: int) -> dict[str, list[float]]:
    """Per key: seconds from the press to the preview updated; each Composer.compose call;
    and how many references to None the key cost (0 on a sound Qt binding)."""
    from PySide6.QtWidgets import QLineEdit

    vm, composer = window.vm, window.vm.composer
    renders: list[float] = []
    compose = composer.compose

    def timed_compose(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return compose(*args, **kwargs)
        finally:
            renders.append(time.perf_counter() - start)

    shown: list[float] = []
    # Connected after the page's own slot, so it runs once the preview has the new text.
    vm.compositionChanged.connect(lambda _: shown.append(time.perf_counter()))
    typist = Typist(Waiter(vm.compositionChanged), shown)
    editors = [window.findChild(QLineEdit, f"field_{name}") for name in FIELDS]
    for editor, word in zip(editors, WORDS, strict=True):
        typist.type(editor, strokes([word[0]], WARMUP))
    typist.latencies.clear()
    typist.lost.clear()
    start_refs = float(sys.getrefcount(None))
    composer.compose = timed_compose
    per_field = max(1, -(-count // len(FIELDS)))
    for editor, word in zip(editors, WORDS, strict=True):
        typist.type(editor, strokes([word], per_field)[: count - len(typist.latencies)])
    composer.compose = compose
    return {"latency": typist.latencies, "render": renders, "none_refs_lost": typist.lost,
            "none_refs_start": [start_refs]}


class Typist:
    """Presses keys one at a time, each timed until the composition reaches the preview."""

    def __init__(self, waiter: Waiter, shown: list[float]) -> None:
        self.waiter, self.shown = waiter, shown
        self.latencies: list[float] = []
        self.lost: list[float] = []

    def type(self, editor: Any, keys: list[str]) -> None:
        editor.setFocus()
        for char in keys:
            before, refs = len(self.shown), sys.getrefcount(None)
            start = time.perf_counter()
            press(editor, char)
            self.waiter.wait(lambda n=before: len(self.shown) > n)
            self.latencies.append(self.shown[-1] - start)
            self.lost.append(refs - sys.getrefcount(None))
            drain()


def collect(keys: int, debounced: int) -> dict[str, list[float]]:
    from ui.compose.viewmodel import DEBOUNCE_MS

    app = application()
    samples: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        if keys:
            window = open_window(Path(tmp), debounce_ms=0)
            samples = time_keys(window, keys)
            check_preview(window)
            window.close()
        if debounced:
            slow = open_window(Path(tmp), debounce_ms=DEBOUNCE_MS)
            samples["debounced"] = time_keys(slow, debounced)["latency"]
            slow.close()
    app.processEvents()
    return samples


def check_preview(window: Any) -> None:
    """Guard against timing a window that shows nothing."""
    text = window.page.preview.text()
    if "Dear" not in text and "Hello" not in text:
        raise RuntimeError(f"the preview is not the reply: {text[:200]!r}")


def summarise(samples: dict[str, list[float]]) -> list[Measurement]:
    from ui.compose.viewmodel import DEBOUNCE_MS

    lost = samples["none_refs_lost"]
    return [
        measure("keystroke.preview", "ms", samples["latency"], scale=MS, budget="p99 <= 4 ms",
                limit=4, on="p99",
                note="key event to preview updated, debounce 0, into " + ", ".join(FIELDS)
                     + f" (after {WARMUP} untimed keys per field)"),
        measure("keystroke.render", "ms", samples["render"], scale=MS,
                note="Composer.compose alone (reply + gloss + suggestion)"),
        measure("keystroke.debounced", "ms", samples["debounced"], scale=MS,
                note=f"same with the deliberate {DEBOUNCE_MS} ms debounce (reported apart)"),
        measure("keystroke.none_refs_lost", "refs/key", lost, budget="0", limit=0,
                note="references to None dropped per key by the Qt binding; above 0 the "
                     "window aborts (none_dealloc) after about "
                     f"{_keys_to_abort(lost, samples['none_refs_start'])} keys"),
    ]


def _keys_to_abort(lost: list[float], start: list[float]) -> str:
    per_key = sum(lost) / len(lost) if lost else 0
    return f"{min(start) / per_key:,.0f}" if per_key > 0 else "never"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.keystroke")
    parser.add_argument("--keys", type=int, default=100)
    parser.add_argument("--debounced", type=int, default=0)
    args = parser.parse_args(argv)
    report(collect(args.keys, args.debounced))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
