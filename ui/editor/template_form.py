"""The editor proper: title (English and Chinese), category, the reply in each language (a
tab each) and the Chinese gloss, each part in its own field but saved as the one file it
came from."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.editor.code_editor import CodeEditor
from ui.editor.highlighter import JinjaHighlighter
from ui.editor.info_line import InfoLine
from ui.editor.reply_tabs import ReplyTabs
from ui.widgets import palette
from ui.widgets.text_update import exact_text

if TYPE_CHECKING:
    from app.catalog.labels import Label
    from app.library.snippets import Snippet
    from app.library.template_text import TemplateParts
    from app.library.unsaved import Problem

LINE_ROLE = Qt.ItemDataRole.UserRole + 1


class TemplateCodec(Protocol):
    """Splits a template file into the form's parts and joins them back (the view-model)."""

    def split(self, text: str) -> TemplateParts: ...

    def join(self, parts: TemplateParts) -> str: ...


class TemplateForm(QWidget):
    edited = Signal(str)  # the whole file's text after an edit
    languageChanged = Signal(str)  # the reply language shown (the preview follows it)

    def __init__(self, codec: TemplateCodec, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="templateForm")
        self.codec = codec
        self.lang = "en"  # the language problems are listed in
        self.parts: TemplateParts | None = None
        self.info = InfoLine()
        self.title_en = QLineEdit(objectName="templateTitleEn")
        self.title_zh = QLineEdit(objectName="templateTitleZh")
        self.category = QComboBox(objectName="templateCategory")
        self.header_problem = QLabel(objectName="templateHeaderProblem", wordWrap=True,
                                     visible=False)
        self.header_problem.setStyleSheet(palette.css(palette.ERROR))
        self.body_label, self.gloss_label = QLabel(), QLabel()
        self.replies = ReplyTabs()
        self.body = self.replies.editors["en"]
        self.gloss = CodeEditor(object_name="templateGlossEditor")
        self.gloss_highlighter = JinjaHighlighter(self.gloss.document())
        self.field_menu = QMenu(self, objectName="insertFieldMenu")
        # Built once and refilled: a rebuilt submenu would leave the old one behind.
        self.field_menus = {key: self.field_menu.addMenu("") for key in
                            ("fields", "computed", "refund", "filters", "pieces")}
        self.insert_button = QToolButton(objectName="insertFieldButton")
        self.insert_button.setMenu(self.field_menu)
        self.insert_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.problems = QListWidget(objectName="templateProblems", visible=False)
        self.problems.setMaximumHeight(72)
        self.gloss.setMinimumHeight(60)  # the window may be small; the splitter shares space
        self.splitter = QSplitter(Qt.Orientation.Vertical, objectName="templateEditorSplitter")
        self.last_editor = self.body
        self._filling = False
        self._layout()
        self._connect()
        self.retranslate()

    def _layout(self) -> None:
        titles = QFormLayout()
        titles.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.title_labels = [QLabel(), QLabel(), QLabel()]
        for label, field in zip(self.title_labels, (self.title_en, self.title_zh,
                                                    self.category), strict=True):
            titles.addRow(label, field)
        body_box, gloss_box = QWidget(), QWidget()
        body_layout, gloss_layout = QVBoxLayout(body_box), QVBoxLayout(gloss_box)
        for layout in (body_layout, gloss_layout):
            layout.setContentsMargins(0, 4, 0, 0)
        heading = QHBoxLayout()
        heading.addWidget(self.body_label, 1)
        heading.addWidget(self.insert_button)
        body_layout.addLayout(heading)
        body_layout.addWidget(self.replies)
        gloss_layout.addWidget(self.gloss_label)
        gloss_layout.addWidget(self.gloss)
        self.splitter.addWidget(body_box)
        self.splitter.addWidget(gloss_box)
        self.splitter.setSizes([380, 260])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.info)
        layout.addLayout(titles)
        layout.addWidget(self.header_problem)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.problems)

    def _connect(self) -> None:
        for line in (self.title_en, self.title_zh):
            line.textEdited.connect(self._changed)
        self.category.currentIndexChanged.connect(self._changed)
        for editor in (*self.replies.editors.values(), self.gloss):
            editor.textChanged.connect(self._changed)
            editor.focused.connect(lambda e=editor: self._remember(e))
        self.replies.languageChanged.connect(self._language_shown)
        self.field_menu.triggered.connect(lambda action: self.insert(str(action.data())))
        self.problems.itemActivated.connect(self._go_to_problem)
        self.problems.itemClicked.connect(self._go_to_problem)

    def retranslate(self) -> None:
        for label, text in zip(self.title_labels, (self.tr("Title (English)"),
                                                   self.tr("Title (中文)"), self.tr("Category")),
                               strict=True):
            label.setText(text)
        self.body_label.setText(self.tr("Reply to the buyer"))
        self.replies.retranslate()
        self.gloss_label.setText(self.tr("Chinese gloss (中文释义)"))
        self.insert_button.setText(self.tr("Insert field"))
        titles = {"fields": self.tr("Order fields"), "computed": self.tr("Computed values"),
                  "refund": self.tr("Refund and policy"), "filters": self.tr("Filters"),
                  "pieces": self.tr("Shared pieces")}
        for key, submenu in self.field_menus.items():
            submenu.setTitle(titles[key])

    def set_fields(self, groups: Mapping[str, Sequence[Snippet]],
                   categories: Mapping[str, Label], lang: str, known: Iterable[str]) -> None:
        """The Insert field menu (its groups by key: fields, computed, refund, filters,
        pieces), the category choices and the names the highlighter knows."""
        for key, submenu in self.field_menus.items():
            submenu.clear()
            for snippet in groups.get(key, ()):
                submenu.addAction(snippet.text).setData(snippet.insert)
        self.set_catalog(categories, lang, known)

    def set_catalog(self, categories: Mapping[str, Label], lang: str,
                    known: Iterable[str]) -> None:
        self._filling = True
        self.category.clear()
        for category_id, label in categories.items():
            # Both names, and the id the file's header holds.
            self.category.addItem(f"{label.both(lang, ' · ')}  ({category_id})", category_id)
        self.category.addItem(self.tr("Shared piece") + "  ·  shared", "shared")
        self._filling = False
        self.replies.set_names(known=known)
        self.gloss_highlighter.set_names(known, self.gloss_highlighter.unknown)

    def show_text(self, text: str | None) -> None:
        """Show a template's file (None: nothing open)."""
        self._filling = True
        self.parts = self.codec.split(text) if text is not None else None
        parts = self.parts
        self.setEnabled(parts is not None)
        self.title_en.setText(parts.title_en if parts else "")
        self.title_zh.setText(parts.title_zh if parts else "")
        category = parts.category if parts else ""
        if category and self.category.findData(category) < 0:
            self.category.addItem(category, category)
        self.category.setCurrentIndex(max(0, self.category.findData(category)))
        self.replies.set_texts({"en": parts.body, **parts.translations} if parts else {})
        self.gloss.setPlainText(parts.gloss if parts else "")
        self._filling = False
        self._number_lines()
        self.show_problems([], ())

    def text(self) -> str | None:
        if self.parts is None:
            return None
        texts = self.replies.texts()
        body = texts.pop("en")
        kept = self.parts.translations
        # An empty tab is a language not written yet; an empty section the file already had
        # stays as it was, so opening and saving an untouched file changes nothing.
        translations = {lang: text for lang, text in texts.items()
                        if text.strip() or kept.get(lang) == text}
        self.parts = self.parts.with_edits(
            title_en=self.title_en.text(), title_zh=self.title_zh.text(),
            category=str(self.category.currentData() or ""),
            body=body, gloss=exact_text(self.gloss), translations=translations)
        return self.codec.join(self.parts)

    def _changed(self) -> None:
        if self._filling:
            return
        text = self.text()
        self._number_lines()
        if text is not None:
            self.edited.emit(text)

    def _number_lines(self) -> None:
        if self.parts is not None:
            lines = self.parts.section_lines()
            self.replies.set_first_lines(lines)
            self.gloss.set_first_line(lines["gloss"])

    def show_problems(self, problems: Sequence[Problem], unknown: Iterable[str]) -> None:
        """Mark each problem's line where it is, and list them (click one to go there)."""
        marks: dict[str, dict[int, str]] = {}  # part ("en", "es", …, "gloss") -> line -> why
        header: list[str] = []
        self.problems.clear()
        for problem in problems:
            where = problem.location or (self.tr("line {0}").format(problem.line)
                                         if problem.line else "")
            message = problem.message_in(self.lang)
            item = QListWidgetItem(f"{where}: {message}" if where else message)
            item.setForeground(palette.qcolor(palette.ERROR))
            item.setData(LINE_ROLE, problem.line)
            self.problems.addItem(item)
            part = self._part_at(problem.line)
            if part == "header":
                header.append(message)
            elif part is not None and problem.line is not None:
                marks.setdefault(part, {})[problem.line] = message
        self.problems.setVisible(bool(problems))
        self.replies.set_problems(marks)
        self.gloss.set_problems(marks.get("gloss", {}))
        self.header_problem.setText("\n".join(header))
        self.header_problem.setVisible(bool(header))
        self.replies.set_names(unknown=unknown)
        self.gloss_highlighter.set_names(self.gloss_highlighter.known, unknown)

    def _part_at(self, line: int | None) -> str | None:
        """Which part of the file a line is in: "header", a language, "gloss" (None: none)."""
        if line is None or self.parts is None:
            return None
        if line < self.parts.body_line:
            return "header"
        starts = self.parts.section_lines()
        return max((start, part) for part, start in starts.items() if start <= line)[1]

    def insert(self, snippet: str) -> None:
        """Insert at the cursor of the part edited last (the body at first)."""
        editor = self.last_editor
        editor.insertPlainText(snippet)
        editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def _remember(self, editor: CodeEditor) -> None:
        self.last_editor = editor

    def _go_to_problem(self, item: QListWidgetItem) -> None:
        line = item.data(LINE_ROLE)
        part = self._part_at(int(line)) if line else None
        if part == "gloss":
            self.gloss.go_to_line(int(line))
        elif part in self.replies.editors:
            self.replies.show_language(part)
            self.replies.editors[part].go_to_line(int(line))

    def language(self) -> str:
        return self.replies.language()

    def _language_shown(self, lang: str) -> None:
        self.last_editor = self.replies.editors[lang]  # Insert field goes where one looks
        self.languageChanged.emit(lang)

    def popup_field_menu(self) -> None:
        """Show the Insert field menu at the text cursor (popup: it never blocks)."""
        editor = self.last_editor
        point = editor.viewport().mapToGlobal(editor.cursorRect().bottomRight())
        self.field_menu.popup(point)
