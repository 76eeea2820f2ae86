"""One call from a case and the order facts to the reply, its gloss and the suggestion."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from app.catalog.catalog import Case, Catalog, load_catalog
from app.catalog.fields import Value
from app.catalog.labels import Label
from app.compose.render import Missing, Renderer
from app.data.bundled import bundled_dir
from app.library.layers import BUNDLED, TemplateLibrary
from app.policy.context import CASE_NAMES, COMPUTED_SOURCES, computed_values, with_defaults
from app.policy.loader import load_policy
from app.policy.rules import Decision, Policy, Reason, Refund

REFUND_NAMES = ("refund_min", "refund_max", "refund_currency", "actions")


class Suggestion(NamedTuple):
    actions: tuple[str, ...]
    refund: Refund | None
    deadline: dt.date | None
    days_left: int | None
    checks: tuple[Label, ...]
    reasons: tuple[Reason, ...]
    template: str

    def to_json(self) -> dict[str, Any]:
        refund = self.refund
        return {
            "actions": list(self.actions),
            "refund": {"min": float(refund.min), "max": float(refund.max),
                       "currency": refund.currency} if refund else None,
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "days_left": self.days_left,
            "checks": [check.en for check in self.checks],
            "reasons": [reason.text() for reason in self.reasons],
            "template": self.template,
        }


class Composition(NamedTuple):
    case: Case
    reply: str
    gloss: str
    missing_fields: tuple[str, ...]
    suggestion: Suggestion

    def to_json(self) -> dict[str, Any]:
        return {"case": self.case.id, "reply": self.reply, "gloss": self.gloss,
                "missing_fields": list(self.missing_fields),
                "suggestion": self.suggestion.to_json()}


class Composer:
    """The domain's front door: the window and the CLI both call `compose`."""

    def __init__(self, catalog: Catalog, policy: Policy, library: TemplateLibrary) -> None:
        self.catalog = catalog
        self.policy = policy
        self.library = library
        self.renderer = Renderer(library, template_names(catalog, policy))
        # Markers depend on the catalog alone; a reply asks for two dozen on every keystroke.
        self._markers: dict[tuple[str, str], Missing] = {}

    @classmethod
    def load(cls, user_dir: Path | None = None, team_dir: Path | None = None) -> Composer:
        catalog, policy = load_catalog_and_policy()
        return cls(catalog, policy, TemplateLibrary(library_layers(user_dir, team_dir)))

    def compose(self, case_id: str, values: Mapping[str, Value],
                today: dt.date | None = None) -> Composition:
        case = self.catalog.case(case_id)
        fields = self._fields(case, values)
        scope = self._scope(case, fields, today)
        decision = self.policy.decide(case.id, scope)
        context = self._template_context(scope, decision)
        reply = self.renderer.render(decision.rule.template, context)
        gloss = self.renderer.render(decision.rule.template + ".zh", context)
        return Composition(case, reply.text, gloss.text,
                           self._missing(case, fields, decision, reply.missing + gloss.missing),
                           self._suggestion(case, scope, decision))

    def preview_context(self, case_id: str, values: Mapping[str, Value],
                        today: dt.date | None = None,
                        template: str | None = None) -> dict[str, Any]:
        """What `template` sees for this case and order. The case's rule that picks the
        template decides the refund, even when this order would take another branch: the
        template editor previews every branch of a case."""
        case = self.catalog.case(case_id)
        scope = self._scope(case, self._fields(case, values), today)
        decision = self.policy.decide(case.id, scope)
        if template is not None and decision.rule.template != template:
            rules = self.policy.cases[case.id].rules
            rule = next((r for r in rules if r.template == template), None)
            if rule is not None:
                decision = self.policy.decision_for(rule, scope)
        return self._template_context(scope, decision)

    def use_layers(self, layers: Sequence[tuple[str, Path]]) -> None:
        """Read templates from these folders from now on (a team folder set, another
        personal folder): a fresh library and renderer, so nothing stale is kept."""
        self.library = TemplateLibrary(layers)
        self.renderer = Renderer(self.library, self.renderer.known_names)

    def _fields(self, case: Case, values: Mapping[str, Value]) -> dict[str, Value | None]:
        # A value for a field this case doesn't use is ignored: the same buyer's order carries
        # over between cases, but a ship date must not put a deadline on a quality case.
        return with_defaults(self.catalog, {n: v for n, v in values.items() if n in case.fields})

    def _scope(self, case: Case, fields: Mapping[str, Value | None],
               today: dt.date | None) -> dict[str, Any]:
        return {**fields,
                **computed_values(self.catalog, case, fields, today or dt.date.today())}

    def _template_context(self, scope: Mapping[str, Any], decision: Decision) -> dict[str, Any]:
        context = {**self.policy.constants}
        for name, value in scope.items():
            context[name] = self._missing_marker(name, scope) if value is None else value
        refund = decision.refund
        if refund is None:
            blocker = self._blocker(decision.empty_names, scope) or "refund"
            marker = Missing(blocker, self._marker(blocker, "refund amount"),
                             self._marker_zh(blocker, "退款金额"))
            context.update(refund_min=marker, refund_max=marker, refund_currency="USD")
        else:
            context.update(refund_min=refund.min, refund_max=refund.max,
                           refund_currency=refund.currency)
        context["actions"] = list(decision.rule.actions)
        return context

    def _missing_marker(self, name: str, scope: Mapping[str, Any]) -> Missing:
        field = self._blocker(COMPUTED_SOURCES.get(name, (name,)), scope) or name
        marker = self._markers.get((name, field))
        if marker is None:
            marker = self._markers[name, field] = Missing(
                field, self._marker(field, name.replace("_", " ")),
                self._marker_zh(field, name.replace("_", " ")))
        return marker

    def _blocker(self, names: Iterable[str], scope: Mapping[str, Any]) -> str | None:
        """The first empty order field behind these names."""
        for name in sorted(names):
            for source in COMPUTED_SOURCES.get(name, (name,)):
                if source in self.catalog.fields and scope.get(source) is None:
                    return str(source)
        return None

    def _marker(self, field: str, fallback: str) -> str:
        spec = self.catalog.fields.get(field)
        return spec.marker if spec else fallback

    def _marker_zh(self, field: str, fallback: str) -> str:
        spec = self.catalog.fields.get(field)
        return spec.label.zh if spec else fallback

    def _missing(self, case: Case, fields: Mapping[str, Value | None], decision: Decision,
                 rendered: tuple[str, ...]) -> tuple[str, ...]:
        needed = set(rendered) | {n for n in case.required if fields.get(n) is None}
        for name in decision.empty_names:
            needed |= {s for s in COMPUTED_SOURCES.get(name, (name,))
                       if s in self.catalog.fields and fields.get(s) is None}
        ordered = [n for n in case.fields if n in needed]
        return tuple(ordered + sorted(needed - set(ordered)))

    def _suggestion(self, case: Case, scope: Mapping[str, Any], decision: Decision) -> Suggestion:
        rule, case_policy = decision.rule, self.policy.cases[case.id]
        checks = dict.fromkeys((*case_policy.checks, *rule.checks))
        reasons = dict.fromkeys((*case_policy.reasons, *rule.reasons))
        return Suggestion(
            actions=rule.actions,
            refund=decision.refund,
            deadline=scope.get("deadline"),
            days_left=scope.get("days_left"),
            checks=tuple(self.policy.checks[c] for c in checks),
            reasons=tuple(self.policy.reasons[r] for r in reasons),
            template=rule.template,
        )


def load_catalog_and_policy() -> tuple[Catalog, Policy]:
    """The bundled catalog and policy, from the pickle cache while their files are unchanged."""
    from app.data.cache import cached

    folder = bundled_dir("resources")
    inputs = [folder / name for name in
              ("fields.yaml", "countries.yaml", "shipping.yaml", "cases.yaml", "policy.yaml")]

    def build() -> tuple[Catalog, Policy]:
        catalog = load_catalog()
        return catalog, load_policy(template_names(catalog, None), catalog.cases)

    return cached("catalog-policy", inputs, build)


def template_names(catalog: Catalog, policy: Policy | None) -> set[str]:
    """Every name a condition or template may use."""
    names = set(catalog.fields) | set(COMPUTED_SOURCES) | set(CASE_NAMES)
    if policy is not None:
        names |= set(policy.constants) | set(REFUND_NAMES)
    return names


def library_layers(user_dir: Path | None, team_dir: Path | None) -> list[tuple[str, Path]]:
    layers: list[tuple[str, Path]] = []
    if user_dir is not None:
        layers.append(("personal", user_dir))
    if team_dir is not None:
        layers.append(("team", team_dir))
    layers.append((BUNDLED, bundled_dir("templates")))
    return layers
