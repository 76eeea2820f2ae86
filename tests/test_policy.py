"""Every playbook rule, with its boundaries."""

import datetime as dt
from decimal import Decimal

import pytest

from app.errors import SourceError

NOT_RECEIVED = ["not-received-no-tracking", "not-received-in-transit", "not-received-overdue",
                "not-received-delivered", "not-received-delayed", "returned-to-sender"]
# The cases whose parcel is somewhere on its way: past the deadline, the overdue reply.
ON_ITS_WAY = ["not-received-in-transit", "not-received-overdue", "not-received-delayed"]


# Quality: photos first; minor → $1–2 or discount; serious → resend or full refund.
@pytest.mark.parametrize("case", ["quality-stained", "quality-defective",
                                  "quality-transit-damage"])
def test_quality_without_photos_offers_nothing_and_asks_for_them(compose, case):
    result = compose(case, photos_received="no", severity="serious")
    assert result.suggestion.action_ids == ()
    assert result.suggestion.refund is None
    assert any("photo" in check.en.lower() for check in result.suggestion.checks)
    assert "photo" in result.reply.lower()
    assert "refund" not in result.reply.lower()


@pytest.mark.parametrize("case", ["quality-stained", "quality-defective",
                                  "quality-transit-damage"])
def test_quality_serious_gives_resend_or_full_refund_of_the_order(compose, case):
    result = compose(case, severity="serious", order_amount="25.80")
    assert result.suggestion.action_ids == ("resend", "full_refund")
    refund = result.suggestion.refund
    assert (refund.min, refund.max, refund.currency) == (Decimal("25.80"), Decimal("25.80"), "USD")
    assert "$25.80" in result.reply


def test_quality_minor_gives_one_to_two_dollars_or_a_discount(compose):
    result = compose("quality-defective", severity="minor")
    assert result.suggestion.action_ids == ("partial_refund", "next_order_discount")
    assert (result.suggestion.refund.min, result.suggestion.refund.max) == (1, 2)


def test_stained_offers_the_cleaning_cost_first(compose):
    result = compose("quality-stained", severity="minor")
    assert result.suggestion.action_ids[0] == "reimburse_cost"
    assert "clean" in result.reply.lower()


# Wrong item.
def test_wrong_item_needs_photos_of_the_sku_sticker(compose):
    result = compose("wrong-item", photos_received="no")
    assert result.suggestion.action_ids == ()
    checks = " ".join(c.en for c in result.suggestion.checks)
    assert "SKU sticker" in checks and "who packed it" in checks
    assert "sticker" in result.reply.lower()


def test_wrong_item_first_tries_to_let_the_buyer_keep_it(compose):
    result = compose("wrong-item", buyer_keeps="unknown")
    assert result.suggestion.action_ids == ("partial_refund", "next_order_discount")


def test_wrong_item_buyer_insists_gets_resend_or_refund(compose):
    result = compose("wrong-item", buyer_keeps="no")
    assert result.suggestion.action_ids == ("resend", "full_refund")
    assert result.suggestion.refund.max == Decimal("25.80")


def test_wrong_item_the_right_item_is_resent_after_checking_the_address(compose):
    result = compose("wrong-item", buyer_keeps="exchange")
    assert result.suggestion.action_ids == ("resend",) and result.suggestion.refund is None
    assert result.suggestion.template == "wrong-item-resend"
    assert any("address" in c.en for c in result.suggestion.checks)
    assert "refund" not in result.reply.lower()


def test_wrong_item_a_refund_is_what_the_buyer_asked_for(compose):
    result = compose("wrong-item", buyer_keeps="refund")
    assert result.suggestion.action_ids == ("full_refund",)
    assert result.suggestion.refund.max == Decimal("25.80")
    assert result.suggestion.template == "wrong-item-refund"
    assert "$25.80" in result.reply and "25.80" in result.gloss


# Missing.
def test_missing_item_refund_is_unit_price_times_missing_quantity(compose):
    result = compose("missing-item", unit_price="12.90", missing_quantity="3")
    assert result.suggestion.action_ids == ("resend", "partial_refund")
    assert result.suggestion.refund.max == Decimal("38.70")
    assert any("weight" in c.en for c in result.suggestion.checks)
    assert "$38.70" in result.reply


