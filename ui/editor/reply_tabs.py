"""The reply in each language, one tab per language: English first (the one every buyer can
get), then Spanish, Portuguese, Russian and French. An empty tab is a language the template
doesn't have yet; buyers of that language get the English reply until someone writes it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QWidget

from ui.editor.code_editor import CodeEditor
from ui.editor.highlighter import JinjaHighlighter
from ui.widgets.language_names import LANGUAGE_NAMES
from ui.widgets.text_update import exact_text


class ReplyTabs(QTabWidget):
    languageChanged = Signal(str)  # the language of the tab now shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="replyLanguageTabs")
        self.editors: dict[str, CodeEditor] = {}
        for lang, language_name in LANGUAGE_NAMES.items():
            name = "templateEditor" if lang == "en" else f"templateEditor_{lang}"
            editor = CodeEditor(object_name=name)
            editor.setMinimumHeight(60)  # the window may be small; the splitter shares space
            self.editors[lang] = editor
            self.addTab(editor, language_name)
        self.highlighters = [JinjaHighlighter(e.document()) for e in self.editors.values()]
        self.troubled: set[str] = set()
        self.currentChanged.connect(lambda _: self.languageChanged.emit(self.language()))
        for editor in self.editors.values():
            editor.textChanged.connect(self._label_tabs)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTabToolTip(0, self.tr("The reply every buyer can get"))
        self._label_tabs()

    def language(self) -> str:
        return list(self.editors)[self.currentIndex()]

    def show_language(self, lang: str) -> None:
        if lang in self.editors:
            self.setCurrentIndex(list(self.editors).index(lang))

    def set_texts(self, texts: Mapping[str, str]) -> None:
        """Each language's text; a language not given is empty (not written yet)."""
        for lang, editor in self.editors.items():
            editor.setPlainText(texts.get(lang, ""))
        self._label_tabs()

    def texts(self) -> dict[str, str]:
        return {lang: exact_text(editor) for lang, editor in self.editors.items()}

    def set_first_lines(self, lines: Mapping[str, int]) -> None:
        for lang, editor in self.editors.items():
            editor.set_first_line(lines.get(lang, 1))

    def set_problems(self, by_language: Mapping[str, dict[int, str]]) -> None:
        for lang, editor in self.editors.items():
            editor.set_problems(by_language.get(lang, {}))
        self.troubled = {lang for lang, lines in by_language.items() if lines}
        self._label_tabs()

    def set_names(self, known: Iterable[str] | None = None,
                  unknown: Iterable[str] | None = None) -> None:
        """The names to colour as known and as unknown (None: keep the current ones)."""
        for highlighter in self.highlighters:
            highlighter.set_names(highlighter.known if known is None else known,
                                  highlighter.unknown if unknown is None else unknown)

    def _label_tabs(self) -> None:
        """A tab says when its language is missing, and when it has a problem."""
        for index, (lang, editor) in enumerate(self.editors.items()):
            label = LANGUAGE_NAMES[lang]
            if lang in self.troubled:
                label = "⚠ " + label
            elif lang != "en" and not exact_text(editor).strip():
                label += " " + self.tr("(none yet)")
            self.setTabText(index, label)
            if lang != "en":
                self.setTabToolTip(index, self.tr(
                    "Empty: buyers who write in {0} get the English reply.").format(
                        LANGUAGE_NAMES[lang]) if not exact_text(editor).strip() else "")
