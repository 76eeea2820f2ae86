"""The window's menus, filled from the action registry, and the Language menu.

The frame paints with the menu titles only; these are filled right after the first paint
(creating two dozen QActions with their shortcuts is a measurable part of a start-up).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from ui.shell.actions import TEMPLATE_ACTIONS, ActionId, ActionRegistry
from ui.shell.i18n import LANGUAGES


def fill_menus(window: QWidget, menus: Mapping[str, QMenu], registry: ActionRegistry) -> None:
    """Each menu: the compose commands, then the Templates tab's, then Quit last."""
    templates = {registry[a] for a in TEMPLATE_ACTIONS}
    quit_ = registry[ActionId.QUIT]
    for name, menu in menus.items():
        actions = registry.in_menu(name)
        groups = ([a for a in actions if a not in templates and a is not quit_],
                  [a for a in actions if a in templates], [a for a in actions if a is quit_])
        for group in groups:
            if group and not menu.isEmpty():
                menu.addSeparator()
            menu.addActions(group)
        window.addActions(actions)  # shortcuts work with menus hidden


def add_language_menu(parent: QMenu, current: str,
                      switch: Callable[[str], None]) -> tuple[QMenu, dict[str, QAction]]:
    """A submenu with one checkable entry per language, each named in itself (never
    translated, so a person who can't read the current language still finds theirs)."""
    menu = parent.addMenu("")
    group = QActionGroup(menu)
    actions = {}
    for lang, name in LANGUAGES.items():
        action = group.addAction(name)
        action.setCheckable(True)
        action.setChecked(lang == current)
        action.setObjectName(f"language_{lang}")
        action.triggered.connect(lambda _=False, code=lang: switch(code))
        menu.addAction(action)
        actions[lang] = action
    return menu, actions
