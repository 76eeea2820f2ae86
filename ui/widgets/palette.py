"""Every colour the window uses, by what it means, with a light and a dark variant.

Widgets ask for a meaning (`ERROR`, `MARKER_BG`), never a hex code, so a dark desktop theme
gets readable text (dark red on a dark panel is not) and a colour changes in one place.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtGui import QColor, QGuiApplication


class Colour(NamedTuple):
    light: str
    dark: str


ERROR = Colour("#b3261e", "#f2b8b5")  # a broken value, a render error, a deadline passed
ERROR_BG = Colour("#fdecea", "#5c1d18")
WARNING = Colour("#a15c00", "#ffb95c")  # amber: a dispute, a deadline close, near the limit
WARNING_TEXT = Colour("#7a2e00", "#ffd8b0")  # rule warnings and hints under the reply
WARNING_BG = Colour("#fff1e0", "#4a2c00")
OK = Colour("#1e6b35", "#8fd6a0")  # a deadline comfortably ahead
MUTED = Colour("#5f6368", "#a8adb3")  # notes, second-language titles
EDITED = Colour("#8a5a00", "#f0c27a")  # "edited by hand"
MARKER_TEXT = Colour("#5c3c00", "#ffe6a6")  # "[tracking number]" in the reply
MARKER_BG = Colour("#ffe08a", "#6b5300")
HEARD_BG = Colour("#dff3e4", "#1f4029")  # the buyer's words the case suggestions come from
MISSING_BG = Colour("#fff3c4", "#4d4000")  # a form field the reply still needs
INFO_BG = Colour("#e8f0fe", "#1f2f4d")  # banners
INFO_BORDER = Colour("#b6c8f0", "#3d5a8f")
NOTICE_BG = Colour("#fff4d6", "#4a3b0f")
NOTICE_BORDER = Colour("#e8c766", "#8f7423")
GUTTER_BG = Colour("#f3f3f3", "#2b2b2b")  # the template editor's line numbers
GUTTER_NUMBER = Colour("#8a8a8a", "#8a8a8a")
PROBLEM_LINE = Colour("#fde7e7", "#4d1f1f")
SYNTAX_COMMENT = Colour("#7a7a7a", "#9a9a9a")
SYNTAX_TAG = Colour("#7b3fa0", "#d7a6f2")
SYNTAX_TAG_BG = Colour("#f6effa", "#33263b")
SYNTAX_FIELD = Colour("#0b6e72", "#7fd6da")
SYNTAX_FIELD_BG = Colour("#e9f6f6", "#1d3536")
SYNTAX_STRING = WARNING
SYNTAX_FILTER = Colour("#3b5bab", "#a6bdf5")


def is_dark() -> bool:
    """Whether the desktop theme is dark (the window's background is darker than its text)."""
    palette = QGuiApplication.palette()
    return palette.window().color().lightness() < palette.windowText().color().lightness()


def hex_of(colour: Colour) -> str:
    return colour.dark if is_dark() else colour.light


def qcolor(colour: Colour) -> QColor:
    return QColor(hex_of(colour))


def css(color: Colour | None = None, background: Colour | None = None,
        extra: str = "") -> str:
    """A style sheet fragment: `css(ERROR, ERROR_BG, "padding: 4px;")`."""
    parts = []
    if color is not None:
        parts.append(f"color: {hex_of(color)};")
    if background is not None:
        parts.append(f"background: {hex_of(background)};")
    if extra:
        parts.append(extra)
    return " ".join(parts)
