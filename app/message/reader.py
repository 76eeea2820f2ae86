"""Reading what the agent pastes into the message box, with the phrase and label files read
once (on first use or `warm_up`); a broken file is one message, and the rest keeps working."""

from __future__ import annotations

from pathlib import Path

from app.catalog.catalog import Catalog
from app.errors import ComposerError, SourceError
from app.message.classifier import Lexicon, Reading, load_lexicon, read_paste
from app.message.order_paste import OrderLabels, load_order_labels


class MessageReader:
    def __init__(self, catalog: Catalog, phrases: Path | None = None,
                 labels: Path | None = None) -> None:
        self.catalog = catalog
        self._paths = (phrases, labels)
        self._readers: tuple[Lexicon, OrderLabels] | None = None
        self.problem: SourceError | None = None  # a phrase or label file could not be read

    def warm_up(self) -> None:
        if self._readers is None and self.problem is None:
            phrases, labels = self._paths
            try:
                data = self.catalog.data  # the layers the catalog was read from
                self._readers = (load_lexicon(phrases, self.catalog.cases, data),
                                 load_order_labels(labels, self.catalog.fields, data))
            except SourceError as exc:
                self.problem = exc

    def read(self, text: str) -> Reading | None:
        """What the paste says; None for an empty paste or while a file is broken."""
        self.warm_up()
        if self._readers is None or not text.strip():
            return None
        lexicon, labels = self._readers
        return read_paste(text, lexicon, labels)

    def fits(self, name: str, value: str) -> bool:
        """Whether the field takes this value ("Country: I live in Brazil" fills nothing)."""
        try:
            self.catalog.parse(name, value)
        except ComposerError:
            return False
        return True
