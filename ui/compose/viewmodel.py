"""The one object the panels bind to: it holds the order and calls `app` to compose."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

if TYPE_CHECKING:  # the domain is imported after the first paint, not at start-up
    import datetime as dt

    from app.catalog.catalog import Case, Catalog
    from app.compose.composer import Composer, Composition
    from app.message.classifier import Lexicon, Reading
    from app.message.order_paste import OrderLabels
    from app.review.english_hints import Hint, HintList

DEBOUNCE_MS = 60


class ComposeViewModel(QObject):
    loaded = Signal()
    caseChanged = Signal(str)
    valuesReset = Signal()  # the form must show `values` again (new buyer, restore)
    valueChanged = Signal(str, str)  # one field set (by the form, a script or a future paste)
    compositionChanged = Signal(object)  # a Composition
    renderFailed = Signal(object)  # the ComposerError: the page words it in its language
    fieldErrorsChanged = Signal(dict)  # field name -> ComposerError
    messageRead = Signal()  # `reading` changed: the buyer's message was read (or cleared)

    def __init__(self, library: Path | None = None,
                 profile_path: Path | Callable[[], Path] | None = None,
                 today: Callable[[], dt.date] | None = None,
                 debounce_ms: int = DEBOUNCE_MS) -> None:
        super().__init__()
        self._library = library
        # Where the shared values are kept; a callable is asked only when the profile is
        # first read (after the first paint: finding the user data folder isn't free).
        self._profile_source = profile_path
        self._today = today  # None: the real today (fixed in tests and screenshots)
        self.composer: Composer | None = None
        self.case: Case | None = None
        self.values: dict[str, str] = {}  # what the agent typed, per field name
        self.field_errors: dict[str, Exception] = {}
        self.last_good: Composition | None = None
        self.reading: Reading | None = None  # of the buyer's message, None while it is empty
        self.lexicon_error: str | None = None  # buyer_phrases.yaml could not be read
        self._lexicon: Lexicon | None = None
        self._order_labels: OrderLabels | None = None
        self.hints_error: str | None = None  # english_hints.yaml could not be read
        self._hints: HintList | None = None
        self._timer = QTimer(self, singleShot=True, interval=debounce_ms)
        self._timer.timeout.connect(self.compose_now)

    @property
    def _profile_path(self) -> Path | None:
        if callable(self._profile_source):
            self._profile_source = self._profile_source()
        return self._profile_source

    @property
    def catalog(self) -> Catalog:
        assert self.composer is not None, "load() first"
        return self.composer.catalog

    def load(self) -> None:
        """Read the policy and catalog (after the first paint)."""
        from app.compose.composer import Composer
        from app.user.profile import load_profile

        self.composer = Composer.load(user_dir=self._library)
        if self._profile_path is not None:
            self.values.update(load_profile(self._profile_path))
        self.loaded.emit()

    def select_case(self, case_id: str) -> None:
        case = self.catalog.case(case_id)
        if self.case is not None and case.id == self.case.id:
            return
        self.case = case
        self.caseChanged.emit(case.id)
        self.compose_now()

    def set_value(self, name: str, raw: str) -> None:
        if self.values.get(name, "") == raw:
            return
        self.values[name] = raw
        self.valueChanged.emit(name, raw)  # the form shows it, whoever set it
        self._timer.start()

    def new_buyer(self) -> None:
        """Clear the order but keep what every buyer shares (store name, your name)."""
        shared = {n for n, spec in self.catalog.fields.items() if spec.shared}
        self.values = {n: v for n, v in self.values.items() if n in shared}
        self.valuesReset.emit()
        self.compose_now()

    def read_message(self, text: str) -> None:
        """Read the buyer's message: suggested cases, and its order and tracking numbers
        written into the order fields that are still empty."""
        from app.message.classifier import read_paste

        lexicon = self.lexicon
        self.reading = None
        if lexicon is not None and text.strip():
            self.reading = read_paste(text, lexicon, self._order_labels)
            for name, value in self.reading.values.items():
                if not self.values.get(name) and self._parses(name, value):
                    self.set_value(name, value)
        self.messageRead.emit()

    def warm_up(self) -> None:
        """Read the phrase, label and hint files now (~20 ms), while the agent looks at the
        window, rather than on the first paste."""
        self._load_paste_readers()
        self._load_hints()

    def _parses(self, name: str, value: str) -> bool:
        """Whether the field takes this value ("Country: I live in Brazil" fills nothing)."""
        from app.errors import ComposerError

        try:
            self.catalog.parse(name, value)
        except ComposerError:
            return False
        return True

    @property
    def lexicon(self) -> Lexicon | None:
        """The buyer phrases (None, with `lexicon_error` set, when a file is broken: the
        rest of the window still works)."""
        self._load_paste_readers()
        return self._lexicon

    def _load_paste_readers(self) -> None:
        """Read the buyer phrases and the order labels, once."""
        if self._lexicon is not None or self.lexicon_error is not None:
            return
        from app.errors import SourceError
        from app.message.classifier import load_lexicon
        from app.message.order_paste import load_order_labels

        try:
            self._order_labels = load_order_labels(field_names=self.catalog.fields)
            self._lexicon = load_lexicon(case_ids=self.catalog.cases)
        except SourceError as exc:
            self.lexicon_error = str(exc)

    def english_hints(self, reply: str) -> list[Hint]:
        """Wording worth a second look in the reply (read from english_hints.yaml the first
        time there is a reply; none, with `hints_error` set, when that file is broken)."""
        if not reply.strip():
            return []
        self._load_hints()
        return self._hints.find(reply) if self._hints is not None else []

    def _load_hints(self) -> None:
        if self._hints is not None or self.hints_error is not None:
            return
        from app.errors import SourceError
        from app.review.english_hints import load_hints

        try:
            self._hints = load_hints()
        except SourceError as exc:
            self.hints_error = str(exc)

    def shared_values(self) -> dict[str, str]:
        shared = {n for n, spec in self.catalog.fields.items() if spec.shared}
        return {n: v for n, v in self.values.items() if n in shared and v}

    def save_profile(self) -> None:
        if self._profile_path is not None and self.composer is not None:
            from app.user.profile import save_profile

            save_profile(self._profile_path, self.shared_values())

    def compose_now(self) -> None:
        self._timer.stop()
        if self.case is None or self.composer is None:
            return
        from app.errors import ComposerError

        values, errors = self._parsed_values()
        if {n: str(e) for n, e in errors.items()} != \
                {n: str(e) for n, e in self.field_errors.items()}:
            self.field_errors = errors
            self.fieldErrorsChanged.emit(errors)
        try:
            today = self._today() if self._today is not None else None
            result = self.composer.compose(self.case.id, values, today)
        except ComposerError as exc:
            self.renderFailed.emit(exc)  # the panels keep the last good preview
            return
        self.last_good = result
        self.compositionChanged.emit(result)

    def _parsed_values(self) -> tuple[dict[str, object], dict[str, Exception]]:
        from app.errors import ComposerError

        values: dict[str, object] = {}
        errors: dict[str, Exception] = {}
        for name, raw in self.values.items():
            try:
                value = self.catalog.parse(name, raw)
            except ComposerError as exc:
                errors[name] = exc
                continue
            if value is not None:
                values[name] = value
        return values, errors
