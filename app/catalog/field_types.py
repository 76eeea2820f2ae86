"""The kinds of order field (a leaf module: the window's form imports it to pick widgets)."""

from __future__ import annotations

from enum import Enum


class FieldType(str, Enum):
    """What a field holds; it decides how typed text is parsed, which widget the form shows
    and how a pasted value is cleaned. The values are the `type:` words of fields.yaml."""

    TEXT = "text"
    INT = "int"
    MONEY = "money"
    DATE = "date"
    CHOICE = "choice"  # one of the field's own `choices`
    COUNTRY = "country"  # an ISO code from countries.yaml
    SHIPPING_METHOD = "shipping_method"  # an id from shipping.yaml
    CURRENCY = "currency"  # a code from fields.yaml's `currencies`
