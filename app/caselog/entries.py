"""One case-log entry: a reply an agent copied to a buyer, with what it offered. Plain values
(no database import), so the window can build and queue one on the UI thread."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from app.compose.result import Composition
    from app.orders.book import BookOrder

# The policy's actions that give the buyer something (app.policy.rules.Action; a test keeps
# the two in step). "no_refund" and "wait" give nothing.
COMPENSATING = frozenset({"resend", "full_refund", "partial_refund", "next_order_discount",
                          "reimburse_cost"})

# What the statistics group and filter by: stored as none when blank, so "" and none are never
# two different agents (or products) in the figures.
BLANK_AS_NONE = ("agent", "store", "marketplace", "sku", "product", "refund_currency")


class LogEntry(NamedTuple):
    id: uuid.UUID  # made by the copying desk, so a resend from the outbox is never a double
    logged_at: dt.datetime  # aware, UTC
    agent: str | None
    store: str | None
    marketplace: str | None
    order_id: str | None
    buyer: str | None
    case_id: str
    template: str
    actions: tuple[str, ...]  # the policy's action ids, in its order
    refund_amount: Decimal | None  # what the reply offered (at most)
    refund_currency: str | None
    policy_refund: Decimal | None  # the most the policy suggested
    deadline: dt.date | None
    language: str  # the reply's: "en", "es", "pt", "ru", "fr"
    hand_edited: bool  # the text sent is not the composed reply
    markers_left: bool  # a "[marker]" of an empty field was still in the text
    sku: str | None  # the order's first product, where the order book knows it
    product: str | None
    text: str  # as sent

    @property
    def compensated(self) -> bool:
        """A refund, a resend, a discount or a cost paid."""
        return bool(self.refund_amount) or not COMPENSATING.isdisjoint(self.actions)

    @property
    def over_policy(self) -> bool:
        """The reply offered more money than the policy suggested."""
        if self.refund_amount is None:
            return False
        return self.policy_refund is None or self.refund_amount > self.policy_refund

    def offering(self, amount: Decimal | None) -> LogEntry:
        """The entry with the amount the agent actually offered (e.g. after editing it)."""
        return self._replace(refund_amount=amount)

    def to_json(self) -> dict[str, Any]:
        """Plain JSON values; amounts as exact decimal text ("25.80")."""
        data = {name: _json_value(value) for name, value in self._asdict().items()}
        return {**data, "compensated": self.compensated, "over_policy": self.over_policy}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> LogEntry:
        """The entry to_json() wrote (what the outbox keeps)."""
        def decimal(name: str) -> Decimal | None:
            value = data.get(name)
            return None if value is None else Decimal(str(value))

        deadline = data.get("deadline")
        return cls(
            uuid.UUID(str(data["id"])), dt.datetime.fromisoformat(str(data["logged_at"])),
            data.get("agent"), data.get("store"), data.get("marketplace"),
            data.get("order_id"), data.get("buyer"), str(data["case_id"]),
            str(data["template"]), tuple(data.get("actions") or ()),
            decimal("refund_amount"), data.get("refund_currency"), decimal("policy_refund"),
            dt.date.fromisoformat(deadline) if deadline else None,
            str(data.get("language") or "en"), bool(data.get("hand_edited")),
            bool(data.get("markers_left")), data.get("sku"), data.get("product"),
            str(data["text"]))


def _json_value(value: object) -> object:
    if isinstance(value, (uuid.UUID, Decimal)):
        return str(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return list(value) if isinstance(value, tuple) else value


def entry_from(composition: Composition, values: Mapping[str, object], *,
               entry_id: uuid.UUID, text: str, language: str = "en",
               order: BookOrder | None = None) -> LogEntry:
    """The entry for a copy of `text` (the composed reply, or the agent's edit of it).

    values: the form's values (parsed or as typed), which give the agent (agent_name), the
        store (store_name), the marketplace, the order number and the buyer.
    order: the order from the order book, when the form was filled from it (its marketplace,
        and its first product's SKU and name)."""
    suggestion = composition.suggestion
    refund = suggestion.refund
    first = order.items[0] if order and order.items else None

    def value(name: str) -> str | None:
        found = values.get(name)
        return str(found).strip() or None if found is not None else None

    return LogEntry(
        id=entry_id, logged_at=dt.datetime.now(dt.timezone.utc),
        agent=value("agent_name"), store=value("store_name"),
        marketplace=order.marketplace if order else value("marketplace"),
        order_id=value("order_id") or (order.order_id if order else None),
        buyer=value("buyer_name") or (order.buyer_name if order else None),
        case_id=composition.case.id, template=suggestion.template,
        actions=tuple(action.value for action in suggestion.action_ids),
        refund_amount=refund.max if refund else None,
        refund_currency=refund.currency if refund else None,
        policy_refund=refund.max if refund else None,
        deadline=suggestion.deadline, language=language,
        hand_edited=text != composition.reply,
        markers_left=any(marker.text in text for marker in composition.markers),
        sku=first.sku if first else None,
        product=(first.name if first else None) or value("item"), text=text)
