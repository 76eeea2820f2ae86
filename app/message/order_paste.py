"""Reading a pasted order: "Label: value" lines from an order page or an ERP, or a copied
spreadsheet row under its header row, into order fields (resources/order_labels.yaml).

A value is taken only when it looks like what its field holds (an order number has digits, a
date is a date), so a sentence that happens to start with "Order:" fills nothing.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Mapping
from itertools import pairwise
from pathlib import Path
from typing import NamedTuple

from app.data.bundled import bundled_dir
from app.data.yaml_lines import LineDict, load_yaml_file
from app.errors import SourceError

_SEPARATOR = re.compile(r"\s*[:：]\s*|\t+")
_LABEL_END = re.compile(r"[\s:：.#]+$")
_DATE = re.compile(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})")
_NUMBER = re.compile(r"\d+(?:[.,]\d{1,2})?")
_CURRENCY = re.compile(r"\b(USD|EUR|GBP|RUB|BRL|CNY)\b|(US\s*\$)|(€)", re.IGNORECASE)
MAX_LABEL = 30
MAX_VALUE = 200


class OrderLabels(NamedTuple):
    fields: Mapping[str, str]  # normalised label → field name

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
            value = _clean(field, raw) if field else None
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
        if len(parts) == 2 and 0 < len(parts[0]) <= MAX_LABEL:
            yield {n}, parts[0], parts[1]
    for (n, header), (m, row) in pairwise(filled):  # a spreadsheet's header and a row
        names, cells = header.split("\t"), row.split("\t")
        if len(names) >= 2 and len(names) == len(cells):
            for name, cell in zip(names, cells, strict=True):
                yield {n, m}, name, cell


def _label_key(label: str) -> str:
    return " ".join(_LABEL_END.sub("", label).casefold().split())


def _clean(field: str, raw: str) -> str | None:
    value = raw.strip()[:MAX_VALUE]
    if field in ("ship_date", "order_date", "delivered_date"):
        date = _DATE.search(value)
        return f"{date[1]}-{int(date[2]):02d}-{int(date[3]):02d}" if date else None
    if field == "order_id":
        return value if sum(c.isdigit() for c in value) >= 6 and " " not in value else None
    if field == "tracking_number":
        return value.upper() if re.fullmatch(r"[A-Za-z0-9]{8,40}", value) else None
    if field in ("order_amount", "quantity"):
        number = _NUMBER.search(value)
        return number.group() if number else None
    if field == "currency":
        return _currency(value)
    return value if len(value) <= 80 and value else None


def _currency(text: str) -> str | None:
    found = _CURRENCY.search(text)
    if found is None:
        return None
    if found.group(2):
        return "USD"
    return "EUR" if found.group(3) else found.group(1).upper()


def load_order_labels(path: Path | None = None,
                      field_names: Collection[str] | None = None) -> OrderLabels:
    """Read order_labels.yaml; SourceError (file:line) for an unknown field or a label that
    two fields claim."""
    path = path or bundled_dir("resources") / "order_labels.yaml"
    where = str(path)
    data = load_yaml_file(path)
    labels = data.get("labels") if isinstance(data, LineDict) else None
    if not isinstance(labels, LineDict):
        raise SourceError(where, 1, "expected 'labels:' with a list of labels per field")
    fields: dict[str, str] = {}
    for field, names in labels.items():
        line = labels.line_of(field)
        if field_names is not None and field not in field_names:
            raise SourceError(where, line, f"no field {field!r} (see fields.yaml)")
        if not isinstance(names, list):
            raise SourceError(where, line, f"{field}: expected a list of labels")
        for name in names:
            key = _label_key(str(name))
            if fields.get(key, field) != field:
                raise SourceError(where, line, f"label {name!r} is already {fields[key]!r}'s")
            fields[key] = field
    return OrderLabels(fields)
