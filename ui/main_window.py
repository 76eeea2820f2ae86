"""The main window: assembles the tabs, menus, status bar and window state — nothing more."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer, Signal
from PySide6.QtGui import QActionGroup, QCloseEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QTabWidget, QWidget

from ui.actions import ActionId, ActionRegistry
from ui.clipboard import Clipboard, QtClipboard
from ui.compose_page import ComposePage
from ui.i18n import LANGUAGES, apply_language
from ui.viewmodel import ComposeViewModel
from ui.window_state import WindowState

NEAR_LIMIT = 0.9


class MainWindow(QMainWindow):
    firstPainted = Signal()
    ready = Signal()  # the catalog is loaded and the last case restored

    def __init__(self, vm: ComposeViewModel, settings: QSettings,
                 clipboard: Clipboard | None = None) -> None:
        super().__init__(objectName="mainWindow")
        self.vm = vm
        self.state = WindowState(settings)
        self.lang = self.state.language
        apply_language(self.lang)
        self.actions_ = ActionRegistry(self)
        self.page = ComposePage(vm, clipboard or QtClipboard(), self.confirm_missing)
        self.page.set_language(self.lang)
        self.tabs = QTabWidget(objectName="tabs")
        self.tabs.addTab(self.page, "")
        self.setCentralWidget(self.tabs)
        self.counter = QLabel(objectName="charCounter")
        self.statusBar().addPermanentWidget(self.counter)
        self._menus()
        self._connect()
        self.retranslate()
        self._restore_geometry()
        self._painted = False
        self.installEventFilter(self)

    def _menus(self) -> None:
        bar = self.menuBar()
        self.menus = {name: bar.addMenu("") for name in ("file", "edit", "case", "view")}
        for name, menu in self.menus.items():
            menu.addActions(self.actions_.in_menu(name))
            self.addActions(self.actions_.in_menu(name))  # shortcuts work with menus hidden
        self.language_menu = self.menus["view"].addMenu("")
        group = QActionGroup(self)
        self.language_actions = {}
        for lang, name in LANGUAGES.items():
            action = group.addAction(name)  # each language named in itself, never translated
            action.setCheckable(True)
            action.setChecked(lang == self.lang)
            action.setObjectName(f"language_{lang}")
            action.triggered.connect(lambda _=False, code=lang: self.switch_language(code))
            self.language_menu.addAction(action)
            self.language_actions[lang] = action

    def _connect(self) -> None:
        a, page = self.actions_, self.page
        a.connect(ActionId.FOCUS_SEARCH, page.picker.focus_search)
        a.connect(ActionId.NEXT_CASE, lambda: page.picker.step(1))
        a.connect(ActionId.PREVIOUS_CASE, lambda: page.picker.step(-1))
        a.connect(ActionId.COPY_REPLY, page.copy_reply)
        a.connect(ActionId.NEW_BUYER, self.vm.new_buyer)
        a.connect(ActionId.RESET_PREVIEW, page.reset_preview)
        a.connect(ActionId.NEXT_TAB, self._next_tab)
        a.connect(ActionId.QUIT, self.close)
        a[ActionId.TOGGLE_GLOSS].toggled.connect(self._set_gloss_visible)
        page.preview.gloss_toggle.toggled.connect(a[ActionId.TOGGLE_GLOSS].setChecked)
        page.preview.editor.textChanged.connect(self._update_counter)
        page.copied.connect(self._copied)
        page.caseShown.connect(self._case_shown)
        self.vm.loaded.connect(self._loaded)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Reply Composer"))
        self.tabs.setTabText(0, self.tr("Compose"))
        titles = {"file": self.tr("&File"), "edit": self.tr("&Edit"),
                  "case": self.tr("&Case"), "view": self.tr("&View")}
        for name, menu in self.menus.items():
            menu.setTitle(titles[name])
        self.language_menu.setTitle(self.tr("Language / 语言"))
        self.actions_.retranslate()
        self.page.retranslate()
        self._update_counter()

    def switch_language(self, lang: str) -> None:
        """Change the UI language in place; the order and the preview stay as they are."""
        if lang == self.lang:
            return
        self.lang = self.state.language = lang
        self.language_actions[lang].setChecked(True)
        apply_language(lang)  # Qt sends LanguageChange: changeEvent retranslates
        self.page.set_language(lang)
        if self.vm.composer is not None:
            self.page.populate(self.state.recent_cases)
            if self.vm.case is not None:
                self.page.refresh_case()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # Start-up: first paint, then read the catalog (nothing the first paint doesn't need).
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self and event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            self.firstPainted.emit()
            QTimer.singleShot(0, self.vm.load)
        return super().eventFilter(watched, event)

    def _loaded(self) -> None:
        self.page.populate(self.state.recent_cases)
        last = self.state.last_case
        if last and last in self.vm.catalog.cases:
            self.vm.select_case(last)
        self.ready.emit()

    def _case_shown(self, case_id: str) -> None:
        self.state.remember_case(case_id)

    def _set_gloss_visible(self, visible: bool) -> None:
        self.page.preview.set_gloss_visible(visible)
        self.state.gloss_visible = visible

    def _next_tab(self) -> None:
        self.tabs.setCurrentIndex((self.tabs.currentIndex() + 1) % self.tabs.count())

    def _update_counter(self) -> None:
        count, limit = len(self.page.preview.text()), self.state.char_limit
        self.counter.setText(self.tr("{0} / {1} characters").format(f"{count:,}", f"{limit:,}"))
        color = "#b3261e" if count > limit else "#a15c00" if count >= limit * NEAR_LIMIT else ""
        self.counter.setStyleSheet(f"color: {color}; font-weight: 600;" if color else "")

    def _copied(self, count: int) -> None:
        self.statusBar().showMessage(self.tr("Copied {0} characters").format(f"{count:,}"), 5000)

    def confirm_missing(self, labels: list[str]) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Fields missing"),
            self.tr("The reply still needs: {0}.\n\nCopy it anyway?").format(", ".join(labels)))
        return answer == QMessageBox.StandardButton.Yes

    def _restore_geometry(self) -> None:
        geometry = self.state.bytes("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1320, 800)
        for key, splitter in (("window/splitter", self.page.splitter),
                              ("window/middleSplitter", self.page.middle)):
            sizes = self.state.bytes(key)
            if sizes is not None:
                splitter.restoreState(sizes)
        self._set_gloss_visible(self.state.gloss_visible)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.state.set_bytes("window/geometry", self.saveGeometry())
        self.state.set_bytes("window/splitter", self.page.splitter.saveState())
        self.state.set_bytes("window/middleSplitter", self.page.middle.saveState())
        self.state.sync()
        self.vm.save_profile()
        super().closeEvent(event)


def default_settings() -> QSettings:
    return QSettings("ReplyComposer", "Reply Composer")


def profile_path() -> Path:
    from app.paths import user_data_dir

    return user_data_dir() / "profile.json"


def page_widget(window: MainWindow) -> QWidget:
    return window.page
