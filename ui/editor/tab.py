"""The Templates tab's place in the window. The editor itself is built after the first
paint, with the catalog: nothing of it is imported or created before the window shows."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

if TYPE_CHECKING:
    from ui.compose.viewmodel import ComposeViewModel
    from ui.editor.page import EditorPage
    from ui.editor.viewmodel import EditorViewModel
    from ui.shell.actions import ActionRegistry


class TemplatesTab(QWidget):
    dirtyChanged = Signal(bool)  # any template unsaved
    status = Signal(str)

    def __init__(self, compose: ComposeViewModel) -> None:
        super().__init__(objectName="templatesTab")
        self.compose = compose
        self.actions_: ActionRegistry | None = None
        self.page: EditorPage | None = None
        self.vm: EditorViewModel | None = None
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)

    def bind_actions(self, actions: ActionRegistry) -> None:
        """The window's commands, once they exist: this tab's stay disabled until its
        editor is built and shown."""
        from ui.shell.actions import TEMPLATE_ACTIONS

        self.actions_ = actions
        for action_id in TEMPLATE_ACTIONS:
            actions[action_id].setEnabled(False)

    def build(self, lang: str) -> None:
        """Create the editor over the compose tab's library (once; a later call, after the
        compose tab loaded again, starts a new session). Raises OSError when the personal
        template folder can't be created — the compose tab has its replies regardless."""
        from ui.editor.page import EditorPage
        from ui.editor.viewmodel import EditorViewModel

        assert self.actions_ is not None, "bind_actions first"
        if self.vm is None:
            self.vm = EditorViewModel(self.compose)
            self.page = EditorPage(self.vm)
            self.layout_.addWidget(self.page)
            self.page.bind(self.actions_)
            self.page.dirtyChanged.connect(self.dirtyChanged)
            self.page.status.connect(self.status)
        assert self.page is not None
        self.vm.attach()
        self.page.set_language(lang)

    def dirty(self) -> bool:
        return bool(self.vm and self.vm.dirty_ids())

    def set_active(self, active: bool) -> None:
        if self.page is not None:
            self.page.set_active(active)

    def set_language(self, lang: str) -> None:
        if self.page is not None:
            self.page.set_language(lang)

    def retranslate(self) -> None:
        if self.page is not None:
            self.page.retranslate()

    def focus_filter(self) -> None:
        if self.page is not None:
            self.page.list.focus_filter()

    def confirm_close(self) -> bool:
        """True when the window may close (nothing unsaved, or saved or discarded)."""
        if self.page is None or self.vm is None:
            return True
        if not self.page.commands.confirm_close():
            return False
        self.vm.autosave_now()  # drafts now match what is unsaved: none left for a clean exit
        return True

    def shut_down(self) -> None:
        """The window closes: a preview still rendering is not waited for."""
        if self.vm is not None:
            self.vm.worker.shutdown()
