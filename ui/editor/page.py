"""The "Templates" tab: the template list, the editor and its live preview, wired to the
editor's view-model. Commands are the registry's QActions (`ui.editor.commands`); questions go
through `prompts`."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QSplitter, QToolBar, QVBoxLayout, QWidget

from ui.editor.commands import EditorCommands
from ui.editor.preview_panel import EditPreviewPanel
from ui.editor.prompts import Prompts
from ui.editor.template_form import TemplateForm
from ui.editor.template_list import TemplateList
from ui.shell.actions import TEMPLATE_ACTIONS, ActionId, ActionRegistry
from ui.widgets.banner import Banner

if TYPE_CHECKING:
    from app.library.drafts import Draft
    from app.library.unsaved import EditPreview
    from app.library.workspace import Buffer
    from ui.editor.viewmodel import EditorViewModel

TOOLBAR = (ActionId.NEW_TEMPLATE, ActionId.DUPLICATE_TEMPLATE, ActionId.DELETE_TEMPLATE,
           ActionId.REVERT_TEMPLATE, ActionId.TEMPLATE_HISTORY, None, ActionId.IMPORT_TEMPLATES,
           ActionId.EXPORT_TEMPLATES, None, ActionId.TEAM_FOLDER, None, ActionId.SAVE_TEMPLATE)


class BannerId(Enum):
    """The notices above the editor (each one's object name)."""

    DRAFTS = "draftBanner"  # drafts a crash left: restore or discard
    DISK = "diskBanner"  # the open template changed on disk: reload or keep mine
    UNDO = "undoBanner"  # a template was deleted or reverted: undo
    PROBLEM = "problemBanner"  # drafts can't be written
    IGNORED = "ignoredBanner"  # .j2 files whose names are no template id: not listed


class EditorPage(QWidget):
    dirtyChanged = Signal(bool)  # any template unsaved
    status = Signal(str)  # a message for the status bar

    def __init__(self, vm: EditorViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="templatesPage")
        self.vm = vm
        self.lang = "en"
        self.active = False
        self.actions_: ActionRegistry | None = None
        self.prompts = Prompts(self, vm.is_template_id)
        self.commands = EditorCommands(self, vm)
        self.list = TemplateList()
        self.form = TemplateForm(vm.codec())
        self.preview = EditPreviewPanel()
        self.toolbar = QToolBar(objectName="templateToolbar")
        self.banners = {banner: Banner(banner.value) for banner in BannerId}
        self.splitter = QSplitter(Qt.Orientation.Horizontal, objectName="templateSplitter")
        self._layout()
        self._connect()
        self.form.setEnabled(False)

    def _layout(self) -> None:
        for widget in (self.list, self.form, self.preview):
            self.splitter.addWidget(widget)
        self.splitter.setSizes([340, 560, 440])
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.toolbar)
        for banner in self.banners.values():
            layout.addWidget(banner)
        layout.addWidget(self.splitter, 1)

    def _connect(self) -> None:
        vm = self.vm
        self.list.templateChosen.connect(vm.open)
        self.form.edited.connect(vm.set_text)
        self.form.languageChanged.connect(lambda lang: vm.set_preview(language=lang))
        vm.entriesChanged.connect(self._show_entries)
        vm.bufferOpened.connect(self._show_buffer)
        vm.dirtyChanged.connect(self._dirty_changed)
        vm.previewed.connect(self._show_preview)
        vm.worker.busy.connect(self.preview.show_busy)
        vm.changedOnDisk.connect(self._offer_reload)
        vm.draftsFound.connect(self._offer_drafts)
        vm.autosave.problem.connect(self._draft_problem)
        vm.compose.compositionChanged.connect(self._order_changed)

    def bind(self, actions: ActionRegistry) -> None:
        """Connect the registry's template commands and put them in the toolbar."""
        self.actions_ = a = actions
        self.commands.bind(actions)
        a.connect(ActionId.INSERT_FIELD, self.form.popup_field_menu)
        a[ActionId.PREVIEW_WITH_ORDER].toggled.connect(self._use_order)
        self.preview.use_order.toggled.connect(a[ActionId.PREVIEW_WITH_ORDER].setChecked)
        for action_id in TOOLBAR:
            if action_id is None:
                self.toolbar.addSeparator()
            else:
                self.toolbar.addAction(a[action_id])
        self.update_actions()

    # What the commands need of the page (ui.editor.commands.CommandHost).
    def say(self, text: str) -> None:
        self.status.emit(text)

    def selected_ids(self) -> list[str]:
        return self.list.selected_ids()

    def offer_undo(self, message: str, undo: Callable[[], None]) -> None:
        self.banners[BannerId.UNDO].show_message(message, [(self.tr("Undo"), undo)])

    def hide_undo(self) -> None:
        self.banners[BannerId.UNDO].hide()

    # Language and visibility.
    def retranslate(self) -> None:
        self.list.retranslate()
        self.form.retranslate()
        self.preview.retranslate()
        if self.vm.entries:
            self._show_entries()

    def set_language(self, lang: str) -> None:
        self.lang = self.form.lang = self.preview.lang = lang
        if self.vm.session is not None:
            self.form.set_fields(self.vm.insert_menu(lang), self.vm.compose.catalog.categories,
                                 lang, self.vm.known_names())
            if self.vm.current is not None:
                self.form.show_text(self.vm.current.text)
                self.vm.preview_now()
        self.retranslate()

    def set_active(self, active: bool) -> None:
        """The tab is shown (or hidden): the list is read the first time it is shown."""
        self.active = active
        if active:
            self.ensure_loaded()
        self.update_actions()

    def ensure_loaded(self) -> None:
        if self.vm.session is not None and not self.vm.entries:
            self.set_language(self.lang)  # the Insert field menu needs the catalog
            self.vm.refresh()
            if self.vm.current is None:
                first = self._first_template()
                if first:
                    self.list.select(first)

    def _first_template(self) -> str | None:
        """The compose tab's template when there is one, else the first in the list."""
        last = self.vm.compose.last_good
        if last is not None and last.suggestion.template in self.vm.entries:
            return last.suggestion.template
        return next(iter(self.list.items), None)

    def layer_names(self) -> dict[str, str]:
        """The layers by their values ("personal" …), as the list and the info line say them."""
        return {"personal": self.tr("Personal"), "team": self.tr("Team"),
                "bundled": self.tr("Bundled"), "unsaved": self.tr("Unsaved")}

    # Showing the view-model's state.
    @Slot()
    def _show_entries(self) -> None:
        self.list.set_entries(list(self.vm.entries.values()), self.vm.compose.catalog.categories,
                              self.lang, self.layer_names())
        self.list.set_dirty(self.vm.dirty_ids())
        self._show_info()
        self.update_actions()
        self._show_ignored()

    def _show_ignored(self) -> None:
        """Files the library refuses by name ("my template.j2") are named here, not hidden:
        the CLI, `check` and this tab refuse the same ones."""
        ignored = self.vm.ignored_files()
        banner = self.banners[BannerId.IGNORED]
        if not ignored:
            banner.hide()
            return
        banner.show_message(self.tr(
            "Not used: {0}. A template's file name may only use a-z, 0-9 and '-': rename "
            "the file.").format(", ".join(ignored)), [(self.tr("Hide"), banner.hide)],
            "warning")

    @Slot(object)
    def _show_buffer(self, buffer: Buffer | None) -> None:
        self.form.show_text(buffer.text if buffer else None)
        self.banners[BannerId.DISK].hide()
        if buffer is None:
            self.preview.clear()
        else:
            self.list.select(buffer.template_id, emit=False)
        self._show_info()
        self.update_actions()

    def _show_info(self) -> None:
        buffer = self.vm.current
        entry = self.vm.entries.get(buffer.template_id) if buffer else None
        titles = self.vm.case_titles(self.lang, entry.used_by) if entry and entry.used_by else {}
        self.form.info.show_template(buffer, entry, self.layer_names(), titles)

    @Slot()
    def _dirty_changed(self) -> None:
        dirty = self.vm.dirty_ids()
        self.list.set_dirty(dirty)
        self.dirtyChanged.emit(bool(dirty))
        self.update_actions()

    @Slot(object)
    def _show_preview(self, result: EditPreview) -> None:
        titles = self.vm.case_titles(self.lang, [result.case_id] if result.case_id else [])
        self.preview.show_preview(result, next(iter(titles.values()), ""),
                                  self.form.language())
        self.form.show_problems(result.problems, result.unknown_names)

    @Slot()
    def _order_changed(self) -> None:
        if self.vm.use_order and self.active:
            self.vm.preview_timer.start()

    @Slot(bool)
    def _use_order(self, use: bool) -> None:
        self.preview.use_order.setChecked(use)
        self.vm.set_preview(use_order=use)

    def update_actions(self) -> None:
        if self.actions_ is None:
            return
        buffer, a = self.vm.current, self.actions_
        entry = self.vm.entries.get(buffer.template_id) if buffer else None
        state = {
            ActionId.SAVE_TEMPLATE: bool(buffer and buffer.dirty),
            ActionId.DELETE_TEMPLATE: bool(entry and entry.deletable),
            ActionId.REVERT_TEMPLATE: bool(entry and entry.customised),
            ActionId.UNDO_DELETE: bool(self.vm.session and self.vm.session.removed),
            ActionId.DUPLICATE_TEMPLATE: buffer is not None,
            ActionId.TEMPLATE_HISTORY: buffer is not None,
            ActionId.INSERT_FIELD: buffer is not None,
            ActionId.EXPORT_SELECTED: buffer is not None,
        }
        attached = self.vm.session is not None
        for action_id in TEMPLATE_ACTIONS:
            a[action_id].setEnabled(self.active and attached and state.get(action_id, True))

    # Banners.
    @Slot(str)
    def _offer_reload(self, template_id: str) -> None:
        self.banners[BannerId.DISK].show_message(
            self.tr("{0} was changed on disk by another window or program.").format(template_id),
            [(self.tr("Reload"), self._reload), (self.tr("Keep mine"), self._keep_mine)],
            "warning")

    def _reload(self) -> None:
        self.banners[BannerId.DISK].hide()
        self.vm.reload()

    def _keep_mine(self) -> None:
        self.banners[BannerId.DISK].hide()
        self.vm.keep_mine()

    @Slot(list)
    def _offer_drafts(self, drafts: list[Draft]) -> None:
        names = ", ".join(d.template_id for d in drafts)
        self.banners[BannerId.DRAFTS].show_message(
            self.tr("Unsaved template edits from last time were found: {0}").format(names),
            [(self.tr("Restore"), lambda: self._recover(drafts, True)),
             (self.tr("Discard"), lambda: self._recover(drafts, False))])
        self.status.emit(self.tr("Unsaved template edits from last time were found: see the "
                                 "Templates tab"))

    def _recover(self, drafts: list[Draft], restore: bool) -> None:
        self.banners[BannerId.DRAFTS].hide()
        if restore:
            self.ensure_loaded()
            self.vm.recover(drafts)
        else:
            self.vm.discard_drafts(drafts)

    @Slot(str)
    def _draft_problem(self, problem: str) -> None:
        self.banners[BannerId.PROBLEM].show_message(
            self.tr("Unsaved edits can't be kept as drafts (a crash would lose them): {0}")
            .format(problem), [(self.tr("Hide"), self.banners[BannerId.PROBLEM].hide)],
            "warning")
