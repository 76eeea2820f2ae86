"""The templates open in the editor: their unsaved text and the file state it started from.

A buffer remembers which file it was read from and that file's state, and the state of the
personal file (the one a save writes). Saving passes that state to the store, which refuses
when the file changed meanwhile; `changed_on_disk` tells the window to offer a reload.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.data.atomic import FileState, read_with_state
from app.library.drafts import Draft
from app.library.layers import Layer, TemplateLibrary
from app.library.store import PersonalStore, StoreError
from app.library.template_file import editable_text


@dataclass
class Buffer:
    template_id: str
    text: str  # what the editor shows
    saved_text: str  # the file's text when read or saved
    layer: Layer  # where the saved text came from
    source: tuple[Path, FileState]  # the file read, as it was
    personal: FileState | None  # the personal file as it was (None: there was none)
    converted_from: str | None = None  # the file was in this legacy encoding (GB18030)

    @property
    def dirty(self) -> bool:
        """Unsaved: edited, or read from a legacy encoding a save turns into UTF-8."""
        return self.text != self.saved_text or self.converted_from is not None


class Workspace:
    def __init__(self, store: PersonalStore, library: TemplateLibrary) -> None:
        self.store = store
        self.library = library
        self.buffers: dict[str, Buffer] = {}

    def open(self, template_id: str) -> Buffer:
        return self.buffers.get(template_id) or self.load(template_id)

    def load(self, template_id: str) -> Buffer:
        """Read the template from disk, replacing any unsaved text."""
        found = self.library.path_of(template_id)
        read = read_with_state(found[1]) if found else None
        if found is None or read is None:
            raise StoreError(f"no template {template_id!r}")
        text, legacy = editable_text(read[0], str(found[1]))
        personal = read[1] if found[0] is Layer.PERSONAL else self.store.state(template_id)
        buffer = Buffer(template_id, text, text, found[0], (found[1], read[1]), personal, legacy)
        self.buffers[template_id] = buffer
        return buffer

    def edit(self, template_id: str, text: str) -> Buffer:
        buffer = self.open(template_id)
        buffer.text = text
        return buffer

    def save(self, template_id: str, force: bool = False) -> Buffer:
        buffer = self.open(template_id)
        state = self.store.save(template_id, buffer.text, buffer.personal, force=force)
        buffer.saved_text = buffer.text
        buffer.converted_from = None
        buffer.layer = Layer.PERSONAL
        buffer.personal = state
        buffer.source = (self.store.path(template_id), state)
        return buffer

    def recover(self, draft: Draft) -> Buffer:
        """Reopen a draft left by a crash. Its base stays the file it was edited from, so a
        save still refuses if that file changed since."""
        buffer = self.load(draft.template_id)
        buffer.text = draft.text
        buffer.personal = draft.base
        return buffer

    def changed_on_disk(self, template_id: str) -> bool:
        """True when the file the buffer came from, or the personal file, is not as read."""
        buffer = self.buffers.get(template_id)
        if buffer is None:
            return False
        found = self.library.path_of(template_id)
        if found is None:
            return True
        path, state = buffer.source
        current = read_with_state(found[1])
        return found[1] != path or current is None or current[1] != state \
            or self.store.state(template_id) != buffer.personal

    def dirty_ids(self) -> list[str]:
        return [i for i, b in self.buffers.items() if b.dirty]

    def close(self, template_id: str) -> None:
        self.buffers.pop(template_id, None)
