"""Every measurement of issue 5, one command: a table, then one JSON line per measurement.

    python -m bench.run            full sizes (about a minute, and some minutes more to
                                   write the statistics' million log entries)
    python -m bench.run --quick    tiny sizes and few runs: checks the harness works (CI)
    python -m bench.run --only cli one section (start-up, keystroke, scale, cli, message,
                                   stats); repeatable

Numbers are ratios and percentiles within one run on whatever machine runs it; they are
reports, never pass/fail. `met` says whether the issue's budget holds in this run.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench import keystroke
from bench.cli import measure_cli
from bench.library import generate
from bench.message import measure_message
from bench.procs import app_command, isolated_env, python_command, run
from bench.startup import measure_startup
from bench.stats import Measurement, measure, table
from bench.stats_query import measure_stats_queries

MS, MB = 1000.0, 1 / 1024


@dataclass(frozen=True)
class Sizes:
    runs: int  # start-up and CLI runs of each command, after `warmup`
    warmup: int
    keys: int  # keystrokes into order fields (debounce 0)
    debounced: int  # keystrokes with the real debounce
    key_batch: int  # keystrokes per fresh process (see keystroke.none_refs_lost)
    templates: int
    load_runs: int
    filter_keys: int
    message_rounds: int  # passes over the sample buyer messages
    log_entries: int  # case-log entries the statistics count (filling them takes minutes)
    stats_runs: int


FULL = Sizes(runs=11, warmup=1, keys=510, debounced=30, key_batch=100, templates=5000,
             load_runs=5, filter_keys=300, message_rounds=20, log_entries=1_000_000,
             stats_runs=7)
QUICK = Sizes(runs=2, warmup=0, keys=30, debounced=3, key_batch=30, templates=40,
              load_runs=2, filter_keys=20, message_rounds=1, log_entries=2_000, stats_runs=2)


def children(module: str, args: list[str], env: dict[str, str]) -> dict[str, list[float]]:
    """Run `python -m module args` and return the samples it printed."""
    done = run(python_command("-m", module, *args), env, timeout=900)
    for line in reversed(done.stdout.splitlines()):
        if line.startswith('{"samples"'):
            samples: dict[str, list[float]] = json.loads(line)["samples"]
            return samples
    raise RuntimeError(f"{module} printed no samples: {done.stdout[-500:]!r}")


def merged(batches: list[dict[str, list[float]]]) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {}
    for batch in batches:
        for name, values in batch.items():
            out.setdefault(name, []).extend(values)
    return out


def measure_keystrokes(sizes: Sizes, env: dict[str, str]) -> list[Measurement]:
    """In batches of fresh processes: a window survives only so many keys on a Qt binding
    that drops references (reported as keystroke.none_refs_lost)."""
    batches = []
    left = sizes.keys
    while left > 0:
        count = min(left, sizes.key_batch)
        batches.append(children("bench.keystroke", ["--keys", str(count)], env))
        left -= count
    batches.append(children("bench.keystroke",
                            ["--keys", "0", "--debounced", str(sizes.debounced)], env))
    return keystroke.summarise(merged(batches))


class Partial(RuntimeError):
    """A section failed part-way; what it measured before that is still reported."""

    def __init__(self, message: str, measured: list[Measurement]) -> None:
        super().__init__(message)
        self.measured = measured


def measure_scale(sizes: Sizes, home: Path, env: dict[str, str]) -> list[Measurement]:
    folder = home / "library"
    generate(folder, sizes.templates)
    checked = run(app_command("check", str(folder)), env, timeout=900)
    if "OK" not in checked.stderr:
        raise RuntimeError(f"the generated library is not valid: {checked.stdout[-800:]}")
    found = [measure("library.check", "s", [checked.wall],
                     note="reply-composer check DIR on the generated library: valid (exit 0)")]
    found += measure_library(folder, sizes, env)
    try:
        return found + measure_picker(folder, sizes, env)
    except RuntimeError as exc:  # e.g. the picker process aborted
        raise Partial(str(exc), found) from None


def measure_library(folder: Path, sizes: Sizes, env: dict[str, str]) -> list[Measurement]:
    s = children("bench.scale", ["load", str(folder), "--runs", str(sizes.load_runs)], env)
    return [
        measure("library.load", "s", s["load"], budget="<= 1 s", limit=1.0,
                note=f"{int(s['templates'][0])} templates (personal + bundled): ids and "
                     "every header"),
        measure("library.memory", "MB", s["library_kb"], scale=MB,
                note="RSS growth holding every loaded template"),
    ]


def measure_picker(folder: Path, sizes: Sizes, env: dict[str, str]) -> list[Measurement]:
    s = children("bench.scale", ["picker", str(folder), "--keys", str(sizes.filter_keys)], env)
    return [
        measure("picker.filter", "ms", s["filter"], scale=MS, budget="p99 <= 16 ms",
                limit=16, on="p99",
                note=f"key into the case search over {int(s['rows'][0])} rows: filtered, "
                     "groups expanded, current row kept"),
        measure("picker.filter_painted", "ms", s["painted"], scale=MS,
                note="the same key until the tree is laid out and repainted"),
        measure("picker.proxy", "ms", s["proxy"], scale=MS,
                note="SearchFilter.set_query alone, every row mapped, no view"),
        measure("picker.memory", "MB", s["picker_kb"], scale=MB,
                note="RSS growth of the model, proxy and the tree view's rows"),
    ]


SECTION_NAMES = ("start-up", "keystroke", "scale", "cli", "message", "stats")


def sections(sizes: Sizes, home: Path) -> list[tuple[str, Callable[[], list[Measurement]]]]:
    env = isolated_env(home)
    return [
        ("start-up", lambda: measure_startup(home, sizes.runs, sizes.warmup)),
        ("keystroke", lambda: measure_keystrokes(sizes, env)),
        ("scale", lambda: measure_scale(sizes, home, env)),
        ("cli", lambda: measure_cli(home, sizes.runs, sizes.warmup)),
        ("message", lambda: measure_message(sizes.message_rounds)),
        ("stats", lambda: measure_stats_queries(sizes.log_entries, sizes.stats_runs)),
    ]


def compile_sources() -> None:
    """Byte-compile app/ and ui/ first, as `pip install` does: with PYTHONDONTWRITEBYTECODE
    set (as on these machines) a checkout would otherwise recompile every module on every
    start, which no installed copy does and the bare baseline never pays."""
    import compileall

    root = Path(__file__).resolve().parent.parent
    for folder in ("app", "ui"):
        compileall.compile_dir(root / folder, quiet=1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="tiny sizes, few runs (CI)")
    parser.add_argument("--only", action="append", choices=SECTION_NAMES, metavar="SECTION",
                        help=f"run only this section (repeatable): {', '.join(SECTION_NAMES)}")
    args = parser.parse_args(argv)
    sizes = QUICK if args.quick else FULL
    compile_sources()
    results: list[Measurement] = []
    failed = []
    with tempfile.TemporaryDirectory(prefix="reply-composer-bench-") as tmp:
        for title, section in sections(sizes, Path(tmp)):
            if args.only and title not in args.only:
                continue
            started = time.perf_counter()
            print(f"[bench] {title} …", file=sys.stderr, flush=True)
            try:
                results += section()
            except (RuntimeError, TimeoutError, OSError) as exc:
                results += exc.measured if isinstance(exc, Partial) else []
                failed.append(title)
                print(f"[bench] {title} FAILED: {exc}", file=sys.stderr, flush=True)
            print(f"[bench] {title} took {time.perf_counter() - started:.0f} s",
                  file=sys.stderr, flush=True)
    print(table(results))
    for result in results:
        print(result.to_json())
    if failed:
        print(f"[bench] failed: {', '.join(failed)} (see above)", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
