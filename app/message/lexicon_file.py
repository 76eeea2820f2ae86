"""Reading resources/buyer_phrases.yaml (or a team lead's copy): the groups of phrases and
the cases each suggests, the signals, the words that turn a phrase round, the long-wait rule
and each language's common words. Anything malformed is a SourceError naming file:line.

Phrases are a YAML list, or a text with commas between them (the bundled file's way: one
scalar per language parses ten times faster than a list of a hundred).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Any, NamedTuple

from app.catalog.labels import Label
from app.data.yaml_lines import LineDict
from app.errors import SourceError
from app.message.phrase_text import Source, phrase_texts, wordless
from app.message.text import fold_text, words_of

LANGUAGES = {"en": Label("English", "英语"), "es": Label("Spanish", "西班牙语"),
             "pt": Label("Portuguese", "葡萄牙语"), "ru": Label("Russian", "俄语"),
             "fr": Label("French", "法语")}
_SEPARATOR = re.compile(r"[,\n]")
IGNORED = ""  # the owner of the phrases that only keep shorter ones from counting


class Group(NamedTuple):
    cases: tuple[str, ...]  # likeliest first
    zh: str  # what the buyer says, for the agent's one-line summary ("" for none)
    weight: float  # how much one of its words says, against other groups' (1 by default)
    negated: str | None  # the group its phrases count for when a "not" turns them round
    supporting: bool = False  # only adds to what other groups suggest (a colour, a size)


class Waiting(NamedTuple):
    """A long wait in the message ("ordered 2 months ago", "уже 40 дней")."""

    # Only alongside one of these groups (a wait for a parcel); the first of them the
    # message says tells what the wait points to: beside "stuck", it is how long it's stuck.
    after: tuple[tuple[str, tuple[str, ...]], ...]  # (group, its cases likeliest first)
    alone: tuple[str, ...]  # its cases when the message says nothing else
    days: int  # from how many days it counts
    weight: float  # at `days`; a longer wait weighs more, up to twice
    zh: str  # the summary's words; {days} is the wait


class Parts(NamedTuple):
    groups: dict[str, Group]
    signals: dict[str, Label]
    notes: dict[str, Label]
    phrases: dict[str, list[Source]]  # language → (group or signal, its phrases)
    stopwords: dict[str, frozenset[str]]
    negators: dict[str, frozenset[str]]
    contrast: dict[str, frozenset[str]]
    waiting: Waiting | None


def read_lexicon_file(data: LineDict, where: str, case_ids: Collection[str] | None) -> Parts:
    """The phrase file's parts (`data` as read, `where` the path to name in messages)."""
    negators = _words_by_language(data, "negators", where)
    contrast = _words_by_language(data, "contrast", where)
    groups: dict[str, Group] = {}
    phrases: dict[str, list[Source]] = {}
    section = _section(data, "groups", where)
    for group_id, group in section.items():
        groups[group_id] = _group(group, group_id, where, section.line_of(group_id), case_ids)
        _phrases(group, group_id, where, phrases)
    _check_negated(section, groups, where)
    signals: dict[str, Label] = {}
    notes: dict[str, Label] = {}
    section = _section(data, "signals", where)
    for signal_id, signal in section.items():
        if signal_id in groups:
            raise SourceError(where, section.line_of(signal_id),
                              f"{signal_id!r} is already a group's name")
        signals[signal_id] = _label(signal, "label", signal_id, where, section.line_of(signal_id))
        if isinstance(signal, LineDict) and "note" in signal:
            notes[signal_id] = _label(signal, "note", signal_id, where, signal.line_of("note"))
        _phrases(signal, signal_id, where, phrases)
    _phrases_by_language(_section(data, "ignore", where), IGNORED, where, phrases)
    return Parts(groups, signals, notes, phrases,
                 _words_by_language(data, "languages", where), negators, contrast,
                 _waiting(data, groups, where, case_ids))


def _section(data: LineDict, key: str, where: str) -> LineDict:
    section = data.get(key) or LineDict()
    if not isinstance(section, LineDict):
        raise SourceError(where, data.line_of(key), f"'{key}' must be a mapping")
    for name, value in section.items():
        if not isinstance(value, LineDict | list | str):
            raise SourceError(where, section.line_of(name), f"{key}.{name} must be a mapping")
    return section


def _group(group: Any, group_id: str, where: str, line: int, known: Collection[str] | None
           ) -> Group:
    if not isinstance(group, LineDict):
        raise SourceError(where, line, f"group {group_id!r} must be a mapping")
    cases = _cases(group, group_id, where, known)
    weight = group.get("weight", 1)
    if isinstance(weight, bool) or not isinstance(weight, int | float) or weight <= 0:
        raise SourceError(where, group.line_of("weight"),
                          f"group {group_id!r}: weight must be a number above 0")
    negated = group.get("negated")
    return Group(cases, str(group.get("zh") or ""), float(weight),
                 str(negated) if negated else None, group.get("supporting") is True)


