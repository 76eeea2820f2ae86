"""Window state kept in QSettings: geometry, splitters, last and recent cases, preferences."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QLocale, QSettings

if TYPE_CHECKING:
    from PySide6.QtWidgets import QSplitter, QWidget

RECENT_LIMIT = 5
DEFAULT_CHAR_LIMIT = 1000
# Each splitter's saved state: settings key -> the splitter's object name.
SPLITTERS = {
    "window/splitter": "mainSplitter",
    "window/middleSplitter": "middleSplitter",
    "window/templateSplitter": "templateSplitter",
    "window/templateEditorSplitter": "templateEditorSplitter",
}


class WindowState:
    def __init__(self, settings: QSettings) -> None:
        self.settings = settings

    def bytes(self, key: str) -> QByteArray | None:
        value = self.settings.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_bytes(self, key: str, value: QByteArray) -> None:
        self.settings.setValue(key, value)

    @property
    def last_case(self) -> str | None:
        value = self.settings.value("compose/lastCase")
        return str(value) if value else None

    @last_case.setter
    def last_case(self, case_id: str) -> None:
        self.settings.setValue("compose/lastCase", case_id)

    @property
    def recent_cases(self) -> list[str]:
        value = self.settings.value("compose/recentCases") or []
        return [str(v) for v in (value if isinstance(value, list) else [value])]

    def remember_case(self, case_id: str) -> None:
        recent = [case_id] + [c for c in self.recent_cases if c != case_id]
        self.settings.setValue("compose/recentCases", recent[:RECENT_LIMIT])
        self.last_case = case_id

    @property
    def char_limit(self) -> int:
        try:
            return max(1, int(str(self.settings.value("compose/charLimit", DEFAULT_CHAR_LIMIT))))
        except (TypeError, ValueError):
            return DEFAULT_CHAR_LIMIT

    @char_limit.setter
    def char_limit(self, limit: int) -> None:
        self.settings.setValue("compose/charLimit", max(1, int(limit)))

    @property
    def gloss_visible(self) -> bool:
        return str(self.settings.value("compose/glossVisible", "true")).lower() == "true"

    @gloss_visible.setter
    def gloss_visible(self, visible: bool) -> None:
        self.settings.setValue("compose/glossVisible", "true" if visible else "false")

    @property
    def language(self) -> str:
        """"zh" or "en": the saved choice, else the system locale on first start."""
        saved = self.settings.value("ui/language")
        if saved in ("zh", "en"):
            return str(saved)
        return "zh" if QLocale.system().name().lower().startswith("zh") else "en"

    @language.setter
    def language(self, lang: str) -> None:
        self.settings.setValue("ui/language", lang)

    def sync(self) -> None:
        self.settings.sync()

    def restore_splitters(self, window: QWidget) -> None:
        for key, splitter in _splitters(window).items():
            sizes = self.bytes(key)
            if sizes is not None:
                splitter.restoreState(sizes)

    def save_splitters(self, window: QWidget) -> None:
        for key, splitter in _splitters(window).items():
            self.set_bytes(key, splitter.saveState())


def _splitters(window: QWidget) -> dict[str, QSplitter]:
    """The window's splitters built so far (the Templates tab's come after it is ready)."""
    from PySide6.QtWidgets import QSplitter

    found = {s.objectName(): s for s in window.findChildren(QSplitter)}
    return {key: found[name] for key, name in SPLITTERS.items() if name in found}
