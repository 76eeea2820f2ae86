"""UI language: Qt Linguist translations (.qm in resources/i18n), switched at run time.

Replies to buyers stay English and glosses Chinese whatever the UI language; only the
window's own text changes. Widgets retranslate on QEvent.LanguageChange.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

LANGUAGES = {"en": "English", "zh": "中文"}
QM_NAME = "reply_composer_zh_CN.qm"

_installed: QTranslator | None = None


def qm_path() -> str:
    from app.resources import bundled_dir

    return str(bundled_dir("resources") / "i18n" / QM_NAME)


def apply_language(lang: str) -> bool:
    """Install the translator for `lang` ("zh" or "en"); Qt then sends LanguageChange."""
    global _installed
    app = QCoreApplication.instance()
    if app is None:
        return False
    if _installed is not None:
        app.removeTranslator(_installed)
        _installed = None
    if lang != "zh":
        return True
    translator = QTranslator(app)
    if not translator.load(qm_path()):
        return False
    app.installTranslator(translator)
    _installed = translator
    return True
