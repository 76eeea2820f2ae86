"""Start-up: `reply-composer --smoke` (first paint) and `--smoke-ready` (the compose page
painted with its case list and form, the catalog loaded, Ctrl+M taken: the agent could start)
against a bare PySide6 main window, alternated.

All print "… after X s" timed the same way (from process start, read from /proc); peak RSS
is each process's own ru_maxrss.
"""

from __future__ import annotations

from pathlib import Path

from bench.procs import Run, app_command, isolated_env, python_command, run
from bench.stats import Measurement, measure

KB_TO_MB = 1 / 1024


def alternate(commands: list[list[str]], runs: int, warmup: int,
              env: dict[str, str]) -> list[list[Run]]:
    """Run the commands in turn (A B C A B C …) so drift in machine load hits them all."""
    for _ in range(warmup):
        for command in commands:
            run(command, env)
    results: list[list[Run]] = [[] for _ in commands]
    for _ in range(runs):
        for command, found in zip(commands, results, strict=True):
            found.append(run(command, env))
    return results


def measure_startup(home: Path, runs: int, warmup: int) -> list[Measurement]:
    env = isolated_env(home)
    app, ready, bare, floor, floor_qt = alternate(
        [app_command("--smoke"), app_command("--smoke-ready"),
         python_command("-m", "bench.bare_window"), python_command("-m", "bench.ready_floor"),
         python_command("-m", "bench.ready_floor", "--qt-namespace")], runs, warmup, env)
    return [
        measure("startup.first_paint", "s", [r.first_paint() for r in app],
                baseline=[r.first_paint() for r in bare], budget="ratio <= 1.3", limit=1.3,
                note="reply-composer --smoke vs bench/bare_window.py"),
        measure("startup.ready", "s", [r.ready() for r in ready],
                baseline=[r.first_paint() for r in bare], budget="ratio <= 1.5", limit=1.5,
                note="reply-composer --smoke-ready vs the bare window's first paint"),
        measure("startup.peak_rss", "MB", [r.peak_rss_kb for r in app], scale=KB_TO_MB,
                baseline=[r.peak_rss_kb for r in bare], budget="ratio <= 1.3", limit=1.3,
                note="whole smoke process (incl. the catalog load queued after the paint)"),
        measure("startup.bare_first_paint", "s", [r.first_paint() for r in bare],
                note="baseline alone"),
        # What PySide6 alone takes to be "ready" (bench/ready_floor.py): the least of the
        # ready budget any compose page made with it can leave to the app.
        measure("startup.ready_floor", "s", [r.ready() for r in floor],
                baseline=[r.first_paint() for r in bare],
                note="a bare compose page of PySide6 widgets only, no domain code"),
        measure("startup.ready_floor_qt", "s", [r.ready() for r in floor_qt],
                baseline=[r.first_paint() for r in bare],
                note="the same, touching the Qt namespace once (~90 Python enums)"),
    ]
