"""The values policy rules and templates see: order fields plus what is computed from them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Any
from urllib.parse import quote

from app.catalog.catalog import Case, Catalog
from app.catalog.customs import facts_for
from app.catalog.fields import Value
from app.catalog.labels import Label
from app.catalog.shipping import deadline_for

# Each computed name, and the fields it comes from: when it can't be computed, those of
# them that are empty are what the agent has to fill in.
COMPUTED_SOURCES: dict[str, tuple[str, ...]] = {
    "deadline": ("ship_date", "shipping_method"),
    "days_left": ("ship_date", "shipping_method"),
    "deadline_passed": ("ship_date", "shipping_method"),
    "promised_days": ("shipping_method",),
    "usual_days_min": ("shipping_method",),
    "usual_days_max": ("shipping_method",),
    "tracked": ("shipping_method",),
    "delivered_in_time": ("delivered_date", "ship_date", "shipping_method"),
    "shipping_method_name": ("shipping_method",),
    "shipping_method_name_zh": ("shipping_method",),
    "destination_country_name": ("destination_country",),
    "destination_country_name_zh": ("destination_country",),
    "marketplace_name": ("marketplace",),
    "marketplace_name_zh": ("marketplace",),
    "missing_value": ("unit_price", "missing_quantity"),
    "tracking_url": ("tracking_number",),
    "expected_earliest": ("ship_date", "shipping_method"),
    "expected_latest": ("ship_date", "shipping_method"),
    "ship_by": ("business_days",),
    "refund_requested": ("order_amount",),
    "partial_refund_asked": ("refund_asked",),
    "customs_region": ("destination_country",),
    "customs_region_name": ("destination_country",),
    "customs_region_name_zh": ("destination_country",),
    "vat_at_checkout": ("destination_country",),
    "vat_limit": ("destination_country",),
    "vat_limit_currency": ("destination_country",),
    "flat_duty": ("destination_country",),
    "flat_duty_currency": ("destination_country",),
    "taxes_at_checkout": ("destination_country",),
    "duty_free_ended": ("destination_country",),
}
TRACKING_URL = "https://t.17track.net/en#nums={}"
CASE_NAMES = ("case_id", "problem", "problem_zh")

# How a reply shows a computed value that can't be computed yet: by its own name ("[deadline]"),
# so the agent sees what is missing from the sentence, and the form tints the fields it needs.
COMPUTED_MARKERS: dict[str, Label] = {
    "deadline": Label("deadline", "截止日期"),
    "days_left": Label("days left", "剩余天数"),
    "deadline_passed": Label("deadline passed?", "是否已超时"),
    "promised_days": Label("promised days", "承诺运达天数"),
    "usual_days_min": Label("usual days", "通常天数"),
    "usual_days_max": Label("usual days", "通常天数"),
    "tracked": Label("tracked?", "是否可跟踪"),
    "delivered_in_time": Label("delivered in time?", "是否按时妥投"),
    "shipping_method_name": Label("shipping method", "物流方式"),
    "shipping_method_name_zh": Label("shipping method", "物流方式"),
    "destination_country_name": Label("country", "国家"),
    "destination_country_name_zh": Label("country", "国家"),
    "marketplace_name": Label("marketplace", "平台"),
    "marketplace_name_zh": Label("marketplace", "平台"),
    "missing_value": Label("value of the missing items", "缺失商品金额"),
    "tracking_url": Label("tracking link", "物流查询链接"),
    "expected_earliest": Label("expected date", "预计送达日期"),
    "expected_latest": Label("expected date", "预计送达日期"),
    "ship_by": Label("ship-by date", "最晚发货日期"),
    "refund_requested": Label("refund amount", "退款金额"),
    "customs_region": Label("customs rules", "海关规定"),
    "vat_at_checkout": Label("customs rules", "海关规定"),
    "taxes_at_checkout": Label("customs rules", "海关规定"),
    "duty_free_ended": Label("customs rules", "海关规定"),
}


def with_defaults(catalog: Catalog, values: Mapping[str, Value]) -> dict[str, Value | None]:
    """Every catalog field: the agent's value, else the field's default, else None."""
    return {name: values.get(name, spec.default) for name, spec in catalog.fields.items()}


def computed_values(
    catalog: Catalog, case: Case, fields: Mapping[str, Value | None], today: dt.date
) -> dict[str, Any]:
    scope: dict[str, Any] = dict.fromkeys(COMPUTED_SOURCES)
    scope.update(_shipping(catalog, case, fields, today))
    scope.update(_names(catalog, fields))
    scope.update(_customs(catalog, fields, today))
    scope.update(_order(fields, today))
    scope["case_id"] = case.id
    scope["problem"] = case.problem.en if case.problem else None
    scope["problem_zh"] = case.problem.zh if case.problem else None
    return scope


def _shipping(
    catalog: Catalog, case: Case, fields: Mapping[str, Value | None], today: dt.date
) -> dict[str, Any]:
    method = catalog.methods.get(str(fields.get("shipping_method")))
    if method is None:
        return {}
    country = fields.get("destination_country")
    promise = method.promise_for(str(country) if country else None)
    out: dict[str, Any] = {
        "promised_days": promise.promised_days,
        "usual_days_min": promise.usual_min,
        "usual_days_max": promise.usual_max,
        "tracked": method.tracked,
        "shipping_method_name": method.name.en,
        "shipping_method_name_zh": method.name.zh,
    }
    ship_date = fields.get("ship_date")
    if isinstance(ship_date, dt.date):
        deadline = deadline_for(method, str(country) if country else None, ship_date, today)
        out.update(deadline=deadline.date, days_left=deadline.days_left,
                   deadline_passed=deadline.passed,
                   expected_earliest=ship_date + dt.timedelta(days=promise.usual_min),
                   expected_latest=ship_date + dt.timedelta(days=promise.usual_max))
        out["delivered_in_time"] = _delivered_in_time(case, fields, deadline.date)
    return out


def _order(fields: Mapping[str, Value | None], today: dt.date) -> dict[str, Any]:
    out: dict[str, Any] = {}
    unit_price, missing = fields.get("unit_price"), fields.get("missing_quantity")
    if isinstance(unit_price, Decimal) and isinstance(missing, int):
        out["missing_value"] = unit_price * missing
    # The refund the buyer asked for, else the whole order (the playbook's wrong-item rule).
    asked, total = fields.get("refund_asked"), fields.get("order_amount")
    out["refund_requested"] = asked or total
    out["partial_refund_asked"] = isinstance(asked, Decimal) and (
        not isinstance(total, Decimal) or asked < total)
    tracking = fields.get("tracking_number")
    if tracking:
        out["tracking_url"] = TRACKING_URL.format(quote(str(tracking), safe=""))
    days = fields.get("business_days")
    if isinstance(days, int):
        out["ship_by"] = add_business_days(today, days)
    return out


def add_business_days(start: dt.date, days: int) -> dt.date:
    """`days` working days (Monday to Friday) after `start`."""
    date = start
    while days > 0:
        date += dt.timedelta(days=1)
        days -= date.weekday() < 5  # noqa: PLR2004 (Saturday is 5)
    return date


def _customs(catalog: Catalog, fields: Mapping[str, Value | None],
             today: dt.date) -> dict[str, Any]:
    country = fields.get("destination_country")
    if not country:
        return {}
    order_date, amount = fields.get("order_date"), fields.get("order_amount")
    facts = facts_for(catalog.customs, str(country),
                      order_date if isinstance(order_date, dt.date) else today,
                      amount if isinstance(amount, Decimal) else None,
                      str(fields.get("currency") or "") or None)
    return {
        "customs_region": facts.region,
        "customs_region_name": facts.region_name.en if facts.region_name else None,
        "customs_region_name_zh": facts.region_name.zh if facts.region_name else None,
        "vat_at_checkout": facts.vat_at_checkout,
        "vat_limit": facts.vat_limit.amount if facts.vat_limit else None,
        "vat_limit_currency": facts.vat_limit.currency if facts.vat_limit else None,
        "flat_duty": facts.flat_duty.amount if facts.flat_duty else None,
        "flat_duty_currency": facts.flat_duty.currency if facts.flat_duty else None,
        "taxes_at_checkout": facts.taxes_at_checkout,
        "duty_free_ended": facts.duty_free_ended,
    }


def _delivered_in_time(
    case: Case, fields: Mapping[str, Value | None], deadline: dt.date
) -> bool:
    # Only a parcel the tracking shows delivered, on a date the agent entered, can have met
    # its deadline; for it the deadline rule applies only when the delivery came too late.
    delivered = fields.get("delivered_date")
    if "delivered_date" not in case.fields or not isinstance(delivered, dt.date):
        return False
    return delivered <= deadline


def _names(catalog: Catalog, fields: Mapping[str, Value | None]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    country = catalog.countries.get(str(fields.get("destination_country")))
    if country:
        out["destination_country_name"] = country.en
        out["destination_country_name_zh"] = country.zh
    marketplace = catalog.fields["marketplace"].choices.get(str(fields.get("marketplace")))
    if marketplace:
        # "Other" is no name a buyer would recognise in a sentence.
        other = fields.get("marketplace") == "other"
        out["marketplace_name"] = "the website" if other else marketplace.en
        out["marketplace_name_zh"] = "网站" if other else marketplace.zh
    return out
