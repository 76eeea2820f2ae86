"""Every command of the window: one QAction each, in one registry, with its shortcut."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum, auto
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence

StandardKey = QKeySequence.StandardKey


class ActionId(Enum):
    FOCUS_SEARCH = auto()
    NEXT_CASE = auto()
    PREVIOUS_CASE = auto()
    COPY_REPLY = auto()
    PASTE_MESSAGE = auto()
    NEW_BUYER = auto()
    TOGGLE_GLOSS = auto()
    RESET_PREVIEW = auto()
    NEXT_TAB = auto()
    QUIT = auto()
    SAVE_TEMPLATE = auto()
    NEW_TEMPLATE = auto()
    DUPLICATE_TEMPLATE = auto()
    DELETE_TEMPLATE = auto()
    UNDO_DELETE = auto()
    REVERT_TEMPLATE = auto()
    TEMPLATE_HISTORY = auto()
    INSERT_FIELD = auto()
    PREVIEW_WITH_ORDER = auto()
    IMPORT_TEMPLATES = auto()
    EXPORT_TEMPLATES = auto()
    EXPORT_SELECTED = auto()
    TEAM_FOLDER = auto()
    CHAR_LIMIT = auto()
    CHOOSE_SUGGESTION_1 = auto()
    CHOOSE_SUGGESTION_2 = auto()
    CHOOSE_SUGGESTION_3 = auto()
    REPLY_LANGUAGE = auto()
    FIND_ORDER = auto()
    IMPORT_ORDERS = auto()
    TEAM_DATABASE = auto()


class ActionSpec(NamedTuple):
    text: str  # translated with tr() at creation
    shortcuts: tuple[QKeySequence | StandardKey | str, ...]
    menu: str  # "file", "edit", "case" or "view"


def _tr(text: str) -> str:
    return QCoreApplication.translate("Actions", text)


SPECS: dict[ActionId, ActionSpec] = {
    ActionId.FOCUS_SEARCH: ActionSpec("Find case", (StandardKey.Find, "Ctrl+K"), "case"),
    ActionId.NEXT_CASE: ActionSpec("Next case", ("Ctrl+Down",), "case"),
    ActionId.PREVIOUS_CASE: ActionSpec("Previous case", ("Ctrl+Up",), "case"),
    ActionId.COPY_REPLY: ActionSpec("Copy reply", ("Ctrl+Return", "Ctrl+Enter"), "edit"),
    ActionId.PASTE_MESSAGE: ActionSpec("Paste buyer's message", ("Ctrl+M",), "edit"),
    ActionId.CHOOSE_SUGGESTION_1: ActionSpec("Choose suggestion 1", ("Alt+1",), "case"),
    ActionId.CHOOSE_SUGGESTION_2: ActionSpec("Choose suggestion 2", ("Alt+2",), "case"),
    ActionId.CHOOSE_SUGGESTION_3: ActionSpec("Choose suggestion 3", ("Alt+3",), "case"),
    ActionId.NEW_BUYER: ActionSpec("New buyer", (StandardKey.New,), "file"),
    ActionId.FIND_ORDER: ActionSpec("Find order…", ("Ctrl+O",), "case"),
    ActionId.IMPORT_ORDERS: ActionSpec("Import orders…", ("Ctrl+I",), "file"),
    ActionId.TEAM_DATABASE: ActionSpec("Team database…", ("Ctrl+Alt+D",), "file"),
    ActionId.REPLY_LANGUAGE: ActionSpec("Reply language…", ("Ctrl+L",), "edit"),
    ActionId.TOGGLE_GLOSS: ActionSpec("Show Chinese gloss", ("Ctrl+G",), "view"),
    ActionId.RESET_PREVIEW: ActionSpec("Reset to template", ("Ctrl+R",), "edit"),
    ActionId.NEXT_TAB: ActionSpec("Next tab", (StandardKey.NextChild, "Ctrl+Tab"), "view"),
    ActionId.QUIT: ActionSpec("Quit", (StandardKey.Quit, "Ctrl+Q"), "file"),
    ActionId.CHAR_LIMIT: ActionSpec("Character limit…", ("Ctrl+Shift+L",), "view"),
    # The Templates tab's commands (enabled while that tab is shown).
    ActionId.NEW_TEMPLATE: ActionSpec("New template…", ("Ctrl+Shift+N",), "file"),
    ActionId.SAVE_TEMPLATE: ActionSpec("Save template", (StandardKey.Save, "Ctrl+S"), "file"),
    ActionId.IMPORT_TEMPLATES: ActionSpec("Import template pack…", ("Ctrl+Shift+I",), "file"),
    ActionId.EXPORT_TEMPLATES: ActionSpec("Export my templates…", ("Ctrl+Shift+E",), "file"),
    ActionId.EXPORT_SELECTED: ActionSpec("Export selected templates…", ("Ctrl+Alt+E",),
                                         "file"),
    ActionId.TEAM_FOLDER: ActionSpec("Team template folder…", ("Ctrl+Alt+T",), "file"),
    ActionId.DUPLICATE_TEMPLATE: ActionSpec("Duplicate template…", ("Ctrl+Shift+D",), "edit"),
    ActionId.DELETE_TEMPLATE: ActionSpec("Delete template", ("Ctrl+Shift+Del",), "edit"),
    ActionId.REVERT_TEMPLATE: ActionSpec("Revert template to default", ("Ctrl+Shift+R",),
                                         "edit"),
    ActionId.UNDO_DELETE: ActionSpec("Undo delete or revert", ("Ctrl+Alt+Z",), "edit"),
    ActionId.TEMPLATE_HISTORY: ActionSpec("Template history…", ("Ctrl+Shift+H",), "edit"),
    ActionId.INSERT_FIELD: ActionSpec("Insert field", ("Ctrl+Shift+F",), "edit"),
    ActionId.PREVIEW_WITH_ORDER: ActionSpec("Preview templates with the compose tab's order",
                                            ("Ctrl+Shift+O",), "view"),
}

TEMPLATE_ACTIONS = (
    ActionId.NEW_TEMPLATE, ActionId.SAVE_TEMPLATE, ActionId.IMPORT_TEMPLATES,
    ActionId.EXPORT_TEMPLATES, ActionId.EXPORT_SELECTED, ActionId.TEAM_FOLDER,
    ActionId.DUPLICATE_TEMPLATE, ActionId.DELETE_TEMPLATE, ActionId.REVERT_TEMPLATE,
    ActionId.UNDO_DELETE, ActionId.TEMPLATE_HISTORY, ActionId.INSERT_FIELD,
    ActionId.PREVIEW_WITH_ORDER)


class ActionRegistry:
    """Creates the QActions once; panels and menus look them up by ActionId."""

    def __init__(self, parent: QObject) -> None:
        self._actions: dict[ActionId, QAction] = {}
        for action_id, spec in SPECS.items():
            action = QAction(_tr(spec.text), parent)
            action.setObjectName(f"action_{action_id.name.lower()}")
            action.setShortcuts(_unique_sequences(spec.shortcuts))
            self._actions[action_id] = action
        self[ActionId.TOGGLE_GLOSS].setCheckable(True)
        self[ActionId.TOGGLE_GLOSS].setChecked(True)
        self[ActionId.PREVIEW_WITH_ORDER].setCheckable(True)
        self.retranslate()

    def __getitem__(self, action_id: ActionId) -> QAction:
        return self._actions[action_id]

    def connect(self, action_id: ActionId, slot: Callable[[], object]) -> None:
        self[action_id].triggered.connect(slot)

    def in_menu(self, menu: str) -> list[QAction]:
        return [self._actions[a] for a, spec in SPECS.items() if spec.menu == menu]

    def retranslate(self) -> None:
        for action_id, spec in SPECS.items():
            action = self._actions[action_id]
            action.setText(_tr(spec.text))
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{action.text()} ({keys})" if keys else action.text())


def _unique_sequences(shortcuts: tuple[QKeySequence | StandardKey | str, ...]) -> list[
    QKeySequence
]:
    sequences: list[QKeySequence] = []
    for shortcut in shortcuts:
        if isinstance(shortcut, StandardKey):
            found = QKeySequence.keyBindings(shortcut)
        else:
            found = [QKeySequence(shortcut)]
        sequences += [s for s in found if not s.isEmpty() and s not in sequences]
    return sequences
