"""The review of a reply about to be copied, in its language: marketplace-rule warnings (⚠)
and hints (✎). Neither stops a copy; both are shown under the reply, hand edits included."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from app.data.layered import DataLayers
from app.errors import SourceError
from app.review.compliance import OfferWords, RuleWarning, check_reply, load_offer_words
from app.review.hints import Hint, HintList, load_hints


class Review(NamedTuple):
    warnings: tuple[RuleWarning, ...]
    hints: tuple[Hint, ...]
    problem: SourceError | None = None  # a hint or rule file is broken: fewer checks till fixed


class Reviewer:
    """Reviews reply texts; reads hints.yaml and compliance.yaml on first use (or warm_up)."""

    def __init__(self, hints_path: Path | None = None, compliance_path: Path | None = None,
                 data: DataLayers | None = None) -> None:
        self._paths = (hints_path, compliance_path)
        self._data = data  # the team's and the agent's own hint and rule files
        self._hints: dict[str, HintList] | None = None
        self._words: dict[str, OfferWords] | None = None
        self._problem: SourceError | None = None

    def warm_up(self) -> None:
        if self._hints is not None or self._problem is not None:
            return
        try:
            self._words, self._hints = self._load()
        except SourceError as exc:
            self._problem = exc

    def _load(self) -> tuple[dict[str, OfferWords], dict[str, HintList]]:
        """The words and hints, from the pickle cache while their files are unchanged: a CLI
        run then reads no YAML and compiles only its reply language's patterns."""
        from app.data.cache import cached
        from app.data.layered import BUNDLED_ONLY

        hints_path, compliance_path = self._paths

        def read() -> tuple[dict[str, OfferWords], dict[str, HintList]]:
            return (load_offer_words(compliance_path, self._data),
                    load_hints(hints_path, self._data))

        if hints_path is not None or compliance_path is not None:
            return read()  # files named by a caller (tests, checks): read as they are
        data = self._data or BUNDLED_ONLY
        return cached("review", [*data.files("compliance.yaml"), *data.files("hints.yaml")],
                      read)

    def review(self, text: str, language: str = "en") -> Review:
        if not text.strip():
            return Review((), ())
        self.warm_up()
        hints = self._hints.get(language) if self._hints else None
        found = tuple(hints.find(text)) if hints is not None else ()
        warnings = check_reply(text, language, self._words) if self._words else check_reply(text)
        return Review(tuple(warnings), found, self._problem)
