"""Finding the phrase file's phrases among a message's words: by stem in the message's own
language ("не получила" is "не получил"), and English word for word in the others (a Spanish
buyer's "tracking"); a longer phrase hides a shorter one inside it; and a "not" a few words
before a phrase turns it round ("didn't receive it" is no "received it").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

from app.message.phrase_text import GAP, Found, Phrase, Source, parse_phrases
from app.message.stems import MIN_STEM, Canon, canonical
from app.message.text import SENTENCE, Tokens

MAX_GAP = 8  # words, within one sentence
NEGATION_REACH = 3  # words before a phrase where a "not" still belongs to it
SHORT_MESSAGE = 60  # words: one in no clear language is compared by stem in every language
# Whose phrases are also looked for word for word in a message in another language: buyers
# write "tracking", "refund", "dispute" in the middle of their own language.
MIXED_IN = "en"
NEW_STEMS = 200  # new words a message may have stemmed for it (~15 ms on pure Python)
# Two forms of one word share their stem's first letters, but not always its fourth ("duty",
# "duties": "duti"): the first three tell which words may meet.
_START = MIN_STEM - 1


class _Starting(NamedTuple):
    """The phrases that start with one word."""

    alone: list[Phrase]  # that word is all of it
    by_next: dict[str, list[tuple[tuple[str, ...], Phrase]]]  # by their second word
    gapped: list[tuple[tuple[str, ...], Phrase]]  # a gap after the first word


class _Index:
    """Phrases by their first word, then their second: each of the message's words meets
    only the phrases that may start with it."""

    def __init__(self) -> None:
        self.first: dict[str, _Starting] = {}

    def add(self, words: tuple[str, ...], phrase: Phrase) -> None:
        starting = self.first.get(words[0])
        if starting is None:
            starting = self.first[words[0]] = _Starting([], {}, [])
        if len(words) == 1:
            starting.alone.append(phrase)
        elif words[1] == GAP:
            starting.gapped.append((words, phrase))
        else:
            starting.by_next.setdefault(words[1], []).append((words, phrase))

    def find(self, words: Sequence[str], pauses: Sequence[int]) -> list[Found]:
        found = []
        last = len(words) - 1
        first = self.first
        for at in [at for at, word in enumerate(words) if word in first]:
            starting = first[words[at]]
            found += [Found(phrase, (at,), None) for phrase in starting.alone]
            longer = starting.by_next.get(words[at + 1], ()) if at < last else ()
            for phrase_words, phrase in (*longer, *starting.gapped):
                if len(phrase_words) == 2:  # noqa: PLR2004 (its two words are there)
                    found.append(Found(phrase, (at, at + 1), None))
                    continue
                places = _places(phrase_words, words, pauses, at)
                if places is not None:
                    found.append(Found(phrase, places, None))
        return found


class Matcher:
    """The phrases of each language, indexed word for word at first need, and by stem as
    the messages' words call for them (stemming the whole file would take ~0.3 s)."""

    def __init__(self, sources: Mapping[str, list[Source]],
                 negators: Mapping[str, frozenset[str]],
                 contrast: Mapping[str, frozenset[str]]) -> None:
        self._sources = sources  # language → its phrases as written, read at first need
        self._parsed: dict[str, list[Phrase]] = {}
        self._negators = negators
        self._contrast = contrast
        self._exact: dict[str, _Index] = {}
        self._stemmed: dict[str, _Index] = {}
        self._unstemmed: dict[str, dict[str, list[Phrase]]] = {}  # by first word's letters
        self._letters: dict[str, frozenset[str]] = {}  # the first letters of every word

    def find(self, tokens: Tokens, language: str | None) -> list[Found]:
        """The phrases the words hold, each place taken by the longest one."""
        words, pauses = tokens.words, tokens.pauses
        if language is not None:
            by_stem = {language} & self._sources.keys()
            by_word = {MIXED_IN} & self._sources.keys() - by_stem
        else:  # in no clear language: a short message by stem, a long one word for word
            by_stem = set(self._sources) if len(words) <= SHORT_MESSAGE else set()
            by_word = set(self._sources) - by_stem
        starts = [w[:_START] for w in words]
        found: list[Found] = []
        for lang in by_word:
            found += self._exact_index(lang).find(words, pauses)
        for lang in by_stem:
            found += self._by_stem(lang, words, starts, pauses)
        kept = _longest_first(found)
        nots = {lang: {at for at, word in enumerate(words) if word in negators}
                for lang, negators in self._negators.items()
                if any(f.phrase.language == lang for f in kept)}
        return [self._turned(f, words, pauses, nots.get(f.phrase.language, set()))
                for f in kept]

    def _turned(self, found: Found, words: Sequence[str], pauses: Sequence[int],
                nots: set[int]) -> Found:
        """The phrase, with the "not" that turns it round if one does."""
        at = self._negator(found, words, pauses, nots) if nots else None
        return found if at is None else found._replace(negator=at)

    def _by_stem(self, language: str, words: Sequence[str], starts: Sequence[str],
                 pauses: Sequence[int]) -> list[Found]:
        """A language's phrases by stem; those whose words it had no time to stem yet (a
        first, long paste) word for word."""
        canon = Canon(language, NEW_STEMS)
        index, waiting = self._stem_index(language, starts, canon)
        found = index.find(self._canonical(language, words, starts, canon), pauses)
        if waiting:
            found += [f for f in self._exact_index(language).find(words, pauses)
                      if f.phrase.words[0][:_START] in waiting]
        return found

    def _exact_index(self, language: str) -> _Index:
        """A language's phrases word for word (built on the first message that needs it)."""
        index = self._exact.get(language)
        if index is None:
            index = self._exact[language] = _Index()
            for phrase in self.phrases(language):
                index.add(phrase.words, phrase)
        return index

    def phrases(self, language: str) -> list[Phrase]:
        """A language's phrases (read from the file's text on first need: ~2 ms each)."""
        phrases = self._parsed.get(language)
        if phrases is None:
            negators = self._negators.get(language, frozenset())
            phrases = self._parsed[language] = [
                phrase for owner, texts in self._sources.get(language, ())
                for phrase in parse_phrases(texts, language, owner, negators)]
        return phrases

    def _stem_index(self, language: str, starts: Iterable[str], canon: Canon
                    ) -> tuple[_Index, set[str]]:
        """The stem index, with the phrases these words may start added to it as far as the
        message's stemming budget goes; and the first letters of those left out."""
        index = self._stemmed.get(language)
        if index is None:
            index = self._stemmed[language] = _Index()
            unstemmed = self._unstemmed[language] = {}
            for phrase in self.phrases(language):
                unstemmed.setdefault(phrase.words[0][:_START], []).append(phrase)
        unstemmed = self._unstemmed[language]
        waiting = unstemmed.keys() & set(starts) if unstemmed else set()
        for start in sorted(waiting):
            if not canon.afford(w for p in unstemmed[start] for w in p.words if w != GAP):
                break
            waiting.discard(start)
            for phrase in unstemmed.pop(start):
                index.add(tuple(w if w == GAP else canonical(language, w)
                                for w in phrase.words), phrase)
        return index, waiting

    def _canonical(self, language: str, words: Sequence[str], starts: Sequence[str],
                   canon: Canon) -> list[str]:
        letters = self._letters.get(language)
        if letters is None:
            letters = self._letters[language] = frozenset(
                w[:_START] for phrase in self.phrases(language) for w in phrase.words)
        known = canon.known
        return [(known.get(w) or canon(w)) if start in letters else w
                for w, start in zip(words, starts, strict=True)]

    def _negator(self, found: Found, words: Sequence[str], pauses: Sequence[int],
                 nots: set[int]) -> int | None:
        """A "not" (at one of `nots`) just before the phrase, or before a part of it after a
        gap ("comprei … e nada de chegar" is no "comprei … chegou")."""
        if found.phrase.negative:
            return None
        contrast = self._contrast.get(found.phrase.language, frozenset())
        for first, limit in _parts(found):
            reach = range(first - 1, max(first - 1 - NEGATION_REACH, limit), -1)
            if nots.isdisjoint(reach):
                continue
            for at in reach:
                if pauses[at + 1] or words[at] in contrast:
                    break  # "not big, but broken": the "not" is another clause's
                if at in nots:
                    return at
        return None


