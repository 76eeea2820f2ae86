"""The Templates tab's work on one template library, without Qt: the list, the template open
in the editor, saving, removing and undoing, history, packs, drafts, and outside changes.

A session is made when the library is known (the composer's layers) and replaced when the
layers change; the templates open in it carry over. Everything here is plain method calls
returning plain results, so the window's view-model is a thin adapter and tests need no Qt.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from app.compose.composer import Composer
from app.data.atomic import FileState, file_state
from app.library.drafts import Draft, DraftKeeper, DraftStore
from app.library.index import TemplateEntry, cases_using, library_entries, with_problems
from app.library.layers import Layer
from app.library.packs import ImportPlan, apply_import, export_pack, plan_import, texts_for_export
from app.library.snippets import Snippet, snippet_groups
from app.library.store import PersonalStore, Removed, Version
from app.library.template_file import ID_PATTERN
from app.library.template_text import duplicate_text, new_template_text
from app.library.unsaved import EditPreview, EditPreviewer
from app.library.workspace import Buffer, Workspace


class EditSession:
    def __init__(self, composer: Composer, drafts: DraftStore,
                 previous: EditSession | None = None) -> None:
        """A session over `composer`'s library; `previous`, the session it replaces (the
        layers changed): its open templates, the one shown and the undo list carry over."""
        self.composer = composer
        personal = dict(composer.library.layers).get(Layer.PERSONAL)
        assert personal is not None, "the composer's library has no personal layer"
        personal.mkdir(parents=True, exist_ok=True)
        self.store = PersonalStore(personal)
        self.workspace = Workspace(self.store, composer.library)
        self.workspace.buffers.update(previous.workspace.buffers if previous else {})
        self.previewer = EditPreviewer(composer)
        self.drafts = DraftKeeper(drafts)
        self.entries: dict[str, TemplateEntry] = {}
        self.current: Buffer | None = previous.current if previous else None
        self.removed: list[Removed] = previous.removed if previous else []  # newest last
        self._acknowledged: dict[str, object] = {}  # id -> disk state kept over by the person

    # What the editor shows of the catalog.
    def snippets(self, lang: str) -> dict[str, list[Snippet]]:
        return snippet_groups(self.composer, lang)

    def known_names(self) -> set[str]:
        return set(self.composer.renderer.known_names)

    def case_titles(self, lang: str, case_ids: Iterable[str] | None = None) -> dict[str, str]:
        """Case id -> title, for these cases (default: every case, in catalog order)."""
        cases = self.composer.catalog.cases
        ids = cases if case_ids is None else [c for c in case_ids if c in cases]
        return {case_id: cases[case_id].title.get(lang) for case_id in ids}

    @staticmethod
    def is_template_id(text: str) -> bool:
        return bool(ID_PATTERN.fullmatch(text))

    # The list.
    def relist(self, check: bool) -> list[str]:
        """Read the list again; `check=False` leaves each template's problems for
        `check_some` (thousands of templates). Returns the ids still to check."""
        self.entries = {e.id: e for e in library_entries(self.composer, check=check)}
        return [] if check else list(self.entries)

    def check_some(self, ids: Iterable[str]) -> None:
        for template_id in ids:
            entry = self.entries.get(template_id)
            if entry is not None:
                self.entries[template_id] = with_problems(self.composer, entry)

    def dirty_ids(self) -> list[str]:
        return self.workspace.dirty_ids()

    # The open template.
    def open(self, template_id: str) -> Buffer:
        self.current = self.workspace.open(template_id)
        return self.current

    def set_text(self, text: str) -> bool:
        """The editor's text changed; True when the template became dirty or clean."""
        buffer = self.current
        if buffer is None or buffer.text == text:
            return False
        was_dirty = buffer.dirty
        buffer.text = text
        return buffer.dirty != was_dirty

    def save(self, force: bool = False) -> None:
        """Save the open template; ExternalChangeError when it changed on disk."""
        if self.current is not None:
            template_id = self.current.template_id
            self.workspace.save(template_id, force=force)
            self.drafts.forget(template_id)
            self._acknowledged.pop(template_id, None)

    def reload(self) -> Buffer | None:
        """Drop the open template's edits and read it from disk again."""
        if self.current is None:
            return None
        template_id = self.current.template_id
        self.current = self.workspace.load(template_id)
        self.drafts.forget(template_id)
        self._acknowledged.pop(template_id, None)
        return self.current

    def discard_all(self) -> None:
        """Forget every unsaved edit and its draft (the person chose Discard on quitting)."""
        for template_id in self.dirty_ids():
            buffer = self.workspace.buffers[template_id]
            buffer.text = buffer.saved_text
            self.drafts.forget(template_id)

    # New, duplicate, revert/delete, undo, history.
    def create(self, case_id: str, template_id: str) -> None:
        case = self.composer.catalog.case(case_id)
        self.store.create(template_id, new_template_text(
            case.title.en, case.title.zh, case.category, case.fields))

    def duplicate(self, template_id: str) -> None:
        if self.current is not None:
            self.store.create(template_id, duplicate_text(self.current.text))

    def remove(self) -> str | None:
        """Revert to default (a lower layer has the template) or delete (none has); the id to
        open next (the version now in use), if any."""
        if self.current is None:
            return None
        template_id = self.current.template_id
        self.removed.append(self.store.remove(template_id, self.current.personal))
        self.workspace.close(template_id)
        self.drafts.forget(template_id)
        self.current = None
        return template_id if self.composer.library.path_of(template_id) else None

    def undo_remove(self) -> str | None:
        if not self.removed:
            return None
        removed = self.removed.pop()
        self.store.undo_remove(removed)
        self.workspace.close(removed.template_id)
        self.current = None
        return removed.template_id

    def history(self) -> list[Version]:
        return self.store.history(self.current.template_id) if self.current else []

    def restore_version(self, version: Version) -> None:
        """Put a kept version into the editor, unsaved: the person saves it to keep it."""
        if self.current is not None:
            self.current.text = self.store.read_version(version)

    # Packs.
    def export(self, dest: Path, ids: list[str] | None) -> int:
        texts = texts_for_export(self.store, self.composer.library, ids)
        export_pack(dest, texts)
        return len(texts)

    def plan_import(self, source: Path) -> ImportPlan:
        return plan_import(source, self.store, self.composer.library)

    def apply_import(self, plan: ImportPlan, chosen: set[str]) -> tuple[list[str], list[str]]:
        return apply_import(plan, self.store, chosen)

    # The live preview.
    def preview(self, case_id: str | None, values: Mapping[str, str],
                today: dt.date | None, language: str = "en") -> EditPreview | None:
        return self.preview_job(case_id, values, today, language)()

    def preview_job(self, case_id: str | None, values: Mapping[str, str],
                    today: dt.date | None,
                    language: str = "en") -> Callable[[], EditPreview | None]:
        """The preview of the open template as it is now, to run later (on another thread:
        the text and values are copied; the previewer is used by one thread only)."""
        if self.current is None:
            return lambda: None
        template_id, text, order = self.current.template_id, self.current.text, dict(values)
        return lambda: self.previewer.preview(template_id, text, case_id, order, today,
                                              language)

    def preview_case(self, compose_case: str | None) -> str | None:
        """The compose tab's case when it uses the open template, else the first case that
        does (any case for a shared piece or a template no rule picks yet)."""
        if self.current is None:
            return None
        using = cases_using(self.composer.policy, self.current.template_id)
        if compose_case and (compose_case in using or not using):
            return compose_case
        return using[0] if using else next(iter(self.composer.catalog.cases), None)

    # Drafts (a crash loses at most the seconds since the last autosave).
    def autosave(self) -> list[str]:
        """Keep the drafts up to date; the problems, one line each (shown once, not raised)."""
        buffers = self.workspace.buffers
        unsaved = {i: (b.text, b.personal) for i, b in buffers.items() if b.dirty}
        return self.drafts.keep(unsaved, [i for i, b in buffers.items() if not b.dirty])

    def left_over_drafts(self) -> list[Draft]:
        return self.drafts.left_over(self.composer.library)

    def recover(self, drafts: Iterable[Draft]) -> None:
        for draft in drafts:
            self.workspace.recover(draft)
            self.drafts.adopt(draft)

    def discard_drafts(self, drafts: Iterable[Draft]) -> None:
        for draft in drafts:
            self.drafts.forget(draft.template_id)

    # Changes made outside this window.
    def watched_paths(self) -> set[str]:
        """The team and personal folders (files added, removed, replaced) and the open
        files (edited in place)."""
        wanted = {str(folder) for layer, folder in self.composer.library.layers
                  if layer is not Layer.BUNDLED and folder.is_dir()}
        for buffer in self.workspace.buffers.values():
            for path in (buffer.source[0], self.store.path(buffer.template_id)):
                if path.exists():
                    wanted.add(str(path))
        return wanted

    def changed_outside(self) -> bool:
        """Whether the open template's file is not as read, and the person hasn't already
        chosen to keep their text over this state of it."""
        if self.current is None:
            return False
        template_id = self.current.template_id
        return self.workspace.changed_on_disk(template_id) and \
            self._acknowledged.get(template_id, False) != self._disk_state(template_id)

    def keep_mine(self) -> None:
        """The person saw the outside change and keeps editing theirs: don't ask again for
        this state of the file (a save still asks before overwriting it)."""
        if self.current is not None:
            template_id = self.current.template_id
            self._acknowledged[template_id] = self._disk_state(template_id)

    def _disk_state(self, template_id: str) -> tuple[Path, FileState | None] | None:
        found = self.composer.library.path_of(template_id)
        return (found[1], file_state(found[1])) if found else None
