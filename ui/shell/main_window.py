"""The main window: assembles the tabs, menus, status bar and window state — nothing more."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSettings, QTimer, Signal, Slot
from PySide6.QtWidgets import QMainWindow, QTabWidget, QWidget

from ui.editor.tab import TemplatesTab
from ui.shell.char_counter import CharCounter
from ui.shell.i18n import apply_language
from ui.shell.stats_place import StatsPlace
from ui.shell.window_state import WindowState
from ui.widgets import main_thread_gc

if TYPE_CHECKING:
    from PySide6.QtCore import QObject
    from PySide6.QtGui import QAction, QCloseEvent
    from PySide6.QtWidgets import QMenu

    from ui.compose.page import ComposePage
    from ui.compose.viewmodel import ComposeViewModel
    from ui.editor.page import EditorPage
    from ui.shell.actions import ActionRegistry
    from ui.widgets.clipboard import Clipboard

DEFAULT_SIZE = (1320, 800)
FRAME_ALLOWANCE = (16, 40)  # a window manager's borders and title bar, roughly


class MainWindow(QMainWindow):
    firstPainted = Signal()
    ready = Signal()  # the catalog is loaded and the last case restored

    def __init__(self, vm: ComposeViewModel, settings: QSettings,
                 clipboard: Clipboard | None = None, build_after_paint: bool = True) -> None:
        """The frame only: menu titles, tabs and status bar. The commands and the compose
        panels are built right after the first paint (see eventFilter), so the window shows
        as fast as a bare one."""
        super().__init__(objectName="mainWindow")
        main_thread_gc.install()  # workers run Python: cycles must be freed on this thread
        self.vm = vm
        self.state = WindowState(settings)
        self.lang = self.state.language
        apply_language(self.lang, vm.translations_dir())
        self._commands: ActionRegistry | None = None
        self.language_menu: QMenu | None = None
        self.language_actions: dict[str, QAction] = {}
        self._clipboard = clipboard
        self.page: ComposePage | None = None
        self.templates = TemplatesTab(vm)
        self.tabs = QTabWidget(objectName="tabs")
        self.tabs.addTab(QWidget(), "")  # the Compose tab's place, filled after the paint
        self.tabs.addTab(self.templates, "")
        self.stats = StatsPlace(self)  # the Statistics tab, made when first opened
        self.tabs.addTab(self.stats, "")
        self.setCentralWidget(self.tabs)
        self.counter = CharCounter(self.state)
        self.statusBar().addPermanentWidget(self.counter)
        self.menus = {name: self.menuBar().addMenu("") for name in ("file", "edit", "case",
                                                                      "view")}
        self._connect_frame()
        self.retranslate()
        self._place()
        self._painted = False
        self._build_after_paint = build_after_paint  # False for --smoke: it stops at the paint
        self.installEventFilter(self)

    def _place(self) -> None:
        """The saved geometry if it is on a screen now, else a size that fits the screen's
        free area (a 1366×768 laptop shows the whole window, status bar included)."""
        geometry = self.state.bytes("window/geometry")
        if geometry is not None and self.restoreGeometry(geometry) and self.screen() \
                and self.screen().availableGeometry().intersects(self.frameGeometry()):
            return
        free = self.screen().availableGeometry() if self.screen() else None
        if free is None:
            self.resize(*DEFAULT_SIZE)
            return
        # The frame (title bar, borders) is not known before the first show: leave room.
        width = min(DEFAULT_SIZE[0], free.width() - FRAME_ALLOWANCE[0])
        height = min(DEFAULT_SIZE[1], free.height() - FRAME_ALLOWANCE[1])
        self.resize(width, height)
        self.move(free.x() + (free.width() - width) // 2,
                  free.y() + (free.height() - height - FRAME_ALLOWANCE[1]) // 2)

    @property
    def actions_(self) -> ActionRegistry:
        """Every command (built on first use, see build_commands)."""
        return self.build_commands()

    def build_commands(self) -> ActionRegistry:
        """Create the commands (once) and fill the menus: right after the first paint, or
        sooner if something asks for a command."""
        if self._commands is not None:
            return self._commands
        from ui.shell.actions import ActionId, ActionRegistry
        from ui.shell.menus import add_language_menu, fill_menus
        from ui.shell.order_book_menu import OrderBookCommands

        a = ActionRegistry(self)
        fill_menus(self, self.menus, a)
        self.language_menu, self.language_actions = add_language_menu(
            self.menus["view"], self.lang, self.switch_language)
        self.language_menu.setTitle(self.tr("Language / 语言"))
        a.connect(ActionId.FOCUS_SEARCH, self._focus_search)
        a.connect(ActionId.NEW_BUYER, self.vm.new_buyer)
        a.connect(ActionId.NEXT_TAB, self._next_tab)
        a.connect(ActionId.QUIT, self.close)
        a.connect(ActionId.CHAR_LIMIT, self.counter.ask_limit)
        a[ActionId.TOGGLE_GLOSS].setChecked(self.state.gloss_visible)
        a[ActionId.TOGGLE_GLOSS].toggled.connect(self._set_gloss_visible)
        self.templates.bind_actions(a)
        self.order_book = OrderBookCommands(self, a)
        self._commands = a
        return a

    def build_panels(self) -> None:
        """Create the compose panels (once) and wire them; then read the catalog."""
        if self.page is not None:
            return
        from ui.compose.page import ComposePage
        from ui.widgets.clipboard import QtClipboard

        self.page = ComposePage(self.vm, self._clipboard or QtClipboard())
        self.page.set_language(self.lang)
        self.page.bind(self.actions_)
        placeholder = self.tabs.widget(0)
        self.tabs.blockSignals(True)  # the current tab doesn't really change
        self.tabs.removeTab(0)
        self.tabs.insertTab(0, self.page, "")
        self.tabs.setCurrentIndex(0)
        self.tabs.blockSignals(False)
        if placeholder is not None:
            placeholder.deleteLater()
        self._connect_panels()
        self.retranslate()
        self.state.restore_splitters(self)

    def _connect_frame(self) -> None:
        self.vm.loaded.connect(self._loaded)
        self.templates.dirtyChanged.connect(self._templates_dirty)
        self.templates.status.connect(self._say)
        self.stats.status.connect(self._say)
        self.tabs.currentChanged.connect(self._tab_changed)

    def _connect_panels(self) -> None:
        page = self.page
        assert page is not None
        page.preview.editor.textChanged.connect(self._update_counter)
        page.copied.connect(self._copied)
        page.caseShown.connect(self._case_shown)
        page.status.connect(self._say)

    @Slot(str)
    def _say(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    @property
    def editor(self) -> EditorPage:
        """The Templates tab's page (built once the catalog is loaded)."""
        self._build_templates()
        assert self.templates.page is not None, "not loaded yet"
        return self.templates.page

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Reply Composer"))
        self.tabs.setTabText(0, self.tr("Compose"))
        self._templates_dirty(self.templates.dirty())
        self.tabs.setTabText(2, self.tr("Statistics"))
        titles = {"file": self.tr("&File"), "edit": self.tr("&Edit"),
                  "case": self.tr("&Case"), "view": self.tr("&View")}
        for name, menu in self.menus.items():
            menu.setTitle(titles[name])
        if self.language_menu is not None:
            self.language_menu.setTitle(self.tr("Language / 语言"))
        if self._commands is not None:
            self._commands.retranslate()
        if self.page is not None:
            self.page.retranslate()
        self.templates.retranslate()
        self._update_counter()

    def switch_language(self, lang: str) -> None:
        """Change the UI language in place; the order and the preview stay as they are."""
        if lang == self.lang:
            return
        self.lang = self.state.language = lang
        if lang in self.language_actions:
            self.language_actions[lang].setChecked(True)
        # Qt sends LanguageChange: changeEvent retranslates.
        apply_language(lang, self.vm.translations_dir())
        self.templates.set_language(lang)
        if self.page is None:
            return
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
            self.removeEventFilter(self)  # every later event would pass through it for nothing
            self.firstPainted.emit()
            if self._build_after_paint:
                QTimer.singleShot(0, self._after_first_paint)
        return super().eventFilter(watched, event)

    def _after_first_paint(self) -> None:
        self.build_commands()
        self.build_panels()
        self.vm.load()

    def _loaded(self) -> None:
        self.build_panels()  # in case the catalog was loaded before the first paint
        assert self.page is not None
        self.state.restore_splitters(self)
        self.page.populate(self.state.recent_cases)
        last = self.state.last_case
        if last and last in self.vm.catalog.cases:
            self.vm.select_case(last)
        self.ready.emit()
        # After the window is ready, never before: the agent can start meanwhile.
        QTimer.singleShot(0, self._build_templates)
        QTimer.singleShot(0, self.vm.warm_up)

    def _build_templates(self) -> None:
        """The Templates tab (once): right after the window is ready, or at once when it is
        shown or asked for first."""
        if self.templates.page is not None or self.vm.composer is None:
            return
        try:
            self.templates.build(self.lang)
        except OSError as exc:
            self.statusBar().showMessage(self.tr("Templates: {0}").format(exc))
            return
        self.state.restore_splitters(self)
        self.templates.set_active(self.tabs.currentWidget() is self.templates)

    def _case_shown(self, case_id: str) -> None:
        self.state.remember_case(case_id)

    @Slot(bool)
    def _set_gloss_visible(self, visible: bool) -> None:
        self.state.gloss_visible = visible

    def _tab_changed(self, _index: int) -> None:
        on_templates = self.tabs.currentWidget() is self.templates
        if on_templates:
            self._build_templates()
        self.templates.set_active(on_templates)
        self.counter.setVisible(not on_templates)  # it counts the compose reply

    def _focus_search(self) -> None:
        """Find works in the tab shown: cases on Compose, templates on Templates."""
        if self.tabs.currentWidget() is self.templates:
            self.templates.focus_filter()
        elif self.page is not None:
            self.page.picker.focus_search()

    def _templates_dirty(self, dirty: bool) -> None:
        title = self.tr("Templates")
        self.tabs.setTabText(1, f"{title} ●" if dirty else title)

    def _next_tab(self) -> None:
        self.tabs.setCurrentIndex((self.tabs.currentIndex() + 1) % self.tabs.count())

    def _update_counter(self) -> None:
        self.counter.show_length(len(self.page.preview.text()) if self.page is not None else 0)

    def _copied(self, count: int) -> None:
        self.statusBar().showMessage(self.tr("Copied {0} characters").format(f"{count:,}"), 5000)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.templates.confirm_close():
            event.ignore()  # an unsaved template, and the person chose to stay
            return
        self.state.set_bytes("window/geometry", self.saveGeometry())
        self.state.save_splitters(self)
        self.state.sync()
        self.vm.save_profile()
        self.templates.shut_down()  # a preview still rendering isn't waited for
        self.vm.close()  # nor a database call under way
        self.stats.shutdown()
        super().closeEvent(event)


def default_settings() -> QSettings:
    return QSettings("ReplyComposer", "Reply Composer")
