"""Reading a pasted buyer message: which cases it suggests, what else it says (a dispute, a
refund), the language it is in, and the order and tracking numbers it carries.

It only suggests: the agent always chooses the case. The phrases live in
resources/buyer_phrases.yaml, where a team lead adds what their buyers really write.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from app.catalog.labels import Label
from app.data.bundled import bundled_dir
from app.data.yaml_lines import LineDict, load_yaml_file
from app.errors import SourceError

if TYPE_CHECKING:
    from app.message.order_paste import OrderLabels

LANGUAGES = {"en": Label("English", "英语"), "es": Label("Spanish", "西班牙语"),
             "pt": Label("Portuguese", "葡萄牙语"), "ru": Label("Russian", "俄语"),
             "fr": Label("French", "法语")}
CYRILLIC_SHARE = 0.3  # of the letters: a Russian message (with a Latin order id or URL)
MAX_CHARS = 20_000  # a pasted conversation longer than this is read from its start only
TOP = 3

# UPU S10 ("RB123456789CN") and the longer two-letter ids of Cainiao and others
# ("LP00123456789012"); order numbers are long runs of digits (AliExpress: 16).
_TRACKING = re.compile(r"\b([A-Z]{2}\d{9}[A-Z]{2}|[A-Z]{2}\d{12,16})\b", re.IGNORECASE)
_ORDER_ID = re.compile(r"(?<![\w-])(\d{12,20})(?![\w-])")
_NOT_WORD = re.compile(r"[\W_]+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_HAN = re.compile(r"[\u4e00-\u9fff]")


def normalise(text: str) -> str:
    """Lower-case words without accents or punctuation, one space apart, padded with a space
    on each side so that a phrase can be found as whole words: " no he recibido "."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " " + " ".join(_NOT_WORD.sub(" ", bare.casefold()).split()) + " "


class Phrase(NamedTuple):
    text: str  # normalised and padded
    weight: int  # its words: a longer phrase says more
    owner: str  # the group or signal id


class CaseGuess(NamedTuple):
    case_id: str
    score: float
    phrases: tuple[str, ...]  # the lexicon's phrases found, normalised


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

    @property
    def language_name(self) -> Label | None:
        return LANGUAGES.get(self.language) if self.language else None


class Lexicon(NamedTuple):
    groups: Mapping[str, tuple[str, ...]]  # group id → the cases it suggests, likeliest first
    signals: Mapping[str, Label]  # signal id → how the window names it
    notes: Mapping[str, Label]  # signal id → what the agent should know when it is found
    group_phrases: tuple[Phrase, ...]  # longest first
    signal_phrases: tuple[Phrase, ...]  # longest first
    stopwords: Mapping[str, frozenset[str]]  # language → its common words

    def read(self, text: str) -> Reading:
        truncated = len(text) > MAX_CHARS
        text = text[:MAX_CHARS]
        normal = normalise(text)
        found = {p.owner for p in _match(self.signal_phrases, normal)}
        signals = tuple(s for s in self.signals if s in found)
        return Reading(self._guesses(_match(self.group_phrases, normal)), signals,
                       self._language(text, normal), extract_values(text), truncated,
                       tuple(Said(s, self.signals[s], self.notes.get(s)) for s in signals))

    def _guesses(self, matched: list[Phrase]) -> tuple[CaseGuess, ...]:
        scores: dict[str, float] = {}
        said: dict[str, list[str]] = {}
        for phrase in matched:
            for rank, case_id in enumerate(self.groups.get(phrase.owner, ())):
                # Within a group the first case leads; the others follow just behind it.
                scores[case_id] = scores.get(case_id, 0) + phrase.weight - rank * 0.1
                said.setdefault(case_id, []).append(phrase.text.strip())
        ranked = sorted(scores, key=lambda c: -scores[c])  # stable: group order breaks ties
        return tuple(CaseGuess(c, round(scores[c], 2), tuple(dict.fromkeys(said[c])))
                     for c in ranked[:TOP])

    def _language(self, text: str, normal: str) -> str | None:
        letters = sum(c.isalpha() for c in text) or 1
        if len(_CYRILLIC.findall(text)) / letters > CYRILLIC_SHARE:
            return "ru"
        if _HAN.search(text):
            return None  # Chinese: the agent reads it anyway
        words = normal.split()
        counts = {lang: sum(w in common for w in words) for lang, common in self.stopwords.items()}
        best = max(counts, key=lambda lang: counts[lang], default=None)
        if best is None or counts[best] == 0:
            return None
        if sorted(counts.values())[-2:] == [counts[best]] * 2:
            return None  # a tie: better unnamed than wrong
        return best


def _match(phrases: Iterable[Phrase], normal: str) -> list[Phrase]:
    """The phrases found, longest first. Words a longer phrase has already matched don't
    count again for a shorter one ("arrived" within "arrived empty"); the same phrase listed
    under two groups counts for both."""
    taken: set[tuple[int, int]] = set()
    found: list[Phrase] = []
    for phrase in phrases:
        start = normal.find(phrase.text)
        while start != -1:
            span = (start + 1, start + len(phrase.text) - 1)  # without the padding spaces
            if span in taken or not any(a < span[1] and span[0] < b for a, b in taken):
                taken.add(span)
                found.append(phrase)
                break
            start = normal.find(phrase.text, start + 1)
    return found


