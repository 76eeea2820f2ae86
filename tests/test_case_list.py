"""The case list's rows as the agent sees them: the title in the window's language and, under
it, smaller, the other language's title: muted grey, or the text colour on the chosen row (the
style draws the row and its selection, the delegate its two lines)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QFontMetrics, QImage
from PySide6.QtWidgets import QLineEdit

from ui.compose.case_picker import CASE_ID_ROLE
from ui.widgets import palette

NEAR = 120  # summed channel difference; the colours told apart are ~300 apart


def _distance(one: QColor, other: QColor) -> int:
    return (abs(one.red() - other.red()) + abs(one.green() - other.green())
            + abs(one.blue() - other.blue()))


def _ink(image: QImage, area: QRect, background: QColor) -> QColor:
    """The text's colour in `area`: the pixel furthest from the background (the stems of
    anti-aliased glyphs reach it, their edges are blends)."""
    scale = image.devicePixelRatio()  # the grab has device pixels, the area logical ones
    pixels = (image.pixelColor(int(x * scale), int(y * scale))
              for y in range(area.top(), area.bottom() + 1)
              for x in range(area.left(), area.right() + 1))
    return max(pixels, key=lambda pixel: _distance(pixel, background))


def _second_line(view, index: QModelIndex) -> QRect:
    row = view.visualRect(index)
    first = QFontMetrics(view.font()).height()
    return QRect(row.left() + 6, row.top() + 2 + first, row.width() - 10, row.height() - first - 4)


def _case_rows(view) -> list[QModelIndex]:
    model = view.model()
    return [model.index(row, 0, model.index(group, 0))
            for group in range(model.rowCount()) for row in range(model.rowCount(
                model.index(group, 0)))]


def test_second_line_is_muted_but_on_the_chosen_row(qtbot, make_window):
    window = make_window()
    search = window.findChild(QLineEdit, "caseSearch")
    qtbot.keyClicks(search, "stain")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    search.clear()  # every case listed again, the chosen one still selected
    view = window.page.picker.view
    rows = _case_rows(view)
    chosen = [i for i in rows if i.data(CASE_ID_ROLE) == window.vm.case.id]
    other = [i for i in rows if i.data(CASE_ID_ROLE) != window.vm.case.id]
    assert len(chosen) == 1 and other
    view.scrollTo(chosen[0])
    image = view.viewport().grab().toImage()
    colours = view.palette()
    visible = [i for i in other if view.viewport().rect().contains(view.visualRect(i))]
    muted = palette.qcolor(palette.MUTED)
    ink = _ink(image, _second_line(view, visible[0]), colours.base().color())
    assert _distance(ink, muted) < NEAR, ink.name()
    ink = _ink(image, _second_line(view, chosen[0]), colours.highlight().color())
    assert _distance(ink, colours.text().color()) < NEAR, ink.name()
