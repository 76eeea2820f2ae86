"""Sample orders shared by the tests (raw strings, as an agent or the CLI types them)."""

TODAY = "2026-11-26"

FULL_ORDER: dict[str, str] = {
    "buyer_name": "Maria",
    "order_id": "8123456789012345",
    "item": "white cotton T-shirt",
    "quantity": "2",
    "order_amount": "25.80",
    "currency": "USD",
    "order_date": "2026-10-01",
    "ship_date": "2026-10-20",
    "shipping_method": "china-post-small-packet",
    "destination_country": "US",
    "tracking_number": "LP123456789CN",
    "tracking_status": "Arrived at the destination country",
    "delivered_date": "2026-11-15",
    "business_days": "3",
    "severity": "minor",
    "photos_received": "yes",
    "buyer_keeps": "unknown",
    "spare_available": "yes",
    "extra_fee": "4.50",
    "tax_amount": "6.00",
    "missing_quantity": "1",
    "unit_price": "12.90",
    "return_reason": "unknown",
    "marketplace": "aliexpress",
    "store_name": "Sunny Fashion Store",
    "agent_name": "Lily",
}

# Variations that steer a case to each of its policy's other templates.
BRANCHES: list[tuple[str, dict[str, str]]] = [
    ("quality-stained", {"photos_received": "no"}),
    ("quality-stained", {"severity": "serious"}),
    ("quality-defective", {"severity": "serious"}),
    ("wrong-item", {"photos_received": "no"}),
    ("wrong-item", {"buyer_keeps": "no"}),
    ("wrong-item", {"buyer_keeps": "exchange"}),
    ("wrong-item", {"buyer_keeps": "refund"}),
    ("missing-accessory", {"spare_available": "no"}),
    ("missing-accessory", {"spare_available": "unknown"}),
    ("shipping-method-changed", {"extra_fee": "0"}),
    ("customs-tax", {"destination_country": "DE", "currency": "EUR"}),
    ("not-received-in-transit", {"ship_date": "2026-09-01"}),
    ("not-received-overdue", {"ship_date": "2026-08-01"}),
    ("not-received-delivered", {"ship_date": "2026-08-01", "delivered_date": "2026-11-20"}),
    ("returned-to-sender", {"return_reason": "address"}),
    ("returned-to-sender", {"return_reason": "not_collected"}),
    ("order-delivery-check", {"marketplace": "dhgate"}),
    ("order-feedback-request", {"marketplace": "other"}),
]
