"""Reading a pasted buyer message: which cases it suggests, what else it says (a dispute, a
refund), the language it is in, a one-line summary in Chinese, the words that said it (to
highlight them), and the order and tracking numbers it carries.

It only suggests: the agent always chooses the case. The phrases live in
resources/buyer_phrases.yaml, where a team lead adds what their buyers really write; they are
matched by stem (app.message.phrases), so one form of a word stands for its others.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from app.catalog.labels import Label
from app.data.layered import DataLayers, read_resource
from app.message.evidence import Heard, counted, said_for, spans_of
from app.message.lexicon_file import IGNORED, LANGUAGES, Group, Waiting, read_lexicon_file
from app.message.numbers import extract_values
from app.message.phrase_text import Found
from app.message.phrases import SHORT_MESSAGE, Matcher
from app.message.text import Tokens, clean, normalise, tokens
from app.message.timing import Wait, names_a_date, wait_in

if TYPE_CHECKING:
    from app.message.order_paste import OrderLabels

__all__ = ["LANGUAGES", "MAX_CHARS", "CaseGuess", "Lexicon", "Reading", "Said",
           "extract_values", "load_lexicon", "normalise", "read_paste"]

CYRILLIC_SHARE = 0.3  # of the words: a Russian message (with a Latin order id or URL)
# A language is clear from this many of its common words, twice the next language's; a
# message less clear is looked at in every language.
SURE_WORDS, SURE_MARGIN = 2, 2
MAX_CHARS = 20_000  # a pasted conversation longer than this is read from its start only
TOP = 3
MIN_SCORE = 0.7  # below this, a case is not suggested (a colour alone: "in blue?")
LONGEST_WAIT = 2.0  # a wait weighs more the longer it is, up to twice its rule's weight
# Within a group the first case leads; the others are its second thoughts, each a little
# less likely than the one before: a more telling group's first case outranks them.
LATER_CASE = 0.5
RANK_STEP = 0.05


class CaseGuess(NamedTuple):
    case_id: str
    score: float
    phrases: tuple[str, ...]  # the buyer's words that suggested it, as written


class Said(NamedTuple):
    """Something the buyer says that the agent should see before the case (a dispute…)."""

    signal: str  # its id: "dispute", "refund", "cancel"
    label: Label  # how the window names it
    note: Label | None  # what it means for the agent (a deadline to answer), if anything


class Reading(NamedTuple):
    """What one buyer message says."""

    guesses: tuple[CaseGuess, ...]  # best first, at most TOP
    signals: tuple[str, ...]  # signal ids: "dispute", "refund", "cancel"
    language: str | None  # "en", "es", "pt", "ru", "fr"; None when unclear
    values: dict[str, str]  # order fields found in the text: order_id, tracking_number
    truncated: bool  # longer than MAX_CHARS: only its start was read
    said: tuple[Said, ...] = ()  # the signals, with their labels and notes
    limit: int = MAX_CHARS
    summary_zh: str = ""  # "买家：说明未收到货，物流显示已妥投；要求退款" ("" for nothing)
    spans: tuple[tuple[int, int], ...] = ()  # (start, end) in the pasted text of its words

    @property
    def language_name(self) -> Label | None:
        return LANGUAGES.get(self.language) if self.language else None


class Waited(NamedTuple):
    cases: tuple[str, ...]
    weight: float


class Lexicon(NamedTuple):
    groups: Mapping[str, Group]  # group id → the cases it suggests, its weight and summary
    signals: Mapping[str, Label]  # signal id → how the window names it
    notes: Mapping[str, Label]  # signal id → what the agent should know when it is found
    matcher: Matcher
    stopwords: Mapping[str, frozenset[str]]  # language → its common words
    waiting: Waiting | None  # what a long wait points to
    case_order: Mapping[str, int]  # ties go to the case the file names first

    def read(self, text: str) -> Reading:
        truncated = len(text) > MAX_CHARS
        head = text[:MAX_CHARS]
        cleaned = clean(head)
        words = tokens(cleaned)
        language, sure = self._language(words)
        heard = self._heard(self.matcher.find(words, language if sure else None))
        wait = wait_in(words)
        waited = self._waited(heard, wait, lambda: names_a_date(words, cleaned.text))
        signals = tuple(s for s in self.signals if any(h.owner == s for h in heard))
        guesses = self._guesses(heard, waited, head, words)
        suggested = {g.case_id for g in guesses}
        shown = [h for h in heard if h.owner in signals
                 or not suggested.isdisjoint(self.groups[h.owner].cases)]
        return Reading(guesses, signals, language, extract_values(cleaned.text), truncated,
                       tuple(Said(s, self.signals[s], self.notes.get(s)) for s in signals),
                       summary_zh=self._summary(shown, signals, wait if waited else None),
                       spans=spans_of(shown, words, wait.at if waited else ()))

    def _heard(self, found: Iterable[Found]) -> list[Heard]:
        """What counts: a phrase a "not" turns round counts for its group's opposite
        ("didn't receive it" for not-received) or, where it has none, not at all."""
        heard = []
        for item in found:
            owner = item.phrase.owner
            if owner == IGNORED:
                continue
            if item.negator is not None:
                group = self.groups.get(owner)
                if group is None or group.negated is None:
                    continue
                owner = group.negated
            heard.append(Heard(owner, item))
        return heard

    def _waited(self, heard: Sequence[Heard], wait: Wait, dated: Callable[[], bool]
                ) -> Waited | None:
        """What the wait counts for, and how much: only about a parcel that hasn't come."""
        rule = self.waiting
        if rule is None:
            return None
        said = {h.owner for h in heard}
        cases = next((cases for group, cases in rule.after if group in said), None)
        long_wait = wait.days is not None and wait.days >= rule.days
        if cases is None:
            if said & self.groups.keys() or not rule.alone or not long_wait:
                return None  # a wait for something else ("left a review 2 months ago")
            cases = rule.alone
        if wait.days is not None and long_wait:
            return Waited(cases, rule.weight * min(wait.days / rule.days, LONGEST_WAIT))
        return Waited(cases, rule.weight / 2) if dated() else None

    def _guesses(self, heard: Sequence[Heard], waited: Waited | None, text: str,
                 words: Tokens) -> tuple[CaseGuess, ...]:
        scores: dict[str, float] = {}
        evidence: dict[str, float] = {}  # its own groups' phrases weigh, first case or not
        said: dict[str, list[Found]] = {}
        for owner, weight, item in counted(heard, self.groups):
            group = self.groups[owner]
            for case_id, share in _shares(group.cases):
                scores[case_id] = scores.get(case_id, 0) + weight * share
                said.setdefault(case_id, []).append(item)
                if not group.supporting:
                    evidence[case_id] = evidence.get(case_id, 0) + weight
        if waited is not None:
            for case_id, share in _shares(waited.cases):
                scores[case_id] = scores.get(case_id, 0) + waited.weight * share
                evidence[case_id] = evidence.get(case_id, 0) + waited.weight
        ranked = sorted((c for c in scores if evidence.get(c, 0) >= MIN_SCORE),
                        key=lambda c: (-scores[c], self.case_order.get(c, 0)))
        return tuple(CaseGuess(c, round(scores[c], 2), said_for(said.get(c, ()), text, words))
                     for c in ranked[:TOP])

    def _summary(self, heard: Sequence[Heard], signals: Sequence[str], wait: Wait | None
                 ) -> str:
        """"买家：说明未收到货，物流显示已妥投；要求退款": what it says, most said first."""
        weights: dict[str, float] = {}
        for owner, weight, _ in counted(heard, self.groups):
            weights[owner] = weights.get(owner, 0) + weight
        parts = [self.groups[g].zh for g in sorted(weights, key=lambda g: -weights[g])
                 if self.groups[g].zh and weights[g] >= MIN_SCORE]
        if wait is not None and wait.days and self.waiting is not None and self.waiting.zh:
            parts.append(self.waiting.zh.format(days=wait.days))
        said = [self.signals[s].zh for s in signals]
        if not parts and not said:
            return ""
        return "买家：" + "；".join(filter(None, ["，".join(dict.fromkeys(parts)), *said]))

    def _language(self, words: Tokens) -> tuple[str | None, bool]:
        """The language the buyer writes in (None when unclear), and whether it is clear
        enough to look for that language's phrases alone: "DHL me réclame 30 euros de droits
        de douane" has one English common word ("me") and no French one."""
        said = Counter(words.words)
        cyrillic = sum(n for word, n in said.items() if "\u0400" <= word[0] <= "\u04ff")
        if cyrillic / (len(words.words) or 1) > CYRILLIC_SHARE:
            return "ru", True
        if any("\u4e00" <= word[0] <= "\u9fff" for word in said):
            return None, False  # Chinese: the agent reads it anyway
        counts = sorted(((sum(n for word, n in said.items() if word in common), lang)
                         for lang, common in self.stopwords.items()), reverse=True)
        (best, language), (second, _) = (*counts, (0, ""), (0, ""))[:2]
        if best in (0, second):
            return None, False  # a tie: better unnamed than wrong
        # A long paste has words enough to go by, and no time to look in every language.
        return language, best >= SURE_WORDS and (best >= SURE_MARGIN * second
                                                 or len(words.words) > SHORT_MESSAGE)


