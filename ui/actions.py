"""Every command of the window: one QAction each, in one registry, with its shortcut."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum, auto

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence

StandardKey = QKeySequence.StandardKey


class ActionId(Enum):
    FOCUS_SEARCH = auto()
    NEXT_CASE = auto()
    PREVIOUS_CASE = auto()
    COPY_REPLY = auto()
    NEW_BUYER = auto()
    TOGGLE_GLOSS = auto()
    RESET_PREVIEW = auto()
    NEXT_TAB = auto()
    QUIT = auto()


@dataclass(frozen=True)
class ActionSpec:
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
    ActionId.NEW_BUYER: ActionSpec("New buyer", (StandardKey.New,), "file"),
    ActionId.TOGGLE_GLOSS: ActionSpec("Show Chinese gloss", ("Ctrl+G",), "view"),
    ActionId.RESET_PREVIEW: ActionSpec("Reset to template", ("Ctrl+R",), "edit"),
    ActionId.NEXT_TAB: ActionSpec("Next tab", (StandardKey.NextChild, "Ctrl+Tab"), "view"),
    ActionId.QUIT: ActionSpec("Quit", (StandardKey.Quit, "Ctrl+Q"), "file"),
}


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
