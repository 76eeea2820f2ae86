"""`reply-composer suggest "…"`: what a buyer's message suggests (cases, signals, numbers)."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.cli.main import Hooks
    from app.message.classifier import Reading


def add(commands: Any) -> None:
    suggest = commands.add_parser(
        "suggest", help="read a buyer's message: likely cases, order and tracking numbers")
    suggest.add_argument("message", nargs="?", default="-", metavar="MESSAGE",
                         help="the buyer's message (default: read standard input)")
    suggest.add_argument("--json", action="store_true")


def run(args: argparse.Namespace, hooks: Hooks) -> int:
    from app.catalog.catalog import load_catalog
    from app.message.reader import MessageReader

    text = sys.stdin.read() if args.message == "-" else args.message
    catalog = load_catalog()
    reader = MessageReader(catalog)
    reader.warm_up()
    if reader.problem is not None:
        raise reader.problem
    reading = reader.read(text)
    if args.json:
        import json

        print(json.dumps(reading_json(reading), ensure_ascii=False, indent=2))
        return 0
    titles = {c.id: f"{c.title.en} / {c.title.zh}" for c in catalog.cases.values()}
    print(format_reading(reading, titles))
    return 0


def reading_json(reading: Reading | None) -> dict[str, object]:
    """The reading for a script: `summary_zh` is the agent's one line in Chinese ("" when
    nothing is recognised), `spans` the [start, end) character offsets of the words that
    counted, in the message as given."""
    if reading is None:
        return {"cases": [], "signals": [], "language": None, "values": {}, "truncated": False,
                "summary_zh": "", "spans": []}
    return {"cases": [{"case": g.case_id, "score": g.score, "phrases": list(g.phrases)}
                      for g in reading.guesses],
            "signals": list(reading.signals), "language": reading.language,
            "values": reading.values, "truncated": reading.truncated,
            "summary_zh": reading.summary_zh, "spans": [list(span) for span in reading.spans]}


def format_reading(reading: Reading | None, titles: dict[str, str]) -> str:
    if reading is None:
        return "No case suggested: the message is empty."
    lines = []
    if reading.truncated:
        lines.append(f"(a long message: only its first {reading.limit:,} characters were read)")
    if reading.language_name:
        lines.append(f"Language: {reading.language_name.en}")
    if reading.summary_zh:
        lines.append(f"Summary: {reading.summary_zh}")
    for rank, guess in enumerate(reading.guesses, 1):
        said = ", ".join(f'"{p}"' for p in guess.phrases)
        lines.append(f"{rank}. {guess.case_id} — {titles.get(guess.case_id, '')}  ({said})")
    if not reading.guesses:
        lines.append("No case suggested: choose one from `reply-composer cases`.")
    if reading.signals:
        lines.append("Says: " + ", ".join(reading.signals))
        lines += [f"  Note: {said.note.en}" for said in reading.said if said.note]
    if reading.values:
        lines.append("Found: " + ", ".join(f"{n}={v}" for n, v in reading.values.items()))
    if reading.guesses:
        import shlex

        sets = " ".join(f"--set {shlex.quote(f'{name}={value}')}"
                        for name, value in reading.values.items())
        lines.append(f"Next: reply-composer compose {reading.guesses[0].case_id} {sets}".rstrip())
    return "\n".join(lines)
