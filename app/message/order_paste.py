"""Reading a pasted order: "Label: value" lines from an order page or an ERP, or a copied
spreadsheet row under its header row, into order fields (resources/order_labels.yaml).

A value is taken only when it looks like what its field holds (an order number has digits, a
date is a date), so a sentence that happens to start with "Order:" fills nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from itertools import pairwise
from pathlib import Path
from typing import NamedTuple

from app.catalog.dates import DateError, parse_date
from app.catalog.field_types import FieldType
from app.catalog.fields import FieldSpec
from app.data.layered import DataLayers, read_resource
from app.data.yaml_lines import LineDict
from app.errors import SourceError

_SEPARATOR = re.compile(r"\s*[:：]\s*|\t+")
_LABEL_END = re.compile(r"[\s:：.#]+$")
# A date inside a cell ("2026/10/20 14:33", "发货时间 2026年10月20日"): the one parser reads it.
_DATE = re.compile(r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}(?:\s*日)?|\d{8}")
_NUMBER = re.compile(r"\d+(?:[.,]\d{1,2})?")
_CURRENCY = re.compile(r"\b(USD|EUR|GBP|RUB|BRL|CNY)\b|(US\s*\$)|(€)", re.IGNORECASE)
MAX_LABEL = 30
MAX_VALUE = 200
MAX_TEXT = 80  # a longer "value" is a sentence, not an order fact
MIN_ORDER_DIGITS = 6
MIN_COLUMNS = 2  # a copied spreadsheet row: a header line and a row, tab-separated


class OrderLabels(NamedTuple):
    fields: Mapping[str, str]  # normalised label → field name
    types: Mapping[str, FieldType]  # field name → its type (how its value is cleaned)

    def read(self, text: str) -> dict[str, str]:
        """The order fields the text gives, first value of each field wins."""
        return self.split(text)[0]

    def split(self, text: str) -> tuple[dict[str, str], str]:
        """The order fields, and the rest of the text: the lines no label was found on
        (the buyer's own words, for the classifier)."""
        values: dict[str, str] = {}
        used: set[int] = set()
        lines = text.splitlines()
        for numbers, label, raw in _pairs(lines):
            field = self.fields.get(_label_key(label))
            value = _clean(field, self.types.get(field), raw) if field else None
            if field is None or value is None:
                continue  # "Order: I still don't have it!" stays the buyer's words
            used |= numbers
            values.setdefault(field, value)
        if "order_amount" in values and "currency" not in values:
            currency = _currency(text)
            if currency:
                values["currency"] = currency
        return values, "\n".join(line for n, line in enumerate(lines) if n not in used)


def _pairs(lines: list[str]) -> Iterator[tuple[set[int], str, str]]:
    """(the lines it came from, label, value) for every label-and-value the lines hold."""
    filled = [(n, line.strip()) for n, line in enumerate(lines) if line.strip()]
    for n, line in filled:  # "Order No.: 8123…", "订单号：8123…", "Order No.<TAB>8123…"
        parts = _SEPARATOR.split(line, maxsplit=1)
        if len(parts) == 2 and 0 < len(parts[0]) <= MAX_LABEL:  # noqa: PLR2004 (label, value)
            yield {n}, parts[0], parts[1]
    for (n, header), (m, row) in pairwise(filled):  # a spreadsheet's header and a row
        names, cells = header.split("\t"), row.split("\t")
        if len(names) >= MIN_COLUMNS and len(names) == len(cells):
            for name, cell in zip(names, cells, strict=True):
                yield {n, m}, name, cell


def _label_key(label: str) -> str:
    return " ".join(_LABEL_END.sub("", label).casefold().split())


def _clean(field: str, kind: FieldType | None, raw: str) -> str | None:
    """The value as its field takes it, or None when it doesn't look like one."""
    value = raw.strip()[:MAX_VALUE]
    shape = _SHAPES.get(field)
    if shape is not None:
        return shape(value)
    cleaner = _CLEANERS.get(kind) if kind is not None else None
    if cleaner is not None:
        return cleaner(value)
    return value if len(value) <= MAX_TEXT and value else None


def _date(value: str) -> str | None:
    found = _DATE.search(value)
    try:
        return parse_date(found.group()).isoformat() if found else None
    except DateError:
        return None


def _number(value: str) -> str | None:
    number = _NUMBER.search(value)
    return number.group() if number else None


def _order_id(value: str) -> str | None:
    return value if sum(c.isdigit() for c in value) >= MIN_ORDER_DIGITS \
        and " " not in value else None


def _tracking_number(value: str) -> str | None:
    return value.upper() if re.fullmatch(r"[A-Za-z0-9]{8,40}", value) else None


def _currency(text: str) -> str | None:
    found = _CURRENCY.search(text)
    if found is None:
        return None
    if found.group(2):
        return "USD"
    return "EUR" if found.group(3) else found.group(1).upper()


def load_order_labels(path: Path | None = None,
                      fields: Mapping[str, FieldSpec] | None = None,
                      layers: DataLayers | None = None) -> OrderLabels:
    """Read order_labels.yaml (`path`, else through the layers); SourceError (file:line) for
    an unknown field or a label that two fields claim."""
    data, where = read_resource("order_labels.yaml", path, layers)
    labels = data.get("labels")
    if not isinstance(labels, LineDict):
        raise SourceError(where, 1, "expected 'labels:' with a list of labels per field")
    found: dict[str, str] = {}
    for field, names in labels.items():
        line = labels.line_of(field)
        if fields is not None and field not in fields:
            raise SourceError(where, line, f"no field {field!r} (see fields.yaml)")
        if not isinstance(names, list):
            raise SourceError(where, line, f"{field}: expected a list of labels")
        for name in names:
            key = _label_key(str(name))
            if found.get(key, field) != field:
                raise SourceError(where, line, f"label {name!r} is already {found[key]!r}'s")
            found[key] = field
    types = {name: spec.type for name, spec in (fields or {}).items()}
    return OrderLabels(found, types)


# Text fields whose values have a shape of their own; other fields are cleaned by their type.
_SHAPES: dict[str, Callable[[str], str | None]] = {
    "order_id": _order_id, "tracking_number": _tracking_number}
_CLEANERS: dict[FieldType, Callable[[str], str | None]] = {
    FieldType.DATE: _date, FieldType.MONEY: _number, FieldType.INT: _number,
    FieldType.CURRENCY: _currency}
