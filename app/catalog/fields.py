"""The field catalog: each order field's type, labels, default and validation."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal, InvalidOperation
from types import MappingProxyType
from typing import Any, NamedTuple

from app.catalog.dates import DateError, parse_date
from app.catalog.field_types import FieldType
from app.catalog.labels import Label
from app.data.yaml_lines import LineDict
from app.errors import FieldValueError, SourceError, UnknownNameError

MAX_TEXT_DEFAULT = 500
MAX_MONEY = Decimal("1000000")

Value = str | int | Decimal | dt.date

# The catalog's records are NamedTuples rather than dataclasses: a frozen dataclass costs ~1 ms
# to define (it generates and execs its methods), and the CLI imports two dozen of them on
# every run (issue 5: compose within 1.5x of importing jinja2 and yaml).
EMPTY: Mapping[str, Any] = MappingProxyType({})  # a shared default nobody can change


class FieldSpec(NamedTuple):
    name: str
    type: FieldType
    label: Label
    marker: str
    default: Value | None = None
    choices: Mapping[str, Label] = EMPTY
    max_length: int = MAX_TEXT_DEFAULT
    minimum: int | None = None
    shared: bool = False  # the same for every buyer (store name, agent name)


def _label(data: Any, path: str, line: int) -> Label:
    if not isinstance(data, dict) or not {"en", "zh"} <= data.keys():
        raise SourceError(path, line, "a label needs both 'en' and 'zh'")
    return Label(str(data["en"]), str(data["zh"]))


def spec_from_yaml(
    name: str, data: LineDict, path: str, known: Mapping[str, Iterable[str]]
) -> FieldSpec:
    try:
        kind = FieldType(data.get("type"))
    except ValueError:
        raise SourceError(path, data.line_of("type"), f"field {name}: unknown type "
                          f"{data.get('type')!r} (one of {', '.join(t.value for t in FieldType)})"
                          ) from None
    label = _label(data.get("label"), path, data.line_of("label"))
    choices = {str(k): _label(v, path, data.line) for k, v in (data.get("choices") or {}).items()}
    spec = FieldSpec(
        name=name,
        type=kind,
        label=label,
        marker=str(data.get("marker") or label.en.lower()),
        choices=choices,
        max_length=int(data.get("max_length", MAX_TEXT_DEFAULT)),
        minimum=data.get("min"),
        shared=bool(data.get("shared", False)),
    )
    if "default" in data:
        try:
            default = parse_value(spec, str(data["default"]), known)
        except FieldValueError as exc:
            raise SourceError(path, data.line_of("default"), str(exc)) from None
        spec = spec._replace(default=default)
    return spec


def parse_value(spec: FieldSpec, raw: str, known: Mapping[str, Iterable[str]]) -> Value | None:
    """Turn what the agent typed into the field's value; empty means "not filled in".

    `known` gives the valid ids of the catalog-backed types: country, shipping_method, currency.
    """
    text = raw.strip()
    if not text:
        return None
    if spec.type is FieldType.TEXT:
        if len(text) > spec.max_length:
            raise FieldValueError(
                spec.name, f"too long ({len(text):,} characters; at most {spec.max_length:,})",
                f"太长（{len(text):,} 个字符，最多 {spec.max_length:,} 个）")
        return text
    return _PARSERS[spec.type](spec, text, known)


def _parse_int(spec: FieldSpec, text: str, _: Mapping[str, Iterable[str]]) -> int:
    try:
        number = int(text)
    except ValueError:
        raise FieldValueError(spec.name, f"{text[:40]!r} is not a whole number",
                              f"{text[:40]!r} 不是整数") from None
    if spec.minimum is not None and number < spec.minimum:
        raise FieldValueError(spec.name, f"must be at least {spec.minimum}",
                              f"不能小于 {spec.minimum}")
    return number


_DECIMAL_COMMA = re.compile(r"\d+,\d{1,2}")  # "23,50": a decimal comma, as much of Europe writes
_THOUSANDS = re.compile(r"\d{1,3}(,\d{3})+(\.\d+)?")  # "1,234.50"


def _parse_money(spec: FieldSpec, text: str, _: Mapping[str, Iterable[str]]) -> Decimal:
    cleaned = text.lstrip("$€£¥").strip()
    if _DECIMAL_COMMA.fullmatch(cleaned):
        cleaned = cleaned.replace(",", ".")
    elif _THOUSANDS.fullmatch(cleaned):
        cleaned = cleaned.replace(",", "")
    try:
        amount = Decimal(cleaned)
    except InvalidOperation:
        raise FieldValueError(spec.name, f"{text[:40]!r} is not an amount (e.g. 12.50)",
                              f"{text[:40]!r} 不是金额（例如 12.50）") from None
    if not amount.is_finite() or amount < 0:
        raise FieldValueError(spec.name, f"{text[:40]!r}: an amount must be 0 or more",
                              f"{text[:40]!r}：金额不能为负数")
    if amount > MAX_MONEY:
        raise FieldValueError(spec.name, f"{text[:40]!r} is too large", f"{text[:40]!r} 太大")
    return amount.quantize(Decimal("0.01"))


def _parse_date(spec: FieldSpec, text: str, _: Mapping[str, Iterable[str]]) -> dt.date:
    try:
        return parse_date(text)
    except DateError as exc:
        raise FieldValueError(spec.name, exc.message, exc.zh) from None


def _parse_closed(spec: FieldSpec, text: str, known: Mapping[str, Iterable[str]]) -> str:
    if spec.type is FieldType.CHOICE:
        options: list[str] = list(spec.choices)
        value = text.lower()
    else:
        options = list(known[spec.type.value])
        upper = spec.type in (FieldType.COUNTRY, FieldType.CURRENCY)
        value = text.upper() if upper else text.lower()
    if value in options:
        return value
    by_name = _names_to_ids(spec.choices if spec.type is FieldType.CHOICE
                            else known.get(spec.type.value, {}))
    by_name.update(known.get(f"{spec.type.value}_aliases", {}))  # type: ignore[arg-type]
    found = by_name.get(name_key(text))
    if found is not None:
        return found  # "Germany", "德国", "Brasil", "ePacket": the names people use
    raise UnknownNameError(f"value for {spec.name}", text[:40], [*options, *by_name])


def name_key(text: str) -> str:
    """A name as it is compared: case, accents, punctuation and spaces ignored
    ("États-Unis" and "etats unis" are the same name)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if c.isalnum() and not unicodedata.combining(c))


def _names_to_ids(known: Iterable[str] | Mapping[str, object]) -> dict[str, str]:
    """en/zh labels → id, for catalogs that carry labels (countries, methods)."""
    if not isinstance(known, Mapping):
        return {}
    names: dict[str, str] = {}
    for key, item in known.items():
        label = getattr(item, "name", item)  # a ShippingMethod carries its Label as .name
        if isinstance(label, Label):
            names[name_key(label.en)] = key
            names[name_key(label.zh)] = key
    return names


_PARSERS: dict[FieldType, Callable[[FieldSpec, str, Mapping[str, Iterable[str]]], Value]] = {
    FieldType.INT: _parse_int,
    FieldType.MONEY: _parse_money,
    FieldType.DATE: _parse_date,
    FieldType.CHOICE: _parse_closed,
    FieldType.COUNTRY: _parse_closed,
    FieldType.SHIPPING_METHOD: _parse_closed,
    FieldType.CURRENCY: _parse_closed,
}
