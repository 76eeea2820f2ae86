"""The order form: only the chosen case's fields, each with the widget its type needs."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from app.catalog.field_types import FieldType
from app.catalog.labels import Label
from app.errors import FieldValueError
from ui.compose.date_field import DateField
from ui.widgets import palette

if TYPE_CHECKING:
    from app.catalog.catalog import Case, Catalog
    from app.catalog.fields import FieldSpec


class OrderForm(QWidget):
    valueEdited = Signal(str, str)  # field name, raw text

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="orderForm")
        self.layout_ = QFormLayout(self)
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.layout_.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.editors: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.defaults: dict[str, str] = {}
        self.lang = "en"

    def build(self, catalog: Catalog, case: Case, values: Mapping[str, str], lang: str) -> None:
        """Recreate the rows for `case`, showing the values the agent already typed."""
        self.lang = lang
        while self.layout_.rowCount():
            self.layout_.removeRow(0)
        self.editors.clear()
        self.errors.clear()
        self.defaults = {n: str(s.default) for n, s in catalog.fields.items()
                         if s.default is not None}
        for name in case.fields:
            spec = catalog.fields[name]
            editor = self._editor(catalog, spec)
            # Tests and automation find the typing widget itself by this name.
            typing = editor.line if isinstance(editor, DateField) else editor
            typing.setObjectName(f"field_{name}")
            label = QLabel(self._label_text(spec, name in case.required))
            label.setBuddy(typing)
            label.setToolTip(name)
            error = QLabel(objectName=f"error_{name}", wordWrap=True, visible=False)
            error.setStyleSheet(palette.css(palette.ERROR))
            self.layout_.addRow(label, editor)
            self.layout_.addRow("", error)
            self.editors[name] = editor
            self.errors[name] = error
        self.show_values(values)

    def _label_text(self, spec: FieldSpec, required: bool) -> str:
        text = spec.label.get(self.lang)
        return f"{text} *" if required else text

    def _editor(self, catalog: Catalog, spec: FieldSpec) -> QWidget:
        name = spec.name
        if spec.type is FieldType.DATE:
            field = DateField()
            field.edited.connect(lambda text, n=name: self.valueEdited.emit(n, text))
            return field
        options = self._options(catalog, spec)
        if options is not None:
            combo = QComboBox(editable=spec.type is FieldType.COUNTRY)
            # Long country names must not widen the form past its column.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
            for value, text in options:
                combo.addItem(text, value)
            if combo.isEditable():
                combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
                completer, line = combo.completer(), combo.lineEdit()
                assert completer is not None and line is not None  # an editable combo has both
                completer.setFilterMode(Qt.MatchFlag.MatchContains)
                completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
                # Typed text that no item matches must not stay on show while the reply
                # uses the previous country: match it, or put the chosen item back.
                line.editingFinished.connect(lambda c=combo: _settle(c))
            combo.currentIndexChanged.connect(
                lambda i, n=name, c=combo: self.valueEdited.emit(n, c.itemData(i) or ""))
            return combo
        line = QLineEdit(clearButtonEnabled=True)
        if spec.type is FieldType.MONEY:
            line.setPlaceholderText(self.tr("e.g. 12.50"))  # "0.00" looked like a real zero
        line.textEdited.connect(lambda text, n=name: self.valueEdited.emit(n, text))
        return line

    def _options(self, catalog: Catalog, spec: FieldSpec) -> list[tuple[str, str]] | None:
        lang, kind = self.lang, spec.type
        if kind is FieldType.CHOICE:
            return [(k, label.get(lang)) for k, label in spec.choices.items()]
        if kind is FieldType.CURRENCY:
            return [(c, c) for c in catalog.currencies]
        if kind is FieldType.SHIPPING_METHOD:
            return [("", "—")] + [(m.id, m.name.get(lang)) for m in catalog.methods.values()]
        if kind is FieldType.COUNTRY:
            return [("", "—")] + [(code, f"{code} — {label.get(lang)}")
                                  for code, label in catalog.countries.items()]
        return None

    def show_value(self, name: str, raw: str) -> None:
        """Show a value set elsewhere; the editor the agent is typing in is left alone."""
        editor = self.editors.get(name)
        if editor is None or editor.hasFocus() or editor.isAncestorOf(self.focusWidget()):
            return
        editor.blockSignals(True)
        _set_editor(editor, raw or self.defaults.get(name, ""))
        editor.blockSignals(False)

    def show_values(self, values: Mapping[str, str]) -> None:
        for name, editor in self.editors.items():
            editor.blockSignals(True)
            _set_editor(editor, values.get(name) or self.defaults.get(name, ""))
            editor.blockSignals(False)

    def mark_missing(self, names: Iterable[str]) -> None:
        """Tint the editors of fields the reply still needs, like the markers in the text."""
        missing = set(names)
        for name, editor in self.editors.items():
            flag = name in missing
            if editor.property("missing") != flag:
                editor.setProperty("missing", flag)
                editor.setStyleSheet(palette.css(background=palette.MISSING_BG) if flag else "")

    def show_errors(self, errors: Mapping[str, Exception]) -> None:
        for name, label in self.errors.items():
            error = errors.get(name)
            message = _error_text(error, self.lang) if error else ""
            label.setText(message)
            label.setVisible(bool(message))


def _settle(combo: QComboBox) -> None:
    text = combo.currentText().strip().lower()
    for index in range(combo.count()):
        code = str(combo.itemData(index) or "").lower()
        label = combo.itemText(index).lower()
        name = label.split(" — ", 1)[-1]  # items read "DE — Germany"
        if text and text in (code, label, name):
            if index != combo.currentIndex():
                combo.setCurrentIndex(index)
            else:
                combo.setEditText(combo.itemText(index))
            return
    combo.setEditText(combo.itemText(combo.currentIndex()))


def _set_editor(editor: QWidget, raw: str) -> None:
    if isinstance(editor, DateField):
        editor.set_text(raw)
    elif isinstance(editor, QComboBox):
        index = editor.findData(raw) if raw else 0
        if index < 0 and raw:
            index = editor.findData(raw.upper()) if editor.findData(raw.upper()) >= 0 else 0
        editor.setCurrentIndex(max(index, 0))
    elif isinstance(editor, QLineEdit):
        editor.setText(raw)


def _error_text(error: Exception, lang: str) -> str:
    """The message without the field id (the row already names the field)."""
    if isinstance(error, FieldValueError):
        return Label(error.message, error.zh).get(lang)
    return str(error)