def _parts(found: Found) -> list[tuple[int, int]]:
    """(first word, the word before which a "not" no longer counts) of each part of the
    phrase: the message's start for its first part, the end of the part before for others."""
    parts = [(found.at[0], -1)]
    place = 0
    for word in found.phrase.words[1:]:
        if word == GAP:
            parts.append((found.at[place + 1], found.at[place]))
        else:
            place += 1
    return parts


def _places(phrase: tuple[str, ...], words: Sequence[str], pauses: Sequence[int], at: int
            ) -> tuple[int, ...] | None:
    """Where the phrase's words are, its first at `at`; None if it isn't there."""
    places = [at]
    reach = 1
    for word in phrase[1:]:
        if word == GAP:
            reach = MAX_GAP + 1
            continue
        start = places[-1] + 1
        for place in range(start, min(start + reach, len(words))):
            if reach > 1 and pauses[place] >= SENTENCE:
                return None  # a gap stays within its sentence
            if words[place] == word:
                places.append(place)
                break
        else:
            return None
        reach = 1
    return tuple(places)


def _longest_first(found: list[Found]) -> list[Found]:
    """Longest phrases first, each word of the message taken once; the same words found by
    phrases of two groups count for both ("mancha": stained, in two languages' lists)."""
    taken: set[int] = set()
    owners: dict[tuple[int, ...], set[str]] = {}
    kept = []
    # At equal length, words side by side say more than words a gap apart.
    for item in sorted(found, key=lambda f: (-len(f.at), f.at[-1] - f.at[0], f.at)):
        same_words = owners.get(item.at)
        if same_words is not None:
            if item.phrase.owner not in same_words:
                same_words.add(item.phrase.owner)
                kept.append(item)
        elif taken.isdisjoint(item.at):
            taken.update(item.at)
            owners[item.at] = {item.phrase.owner}
            kept.append(item)
    return kept
