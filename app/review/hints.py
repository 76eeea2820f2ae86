"""Hints for a reply the agent is about to send, in its language: wording that often slips in
(from resources/hints.yaml), ALL-CAPS shouting and "!!!". Hints, never corrections.

Basis: the seller's playbook and the research notes (marketplace-domain §6).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from app.catalog.labels import Label
from app.catalog.languages import REPLY_LANGUAGES
from app.data.layered import DataLayers, read_section
from app.data.yaml_lines import LineDict
from app.errors import SourceError
from app.review.patterns import compiled


class Hint(NamedTuple):
    wrong: str
    better: str
    zh: str  # why, in Chinese
    line: int  # in hints.yaml; 0 for the built-in ones

    def get(self, lang: str) -> str:
        change = f"“{self.wrong}” → “{self.better}”"
        return Label(change, f"{change}（{self.zh}）").get(lang)


# Three words in capitals, Latin or Cyrillic.
_SHOUTING = re.compile(r"\b[A-ZÀ-ÞА-ЯЁ]{2,}(?:[ ,]+[A-ZÀ-ÞА-ЯЁ]{2,}){2,}\b")
_EXCLAIMS = re.compile(r"[!！]{2,}")
SHOUTING = Hint("ALL CAPS", "normal capitals", "全大写像在喊叫", 0)
EXCLAIMS = Hint("!!!", "one “!” at most", "连续感叹号显得激动", 0)


class HintList(NamedTuple):
    source: str  # every hint's words in one alternation: one pass over a reply
    hints: tuple[Hint, ...]  # in the pattern's group order

    @property
    def pattern(self) -> re.Pattern[str]:
        """Compiled when the language is first checked: a CLI run checks one."""
        return compiled(self.source)

    def find(self, text: str) -> list[Hint]:
        """The hints for `text`, each once, in the order they first appear; where two overlap
        ("haven't receipt your order") the one that starts first, or the longer, says it."""
        text = text.replace("’", "'")
        found: dict[Hint, int] = {}
        for match in self.pattern.finditer(text.lower()):  # offsets only order them
            found.setdefault(self.hints[(match.lastindex or 1) - 1], match.start())
        for pattern, hint in ((_SHOUTING, SHOUTING), (_EXCLAIMS, EXCLAIMS)):
            if built_in := pattern.search(text):
                found.setdefault(hint, built_in.start())
        return sorted(found, key=lambda hint: found[hint])


def load_hints(path: Path | None = None, data: DataLayers | None = None) -> dict[str, HintList]:
    """Read hints.yaml (`path`, else through the layers): the hints of each language.
    SourceError (file:line) for a language that isn't a reply language, or an entry that
    isn't {wrong, better, zh}."""
    languages, where = read_section("hints.yaml", "hints", "a list of entries per language",
                                    path, data)
    found = {}
    for lang, entries in languages.items():
        if lang not in REPLY_LANGUAGES or not isinstance(entries, list):
            raise SourceError(where, languages.line_of(lang),
                              f"hints.{lang}: a reply language ({', '.join(REPLY_LANGUAGES)}) "
                              "with a list of hints")
        found[lang] = _hint_list(entries, where)
    return found


def _hint_list(entries: list[object], where: str) -> HintList:
    hints: list[Hint] = []
    for entry in entries:
        if not isinstance(entry, LineDict) or not {"wrong", "better", "zh"} <= entry.keys() \
                or not str(entry["wrong"]).strip():
            line = entry.line if isinstance(entry, LineDict) else None
            raise SourceError(where, line, "a hint needs 'wrong', 'better' and 'zh'")
        hints.append(Hint(str(entry["wrong"]).strip(), str(entry["better"]), str(entry["zh"]),
                          entry.line))
    hints.sort(key=lambda hint: -len(hint.wrong))  # where two start together, the longer wins
    return HintList(_pattern(hints), tuple(hints))


def _pattern(hints: list[Hint]) -> str:
    alternatives = ("(" + r"\s+".join(re.escape(w) for w in h.wrong.lower().replace("’", "'")
                                       .split()) + ")" for h in hints)
    # Matched against lower-cased text: IGNORECASE makes each of the many alternatives slower.
    return r"\b(?:" + "|".join(alternatives) + r")(?!\w)"
