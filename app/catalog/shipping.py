"""Shipping methods and the promised-delivery deadline (承诺运达时间)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, NamedTuple

from app.catalog.fields import EMPTY
from app.catalog.labels import Label
from app.data.yaml_lines import LineDict
from app.errors import SourceError

SOURCES = ("playbook", "store")


class Promise(NamedTuple):
    """What a method promises for one destination."""

    promised_days: int
    usual_min: int
    usual_max: int


class ShippingMethod(NamedTuple):
    id: str
    name: Label
    default: Promise
    tracked: bool = True
    by_country: Mapping[str, Promise] = EMPTY
    source: str = "store"  # "playbook": the seller's own rule; "store": a store setting

    def promise_for(self, country: str | None) -> Promise:
        return self.by_country.get(country or "", self.default)


class Deadline(NamedTuple):
    """The promised-delivery deadline of a shipped parcel, seen from `today`."""

    date: dt.date
    days_left: int  # 0 on the deadline day itself, negative once it has passed
    promise: Promise

    @property
    def passed(self) -> bool:
        return self.days_left < 0


def deadline_for(
    method: ShippingMethod, country: str | None, ship_date: dt.date, today: dt.date
) -> Deadline:
    promise = method.promise_for(country)
    date = ship_date + dt.timedelta(days=promise.promised_days)
    return Deadline(date=date, days_left=(date - today).days, promise=promise)


def _promise(data: LineDict, base: Promise | None, path: str) -> Promise:
    try:
        promised = int(data.get("promised_days", base.promised_days if base else 0))
        usual: Any = data.get("usual_days", [base.usual_min, base.usual_max] if base else None)
        usual_min, usual_max = (int(usual[0]), int(usual[1]))
    except (TypeError, ValueError, IndexError):
        raise SourceError(
            path, data.line, "need promised_days (a number) and usual_days: [min, max]"
        ) from None
    if promised <= 0 or not 0 < usual_min <= usual_max:
        raise SourceError(path, data.line, "days must be positive and usual_days ordered")
    return Promise(promised, usual_min, usual_max)


def methods_from_yaml(data: LineDict, path: str, countries: Mapping[str, Label]) -> dict[
    str, ShippingMethod
]:
    methods: dict[str, ShippingMethod] = {}
    for method_id, entry in (data.get("methods") or {}).items():
        if not isinstance(entry, LineDict):
            raise SourceError(path, data.line_of("methods"), f"{method_id}: expected a mapping")
        base = _promise(entry, None, path)
        overrides = entry.get("countries") or LineDict()
        for code in overrides:
            if code not in countries:
                raise SourceError(path, overrides.line_of(code), f"unknown country code {code!r}")
        name = entry.get("name") or {}
        source = str(entry.get("source", "store"))
        if source not in SOURCES:
            raise SourceError(path, entry.line_of("source"),
                              f"{method_id}: source is one of {', '.join(SOURCES)}")
        methods[method_id] = ShippingMethod(
            id=method_id,
            name=Label(str(name.get("en", method_id)), str(name.get("zh", method_id))),
            default=base,
            tracked=bool(entry.get("tracked", True)),
            by_country={c: _promise(v, base, path) for c, v in overrides.items()},
            source=source,
        )
    return methods
