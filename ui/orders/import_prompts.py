"""Every question an order import asks, in one object: the window uses these dialogs, tests
pass a stand-in with the same methods that answers at once."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from ui.orders.import_dialogs import ExportKindDialog, SummaryDialog
from ui.orders.mapping_dialog import MappingDialog
from ui.orders.values import OWN_COLUMNS

if TYPE_CHECKING:
    from app.orders.book import ImportResult
    from ui.orders.values import FieldChoice, NeedsMapping, PresetChoice


class ImportPrompts(QObject):
    def __init__(self, parent: QWidget, language: Callable[[], str]) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.language = language

    def export_path(self, folder: Path | None) -> Path | None:
        """The export file to import; None when the person cancels."""
        name, _ = QFileDialog.getOpenFileName(
            self.parent_widget, self.tr("Import orders"), str(folder or Path.home()),
            self.tr("Order exports (*.xlsx *.xls *.csv);;All files (*)"))
        return Path(name) if name else None

    def export_kind(self, path: Path, presets: Sequence[PresetChoice]) -> str | None:
        """AUTO_DETECT, a preset's id or OWN_COLUMNS; None when the person cancels."""
        dialog = ExportKindDialog(path, presets, self.language(), self.parent_widget)
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def columns(self, path: Path, needed: NeedsMapping,
                fields: Sequence[FieldChoice]) -> dict[str, str] | None:
        """Field → column for a header row no preset knows; None when the person cancels."""
        dialog = MappingDialog(path.name, needed, fields, self.parent_widget)
        return dialog.mapping() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def summary(self, result: ImportResult, presets: Sequence[PresetChoice]) -> None:
        SummaryDialog(result, self.kind_name(result.preset, presets),
                      self.parent_widget).exec()

    def kind_name(self, preset: str, presets: Sequence[PresetChoice]) -> str:
        if preset == OWN_COLUMNS:
            return self.tr("the columns you chose")
        found = next((p for p in presets if p.id == preset), None)
        return found.name(self.language()) if found else preset

    def error(self, message: str) -> None:
        QMessageBox.warning(self.parent_widget, self.tr("Import orders"), message)
