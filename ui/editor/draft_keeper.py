"""Unsaved template text written to the user data folder every few seconds, so a crash
loses at most those seconds; at the next start the drafts are offered back."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

if TYPE_CHECKING:
    from app.library.drafts import Draft, DraftStore
    from app.library.layers import TemplateLibrary
    from app.library.workspace import Workspace

AUTOSAVE_MS = 3000


class DraftKeeper(QObject):
    def __init__(self, parent: QObject, interval_ms: int = AUTOSAVE_MS) -> None:
        super().__init__(parent)
        self.store: DraftStore | None = None
        self.workspace: Workspace | None = None
        self._written: dict[str, str] = {}  # id -> the text last written as its draft
        self.timer = QTimer(self, interval=interval_ms)
        self.timer.timeout.connect(self.save_now)

    def start(self, store: DraftStore, workspace: Workspace) -> None:
        self.store, self.workspace = store, workspace
        self.timer.start()

    def save_now(self) -> None:
        """A draft for each unsaved template that changed since its last one; none for the
        others."""
        if self.store is None or self.workspace is None:
            return
        for template_id, buffer in self.workspace.buffers.items():
            if buffer.dirty and self._written.get(template_id) != buffer.text:
                self.store.write(template_id, buffer.text, buffer.personal)
                self._written[template_id] = buffer.text
            elif not buffer.dirty and template_id in self._written:
                self.forget(template_id)

    def forget(self, template_id: str) -> None:
        """The template was saved, reloaded or removed: its draft is no longer needed."""
        if self.store is not None:
            self.store.discard(template_id)
        self._written.pop(template_id, None)

    def left_over(self, library: TemplateLibrary) -> list[Draft]:
        """Drafts a crash left that differ from their template (the others are removed)."""
        assert self.store is not None
        offered = []
        for draft in self.store.load_all():
            found = library.path_of(draft.template_id)
            if found is None:
                continue  # its template is gone; the draft file stays for a person to find
            if found[1].read_text(encoding="utf-8", errors="replace") == draft.text:
                self.store.discard(draft.template_id)
            else:
                offered.append(draft)
        return offered

    def adopt(self, draft: Draft) -> None:
        """A recovered draft: its file already holds this text."""
        self._written[draft.template_id] = draft.text
