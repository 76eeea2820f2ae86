"""The figures of one group (FigureRow) and one entry behind them (EntryLine): plain values the
queries return and the window, the CLI and the exports show. No database import."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, NamedTuple

CENT = Decimal("0.01")
# ISO 4217's code for "no currency": an amount logged without one is summed apart from
# every real currency, never added to one.
NO_CURRENCY = "XXX"


@dataclass(frozen=True)
class FigureRow:
    """The figures of the entries of one key (a day "2026-11-26", a case id, an action, an
    agent, a SKU or product name); key None: entries without one (no agent, no product, no
    action). The totals row has key None too."""

    key: str | None
    replies: int = 0
    compensated: int = 0  # replies that gave something: a refund, resend, discount, cost paid
    compensation: Mapping[str, Decimal] = field(default_factory=dict)  # currency -> offered
    hand_edited: int = 0
    over_policy: int = 0  # offered more money than the policy suggested
    markers_left: int = 0  # copied with a "[marker]" of an empty field still in the text
    name: str | None = None  # by product: a product name logged with the SKU

    @property
    def hand_edit_rate(self) -> float:
        """Hand-edited replies / replies (0.0 for no replies)."""
        return self.hand_edited / self.replies if self.replies else 0.0

    @property
    def day(self) -> dt.date | None:
        """The key as a date, for rows grouped by day."""
        try:
            return dt.date.fromisoformat(self.key) if self.key else None
        except ValueError:
            return None

    def to_json(self) -> dict[str, Any]:
        """JSON values: amounts as numbers (4.0), as the issue's example shows them."""
        data: dict[str, Any] = {
            "key": self.key, "replies": self.replies, "compensated": self.compensated,
            "compensation": {cur: float(amount) for cur, amount in self.compensation.items()},
            "hand_edited": self.hand_edited, "hand_edit_rate": round(self.hand_edit_rate, 4),
            "over_policy": self.over_policy, "markers_left": self.markers_left}
        if self.name is not None:
            data["name"] = self.name
        return data


class Partial(NamedTuple):
    """One row of a figures query: the figures of one key in one currency."""

    key: str | None
    name: str | None
    currency: str | None
    replies: int
    compensated: int
    cents: int | None  # the amounts offered, in hundredths, summed
    hand_edited: int
    over_policy: int
    markers_left: int


def per_action(partials: Iterable[Partial]) -> list[Partial]:
    """Partials keyed by a combination of actions ("resend,partial_refund") as partials per
    action: an entry counts once under each action it offered; one without any, under None."""
    found = []
    for partial in partials:
        actions = dict.fromkeys(a for a in (partial.key or "").split(",") if a) or [None]
        found += [partial._replace(key=action) for action in actions]
    return found


def merged(partials: Iterable[Partial]) -> list[FigureRow]:
    """One row per key from its rows per currency: counts added, each currency's sum kept
    apart; in the order the keys first came."""
    grouped: dict[str | None, list[Partial]] = {}
    for partial in partials:
        grouped.setdefault(partial.key, []).append(partial)
    return [_row(key, parts) for key, parts in grouped.items()]


def _row(key: str | None, parts: Sequence[Partial]) -> FigureRow:
    compensation: dict[str, Decimal] = {}
    for part in parts:
        if part.cents is not None:
            currency = part.currency or NO_CURRENCY
            total = compensation.get(currency, Decimal(0)) + Decimal(int(part.cents)) * CENT
            compensation[currency] = total.quantize(CENT)
    names = [part.name for part in parts if part.name]
    return FigureRow(
        key=key, replies=sum(p.replies for p in parts),
        compensated=sum(p.compensated for p in parts),
        compensation=dict(sorted(compensation.items())),
        hand_edited=sum(p.hand_edited for p in parts),
        over_policy=sum(p.over_policy for p in parts),
        markers_left=sum(p.markers_left for p in parts),
        name=min(names) if names else None)


def by_size(rows: Iterable[FigureRow]) -> list[FigureRow]:
    """Most replies first (a tie by key, keyless last): cases, actions, agents, products."""
    return sorted(rows, key=lambda r: (-r.replies, r.key is None, r.key or ""))


def by_key(rows: Iterable[FigureRow]) -> list[FigureRow]:
    """Oldest day first."""
    return sorted(rows, key=lambda r: (r.key is None, r.key or ""))


def every_day(rows: Sequence[FigureRow], days: Sequence[dt.date] | None = None
              ) -> list[FigureRow]:
    """Rows by day with the days nobody replied as zero rows, for a chart's axis: over `days`
    (a filter's days()), else from the first row's day to the last's."""
    found = {row.key: row for row in rows}
    if days is None:
        dated = sorted(d for row in rows if (d := row.day) is not None)
        if not dated:
            return list(rows)
        count = (dated[-1] - dated[0]).days + 1
        days = [dated[0] + dt.timedelta(days=n) for n in range(count)]
    keys = [day.isoformat() for day in days]
    return [found.get(key) or FigureRow(key) for key in keys]


def currencies(rows: Iterable[FigureRow]) -> list[str]:
    """Every currency the rows hold an amount in, sorted: the export's columns."""
    return sorted({currency for row in rows for currency in row.compensation})


class EntryLine(NamedTuple):
    """One log entry behind a figure, as the team lead's list shows it. `buyer` is None in the
    team view: there the order number says who it was."""

    id: uuid.UUID
    logged_at: dt.datetime  # aware, UTC
    agent: str | None
    store: str | None
    marketplace: str | None
    order_id: str | None
    buyer: str | None
    case_id: str
    actions: tuple[str, ...]
    refund_amount: Decimal | None
    refund_currency: str | None
    hand_edited: bool
    over_policy: bool
    markers_left: bool
    sku: str | None
    product: str | None
    text: str

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = self._asdict()
        return {**data, "id": str(self.id), "logged_at": self.logged_at.isoformat(),
                "actions": list(self.actions),
                "refund_amount": None if self.refund_amount is None else str(self.refund_amount)}


HIDDEN = "***"  # where the team view takes a buyer's name out of a reply


def without_buyer(line: EntryLine) -> EntryLine:
    """The entry as the team view shows it: no buyer's name, neither in its own column nor in
    the reply ("Dear Maria Silva," → "Dear ***,"; a hand edit's "Hi Maria" too: each word of
    the name of two letters or more, whole words only, so "Li" leaves "delivery" alone)."""
    if not line.buyer or not line.buyer.strip():
        return line._replace(buyer=None)
    parts = sorted({line.buyer.strip(), *(w for w in line.buyer.split() if len(w) > 1)},
                   key=len, reverse=True)  # the whole name before its words
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, parts)) + r")(?!\w)",
                         re.IGNORECASE)
    return line._replace(buyer=None, text=pattern.sub(HIDDEN, line.text))
