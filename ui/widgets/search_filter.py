"""Filtering a grouped list (cases, templates) as the agent types, inside Qt."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt

if TYPE_CHECKING:
    from PySide6.QtCore import QRegularExpression

SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2  # each row's search key, lower-cased


class SearchFilter(QSortFilterProxyModel):
    """Keeps rows whose precomputed search key holds every typed word; groups follow.

    The test runs in Qt (a regular expression over SEARCH_ROLE, one lookahead per word), not
    in a Python override called once per row: thousands of rows filter within a keystroke.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self.setFilterRole(SEARCH_ROLE)

    def set_query(self, text: str) -> None:
        self.setFilterRegularExpression(query_expression(text))


def query_expression(text: str) -> QRegularExpression:
    """Matches a key holding every word of `text` (lower-cased), in any order; the empty
    expression, which matches every row, when there is no word. Group rows have the
    empty key, so they stay only for a matching case under them."""
    from PySide6.QtCore import QRegularExpression  # not needed before the first paint

    words = [QRegularExpression.escape(w) for w in text.lower().split()]
    if len(words) <= 1:  # one plain substring search (much faster than a lookahead)
        return QRegularExpression(words[0] if words else "")
    pattern = r"\A" + "".join(f"(?=.*?{w})" for w in words)
    return QRegularExpression(pattern,
                              QRegularExpression.PatternOption.DotMatchesEverythingOption)