@pytest.mark.parametrize(("spare", "actions"), [
    ("yes", ("resend",)), ("no", ("partial_refund",)), ("unknown", ("resend", "partial_refund")),
])
def test_missing_accessory_resends_only_with_a_spare(compose, spare, actions):
    result = compose("missing-accessory", spare_available=spare)
    assert result.suggestion.action_ids == actions
    assert any("corners" in c.en for c in result.suggestion.checks)
    assert "corner" in result.reply.lower()


# Shipping and customs.
def test_changed_method_refunds_up_to_the_extra_fee(compose):
    result = compose("shipping-method-changed", extra_fee="4.50")
    assert result.suggestion.action_ids == ("partial_refund",)
    assert (result.suggestion.refund.min, result.suggestion.refund.max) == (0, Decimal("4.50"))


def test_changed_method_without_extra_fee_gives_nothing(compose):
    for fee in ("0", ""):
        assert compose("shipping-method-changed", extra_fee=fee).suggestion.action_ids == ()


def test_customs_tax_is_at_most_part_of_the_tax_or_a_discount(compose):
    result = compose("customs-tax", tax_amount="6.00")
    assert set(result.suggestion.action_ids) == {"next_order_discount", "partial_refund"}
    assert result.suggestion.refund.max == Decimal("3.00")  # half: never the whole of it
    assert result.suggestion.refund.max < Decimal("6.00")


def test_customs_tax_in_the_eu_checks_the_ioss_declaration(compose):
    result = compose("customs-tax", destination_country="FR", currency="EUR")
    assert any("IOSS" in c.en for c in result.suggestion.checks)
    assert not any("IOSS" in c.en for c in compose("customs-tax").suggestion.checks)


def test_empty_parcel_gives_no_refund_at_first_contact(compose):
    result = compose("empty-parcel")
    assert result.suggestion.action_ids == ()
    checks = " ".join(c.en for c in result.suggestion.checks)
    assert "broken" in checks and "weight" in checks


# Not received: deadlines.
def test_small_packet_deadline_is_sixty_days_after_shipping(compose, today):
    result = compose("not-received-in-transit", ship_date="2026-10-20")
    assert result.suggestion.deadline == dt.date(2026, 12, 19)
    assert result.suggestion.days_left == 23
    assert result.suggestion.action_ids == ("wait",)
    assert "23 days" in result.reply and "19 December 2026" in result.reply


def test_brazil_gets_ninety_days_by_small_packet(compose):
    brazil = compose("not-received-in-transit", ship_date="2026-10-20", destination_country="BR")
    assert brazil.suggestion.deadline == dt.date(2027, 1, 18)


def test_epacket_promises_27_days_everywhere(compose):
    for country in ("US", "BR"):
        result = compose("not-received-in-transit", shipping_method="epacket",
                         ship_date="2026-10-20", destination_country=country)
        assert result.suggestion.deadline == dt.date(2026, 11, 16)


@pytest.mark.parametrize("case", ON_ITS_WAY)
def test_on_the_deadline_day_no_case_refunds_yet(compose, case):
    # 2026-09-27 + 60 days = 2026-11-26 = today.
    result = compose(case, ship_date="2026-09-27", delivered_date="")
    assert result.suggestion.days_left == 0
    assert "end of today" in result.reply
    assert result.suggestion.template != "not-received-overdue"
    assert not any("passed" in r.en for r in result.suggestion.reasons)


@pytest.mark.parametrize("case", ON_ITS_WAY)
def test_the_day_after_the_deadline_a_parcel_on_its_way_is_refunded(compose, case):
    result = compose(case, ship_date="2026-09-26", delivered_date="")
    assert result.suggestion.days_left == -1
    assert result.suggestion.action_ids == ("full_refund", "resend")
    assert result.suggestion.refund.max == Decimal("25.80")
    assert any("passed" in r.en for r in result.suggestion.reasons)
    assert "wait" not in result.reply.lower()
    assert "-1" not in result.reply


def test_epacket_deadline_boundary(compose):
    on_day = compose("not-received-in-transit", shipping_method="epacket", ship_date="2026-10-30")
    after = compose("not-received-in-transit", shipping_method="epacket", ship_date="2026-10-29")
    assert (on_day.suggestion.days_left, on_day.suggestion.action_ids) == (0, ("wait",))
    assert after.suggestion.action_ids == ("full_refund", "resend")


def test_in_transit_reply_says_the_days_left_and_the_new_dispute(compose):
    result = compose("not-received-in-transit", ship_date="2026-10-20")
    assert "new dispute" in result.reply.lower()


