"""The case catalog: categories, cases, fields, countries and shipping methods, from YAML."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import NamedTuple

from app.catalog.customs import CustomsRegion, regions_from_yaml
from app.catalog.fields import EMPTY, FieldSpec, Value, name_key, parse_value, spec_from_yaml
from app.catalog.labels import Label
from app.catalog.languages import ReplyLanguage, languages_from_yaml, markers_from_yaml
from app.catalog.shipping import ShippingMethod, methods_from_yaml
from app.data.bundled import bundled_dir
from app.data.layered import BUNDLED_ONLY, DataLayers
from app.data.yaml_lines import LineDict
from app.errors import SourceError, UnknownNameError


class Case(NamedTuple):
    id: str
    category: str
    title: Label
    fields: tuple[str, ...]  # in form order, shared fields (store, agent) last
    required: tuple[str, ...]
    problem: Label | None = None
    keywords: tuple[str, ...] = ()  # extra search words, English and Chinese


class Catalog(NamedTuple):
    fields: Mapping[str, FieldSpec]
    currencies: tuple[str, ...]
    countries: Mapping[str, Label]
    methods: Mapping[str, ShippingMethod]
    categories: Mapping[str, Label]
    cases: Mapping[str, Case]
    customs: Mapping[str, CustomsRegion] = EMPTY
    country_aliases: Mapping[str, str] = EMPTY  # name_key(an alias) -> country code
    languages: Mapping[str, ReplyLanguage] = EMPTY  # the languages replies are written in
    markers: Mapping[str, Mapping[str, str]] = EMPTY  # language -> name -> marker words
    data: DataLayers = BUNDLED_ONLY  # the layers it was read from (phrases, hints follow them)

    def case(self, case_id: str) -> Case:
        try:
            return self.cases[case_id]
        except KeyError:
            raise UnknownNameError("case", case_id, self.cases) from None

    def field(self, name: str) -> FieldSpec:
        try:
            return self.fields[name]
        except KeyError:
            raise UnknownNameError("field", name, self.fields) from None

    def parse(self, name: str, raw: str) -> Value | None:
        known: dict[str, Iterable[str]] = {
            "country": self.countries, "shipping_method": self.methods,
            "currency": self.currencies, "country_aliases": self.country_aliases}
        return parse_value(self.field(name), raw, known)

    def parse_all(self, raw: Mapping[str, str]) -> dict[str, Value]:
        """Parse every typed value; empty ones are left out (defaults apply later)."""
        values: dict[str, Value] = {}
        for name, text in raw.items():
            value = self.parse(name, text)
            if value is not None:
                values[name] = value
        return values


def load_catalog(data: DataLayers | None = None) -> Catalog:
    """The catalog from the bundled resources with the layers' files over them."""
    data = data or BUNDLED_ONLY
    where = {name: str(bundled_dir("resources") / name) for name in CATALOG_FILES}
    fields_doc = data.load("fields.yaml")
    currencies = tuple(str(c) for c in fields_doc.get("currencies") or ("USD",))
    countries, aliases = _countries(data.load("countries.yaml"), where["countries.yaml"])
    methods = methods_from_yaml(data.load("shipping.yaml"), where["shipping.yaml"], countries)
    known: dict[str, Iterable[str]] = {"country": countries, "shipping_method": methods,
                                       "currency": currencies}
    fields = {name: spec_from_yaml(name, spec, where["fields.yaml"], known)
              for name, spec in (fields_doc.get("fields") or {}).items()}
    categories, cases = _cases(data.load("cases.yaml"), where["cases.yaml"], fields)
    customs = regions_from_yaml(data.load("customs.yaml"), where["customs.yaml"], countries)
    languages = languages_from_yaml(data.load("languages.yaml"), where["languages.yaml"],
                                    countries)
    markers = markers_from_yaml(data.load("markers.yaml"), where["markers.yaml"])
    return Catalog(fields, currencies, countries, methods, categories, cases, customs, aliases,
                   languages, markers, data)


# The files the catalog is read from (the data cache watches them in every layer).
CATALOG_FILES = ("fields.yaml", "countries.yaml", "shipping.yaml", "cases.yaml",
                 "customs.yaml", "languages.yaml", "markers.yaml")


def _countries(doc: LineDict, where: str) -> tuple[dict[str, Label], dict[str, str]]:
    """The countries' labels, and their other names (name_key -> code)."""
    data = doc.get("countries") or LineDict()
    labels, aliases = {}, {}
    for code, entry in data.items():
        if not isinstance(entry, dict) or not entry.get("en") or not entry.get("zh"):
            raise SourceError(where, data.line_of(code), f"country {code}: needs en and zh")
        labels[str(code)] = Label(str(entry["en"]), str(entry["zh"]))
        for alias in entry.get("aliases") or ():
            aliases[name_key(str(alias))] = str(code)
    return labels, aliases


def _cases(doc: LineDict, where: str,
           fields: Mapping[str, FieldSpec]) -> tuple[dict[str, Label], dict[str, Case]]:
    categories = {k: _label(v, where, doc["categories"].line_of(k), f"category {k}")
                  for k, v in (doc.get("categories") or {}).items()}
    shared = tuple(name for name, spec in fields.items() if spec.shared)
    cases: dict[str, Case] = {}
    for case_id, entry in (doc.get("cases") or {}).items():
        line = doc["cases"].line_of(case_id)
        if entry.get("category") not in categories:
            raise SourceError(where, line, f"{case_id}: unknown category {entry.get('category')!r}")
        names = tuple(entry.get("fields") or ())
        required = tuple(entry.get("required") or ())
        for name in (*names, *required):
            if name not in fields:
                raise SourceError(where, entry.line_of("fields"),
                                  str(UnknownNameError("field", name, fields)))
        problem = entry.get("problem")
        cases[case_id] = Case(
            id=case_id,
            category=str(entry["category"]),
            title=_label(entry.get("title"), where, entry.line_of("title"), f"{case_id}: title"),
            fields=names + tuple(n for n in shared if n not in names),
            required=required,
            problem=_label(problem, where, entry.line_of("problem"), f"{case_id}: problem")
            if problem else None,
            keywords=tuple(str(k) for k in entry.get("keywords") or ()),
        )
    return categories, cases


def _label(entry: object, where: str, line: int, what: str) -> Label:
    """An {en, zh} pair; both are needed (an agent reads one, the buyer gets the other)."""
    if not isinstance(entry, dict) or not entry.get("en") or not entry.get("zh"):
        raise SourceError(where, line, f"{what}: needs en and zh")
    return Label(str(entry["en"]), str(entry["zh"]))
