"""The one object the compose panels bind to: it holds the order and calls `app` for everything
(compose, review, read a paste, prepare a copy). Panels get plain results back."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QObject, QTimer, Signal, Slot

if TYPE_CHECKING:  # the domain is imported after the first paint, not at start-up
    import datetime as dt

    from app.catalog.catalog import Case, Catalog
    from app.catalog.fields import Value
    from app.compose.composer import Composer
    from app.compose.result import Composition, Needed
    from app.errors import SourceError
    from app.message.classifier import Reading
    from app.message.reader import MessageReader
    from app.review.review import Review
    from app.user.paths import UserData
    from app.user.setup import UserSetup
    from ui.compose.desk_model import DeskModel

DEBOUNCE_MS = 60
IDENTITY_FIELDS = ("order_id", "tracking_number")  # another value: another buyer's order


class CopyPlan(NamedTuple):
    """What Copy would put on the clipboard, and the fields its text still lacks."""

    text: str
    missing: tuple[Needed, ...]


class ComposeViewModel(QObject):
    loaded = Signal()
    caseChanged = Signal(str)
    valuesReset = Signal()  # the form must show `values` again (new buyer, restore)
    valueChanged = Signal(str, str)  # a field set by something other than the form
    compositionChanged = Signal(object)  # a Composition
    renderFailed = Signal(object)  # the ComposerError: the page words it in its language
    fieldErrorsChanged = Signal(dict)  # field name -> ComposerError
    messageRead = Signal()  # `reading` changed: the buyer's message was read (or cleared)
    layersChanged = Signal()  # the template layers changed (a team folder set)

    def __init__(self, user: UserData | None = None, library: Path | None = None,
                 today: Callable[[], dt.date] | None = None,
                 debounce_ms: int = DEBOUNCE_MS) -> None:
        super().__init__()
        self._user = user  # None: the real user data folder, found after the first paint
        self._library = library  # --library DIR: the personal layer instead of the user's
        self.today = today  # None: the real today (fixed in tests and screenshots)
        self.setup: UserSetup | None = None
        self.composer: Composer | None = None
        self.messages: MessageReader | None = None
        self.case: Case | None = None
        self.values: dict[str, str] = {}  # what the agent typed, per field name
        self.field_errors: dict[str, Exception] = {}
        self.last_good: Composition | None = None
        self.render_error: Exception | None = None  # the chosen case's reply can't render
        self.reading: Reading | None = None  # of the buyer's message, None while it is empty
        self.language_choice = ""  # the reply language the agent chose; "" for automatic
        self.data_problems: list[SourceError] = []
        self.desk: DeskModel | None = None  # the order book and the case log, after load()
        self._timer = QTimer(self, singleShot=True, interval=debounce_ms)
        self._timer.timeout.connect(self.compose_now)

    @property
    def catalog(self) -> Catalog:
        assert self.composer is not None, "load() first"
        return self.composer.catalog

    def translations_dir(self) -> Path:
        """The window's .qm translations (read before the first paint: a tiny import)."""
        from app.data.bundled import bundled_dir

        return bundled_dir("resources") / "i18n"

    @property
    def message_problem(self) -> str | None:
        """A phrase or label file is broken: the message box says so."""
        problem = self.messages.problem if self.messages else None
        return str(problem) if problem else None

    def load(self) -> None:
        """Read the user's setup, the policy and the catalog (after the first paint)."""
        from app.user.paths import UserData
        from app.user.setup import UserSetup
        from ui.compose.desk_model import DeskModel

        self.setup = UserSetup(self._user or UserData.default(), self._library)
        self.composer = self.setup.composer()
        self.data_problems = list(self.setup.problems)  # team or own data files left out
        self.desk = DeskModel(self.setup.data, self.composer.catalog, self, action_labels={
            action.value: label for action, label in self.composer.policy.actions.items()})
        self.values.update(self.setup.profile(self.composer))
        self.loaded.emit()

    def warm_up(self) -> None:
        """Read the phrase, label and hint files now (~20 ms), while the agent looks at the
        window, rather than on the first paste."""
        if self.composer is not None:
            self._reader().warm_up()
            self.composer.reviewer.warm_up()

    def _reader(self) -> MessageReader:
        """The message reader, made on first use: its import (stemmers, phrase matching)
        is not on the way to a ready window."""
        if self.messages is None:
            from app.message.reader import MessageReader

            self.messages = MessageReader(self.catalog)
        return self.messages

    # The case and the order.
    @Slot(str)
    def select_case(self, case_id: str) -> None:
        case = self.catalog.case(case_id)
        if self.case is not None and case.id == self.case.id:
            return
        self.case = case
        self.caseChanged.emit(case.id)
        self.compose_now()

    @Slot(str, str)
    def edit(self, name: str, raw: str) -> None:
        """The agent typed in the form: no echo back to it, a render after a short pause."""
        if self.values.get(name, "") != raw:
            self.values[name] = raw
            self._timer.start()

    def set_value(self, name: str, raw: str) -> None:
        """A value from elsewhere (a paste, a script): the form shows it."""
        if self.values.get(name, "") != raw:
            self.values[name] = raw
            self.valueChanged.emit(name, raw)
            self._timer.start()

    @Slot()
    def new_buyer(self) -> None:
        """Clear the order but keep what every buyer shares (store name, your name)."""
        shared = {n for n, spec in self.catalog.fields.items() if spec.shared}
        self.values = {n: v for n, v in self.values.items() if n in shared}
        self.reading = None
        self.language_choice = ""
        self.valuesReset.emit()
        self.compose_now()

    def canonical(self, name: str, raw: str) -> str | None:
        """The id a typed value stands for ("Brasil" -> "BR"), or None if it stands for none."""
        from app.errors import ComposerError

        try:
            value = self.catalog.parse(name, raw)
        except ComposerError:
            return None
        return str(value) if value is not None else None

    def save_profile(self) -> None:
        if self.setup is not None and self.composer is not None:
            self.setup.save_profile(self.composer, self.values)

    def close(self) -> None:
        """The window closes: no more database work starts."""
        if self.desk is not None:
            self.desk.close()

    # The buyer's message.
    @Slot(str)
    def read_message(self, text: str) -> None:
        """Read the buyer's message: suggested cases, and its order and tracking numbers
        written into the order fields that are still empty."""
        language = self.reply_language()
        self.reading = self._reader().read(text) if self.composer else None
        if self.reply_language() != language:
            self._timer.start()
        if self.reading is not None and self.messages is not None:
            for name, value in self.reading.values.items():
                if not self.values.get(name) and self.messages.fits(name, value):
                    self.set_value(name, value)
        self.messageRead.emit()

    def is_another_order(self, text: str) -> bool:
        """Whether a paste names an order or tracking number other than the form's."""
        reading = self._reader().read(text) if self.composer else None
        found = reading.values if reading else {}
        return any(self.values.get(name) and found.get(name) and
                   found[name] != self.values[name] for name in IDENTITY_FIELDS)

    # The reply.
    def review(self, text: str) -> Review:
        """Rule warnings and hints for the text shown (hand edits included), in the words of
        the reply's language."""
        assert self.composer is not None, "load() first"
        language = self.last_good.language if self.last_good else "en"
        return self.composer.review(text, language)

    def reply_language(self) -> str:
        """The agent's choice, else the language the buyer wrote in, else the destination
        country's, else English."""
        if self.language_choice or self.composer is None:
            return self.language_choice or "en"
        country = self.canonical("destination_country", self.values.get("destination_country",
                                                                          ""))
        return self.composer.language_for(country, self.reading.language
                                          if self.reading else None)

    @Slot(str)
    def choose_language(self, language: str) -> None:
        """Reply in this language ("" for automatic)."""
        if language != self.language_choice:
            self.language_choice = language
            self.compose_now()

    @Slot()
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
            today = self.today() if self.today is not None else None
            result = self.composer.compose(self.case.id, values, today, review=False,
                                           language=self.reply_language())
        except ComposerError as exc:
            self.render_error = exc
            self.renderFailed.emit(exc)
            return
        self.render_error = None
        self.last_good = result
        self.compositionChanged.emit(result)

    def prepare_copy(self, shown: str, edited: bool) -> CopyPlan | None:
        """What Copy sends: the reply rendered from the values as they are now (a keystroke
        still waiting for its render is rendered first), or the agent's hand-edited text;
        and the fields whose markers that text still holds. None when there is nothing to
        copy, e.g. while the chosen case's reply can't render."""
        if self._timer.isActive() or self.last_good is None:
            self.compose_now()
        result = self.last_good
        if self.render_error is not None or result is None or self.case is None \
                or result.case.id != self.case.id:
            return None
        text = shown if edited else result.reply
        if not text.strip():
            return None
        waiting = {n for m in result.markers if m.text in text for n in m.needs}
        if not edited:
            waiting |= {needed.name for needed in result.needed}
        return CopyPlan(text, tuple(n for n in result.needed if n.name in waiting))

    def parsed_values(self) -> dict[str, Value]:
        """The form's values that parse (the case log records these)."""
        return self._parsed_values()[0]

    def _parsed_values(self) -> tuple[dict[str, Value], dict[str, Exception]]:
        from app.errors import ComposerError

        values: dict[str, Value] = {}
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

    # The template layers (the Templates tab changes them through here).
    def set_team_dir(self, folder: Path | None) -> None:
        assert self.setup is not None and self.composer is not None, "load() first"
        self.setup.set_team_dir(folder)
        self.composer.use_layers(self.setup.layers())
        self.layersChanged.emit()
        self.compose_now()

    def templates_changed(self) -> None:
        """A template file changed (a save, another program): show the reply again."""
        self.compose_now()
