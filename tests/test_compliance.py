"""Marketplace-rule warnings on what the agent is about to send."""

import pytest

from app.review.compliance import check_reply


@pytest.mark.parametrize("text", [
    "Please cancel the dispute and we will refund you.",
    "If you leave positive feedback, we will send you a discount coupon.",
    "We will resend it after you close the case.",
    "Please confirm receipt, then we will give you a partial refund.",
])
def test_conditional_offers_are_flagged(text):
    assert [w.code for w in check_reply(text)] == ["conditional"]


@pytest.mark.parametrize("text", [
    "We will give you a full refund. If you have a moment, please leave us feedback.",
    "If it doesn't arrive by then, you can open a new dispute and we will refund you.",
    "Track it at https://t.17track.net/en#nums=LP123456789CN.",
])
def test_honest_wording_passes(text):
    assert check_reply(text) == []


@pytest.mark.parametrize(("text", "code"), [
    ("Write to me at lily@example.com", "contact"),
    ("Add me on WhatsApp", "contact"),
    ("Call +86 138 0013 8000", "contact"),
    ("See https://example.com/deal", "link"),
])
def test_off_platform_contact_and_links_are_flagged(text, code):
    assert code in [w.code for w in check_reply(text)]


def test_every_bundled_reply_is_clean(compose, composer):
    from tests.samples import BRANCHES

    for case, extra in [(c, {}) for c in composer.catalog.cases] + BRANCHES:
        reply = compose(case, **extra).reply
        assert check_reply(reply) == [], (case, reply)
