"""Import taxes on small parcels by destination and date (resources/customs.yaml): what is
true for a buyer's country on the order date, for the customs-tax reply and its policy."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Any, NamedTuple

from app.catalog.labels import Label
from app.data.yaml_lines import LineDict
from app.errors import SourceError


class Money(NamedTuple):
    amount: Decimal
    currency: str


class CustomsRule(NamedTuple):
    start: dt.date
    vat_at_checkout: Money | None = None  # VAT collected at checkout up to this order amount
    flat_duty: Money | None = None  # per item category
    taxes_at_checkout: bool = False
    duty_free_ended: bool = False


class CustomsRegion(NamedTuple):
    id: str
    name: Label
    countries: frozenset[str]
    rules: tuple[CustomsRule, ...]
    names: Mapping[str, str] = MappingProxyType({})  # in the reply languages but English


class CustomsFacts(NamedTuple):
    """What holds for one order: the names templates and conditions use."""

    region: str  # "eu", "uk", "br", "us" …, or "other"
    region_name: Label | None
    vat_at_checkout: bool
    vat_limit: Money | None
    flat_duty: Money | None
    taxes_at_checkout: bool
    duty_free_ended: bool


NO_FACTS = CustomsFacts("other", None, False, None, None, False, False)


def facts_for(regions: Mapping[str, CustomsRegion], country: str | None, on: dt.date,
              amount: Decimal | None, currency: str | None) -> CustomsFacts:
    region = next((r for r in regions.values() if country in r.countries), None)
    if region is None:
        return NO_FACTS
    rules = [rule for rule in region.rules if rule.start <= on]
    vat = next((r.vat_at_checkout for r in reversed(rules) if r.vat_at_checkout), None)
    within = vat is not None and (amount is None or currency != vat.currency
                                  or amount <= vat.amount)
    return CustomsFacts(
        region=region.id, region_name=region.name, vat_at_checkout=within, vat_limit=vat,
        flat_duty=next((r.flat_duty for r in reversed(rules) if r.flat_duty), None),
        taxes_at_checkout=any(r.taxes_at_checkout for r in rules),
        duty_free_ended=any(r.duty_free_ended for r in rules))


def regions_from_yaml(doc: LineDict, path: str, countries: Mapping[str, object]) -> dict[
    str, CustomsRegion
]:
    regions: dict[str, CustomsRegion] = {}
    section = doc.get("regions") or LineDict()
    for region_id, entry in section.items():
        line = section.line_of(region_id)
        if not isinstance(entry, LineDict):
            raise SourceError(path, line, f"region {region_id}: expected a mapping")
        codes = frozenset(str(c) for c in entry.get("countries") or ())
        unknown = sorted(codes - set(countries))
        if unknown:
            raise SourceError(path, entry.line_of("countries"),
                              f"region {region_id}: unknown country code(s) {', '.join(unknown)}")
        name = entry.get("name") or {}
        regions[region_id] = CustomsRegion(
            region_id, Label(str(name.get("en", region_id)), str(name.get("zh", region_id))),
            codes, tuple(_rule(r, path) for r in entry.get("rules") or ()),
            {lang: str(words) for lang, words in name.items() if lang not in ("en", "zh")})
    return regions


def _rule(data: Any, path: str) -> CustomsRule:
    line = getattr(data, "line", None)
    if not isinstance(data, LineDict) or not isinstance(data.get("from"), dt.date):
        raise SourceError(path, line, "a customs rule needs `from: YYYY-MM-DD`")
    try:
        return CustomsRule(
            start=data["from"], vat_at_checkout=_money(data.get("vat_at_checkout"), "limit"),
            flat_duty=_money(data.get("flat_duty"), "amount"),
            taxes_at_checkout=bool(data.get("taxes_at_checkout", False)),
            duty_free_ended=bool(data.get("duty_free_ended", False)))
    except (KeyError, TypeError, ArithmeticError, ValueError) as exc:
        raise SourceError(path, line, f"bad customs rule: {exc}") from None


def _money(data: Any, key: str) -> Money | None:
    if data is None:
        return None
    return Money(Decimal(str(data[key])), str(data["currency"]))
