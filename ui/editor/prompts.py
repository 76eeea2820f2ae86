"""Every question the template editor asks, in one object: the window uses these dialogs,
tests pass a stand-in that answers at once."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from ui.editor.dialogs import HistoryDialog, ImportDialog, TemplateIdDialog

if TYPE_CHECKING:
    from app.library.packs import ImportPlan
    from app.library.store import Version

Button = QMessageBox.StandardButton
PACK_FILTER = "Template pack (*.zip)"


class Answer(Enum):
    """What the person chose in a question with more than yes and no."""

    SAVE = "save"
    DISCARD = "discard"
    OVERWRITE = "overwrite"
    RELOAD = "reload"
    CANCEL = "cancel"


class Prompts(QObject):
    def __init__(self, parent: QWidget, is_template_id: Callable[[str], bool]) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.is_template_id = is_template_id

    def unsaved(self, names: Sequence[str]) -> Answer:
        """Save, discard or cancel."""
        answer = QMessageBox.question(
            self.parent_widget, self.tr("Unsaved templates"),
            self.tr("These templates have unsaved changes:\n{0}\n\nSave them?").format(
                "\n".join(names)),
            Button.Save | Button.Discard | Button.Cancel, Button.Save)
        return {Button.Save: Answer.SAVE, Button.Discard: Answer.DISCARD}.get(answer,
                                                                             Answer.CANCEL)

    def confirm_remove(self, name: str, revert: bool, dirty: bool) -> bool:
        text = self.tr("Revert {0} to the default version? Your version is kept in its "
                       "history.") if revert else \
            self.tr("Delete the template {0}? You can undo this.")
        if dirty:
            text += "\n\n" + self.tr("Unsaved changes to it will be lost.")
        answer = QMessageBox.question(self.parent_widget, self.tr("Templates"),
                                      text.format(name), Button.Yes | Button.Cancel,
                                      Button.Cancel)
        return answer == Button.Yes

    def changed_on_disk(self, name: str) -> Answer:
        """Overwrite, reload or cancel."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Changed on disk"),
                          self.tr("{0} was changed on disk since you opened it (another "
                                  "window or program).").format(name),
                          Button.Cancel, self.parent_widget)
        overwrite = box.addButton(self.tr("Overwrite (keeps theirs in history)"),
                                  QMessageBox.ButtonRole.DestructiveRole)
        reload_ = box.addButton(self.tr("Reload theirs (drops my edits)"),
                                QMessageBox.ButtonRole.ActionRole)
        box.exec()
        clicked = box.clickedButton()
        return Answer.OVERWRITE if clicked is overwrite else Answer.RELOAD \
            if clicked is reload_ else Answer.CANCEL

    def new_template(self, cases: Sequence[tuple[str, str]], taken: set[str],
                     current_case: str | None) -> tuple[str, str] | None:
        from ui.editor.dialogs import free_id

        start = current_case or (cases[0][0] if cases else "new-template")
        dialog = TemplateIdDialog(self.tr("New template"), free_id(start, taken), taken,
                                  self.is_template_id, cases=cases, current_case=current_case,
                                  parent=self.parent_widget)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.case_id() is None:
            return None
        return str(dialog.case_id()), dialog.template_id()

    def template_id(self, suggested: str, taken: set[str]) -> str | None:
        dialog = TemplateIdDialog(self.tr("Duplicate template"), suggested, taken,
                                  self.is_template_id, parent=self.parent_widget)
        return dialog.template_id() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def pick_version(self, template_id: str, versions: Sequence[Version],
                     read: Callable[[Version], str]) -> Version | None:
        dialog = HistoryDialog(template_id, versions, read, self.parent_widget)
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def export_path(self, suggested: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(self.parent_widget, self.tr("Export templates"),
                                              str(Path.home() / suggested), PACK_FILTER)
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == ".zip" else path.with_suffix(".zip")

    def import_path(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(self.parent_widget, self.tr("Import templates"),
                                              str(Path.home()), PACK_FILTER)
        return Path(name) if name else None

    def choose_import(self, plan: ImportPlan) -> set[str] | None:
        dialog = ImportDialog(plan, self.parent_widget)
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def team_folder(self, current: Path | None) -> tuple[bool, Path | None]:
        """(changed, folder): a folder, or None to stop using one."""
        if current is not None:
            box = QMessageBox(QMessageBox.Icon.Question, self.tr("Team folder"),
                              self.tr("Templates are shared from:\n{0}").format(current),
                              Button.Cancel, self.parent_widget)
            change = box.addButton(self.tr("Choose another…"), QMessageBox.ButtonRole.ActionRole)
            stop = box.addButton(self.tr("Stop using it"), QMessageBox.ButtonRole.ActionRole)
            box.exec()
            if box.clickedButton() is stop:
                return True, None
            if box.clickedButton() is not change:
                return False, current
        name = QFileDialog.getExistingDirectory(
            self.parent_widget, self.tr("Choose the team's template folder (read-only here)"),
            str(current or Path.home()))
        return (True, Path(name)) if name else (False, current)

    def error(self, message: str) -> None:
        QMessageBox.warning(self.parent_widget, self.tr("Templates"), message)
