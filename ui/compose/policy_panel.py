"""What the policy allows: compensation in order, deadline and days left, checks, reasons."""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.catalog.labels import is_chinese
from ui.widgets import palette

if TYPE_CHECKING:
    from app.catalog.labels import Label
    from app.compose.result import Suggestion

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def shown_date(date: dt.date, lang: str) -> str:
    """A date as the agent reads it: 2026年11月16日 or 16 November 2026."""
    if is_chinese(lang):
        return f"{date.year}年{date.month}月{date.day}日"
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}"


class PolicyPanel(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="suggestionPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.lang = "en"
        self.heading = QLabel(objectName="suggestionHeading")
        self.heading.setStyleSheet("font-weight: bold;")
        # Which reply the policy chose: it can differ from the case picked (a deadline that
        # has passed turns "in transit" into the overdue reply), and the agent should see why.
        self.reply_used = QLabel(objectName="replyUsedLabel", wordWrap=True)
        self.reply_used.setStyleSheet(palette.css(palette.MUTED))
        self.actions_label = QLabel(objectName="actionsLabel", wordWrap=True)
        self.actions_label.setTextFormat(Qt.TextFormat.RichText)
        self.deadline = QLabel(objectName="deadlineLabel", wordWrap=True)
        self.checks_title = QLabel(visible=False)  # shown with the first case's checks
        self.checks = QListWidget(objectName="checksList", visible=False)
        self.checks.setWordWrap(True)
        self.reasons_title = QLabel(visible=False)  # shown with the first case's reasons
        self.reasons = QLabel(objectName="reasonsLabel", wordWrap=True)
        self.reasons.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.reasons.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._layout()
        self.retranslate()

    def _layout(self) -> None:
        layout = QVBoxLayout(self)
        for widget in (self.heading, self.reply_used, self.actions_label, self.deadline,
                       self.checks_title):
            layout.addWidget(widget)
        layout.addWidget(self.checks, 1)
        layout.addWidget(self.reasons_title)
        reasons_scroll = QScrollArea(widgetResizable=True)
        reasons_scroll.setFrameShape(QFrame.Shape.NoFrame)
        reasons_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # A viewport of our own, which doesn't fill its background: the panel's colour shows,
        # not grey. (Asking for the scroll area's own, made in C++, costs ~15 ms at start-up:
        # PySide resolves its pending widget classes to find the viewport's Python type.)
        reasons_scroll.setViewport(QWidget())
        reasons_scroll.setWidget(self.reasons)
        self.reasons.setAutoFillBackground(False)
        layout.addWidget(reasons_scroll, 2)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("What the policy allows"))
        if not self.reply_used.text():  # nothing chosen yet: say what will appear here
            self.actions_label.setText(escape(self.tr(
                "Choose a case: what you may offer the buyer (and how much), the deadline, "
                "the checks to do first and why appear here.")))
        self.checks_title.setText(self.tr("Check first"))
        self.reasons_title.setText(self.tr("Why"))

    def show_suggestion(self, s: Suggestion) -> None:
        self.reply_used.setText(self.tr("Reply used: “{0}”").format(
            s.template_title.get(self.lang)))
        self.actions_label.setText(self._actions_html(s))
        self._show_deadline(s)
        self._show_checks([check.get(self.lang) for check in s.checks],
                          [self._check_tip(check, s) for check in s.checks])
        self.reasons_title.setVisible(bool(s.reasons))
        if is_chinese(self.lang):  # the playbook's own words are the reason
            lines = [f"• {r.rule}" for r in s.reasons]
        else:
            lines = [f"• {r.en}\n   「{r.rule}」" for r in s.reasons]
        if s.rule_layer != "bundled":  # a team lead's rule: say whose, and where to change it
            lines.append(self.tr("• This rule is from the {0} policy: {1}").format(
                self._layer_name(s.rule_layer), s.rule_at))
        self.reasons.setText("\n\n".join(lines))

    def _layer_name(self, layer: str) -> str:
        return {"team": self.tr("team's"), "personal": self.tr("your own")}.get(layer, layer)

    def _check_tip(self, check: Label, s: Suggestion) -> str:
        """The check in the other language, and what the words a new agent may not know
        mean (the ERP's name …)."""
        meanings = [f"{t.word.get(self.lang)}: {t.meaning.get(self.lang)}" for t in s.terms
                    if t.word.en in check.en]
        return "\n".join([check.other(self.lang), *meanings])

    def _show_checks(self, texts: list[str], tooltips: list[str]) -> None:
        """Rebuild the checklist only when its items change, so ticks survive typing."""
        self.checks.setVisible(bool(texts))
        self.checks_title.setVisible(bool(texts))
        current = [self.checks.item(i).text() for i in range(self.checks.count())]
        if current == texts:
            return
        ticked = {self.checks.item(i).text() for i in range(self.checks.count())
                  if self.checks.item(i).checkState() == Qt.CheckState.Checked}
        self.checks.clear()
        for text, tooltip in zip(texts, tooltips, strict=True):
            item = QListWidgetItem(text)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if text in ticked
                               else Qt.CheckState.Unchecked)
            item.setToolTip(tooltip)
            self.checks.addItem(item)

    def _actions_html(self, s: Suggestion) -> str:
        if not s.actions:
            # grey, not italic: Chinese has no italics and a fake slant reads badly
            text = self.tr("Nothing to offer yet: do the checks first.") if s.checks \
                else self.tr("No compensation in this case.")
            return f'<span style="{palette.css(palette.MUTED)}">{escape(text)}</span>'
        rows = []
        for number, row in enumerate(s.actions, 1):
            amount = f" — <b>{escape(row.amount)}</b>" if row.amount else ""
            rows.append(f"{number}. {escape(row.label.get(self.lang))}{amount}")
        return "<br>".join(rows)

    def _show_deadline(self, s: Suggestion) -> None:
        if s.deadline is None or s.days_left is None:
            self.deadline.hide()
            return
        date, days_left = escape(shown_date(s.deadline, self.lang)), s.days_left
        if days_left < 0:
            colour = palette.ERROR
            text = (self.tr("Deadline {0} — passed yesterday") if days_left == -1 else
                    self.tr("Deadline {0} — passed {1} days ago")).format(date, -days_left)
        elif days_left == 0:
            colour = palette.WARNING
            text = self.tr("Deadline {0} — today is the last day").format(date)
        else:
            colour = palette.WARNING if days_left <= s.warning_days else palette.OK
            text = (self.tr("Deadline {0} — 1 day left") if days_left == 1 else
                    self.tr("Deadline {0} — {1} days left")).format(date, days_left)
        self.deadline.setStyleSheet(palette.css(colour, extra="font-weight: bold;"))
        self.deadline.setText(text)
        self.deadline.show()
