"""The policy engine: ordered rules per case, with conditions evaluated in Jinja2's sandbox.
The rules are read from policy.yaml by `app.policy.loader`."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from decimal import Decimal
from enum import Enum
from functools import cache
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, NamedTuple

from app.catalog.labels import Label
from app.errors import SourceError

if TYPE_CHECKING:
    from jinja2.sandbox import SandboxedEnvironment


class Action(str, Enum):
    """What the policy can offer a buyer; the values are the ids policy.yaml uses."""

    RESEND = "resend"
    FULL_REFUND = "full_refund"
    PARTIAL_REFUND = "partial_refund"
    NEXT_ORDER_DISCOUNT = "next_order_discount"
    REIMBURSE_COST = "reimburse_cost"
    NO_REFUND = "no_refund"
    WAIT = "wait"

    @property
    def is_refund(self) -> bool:
        return self in (Action.FULL_REFUND, Action.PARTIAL_REFUND)


@cache
def _jinja() -> tuple[SandboxedEnvironment, type[Exception]]:
    """The sandbox conditions are compiled in, and Jinja2's error. Conditions are Jinja2
    expressions compiled in the sandbox: no Python eval, no attribute tricks, and the names
    they use are known before they run. Imported with the first condition read, not with
    this module (a policy read from the cache compiles nothing
    until a case is decided)."""
    from jinja2 import TemplateError
    from jinja2.sandbox import SandboxedEnvironment

    return SandboxedEnvironment(), TemplateError


# NamedTuples, like the catalog's records (see app.catalog.fields): the CLI loads this module on
# every run, and defining a dataclass costs ten times as much.
class Expression(NamedTuple):
    source: str
    names: frozenset[str]
    path: str
    line: int

    def evaluate(self, scope: Mapping[str, Any]) -> tuple[Any, frozenset[str]]:
        """The value, or None and the empty names it needed. An empty name that the
        expression never looks at (`a == 'x' and b` with a != 'x') doesn't count."""
        empty = [n for n in self.names if scope.get(n) is None]
        touched: set[str] = set()
        if empty:
            scope = {**scope, **{n: _Empty(n, touched) for n in empty}}
        try:
            value = _compiled(self.source)(scope)
        except (_jinja()[1], TypeError, ValueError, ArithmeticError) as exc:
            raise SourceError(self.path, self.line, f"{self.source!r} failed: {exc}") from None
        if touched or isinstance(value, _Empty):
            return None, frozenset(touched | ({value.name} if isinstance(value, _Empty)
                                              else set()))
        return value, frozenset()


class _Empty:
    """An empty value inside a condition: any use of it is noted (and it is falsy), so the
    condition is known to have needed it."""

    __slots__ = ("name", "touched")

    def __init__(self, name: str, touched: set[str]) -> None:
        self.name, self.touched = name, touched

    def _use(self, *_: Any) -> _Empty:
        self.touched.add(self.name)
        return self

    def __bool__(self) -> bool:
        self.touched.add(self.name)
        return False

    def __eq__(self, _: object) -> bool:
        return self.__bool__()

    def __ne__(self, _: object) -> bool:
        return self.__bool__()

    __hash__ = None  # type: ignore[assignment]
    __lt__ = __le__ = __gt__ = __ge__ = __eq__
    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = __truediv__ = _use
    __neg__ = _use


_IDENTIFIER = re.compile(r"[A-Za-z_]\w*\Z")
_NUMBER = re.compile(r"-?\d+(\.\d+)?\Z")
_JINJA_LITERALS = frozenset({"none", "true", "false", "None", "True", "False"})


def _is_name(source: str) -> bool:
    return bool(_IDENTIFIER.match(source)) and source not in _JINJA_LITERALS


@cache
def names_in(source: str) -> frozenset[str]:
    """The names an expression reads (raises TemplateSyntaxError). Cached: the policy repeats
    the same few expressions across cases, and the CLI loads it on every run."""
    if _is_name(source):
        return frozenset({source})
    if _NUMBER.match(source):
        return frozenset()
    from jinja2 import meta

    return frozenset(meta.find_undeclared_variables(_jinja()[0].parse("{{ (" + source + ") }}")))


@cache
def _compiled(source: str) -> Callable[[Mapping[str, Any]], Any]:
    """Compiled on first use only: most runs evaluate one case's few rules."""
    if _is_name(source):
        return lambda scope: scope[source]
    if _NUMBER.match(source):
        number = float(source) if "." in source else int(source)
        return lambda scope: number
    run = _jinja()[0].compile_expression(source, undefined_to_none=False)
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
    actions: tuple[Action, ...]
    refund: tuple[Expression, Expression, Expression] | None
    checks: tuple[str, ...]
    reasons: tuple[str, ...]
    extend_deadline_by: Expression | None = None  # the reply extends protection by this
    show_deadline: bool = True  # False where the deadline decides nothing (delivered …)


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


class Term(NamedTuple):
    """A word of the glossary: the checks name it; hovering one says what it means."""

    word: Label
    meaning: Label


class Policy(NamedTuple):
    path: str
    constants: Mapping[str, Any]
    actions: Mapping[Action, Label]
    checks: Mapping[str, Label]
    reasons: Mapping[str, Reason]
    cases: Mapping[str, CasePolicy]
    glossary: Mapping[str, Term] = MappingProxyType({})  # read-only: a safe shared default

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
    cents = Decimal("0.01")  # amounts to the cent, whatever the arithmetic (12.00 × 0.5)
    return Refund(Decimal(str(low)).quantize(cents), Decimal(str(high)).quantize(cents),
                  str(currency)), frozenset()
