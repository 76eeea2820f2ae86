"""The playbook's rules, exactly, at their boundaries (scenarios written from the playbook:
shared/seed/playbook.txt rules 2, 4, 5, 6, 8 and 10)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from app.compose.composer import Composer

NOT_DELIVERED_PHRASES = ("hasn't reached you", "has not reached you", "still hasn't arrived",
                         "hasn't arrived yet")


# Rule 8: tracking says delivered -> never a refund.
@pytest.mark.parametrize("delivered_date", ["", "2026-09-10", "2026-11-20"])
def test_delivered_is_never_refunded_whatever_the_dates(compose, delivered_date):
    result = compose("not-received-delivered", ship_date="2026-08-01",
                     delivered_date=delivered_date)
    assert result.suggestion.deadline is None  # it decides nothing here: not shown
    assert result.suggestion.action_ids == ("no_refund",)
    assert result.suggestion.refund is None
    assert result.suggestion.template == "not-received-delivered"
    assert not any(phrase in result.reply.lower() for phrase in NOT_DELIVERED_PHRASES)


def with_constants(composer: Composer, **constants: object) -> Composer:
    policy = composer.policy._replace(constants={**composer.policy.constants, **constants})
    return Composer(composer.catalog, policy, composer.library)


def test_delivered_after_the_deadline_is_a_team_choice(composer, today):
    team = with_constants(composer, delivered_after_deadline="refund")
    order = {"ship_date": dt.date(2026, 8, 1), "shipping_method": "china-post-small-packet",
             "destination_country": "US", "tracking_number": "LP123456789CN",
             "order_amount": Decimal("25.80")}
    late = team.compose("not-received-delivered", {**order, "delivered_date":
                                                   dt.date(2026, 11, 20)}, today)
    assert late.suggestion.action_ids == ("full_refund", "resend")
    assert late.suggestion.template == "not-received-delivered-late"
    on_time = team.compose("not-received-delivered", {**order, "delivered_date":
                                                      dt.date(2026, 9, 29)}, today)
    assert on_time.suggestion.action_ids == ("no_refund",)  # 2026-08-01 + 60 = 2026-09-30
    undated = team.compose("not-received-delivered", order, today)
    assert undated.suggestion.action_ids == ("no_refund",)  # "late" needs the date


def test_the_default_team_setting_needs_no_ship_date_for_a_delivered_parcel(compose):
    # The deadline only matters if the team chose the deadline rule: no field is asked for it.
    result = compose("not-received-delivered", ship_date="", shipping_method="")
    assert not {"ship_date", "shipping_method"} & set(result.missing_fields)


# Rule 10: returned -> refund or resend, every branch, before and after the deadline.
@pytest.mark.parametrize("ship_date", ["2026-11-01", "2026-08-01"])
@pytest.mark.parametrize(("reason", "template"), [
    ("unknown", "returned-to-sender"), ("address", "returned-to-sender-address"),
    ("not_collected", "returned-to-sender-uncollected")])
def test_returned_is_refund_or_resend_in_every_branch(compose, ship_date, reason, template):
    result = compose("returned-to-sender", ship_date=ship_date, return_reason=reason)
    assert set(result.suggestion.action_ids) == {"full_refund", "resend"}
    assert result.suggestion.template == template
    assert result.suggestion.refund.max == Decimal("25.80")
    checks = " ".join(c.en for c in result.suggestion.checks)
    assert "once they agree" in checks


def test_returned_for_the_address_rechecks_it_and_uncollected_reminds_to_collect(compose):
    address = compose("returned-to-sender", return_reason="address")
    uncollected = compose("returned-to-sender", return_reason="not_collected")
    assert "address" in address.reply.lower()
    assert "collect" in uncollected.reply.lower() and "address" in uncollected.reply.lower()


# Rule 5: China Post small packet, registered or not: 60 days, Brazil 90.
@pytest.mark.parametrize("method", ["china-post-small-packet", "china-post-registered"])
@pytest.mark.parametrize(("country", "days"), [("US", 60), ("RU", 60), ("BR", 90)])
def test_china_post_promises_sixty_days_and_ninety_to_brazil(compose, method, country, days):
    result = compose("not-received-in-transit", shipping_method=method,
                     destination_country=country, ship_date="2026-10-20")
    assert result.suggestion.deadline == dt.date(2026, 10, 20) + dt.timedelta(days=days)


def test_only_the_playbooks_methods_are_marked_as_the_playbooks(composer):
    sources = {m.id: m.source for m in composer.catalog.methods.values()}
    assert {m for m, s in sources.items() if s == "playbook"} == {
        "china-post-small-packet", "china-post-registered", "epacket"}
    assert set(sources.values()) == {"playbook", "store"}


# Rule 4: customs -> at most part of the tax.
@pytest.mark.parametrize("country", ["US", "DE", "GB", "BR", "CA"])
def test_customs_never_offers_the_whole_tax(compose, country):
    result = compose("customs-tax", destination_country=country, tax_amount="8.00")
    assert Decimal(0) < result.suggestion.refund.max < Decimal("8.00")


@pytest.mark.parametrize(("order_date", "flat_duty"), [("2026-06-30", False),
                                                       ("2026-07-01", True)])
def test_eu_customs_facts_follow_the_order_date(compose, order_date, flat_duty):
    result = compose("customs-tax", destination_country="DE", currency="EUR",
                     order_date=order_date)
    assert "IOSS" in " ".join(c.en for c in result.suggestion.checks)
    assert ("3.00" in result.reply) is flat_duty  # the €3 duty per item category


@pytest.mark.parametrize(("country", "words"), [
    ("GB", "135"), ("BR", "Remessa Conforme"), ("US", "duty-free"), ("DE", "150")])
def test_the_customs_reply_says_what_is_true_for_the_country(compose, country, words):
    currency = {"GB": "GBP", "DE": "EUR"}.get(country, "USD")
    result = compose("customs-tax", destination_country=country, currency=currency)
    assert words in result.reply


# Rule 6: not shipped -> the honest out-of-stock reply, before and after the deadline.
def test_not_shipped_past_the_deadline_keeps_the_honest_reply(compose):
    result = compose("not-received-no-tracking", ship_date="2026-08-01")
    assert result.suggestion.template == "not-received-no-tracking"
    assert set(result.suggestion.action_ids) == {"full_refund", "resend"}
    text = result.reply.lower()
    assert "again" not in text and "lost" not in text  # it never left: nothing to "resend again"


# Amounts the playbook doesn't give are fields or team settings, not a borrowed $1-2.
def test_a_missing_accessory_without_a_spare_refunds_its_value(compose):
    result = compose("missing-accessory", spare_available="no", accessory_value="4.20")
    assert (result.suggestion.refund.min, result.suggestion.refund.max) == (
        Decimal("4.20"), Decimal("4.20"))
    assert "belt" in result.reply  # names what the buyer told us


def test_keeping_a_wrong_item_is_offered_the_team_setting(compose, composer):
    result = compose("wrong-item")
    assert result.suggestion.refund.max == composer.policy.constants["keep_item_refund_max"]


def test_a_wrong_item_refund_is_what_the_buyer_asked(compose):
    part = compose("wrong-item", buyer_keeps="refund", refund_asked="10.00")
    whole = compose("wrong-item", buyer_keeps="refund")
    assert (part.suggestion.action_ids, part.suggestion.refund.max) == (
        ("partial_refund",), Decimal("10.00"))
    assert (whole.suggestion.action_ids, whole.suggestion.refund.max) == (
        ("full_refund",), Decimal("25.80"))
    assert "full refund" not in part.reply.lower()


def test_the_discount_has_an_amount(compose):
    result = compose("quality-defective", discount_amount="5")
    row = next(r for r in result.suggestion.actions if r.action == "next_order_discount")
    assert row.amount == "US$5.00"
