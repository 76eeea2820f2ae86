"""What the Templates tab's commands do: each asks its questions through the host's prompts,
calls the view-model, and reports a file problem instead of failing.

The commands see the page only through `CommandHost`, the few things they need of it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Slot

from app.errors import ComposerError
from ui.editor.prompts import Answer
from ui.shell.actions import ActionId, ActionRegistry

if TYPE_CHECKING:
    from ui.editor.prompts import Prompts
    from ui.editor.viewmodel import EditorViewModel


class CommandHost(Protocol):
    lang: str
    prompts: Prompts

    def say(self, text: str) -> None: ...

    def selected_ids(self) -> list[str]: ...

    def offer_undo(self, message: str, undo: Callable[[], None]) -> None: ...

    def hide_undo(self) -> None: ...


class EditorCommands(QObject):
    def __init__(self, host: CommandHost, vm: EditorViewModel,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.host, self.vm = host, vm

    def bind(self, actions: ActionRegistry) -> None:
        slots = {
            ActionId.SAVE_TEMPLATE: self.save, ActionId.NEW_TEMPLATE: self.new_template,
            ActionId.DUPLICATE_TEMPLATE: self.duplicate, ActionId.DELETE_TEMPLATE: self.remove,
            ActionId.REVERT_TEMPLATE: self.remove, ActionId.UNDO_DELETE: self.undo_remove,
            ActionId.TEMPLATE_HISTORY: self.history, ActionId.IMPORT_TEMPLATES: self.import_pack,
            ActionId.EXPORT_TEMPLATES: lambda: self.export(selected=False),
            ActionId.EXPORT_SELECTED: lambda: self.export(selected=True),
            ActionId.TEAM_FOLDER: self.team_folder,
        }
        for action_id, slot in slots.items():
            actions.connect(action_id, slot)

    def _run(self, work: Callable[[], object]) -> bool:
        """Run a file operation; a problem is shown to the person, never raised."""
        try:
            work()
        except (ComposerError, OSError) as exc:
            self.host.prompts.error(str(exc))
            return False
        return True

    @Slot()
    def save(self) -> bool:
        """Save the open template; if it changed on disk, ask before overwriting it."""
        buffer = self.vm.current
        if buffer is None:
            return False
        saved: list[bool] = []
        if not self._run(lambda: saved.append(self.vm.save())):
            return False
        if not saved[0]:  # changed on disk since it was opened: ask before overwriting
            answer = self.host.prompts.changed_on_disk(buffer.template_id)
            if answer is Answer.RELOAD:
                self.vm.reload()
            if answer is not Answer.OVERWRITE or not self._run(lambda: self.vm.save(force=True)):
                return False
        self._saved(buffer.template_id)
        return True

    def _saved(self, template_id: str) -> None:
        entry = self.vm.entries.get(template_id)
        if entry is not None and entry.problems:
            self.host.say(self.tr("Saved {0} — it has problems, so its case shows an error "
                                  "until they are fixed").format(template_id))
        else:
            self.host.say(self.tr("Saved {0}").format(template_id))

    def save_all(self) -> bool:
        """Save every unsaved template (before quitting); stops at the first refused."""
        session = self.vm.session
        if session is None:
            return True
        current = session.current
        try:
            for template_id in self.vm.dirty_ids():
                session.open(template_id)
                if not self.save():
                    return False
        finally:
            session.current = current
        return True

    def confirm_close(self) -> bool:
        """Before the window closes: save, discard or stay (only when something is unsaved)."""
        dirty = self.vm.dirty_ids()
        if not dirty:
            return True
        answer = self.host.prompts.unsaved(dirty)
        if answer is Answer.SAVE:
            return self.save_all()
        if answer is Answer.DISCARD:
            self.vm.discard_all()
            return True
        return False

    @Slot()
    def new_template(self) -> None:
        cases = [(case_id, f"{title}  ·  {case_id}")
                 for case_id, title in self.vm.case_titles(self.host.lang).items()]
        current_case = self.vm.compose.case.id if self.vm.compose.case else None
        answer = self.host.prompts.new_template(cases, set(self.vm.entries), current_case)
        if answer is not None and self._run(lambda: self.vm.create(*answer)):
            self.host.say(self.tr("Created {0}").format(answer[1]))

    @Slot()
    def duplicate(self) -> None:
        from ui.editor.dialogs import free_id

        if self.vm.current is None:
            return
        taken = set(self.vm.entries)
        new_id = self.host.prompts.template_id(
            free_id(self.vm.current.template_id.lstrip("_") + "-copy", taken), taken)
        if new_id and self._run(lambda: self.vm.duplicate(new_id)):
            self.host.say(self.tr("Created {0}").format(new_id))

    @Slot()
    def remove(self) -> None:
        """Revert to default when a team or bundled version exists, else delete."""
        buffer = self.vm.current
        entry = self.vm.entries.get(buffer.template_id) if buffer else None
        if buffer is None or entry is None or entry.read_only:
            return
        revert = entry.below is not None
        if not self.host.prompts.confirm_remove(buffer.template_id, revert, buffer.dirty):
            return
        if not self._run(self.vm.remove):
            return
        message = self.tr("{0} was reverted to the default version.") if revert \
            else self.tr("{0} was deleted.")
        self.host.offer_undo(message.format(buffer.template_id), self.undo_remove)

    @Slot()
    def undo_remove(self) -> None:
        self.host.hide_undo()
        session = self.vm.session
        if session is not None and session.removed:
            template_id = session.removed[-1].template_id
            if self._run(self.vm.undo_remove):
                self.host.say(self.tr("Restored {0}").format(template_id))

    @Slot()
    def history(self) -> None:
        if self.vm.current is None:
            return
        versions = self.vm.history()
        if not versions:
            self.host.say(self.tr("No earlier versions of {0} yet").format(
                self.vm.current.template_id))
            return
        chosen = self.host.prompts.pick_version(self.vm.current.template_id, versions,
                                                self.vm.read_version)
        if chosen is not None:
            self.vm.restore_version(chosen)
            self.host.say(self.tr("Restored an earlier version: save to keep it"))

    def export(self, selected: bool) -> None:
        ids = None
        if selected:
            ids = self.host.selected_ids() or \
                ([self.vm.current.template_id] if self.vm.current else [])
        dest = self.host.prompts.export_path("reply-templates.zip")
        if dest is None:
            return
        count: list[int] = []
        if self._run(lambda: count.append(self.vm.export(dest, ids))):
            self.host.say(self.tr("Exported {0} template(s) to {1}").format(count[0], dest))

    @Slot()
    def import_pack(self) -> None:
        source = self.host.prompts.import_path()
        if source is None:
            return
        try:
            plan = self.vm.plan_import(source)
        except (ComposerError, OSError) as exc:
            self.host.prompts.error(str(exc))
            return
        chosen = self.host.prompts.choose_import(plan)
        if chosen is None:
            return
        imported, failed = self.vm.apply_import(plan, chosen)
        self.host.say(self.tr("Imported {0} template(s)").format(len(imported)))
        if failed:
            self.host.prompts.error("\n".join(failed))

    @Slot()
    def team_folder(self) -> None:
        team_dir = self.vm.compose.setup.team_dir if self.vm.compose.setup else None
        changed, folder = self.host.prompts.team_folder(team_dir)
        if changed and self._run(lambda: self.vm.set_team_dir(folder)):
            self.host.say(self.tr("Team folder: {0}").format(folder or self.tr("none")))
