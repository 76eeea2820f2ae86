"""The "Templates" tab: the template list, the editor and its live preview, wired to the
editor's view-model. Commands are the registry's QActions; questions go through `prompts`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QSplitter, QToolBar, QVBoxLayout, QWidget

from ui.editor.commands import EditorCommands
from ui.editor.preview_panel import DraftPreviewPanel
from ui.editor.prompts import Prompts
from ui.editor.template_form import TemplateForm
from ui.editor.template_list import TemplateList
from ui.editor.viewmodel import TemplateEditorViewModel
from ui.shell.actions import TEMPLATE_ACTIONS, ActionId, ActionRegistry
from ui.widgets.banner import Banner

if TYPE_CHECKING:
    from app.library.drafts import Draft
    from app.library.unsaved import DraftPreview
    from app.library.workspace import Buffer

TOOLBAR = (ActionId.NEW_TEMPLATE, ActionId.DUPLICATE_TEMPLATE, ActionId.DELETE_TEMPLATE,
           ActionId.REVERT_TEMPLATE, ActionId.TEMPLATE_HISTORY, None, ActionId.IMPORT_TEMPLATES,
           ActionId.EXPORT_TEMPLATES, None, ActionId.TEAM_FOLDER, None, ActionId.SAVE_TEMPLATE)


class EditorPage(QWidget):
    dirtyChanged = Signal(bool)  # any template unsaved
    status = Signal(str)  # a message for the status bar

    def __init__(self, vm: TemplateEditorViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="templatesPage")
        self.vm = vm
        self.lang = "en"
        self.active = False
        self.actions_: ActionRegistry | None = None
        self.prompts = Prompts(self)
        self.commands = EditorCommands(self)
        self.list = TemplateList()
        self.form = TemplateForm()
        self.preview = DraftPreviewPanel()
        self.toolbar = QToolBar(objectName="templateToolbar")
        self.banners = {name: Banner(name) for name in ("draftBanner", "diskBanner",
                                                        "undoBanner")}
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
        vm.entriesChanged.connect(self._show_entries)
        vm.bufferOpened.connect(self._show_buffer)
        vm.dirtyChanged.connect(self._dirty_changed)
        vm.previewed.connect(self._show_preview)
        vm.changedOnDisk.connect(self._offer_reload)
        vm.draftsFound.connect(self._offer_drafts)
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

    def retranslate(self) -> None:
        self.list.retranslate()
        self.form.retranslate()
        self.preview.retranslate()
        if self.vm.entries:
            self._show_entries()

    def set_language(self, lang: str) -> None:
        self.lang = self.form.lang = self.preview.lang = lang
        if self.vm.attached and self.vm.compose.composer is not None:
            self.form.set_fields(self.vm.compose.composer, lang)
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
        if self.vm.attached and not self.vm.entries:
            assert self.vm.compose.composer is not None
            self.form.set_fields(self.vm.compose.composer, self.lang)
            self.vm.refresh()
            if self.vm.current is None:
                first = self._first_template()
                if first:
                    self.list.select(first)

    def _first_template(self) -> str | None:
        """The compose tab's template when there is one, else the first in the list."""
        compose = self.vm.compose
        if compose.last_good is not None and compose.last_good.suggestion.template in \
                self.vm.entries:
            return compose.last_good.suggestion.template
        return next(iter(self.list.items), None)

    def layer_names(self) -> dict[str, str]:
        return {"personal": self.tr("Personal"), "team": self.tr("Team"),
                "bundled": self.tr("Bundled")}

    # Showing the view-model's state.
    def _show_entries(self) -> None:
        composer = self.vm.compose.composer
        assert composer is not None
        self.list.set_entries(list(self.vm.entries.values()), composer.catalog.categories,
                              self.lang, self.layer_names())
        self.list.set_dirty(self.vm.dirty_ids())
        self._show_info()
        self.update_actions()

    def _show_buffer(self, buffer: Buffer | None) -> None:
        self.form.show_text(buffer.text if buffer else None)
        self.banners["diskBanner"].hide()
        if buffer is None:
            self.preview.clear()
        else:
            self.list.select(buffer.template_id, emit=False)
        self._show_info()
        self.update_actions()

    def _show_info(self) -> None:
        buffer = self.vm.current
        entry = self.vm.entries.get(buffer.template_id) if buffer else None
        if buffer is None or entry is None:
            self.form.info.setText(buffer.template_id if buffer else "")
            return
        names = self.layer_names()
        parts = [f"<b>{entry.id}</b>", names.get(entry.layer, entry.layer)]
        if entry.below:
            parts[-1] += " — " + (self.tr("overrides the team's version") if entry.below == "team"
                                  else self.tr("overrides the bundled version"))
        if entry.layer != "personal":
            parts.append(self.tr("read-only: saving makes it your own version"))
        catalog = self.vm.compose.catalog
        if entry.is_partial:
            parts.append(self.tr("a shared piece other templates include"))
        elif entry.used_by:
            titles = [catalog.cases[c].title.get(self.lang) for c in entry.used_by]
            parts.append(self.tr("used by: {0}").format(", ".join(titles)))
        else:
            parts.append(self.tr("no case uses it yet (a rule in policy.yaml picks templates)"))
        self.form.info.setText("  ·  ".join(parts))

    def _dirty_changed(self) -> None:
        dirty = self.vm.dirty_ids()
        self.list.set_dirty(dirty)
        self.dirtyChanged.emit(bool(dirty))
        self.update_actions()

    def _show_preview(self, result: DraftPreview) -> None:
        case_id = result.case_id
        catalog = self.vm.compose.catalog
        title = catalog.cases[case_id].title.get(self.lang) if case_id in catalog.cases else ""
        self.preview.show_preview(result, title)
        if result.reply is not None:
            hints = self.vm.compose.english_hints(result.reply)
            self.preview.show_hints([hint.get(self.lang) for hint in hints])
        self.form.show_problems(result.problems, result.unknown_names)

    def _order_changed(self) -> None:
        if self.vm.use_order and self.active:
            self.vm.preview_timer.start()

    def _use_order(self, use: bool) -> None:
        self.preview.use_order.setChecked(use)
        self.vm.set_use_order(use)

    def update_actions(self) -> None:
        if self.actions_ is None:
            return
        buffer, a = self.vm.current, self.actions_
        entry = self.vm.entries.get(buffer.template_id) if buffer else None
        state = {
            ActionId.SAVE_TEMPLATE: bool(buffer and buffer.dirty),
            ActionId.NEW_TEMPLATE: self.vm.attached,
            ActionId.DUPLICATE_TEMPLATE: buffer is not None,
            ActionId.DELETE_TEMPLATE: bool(entry and entry.deletable),
            ActionId.REVERT_TEMPLATE: bool(entry and entry.customised),
            ActionId.UNDO_DELETE: bool(self.vm.removed),
            ActionId.TEMPLATE_HISTORY: buffer is not None,
            ActionId.INSERT_FIELD: buffer is not None,
            ActionId.EXPORT_SELECTED: buffer is not None,
        }
        for action_id in TEMPLATE_ACTIONS:
            a[action_id].setEnabled(self.active and self.vm.attached
                                    and state.get(action_id, True))

    # Banners.
    def _offer_reload(self, template_id: str) -> None:
        self.banners["diskBanner"].show_message(
            self.tr("{0} was changed on disk by another window or program.").format(template_id),
            [(self.tr("Reload"), self._reload), (self.tr("Keep mine"), self._keep_mine)],
            "warning")

    def _reload(self) -> None:
        self.banners["diskBanner"].hide()
        self.vm.reload()

    def _keep_mine(self) -> None:
        self.banners["diskBanner"].hide()
        self.vm.keep_mine()

    def _offer_drafts(self, drafts: list[Draft]) -> None:
        names = ", ".join(d.template_id for d in drafts)
        self.banners["draftBanner"].show_message(
            self.tr("Unsaved template edits from last time were found: {0}").format(names),
            [(self.tr("Restore"), lambda: self._recover(drafts, True)),
             (self.tr("Discard"), lambda: self._recover(drafts, False))])
        self.status.emit(self.tr("Unsaved template edits from last time were found: see the "
                                 "Templates tab"))

    def _recover(self, drafts: list[Draft], restore: bool) -> None:
        self.banners["draftBanner"].hide()
        if restore:
            self.ensure_loaded()
            self.vm.recover(drafts)
        else:
            self.vm.discard_drafts(drafts)
