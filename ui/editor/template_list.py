"""The template list: templates grouped by category like the case picker, with a filter,
each one's layer, and marks for customised (✎), broken (⚠) and unsaved (●) ones."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.catalog.labels import Label
from ui.widgets import palette
from ui.widgets.search_filter import SEARCH_ROLE, SearchFilter

if TYPE_CHECKING:
    from app.library.index import TemplateEntry

TEMPLATE_ID_ROLE = Qt.ItemDataRole.UserRole + 10
TITLE_ROLE = Qt.ItemDataRole.UserRole + 11
BROKEN_ROLE = Qt.ItemDataRole.UserRole + 12


class TemplateList(QWidget):
    templateChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter = QLineEdit(objectName="templateFilter", clearButtonEnabled=True)
        self.view = QTreeView(objectName="templateList", uniformRowHeights=True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setRootIsDecorated(False)
        self.model = QStandardItemModel(self)
        self.proxy = SearchFilter(self)
        self.proxy.setSourceModel(self.model)
        self.view.setModel(self.proxy)
        self.items: dict[str, QStandardItem] = {}
        self.dirty: set[str] = set()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.view)
        self.filter.textChanged.connect(self._filter)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.filter.setPlaceholderText(self.tr("Filter templates — English, 中文, id or layer"))
        self.model.setHorizontalHeaderLabels([self.tr("Template"), self.tr("Layer")])

    def set_entries(self, entries: Sequence[TemplateEntry], categories: Mapping[str, Label],
                    lang: str, layer_names: Mapping[str, str]) -> None:
        current = self.current_id()
        self.model.removeRows(0, self.model.rowCount())
        self.items = {}
        groups: dict[str, list[TemplateEntry]] = {}
        for entry in entries:
            key = entry.category if entry.category in categories or entry.category == "shared" \
                else ""
            groups.setdefault(key, []).append(entry)
        # Both languages, like the catalog's categories.
        labels = {**categories, "shared": Label("Shared pieces", "共用片段"),
                  "": Label("Other", "其他")}
        order = [*categories, "shared", ""]
        for key in sorted(groups, key=order.index):
            title = labels[key].both(lang)
            self.model.appendRow(self._group(title, groups[key], lang, layer_names))
        self.retranslate()
        self.view.expandAll()
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        if current:
            self.select(current, emit=False)

    def _group(self, title: str, entries: Iterable[TemplateEntry], lang: str,
               layer_names: Mapping[str, str]) -> list[QStandardItem]:
        group = QStandardItem(title)
        group.setSelectable(False)
        group.setEditable(False)
        font = QFont()
        font.setBold(True)
        group.setFont(font)
        group.setData("", SEARCH_ROLE)
        for entry in sorted(entries, key=lambda e: e.title.get(lang).lower()):
            group.appendRow(self._row(entry, lang, layer_names))
        spacer = QStandardItem("")
        spacer.setSelectable(False)
        spacer.setEditable(False)
        return [group, spacer]

    def _row(self, entry: TemplateEntry, lang: str,
             layer_names: Mapping[str, str]) -> list[QStandardItem]:
        item = QStandardItem()
        item.setEditable(False)
        item.setData(entry.id, TEMPLATE_ID_ROLE)
        item.setData(entry.title.get(lang), TITLE_ROLE)
        layer = QStandardItem(layer_names.get(entry.layer.value, entry.layer.value))
        layer.setEditable(False)
        layer.setSelectable(True)
        tips = [entry.id, f"{entry.title.en}  ·  {entry.title.zh}"]
        if entry.customised and entry.below:
            layer.setText(f"{layer.text()} ✎")
            tips.append(self.tr("Customised: your version overrides the default one"))
        if entry.problems:
            for cell in (item, layer):
                cell.setForeground(QBrush(palette.qcolor(palette.ERROR)))
            tips += [p.describe(lang) for p in entry.problems[:3]]
        item.setData(bool(entry.problems), BROKEN_ROLE)
        item.setToolTip("\n".join(tips))
        key = " ".join((entry.id, entry.title.en, entry.title.zh, entry.category,
                        entry.layer.value, layer.text()))
        item.setData(key.lower(), SEARCH_ROLE)
        self.items[entry.id] = item
        self._decorate(item)
        return [item, layer]

    def set_dirty(self, ids: Iterable[str]) -> None:
        self.dirty = set(ids)
        for item in self.items.values():
            self._decorate(item)

    def _decorate(self, item: QStandardItem) -> None:
        marks = ("● " if item.data(TEMPLATE_ID_ROLE) in self.dirty else "") + \
                ("⚠ " if item.data(BROKEN_ROLE) else "")
        text = marks + str(item.data(TITLE_ROLE))
        if item.text() != text:
            item.setText(text)

    def current_id(self) -> str | None:
        value = self.view.currentIndex().siblingAtColumn(0).data(TEMPLATE_ID_ROLE)
        return str(value) if value else None

    def selected_ids(self) -> list[str]:
        rows = self.view.selectionModel().selectedRows(0)
        return [str(i.data(TEMPLATE_ID_ROLE)) for i in rows if i.data(TEMPLATE_ID_ROLE)]

    def select(self, template_id: str, emit: bool = True) -> bool:
        item = self.items.get(template_id)
        if item is None:
            return False
        index = self.proxy.mapFromSource(item.index())
        if not index.isValid():  # filtered out: show it anyway
            self.filter.clear()
            index = self.proxy.mapFromSource(item.index())
        self.view.blockSignals(not emit)
        self.view.selectionModel().blockSignals(not emit)
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.view.selectionModel().blockSignals(False)
        self.view.blockSignals(False)
        self.view.scrollTo(index)
        return True

    def focus_filter(self) -> None:
        self.filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter.selectAll()

    def _filter(self, text: str) -> None:
        self.proxy.set_query(text)
        self.view.expandAll()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        template_id = current.siblingAtColumn(0).data(TEMPLATE_ID_ROLE)
        if template_id:
            self.templateChosen.emit(str(template_id))



