"""The buyer's message box: reading a pasted message (app.message.classifier), in this process.

Samples are the test corpus's messages (tests/data/buyer_messages.yaml, five languages)
read in turn, and a paste at the 20,000-character limit; plus the phrase file's first load.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import yaml

from bench.stats import Measurement, measure

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "data" / "buyer_messages.yaml"
MS = 1000.0


def measure_message(rounds: int) -> list[Measurement]:
    from app.message.classifier import MAX_CHARS, load_lexicon

    started = time.perf_counter()
    lexicon = load_lexicon()
    loaded = time.perf_counter() - started
    texts = [m["text"] for m in yaml.safe_load(CORPUS.read_text(encoding="utf-8"))]
    reads = [_timed(lexicon.read, text) for _ in range(rounds) for text in texts]
    paste = (" ".join(texts) * (MAX_CHARS // len(" ".join(texts)) + 1))[:MAX_CHARS]
    huge = [_timed(lexicon.read, paste) for _ in range(max(3, rounds // 4))]
    return [
        measure("message.read", "ms", reads, scale=MS,
                note=f"one pasted buyer message (the {len(texts)} sample messages, "
                     f"{rounds} rounds)"),
        measure("message.read_20k", "ms", huge, scale=MS,
                note="a paste at the 20,000-character limit"),
        measure("message.lexicon_load", "ms", [loaded], scale=MS,
                note="buyer_phrases.yaml read on the first paste"),
    ]


def _timed(read: Callable[[str], object], text: str) -> float:
    start = time.perf_counter()
    read(text)
    return time.perf_counter() - start
