"""The template editor's dialogs: a new template's id (and case), history, pack import."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.widgets import palette

if TYPE_CHECKING:
    from app.library.packs import ImportItem, ImportPlan
    from app.library.store import Version



class TemplateIdDialog(QDialog):
    """Asks for a new template's id; for a new template also the case it is for."""

    def __init__(self, title: str, suggested: str, taken: set[str],
                 is_template_id: Callable[[str], bool], *,
                 cases: Sequence[tuple[str, str]] = (), current_case: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="templateIdDialog", windowTitle=title)
        self.taken = taken
        self.is_template_id = is_template_id
        self.case = QComboBox(objectName="newTemplateCase")
        for case_id, case_title in cases:
            self.case.addItem(case_title, case_id)
        if current_case is not None and self.case.findData(current_case) >= 0:
            self.case.setCurrentIndex(self.case.findData(current_case))
        self.id_edit = QLineEdit(suggested, objectName="newTemplateId")
        self.problem = QLabel(objectName="newTemplateProblem", wordWrap=True)
        self.problem.setStyleSheet(palette.css(palette.ERROR))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        form = QFormLayout()
        if cases:
            form.addRow(self.tr("For the case"), self.case)
        form.addRow(self.tr("Template id"), self.id_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Lower-case letters, digits and '-'; it becomes the "
                                        "file name."), wordWrap=True))
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.id_edit.textChanged.connect(self._validate)
        self.case.currentIndexChanged.connect(self._suggest)
        self._validate()

    def case_id(self) -> str | None:
        value = self.case.currentData()
        return str(value) if value else None

    def template_id(self) -> str:
        return str(self.id_edit.text()).strip()

    def _suggest(self) -> None:
        case_id = self.case_id()
        if case_id:
            self.id_edit.setText(free_id(case_id, self.taken))

    def _validate(self) -> None:
        text = self.template_id()
        problem = "" if self.is_template_id(text) else \
            self.tr("Use lower-case letters, digits and '-' only.")
        if text in self.taken:
            problem = self.tr("A template with this id already exists.")
        self.problem.setText(problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)


def free_id(base: str, taken: set[str]) -> str:
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"


class HistoryDialog(QDialog):
    """The kept versions of a template, newest first; restore puts one into the editor."""

    def __init__(self, template_id: str, versions: Sequence[Version],
                 read: Callable[[Version], str], parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="historyDialog")
        self.setWindowTitle(self.tr("History of {0}").format(template_id))
        self.versions = list(versions)
        self.read = read
        self.list = QListWidget(objectName="historyList")
        self.text = QPlainTextEdit(objectName="historyText", readOnly=True)
        for version in self.versions:
            when = version.saved_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
            self.list.addItem(QListWidgetItem(
                self.tr("{0}  ·  {1} bytes").format(when, f"{version.size:,}")))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.list)
        splitter.addWidget(self.text)
        splitter.setSizes([220, 520])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = buttons.addButton(self.tr("Restore into the editor"),
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Each save keeps the version it replaced. Restoring "
                                        "puts it in the editor; save to keep it."),
                                wordWrap=True))
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.currentRowChanged.connect(self._show)
        self.resize(820, 520)
        if self.versions:
            self.list.setCurrentRow(0)
        self.restore_button.setEnabled(bool(self.versions))

    def chosen(self) -> Version | None:
        row = self.list.currentRow()
        return self.versions[row] if 0 <= row < len(self.versions) else None

    def _show(self, row: int) -> None:
        if 0 <= row < len(self.versions):
            self.text.setPlainText(self.read(self.versions[row]))


class ImportDialog(QDialog):
    """What a pack would change. Nothing replacing the person's own version is ticked
    unless they tick it; a conflict shows what would change."""

    def __init__(self, plan: ImportPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="importDialog")
        self.setWindowTitle(self.tr("Import templates"))
        self.plan = plan
        self.tree = QTreeWidget(objectName="importList")
        self.tree.setHeaderLabels([self.tr("Template"), self.tr("What happens"),
                                   self.tr("Note")])
        self.diff = QPlainTextEdit(objectName="importDiff", readOnly=True)
        self.items: dict[str, QTreeWidgetItem] = {}
        chosen = plan.default_choice()
        for entry in plan.items:
            item = QTreeWidgetItem([entry.template_id, self._status(entry), entry.problem or ""])
            item.setData(0, Qt.ItemDataRole.UserRole, entry.template_id)
            if not entry.changes_nothing:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(0, Qt.CheckState.Checked if entry.template_id in chosen
                                   else Qt.CheckState.Unchecked)
            self.tree.addTopLevelItem(item)
            self.items[entry.template_id] = item
        self.tree.resizeColumnToContents(0)
        self.tree.resizeColumnToContents(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.tr("Import ticked"), QDialogButtonBox.ButtonRole.AcceptRole)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self._summary(), wordWrap=True))
        layout.addWidget(self.tree, 2)
        layout.addWidget(self.diff, 2)
        layout.addWidget(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.tree.currentItemChanged.connect(self._show_diff)
        self.resize(820, 600)

    def chosen(self) -> set[str]:
        return {template_id for template_id, item in self.items.items()
                if item.checkState(0) == Qt.CheckState.Checked}

    def _status(self, entry: ImportItem) -> str:
        return {"new": self.tr("new template"),
                "override": self.tr("overrides the team or bundled version"),
                "same": self.tr("identical to yours: nothing to do"),
                "conflict": self.tr("CONFLICT: replaces your own version")}[entry.status.value]

    def _summary(self) -> str:
        text = self.tr("{0} template(s) in {1}. Your own versions are only replaced when you "
                       "tick them; each replaced version is kept in its history.").format(
            len(self.plan.items), self.plan.source.name)
        if self.plan.skipped:
            text += "\n" + self.tr("Skipped: {0}").format("; ".join(self.plan.skipped[:5]))
        return text

    def _show_diff(self, item: QTreeWidgetItem | None) -> None:
        entry = next((e for e in self.plan.items if item is not None
                      and e.template_id == item.data(0, Qt.ItemDataRole.UserRole)), None)
        if entry is None:
            self.diff.clear()
            return
        before = (entry.current or "").splitlines(keepends=True)
        diff = difflib.unified_diff(before, entry.text.splitlines(keepends=True),
                                    self.tr("current"), self.tr("pack"))
        self.diff.setPlainText("".join(diff) or entry.text)
