"""The order form: only the chosen case's fields, each with the widget its type needs, in the
order the keyboard walks them (Enter or Tab to the next field; from the last one, to Copy)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, Slot
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

# The id a typed name stands for ("Brasil" -> "BR"), or None when it stands for none.
Resolve = Callable[[str, str], str | None]


class OrderForm(QWidget):
    valueEdited = Signal(str, str)  # field name, raw text
    finished = Signal()  # Enter in the last field: the agent is done with the form

    def __init__(self, resolve: Resolve | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="orderForm")
        self.resolve = resolve or (lambda _name, _text: None)
        self.layout_ = QFormLayout(self)
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.layout_.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.editors: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.defaults: dict[str, str] = {}
        self.required: tuple[str, ...] = ()
        self.lang = "en"
        self.placeholder: QLabel | None = QLabel(objectName="formPlaceholder", wordWrap=True)
        self.placeholder.setStyleSheet(palette.css(palette.MUTED))
        self.layout_.addRow(self.placeholder)
        self.retranslate()

    def retranslate(self) -> None:
        if self.placeholder is None:
            return
        self.placeholder.setText(self.tr(
            "Choose the buyer's case (Ctrl+K, or paste their message with Ctrl+M): the order "
            "fields it needs appear here. Enter moves to the next field; from the last, to "
            "Copy."))
    def build(self, catalog: Catalog, case: Case, values: Mapping[str, str], lang: str) -> None:
        """Recreate the rows for `case`, showing the values the agent already typed."""
        self.lang, self.required = lang, case.required
        self.placeholder = None  # removed with the rows below: a case is chosen
        while self.layout_.rowCount():
            self.layout_.removeRow(0)
        self.editors.clear()
        self.errors.clear()
        self.defaults = {n: str(s.default) for n, s in catalog.fields.items()
                         if s.default is not None}
        for name in case.fields:
            self._add_row(catalog, catalog.fields[name], name in case.required)
        self.show_values(values)

    def _add_row(self, catalog: Catalog, spec: FieldSpec, required: bool) -> None:
        editor = self._editor(catalog, spec)
        typing = typing_widget(editor)
        typing.setObjectName(f"field_{spec.name}")  # tests and automation find it by this
        label = QLabel(f"{spec.label.get(self.lang)} *" if required else spec.label.get(self.lang))
        label.setBuddy(typing)
        label.setToolTip(spec.name)
        error = QLabel(objectName=f"error_{spec.name}", wordWrap=True, visible=False)
        error.setStyleSheet(palette.css(palette.ERROR))
        self.layout_.addRow(label, editor)
        self.layout_.addRow("", error)
        self.editors[spec.name] = editor
        self.errors[spec.name] = error

    def _editor(self, catalog: Catalog, spec: FieldSpec) -> QWidget:
        name = spec.name
        if spec.type is FieldType.DATE:
            field = DateField()
            field.edited.connect(lambda text, n=name: self.valueEdited.emit(n, text))
            field.line.returnPressed.connect(lambda n=name: self.next_field(n))
            return field
        options = self._options(catalog, spec)
        if options is not None:
            return self._combo(name, options, editable=spec.type is FieldType.COUNTRY)
        line = QLineEdit(clearButtonEnabled=True)
        if spec.type is FieldType.MONEY:
            line.setPlaceholderText(self.tr("e.g. 12.50"))  # "0.00" looked like a real zero
        line.textEdited.connect(lambda text, n=name: self.valueEdited.emit(n, text))
        line.returnPressed.connect(lambda n=name: self.next_field(n))
        return line

    def _combo(self, name: str, options: list[tuple[str, str, str]],
               editable: bool) -> QComboBox:
        combo = QComboBox(editable=editable)
        # Long country names must not widen the form past its column.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(12)
        for value, text, tip in options:
            combo.addItem(text, value)
            combo.setItemData(combo.count() - 1, tip or None, Qt.ItemDataRole.ToolTipRole)
        if editable:
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            completer, line = combo.completer(), combo.lineEdit()
            assert completer is not None and line is not None  # an editable combo has both
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            line.editingFinished.connect(lambda n=name, c=combo: self._settle(n, c))
            line.returnPressed.connect(lambda n=name: self.next_field(n))
        combo.currentIndexChanged.connect(lambda i, n=name, c=combo: self.valueEdited.emit(
            n, c.itemData(i) or ""))
        return combo

    def _options(self, catalog: Catalog, spec: FieldSpec) -> list[tuple[str, str, str]] | None:
        """(value, text, tooltip) of a closed field's items; None for a typed field."""
        lang, kind = self.lang, spec.type
        if kind is FieldType.CHOICE:
            return [(k, label.get(lang), "") for k, label in spec.choices.items()]
        if kind is FieldType.CURRENCY:
            return [(c, c, "") for c in catalog.currencies]
        if kind is FieldType.SHIPPING_METHOD:
            sources = {"playbook": self.tr("promised days from the seller's playbook"),
                       "store": self.tr("promised days are a store setting: check your store's")}
            return [("", "—", "")] + [(m.id, m.name.get(lang), sources.get(m.source, ""))
                                      for m in catalog.methods.values()]
        if kind is FieldType.COUNTRY:
            return [("", "—", "")] + [(code, f"{code} — {label.get(lang)}", "")
                                      for code, label in catalog.countries.items()]
        return None

    def _settle(self, name: str, combo: QComboBox) -> None:
        """What was typed into a country box: a code, a name or an alias in any language
        ("Brasil", "Россия", "Espagne") picks its country; anything else stays as typed and
        the view-model names the problem under the field."""
        text = combo.currentText().strip()
        chosen = combo.itemText(combo.currentIndex())
        if text == chosen:
            return
        code = self.resolve(name, text) if text else ""
        index = combo.findData(code) if code is not None else -1
        if index >= 0:
            combo.setCurrentIndex(index)  # emits the code (as picking it from the list does)
            combo.setEditText(combo.itemText(index))
        else:
            self.valueEdited.emit(name, text)

    # The keyboard path.
    @Slot(str)
    def next_field(self, name: str) -> None:
        """Enter in a field: on to the next one; from the last, the form is finished."""
        names = list(self.editors)
        later = names[names.index(name) + 1:] if name in names else []
        if later:
            typing_widget(self.editors[later[0]]).setFocus(Qt.FocusReason.TabFocusReason)
        else:
            self.finished.emit()

    def focus_first(self, names: Iterable[str]) -> bool:
        """Put the cursor in the first of these fields the form shows; False if none."""
        wanted = set(names)
        for name, editor in self.editors.items():
            if name in wanted:
                typing_widget(editor).setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return False

    def last_editor(self) -> QWidget | None:
        return typing_widget(list(self.editors.values())[-1]) if self.editors else None

    # Showing values set elsewhere.
    @Slot(str, str)
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

    @Slot(dict)
    def show_errors(self, errors: Mapping[str, Exception]) -> None:
        for name, label in self.errors.items():
            error = errors.get(name)
            message = _error_text(error, self.lang) if error else ""
            label.setText(message)
            label.setVisible(bool(message))


def typing_widget(editor: QWidget) -> QWidget:
    """Where the cursor goes in a field's editor (a date field's line, not its button)."""
    return editor.line if isinstance(editor, DateField) else editor


def _set_editor(editor: QWidget, raw: str) -> None:
    if isinstance(editor, DateField):
        editor.set_text(raw)
    elif isinstance(editor, QComboBox):
        index = editor.findData(raw) if raw else 0
        if index < 0 and raw:
            index = editor.findData(raw.upper())
        if index >= 0 or not editor.isEditable():
            editor.setCurrentIndex(max(index, 0))
        else:
            editor.setEditText(raw)  # a name the catalog doesn't know: shown as typed
    elif isinstance(editor, QLineEdit):
        editor.setText(raw)


def _error_text(error: Exception, lang: str) -> str:
    """The message without the field id (the row already names the field)."""
    if isinstance(error, FieldValueError):
        return Label(error.message, error.zh).get(lang)
    return str(error)
