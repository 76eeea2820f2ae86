"""The template editor's view-model: open templates, save, preview, drafts, file watching.

Everything it does with files goes through `app` (store, workspace, drafts, packs); this
adds what needs Qt: timers for the debounced preview and the draft autosave, and a file
watcher that notices edits made outside this window.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from ui.compose.viewmodel import ComposeViewModel
from ui.editor.disk_watcher import DiskWatcher
from ui.editor.draft_keeper import AUTOSAVE_MS, DraftKeeper

if TYPE_CHECKING:
    from app.library.drafts import Draft
    from app.library.index import TemplateEntry
    from app.library.packs import ImportPlan
    from app.library.store import PersonalStore, Removed, Version
    from app.library.unsaved import DraftPreviewer
    from app.library.workspace import Buffer, Workspace
    from app.user.paths import UserData

PREVIEW_DEBOUNCE_MS = 150


CHECK_AT_ONCE = 300  # up to this many templates, the list is checked before it shows
CHECK_SLICE = 40  # then this many per turn of the event loop (about 50 ms here)


class TemplateEditorViewModel(QObject):
    entriesChanged = Signal()
    bufferOpened = Signal(object)  # Buffer | None: show it (opened, reloaded, restored)
    dirtyChanged = Signal()
    previewed = Signal(object)  # DraftPreview
    changedOnDisk = Signal(str)  # the open template changed outside this window
    draftsFound = Signal(list)  # [Draft] left by a crash
    libraryChanged = Signal()  # a save, revert, import...: the compose tab must re-render

    def __init__(self, compose: ComposeViewModel, user_data: UserData | None = None,
                 today: Callable[[], dt.date] = dt.date.today,
                 debounce_ms: int = PREVIEW_DEBOUNCE_MS, autosave_ms: int = AUTOSAVE_MS) -> None:
        super().__init__()
        self.compose, self._user_data, self._today = compose, user_data, today
        self.store: PersonalStore | None = None
        self.workspace: Workspace | None = None
        self.previewer: DraftPreviewer | None = None
        self.team_dir: Path | None = None
        self.entries: dict[str, TemplateEntry] = {}
        self._unchecked: list[str] = []  # ids still to check for problems (large libraries)
        self.current: Buffer | None = None
        self.use_order = False
        self.removed: list[Removed] = []  # for undo, newest last
        self._acknowledged: dict[str, object] = {}  # id -> disk state the person kept theirs over
        self.preview_timer = QTimer(self, singleShot=True, interval=debounce_ms)
        self.preview_timer.timeout.connect(self.preview_now)
        self.drafts = DraftKeeper(self, autosave_ms)
        self.watcher = DiskWatcher(self)
        self.watcher.changed.connect(self.disk_changed)

    @property
    def user_data(self) -> UserData:
        """The user data folders (the real ones unless a test or `--library` says)."""
        if self._user_data is None:
            from app.user.paths import UserData

            self._user_data = UserData.default()
        return self._user_data

    @property
    def attached(self) -> bool:
        return self.workspace is not None

    # Set-up, once the compose tab has loaded the catalog and policy.
    def attach(self) -> None:
        """Add the user's layers to the compose tab's composer; the first time also start
        the draft autosave and offer the drafts a crash left. (The composer is new each time
        the compose tab loads, so this runs on every load.)"""
        from app.library.drafts import DraftStore
        from app.user.config import load_config

        if self.attached:
            self._use_layers()
            if self.entries:
                self.refresh()
            return
        self.team_dir = load_config(self.user_data.config).team_dir
        self._use_layers()
        assert self.store is not None and self.workspace is not None
        self.store.clean_temp_files()
        self.drafts.start(DraftStore(self.user_data.drafts), self.workspace)
        assert self.compose.composer is not None
        left = self.drafts.left_over(self.compose.composer.library)
        if left:
            self.draftsFound.emit(left)

    def personal_dir(self) -> Path:
        """`--library DIR` when given (the compose tab's personal layer), else the user's."""
        composer = self.compose.composer
        assert composer is not None
        given = dict(composer.library.layers).get("personal")
        return given if given is not None else self.user_data.library

    def _use_layers(self) -> None:
        from app.compose.composer import library_layers
        from app.library.store import PersonalStore
        from app.library.unsaved import DraftPreviewer
        from app.library.workspace import Workspace

        composer = self.compose.composer
        assert composer is not None
        personal = self.personal_dir()
        personal.mkdir(parents=True, exist_ok=True)
        composer.use_layers(library_layers(personal, self.team_dir))
        self.store = PersonalStore(personal)
        old = self.workspace.buffers if self.workspace else {}
        self.workspace = Workspace(self.store, composer.library)
        self.workspace.buffers.update(old)
        self.drafts.workspace = self.workspace
        self.previewer = DraftPreviewer(composer)
        self._watch()

    def set_team_dir(self, folder: Path | None) -> None:
        from app.user.config import AppConfig, save_config

        save_config(self.user_data.config, AppConfig(team_dir=folder))
        self.team_dir = folder
        self._use_layers()
        self.refresh()
        self.libraryChanged.emit()

    # The list.
    def refresh(self) -> None:
        """Relist the templates. A large library is listed at once and checked for problems
        in small slices between events, so the window never freezes for seconds."""
        from app.library.index import library_entries

        composer = self.compose.composer
        assert composer is not None
        small = len(composer.library.ids()) <= CHECK_AT_ONCE
        self.entries = {e.id: e for e in library_entries(composer, check=small)}
        self._unchecked = [] if small else list(self.entries)
        self.entriesChanged.emit()
        if self._unchecked:
            QTimer.singleShot(0, self._check_slice)

    def _check_slice(self) -> None:
        from app.library.index import with_problems

        composer = self.compose.composer
        if composer is None:
            return
        slice_, self._unchecked = self._unchecked[:CHECK_SLICE], self._unchecked[CHECK_SLICE:]
        for template_id in slice_:
            entry = self.entries.get(template_id)
            if entry is not None:
                self.entries[template_id] = with_problems(composer, entry)
        if self._unchecked:
            QTimer.singleShot(0, self._check_slice)
        else:
            self.entriesChanged.emit()

    def dirty_ids(self) -> list[str]:
        return self.workspace.dirty_ids() if self.workspace else []

    # The open template.
    def open(self, template_id: str) -> None:
        assert self.workspace is not None
        if self.current is not None and self.current.template_id == template_id:
            return
        self.current = self.workspace.open(template_id)
        self.bufferOpened.emit(self.current)
        self.preview_now()
        self._watch()
        if self.workspace.changed_on_disk(template_id):
            self.changedOnDisk.emit(template_id)

    def set_text(self, text: str) -> None:
        buffer = self.current
        if buffer is None or buffer.text == text:
            return
        was_dirty = buffer.dirty
        buffer.text = text
        if buffer.dirty != was_dirty:
            self.dirtyChanged.emit()
        self.preview_timer.start()

    def save(self, force: bool = False) -> None:
        """Save the open template; raises ExternalChangeError when it changed on disk."""
        assert self.workspace is not None
        if self.current is None:
            return
        template_id = self.current.template_id
        self.workspace.save(template_id, force=force)
        self.drafts.forget(template_id)
        self._acknowledged.pop(template_id, None)
        self._changed()

    def reload(self) -> None:
        """Drop the open template's edits and read it from disk again."""
        assert self.workspace is not None
        if self.current is None:
            return
        template_id = self.current.template_id
        self.current = self.workspace.load(template_id)
        self.drafts.forget(template_id)
        self._acknowledged.pop(template_id, None)
        self.bufferOpened.emit(self.current)
        self.dirtyChanged.emit()
        self.preview_now()

    def keep_mine(self) -> None:
        """The person saw the outside change and keeps editing theirs: don't ask again for
        this state of the file (a save still asks before overwriting it)."""
        if self.current is not None:
            self._acknowledged[self.current.template_id] = self._disk_state(
                self.current.template_id)

    def discard_all(self) -> None:
        """Forget every unsaved edit and its draft (the person chose Discard on quitting)."""
        assert self.workspace is not None
        for template_id in self.dirty_ids():
            buffer = self.workspace.buffers[template_id]
            buffer.text = buffer.saved_text
            self.drafts.forget(template_id)
        self.dirtyChanged.emit()

    # Live preview.
    def set_use_order(self, use: bool) -> None:
        if use != self.use_order:
            self.use_order = use
            self.preview_now()

    def preview_now(self) -> None:
        from app.library.unsaved import SAMPLE_ORDER

        self.preview_timer.stop()
        if self.current is None or self.previewer is None:
            return
        values = self.compose.values if self.use_order else SAMPLE_ORDER
        result = self.previewer.preview(self.current.template_id, self.current.text,
                                        self.preview_case(), values, self._today())
        self.previewed.emit(result)

    def preview_case(self) -> str | None:
        """The compose tab's case when it uses this template, else the first case that does
        (any case for a shared piece or a template no rule picks yet)."""
        if self.current is None or self.compose.composer is None:
            return None
        from app.library.index import cases_using

        composer = self.compose.composer
        using = cases_using(composer.policy, self.current.template_id)
        case = self.compose.case.id if self.compose.case else None
        if case and (case in using or not using):
            return case
        return using[0] if using else next(iter(composer.catalog.cases), None)

    # New, duplicate, revert/delete, undo, history.
    def create(self, case_id: str, template_id: str) -> None:
        from app.library.template_text import new_template_text

        assert self.store is not None
        case = self.compose.catalog.case(case_id)
        self.store.create(template_id, new_template_text(
            case.title.en, case.title.zh, case.category, case.fields))
        self._changed(reopen=template_id)

    def duplicate(self, template_id: str) -> None:
        from app.library.template_text import duplicate_text

        assert self.store is not None and self.current is not None
        self.store.create(template_id, duplicate_text(self.current.text))
        self._changed(reopen=template_id)

    def remove(self) -> None:
        """Revert to default (a lower layer has the template) or delete (none has)."""
        assert self.store is not None and self.workspace is not None
        if self.current is None:
            return
        template_id = self.current.template_id
        self.removed.append(self.store.remove(template_id, self.current.personal))
        self.workspace.close(template_id)
        self.drafts.forget(template_id)
        self.current = None
        exists = self.compose.composer is not None and \
            self.compose.composer.library.path_of(template_id) is not None
        self._changed(reopen=template_id if exists else None)

    def undo_remove(self) -> None:
        assert self.store is not None and self.workspace is not None
        if not self.removed:
            return
        removed = self.removed.pop()
        self.store.undo_remove(removed)
        self.workspace.close(removed.template_id)
        self.current = None
        self._changed(reopen=removed.template_id)

    def history(self) -> list[Version]:
        assert self.store is not None
        return self.store.history(self.current.template_id) if self.current else []

    def restore_version(self, version: Version) -> None:
        """Put a kept version into the editor, unsaved: the person saves it to keep it."""
        assert self.store is not None
        if self.current is None:
            return
        self.current.text = self.store.read_version(version)
        self.bufferOpened.emit(self.current)
        self.dirtyChanged.emit()
        self.preview_now()

    # Packs.
    def export(self, dest: Path, ids: list[str] | None) -> int:
        from app.library.packs import export_pack, texts_for_export

        assert self.store is not None and self.compose.composer is not None
        texts = texts_for_export(self.store, self.compose.composer.library, ids)
        export_pack(dest, texts)
        return len(texts)

    def plan_import(self, source: Path) -> ImportPlan:
        from app.library.packs import plan_import

        assert self.store is not None and self.compose.composer is not None
        return plan_import(source, self.store, self.compose.composer.library)

    def apply_import(self, plan: ImportPlan, chosen: set[str]) -> tuple[list[str], list[str]]:
        from app.library.packs import apply_import

        assert self.store is not None
        result = apply_import(plan, self.store, chosen)
        self._changed()
        return result

    # Drafts left by a crash.
    def autosave_now(self) -> None:
        self.drafts.save_now()

    def recover(self, drafts: list[Draft]) -> None:
        assert self.workspace is not None
        for draft in drafts:
            self.workspace.recover(draft)
            self.drafts.adopt(draft)
        self.dirtyChanged.emit()
        if drafts:
            self.current = None
            self.open(drafts[0].template_id)

    def discard_drafts(self, drafts: list[Draft]) -> None:
        for draft in drafts:
            self.drafts.forget(draft.template_id)

    # Outside changes.
    def _watch(self) -> None:
        """The team and personal folders (files added, removed, replaced) and the open
        files (edited in place)."""
        wanted = {str(folder) for _, folder in self._editable_layers() if folder.is_dir()}
        if self.workspace is not None and self.store is not None:
            for buffer in self.workspace.buffers.values():
                for path in (buffer.source[0], self.store.path(buffer.template_id)):
                    if path.exists():
                        wanted.add(str(path))
        self.watcher.watch(wanted)

    def _editable_layers(self) -> list[tuple[str, Path]]:
        composer = self.compose.composer
        return [(n, f) for n, f in composer.library.layers if n != "bundled"] if composer else []

    def disk_changed(self) -> None:
        """Something changed in a watched folder or file: update the list and the compose
        tab, and offer a reload of the open template if its file is not as read."""
        if self.workspace is None:
            return
        self._watch()
        if self.entries:
            self.refresh()
        self.libraryChanged.emit()
        if self.current is not None:
            template_id = self.current.template_id
            if self.workspace.changed_on_disk(template_id) and \
                    self._acknowledged.get(template_id, False) != self._disk_state(template_id):
                self.changedOnDisk.emit(template_id)

    def _disk_state(self, template_id: str) -> object:
        from app.data.atomic import file_state

        composer = self.compose.composer
        found = composer.library.path_of(template_id) if composer else None
        return (found[1], file_state(found[1])) if found else None

    def _changed(self, reopen: str | None = None) -> None:
        """After a write: the list, the compose tab and the open template follow."""
        self.refresh()
        self.libraryChanged.emit()
        self.dirtyChanged.emit()
        if reopen is not None:
            self.current = None
            self.open(reopen)
        elif self.current is None:
            self.bufferOpened.emit(None)
        self._watch()
