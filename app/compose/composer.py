"""One call from a case and the order facts to the reply, its gloss and what the policy allows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.catalog.catalog import Case, Catalog
from app.catalog.fields import Value
from app.catalog.labels import Label
from app.catalog.languages import language_for_country
from app.compose.localize import localized
from app.compose.markers import Missing
from app.compose.parts import GLOSS_SUFFIX, MissingTranslation, part_name
from app.compose.result import ActionRow, Composition, Marker, Needed, Suggestion
from app.compose.sources import library_layers, load_catalog_and_policy, template_names
from app.compose.textfmt import money
from app.data.layered import DataLayers, templates_of
from app.errors import SourceError
from app.library.layers import Layer, TemplateLibrary
from app.policy.context import (
    COMPUTED_MARKERS,
    COMPUTED_SOURCES,
    computed_values,
    with_defaults,
)
from app.policy.rules import Action, Decision, Policy, Refund
from app.review.review import Review, Reviewer

if TYPE_CHECKING:
    from app.compose.render import Rendered, Renderer

REFUND_MARKER = Label("refund amount", "退款金额")


class Composer:
    """The domain's front door: the window and the CLI both call `compose`."""

    def __init__(self, catalog: Catalog, policy: Policy, library: TemplateLibrary,
                 reviewer: Reviewer | None = None) -> None:
        self.catalog = catalog
        self.policy = policy
        self.library = library
        self.reviewer = reviewer or Reviewer(data=catalog.data)
        self._known_names = template_names(catalog, policy)
        self._renderer: Renderer | None = None
        # Markers depend on the catalog alone; a reply asks for two dozen on every keystroke.
        self._markers: dict[tuple[str, tuple[str, ...]], Missing] = {}

    @classmethod
    def load(cls, user_dir: Path | None = None, team_dir: Path | None = None) -> Composer:
        """The composer over a personal and a team layer folder (each with `templates/` and
        `resources/`, or a plain folder of templates)."""
        catalog, policy = load_catalog_and_policy(DataLayers.of([user_dir, team_dir]))
        folders = [templates_of(f) if f is not None else None for f in (user_dir, team_dir)]
        return cls(catalog, policy, TemplateLibrary(library_layers(*folders)))

    @property
    def renderer(self) -> Renderer:
        """The templates' renderer, made on first use: Jinja2 is imported then, not on the way
        to a ready window (which shows the case list and the form before any reply)."""
        if self._renderer is None:
            from app.compose.render import Renderer

            self._renderer = Renderer(self.library, self._known_names)
        return self._renderer

    def compose(self, case_id: str, values: Mapping[str, Value],
                today: dt.date | None = None, review: bool = True, language: str = "en",
                english_too: bool = False) -> Composition:
        """The reply in `language` and everything shown beside it. A reply without that
        language's section comes in English (`language` of the result says which). With
        `english_too`, the English reply too, for an agent who checks meaning through it.
        `review=False` leaves the rule warnings and hints out, for a caller that reviews the
        text itself."""
        case = self.catalog.case(case_id)
        fields = self._fields(case, values)
        scope = self._scope(case, fields, today)
        decision = self.policy.decide(case.id, scope)
        scope = self._extended(scope, decision)
        context = self._template_context(scope, decision)
        template = decision.rule.template
        reply, used = self._render_in(template, language, context)
        gloss = self.renderer.render(template + GLOSS_SUFFIX, context)
        english = self.renderer.render(template, context).text \
            if english_too and used != "en" else None
        shown = tuple(dict.fromkeys(reply.missing + gloss.missing))
        return Composition(
            case, reply.text, gloss.text,
            needed=self._needed(case, fields, decision, shown),
            markers=tuple(self._shown_marker(m, used) for m in shown),
            suggestion=self._suggestion(case, scope, decision),
            review=self.review(reply.text, used) if review else Review((), ()),
            language=used, wanted_language=language, english=english)

    def _render_in(self, template: str, language: str,
                   context: Mapping[str, Any]) -> tuple[Rendered, str]:
        """The reply in `language`, else in English: never half-translated."""
        if language != "en":
            try:
                return self.renderer.render(part_name(template, language), context), language
            except MissingTranslation:
                pass
        return self.renderer.render(template, context), "en"

    def review(self, text: str, language: str = "en") -> Review:
        """Rule warnings and hints for a reply text (the agent may have edited it)."""
        return self.reviewer.review(text, language)

    def language_for(self, country: str | None, message_language: str | None = None) -> str:
        """The reply's language: the buyer's message's, else the destination's, else English."""
        if message_language in self.catalog.languages:
            return str(message_language)
        return language_for_country(self.catalog.languages, country)

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

    def use_layers(self, layers: Sequence[tuple[Layer, Path]]) -> None:
        """Read templates from these folders from now on (a team folder set, another
        personal folder): a fresh library and renderer, so nothing stale is kept."""
        self.library = TemplateLibrary(layers)
        self._renderer = None

    def _fields(self, case: Case, values: Mapping[str, Value]) -> dict[str, Value | None]:
        # A value for a field this case doesn't use is ignored: the same buyer's order carries
        # over between cases, but a ship date must not put a deadline on a quality case.
        return with_defaults(self.catalog, {n: v for n, v in values.items() if n in case.fields})

    def _scope(self, case: Case, fields: Mapping[str, Value | None],
               today: dt.date | None) -> dict[str, Any]:
        return {**fields,
                **computed_values(self.catalog, case, fields, today or dt.date.today())}

    def _extended(self, scope: dict[str, Any], decision: Decision) -> dict[str, Any]:
        """The scope as the reply tells it: a rule whose reply extends the buyer's protection
        moves the deadline (and the days left) by that many days."""
        extension = decision.rule.extend_deadline_by
        if extension is None or scope.get("deadline") is None:
            return scope
        days, _ = extension.evaluate({**self.policy.constants, **scope})
        if not isinstance(days, int):
            return scope
        left = scope["days_left"] + days
        return {**scope, "deadline": scope["deadline"] + dt.timedelta(days=days),
                "days_left": left, "deadline_passed": left < 0}

    def _template_context(self, scope: Mapping[str, Any], decision: Decision) -> dict[str, Any]:
        context = {**self.policy.constants}
        for name, value in scope.items():
            context[name] = self._marker(name, scope) if value is None else value
        context.update(localized(scope, self.catalog))
        refund = decision.refund
        if refund is None:
            marker = self._marker("refund", scope, decision.empty_names)
            context.update(refund_min=marker, refund_max=marker, refund_currency="USD")
        else:
            context.update(refund_min=refund.min, refund_max=refund.max,
                           refund_currency=refund.currency)
        context["actions"] = [action.value for action in decision.rule.actions]
        return context

    def _marker(self, name: str, scope: Mapping[str, Any],
                inputs: Iterable[str] | None = None) -> Missing:
        """The marker of an empty value: its own name ("[deadline]", not "[ship date]"),
        and the empty order fields it waits for."""
        needs = self._empty_sources(COMPUTED_SOURCES.get(name, (name,)) if inputs is None
                                    else inputs, scope)
        key = (name, needs)
        marker = self._markers.get(key)
        if marker is None:
            label = self._marker_label(name)
            words = {lang: found[name] for lang, found in self.catalog.markers.items()
                     if name in found}
            marker = self._markers[key] = Missing(name, {**words, "en": label.en,
                                                         "zh": label.zh}, needs)
        return marker

    def _shown_marker(self, missing: Missing, language: str) -> Marker:
        fields = self.catalog.fields
        words = missing.words.get(language) or missing.marker
        return Marker(f"[{words}]", missing.name, missing.needs,
                      tuple(fields[n].label for n in missing.needs if n in fields))

    def _marker_label(self, name: str) -> Label:
        spec = self.catalog.fields.get(name)
        if spec is not None:
            return Label(spec.marker, spec.label.zh)
        if name == "refund":
            return REFUND_MARKER
        return COMPUTED_MARKERS.get(name) or Label(name.replace("_", " "), name)

    def _empty_sources(self, names: Iterable[str], scope: Mapping[str, Any]) -> tuple[str, ...]:
        """The empty order fields behind these names (fields or computed values)."""
        empty = {source for name in names for source in COMPUTED_SOURCES.get(name, (name,))
                 if source in self.catalog.fields and scope.get(source) is None}
        return tuple(sorted(empty))

    def _needed(self, case: Case, fields: Mapping[str, Value | None], decision: Decision,
                shown: Iterable[Missing]) -> tuple[Needed, ...]:
        """The empty fields of this case's form that the reply or the policy waits for."""
        waiting = {n for n in case.required if fields.get(n) is None}
        waiting.update(*(marker.needs for marker in shown))
        waiting.update(self._empty_sources(decision.empty_names, fields))
        return tuple(Needed(n, self.catalog.fields[n].label) for n in case.fields
                     if n in waiting)

    def _suggestion(self, case: Case, scope: Mapping[str, Any], decision: Decision) -> Suggestion:
        rule, case_policy = decision.rule, self.policy.cases[case.id]
        checks = dict.fromkeys((*case_policy.checks, *rule.checks))
        reasons = dict.fromkeys((*case_policy.reasons, *rule.reasons))
        return Suggestion(
            actions=tuple(ActionRow(action, self.policy.actions[action],
                                    _shown_amount(action, decision.refund, scope))
                          for action in rule.actions),
            refund=decision.refund,
            deadline=scope.get("deadline") if rule.show_deadline else None,
            days_left=scope.get("days_left") if rule.show_deadline else None,
            warning_days=int(self.policy.constants.get("deadline_warning_days", 7)),
            checks=tuple(self.policy.checks[c] for c in checks),
            reasons=tuple(self.policy.reasons[r] for r in reasons),
            template=rule.template,
            template_title=self._title(rule.template),
            terms=tuple(term for term in self.policy.glossary.values()
                        if any(term.word.en in self.policy.checks[c].en for c in checks)),
            rule_layer=self.catalog.data.layer_of(_file_of(rule.line, self.policy.path)),
            rule_at=f"{_file_of(rule.line, self.policy.path)}:{rule.line}",
        )

    def _title(self, template_id: str) -> Label:
        try:
            return self.library.get(template_id).title
        except SourceError:
            return Label(template_id, template_id)


def _shown_amount(action: Action, refund: Refund | None,
                  scope: Mapping[str, Any]) -> str | None:
    """A full refund is the top of the range, never "up to" it; a partial one is its range;
    a discount, the order's discount amount."""
    if action is Action.NEXT_ORDER_DISCOUNT and scope.get("discount_amount") is not None:
        return str(money(scope["discount_amount"], scope.get("currency") or "USD"))
    if refund is None or not action.is_refund:
        return None
    high = str(money(refund.max, refund.currency))
    if action is Action.FULL_REFUND or refund.min == refund.max:
        return high
    if refund.min == 0:
        return f"≤ {high}"
    return f"{money(refund.min, refund.currency)}–{high}"


def _file_of(line: int, default: str) -> str:
    """The file a line read from YAML is in (app.data.yaml_lines.SourceLine)."""
    return getattr(line, "path", "") or default