def test_overdue_case_picked_too_early_still_waits(compose):
    result = compose("not-received-overdue", ship_date="2026-11-01")
    assert result.suggestion.action_ids == ("wait",)
    assert result.suggestion.template == "not-received-in-transit"


def test_no_tracking_resends_and_extends_protection(compose):
    result = compose("not-received-no-tracking", ship_date="2026-11-10")
    assert result.suggestion.action_ids == ("resend", "full_refund")
    assert any("30 days" in c.en for c in result.suggestion.checks)
    assert "30 days" in result.reply
    assert "lost" not in result.reply.lower()
    # The reply extends protection by 30 days: the deadline shown includes them.
    assert result.suggestion.deadline == dt.date(2026, 11, 10) + dt.timedelta(days=60 + 30)
    assert result.suggestion.days_left == 44 + 30


def test_delivered_in_time_never_refunds_even_after_the_deadline(compose):
    result = compose("not-received-delivered", ship_date="2026-08-01",
                     delivered_date="2026-09-10")
    assert result.suggestion.deadline is None  # the deadline decides nothing for it
    assert result.suggestion.action_ids == ("no_refund",)
    assert "neighbo" in result.reply.lower() and "post office" in result.reply.lower()


def test_delayed_asks_to_wait_and_call_the_post_office(compose):
    result = compose("not-received-delayed")
    assert result.suggestion.action_ids == ("wait",)
    assert "post office" in result.reply.lower()


def test_returned_for_an_unknown_reason_refunds_or_resends(compose):
    result = compose("returned-to-sender", return_reason="unknown")
    assert result.suggestion.action_ids == ("full_refund", "resend")


@pytest.mark.parametrize(("reason", "check"), [("address", "address"),
                                               ("not_collected", "collect")])
def test_returned_for_address_or_pickup_resends_or_refunds(compose, reason, check):
    result = compose("returned-to-sender", return_reason=reason)
    assert result.suggestion.action_ids == ("resend", "full_refund")
    checks = " ".join(c.en for c in result.suggestion.checks)
    assert check in checks and "once they agree" in checks


@pytest.mark.parametrize("case", ["order-unpaid", "order-payment-confirmed", "order-shipped",
                                  "order-delivery-check", "order-received-thanks",
                                  "order-feedback-request"])
def test_order_flow_carries_no_compensation(compose, case):
    result = compose(case)
    assert result.suggestion.action_ids == () and result.suggestion.refund is None


def test_missing_ship_date_is_reported_not_guessed(compose):
    result = compose("not-received-in-transit", ship_date="")
    assert "ship_date" in result.missing_fields
    assert result.suggestion.days_left is None
    # The sentence names what it lacks (the deadline, the days left), not the input behind it.
    assert "[deadline]" in result.reply and "[days left]" in result.reply
    assert "[ship date]" not in result.reply
    deadline = next(m for m in result.markers if m.text == "[deadline]")
    assert deadline.needs == ("ship_date",)


def test_only_fields_of_the_cases_form_are_reported_missing(compose):
    # The deadline rule shared by the not-received cases reads the delivered date, which the
    # in-transit form doesn't have: it must not be asked for.
    result = compose("not-received-in-transit", delivered_date="", ship_date="")
    assert "delivered_date" not in result.missing_fields
    assert set(result.missing_fields) <= set(result.case.fields)


def test_a_rule_with_an_action_outside_the_vocabulary_is_named_with_its_line(tmp_path):
    from app.data.bundled import bundled_dir
    from tests.test_errors import load_policy_text

    original = (bundled_dir("resources") / "policy.yaml").read_text(encoding="utf-8")
    broken = original.replace("actions: [reimburse_cost,", "actions: [reimburse_costs,", 1)
    line = next(i for i, text in enumerate(broken.splitlines(), 1) if "reimburse_costs" in text)
    with pytest.raises(SourceError) as err:
        load_policy_text(tmp_path, broken)
    assert err.value.line == line
    assert "unknown action 'reimburse_costs'" in str(err.value)
    assert "did you mean reimburse_cost" in str(err.value)


def test_every_reason_quotes_its_playbook_rule(composer):
    for reason in composer.policy.reasons.values():
        assert reason.rule and reason.en


def test_fields_a_case_does_not_use_are_ignored(compose):
    result = compose("quality-stained", ship_date="2026-01-01",
                     shipping_method="epacket", destination_country="US")
    assert result.suggestion.deadline is None and result.suggestion.days_left is None
