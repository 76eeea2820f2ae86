"""The plain values the Statistics tab and its view-model pass each other (no Qt, no domain:
every module of the tab imports them at run time)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, NamedTuple

from app.catalog.labels import Label

if TYPE_CHECKING:
    from app.stats.figures import Report
    from app.stats.rows import FigureRow

GROUPINGS = ("day", "case", "action", "agent", "product")  # app.stats.filters.Grouping
FILTERS = ("agent", "store", "marketplace", "case_id", "product")  # StatsFilter's texts
DEFAULT_DAYS = 30  # the range the tab opens on: the last 30 days, today included


class Request(NamedTuple):
    """What the person asked to see."""

    since: dt.date
    until: dt.date
    by: str  # one of GROUPINGS
    filters: Mapping[str, str]  # FILTERS name → value (blank: any)
    team: bool | None  # the team view, the agent's own, or (None) the database's usual one

    @classmethod
    def default(cls, today: dt.date, by: str = "case") -> Request:
        return cls(today - dt.timedelta(days=DEFAULT_DAYS - 1), today, by, {}, None)


class Access(NamedTuple):
    """Who is looking, as the view-model found it."""

    team: bool  # the figures shown are the team's (else the agent's own)
    team_database: bool  # the team view can be had here
    agent: str | None  # the agent name in force (the own view's)


class Shown(NamedTuple):
    """One answer to a Request: the table's figures and the day-by-day series for the chart."""

    request: Request
    report: Report  # rows of the grouping asked for, and the totals
    days: list[FigureRow]  # one per day of the range (zeros for the days without replies)
    access: Access


class Choices(NamedTuple):
    """What the filters offer, and the people's words for case and action ids."""

    values: Mapping[str, list[str]]  # FILTERS name → the values in the log
    names: Mapping[str, Label]  # "case:quality-stained" / "action:resend" → its title


NO_NAMES: Mapping[str, Label] = {}


def key_name(by: str, key: str | None, names: Mapping[str, Label], lang: str) -> str | None:
    """A row's key as a person reads it: a case's or an action's title where one is known,
    else the key itself (a day, an agent, a SKU); None stays None."""
    if key is None:
        return None
    label = names.get(f"{by}:{key}")
    return label.get(lang) if label else key
