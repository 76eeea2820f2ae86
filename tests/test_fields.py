"""Values typed the way agents and buyers write them."""

from decimal import Decimal

import pytest

from app.catalog.catalog import load_catalog

CATALOG = load_catalog()


@pytest.mark.parametrize(("raw", "amount"), [
    ("23,50", "23.50"), ("1,234.50", "1234.50"), ("$12.5", "12.50"), ("€7", "7.00"),
    ("0", "0.00"),
])
def test_money_accepts_decimal_commas_and_thousands(raw, amount):
    assert CATALOG.parse("order_amount", raw) == Decimal(amount)


@pytest.mark.parametrize("raw", ["1,2345", "12,5,0", "ten"])
def test_ambiguous_money_is_refused_not_guessed(raw):
    with pytest.raises(Exception, match="not an amount"):
        CATALOG.parse("order_amount", raw)


@pytest.mark.parametrize(("field", "raw", "value"), [
    ("destination_country", "de", "DE"), ("destination_country", "Germany", "DE"),
    ("destination_country", "德国", "DE"), ("shipping_method", "ePacket", "epacket"),
    ("shipping_method", "China Post small packet", "china-post-small-packet"),
    ("severity", "SERIOUS", "serious"),
])
def test_closed_lists_take_ids_and_names(field, raw, value):
    assert CATALOG.parse(field, raw) == value


def test_a_label_shows_one_language_beside_the_other():
    from app.catalog.labels import Label

    label = Label("Quality", "质量问题")
    assert (label.other("en"), label.other("zh")) == ("质量问题", "Quality")
    assert label.both("zh") == "质量问题  ·  Quality"
    assert label.both("en", " · ") == "Quality · 质量问题"
