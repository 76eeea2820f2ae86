"""File › Import orders…: choose an export file and its kind, import it on a worker thread
with a progress bar and Cancel (the window keeps painting), ask which column is which when no
preset knows its header row, and sum up what changed. The same steps and domain calls as
`reply-composer orders import`.

Make one per window and connect `imported` once; `start()` from the menu."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

from ui.orders.background import Background
from ui.orders.import_dialogs import ProgressDialog
from ui.orders.import_prompts import ImportPrompts
from ui.orders.values import Failure, ImportCancelled, NeedsMapping
from ui.orders.viewmodel import OrderImport, failure, mapping_fields, preset_choices

if TYPE_CHECKING:
    from app.orders.book import ImportResult
    from ui.orders.values import PresetChoice
    from ui.orders.viewmodel import DatabaseSource


class ImportOrders(QObject):
    # (stage, done, total) from the worker thread: "open"; "read" with the rows read so far
    # (total 0: not known yet); "import" with the orders written of all (done == total:
    # saving). Connect with the default connection: slots then run on the UI thread.
    progress = Signal(str, int, int)
    imported = Signal(object)  # the ImportResult, once the import is committed
    failed = Signal(str)  # the message the person was shown; nothing was imported
    cancelled = Signal()  # the person stopped a started import; nothing was imported

    def __init__(self, parent: QWidget, source: DatabaseSource, *,
                 language: Callable[[], str] | None = None,
                 prompts: ImportPrompts | Any | None = None) -> None:
        """source: the user data folder (the window's database setting is read from it,
        with REPLY_COMPOSER_DB first), or a function giving the database URL.
        language: the window's language now ("en" or "zh"), for preset names and messages.
        prompts: what asks the person (tests pass a stand-in with the same methods)."""
        super().__init__(parent)
        self.parent_widget = parent
        self.source = source
        self.language = language or (lambda: "en")
        self.prompts = prompts if prompts is not None else ImportPrompts(parent, self.language)
        self.jobs = Background(self)
        self.folder: Path | None = None  # where the file dialog opens: the last file's folder
        self.progress_dialog: ProgressDialog | None = None
        self._job: OrderImport | None = None
        self._presets: list[PresetChoice] = []
        self._stop = threading.Event()  # set on any thread, read by the worker
        app = QCoreApplication.instance()
        if app is not None:  # quitting mid-import rolls it back instead of waiting for it
            app.aboutToQuit.connect(self.cancel)

    @property
    def busy(self) -> bool:
        return self._job is not None

    def start(self, path: Path | str | None = None, kind: str | None = None) -> bool:
        """Import an export file: `path`, else the one the person picks; of `kind`
        (AUTO_DETECT, a preset id or OWN_COLUMNS), else the one the person chooses.
        False when nothing started (an import is running, or the person cancelled)."""
        if self.busy:
            return False
        try:
            self._presets = preset_choices()
        except Exception as exc:  # a broken presets file: said, not raised into the menu
            self._fail(exc, None)
            return False
        chosen = Path(path) if path is not None else self.prompts.export_path(self.folder)
        if chosen is None:
            return False
        self.folder = chosen.parent
        kind = kind if kind is not None else self.prompts.export_kind(chosen, self._presets)
        if kind is None:
            return False
        self._stop.clear()
        job = self._job = OrderImport(self.source, chosen, kind, self._report)
        self._show_progress(chosen)
        self.jobs.run(job.run, self._first_pass_ended, self._ended_badly)
        return True

    def cancel(self) -> None:
        """Stop the running import (safe from any thread): its transaction is rolled back."""
        self._stop.set()

    def _report(self, stage: str, done: int, total: int) -> None:
        """On the worker thread: tell how far it got, then stop if asked to."""
        self.progress.emit(stage, done, total)
        if self._stop.is_set():
            raise ImportCancelled

    def _first_pass_ended(self, outcome: ImportResult | NeedsMapping) -> None:
        if isinstance(outcome, NeedsMapping):
            self._ask_columns(outcome)
        else:
            self._completed(outcome)

    def _ask_columns(self, needed: NeedsMapping) -> None:
        job = self._job
        assert job is not None
        self._close_progress()
        mapping = None if self._stop.is_set() else \
            self.prompts.columns(job.path, needed, mapping_fields())
        if not mapping:
            self._job = None
            self.cancelled.emit()
            return
        self._show_progress(job.path)
        self.jobs.run(lambda: job.run_mapped(needed.header, mapping), self._completed,
                      self._ended_badly)

    def _completed(self, result: ImportResult) -> None:
        self._end()
        self.imported.emit(result)  # before the summary: the compose tab refreshes meanwhile
        self.prompts.summary(result, self._presets)

    def _ended_badly(self, error: BaseException) -> None:
        path = self._job.path if self._job is not None else None
        self._end()
        if isinstance(error, ImportCancelled):
            self.cancelled.emit()
        else:
            self._fail(error, path)

    def _fail(self, error: BaseException, path: Path | None) -> None:
        message = self.message(failure(error, self.language()), path)
        self.failed.emit(message)
        self.prompts.error(message)

    def message(self, problem: Failure, path: Path | None) -> str:
        """One message for what went wrong: what it was, and that nothing was imported."""
        if problem.kind == "database":
            return self.tr("The order book's database can't be reached: {0}\n\nNothing was "
                           "imported. Check the network connection or File › Team "
                           "database…, then import the file again.").format(problem.message)
        if problem.kind == "setting":
            return self.tr("The database setting can't be used: {0}\n\nNothing was imported. "
                           "Fix it in File › Team database….").format(problem.message)
        if problem.kind == "file" and path is not None:
            return self.tr("Nothing was imported from {0}:\n\n{1}").format(path.name,
                                                                          problem.message)
        return self.tr("The import failed: {0}\n\nNothing was imported.").format(
            problem.message)

    def _end(self) -> None:
        self._job = None
        self._close_progress()

    def _show_progress(self, path: Path) -> None:
        dialog = self.progress_dialog = ProgressDialog(path.name, self.parent_widget)
        dialog.cancelRequested.connect(self._cancel_clicked)
        self.progress.connect(dialog.show_step)
        dialog.show()

    def _close_progress(self) -> None:
        dialog, self.progress_dialog = self.progress_dialog, None
        if dialog is not None:
            self.progress.disconnect(dialog.show_step)
            dialog.finish()
            dialog.deleteLater()

    def _cancel_clicked(self) -> None:
        self.cancel()
        if self.progress_dialog is not None:
            self.progress_dialog.cancelling()
