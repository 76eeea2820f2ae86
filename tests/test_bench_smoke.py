"""The benchmark harness (bench/) keeps working: a --quick run prints its table and one valid
JSON line per measurement. No timing is asserted: numbers depend on the machine."""

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

from bench.db import engines
from bench.stats import measure, p99, parse_lines, table
from bench.stats_query import measurement_names

ROOT = Path(__file__).resolve().parents[1]
EXPECTED = {
    "startup.first_paint", "startup.ready", "startup.peak_rss", "startup.bare_first_paint",
    "startup.ready_floor", "startup.ready_floor_qt",
    "keystroke.preview", "keystroke.render", "keystroke.debounced", "keystroke.none_refs_lost",
    "library.check", "library.load", "library.memory",
    "picker.filter", "picker.filter_painted", "picker.proxy", "picker.memory",
    "cli.compose", "message.read", "message.read_20k", "message.lexicon_load",
} | measurement_names(engines())  # the statistics, on SQLite and (when set up) PostgreSQL
WITH_BASELINE = {"startup.first_paint", "startup.ready", "startup.peak_rss", "cli.compose",
                 "startup.ready_floor", "startup.ready_floor_qt"}


@pytest.fixture(scope="module")
def quick_run() -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bench.run", "--quick"], cwd=ROOT,
                          capture_output=True, text=True, timeout=600, check=False)


def test_quick_run_prints_one_json_line_per_measurement(quick_run):
    assert quick_run.returncode == 0, quick_run.stderr[-3000:]
    lines = [json.loads(line) for line in quick_run.stdout.splitlines() if line.startswith("{")]
    names = [line["name"] for line in lines]
    assert len(names) == len(set(names))
    assert set(names) == EXPECTED
    for line in lines:
        assert {"name", "unit", "median", "p99", "n"} <= line.keys(), line
        assert line["n"] >= 1 and line["unit"]
        assert all(math.isfinite(line[k]) for k in ("median", "p99")), line
        if line["name"] in WITH_BASELINE:
            assert line["baseline"] > 0 and line["ratio"] > 0, line
        if "budget" in line:
            assert isinstance(line["met"], bool), line


def test_quick_run_prints_the_table_first(quick_run):
    first = quick_run.stdout.splitlines()[0]
    assert first.split()[:4] == ["measurement", "median", "p99", "n"]
    assert len(parse_lines(quick_run.stdout)) == len(EXPECTED)


def test_summaries():
    assert p99([3.0, 1.0, 2.0]) == 3.0
    assert p99([float(i) for i in range(1, 201)]) == 198.0
    m = measure("x", "ms", [0.001, 0.002, 0.003], scale=1000, baseline=[0.001], limit=1.5,
                budget="ratio <= 1.5")
    assert (m.median, m.p99, m.n, m.baseline, m.ratio, m.met) == (2.0, 3.0, 3, 1.0, 2.0, False)
    assert json.loads(m.to_json())["ratio"] == 2.0
    assert measure("y", "ms", [5.0, 1.0], limit=4, on="p99").met is False
    assert "x" in table([m]) and "MISSED" in table([m])
