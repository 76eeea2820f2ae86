"""What the policy allows: compensation in order, deadline and days left, checks, reasons."""

from __future__ import annotations

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

from app.compose.textfmt import long_date, money, zh_date

if TYPE_CHECKING:
    from app.compose.composer import Composition
    from app.policy.rules import Policy, Refund

REFUND_ACTIONS = ("full_refund", "partial_refund")
PAST, SOON, FINE = "#b3261e", "#a15c00", "#1e6b35"


def refund_text(refund: Refund) -> str:
    low, high = money(refund.min, refund.currency), money(refund.max, refund.currency)
    if refund.min == refund.max:
        return str(high)
    if refund.min == 0:
        return f"≤ {high}"
    return f"{low}–{high}"


class SuggestionPanel(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="suggestionPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.heading = QLabel(objectName="suggestionHeading")
        # Which reply the policy chose: it can differ from the case picked (a deadline that
        # has passed turns "in transit" into the overdue reply), and the agent should see why.
        self.reply_used = QLabel(objectName="replyUsedLabel", wordWrap=True)
        self.reply_used.setStyleSheet("color: #555;")
        self.heading.setStyleSheet("font-weight: bold;")
        self.actions = QLabel(objectName="actionsLabel", wordWrap=True)
        self.actions.setTextFormat(Qt.TextFormat.RichText)
        self.deadline = QLabel(objectName="deadlineLabel", wordWrap=True)
        self.checks_title = QLabel(visible=False)  # shown with the first case's checks
        self.checks = QListWidget(objectName="checksList", visible=False)
        self.checks.setWordWrap(True)
        self.reasons_title = QLabel(visible=False)  # shown with the first case's reasons
        self.reasons = QLabel(objectName="reasonsLabel", wordWrap=True)
        self.reasons.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.reasons.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        for widget in (self.heading, self.reply_used, self.actions, self.deadline,
                       self.checks_title):
            layout.addWidget(widget)
        layout.addWidget(self.checks, 1)
        layout.addWidget(self.reasons_title)
        reasons_scroll = QScrollArea(widgetResizable=True)
        reasons_scroll.setFrameShape(QFrame.Shape.NoFrame)
        reasons_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        reasons_scroll.setWidget(self.reasons)
        reasons_scroll.viewport().setAutoFillBackground(False)  # the panel's colour, not grey
        self.reasons.setAutoFillBackground(False)
        layout.addWidget(reasons_scroll, 2)
        self.lang = "en"
        self.warning_days = 7
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("What the policy allows"))
        self.checks_title.setText(self.tr("Check first"))
        self.reasons_title.setText(self.tr("Why"))

    def show_suggestion(self, result: Composition, policy: Policy, reply_title: str = "") -> None:
        s = result.suggestion
        self.warning_days = int(policy.constants.get("deadline_warning_days", 7))
        self.reply_used.setText(self.tr("Reply used: “{0}”").format(reply_title)
                                if reply_title else "")
        self.actions.setText(self._actions_html(result, policy))
        self._show_deadline(s.deadline, s.days_left)
        self._show_checks([check.get(self.lang) for check in s.checks],
                          [check.other(self.lang) for check in s.checks])
        self.reasons_title.setVisible(bool(s.reasons))
        if self.lang == "zh":  # the playbook's own words are the reason
            self.reasons.setText("\n\n".join(f"• {r.rule}" for r in s.reasons))
        else:
            self.reasons.setText("\n\n".join(f"• {r.en}\n   「{r.rule}」" for r in s.reasons))

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

    def _actions_html(self, result: Composition, policy: Policy) -> str:
        s = result.suggestion
        if not s.actions:
            # grey, not italic: Chinese has no italics and a fake slant reads badly
            return ('<span style="color:#666">'
                    + escape(self.tr("Nothing to offer yet: do the checks first.") if s.checks
                             else self.tr("No compensation in this case.")) + "</span>")
        rows = []
        for number, action in enumerate(s.actions, 1):
            label = escape(policy.actions[action].get(self.lang))
            amount = ""
            if s.refund and action in REFUND_ACTIONS:
                # A full refund is the top of the range, never "up to" it.
                shown = money(s.refund.max, s.refund.currency) if action == "full_refund" \
                    else refund_text(s.refund)
                amount = f" — <b>{escape(str(shown))}</b>"
            rows.append(f"{number}. {label}{amount}")
        return "<br>".join(rows)

    def _show_deadline(self, deadline: object, days_left: int | None) -> None:
        if deadline is None or days_left is None:
            self.deadline.hide()
            return
        date = escape(str((zh_date if self.lang == "zh" else long_date)(deadline)))
        if days_left < 0:
            color = PAST
            text = (self.tr("Deadline {0} — passed yesterday") if days_left == -1 else
                    self.tr("Deadline {0} — passed {1} days ago")).format(date, -days_left)
        elif days_left == 0:
            color, text = SOON, self.tr("Deadline {0} — today is the last day").format(date)
        else:
            color = SOON if days_left <= self.warning_days else FINE
            text = (self.tr("Deadline {0} — 1 day left") if days_left == 1 else
                    self.tr("Deadline {0} — {1} days left")).format(date, days_left)
        self.deadline.setStyleSheet(f"color: {color}; font-weight: bold;")
        self.deadline.setText(text)
        self.deadline.show()