def _shares(cases: Sequence[str]) -> Iterable[tuple[str, float]]:
    for rank, case_id in enumerate(cases):
        yield case_id, 1.0 if rank == 0 else LATER_CASE - (rank - 1) * RANK_STEP


def read_paste(text: str, lexicon: Lexicon, order: OrderLabels | None = None) -> Reading:
    """A paste into the message box: the buyer's words, and order fields from labelled lines
    ("Order No.: 8123…", a spreadsheet row) when there are some; labelled values win."""
    if order is None:
        return lexicon.read(text)
    head = text[:MAX_CHARS]
    labelled, words = order.split(head)
    reading = lexicon.read(_blank_lines(head, words.split("\n")))
    return reading._replace(values={**reading.values, **labelled},
                            truncated=len(text) > MAX_CHARS)


def _blank_lines(text: str, kept: Sequence[str]) -> str:
    """The text with the lines a label took blanked out, every offset kept (for spans)."""
    out = []
    at = 0
    for line, whole in zip(text.splitlines(), text.splitlines(keepends=True), strict=True):
        if at < len(kept) and line == kept[at]:
            out.append(whole)
            at += 1
        else:
            out.append(" " * len(line) + whole[len(line):])
    return "".join(out)


def load_lexicon(path: Path | None = None, case_ids: Collection[str] | None = None,
                 data: DataLayers | None = None) -> Lexicon:
    """Read buyer_phrases.yaml (`path`, else through the layers); SourceError (file:line)
    for anything malformed, such as a case id the catalog doesn't have."""
    parts = read_lexicon_file(*read_resource("buyer_phrases.yaml", path, data), case_ids)
    order: dict[str, int] = {}
    for group in parts.groups.values():
        for case_id in group.cases:
            order.setdefault(case_id, len(order))
    return Lexicon(parts.groups, parts.signals, parts.notes,
                   Matcher(parts.phrases, parts.negators, parts.contrast), parts.stopwords,
                   parts.waiting, order)
