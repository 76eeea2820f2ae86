"""The Templates tab's test helpers: prompts answered at once (the `editor_window` fixture
in conftest uses them), and the steps a team lead takes (open a template, type at the end
of the reply)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QTextCursor

from ui.editor.prompts import Answer
from ui.shell.main_window import MainWindow


class FakePrompts:
    """Answers the editor's questions at once and records them."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, object]] = []
        self.unsaved_answer = Answer.DISCARD
        self.remove_answer = True
        self.disk_answer = Answer.CANCEL
        self.new_answer: tuple[str, str] | None = None
        self.id_answer: str | None = None
        self.pick = lambda versions: versions[0]
        self.export_answer: Path | None = None
        self.import_answer: Path | None = None
        self.choose = lambda plan: plan.default_choice()
        self.team_answer: tuple[bool, Path | None] = (False, None)
        self.errors: list[str] = []

    def unsaved(self, names):
        self.asked.append(("unsaved", list(names)))
        return self.unsaved_answer

    def confirm_remove(self, name, revert, dirty):
        self.asked.append(("remove", (name, revert, dirty)))
        return self.remove_answer

    def changed_on_disk(self, name):
        self.asked.append(("disk", name))
        return self.disk_answer

    def new_template(self, cases, taken, current_case):
        self.asked.append(("new", current_case))
        return self.new_answer

    def template_id(self, suggested, taken):
        self.asked.append(("id", suggested))
        return self.id_answer

    def pick_version(self, template_id, versions, read):
        self.asked.append(("history", [read(v) for v in versions]))
        return self.pick(versions)

    def export_path(self, suggested):
        return self.export_answer

    def import_path(self):
        return self.import_answer

    def choose_import(self, plan):
        self.asked.append(("import", plan))
        return self.choose(plan)

    def team_folder(self, current):
        return self.team_answer

    def error(self, message):
        self.errors.append(message)


def open_template(window: MainWindow, template_id: str):
    window.tabs.setCurrentWidget(window.templates)
    assert window.editor.list.select(template_id)
    assert window.templates.vm.current.template_id == template_id
    return window.editor


def append_to_body(editor, text: str) -> None:
    body = editor.form.body
    body.moveCursor(QTextCursor.MoveOperation.End)
    body.insertPlainText(text)
