"""The policy engine: ordered rules per case, with conditions evaluated in Jinja2's sandbox."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from jinja2 import TemplateError, TemplateSyntaxError, meta
from jinja2.sandbox import SandboxedEnvironment

from app.errors import SourceError, UnknownNameError
from app.fields import Label
from app.resources import LineDict, bundled_dir, load_yaml_file

ACTIONS = ("resend", "full_refund", "partial_refund", "next_order_discount",
           "reimburse_cost", "no_refund", "wait")

# Conditions are Jinja2 expressions compiled in the sandbox: no Python eval, no attribute
# tricks, and the names they use are known before they run.
_ENV = SandboxedEnvironment()


# NamedTuples, like the catalog's records (see app.fields): the CLI loads this module on
# every run, and defining a dataclass costs ten times as much.
class Expression(NamedTuple):
    source: str
    names: frozenset[str]
    path: str
    line: int

    def evaluate(self, scope: Mapping[str, Any]) -> tuple[Any, frozenset[str]]:
        """The value, or None and the names that were empty."""
        empty = frozenset(n for n in self.names if scope.get(n) is None)
        if empty:
            return None, empty
        try:
            return _compiled(self.source)(scope), frozenset()
        except (TemplateError, TypeError, ValueError, ArithmeticError) as exc:
            raise SourceError(self.path, self.line, f"{self.source!r} failed: {exc}") from None


_IDENTIFIER = re.compile(r"[A-Za-z_]\w*\Z")
_NUMBER = re.compile(r"-?\d+(\.\d+)?\Z")
_JINJA_LITERALS = frozenset({"none", "true", "false", "None", "True", "False"})


def _is_name(source: str) -> bool:
    return bool(_IDENTIFIER.match(source)) and source not in _JINJA_LITERALS


@cache
def _names_in(source: str) -> frozenset[str]:
    """The names an expression reads (raises TemplateSyntaxError). Cached: the policy repeats
    the same few expressions across cases, and the CLI loads it on every run."""
    if _is_name(source):
        return frozenset({source})
    if _NUMBER.match(source):
        return frozenset()
    return frozenset(meta.find_undeclared_variables(_ENV.parse("{{ (" + source + ") }}")))


@cache
def _compiled(source: str) -> Callable[[Mapping[str, Any]], Any]:
    """Compiled on first use only: most runs evaluate one case's few rules."""
    if _is_name(source):
        return lambda scope: scope[source]
    if _NUMBER.match(source):
        number = float(source) if "." in source else int(source)
        return lambda scope: number
    run = _ENV.compile_expression(source, undefined_to_none=False)
    return lambda scope: run(**scope)


class Reason(NamedTuple):
    id: str
    rule: str  # the playbook's Chinese words
    en: str  # an English summary

    def text(self) -> str:
        return f"{self.en} — 「{self.rule}」"


class Rule(NamedTuple):
    line: int
    template: str
    condition: Expression | None
    actions: tuple[str, ...]
    refund: tuple[Expression, Expression, Expression] | None
    checks: tuple[str, ...]
    reasons: tuple[str, ...]


class CasePolicy(NamedTuple):
    rules: tuple[Rule, ...]
    checks: tuple[str, ...]
    reasons: tuple[str, ...]

    def templates(self) -> list[str]:
        return list(dict.fromkeys(rule.template for rule in self.rules))


class Refund(NamedTuple):
    min: Decimal
    max: Decimal
    currency: str


class Decision(NamedTuple):
    rule: Rule
    refund: Refund | None
    empty_names: frozenset[str]  # empty values that kept a rule from deciding


class Policy(NamedTuple):
    path: str
    constants: Mapping[str, Any]
    actions: Mapping[str, Label]
    checks: Mapping[str, Label]
    reasons: Mapping[str, Reason]
    cases: Mapping[str, CasePolicy]

    def decide(self, case_id: str, scope: Mapping[str, Any]) -> Decision:
        policy = self.cases[case_id]
        scope = {**self.constants, **scope}
        empty: set[str] = set()
        for rule in policy.rules:
            if rule.condition is not None:
                holds, unknown = rule.condition.evaluate(scope)
                empty |= unknown
                if not holds:
                    continue
            refund, unknown = _refund(rule, scope)
            return Decision(rule, refund, frozenset(empty | unknown))
        raise SourceError(self.path, None, f"{case_id}: no rule applies (add a fallback rule)")

    def decision_for(self, rule: Rule, scope: Mapping[str, Any]) -> Decision:
        """The decision as if `rule` had held: previews a branch the order doesn't take."""
        refund, empty = _refund(rule, {**self.constants, **scope})
        return Decision(rule, refund, empty)


def _refund(rule: Rule, scope: Mapping[str, Any]) -> tuple[Refund | None, frozenset[str]]:
    if rule.refund is None:
        return None, frozenset()
    results = [expr.evaluate(scope) for expr in rule.refund]
    empty = frozenset().union(*(unknown for _, unknown in results))
    if empty:
        return None, empty
    low, high, currency = (value for value, _ in results)
    return Refund(Decimal(str(low)), Decimal(str(high)), str(currency)), frozenset()


def load_policy(known_names: Iterable[str], case_ids: Iterable[str],
                path: Path | None = None) -> Policy:
    path = path or bundled_dir("resources") / "policy.yaml"
    doc = load_yaml_file(path)
    return _PolicyReader(str(path), doc, set(known_names)).read(list(case_ids))


class _PolicyReader:
    """Builds a Policy from its YAML, failing with file:line on the first problem."""

    def __init__(self, path: str, doc: Any, known_names: set[str]) -> None:
        if not isinstance(doc, LineDict):
            raise SourceError(path, 1, "expected a YAML mapping at the top level")
        self.path, self.doc = path, doc
        self.constants = dict(doc.get("constants") or {})
        self.names = known_names | set(self.constants)
        self.actions = self._labels("actions")
        self.checks = self._labels("checks")
        self.reasons = {k: Reason(k, str(v.get("rule", "")), str(v.get("en", "")))
                        for k, v in self._section("reasons").items()}
        unknown_actions = set(self.actions) - set(ACTIONS)
        if unknown_actions:
            raise SourceError(path, doc.line_of("actions"),
                              f"unknown action(s): {', '.join(sorted(unknown_actions))}")

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
        return Policy(self.path, self.constants, self.actions, self.checks, self.reasons, cases)

    def _section(self, key: str) -> LineDict:
        section = self.doc.get(key) or LineDict()
        if not isinstance(section, LineDict):
            raise SourceError(self.path, self.doc.line_of(key), f"{key}: expected a mapping")
        return section

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
        actions = tuple(item.get("actions") or ())
        for action in actions:
            if action not in self.actions:
                raise SourceError(self.path, item.line_of("actions"),
                                  str(UnknownNameError("action", action, self.actions)))
        refund = item.get("refund")
        return Rule(
            line=item.line,
            template=str(item["template"]),
            condition=self._expr(item["when"], item.line_of("when")) if "when" in item else None,
            actions=actions,
            refund=self._refund(refund) if refund is not None else None,
            checks=self._ids(item, "checks", self.checks),
            reasons=self._ids(item, "reasons", self.reasons),
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
            names = _names_in(text)
        except TemplateSyntaxError as exc:
            raise SourceError(self.path, line, f"bad condition {text!r}: {exc.message}") from None
        for name in sorted(names - self.names):
            raise SourceError(self.path, line, str(UnknownNameError("name", name, self.names)))
        return Expression(text, names, self.path, line)
