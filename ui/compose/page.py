"""The "Compose" tab: case picker, order form, suggestion, preview — wired to the view-model."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.review.compliance import check_reply
from ui.compose.case_picker import CasePicker, build_case_model
from ui.compose.message_panel import MessagePanel
from ui.compose.order_form import OrderForm
from ui.compose.policy_panel import SuggestionPanel
from ui.compose.reply_panel import PreviewPanel
from ui.compose.viewmodel import ComposeViewModel
from ui.widgets.clipboard import Clipboard

if TYPE_CHECKING:
    from app.compose.composer import Composition

ConfirmMissing = Callable[[list[str]], bool]


class ComposePage(QWidget):
    copied = Signal(int)  # characters copied
    caseShown = Signal(str)

    def __init__(self, vm: ComposeViewModel, clipboard: Clipboard, confirm: ConfirmMissing,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="composePage")
        self.vm, self.clipboard, self.confirm = vm, clipboard, confirm
        self.lang = "en"
        self.picker = CasePicker()
        self.message = MessagePanel()
        self.form = OrderForm()
        self.suggestion = SuggestionPanel()
        self.preview = PreviewPanel()
        self.case_title = QLabel(objectName="caseTitle", wordWrap=True)
        # "bold", not 600: the Chinese font has no semi-bold and would render it regular.
        self.case_title.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.new_buyer_button = QPushButton(objectName="newBuyerButton")
        self.required_note = QLabel(objectName="requiredNote", visible=False)
        self.required_note.setStyleSheet("color: #5f6368;")
        self.splitter = QSplitter(Qt.Orientation.Horizontal, objectName="mainSplitter")
        self.middle = QSplitter(Qt.Orientation.Vertical, objectName="middleSplitter")
        # The rule warnings and English hints follow the reply as soon as it is shown, off the
        # keystroke's own path (several text changes in a row are checked once).
        self._checks = QTimer(self, singleShot=True, interval=0)
        self._checks.timeout.connect(self._check_compliance)
        self._layout()
        self._connect()
        self.retranslate()

    def _layout(self) -> None:
        scroll = QScrollArea(widgetResizable=True, frameShape=QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.form)
        header = QHBoxLayout()
        header.addWidget(self.case_title, 1)
        header.addWidget(self.new_buyer_button)
        form_box = QWidget()
        form_layout = QVBoxLayout(form_box)
        form_layout.setContentsMargins(0, 0, 0, 0)
        form_layout.addLayout(header)
        form_layout.addWidget(scroll)
        form_layout.addWidget(self.required_note)
        self.middle.addWidget(form_box)
        self.middle.addWidget(self.suggestion)
        self.middle.setSizes([420, 330])
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.message)
        left_layout.addWidget(self.picker, 1)
        for widget in (left, self.middle, self.preview):
            self.splitter.addWidget(widget)
        self.splitter.setSizes([340, 400, 520])
        self.splitter.setStretchFactor(2, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

    def _connect(self) -> None:
        vm = self.vm
        self.picker.caseChosen.connect(vm.select_case)
        self.message.caseChosen.connect(vm.select_case)
        self.message.textChanged.connect(vm.read_message)
        vm.messageRead.connect(self._show_reading)
        self.form.valueEdited.connect(vm.set_value)
        self.new_buyer_button.clicked.connect(vm.new_buyer)
        self.preview.copyRequested.connect(self.copy_reply)
        self.preview.resetRequested.connect(self.reset_preview)
        self.preview.editor.textChanged.connect(self._checks.start)
        vm.caseChanged.connect(self._show_case)
        vm.valuesReset.connect(lambda: self.form.show_values(vm.values))
        vm.valuesReset.connect(self.message.clear)  # a new buyer: a new message
        vm.valueChanged.connect(self.form.show_value)
        vm.compositionChanged.connect(self._show_result)
        vm.renderFailed.connect(self._render_failed)
        vm.fieldErrorsChanged.connect(self.form.show_errors)

    def retranslate(self) -> None:
        self.new_buyer_button.setText(self.tr("New buyer"))
        self.required_note.setText(self.tr("* needed before the reply is copied"))
        self.new_buyer_button.setToolTip(self.tr(
            "Clear the order and the buyer's message (keeps store and your name)"))
        for panel in (self.picker, self.message, self.preview, self.suggestion):
            panel.retranslate()

    def set_language(self, lang: str) -> None:
        self.lang = self.suggestion.lang = self.message.lang = lang
        self.retranslate()
        if self.vm.composer is not None:
            self._show_reading()
        self._check_compliance()  # a visible warning switches language too

    def populate(self, recent: list[str]) -> None:
        self.picker.set_model(build_case_model(self.vm.catalog, recent, self.lang,
                                               self.tr("Recently used")))
        if self.vm.case is not None:
            self.picker.show_case(self.vm.case.id)

    def _show_case(self, case_id: str) -> None:
        case = self.vm.catalog.case(case_id)
        # One line per language, so neither wraps in the middle of a word.
        other = case.title.other(self.lang)
        self.case_title.setText(f"<b>{escape(case.title.get(self.lang))}</b><br>"
                                f'<span style="font-size: 12px; font-weight: normal; '
                                f'color: #555;">{escape(other)}</span>')
        self.form.build(self.vm.catalog, case, self.vm.values, self.lang)
        self.required_note.setVisible(bool(case.required))
        self.form.show_errors(self.vm.field_errors)
        self.picker.show_case(case_id)
        self.message.mark_case(case_id)
        self.caseShown.emit(case_id)

    def _render_failed(self, error: Exception) -> None:
        from app.errors import SourceError

        self.preview.show_error(error.describe(self.lang) if isinstance(error, SourceError)
                                else str(error))

    def _show_reading(self) -> None:
        vm = self.vm
        found = vm.reading.values if vm.reading else {}
        in_form = [name for name, value in found.items() if vm.values.get(name) == value]
        self.message.show_reading(vm.reading, vm.catalog, vm.lexicon, vm.lexicon_error, in_form)

    def refresh_case(self) -> None:
        """Show the current case again (labels in a new language), keeping every value."""
        if self.vm.case is not None:
            self._show_case(self.vm.case.id)
            if self.vm.last_good is not None:
                self._show_result(self.vm.last_good)

    def _show_result(self, result: Composition) -> None:
        catalog = self.vm.catalog
        markers = [f"[{catalog.fields[n].marker}]" for n in result.missing_fields
                   if n in catalog.fields]
        self.preview.show_result(result.reply, result.gloss, markers)
        self.form.mark_missing(result.missing_fields)
        assert self.vm.composer is not None
        self.suggestion.show_suggestion(result, self.vm.composer.policy,
                                        self._reply_title(result.suggestion.template))

    def _check_compliance(self) -> None:
        text = self.preview.text()
        warnings = [w.get(self.lang) for w in check_reply(text)]
        hints = [h.get(self.lang) for h in self.vm.english_hints(text)]
        if self.vm.hints_error and text:
            warnings.append(self.vm.hints_error)
        self.preview.show_warnings(warnings, hints)

    def _reply_title(self, template_id: str) -> str:
        from app.errors import SourceError

        assert self.vm.composer is not None
        try:
            return self.vm.composer.library.get(template_id).title.get(self.lang)
        except SourceError:
            return template_id

    def paste_message(self) -> None:
        """The clipboard becomes the buyer's message (the box is read at once)."""
        text = self.clipboard.text()
        if text.strip():
            self.message.editor.setPlainText(text)
        self.message.editor.setFocus()

    def reset_preview(self) -> None:
        self.preview.reset()
        self.vm.compose_now()

    def copy_reply(self) -> bool:
        """Copy exactly the preview text; with required fields missing, ask first."""
        text = self.preview.text()
        if not text:
            return False
        fields = self.vm.catalog.fields
        missing = self.vm.last_good.missing_fields if self.vm.last_good else ()
        # A hand edit may have filled a marker in: ask only about markers still in the text.
        still_missing = [n for n in missing if (n in fields and f"[{fields[n].marker}]" in text)
                         or (n in fields and not self.preview.is_edited)]
        if still_missing:
            labels = [fields[n].label.get(self.lang) for n in still_missing]
            if not self.confirm(labels):
                return False
        self.clipboard.set_text(text)
        self.copied.emit(len(text))
        return True
