"""Opening the window from the command line: the smoke run, the no-display message, and what
the first paint does (and doesn't) pay for."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

# Built right after the first paint, never before it: the commands, the panels, the
# template editor and the catalog with its YAML and Jinja2.
AFTER_PAINT = ("ui.shell.actions", "ui.compose.page", "ui.editor.page", "app.compose.composer",
               "app.catalog.catalog", "jinja2", "yaml")


def _run_app(*args: str, env: dict[str, str], then: str = "pass"
             ) -> subprocess.CompletedProcess[str]:
    code = f"import sys; from ui.launch import main; code = main({list(args)!r}); {then}"
    return subprocess.run([sys.executable, "-c", f"{code}; sys.exit(code)"],
                          capture_output=True, text=True, timeout=60, env=env, check=False)


def _offscreen(home: Path) -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(home),
            "XDG_CONFIG_HOME": str(home), "XDG_DATA_HOME": str(home)}


def test_smoke_prints_seconds_to_first_paint(tmp_path):
    out = _run_app("--smoke", env=_offscreen(tmp_path))
    assert out.returncode == 0, out.stderr
    seconds = float(out.stdout.split("first paint after ")[1].split()[0])
    assert 0 < seconds < 60


def test_the_first_paint_builds_no_panels_commands_or_catalog(tmp_path):
    out = _run_app("--smoke", env=_offscreen(tmp_path),
                   then=f"print('loaded:', [m for m in {AFTER_PAINT!r} if m in sys.modules])")
    assert out.returncode == 0, out.stderr
    assert "loaded: []" in out.stdout


def test_smoke_ready_waits_for_a_window_the_agent_can_use(tmp_path):
    # Ready: the compose page and catalog are there and Ctrl+M put the focus in the message
    # box (the benchmark's second start-up figure).
    out = _run_app("--smoke-ready", env=_offscreen(tmp_path))
    assert out.returncode == 0, out.stderr
    assert "ready after " in out.stdout and "Ctrl+M ignored" not in out.stdout
    seconds = float(out.stdout.split("ready after ")[1].split()[0])
    assert 0 < seconds < 60


def _at_ready(probe: str, env: dict[str, str], runs: int = 1) -> list[str]:
    """What `probe` (a Python expression) is when `--smoke-ready` reports, in each of `runs`
    starts one after the other."""
    code = ("import sys; import ui.shell.run as run; report = run._report_ready; "
            f"run._report_ready = lambda window: (print('at ready:', {probe}), report(window)); "
            "from ui.launch import main; sys.exit(main(['--smoke-ready']))")
    done = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           timeout=60, env=env, check=False) for _ in range(runs)]
    assert [run.returncode for run in done] == [0] * runs, done[-1].stderr
    return [run.stdout.split("at ready: ")[1].splitlines()[0] for run in done]


def test_ready_from_the_catalog_cache_imports_neither_yaml_nor_jinja2(tmp_path):
    """PyYAML and Jinja2 are a seventh of the way to ready: with the catalog and policy in
    the cache, the window is ready before either is imported (the first reply needs Jinja2,
    the first template read or changed data file PyYAML)."""
    env = {**_offscreen(tmp_path), "XDG_CACHE_HOME": str(tmp_path / "cache")}  # cold at first
    probe = "sorted(m for m in ('jinja2', 'yaml') if m in sys.modules)"
    first, second = _at_ready(probe, env, runs=2)
    assert first == "['jinja2', 'yaml']"  # the first start reads the files
    assert second == "[]"


def test_ready_makes_pyside_build_no_widget_class_the_compose_page_does_not_show(tmp_path):
    """PySide makes a widget class when it is first used, and its Python enums with it: the
    first `QStyle` costs ~15 ms (~20 enums); asking for a widget Qt made itself (a scroll
    area's viewport) made it resolve its pending classes, `QFileDialog` among them, ~15 ms;
    the copy prompt's `QMessageBox` and the date fields' `QCalendarWidget` ~3–4 ms each.
    The ready page shows none of them."""
    probe = ("sorted(c for c in ('QStyle', 'QFileDialog', 'QMessageBox', 'QCalendarWidget') "
             "if c in vars(sys.modules['PySide6.QtWidgets']))")
    assert _at_ready(probe, _offscreen(tmp_path)) == ["[]"]


def test_no_display_says_so_in_one_line():
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    out = _run_app(env=env)
    assert out.returncode != 0
    assert out.stderr.strip().count("\n") == 0 and "no display" in out.stderr
    assert "compose" in out.stderr
