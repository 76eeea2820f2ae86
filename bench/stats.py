"""Measurements: medians and p99 of samples, one JSON line each, and the summary table."""

from __future__ import annotations

import json
import math
import statistics
from collections.abc import Sequence
from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Measurement:
    name: str
    unit: str
    median: float
    p99: float
    n: int
    baseline: float | None = None  # the baseline's median, in the same unit
    ratio: float | None = None  # median / baseline
    budget: str | None = None  # e.g. "ratio <= 1.3", "p99 <= 4 ms"
    met: bool | None = None
    note: str = ""

    def to_json(self) -> str:
        data = {k: v for k, v in asdict(self).items() if v is not None and v != ""}
        return json.dumps(data, ensure_ascii=False, sort_keys=False)


def p99(samples: Sequence[float]) -> float:
    """The nearest-rank 99th percentile (the maximum below 100 samples)."""
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(0.99 * len(ordered)) - 1)]


def measure(name: str, unit: str, samples: Sequence[float], *, scale: float = 1.0,  # noqa: PLR0913 (all optional, by keyword)
            baseline: Sequence[float] | None = None, budget: str | None = None,
            limit: float | None = None, on: str = "median", note: str = "") -> Measurement:
    """Summarise samples (multiplied by `scale` into `unit`).

    With a baseline, the ratio of the medians is checked against `limit`; without one,
    `on` ("median" or "p99") is.
    """
    if not samples:
        raise ValueError(f"{name}: no samples")
    values = [s * scale for s in samples]
    median, top = statistics.median(values), p99(values)
    base = ratio = None
    if baseline:
        base = statistics.median([b * scale for b in baseline])
        ratio = median / base if base else None
    met = None
    if limit is not None:
        checked = ratio if baseline else (top if on == "p99" else median)
        met = checked is not None and checked <= limit
    return Measurement(name, unit, _round(median), _round(top), len(values), _round(base),
                       _round(ratio), budget, met, note)


def _round(value: float | None) -> float | None:
    return None if value is None else float(f"{value:.4g}")


def table(rows: Sequence[Measurement]) -> str:
    head = ("measurement", "median", "p99", "n", "baseline", "ratio", "budget", "")
    lines = [head]
    for m in rows:
        verdict = "" if m.met is None else ("met" if m.met else "MISSED")
        lines.append((m.name, f"{m.median:g} {m.unit}", f"{m.p99:g} {m.unit}", str(m.n),
                      "" if m.baseline is None else f"{m.baseline:g} {m.unit}",
                      "" if m.ratio is None else f"{m.ratio:.2f}x",
                      m.budget or "", verdict))
    widths = [max(len(row[i]) for row in lines) for i in range(len(head))]
    out = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
           for row in lines]
    out.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(out)


def parse_lines(text: str) -> list[Measurement]:
    """The measurements among a child's output lines (others are ignored)."""
    found = []
    for line in text.splitlines():
        if line.startswith("{"):
            data = json.loads(line)
            if "name" in data and "median" in data:
                found.append(Measurement(**data))
    return found
