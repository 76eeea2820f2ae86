"""The "Compose" tab: case picker, message box, order form, policy panel and reply, wired to the
view-model. Its commands (copy, paste the message, reset, next/previous case, the gloss) are
connected here, in `bind`: this file is where the Copy button is wired."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.errors import SourceError
from ui.compose.case_picker import CasePicker, build_case_model
from ui.compose.copy_prompt import ask_copy_anyway
from ui.compose.message_panel import MessagePanel
from ui.compose.order_book_link import OrderBookLink
from ui.compose.order_column import OrderColumn
from ui.compose.order_form import OrderForm
from ui.compose.reply_panel import ReplyPanel
from ui.shell.actions import ActionId
from ui.widgets.banner import Banner

if TYPE_CHECKING:
    from app.compose.result import Composition
    from ui.compose.viewmodel import ComposeViewModel
    from ui.shell.actions import ActionRegistry
    from ui.widgets.clipboard import Clipboard

ConfirmMissing = Callable[[list[str]], bool]


class ComposePage(QWidget):
    copied = Signal(int)  # characters copied
    replyCopied = Signal(str)  # the text put on the clipboard (the case log records it)
    caseShown = Signal(str)
    status = Signal(str)  # a message for the status bar

    def __init__(self, vm: ComposeViewModel, clipboard: Clipboard,
                 confirm: ConfirmMissing | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="composePage")
        self.vm, self.clipboard = vm, clipboard
        # Asks before copying a reply that lacks fields (tests answer with a stand-in).
        self.confirm = confirm or (lambda labels: ask_copy_anyway(self, labels, self.lang))
        self.lang = "en"
        self.picker = CasePicker()
        self.message = MessagePanel()
        self.form = OrderForm(resolve=vm.canonical)
        self.preview = ReplyPanel()
        self.middle = OrderColumn(self.form)
        self.suggestion, self.history = self.middle.suggestion, self.middle.history
        self.case_title, self.new_buyer_button = self.middle.case_title, \
            self.middle.new_buyer_button
        self.data_banner = Banner("dataProblemBanner")
        self.splitter = QSplitter(Qt.Orientation.Horizontal, objectName="mainSplitter")
        # Asked before a copy once the order book is there (compensated before?).
        self.before_copy: Callable[[], bool] = lambda: True
        self.book: OrderBookLink | None = None
        # The review of the shown text (rule warnings, English hints) follows it right after
        # each change, off the keystroke's own path (several changes in a row: one review).
        self._review = QTimer(self, singleShot=True, interval=0)
        self._review.timeout.connect(self._review_shown_text)
        self._layout()
        self._connect()
        self.retranslate()

    def _layout(self) -> None:
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
        layout.addWidget(self.data_banner)
        layout.addWidget(self.splitter)

    def _connect(self) -> None:
        vm = self.vm
        self.picker.caseChosen.connect(self.choose_case)
        self.message.caseChosen.connect(self.choose_case)
        self.form.finished.connect(self._focus_copy)
        self.message.textChanged.connect(vm.read_message)
        self.form.valueEdited.connect(vm.edit)
        self.new_buyer_button.clicked.connect(vm.new_buyer)
        self.preview.languageChosen.connect(vm.choose_language)
        self.preview.editor.textChanged.connect(self._review.start)
        vm.messageRead.connect(self._show_reading)
        vm.caseChanged.connect(self._show_case)
        vm.valuesReset.connect(self._show_values)
        vm.valuesReset.connect(self.message.clear)  # a new buyer: a new message
        vm.valuesReset.connect(self.picker.search.clear)  # … and a fresh search
        vm.valueChanged.connect(self.form.show_value)
        vm.compositionChanged.connect(self._show_result)
        vm.renderFailed.connect(self._render_failed)
        vm.fieldErrorsChanged.connect(self.form.show_errors)

    def bind(self, actions: ActionRegistry) -> None:
        """Connect this tab's commands; the buttons trigger the same actions."""
        actions.connect(ActionId.COPY_REPLY, self.copy_reply)
        actions.connect(ActionId.PASTE_MESSAGE, self.paste_message)
        actions.connect(ActionId.RESET_PREVIEW, self.reset_preview)
        actions.connect(ActionId.REPLY_LANGUAGE, self.preview.open_language_menu)
        actions.connect(ActionId.FIND_ORDER, self.find_order)
        actions.connect(ActionId.NEXT_CASE, lambda: self.picker.step(1))
        actions.connect(ActionId.PREVIOUS_CASE, lambda: self.picker.step(-1))
        for index, action_id in enumerate((ActionId.CHOOSE_SUGGESTION_1,
                                           ActionId.CHOOSE_SUGGESTION_2,
                                           ActionId.CHOOSE_SUGGESTION_3)):
            actions.connect(action_id, partial(self.message.choose, index))
        gloss = actions[ActionId.TOGGLE_GLOSS]
        gloss.toggled.connect(self.preview.set_gloss_visible)
        self.preview.gloss_toggle.toggled.connect(gloss.setChecked)
        self.preview.copyRequested.connect(actions[ActionId.COPY_REPLY].trigger)
        self.preview.resetRequested.connect(actions[ActionId.RESET_PREVIEW].trigger)
        self.preview.set_gloss_visible(gloss.isChecked())

    def retranslate(self) -> None:
        for panel in (self.picker, self.message, self.preview, self.middle, self.form):
            panel.retranslate()

    def set_language(self, lang: str) -> None:
        self.lang = self.suggestion.lang = self.message.lang = self.preview.lang = lang
        self.middle.lang = self.history.lang = lang
        self.retranslate()
        if self.vm.composer is not None:
            self._show_reading()
            self.show_data_problems()
        self._review_shown_text()  # a visible warning switches language too

    def show_data_problems(self) -> None:
        """A broken team or personal data file: loud, with where it is; replies go on with
        the layers below it until it is fixed."""
        problems = self.vm.data_problems
        if not problems:
            self.data_banner.hide()
            return
        where = "\n".join(p.describe(self.lang) for p in problems)
        self.data_banner.show_message(self.tr(
            "A policy or data file is broken, so its layer is not used until it is fixed "
            "(replies follow the layers below):\n{0}").format(where), [], "warning")

    def populate(self, recent: list[str]) -> None:
        self.show_data_problems()
        if self.book is None and self.vm.desk is not None:
            self.book = OrderBookLink(self, self.vm.desk)
        self.picker.set_model(build_case_model(self.vm.catalog, recent, self.lang,
                                               self.tr("Recently used")))
        if self.vm.case is not None:
            self.picker.show_case(self.vm.case.id)

    @Slot(str)
    def choose_case(self, case_id: str) -> None:
        """The agent chose a case (Enter in the picker, a click, a suggestion): show it and
        put the cursor where the work is: the first empty required field, else Copy."""
        self.vm.select_case(case_id)
        # After the event loop's turn: the form's new fields are shown then (a hidden
        # widget can't take the focus).
        QTimer.singleShot(0, self._focus_next_step)

    def _focus_next_step(self) -> None:
        """The first field the reply still needs (required, or a value it shows), else Copy."""
        result = self.vm.last_good
        needed = [n.name for n in result.needed] if result is not None else []
        if not self.form.focus_first(needed):
            self._focus_copy()

    @Slot()
    def _focus_copy(self) -> None:
        self.preview.copy_button.setFocus(Qt.FocusReason.TabFocusReason)

    @Slot(str)
    def _show_case(self, case_id: str) -> None:
        case = self.vm.catalog.case(case_id)
        self.middle.show_case(case)
        self.form.build(self.vm.catalog, case, self.vm.values, self.lang)
        last = self.form.last_editor()
        if last is not None:  # the form, then Copy: Tab never lands in the reply first
            QWidget.setTabOrder(last, self.preview.copy_button)
        self.form.show_errors(self.vm.field_errors)
        self.picker.show_case(case_id)
        self.message.mark_case(case_id)
        if self.vm.reading is not None:
            self._show_reading()  # "✓ in the form" for the values this form now shows
        self.caseShown.emit(case_id)

    @Slot()
    def _show_values(self) -> None:
        self.form.show_values(self.vm.values)
        self.preview.choose_language(self.vm.language_choice)

    @Slot(object)
    def _render_failed(self, error: Exception) -> None:
        self.preview.show_error(error.describe(self.lang) if isinstance(error, SourceError)
                                else str(error))

    @Slot()
    def _show_reading(self) -> None:
        vm = self.vm
        found = vm.reading.values if vm.reading else {}
        in_form = [name for name, value in found.items()
                   if vm.values.get(name) == value and name in self.form.editors]
        self.message.show_reading(vm.reading, vm.catalog, vm.message_problem, in_form)

    def refresh_case(self) -> None:
        """Show the current case again (labels in a new language), keeping every value."""
        if self.vm.case is not None:
            self._show_case(self.vm.case.id)
            if self.vm.last_good is not None:
                self._show_result(self.vm.last_good)

    @Slot(object)
    def _show_result(self, result: Composition) -> None:
        self.preview.show_result(result)
        self.form.mark_missing(result.missing_fields)
        self.suggestion.show_suggestion(result.suggestion)

    @Slot()
    def _review_shown_text(self) -> None:
        if self.vm.composer is not None:
            self.preview.show_review(self.vm.review(self.preview.text()))

    @Slot()
    def paste_message(self) -> None:
        """The clipboard becomes the buyer's message (the box is read at once). A message
        about another order than the form's starts a new buyer, so the previous buyer's
        tracking number can never reach this one. Then 1, 2 or 3 chooses a suggestion."""
        text = self.clipboard.text()
        if text.strip():
            if self.vm.is_another_order(text):
                self.vm.new_buyer()
            self.message.editor.set_pasted(text)
        if not self.message.focus_suggestions():
            self.message.editor.setFocus()

    @Slot()
    def reset_preview(self) -> None:
        self.preview.reset()
        self.vm.compose_now()

    @Slot()
    def copy_reply(self) -> bool:
        """Copy the reply as the form says now (or the agent's hand edit); with fields still
        missing, ask first."""
        plan = self.vm.prepare_copy(self.preview.text(), self.preview.is_edited)
        if plan is None:
            self.status.emit(self.tr("Nothing to copy: choose a case whose reply renders"))
            return False
        if plan.missing and not self.confirm([n.label.get(self.lang) for n in plan.missing]):
            self.form.focus_first(n.name for n in plan.missing)  # back to fill them
            return False
        if not self.before_copy():
            return False
        self.clipboard.set_text(plan.text)
        self.copied.emit(len(plan.text))
        self.replyCopied.emit(plan.text)
        return True

    @Slot()
    def find_order(self) -> QDialog | None:
        """Find order (Ctrl+O): the order book's orders by number, tracking or buyer."""
        if self.book is None or self.vm.desk is None:
            return None
        from ui.compose.find_order import FindOrderDialog

        dialog = FindOrderDialog(self.vm.desk, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.chosen.connect(self.book.fill)
        dialog.open()
        return dialog

    def show_book_note(self, order_id: str | None) -> None:
        self.middle.show_book_note(order_id)