def _check_negated(section: LineDict, groups: dict[str, Group], where: str) -> None:
    for group_id, group in groups.items():
        if group.negated is not None and group.negated not in groups:
            raise SourceError(where, section[group_id].line_of("negated"),
                              f"group {group_id!r}: no group {group.negated!r} to turn into")


def _cases(owner: LineDict, owner_id: str, where: str, known: Collection[str] | None,
           key: str = "cases") -> tuple[str, ...]:
    cases = owner.get(key)
    line = owner.line_of(key)
    if not isinstance(cases, list) or not cases:
        raise SourceError(where, line, f"{owner_id!r} needs a list of cases")
    for case_id in cases:
        if known is not None and case_id not in known:
            raise SourceError(where, line, f"group {owner_id!r}: no case {case_id!r}")
    return tuple(str(c) for c in cases)


def _label(signal: Any, key: str, signal_id: str, where: str, line: int) -> Label:
    label = signal.get(key) if isinstance(signal, LineDict) else None
    if not isinstance(label, LineDict) or not {"en", "zh"} <= label.keys():
        raise SourceError(where, line, f"signal {signal_id!r} needs a {key} with 'en' and 'zh'")
    return Label(str(label["en"]), str(label["zh"]))


def _texts(value: Any) -> list[str] | None:
    """A list of texts, or one text with commas (or lines) between them, folded (lower case,
    no accents); None for anything else."""
    if isinstance(value, str):
        return [t for t in _SEPARATOR.split(fold_text(value)) if t.strip()]
    if isinstance(value, list) and all(isinstance(t, str | int | float) for t in value):
        return [fold_text(str(t)) for t in value]
    return None


def _phrases(owner: Any, owner_id: str, where: str, into: dict[str, list[Source]]) -> None:
    by_language = owner.get("phrases") if isinstance(owner, LineDict) else None
    if not isinstance(by_language, LineDict):
        line = owner.line_of("phrases") if isinstance(owner, LineDict) else None
        raise SourceError(where, line,
                          f"{owner_id!r} needs phrases per language (en, es, pt, ru, fr)")
    _phrases_by_language(by_language, owner_id, where, into)


def _phrases_by_language(by_language: LineDict, owner_id: str, where: str,
                         into: dict[str, list[Source]]) -> None:
    """Each language's phrases, checked; they are read into words when a message needs
    them (reading all five languages' would double the load time)."""
    for lang, value in by_language.items():
        line = by_language.line_of(lang)
        _check_language(lang, where, line)
        if isinstance(value, list) and all(isinstance(t, str | int | float) for t in value):
            texts = [str(t) for t in value]  # "[5 stars, 1]": a number is a phrase too
        elif isinstance(value, str):
            texts = phrase_texts(value)
        else:
            raise SourceError(where, line, f"{owner_id or 'ignore'}.{lang} must be a list of "
                              "phrases, or a text with commas between them")
        wrong = wordless(texts)
        if wrong is not None:
            raise SourceError(where, line, f"{owner_id or 'ignore'}.{lang}: {wrong.strip()!r} "
                              "has no words (or a '…' at one end)")
        into.setdefault(lang, []).append((owner_id, texts))


def _check_language(lang: str, where: str, line: int) -> None:
    if lang not in LANGUAGES:
        raise SourceError(where, line, f"unknown language {lang!r} (use {', '.join(LANGUAGES)})")


def _words_by_language(data: LineDict, key: str, where: str) -> dict[str, frozenset[str]]:
    section = _section(data, key, where)
    found: dict[str, frozenset[str]] = {}
    for lang, value in section.items():
        _check_language(lang, where, section.line_of(lang))
        texts = _texts(value)
        if texts is None:
            raise SourceError(where, section.line_of(lang), f"{key}.{lang} must be a list")
        found[lang] = frozenset(w for text in texts for w in words_of(text))
    return found


def _waiting(data: LineDict, groups: dict[str, Group], where: str,
             known: Collection[str] | None) -> Waiting | None:
    rule = data.get("waiting")
    if rule is None:
        return None
    if not isinstance(rule, LineDict):
        raise SourceError(where, data.line_of("waiting"), "'waiting' must be a mapping")
    after = rule.get("after")
    if not isinstance(after, LineDict) or not after:
        raise SourceError(where, rule.line_of("after"),
                          "waiting: 'after' must map groups to the cases a wait points to")
    for group_id in after:
        if group_id not in groups:
            raise SourceError(where, after.line_of(group_id), f"waiting: no group {group_id!r}")
    days, weight = rule.get("days"), rule.get("weight", 2)
    if not isinstance(days, int) or not isinstance(weight, int | float) or weight <= 0:
        raise SourceError(where, rule.line_of("days"),
                          "waiting: 'days' must be a whole number, 'weight' a number")
    alone = _cases(rule, "waiting", where, known, key="alone") if "alone" in rule else ()
    return Waiting(tuple((g, _cases(after, g, where, known, key=g)) for g in after), alone,
                   days, float(weight), str(rule.get("zh") or ""))
