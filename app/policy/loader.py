"""Reading policy.yaml into a Policy, failing with file:line on the first problem."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from jinja2 import TemplateSyntaxError

from app.catalog.labels import Label
from app.data.layered import DataLayers, read_resource
from app.data.yaml_lines import LineDict
from app.errors import SourceError, UnknownNameError
from app.policy.rules import (
    Action,
    CasePolicy,
    Expression,
    Policy,
    Reason,
    Rule,
    Term,
    names_in,
)


def load_policy(known_names: Iterable[str], case_ids: Iterable[str],
                path: Path | None = None, data: DataLayers | None = None) -> Policy:
    """policy.yaml (`path` alone, else the bundled file with the layers' files over it)."""
    doc, where = read_resource("policy.yaml", path, data)
    return _PolicyReader(where, doc, set(known_names)).read(list(case_ids))


class _PolicyReader:
    """Builds a Policy from its YAML, failing with file:line on the first problem."""

    def __init__(self, path: str, doc: Any, known_names: set[str]) -> None:
        if not isinstance(doc, LineDict):
            raise SourceError(path, 1, "expected a YAML mapping at the top level")
        self.path, self.doc = path, doc
        # Decimals, like the money fields they meet in expressions (tax_amount * 0.5).
        self.constants = {k: Decimal(str(v)) if isinstance(v, float) else v
                          for k, v in (doc.get("constants") or {}).items()}
        self.names = known_names | set(self.constants)
        self.actions = self._action_labels()
        self.glossary = self._glossary()
        self.checks = {key: self._with_terms(label) for key, label in
                       self._labels("checks").items()}
        self.reasons = {k: Reason(k, str(v.get("rule", "")), str(v.get("en", "")))
                        for k, v in self._section("reasons").items()}

    def read(self, case_ids: list[str]) -> Policy:
        cases_doc = self._section("cases")
        cases = {cid: self._case(cid, entry) for cid, entry in cases_doc.items()}
        for cid in case_ids:
            if cid not in cases:
                raise SourceError(self.path, self.doc.line_of("cases"), f"no policy for case {cid}")
        for cid in cases:
            if cid not in case_ids:
                raise SourceError(self.path, cases_doc.line_of(cid),
                                  str(UnknownNameError("case", cid, case_ids)))
        return Policy(self.path, self.constants, self.actions, self.checks, self.reasons, cases,
                      self.glossary)

    def _section(self, key: str) -> LineDict:
        section = self.doc.get(key) or LineDict()
        if not isinstance(section, LineDict):
            raise SourceError(self.path, self.doc.line_of(key), f"{key}: expected a mapping")
        return section

    def _glossary(self) -> dict[str, Term]:
        terms = {}
        for key, entry in self._section("glossary").items():
            line = self._section("glossary").line_of(key)
            if not isinstance(entry, LineDict):
                raise SourceError(self.path, line, f"glossary.{key}: needs term and meaning")
            terms[key] = Term(self._label(entry.get("term"), line, f"glossary.{key}.term"),
                              self._label(entry.get("meaning"), line, f"glossary.{key}.meaning"))
        return terms

    def _label(self, data: Any, line: int, where: str) -> Label:
        if not isinstance(data, dict) or not {"en", "zh"} <= data.keys():
            raise SourceError(self.path, line, f"{where}: needs 'en' and 'zh'")
        return Label(str(data["en"]), str(data["zh"]))

    def _with_terms(self, label: Label) -> Label:
        """A check naming a glossary word as {erp}: the word itself, in each language."""
        words = {key: term.word for key, term in self.glossary.items()}
        try:
            return Label(label.en.format(**{k: w.en for k, w in words.items()}),
                         label.zh.format(**{k: w.zh for k, w in words.items()}))
        except (KeyError, IndexError, ValueError) as exc:
            raise SourceError(self.path, self.doc.line_of("checks"),
                              f"a check names {exc} — not a glossary word") from None

    def _action_labels(self) -> dict[Action, Label]:
        """The `actions:` section: a label for every action the engine knows, no other."""
        labels = self._labels("actions")
        section = self._section("actions")
        actions = {self._action(name, section.line_of(name)): label
                   for name, label in labels.items()}
        missing = [a.value for a in Action if a not in actions]
        if missing:
            raise SourceError(self.path, self.doc.line_of("actions"),
                              f"actions: no label for {', '.join(missing)}")
        return actions

    def _action(self, name: Any, line: int) -> Action:
        try:
            return Action(name)
        except ValueError:
            raise SourceError(self.path, line, str(UnknownNameError(
                "action", str(name), [a.value for a in Action]))) from None

    def _labels(self, key: str) -> dict[str, Label]:
        out = {}
        for name, data in self._section(key).items():
            if not isinstance(data, dict) or not {"en", "zh"} <= data.keys():
                raise SourceError(self.path, self._section(key).line_of(name),
                                  f"{key}.{name}: needs 'en' and 'zh'")
            out[name] = Label(str(data["en"]), str(data["zh"]))
        return out

    def _case(self, case_id: str, entry: LineDict) -> CasePolicy:
        rules: list[Rule] = []
        for item in entry.get("rules") or []:
            if isinstance(item, LineDict) and "include" in item:
                shared = self._section("shared_rules").get(item["include"])
                if shared is None:
                    raise SourceError(self.path, item.line,
                                      f"unknown shared rule {item['include']!r}")
                rules.extend(self._rule(r) for r in shared)
            else:
                rules.append(self._rule(item))
        if not rules or rules[-1].condition is not None:
            raise SourceError(self.path, entry.line, f"{case_id}: the last rule needs no 'when'")
        return CasePolicy(tuple(rules), self._ids(entry, "checks", self.checks),
                          self._ids(entry, "reasons", self.reasons))

    def _rule(self, item: Any) -> Rule:
        if not isinstance(item, LineDict) or "template" not in item:
            line = item.line if isinstance(item, LineDict) else None
            raise SourceError(self.path, line, "a rule needs at least a 'template'")
        actions = tuple(self._action(name, item.line_of("actions"))
                        for name in item.get("actions") or ())
        refund = item.get("refund")
        return Rule(
            line=item.line,
            template=str(item["template"]),
            condition=self._expr(item["when"], item.line_of("when")) if "when" in item else None,
            actions=actions,
            refund=self._refund(refund) if refund is not None else None,
            checks=self._ids(item, "checks", self.checks),
            reasons=self._ids(item, "reasons", self.reasons),
            extend_deadline_by=self._expr(item["extend_deadline_by"],
                                          item.line_of("extend_deadline_by"))
            if "extend_deadline_by" in item else None,
            show_deadline=bool(item.get("show_deadline", True)),
        )

    def _refund(self, data: Any) -> tuple[Expression, Expression, Expression]:
        if not isinstance(data, LineDict) or not {"min", "max", "currency"} <= data.keys():
            raise SourceError(self.path, getattr(data, "line", None),
                              "refund needs min, max and currency")
        return (self._expr(data["min"], data.line_of("min")),
                self._expr(data["max"], data.line_of("max")),
                self._expr(data["currency"], data.line_of("currency")))

    def _ids(self, item: LineDict, key: str, known: Mapping[str, Any]) -> tuple[str, ...]:
        ids = tuple(item.get(key) or ())
        for name in ids:
            if name not in known:
                raise SourceError(self.path, item.line_of(key),
                                  str(UnknownNameError(key[:-1], name, known)))
        return ids

    def _expr(self, source: Any, line: int) -> Expression:
        text = str(source)
        try:
            names = names_in(text)
        except TemplateSyntaxError as exc:
            raise SourceError(self.path, line, f"bad condition {text!r}: {exc.message}") from None
        for name in sorted(names - self.names):
            raise SourceError(self.path, line, str(UnknownNameError("name", name, self.names)))
        return Expression(text, names, self.path, line)
