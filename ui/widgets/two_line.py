"""List rows that show a title in the window's language and, under it in smaller grey text, the
same title in the other language: neither is cut in the middle of the other (each line is
elided on its own), and every row has the same height, so thousands of rows stay fast."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate, QStyleOptionViewItem

from ui.widgets import palette

SECOND_LINE_ROLE = Qt.ItemDataRole.UserRole + 20  # the other language's title
SMALLER = 0.85  # of the view's font, for the second line


class TwoLineDelegate(QStyledItemDelegate):
    """The style draws each row as usual (background, selection, focus); for a row with a
    second line, this draws both lines. Nothing here names a `QStyle` enum: the first use of
    that class builds ~20 Python enums, ~15 ms of the window's start."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self.view = view

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        second = QFontMetrics(_smaller(option.font)).height()
        return QSize(size.width(), option.fontMetrics.height() + second + 6)

    def initStyleOption(self, option: QStyleOptionViewItem,
                        index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        if index.data(SECOND_LINE_ROLE):
            option.text = ""  # the style draws the row; paint() draws its two lines

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        super().paint(painter, option, index)
        second = index.data(SECOND_LINE_ROLE)
        if second:  # a group row has one line, which the style has drawn, centred
            selected = self.view.selectionModel().isSelected(index)
            self._draw_lines(painter, option, str(index.data()), str(second), selected)

    def _draw_lines(self, painter: QPainter, option: QStyleOptionViewItem, first: str,
                    second: str, selected: bool) -> None:
        rect = option.rect.adjusted(6, 2, -4, -2)
        first_metrics = option.fontMetrics
        small = _smaller(option.font)
        painter.save()  # its pen is the text colour, on a selected row too (readable on
        # every style's selection: Windows 11 fills it almost white)
        painter.setFont(option.font)
        top = QRect(rect.x(), rect.y(), rect.width(), first_metrics.height())
        painter.drawText(top, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         first_metrics.elidedText(first, Qt.TextElideMode.ElideRight,
                                                  rect.width()))
        painter.setFont(small)
        if not selected:
            painter.setPen(palette.qcolor(palette.MUTED))
        bottom = QRect(rect.x(), top.bottom(), rect.width(), rect.height() - top.height())
        painter.drawText(bottom, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         QFontMetrics(small).elidedText(second, Qt.TextElideMode.ElideRight,
                                                        rect.width()))
        painter.restore()


def _smaller(font: QFont) -> QFont:
    small = QFont(font)
    small.setPointSizeF(max(6.0, font.pointSizeF() * SMALLER))
    return small
