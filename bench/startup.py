"""Start-up: `reply-composer --smoke` against a bare PySide6 main window, alternated.

Both print "first paint after X s" timed the same way (process start from /proc to the first
QEvent.Paint of the main window); peak RSS is each process's own ru_maxrss.
"""

from __future__ import annotations

from pathlib import Path

from bench.procs import Run, app_command, isolated_env, python_command, run
from bench.stats import Measurement, measure

KB_TO_MB = 1 / 1024


def alternate(first: list[str], second: list[str], runs: int, warmup: int,
              env: dict[str, str]) -> tuple[list[Run], list[Run]]:
    """Run the two commands in turn (A B A B …) so drift in machine load hits both."""
    for _ in range(warmup):
        run(first, env)
        run(second, env)
    a, b = [], []
    for _ in range(runs):
        a.append(run(first, env))
        b.append(run(second, env))
    return a, b


def measure_startup(home: Path, runs: int, warmup: int) -> list[Measurement]:
    env = isolated_env(home)
    app, bare = alternate(app_command("--smoke"), python_command("-m", "bench.bare_window"),
                          runs, warmup, env)
    return [
        measure("startup.first_paint", "s", [r.first_paint() for r in app],
                baseline=[r.first_paint() for r in bare], budget="ratio <= 1.3", limit=1.3,
                note="reply-composer --smoke vs bench/bare_window.py"),
        measure("startup.peak_rss", "MB", [r.peak_rss_kb for r in app], scale=KB_TO_MB,
                baseline=[r.peak_rss_kb for r in bare], budget="ratio <= 1.3", limit=1.3,
                note="whole smoke process (incl. the catalog load queued after the paint)"),
        measure("startup.bare_first_paint", "s", [r.first_paint() for r in bare],
                note="baseline alone"),
    ]