def read_paste(text: str, lexicon: Lexicon, order: OrderLabels | None = None) -> Reading:
    """A paste into the message box: the buyer's words, and order fields from labelled lines
    ("Order No.: 8123…", a spreadsheet row) when there are some; labelled values win."""
    if order is None:
        return lexicon.read(text)
    labelled, words = order.split(text[:MAX_CHARS])
    reading = lexicon.read(words)  # a line a label took gives its value through the label
    return reading._replace(values={**reading.values, **labelled},
                            truncated=len(text) > MAX_CHARS)


def extract_values(text: str) -> dict[str, str]:
    """Order fields written in the message: the first tracking number and order number."""
    values: dict[str, str] = {}
    tracking = _TRACKING.search(text)
    if tracking:
        values["tracking_number"] = tracking.group(1).upper()
    order = _ORDER_ID.search(text)
    if order:
        values["order_id"] = order.group(1)
    return values


def load_lexicon(path: Path | None = None, case_ids: Collection[str] | None = None) -> Lexicon:
    """Read buyer_phrases.yaml; SourceError (file:line) for anything malformed, such as a
    case id the catalog doesn't have."""
    path = path or bundled_dir("resources") / "buyer_phrases.yaml"
    where = str(path)
    data = load_yaml_file(path)
    if not isinstance(data, LineDict):
        raise SourceError(where, 1, "expected a YAML mapping at the top level")
    groups: dict[str, tuple[str, ...]] = {}
    signals: dict[str, Label] = {}
    notes: dict[str, Label] = {}
    group_phrases: list[Phrase] = []
    signal_phrases: list[Phrase] = []
    for group_id, group in _section(data, "groups", where).items():
        groups[group_id] = _cases(group, group_id, where, case_ids)
        group_phrases += _phrases(group, group_id, where)
    section = _section(data, "signals", where)
    for signal_id, signal in section.items():
        signals[signal_id] = _label(signal, "label", signal_id, where, section.line_of(signal_id))
        if isinstance(signal, LineDict) and "note" in signal:
            notes[signal_id] = _label(signal, "note", signal_id, where, signal.line_of("note"))
        signal_phrases += _phrases(signal, signal_id, where)
    stopwords = {lang: frozenset(normalise(" ".join(map(str, words))).split())
                 for lang, words in _section(data, "languages", where).items()}
    return Lexicon(groups, signals, notes, _longest_first(group_phrases),
                   _longest_first(signal_phrases), stopwords)


def _longest_first(phrases: list[Phrase]) -> tuple[Phrase, ...]:
    return tuple(sorted(phrases, key=lambda p: -len(p.text)))


def _section(data: LineDict, key: str, where: str) -> LineDict:
    section = data.get(key) or LineDict()
    if not isinstance(section, LineDict):
        raise SourceError(where, data.line_of(key), f"'{key}' must be a mapping")
    for name, value in section.items():
        if not isinstance(value, LineDict | list):
            raise SourceError(where, section.line_of(name), f"{key}.{name} must be a mapping")
    return section


def _cases(group: Any, group_id: str, where: str, known: Collection[str] | None
           ) -> tuple[str, ...]:
    cases = group.get("cases") if isinstance(group, LineDict) else None
    line = group.line_of("cases") if isinstance(group, LineDict) else None
    if not isinstance(cases, list) or not cases:
        raise SourceError(where, line, f"group {group_id!r} needs a list of cases")
    for case_id in cases:
        if known is not None and case_id not in known:
            raise SourceError(where, line, f"group {group_id!r}: no case {case_id!r}")
    return tuple(str(c) for c in cases)


def _label(signal: Any, key: str, signal_id: str, where: str, line: int) -> Label:
    label = signal.get(key) if isinstance(signal, LineDict) else None
    if not isinstance(label, LineDict) or not {"en", "zh"} <= label.keys():
        raise SourceError(where, line, f"signal {signal_id!r} needs a {key} with 'en' and 'zh'")
    return Label(str(label["en"]), str(label["zh"]))


def _phrases(owner: LineDict, owner_id: str, where: str) -> list[Phrase]:
    by_language = owner.get("phrases")
    if not isinstance(by_language, LineDict):
        raise SourceError(where, owner.line_of("phrases"),
                          f"{owner_id!r} needs phrases per language (en, es, pt, ru, fr)")
    found: dict[str, Phrase] = {}  # one per text: "mancha" in Spanish and Portuguese counts once
    for lang, texts in by_language.items():
        line = by_language.line_of(lang)
        if lang not in LANGUAGES:
            raise SourceError(where, line, f"unknown language {lang!r} (use "
                              f"{', '.join(LANGUAGES)})")
        if not isinstance(texts, list):
            raise SourceError(where, line, f"{owner_id}.{lang} must be a list of phrases")
        for text in texts:
            normal = normalise(str(text))
            if not normal.strip():
                raise SourceError(where, line, f"{owner_id}.{lang}: {text!r} has no words")
            found[normal] = Phrase(normal, len(normal.split()), owner_id)
    return list(found.values())
