"""Running a command in a fresh process: wall time, peak RSS (its own rusage) and output."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIRST_PAINT = re.compile(r"first paint after ([0-9.]+) s")
READY = re.compile(r"ready after ([0-9.]+) s")


@dataclass(frozen=True)
class Run:
    wall: float  # seconds from spawn to exit
    peak_rss_kb: int  # ru_maxrss of this child alone (os.wait4)
    returncode: int
    stdout: str
    stderr: str

    def first_paint(self) -> float:
        return self._seconds(FIRST_PAINT, "first paint")

    def ready(self) -> float:
        """`--smoke-ready`: compose page painted, catalog loaded, Ctrl+M taken."""
        if "Ctrl+M ignored" in self.stdout:
            raise RuntimeError(f"the window did not take Ctrl+M: {self.stdout!r}")
        return self._seconds(READY, "ready")

    def _seconds(self, pattern: re.Pattern[str], what: str) -> float:
        found = pattern.search(self.stdout)
        if found is None:
            raise RuntimeError(f"no {what} reported: {self.stdout!r} {self.stderr[-500:]!r}")
        return float(found.group(1))


def run(cmd: Sequence[str], env: Mapping[str, str] | None = None, timeout: float = 120) -> Run:
    """Spawn, wait with os.wait4 (rusage of exactly this child), return what it did."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(list(cmd), stdout=out, stderr=err, cwd=ROOT,
                                env=dict(env) if env is not None else None)
        status, usage = _wait(proc, timeout)
        wall = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        result = Run(wall, usage.ru_maxrss, os.waitstatus_to_exitcode(status),
                     out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"))
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {result.returncode}: {result.stderr[-2000:]}")
    return result


def _wait(proc: subprocess.Popen[bytes], timeout: float) -> tuple[int, os.struct_rusage]:
    killer = threading.Timer(timeout, proc.kill)  # a hung child fails the run, not the bench
    killer.start()
    try:
        _, status, usage = os.wait4(proc.pid, 0)
    finally:
        killer.cancel()
    proc.returncode = os.waitstatus_to_exitcode(status)  # Popen must not wait again
    return status, usage


def app_command(*args: str) -> list[str]:
    """`reply-composer ARGS`: the installed console script if the venv has one, else
    `python -m app` (the same entry point, `ui.launch:main`)."""
    script = Path(sys.executable).with_name("reply-composer")
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script), *args]
    return [sys.executable, "-m", "app", *args]


def python_command(*args: str) -> list[str]:
    return [sys.executable, *args]


def isolated_env(home: Path) -> dict[str, str]:
    """Offscreen Qt, and settings/profile under `home` so runs neither read nor change the
    user's own (the font cache stays shared: rebuilding it would dominate)."""
    env = dict(os.environ)
    env.update(QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(home / "config"),
               XDG_DATA_HOME=str(home / "data"))
    path = env.get("PYTHONPATH")
    env["PYTHONPATH"] = str(ROOT) + (os.pathsep + path if path else "")
    return env
