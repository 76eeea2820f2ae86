"""The Templates tab's view-model: a Qt adapter over `app.library.session.EditSession`.

Each method is a few lines around one session call; what needs Qt lives here: the debounced
preview, the draft autosave timer, slicing a large library's checks between events, and the
file watcher that notices edits made outside this window.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from ui.editor.autosave import AUTOSAVE_MS, Autosave
from ui.editor.disk_watcher import DiskWatcher
from ui.editor.preview_worker import PreviewWorker

if TYPE_CHECKING:
    from app.library.drafts import Draft
    from app.library.index import TemplateEntry
    from app.library.packs import ImportPlan
    from app.library.session import EditSession
    from app.library.snippets import Snippet
    from app.library.store import Version
    from app.library.template_text import TemplateCodec
    from app.library.workspace import Buffer
    from ui.compose.viewmodel import ComposeViewModel

PREVIEW_DEBOUNCE_MS = 150
CHECK_AT_ONCE = 300  # up to this many templates, the list is checked before it shows
CHECK_SLICE = 40  # then this many per turn of the event loop (about 50 ms here)


class EditorViewModel(QObject):
    entriesChanged = Signal()
    bufferOpened = Signal(object)  # Buffer | None: show it (opened, reloaded, restored)
    dirtyChanged = Signal()
    previewed = Signal(object)  # EditPreview
    changedOnDisk = Signal(str)  # the open template changed outside this window
    draftsFound = Signal(list)  # [Draft] left by a crash

    def __init__(self, compose: ComposeViewModel,
                 today: Callable[[], dt.date] = dt.date.today,
                 debounce_ms: int = PREVIEW_DEBOUNCE_MS, autosave_ms: int = AUTOSAVE_MS) -> None:
        super().__init__()
        self.compose, self._today = compose, today
        self.session: EditSession | None = None
        self.use_order = False
        self.preview_language = "en"  # the reply language the preview renders
        self._unchecked: list[str] = []  # ids still to check for problems (large libraries)
        self.preview_timer = QTimer(self, singleShot=True, interval=debounce_ms)
        self.preview_timer.timeout.connect(self.preview_now)
        self.worker = PreviewWorker(self)  # renders off the UI thread; fast ones show at once
        self.worker.ready.connect(self.previewed)
        self.autosave = Autosave(lambda: self.session, autosave_ms, self)
        self.watcher = DiskWatcher(self)
        self.watcher.changed.connect(self.disk_changed)
        compose.layersChanged.connect(self.attach)

    @property
    def live(self) -> EditSession:
        """The session, once attached (every command runs after that)."""
        assert self.session is not None, "attach() first"
        return self.session

    @property
    def current(self) -> Buffer | None:
        return self.session.current if self.session else None

    @property
    def entries(self) -> dict[str, TemplateEntry]:
        return self.session.entries if self.session else {}

    # Set-up: a session per library; the open templates carry over to the next one.
    @Slot()
    def attach(self) -> None:
        """Start (or restart, when the layers changed) the session over the compose tab's
        library. The first time also start the autosave and offer the drafts a crash left."""
        from app.library.drafts import DraftStore
        from app.library.session import EditSession

        composer, setup = self.compose.composer, self.compose.setup
        assert composer is not None and setup is not None, "the compose tab loads first"
        old = self.session
        self.session = EditSession(composer, DraftStore(setup.data.drafts), old)
        if old is not None:
            if old.entries:
                self.refresh()
            self._watch()
            return
        self.session.store.clean_temp_files()
        self.autosave.start()
        self._watch()
        left = self.session.left_over_drafts()
        if left:
            self.draftsFound.emit(left)

    def set_team_dir(self, folder: Path | None) -> None:
        self.compose.set_team_dir(folder)  # the compose tab's layers, then a new session here

    # The list.
    def refresh(self) -> None:
        """Relist the templates. A large library is listed at once and checked for problems
        in small slices between events, so the window never freezes for seconds."""
        small = len(self.live.composer.library.ids()) <= CHECK_AT_ONCE
        self._unchecked = self.live.relist(check=small)
        self.entriesChanged.emit()
        if self._unchecked:
            QTimer.singleShot(0, self._check_slice)

    def _check_slice(self) -> None:
        if self.session is None:
            return
        now, self._unchecked = self._unchecked[:CHECK_SLICE], self._unchecked[CHECK_SLICE:]
        self.session.check_some(now)
        if self._unchecked:
            QTimer.singleShot(0, self._check_slice)
        else:
            self.entriesChanged.emit()

    def ignored_files(self) -> list[str]:
        """The library's .j2 files whose names are no template id, as paths."""
        return [e.path for e in self.live.composer.library.refused()] if self.session else []

    def dirty_ids(self) -> list[str]:
        return self.session.dirty_ids() if self.session else []

    # The open template.
    @Slot(str)
    def open(self, template_id: str) -> None:
        if self.current is not None and self.current.template_id == template_id:
            return
        self.bufferOpened.emit(self.live.open(template_id))
        self.preview_now()
        self._watch()
        if self.live.changed_outside():
            self.changedOnDisk.emit(template_id)

    @Slot(str)
    def set_text(self, text: str) -> None:
        if self.session is not None and self.session.set_text(text):
            self.dirtyChanged.emit()
        self.preview_timer.start()

    def save(self, force: bool = False) -> bool:
        """Save the open template; False (nothing written) when its file changed on disk
        since it was read, unless `force`. Other problems raise ComposerError or OSError."""
        from app.library.store import ExternalChangeError

        try:
            self.live.save(force)
        except ExternalChangeError:
            return False
        self._changed()
        return True

    def reload(self) -> None:
        self.bufferOpened.emit(self.live.reload())
        self.dirtyChanged.emit()
        self.preview_now()

    def keep_mine(self) -> None:
        if self.session is not None:
            self.session.keep_mine()

    def discard_all(self) -> None:
        if self.session is not None:
            self.session.discard_all()
            self.dirtyChanged.emit()

    # New, duplicate, revert/delete, undo, history.
    def create(self, case_id: str, template_id: str) -> None:
        self.live.create(case_id, template_id)
        self._changed(reopen=template_id)

    def duplicate(self, template_id: str) -> None:
        self.live.duplicate(template_id)
        self._changed(reopen=template_id)

    def remove(self) -> None:
        self._changed(reopen=self.live.remove())

    def undo_remove(self) -> None:
        self._changed(reopen=self.live.undo_remove())

    def history(self) -> list[Version]:
        return self.session.history() if self.session else []

    def read_version(self, version: Version) -> str:
        return self.live.store.read_version(version)

    def restore_version(self, version: Version) -> None:
        if self.session is not None:
            self.session.restore_version(version)
            self.bufferOpened.emit(self.current)
            self.dirtyChanged.emit()
            self.preview_now()

    # Packs.
    def export(self, dest: Path, ids: list[str] | None) -> int:
        return self.live.export(dest, ids)

    def plan_import(self, source: Path) -> ImportPlan:
        return self.live.plan_import(source)

    def apply_import(self, plan: ImportPlan, chosen: set[str]) -> tuple[list[str], list[str]]:
        result = self.live.apply_import(plan, chosen)
        self._changed()
        return result

    # What the page and its form show of the catalog (plain data, in the page's language).
    def is_template_id(self, text: str) -> bool:
        from app.library.session import EditSession

        return EditSession.is_template_id(text)

    def insert_menu(self, lang: str) -> dict[str, list[Snippet]]:
        return self.session.snippets(lang) if self.session else {}

    def known_names(self) -> set[str]:
        return self.session.known_names() if self.session else set()

    def case_titles(self, lang: str, case_ids: Iterable[str] | None = None) -> dict[str, str]:
        return self.session.case_titles(lang, case_ids) if self.session else {}

    def codec(self) -> TemplateCodec:
        """Splits a file into the form's parts (titles, category, body, gloss) and back."""
        from app.library.template_text import TemplateCodec

        return TemplateCodec()

    # Live preview.
    def set_preview(self, *, language: str | None = None, use_order: bool | None = None) -> None:
        """Preview in this language (the editor's tab shown), with the compose tab's order."""
        wanted = (language or self.preview_language,
                  self.use_order if use_order is None else use_order)
        if wanted != (self.preview_language, self.use_order):
            self.preview_language, self.use_order = wanted
            self.preview_now()

    @Slot()
    def preview_now(self) -> None:
        from app.library.unsaved import SAMPLE_ORDER

        self.preview_timer.stop()
        if self.session is None:
            return
        compose_case = self.compose.case.id if self.compose.case else None
        values = self.compose.values if self.use_order else SAMPLE_ORDER
        self.worker.run(self.session.preview_job(self.session.preview_case(compose_case),
                                                 values, self._today(), self.preview_language))

    # Drafts left by a crash.
    def autosave_now(self) -> None:
        self.autosave.save_now()

    def recover(self, drafts: list[Draft]) -> None:
        self.live.recover(drafts)
        self.dirtyChanged.emit()
        if drafts:
            self.live.current = None
            self.open(drafts[0].template_id)

    def discard_drafts(self, drafts: list[Draft]) -> None:
        if self.session is not None:
            self.session.discard_drafts(drafts)

    # Outside changes.
    def _watch(self) -> None:
        if self.session is not None:
            self.watcher.watch(self.session.watched_paths())

    @Slot()
    def disk_changed(self) -> None:
        """Something changed in a watched folder or file: the list and the compose tab
        follow, and a reload of the open template is offered if its file is not as read."""
        if self.session is None:
            return
        self._watch()
        if self.session.entries:
            self.refresh()
        self.compose.templates_changed()
        if self.session.changed_outside():
            assert self.current is not None
            self.changedOnDisk.emit(self.current.template_id)

    def _changed(self, reopen: str | None = None) -> None:
        """After a write: the list, the compose tab and the open template follow."""
        self.refresh()
        self.compose.templates_changed()
        self.dirtyChanged.emit()
        if reopen is not None:
            self.live.current = None
            self.open(reopen)
        elif self.current is None:
            self.bufferOpened.emit(None)
        self._watch()
