"""The review of a reply about to be copied: marketplace-rule warnings (⚠) and English hints
(✎). Neither stops a copy; both are shown under the reply, hand edits included."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from app.errors import SourceError
from app.review.compliance import RuleWarning, check_reply
from app.review.english_hints import Hint, HintList, load_hints


class Review(NamedTuple):
    warnings: tuple[RuleWarning, ...]
    hints: tuple[Hint, ...]
    problem: SourceError | None = None  # english_hints.yaml is broken: no hints until fixed


class Reviewer:
    """Reviews reply texts; reads english_hints.yaml on first use (or on `warm_up`)."""

    def __init__(self, hints_path: Path | None = None) -> None:
        self._path = hints_path
        self._hints: HintList | None = None
        self._problem: SourceError | None = None

    def warm_up(self) -> None:
        if self._hints is None and self._problem is None:
            try:
                self._hints = load_hints(self._path)
            except SourceError as exc:
                self._problem = exc

    def review(self, text: str) -> Review:
        if not text.strip():
            return Review((), ())
        self.warm_up()
        hints = tuple(self._hints.find(text)) if self._hints is not None else ()
        return Review(tuple(check_reply(text)), hints, self._problem)
