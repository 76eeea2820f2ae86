"""The case picker: cases grouped by category, filtered as the agent types (en, zh or id)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QTreeView, QVBoxLayout, QWidget

from ui.widgets.search_filter import SEARCH_ROLE, SearchFilter
from ui.widgets.two_line import SECOND_LINE_ROLE, TwoLineDelegate

if TYPE_CHECKING:

    from app.catalog.catalog import Case, Catalog
    from app.catalog.labels import Label

CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
RECENT_ROLE = Qt.ItemDataRole.UserRole + 3  # set on the "Recently used" group
RECENT_LIMIT = 5


def build_case_model(catalog: Catalog, recent: Sequence[str], lang: str,
                     recent_title: str) -> QStandardItemModel:
    """Category rows with their cases under them; recently used cases first."""
    model = QStandardItemModel()
    cases = catalog.cases
    categories = catalog.categories
    recent_ids = [c for c in recent if c in cases][:RECENT_LIMIT]
    if recent_ids:
        recent_group = _group(recent_title, (cases[c] for c in recent_ids), lang, categories)
        recent_group.setData(True, RECENT_ROLE)
        model.appendRow(recent_group)
    for category_id, title in categories.items():
        members = [c for c in cases.values() if c.category == category_id]
        model.appendRow(_group(title.both(lang), members, lang, categories))
    return model


def _group(title: str, cases: Iterable[Case], lang: str,
           categories: Mapping[str, Label]) -> QStandardItem:
    group = QStandardItem(title)
    group.setSelectable(False)
    group.setEditable(False)
    font = QFont()
    font.setBold(True)
    group.setFont(font)
    group.setData("", SEARCH_ROLE)
    for case in cases:
        item = QStandardItem(case.title.get(lang))
        item.setData(case.title.other(lang), SECOND_LINE_ROLE)  # drawn under it, smaller
        item.setEditable(False)
        item.setData(case.id, CASE_ID_ROLE)
        item.setToolTip(f"{case.title.en}\n{case.title.zh}\n{case.id}")  # a narrow column
        category = categories.get(case.category)
        # What agents type: the title, the category ("not received", "未收到货") and the
        # words buyers use (refund, lost, 破损 …) from cases.yaml.
        key = " ".join((case.id, case.title.en, case.title.zh, case.category,
                        category.en if category else "", category.zh if category else "",
                        *case.keywords))
        item.setData(key.lower(), SEARCH_ROLE)
        group.appendRow(item)
    return group


class CasePicker(QWidget):
    caseChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit(objectName="caseSearch", clearButtonEnabled=True)
        self.view = QTreeView(objectName="casePicker", headerHidden=True, uniformRowHeights=True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setRootIsDecorated(False)
        self.view.setItemDelegate(TwoLineDelegate(self.view))
        self.proxy = SearchFilter(self)
        self.view.setModel(self.proxy)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.view)
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self.choose_current)
        self.search.installEventFilter(self)
        self.view.activated.connect(self._activated)
        self.retranslate()

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Find a case — English, 中文 or id (Ctrl+K)"))

    def set_model(self, model: QStandardItemModel) -> None:
        self.proxy.setSourceModel(model)
        self.view.expandAll()

    def _filter(self, text: str) -> None:
        self.proxy.set_query(text)
        self.expand_groups()
        # Keep the current case while it still matches (a proxy index with a case id is a
        # visible case); otherwise the first match becomes current.
        if self.current_case_id() is None:
            first = self.first_case_row()
            if first is not None:
                self.view.setCurrentIndex(first)

    def expand_groups(self) -> None:
        """Open every category (cases have no children: the same as expandAll, without
        walking every row)."""
        for group in range(self.proxy.rowCount()):
            self.view.expand(self.proxy.index(group, 0))

    def first_case_row(self) -> QModelIndex | None:
        for group in range(self.proxy.rowCount()):
            parent = self.proxy.index(group, 0)
            if self.proxy.rowCount(parent):
                return self.proxy.index(0, 0, parent)
        return None

    def visible_case_rows(self) -> list[QModelIndex]:
        rows = []
        for group in range(self.proxy.rowCount()):
            parent = self.proxy.index(group, 0)
            rows += [self.proxy.index(r, 0, parent) for r in range(self.proxy.rowCount(parent))]
        return rows

    def current_case_id(self) -> str | None:
        value = self.view.currentIndex().data(CASE_ID_ROLE)
        return str(value) if value else None

    def choose_current(self) -> None:
        case_id = self.current_case_id()
        if case_id is None:
            rows = self.visible_case_rows()
            case_id = rows[0].data(CASE_ID_ROLE) if rows else None
        if case_id:
            self.caseChosen.emit(case_id)

    def show_case(self, case_id: str) -> None:
        """Make the case current without emitting (the view-model already knows)."""
        for index in self.visible_case_rows():
            if index.data(CASE_ID_ROLE) == case_id:
                self.view.setCurrentIndex(index)
                return

    def step(self, delta: int) -> None:
        """Choose the next or previous visible case in catalog order (wrapping)."""
        rows = [r for r in self.visible_case_rows() if not r.parent().data(RECENT_ROLE)] \
            or self.visible_case_rows()
        if not rows:
            return
        ids = [r.data(CASE_ID_ROLE) for r in rows]
        current = self.current_case_id()
        position = ids.index(current) if current in ids else -delta
        target = rows[(position + delta) % len(rows)]
        self.view.setCurrentIndex(target)
        self.caseChosen.emit(target.data(CASE_ID_ROLE))

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _activated(self, index: QModelIndex) -> None:
        case_id = index.data(CASE_ID_ROLE)
        if case_id:
            self.caseChosen.emit(case_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Up/Down in the search box move through the filtered list without leaving it.
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            key = QKeyEvent(event).key() if not isinstance(event, QKeyEvent) else event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                self._move_highlight(1 if key == Qt.Key.Key_Down else -1)
                return True
        return super().eventFilter(watched, event)

    def _move_highlight(self, delta: int) -> None:
        rows = self.visible_case_rows()
        if not rows:
            return
        ids = [r.data(CASE_ID_ROLE) for r in rows]
        current = self.current_case_id()
        position = ids.index(current) if current in ids else -1
        self.view.setCurrentIndex(rows[max(0, min(len(rows) - 1, position + delta))])
