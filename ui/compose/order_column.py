"""The compose tab's middle column: the case's title and New buyer, the order form (scrolls
when the window is small), where its values came from, then what the policy allows and what
this order got before."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ui.compose.history_panel import HistoryPanel
from ui.compose.order_form import OrderForm
from ui.compose.policy_panel import PolicyPanel
from ui.widgets import palette

if TYPE_CHECKING:
    from app.catalog.catalog import Case


class OrderColumn(QSplitter):
    def __init__(self, form: OrderForm, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent, objectName="middleSplitter")
        self.lang = "en"
        self.form = form
        self.suggestion = PolicyPanel()
        self.history = HistoryPanel()
        self.case_title = QLabel(objectName="caseTitle", wordWrap=True)
        # "bold", not 600: the Chinese font has no semi-bold and would render it regular.
        self.case_title.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.new_buyer_button = QPushButton(objectName="newBuyerButton")
        self.required_note = QLabel(objectName="requiredNote", visible=False)
        self.required_note.setStyleSheet(palette.css(palette.MUTED))
        self.book_note = QLabel(objectName="bookNote", visible=False, wordWrap=True)
        self.book_note.setStyleSheet(palette.css(palette.OK))
        self._book_order: str | None = None
        self._layout()
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
        form_layout.addWidget(self.book_note)
        form_layout.addWidget(scroll)
        form_layout.addWidget(self.required_note)
        policy_box = QWidget()
        policy_layout = QVBoxLayout(policy_box)
        policy_layout.setContentsMargins(0, 0, 0, 0)
        policy_layout.addWidget(self.suggestion, 1)
        policy_layout.addWidget(self.history)
        self.addWidget(form_box)
        self.addWidget(policy_box)
        self.setSizes([420, 330])

    def retranslate(self) -> None:
        self.new_buyer_button.setText(self.tr("New buyer"))
        self.required_note.setText(self.tr("* needed before the reply is copied"))
        self.new_buyer_button.setToolTip(self.tr(
            "Clear the order and the buyer's message (keeps store and your name)"))
        self.show_book_note(self._book_order)
        for panel in (self.suggestion, self.history):
            panel.retranslate()

    def show_case(self, case: Case) -> None:
        # One line per language, so neither wraps in the middle of a word.
        other = case.title.other(self.lang)
        self.case_title.setText(f"<b>{escape(case.title.get(self.lang))}</b><br>"
                                f'<span style="font-size: 12px; font-weight: normal; '
                                f'{palette.css(palette.MUTED)}">{escape(other)}</span>')
        self.required_note.setVisible(bool(case.required))

    def show_book_note(self, order_id: str | None) -> None:
        """The empty fields were filled from the order book's order (None: they weren't)."""
        self._book_order = order_id
        self.book_note.setText(self.tr("Filled from the order book: order {0} (empty fields "
                                       "only; change any of them)").format(order_id)
                               if order_id else "")
        self.book_note.setVisible(bool(order_id))
