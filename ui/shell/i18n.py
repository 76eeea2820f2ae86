"""UI language: Qt Linguist translations (.qm in resources/i18n), switched at run time.

Replies to buyers stay English and glosses Chinese whatever the UI language; only the
window's own text changes. Widgets retranslate on QEvent.LanguageChange.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

LANGUAGES = {"en": "English", "zh": "中文"}
QM_NAME = "reply_composer_zh_CN.qm"

_installed: list[QTranslator] = []


def apply_language(lang: str, folder: Path) -> bool:
    """Install the translator for `lang` ("zh" or "en") from the .qm files in `folder`; Qt
    then sends LanguageChange."""
    app = QCoreApplication.instance()
    if app is None:
        return False
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if lang != "zh":
        return True
    # Qt's own strings first (dialog buttons, text-field menus); ours, installed last, win.
    qt_strings = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_strings.load("qtbase_zh_CN", qt_dir):
        app.installTranslator(qt_strings)
        _installed.append(qt_strings)
    ours = QTranslator(app)
    if not ours.load(str(folder / QM_NAME)):
        return False
    app.installTranslator(ours)
    _installed.append(ours)
    return True
