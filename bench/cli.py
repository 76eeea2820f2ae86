"""CLI: `reply-composer compose order-unpaid --set item=x` against importing jinja2 and yaml
(the least any compose must pay), alternated, wall time of each process."""

from __future__ import annotations

from pathlib import Path

from bench.procs import app_command, isolated_env, python_command
from bench.startup import alternate
from bench.stats import Measurement, measure

COMPOSE = ("compose", "order-unpaid", "--set", "item=x")


def measure_cli(home: Path, runs: int, warmup: int) -> list[Measurement]:
    env = isolated_env(home)
    cli, imports = alternate([app_command(*COMPOSE),
                              python_command("-c", "import jinja2, yaml")], runs, warmup, env)
    if "— Suggestion —" not in cli[0].stdout:
        raise RuntimeError(f"compose printed no reply: {cli[0].stdout[:300]!r}")
    return [measure("cli.compose", "s", [r.wall for r in cli],
                    baseline=[r.wall for r in imports], budget="ratio <= 1.5", limit=1.5,
                    note="wall time vs python -c 'import jinja2, yaml'")]
