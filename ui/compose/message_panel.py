"""The buyer's message box above the case picker: paste what the buyer wrote, see the likely
cases as buttons (the agent chooses; nothing is chosen for them), what else the message says,
and the order and tracking numbers it carries (filled into empty fields)."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.catalog.labels import Label
from ui.widgets import palette
from ui.widgets.text_update import exact_text

if TYPE_CHECKING:
    from PySide6.QtCore import QMimeData
    from PySide6.QtGui import QResizeEvent

    from app.catalog.catalog import Catalog
    from app.message.classifier import Reading

FOUND_SEPARATOR = Label(" · ", "；")
# What the message box keeps of a paste: the domain reads the same (app.message.classifier
# MAX_CHARS; a test keeps the two equal).
PASTE_LIMIT = 20_000


class ElidedButton(QPushButton):
    """A left-aligned button whose text ends in "…" when the column is too narrow for it,
    instead of widening the column (the tooltip has the whole text)."""

    def __init__(self, object_name: str, number: int) -> None:
        super().__init__(objectName=object_name, checkable=True)
        self.number = number  # shown before the title: 1, 2 or 3 chooses it
        self.full_text = ""
        self.set_chosen(False)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def set_chosen(self, chosen: bool) -> None:
        """The case shown now: bold, with the accent border, and a check mark."""
        base = "text-align: left; padding: 3px 6px;"
        accent = f" font-weight: bold; border: 2px solid {palette.hex_of(palette.OK)};"
        self.setStyleSheet(base + (accent if chosen else ""))
        self.setProperty("chosen", chosen)
        self._elide()

    def set_full_text(self, text: str) -> None:
        self.full_text = text
        self._elide()

    def shown_text(self) -> str:
        mark = "✓ " if self.property("chosen") else ""
        return f"{mark}{self.number}  {self.full_text}"

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        room = self.width() - 16  # the padding and frame
        self.setText(self.fontMetrics().elidedText(self.shown_text(),
                                                   Qt.TextElideMode.ElideRight, room))


class MessageEditor(QPlainTextEdit):
    """The buyer's message. A paste keeps its first PASTE_LIMIT characters: a megabyte on one
    line would freeze the text layout for a minute, and the reading stops there anyway."""

    def __init__(self) -> None:
        super().__init__(objectName="buyerMessage")
        self.setTabChangesFocus(True)
        self.shortened = False  # the last paste was longer than PASTE_LIMIT: its end is cut
        self.textChanged.connect(self._forget_shortening)

    def insertFromMimeData(self, source: QMimeData) -> None:
        text = source.text()
        if len(text) <= PASTE_LIMIT:
            super().insertFromMimeData(source)
            return
        self.shortened = True  # before the text changes: the reading it starts says so
        self.insertPlainText(text[:PASTE_LIMIT])

    def set_pasted(self, text: str) -> None:
        """Replace the message with a paste (Ctrl+M), keeping its first PASTE_LIMIT chars."""
        self.shortened = len(text) > PASTE_LIMIT
        self.setPlainText(text[:PASTE_LIMIT])

    def _forget_shortening(self) -> None:
        if self.document().isEmpty():
            self.shortened = False


class MessagePanel(QWidget):
    caseChosen = Signal(str)
    textChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="messagePanel")
        self.lang = "en"
        self.heading = QLabel(objectName="messageHeading")
        self.heading.setStyleSheet("font-weight: bold;")
        self.editor = MessageEditor()
        self.editor.setFixedHeight(self.editor.fontMetrics().lineSpacing() * 4 + 12)
        self.gist = QLabel(objectName="messageGist", wordWrap=True, visible=False)
        self.gist.setStyleSheet("font-weight: bold;")  # 买家：… — what the buyer says, in Chinese
        self.summary = QLabel(objectName="messageSummary", wordWrap=True)
        self.summary.hide()
        self.choose_note = QLabel(objectName="suggestedCasesNote")
        self.choose_note.setStyleSheet(palette.css(palette.MUTED))
        self.choose_note.hide()
        self.buttons = [ElidedButton(f"suggestedCase{i}", i + 1) for i in range(3)]
        self.current_case: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.heading)
        layout.addWidget(self.editor)
        layout.addWidget(self.gist)
        layout.addWidget(self.summary)
        layout.addWidget(self.choose_note)
        for button in self.buttons:
            button.hide()
            button.clicked.connect(lambda _=False, b=button: self._choose(b))
            button.installEventFilter(self)
            layout.addWidget(button)
        self.editor.textChanged.connect(lambda: self.textChanged.emit(exact_text(self.editor)))
        self.retranslate()

    def _choose(self, button: QPushButton) -> None:
        self.caseChosen.emit(button.property("case"))
        self.mark_case(self.current_case)  # checked follows the case shown, not the click

    def choose(self, index: int) -> bool:
        """Choose the suggestion shown at `index` (0-2); False if there is none."""
        shown = [b for b in self.buttons if not b.isHidden()]
        if index >= len(shown):
            return False
        self._choose(shown[index])
        return True

    def focus_suggestions(self) -> bool:
        """Put the focus on the first suggestion (then 1, 2 or 3 chooses); False if none."""
        shown = [b for b in self.buttons if not b.isHidden()]
        if shown:
            shown[0].setFocus(Qt.FocusReason.OtherFocusReason)
        return bool(shown)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # 1, 2 or 3 on a suggestion chooses that one (right after Ctrl+M the first has focus).
        if watched in self.buttons and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            digit = NUMBER_KEYS.get(event.key())
            if digit is not None and event.modifiers() == Qt.KeyboardModifier.NoModifier:
                return self.choose(digit)
        return super().eventFilter(watched, event)

    def mark_case(self, case_id: str | None) -> None:
        """Check the suggestion that is the case shown now (if one is), plainly marked."""
        self.current_case = case_id
        for button in self.buttons:
            chosen = not button.isHidden() and button.property("case") == case_id
            button.setChecked(chosen)
            button.set_chosen(chosen)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Buyer's message"))
        self.choose_note.setText(self.tr("Suggested by the message (you choose):"))
        self.editor.setPlaceholderText(self.tr(
            "Paste the buyer's message (Ctrl+M pastes from anywhere), or the order's details: "
            "the likely case and the order fields are picked out"))

    @Slot()
    def clear(self) -> None:
        self.editor.clear()

    def text(self) -> str:
        """The buyer's message as pasted."""
        return exact_text(self.editor)

    def show_reading(self, reading: Reading | None, catalog: Catalog,
                     error: str | None = None, in_form: Collection[str] = ()) -> None:
        """The suggestions and what the message says; `in_form`: the fields found in it that
        the order form holds (filled in from it, or typed the same)."""
        guesses = reading.guesses if reading else ()
        for button, guess in zip(self.buttons, (*guesses, *[None] * 3), strict=False):
            button.setVisible(guess is not None)
            if guess is not None:
                case = catalog.case(guess.case_id)
                button.set_full_text(case.title.both(self.lang, " · "))
                said = self.tr("The message says: {0}").format(
                    ", ".join(f"“{p}”" for p in guess.phrases))
                button.setToolTip(f"{button.full_text}\n{said}")
                button.setProperty("case", guess.case_id)
        self.choose_note.setVisible(bool(guesses))
        self.mark_case(self.current_case)
        if error and exact_text(self.editor).strip():
            text = f'<span style="{palette.css(palette.ERROR)}">{escape(error)}</span>'
        else:
            text = self._summary(reading, in_form) if reading else ""
        self.summary.setText(text)
        self.summary.setVisible(bool(text))
        gist = reading.summary_zh if reading and not error else ""
        self.gist.setText(gist)
        self.gist.setVisible(bool(gist))
        self._mark_heard(reading.spans if reading and not error else ())

    def _mark_heard(self, spans: Iterable[tuple[int, int]]) -> None:
        """Shade the buyer's words the suggestions come from. Spans count Python characters;
        Qt counts UTF-16 units, so an emoji before a word moves it by one more."""
        text = exact_text(self.editor)
        shade = QTextCharFormat()
        shade.setBackground(palette.qcolor(palette.HEARD_BG))
        marks = []
        for start, end in spans:
            cursor = QTextCursor(self.editor.document())
            cursor.setPosition(_utf16(text, start))
            cursor.setPosition(_utf16(text, end), QTextCursor.MoveMode.KeepAnchor)
            mark = QTextEdit.ExtraSelection()
            mark.cursor, mark.format = cursor, shade
            marks.append(mark)
        self.editor.setExtraSelections(marks)

    def _summary(self, reading: Reading, in_form: Collection[str]) -> str:
        warn = palette.css(palette.WARNING)
        parts = []
        if reading.language_name is not None:
            parts.append(escape(self.tr("In {0}").format(reading.language_name.get(self.lang))))
        parts += [f'<b style="{warn}">{escape(said.label.get(self.lang))}</b>'
                  for said in reading.said]
        found = {"order_id": self.tr("order {0}"), "tracking_number": self.tr("tracking {0}")}
        parts += [escape(found[n].format(v) + (self.tr(" ✓ in the form") if n in in_form else ""))
                  for n, v in reading.values.items() if n in found]
        if reading.truncated or self.editor.shortened:
            parts.append(escape(self.tr("only the first {0} characters were kept").format(
                f"{min(reading.limit, PASTE_LIMIT):,}")))
        if not reading.guesses:
            parts.append(escape(self.tr("no case recognised: choose one below")))
        notes = [f'<br><span style="{warn}">⏱ {escape(said.note.get(self.lang))}</span>'
                 for said in reading.said if said.note is not None]
        return (escape(self.tr("Found: ")) + FOUND_SEPARATOR.get(self.lang).join(parts)
                + "".join(notes))


def _utf16(text: str, index: int) -> int:
    """A Python index into `text` as Qt counts it (UTF-16 code units)."""
    return len(text[:index].encode("utf-16-le")) // 2


NUMBER_KEYS = {Qt.Key.Key_1: 0, Qt.Key.Key_2: 1, Qt.Key.Key_3: 2}
