"""Phrases as the phrase file writes them: a language's phrases (a text with commas, or a
list), checked, and read into folded words; "…" where other words may stand between."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from app.message.text import fold_text, words_of

GAP = "…"  # in a phrase: a few other words may stand here ("prazo … acabou")
_GAP_MARK = re.compile(r"\.\.\.|…")
_SEPARATOR = re.compile(r"[,\n]")
_LETTER = re.compile(r"[^\W_]")
_BAD_GAP = re.compile(r"^\W*(?:\.\.\.|…)|(?:\.\.\.|…)\W*$|(?:\.\.\.|…)\W*(?:\.\.\.|…)")
Source = tuple[str, list[str]]  # (group or signal, its phrases in one language, as written)


class Phrase(NamedTuple):
    words: tuple[str, ...]  # folded; GAP where other words may come between
    language: str
    owner: str  # the group or signal it points to
    size: int  # its words as written ("haven't received": 2): a longer phrase says more
    negative: bool  # says "not" itself ("not received"): no other "not" turns it round


class Found(NamedTuple):
    phrase: Phrase
    at: tuple[int, ...]  # the message's words it matched (token indexes)
    negator: int | None  # a "not" before it (token index), if one turns it round


def phrase_texts(value: str | list[str]) -> list[str]:
    """A language's phrases as the file gives them: a text with commas (or lines) between
    them, or a list."""
    if isinstance(value, str):
        return [text for text in _SEPARATOR.split(value) if text.strip()]
    return value


def wordless(texts: Iterable[str]) -> str | None:
    """The first phrase with no words, or with a gap at one end or none between two words
    (a mistake in the file); None when all are right."""
    return next((t for t in texts if not _LETTER.search(t) or _BAD_GAP.search(t)), None)


def parse_phrases(texts: Iterable[str], language: str, owner: str,
                  negators: frozenset[str]) -> list[Phrase]:
    """Phrases as the file writes them ("haven't received", "prazo … acabou"), checked by
    `wordless` already."""
    found = []
    for text in map(fold_text, texts):
        if "." in text or "…" in text:
            parts = [words_of(part) for part in _GAP_MARK.split(text)]
            words = tuple(w for part in parts for w in (GAP, *part))[1:] if all(parts) else ()
            size = len(_GAP_MARK.sub(" ", text).split())
        else:
            words, size = words_of(text), len(text.split())
        if words:
            found.append(Phrase(words, language, owner, size, not negators.isdisjoint(words)))
    return found
