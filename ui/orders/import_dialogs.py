"""The import's own windows: which kind of export the file is, the progress with its Cancel
button, and the summary at the end (counts, and the bad rows in a list one can copy)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.orders.values import AUTO_DETECT, IMPORTING, OPENING, OWN_COLUMNS, PresetChoice
from ui.widgets import palette
from ui.widgets.clipboard import Clipboard, QtClipboard

if TYPE_CHECKING:
    from app.orders.book import ImportResult


class ExportKindDialog(QDialog):
    """Which kind of export the file is: detected from its header row unless chosen."""

    def __init__(self, path: Path, presets: Sequence[PresetChoice], lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="exportKindDialog")
        self.setWindowTitle(self.tr("Import orders"))
        self.kind = QComboBox(objectName="exportKind")
        self.kind.addItem(self.tr("Detect it from the header row"), AUTO_DETECT)
        for preset in presets:
            self.kind.addItem(preset.name(lang), preset.id)
        self.kind.addItem(self.tr("Another export: I choose the columns…"), OWN_COLUMNS)
        name = QLabel(path.name, objectName="exportFile", toolTip=str(path))
        note = QLabel(self.tr("The header row tells most exports apart. Choose the kind when "
                              "a file is read as the wrong one, or choose the columns "
                              "yourself for an export no preset knows."), wordWrap=True)
        note.setStyleSheet(palette.css(palette.MUTED))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        start = buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        start.setDefault(True)
        form = QFormLayout()
        form.addRow(self.tr("File:"), name)
        form.addRow(self.tr("Kind of export:"), self.kind)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.setMinimumWidth(460)

    def chosen(self) -> str:
        return str(self.kind.currentData())


class ProgressDialog(QDialog):
    """How far the import got; Cancel (or Esc, or closing it) asks the import to stop, and
    the dialog stays until it has (nothing is changed then)."""

    cancelRequested = Signal()

    def __init__(self, file_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="importProgress")
        self.setWindowTitle(self.tr("Importing {0}").format(file_name))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.label = QLabel(objectName="importStep", wordWrap=True)
        self.bar = QProgressBar(objectName="importBar")
        self.cancel_button = QPushButton(self.tr("Cancel"), objectName="importCancel")
        self.cancel_button.clicked.connect(self.cancelRequested.emit)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addLayout(row)
        self.setMinimumWidth(420)
        self._closing = False
        self.show_step(OPENING, 0, 0)

    def show_step(self, stage: str, done: int, total: int) -> None:
        if self.cancel_button.isEnabled():  # "Cancelling…" stays until the end
            self.label.setText(self._step_text(stage, done, total))
        if stage == IMPORTING and total > 0 and done < total:
            self.bar.setRange(0, total)
            self.bar.setValue(done)
        else:  # opening, reading (the rows to come are unknown) or saving: busy
            self.bar.setRange(0, 0)

    def _step_text(self, stage: str, done: int, total: int) -> str:
        if stage == OPENING:
            return self.tr("Opening the order book…")
        if stage != IMPORTING:
            return self.tr("Reading the file… {0} rows").format(f"{done:,}") if done else \
                self.tr("Reading the file…")
        if done < total:
            return self.tr("Importing orders: {0} of {1}").format(f"{done:,}", f"{total:,}")
        return self.tr("Saving {0} orders in the order book…").format(f"{total:,}")

    def cancelling(self) -> None:
        self.label.setText(self.tr("Cancelling… the order book stays as it was."))
        self.cancel_button.setEnabled(False)

    def finish(self) -> None:
        """Close it: the import ended (this is no request to cancel)."""
        self._closing = True
        self.hide()

    def reject(self) -> None:  # Esc, and QDialog's own reaction to a close
        if not self._closing:
            self.cancelRequested.emit()

    def closeEvent(self, event: QCloseEvent) -> None:  # the title bar's close button
        if self._closing:
            super().closeEvent(event)
            return
        event.ignore()  # it stays, saying "Cancelling…", until the import has stopped
        self.cancelRequested.emit()


class SummaryDialog(QDialog):
    """What an import did: new, updated and unchanged orders, and each bad row's number and
    reason in a list one can copy (to fix the file, or to send to whoever made it)."""

    def __init__(self, result: ImportResult, kind_name: str, parent: QWidget | None = None,
                 clipboard: Clipboard | None = None) -> None:
        super().__init__(parent, objectName="importSummary")
        self.setWindowTitle(self.tr("Orders imported"))
        self.clipboard = clipboard or QtClipboard()
        headline = QLabel(self.tr("{0} ({1}): {2} rows read.").format(
            result.source, kind_name, f"{result.rows_read:,}"), wordWrap=True)
        counts = QFormLayout()
        for text, number, name in ((self.tr("New orders:"), result.inserted, "inserted"),
                                   (self.tr("Updated orders:"), result.updated, "updated"),
                                   (self.tr("Unchanged orders:"), result.unchanged,
                                    "unchanged")):
            counts.addRow(text, QLabel(f"<b>{number:,}</b>", objectName=f"{name}Count"))
        self.problems = QPlainTextEdit(self.problems_text(result), objectName="importProblems",
                                       readOnly=True)
        self.copy_button = QPushButton(self.tr("Copy the list"), objectName="copyProblems")
        self.copy_button.clicked.connect(self.copy_problems)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(headline)
        layout.addLayout(counts)
        layout.addWidget(self._problems_note(result), 0)
        if result.problems:
            layout.addWidget(self.problems, 1)
            row = QHBoxLayout()
            row.addWidget(self.copy_button)
            row.addStretch(1)
            layout.addLayout(row)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)
        self.resize(620, 460 if result.problems else 220)

    def _problems_note(self, result: ImportResult) -> QLabel:
        if not result.problems:
            note: QLabel = QLabel(self.tr("No problems: every row was read."),
                                  objectName="problemsNote")
            note.setStyleSheet(palette.css(palette.OK))
            return note
        rows = len({problem.row for problem in result.problems})
        note = QLabel(self.tr("Problems in {0} row(s). Everything else was imported: fix "
                              "these in the file and import it again (nothing is imported "
                              "twice).").format(f"{rows:,}"), wordWrap=True,
                      objectName="problemsNote")
        note.setStyleSheet(palette.css(palette.WARNING))
        return note

    def problems_text(self, result: ImportResult) -> str:
        return "\n".join(self.tr("row {0}: {1}").format(problem.row, problem.message)
                         for problem in result.problems)

    def copy_problems(self) -> None:
        self.clipboard.set_text(self.problems.toPlainText())
        self.copy_button.setText(self.tr("Copied"))
