"""What the Templates tab's commands do: each asks its questions through the page's
prompts, calls the view-model, and reports a file problem instead of failing."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from ui.shell.actions import ActionId, ActionRegistry

if TYPE_CHECKING:
    from ui.editor.page import EditorPage


class EditorCommands(QObject):
    def __init__(self, page: EditorPage) -> None:
        super().__init__(page)
        self.page = page
        self.vm = page.vm

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
        from app.errors import ComposerError

        try:
            work()
        except (ComposerError, OSError) as exc:
            self.page.prompts.error(str(exc))
            return False
        return True

    def save(self) -> bool:
        """Save the open template; if it changed on disk, ask before overwriting it."""
        from app.errors import ComposerError
        from app.library.store import ExternalChangeError

        buffer = self.vm.current
        if buffer is None:
            return False
        try:
            self.vm.save()
        except ExternalChangeError:
            answer = self.page.prompts.changed_on_disk(buffer.template_id)
            if answer == "reload":
                self.vm.reload()
            if answer != "overwrite" or not self._run(lambda: self.vm.save(force=True)):
                return False
        except (ComposerError, OSError) as exc:
            self.page.prompts.error(str(exc))
            return False
        self._saved(buffer.template_id)
        return True

    def _saved(self, template_id: str) -> None:
        entry = self.vm.entries.get(template_id)
        if entry is not None and entry.problems:
            self.page.status.emit(self.tr("Saved {0} — it has problems, so its case shows an "
                                          "error until they are fixed").format(template_id))
        else:
            self.page.status.emit(self.tr("Saved {0}").format(template_id))

    def save_all(self) -> bool:
        """Save every unsaved template (before quitting); stops at the first refused."""
        workspace, current = self.vm.workspace, self.vm.current
        if workspace is None:
            return True
        try:
            for template_id in self.vm.dirty_ids():
                self.vm.current = workspace.open(template_id)
                if not self.save():
                    return False
        finally:
            self.vm.current = current
        return True

    def confirm_close(self) -> bool:
        """Before the window closes: save, discard or stay (only when something is unsaved)."""
        dirty = self.vm.dirty_ids()
        if not dirty:
            return True
        answer = self.page.prompts.unsaved(dirty)
        if answer == "save":
            return self.save_all()
        if answer == "discard":
            self.vm.discard_all()
            return True
        return False

    def new_template(self) -> None:
        catalog = self.vm.compose.catalog
        cases = [(c.id, f"{c.title.get(self.page.lang)}  ·  {c.id}")
                 for c in catalog.cases.values()]
        current_case = self.vm.compose.case.id if self.vm.compose.case else None
        answer = self.page.prompts.new_template(cases, set(self.vm.entries), current_case)
        if answer is not None and self._run(lambda: self.vm.create(*answer)):
            self.page.status.emit(self.tr("Created {0}").format(answer[1]))

    def duplicate(self) -> None:
        from ui.editor.dialogs import free_id

        if self.vm.current is None:
            return
        taken = set(self.vm.entries)
        new_id = self.page.prompts.template_id(
            free_id(self.vm.current.template_id.lstrip("_") + "-copy", taken), taken)
        if new_id and self._run(lambda: self.vm.duplicate(new_id)):
            self.page.status.emit(self.tr("Created {0}").format(new_id))

    def remove(self) -> None:
        """Revert to default when a team or bundled version exists, else delete."""
        buffer = self.vm.current
        entry = self.vm.entries.get(buffer.template_id) if buffer else None
        if buffer is None or entry is None or entry.layer != "personal":
            return
        revert = entry.below is not None
        if not self.page.prompts.confirm_remove(buffer.template_id, revert, buffer.dirty):
            return
        if not self._run(self.vm.remove):
            return
        message = self.tr("{0} was reverted to the default version.") if revert \
            else self.tr("{0} was deleted.")
        message = message.format(buffer.template_id)
        self.page.banners["undoBanner"].show_message(
            message, [(self.tr("Undo"), self.undo_remove)])

    def undo_remove(self) -> None:
        self.page.banners["undoBanner"].hide()
        if self.vm.removed:
            template_id = self.vm.removed[-1].template_id
            if self._run(self.vm.undo_remove):
                self.page.status.emit(self.tr("Restored {0}").format(template_id))

    def history(self) -> None:
        if self.vm.current is None or self.vm.store is None:
            return
        versions = self.vm.history()
        if not versions:
            self.page.status.emit(self.tr("No earlier versions of {0} yet").format(
                self.vm.current.template_id))
            return
        chosen = self.page.prompts.pick_version(self.vm.current.template_id, versions,
                                                self.vm.store.read_version)
        if chosen is not None:
            self.vm.restore_version(chosen)
            self.page.status.emit(self.tr("Restored an earlier version: save to keep it"))

    def export(self, selected: bool) -> None:
        ids = None
        if selected:
            ids = self.page.list.selected_ids() or \
                ([self.vm.current.template_id] if self.vm.current else [])
        dest = self.page.prompts.export_path("reply-templates.zip")
        if dest is None:
            return
        count: list[int] = []
        if self._run(lambda: count.append(self.vm.export(dest, ids))):
            self.page.status.emit(self.tr("Exported {0} template(s) to {1}").format(
                count[0], dest))

    def import_pack(self) -> None:
        source = self.page.prompts.import_path()
        if source is None:
            return
        from app.errors import ComposerError

        try:
            plan = self.vm.plan_import(source)
        except (ComposerError, OSError) as exc:
            self.page.prompts.error(str(exc))
            return
        chosen = self.page.prompts.choose_import(plan)
        if chosen is None:
            return
        imported, failed = self.vm.apply_import(plan, chosen)
        self.page.status.emit(self.tr("Imported {0} template(s)").format(len(imported)))
        if failed:
            self.page.prompts.error("\n".join(failed))

    def team_folder(self) -> None:
        changed, folder = self.page.prompts.team_folder(self.vm.team_dir)
        if changed and self._run(lambda: self.vm.set_team_dir(folder)):
            self.page.status.emit(self.tr("Team folder: {0}").format(folder or self.tr("none")))
