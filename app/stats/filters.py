"""What the statistics count (a date range and filters), how they group it, and who is
looking. Plain values, no database import: the window builds them on its UI thread."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields, replace
from enum import Enum

from app.errors import ComposerError

UTC = dt.timezone.utc


class StatsError(ComposerError):
    """A request the statistics can't answer as asked (e.g. a range that ends before it
    starts, another agent's figures in an agent's own view, a file that can't be written)."""

    def __init__(self, message: str, zh: str | None = None) -> None:
        super().__init__(message)
        self.zh = zh or message  # the Statistics tab says this when the window is Chinese


class Grouping(str, Enum):
    """What one row of figures stands for."""

    DAY = "day"  # the UTC date the reply was copied
    CASE = "case"  # the case id (quality-stained, …)
    ACTION = "action"  # one of the policy's actions the reply offered (an entry may have several)
    AGENT = "agent"
    PRODUCT = "product"  # the SKU, or the product's name where the order had no SKU

    @classmethod
    def named(cls, name: str) -> Grouping:
        """The grouping called `name`; StatsError naming the ones there are."""
        try:
            return cls(name.strip().lower())
        except ValueError:
            known = ", ".join(g.value for g in cls)
            raise StatsError(f"--by {name!r}: group by one of {known}") from None


@dataclass(frozen=True)
class StatsFilter:
    """The entries counted: logged from `since` to `until` (both days included, in UTC; None:
    no bound), and of the agent, store, marketplace, case and product given (None: any).
    `product` matches an entry's SKU or its product name. Blank texts count as not given."""

    since: dt.date | None = None
    until: dt.date | None = None
    agent: str | None = None
    store: str | None = None
    marketplace: str | None = None
    case_id: str | None = None
    product: str | None = None

    def __post_init__(self) -> None:
        for field in fields(self):
            value = getattr(self, field.name)
            if isinstance(value, str):  # " Lily " is Lily; "" is no filter
                object.__setattr__(self, field.name, value.strip() or None)
        if self.since and self.until and self.since > self.until:
            raise StatsError(f"the range starts on {self.since.isoformat()}, after it ends "
                             f"({self.until.isoformat()})")

    @property
    def start(self) -> dt.datetime | None:
        """The first moment counted: midnight UTC of `since`."""
        return None if self.since is None else midnight(self.since)

    @property
    def end(self) -> dt.datetime | None:
        """The first moment no longer counted: midnight UTC after `until`."""
        return None if self.until is None else midnight(self.until + dt.timedelta(days=1))

    def days(self) -> list[dt.date] | None:
        """Every day of the range, for a chart's axis; None when either end is open."""
        if self.since is None or self.until is None:
            return None
        count = (self.until - self.since).days + 1
        return [self.since + dt.timedelta(days=n) for n in range(count)]

    def with_agent(self, agent: str | None) -> StatsFilter:
        return replace(self, agent=agent)


def midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), UTC)


def next_month(day: dt.date) -> dt.date:
    """The first day of the month after the day's."""
    return (day.replace(day=1) + dt.timedelta(days=32)).replace(day=1)


@dataclass(frozen=True)
class View:
    """Who is looking. The team view (agent None: the team lead's, over the team database)
    sees every agent's figures, and buyers only by their order number; an agent's own view
    sees only that agent's entries, buyers' names included (they wrote to them)."""

    agent: str | None = None

    def __post_init__(self) -> None:
        if self.agent is not None and not self.agent.strip():
            raise StatsError("an agent's own view needs the agent's name")

    @classmethod
    def team(cls) -> View:
        return cls(None)

    @classmethod
    def own(cls, agent: str) -> View:
        return cls(agent.strip())

    @property
    def is_team(self) -> bool:
        return self.agent is None

    @property
    def shows_buyers(self) -> bool:
        """Buyers' names are shown to the agent who answered them, never in the team view."""
        return not self.is_team

    def scoped(self, wanted: StatsFilter) -> StatsFilter:
        """The filter this viewer may run: an agent's own view is held to that agent, and
        asking it for another agent's figures is an error, not a quiet swap of names."""
        if self.agent is None:
            return wanted
        if wanted.agent is not None and wanted.agent != self.agent:
            raise StatsError(f"{self.agent}'s own view shows only {self.agent}'s figures, "
                             f"not {wanted.agent}'s")
        return wanted.with_agent(self.agent)


TEAM = View.team()
