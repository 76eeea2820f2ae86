"""A plain-text editor for template parts: line numbers (counted as in the file, so they
match error messages and `reply-composer check`) and lines with problems marked.

The line-number gutter follows Qt's "Code Editor" example.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QEvent, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QFocusEvent,
    QFontDatabase,
    QHelpEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from ui.widgets import palette


class LineNumberArea(QWidget):
    def __init__(self, editor: CodeEditor) -> None:
        super().__init__(editor)
        self.editor = editor

    def sizeHint(self) -> QSize:
        return QSize(self.editor.gutter_width(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        self.editor.paint_gutter(event)


class CodeEditor(QPlainTextEdit):
    focused = Signal()

    def __init__(self, parent: QWidget | None = None, object_name: str = "") -> None:
        super().__init__(parent, objectName=object_name)
        self.first_line = 1  # the file line of this editor's first line
        self.problems: dict[int, str] = {}  # file line -> message
        self.gutter = LineNumberArea(self)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.setFont(font)
        self.setTabStopDistance(4 * self.fontMetrics().horizontalAdvance(" "))
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.blockCountChanged.connect(self._update_margin)
        self.updateRequest.connect(self._update_gutter)
        self._update_margin()

    def set_first_line(self, line: int) -> None:
        if line != self.first_line:
            self.first_line = line
            self._update_margin()
            self.gutter.update()

    def set_problems(self, problems: Mapping[int, str]) -> None:
        """Mark these file lines (and show the message as their tooltip)."""
        self.problems = dict(problems)
        selections = []
        for line in self.problems:
            block = self.document().findBlockByNumber(line - self.first_line)
            if not block.isValid():
                continue
            selection = QTextEdit.ExtraSelection()
            selection.format.setBackground(palette.qcolor(palette.PROBLEM_LINE))
            selection.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
            selection.cursor = QTextCursor(block)
            selections.append(selection)
        self.setExtraSelections(selections)
        self.gutter.update()

    def go_to_line(self, line: int) -> None:
        block = self.document().findBlockByNumber(max(0, line - self.first_line))
        if block.isValid():
            self.setTextCursor(QTextCursor(block))
            self.centerCursor()
            self.setFocus(Qt.FocusReason.OtherFocusReason)

    def gutter_width(self) -> int:
        digits = len(str(self.first_line + max(1, self.blockCount())))
        return 10 + self.fontMetrics().horizontalAdvance("9") * max(2, digits)

    def viewportEvent(self, event: QEvent) -> bool:
        # A marked line's tooltip is its problem.
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            line = self.cursorForPosition(event.pos()).blockNumber() + self.first_line
            self.setToolTip(self.problems.get(line, ""))
        return super().viewportEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.focused.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        rect = self.contentsRect()
        self.gutter.setGeometry(QRect(rect.left(), rect.top(), self.gutter_width(),
                                      rect.height()))

    def paint_gutter(self, event: QPaintEvent) -> None:
        painter = QPainter(self.gutter)
        painter.fillRect(event.rect(), palette.qcolor(palette.GUTTER_BG))
        block = self.firstVisibleBlock()
        top = round(self.blockBoundingGeometry(block).translated(self.contentOffset()).top())
        height = self.fontMetrics().height()
        while block.isValid() and top <= event.rect().bottom():
            bottom = top + round(self.blockBoundingRect(block).height())
            if block.isVisible() and bottom >= event.rect().top():
                line = block.blockNumber() + self.first_line
                colour = palette.ERROR if line in self.problems else palette.GUTTER_NUMBER
                painter.setPen(palette.qcolor(colour))
                painter.drawText(0, top, self.gutter.width() - 5, height,
                                 Qt.AlignmentFlag.AlignRight, str(line))
            block = block.next()
            top = bottom
        painter.end()

    def _update_margin(self) -> None:
        self.setViewportMargins(self.gutter_width(), 0, 0, 0)

    def _update_gutter(self, rect: QRect, dy: int) -> None:
        if dy:
            self.gutter.scroll(0, dy)
        else:
            self.gutter.update(0, rect.y(), self.gutter.width(), rect.height())
        if rect.contains(self.viewport().rect()):
            self._update_margin()
