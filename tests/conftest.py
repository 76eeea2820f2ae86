import atexit
import datetime as dt
import gc
import os
import shutil
import tempfile
from pathlib import Path

# Before anything imports Qt: the tests run without a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# A safety net: no test may touch the real user data folder (platformdirs reads this on
# Linux). Tests that need one pass a temporary UserData explicitly.
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="reply-composer-test-data-")
os.environ["XDG_CACHE_HOME"] = os.path.join(os.environ["XDG_DATA_HOME"], "cache")

import pytest

from app.compose.composer import Composer
from tests.samples import FULL_ORDER, TODAY

atexit.register(shutil.rmtree, os.environ["XDG_DATA_HOME"], ignore_errors=True)


@pytest.fixture(autouse=True)
def collect_cycles_on_this_thread():
    """A window turns automatic garbage collection off for good (ui/widgets/main_thread_gc.py)
    and collects from the event loop; tests that never run the loop collect here, after each
    test, so memory stays flat across a thousand tests."""
    yield
    if not gc.isenabled():
        gc.collect()


@pytest.fixture(autouse=True)
def no_database_from_the_environment(monkeypatch):
    """A developer's REPLY_COMPOSER_DB never reaches a test (those that want one set it)."""
    monkeypatch.delenv("REPLY_COMPOSER_DB", raising=False)


@pytest.fixture()
def data(tmp_path):
    """A fresh user data folder (its database is the SQLite file inside it)."""
    from app.user.paths import UserData

    return UserData(tmp_path / "data")


@pytest.fixture(scope="session")
def composer() -> Composer:
    return Composer.load()


@pytest.fixture(scope="session")
def today() -> dt.date:
    return dt.date.fromisoformat(TODAY)


@pytest.fixture()
def compose(composer, today):
    """compose(case_id, **raw_values) with the full sample order as the base."""

    def run(case_id: str, base: dict[str, str] | None = None, **raw: str):
        values = {**(FULL_ORDER if base is None else base), **raw}
        return composer.compose(case_id, composer.catalog.parse_all(values), today)

    return run


@pytest.fixture()
def make_window(qtbot, tmp_path, today):
    """make(lang="en", library=None, data=None, settings_name=...) -> a ready MainWindow over
    temporary settings and user data. `lang=None` leaves the language to the system locale;
    a language already saved in the settings (a restart) is kept."""
    from PySide6.QtCore import QSettings

    from app.user.paths import UserData
    from ui.compose.viewmodel import ComposeViewModel
    from ui.editor.preview_worker import PreviewWorker
    from ui.shell.i18n import apply_language
    from ui.shell.main_window import MainWindow

    # Tests read the preview right after asking for it: wait for the worker as long as it
    # takes (tests/test_hostile_window.py checks the window going on without waiting).
    PreviewWorker.wait_s = 30.0
    made: list[MainWindow] = []

    def make(lang: str | None = "en", *, library: Path | None = None, data: Path | None = None,
             settings_name: str = "settings.ini") -> MainWindow:
        settings = QSettings(str(tmp_path / settings_name), QSettings.Format.IniFormat)
        if lang is not None:
            settings.setValue("ui/language", settings.value("ui/language", lang))
        vm = ComposeViewModel(user=UserData(data or tmp_path / "data"), library=library,
                              today=lambda: today)
        window = MainWindow(vm, settings)
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.ready, timeout=5000):
            window.show()
        made.append(window)
        return window

    yield make
    if made:  # the translator is application-wide: leave English for the other tests
        apply_language("en", made[0].vm.translations_dir())


@pytest.fixture()
def make_editor_window(make_window):
    """A window whose editor asks its questions to FakePrompts."""

    from tests.editor_helpers import FakePrompts

    def make(data: Path | None = None):
        window = make_window(data=data)
        window.editor.prompts = FakePrompts()
        return window

    return make


@pytest.fixture()
def editor_window(make_editor_window):
    return make_editor_window()
