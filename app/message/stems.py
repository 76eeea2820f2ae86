"""Word stems (Snowball, the `snowballstemmer` package), so that a phrase matches the other
forms of its words: "не получила" is "не получил", "arrived" is "arrives".

The pure-Python stemmer costs 50–110 µs a word, so nothing is stemmed ahead of need: a
language's stemmer is imported on its first word, and each word is stemmed once and
remembered (the phrase file's words and the buyers' common words soon all are). Where
PyStemmer (the same algorithms, compiled) is installed, it is used instead.
"""

from __future__ import annotations

import importlib
import importlib.util
import re
import sys
import types
from collections.abc import Callable, Iterable

# Snowball's module and class for each language the buyers write in.
_SNOWBALL = {"en": "english", "es": "spanish", "pt": "portuguese", "ru": "russian",
             "fr": "french"}
MIN_STEM = 4  # letters: a shorter stem joins unrelated words ("pedi", "pedido": "ped")
_MEMORY_MAX = 50_000  # distinct words remembered per language; past that it starts again
# Folding took the accents off before stemming (a buyer leaves them out as often as not), so
# put back what a stemmer needs of them: French -ée/-ées is a participle like -é
# ("arrivée" is "arrivé"), Portuguese -ões the plural of -ão ("informações").
_BEFORE = {"fr": (re.compile(r"ee(s?)$"), r"e\1"), "pt": (re.compile(r"oes$"), "ao")}

_PRIVATE = "_reply_composer_snowball"  # where the stemmers' modules are loaded (see below)
_stemmers: dict[str, Callable[[str], str]] = {}
_memory: dict[str, dict[str, str]] = {}
_canonical: dict[str, dict[str, str]] = {}


def canonical(language: str, word: str) -> str:
    """What a folded word is compared by: its stem, or itself when the stem is too short
    to tell words apart."""
    found = stem(language, word)
    return found if len(found) >= MIN_STEM else word


class Canon:
    """`canonical` for one message, stemming at most `budget` words it hasn't met before:
    a 20,000-character paste of new words is read by their forms past that, not slowly."""

    def __init__(self, language: str, budget: int) -> None:
        self.language = language
        self.budget = budget
        self.known = _canonical.setdefault(language, {})  # word → what it is compared by

    def afford(self, words: Iterable[str]) -> bool:
        """Whether the budget has room to stem these words; if so, it is spent on them."""
        memory = _memory.get(self.language, {})
        new = len({word for word in words if word not in memory})
        if new > self.budget:
            return False
        self.budget -= new
        return True

    def __call__(self, word: str) -> str:
        found = self.known.get(word)
        if found is None:
            if self.budget <= 0 and word not in _memory.get(self.language, ()):
                return word
            self.budget -= 1
            found = canonical(self.language, word)
            if len(self.known) >= _MEMORY_MAX:
                self.known.clear()
            self.known[word] = found
        return found


def stem(language: str, word: str) -> str:
    """The stem of a folded word in one of the buyers' languages (the word itself in any
    other language)."""
    memory = _memory.setdefault(language, {})
    found = memory.get(word)
    if found is None:
        if len(memory) >= _MEMORY_MAX:
            memory.clear()
        found = memory[word] = _stemmer(language)(_prepared(language, word))
    return found


def _prepared(language: str, word: str) -> str:
    rule = _BEFORE.get(language)
    return rule[0].sub(rule[1], word) if rule else word


def _stemmer(language: str) -> Callable[[str], str]:
    stemmer = _stemmers.get(language)
    if stemmer is None:
        name = _SNOWBALL.get(language)
        if name is None:
            return _unchanged
        stemmer = _compiled(name) or _pure_python(name)
        _stemmers[language] = stemmer
    return stemmer


def _compiled(name: str) -> Callable[[str], str] | None:
    """PyStemmer, the same algorithms compiled (~1 µs a word), where it is installed."""
    try:
        module = importlib.import_module("Stemmer")
    except ImportError:
        return None
    return module.Stemmer(name).stemWord  # type: ignore[no-any-return]


def _pure_python(name: str) -> Callable[[str], str]:
    """snowballstemmer's module for the language. Its package's __init__ imports all 36
    languages (~40 ms), so the modules are loaded under a package name of our own that
    points at the same folder and runs no __init__ (the real package stays untouched)."""
    if _PRIVATE not in sys.modules:
        spec = importlib.util.find_spec("snowballstemmer")  # finds it; runs nothing
        if spec is None or not spec.submodule_search_locations:
            return _unchanged  # not installed: words are compared as written
        package = types.ModuleType(_PRIVATE)
        package.__path__ = list(spec.submodule_search_locations)
        sys.modules[_PRIVATE] = package
    module = importlib.import_module(f"{_PRIVATE}.{name}_stemmer")
    return getattr(module, f"{name.capitalize()}Stemmer")().stemWord  # type: ignore[no-any-return]


def _unchanged(word: str) -> str:
    return word
