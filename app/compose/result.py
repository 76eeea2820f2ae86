"""What one composition gives the window and the CLI: everything they show, ready to show.

The window's panels render these records and nothing else; the CLI prints them or their JSON.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple

from app.catalog.catalog import Case
from app.catalog.labels import Label
from app.policy.rules import Action, Reason, Refund, Term
from app.review.review import Review


class ActionRow(NamedTuple):
    """One thing the policy allows, with the amount as the agent should see it."""

    action: Action
    label: Label
    amount: str | None  # "$1.00–$2.00", "$25.80", "≤ $4.50"; None for actions without money


class Marker(NamedTuple):
    """A value the reply shows in brackets because it is still empty, e.g. "[deadline]"."""

    text: str  # as it appears in the reply
    name: str  # the field or computed value
    needs: tuple[str, ...]  # the empty order fields it waits for (its own name for a field)
    labels: tuple[Label, ...] = ()  # those fields' labels, for the tooltip on the marker


class Needed(NamedTuple):
    """A field of the case's form that is still empty and that the reply needs."""

    name: str
    label: Label


class Suggestion(NamedTuple):
    actions: tuple[ActionRow, ...]
    refund: Refund | None
    deadline: dt.date | None
    days_left: int | None
    warning_days: int  # days left at which the deadline turns amber
    checks: tuple[Label, ...]
    reasons: tuple[Reason, ...]
    template: str  # the reply the policy chose
    template_title: Label
    terms: tuple[Term, ...] = ()  # glossary words the checks name (hover: what they are)
    rule_layer: str = "bundled"  # whose policy.yaml the rule is from: personal, team, bundled
    rule_at: str = ""  # the rule's file:line

    @property
    def action_ids(self) -> tuple[Action, ...]:
        return tuple(row.action for row in self.actions)

    def to_json(self) -> dict[str, Any]:
        refund = self.refund
        return {
            "actions": [row.action.value for row in self.actions],
            "refund": {"min": float(refund.min), "max": float(refund.max),
                       "currency": refund.currency} if refund else None,
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "days_left": self.days_left,
            "checks": [check.en for check in self.checks],
            "reasons": [reason.text() for reason in self.reasons],
            "template": self.template,
            "rule": {"layer": self.rule_layer, "at": self.rule_at},
        }


class Composition(NamedTuple):
    case: Case
    reply: str
    gloss: str
    needed: tuple[Needed, ...]  # in form order
    markers: tuple[Marker, ...]
    suggestion: Suggestion
    review: Review
    language: str = "en"  # the reply's language
    wanted_language: str = "en"  # asked for; differs when the reply has no such section
    english: str | None = None  # the English reply beside a translated one, when asked for

    @property
    def fell_back(self) -> bool:
        """The language asked for has no section for this reply: it is in English."""
        return self.language != self.wanted_language

    @property
    def missing_fields(self) -> tuple[str, ...]:
        return tuple(needed.name for needed in self.needed)

    def to_json(self) -> dict[str, Any]:
        return {"case": self.case.id, "reply": self.reply, "gloss": self.gloss,
                "language": self.language, "missing_fields": list(self.missing_fields),
                "suggestion": self.suggestion.to_json(),
                "warnings": [w.text.en for w in self.review.warnings]}
