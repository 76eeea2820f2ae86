"""List rows that show a title in the window's language and, under it in smaller grey text, the
same title in the other language: neither is cut in the middle of the other (each line is
elided on its own), and every row has the same height, so thousands of rows stay fast."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ui.widgets import palette

SECOND_LINE_ROLE = Qt.ItemDataRole.UserRole + 20  # the other language's title
SMALLER = 0.85  # of the view's font, for the second line


class TwoLineDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        second = QFontMetrics(_smaller(option.font)).height()
        return QSize(size.width(), option.fontMetrics.height() + second + 6)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        second = index.data(SECOND_LINE_ROLE)
        if not second:  # a group row: one line, centred in the row's height
            super().paint(painter, option, index)
            return
        view_option = QStyleOptionViewItem(option)
        self.initStyleOption(view_option, index)
        view_option.text = ""
        style = view_option.widget.style() if view_option.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, view_option, painter,
                              view_option.widget)
        self._draw_lines(painter, view_option, str(index.data()), str(second))

    def _draw_lines(self, painter: QPainter, option: QStyleOptionViewItem, first: str,
                    second: str) -> None:
        rect = option.rect.adjusted(6, 2, -4, -2)
        first_metrics = option.fontMetrics
        small = _smaller(option.font)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
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
