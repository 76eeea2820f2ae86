"""English hints for a reply the agent is about to send: wording that often slips in (from
resources/english_hints.yaml), ALL-CAPS shouting and "!!!". Hints, never corrections.

Basis: the seller's playbook and the research notes (marketplace-domain §6).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from app.errors import SourceError
from app.resources import LineDict, bundled_dir, load_yaml_file


class Hint(NamedTuple):
    wrong: str
    better: str
    zh: str  # why, in Chinese
    line: int  # in english_hints.yaml; 0 for the built-in ones

    def get(self, lang: str) -> str:
        if lang.startswith("zh"):
            return f"“{self.wrong}” → “{self.better}”（{self.zh}）"
        return f"“{self.wrong}” → “{self.better}”"


_SHOUTING = re.compile(r"\b[A-Z]{2,}(?:[ ,]+[A-Z]{2,}){2,}\b")  # three capitalised words
_EXCLAIMS = re.compile(r"[!！]{2,}")
SHOUTING = Hint("ALL CAPS", "normal capitals", "全大写像在喊叫", 0)
EXCLAIMS = Hint("!!!", "one “!” at most", "连续感叹号显得激动", 0)


class HintList(NamedTuple):
    hints: tuple[tuple[re.Pattern[str], Hint], ...]

    def find(self, text: str) -> list[Hint]:
        """The hints for `text`, each once, in the order they first appear; where two overlap
        ("haven't receipt your order") the one that starts first, or the longer, says it."""
        text = text.replace("’", "'")
        patterns = (*self.hints, (_SHOUTING, SHOUTING), (_EXCLAIMS, EXCLAIMS))
        found = sorted(((m.start(), -m.end(), hint) for pattern, hint in patterns
                        if (m := pattern.search(text))), key=lambda f: (f[0], f[1]))
        kept, covered = [], -1
        for start, neg_end, hint in found:
            if start >= covered:
                kept.append(hint)
                covered = -neg_end
        return kept


def load_hints(path: Path | None = None) -> HintList:
    """Read english_hints.yaml; SourceError (file:line) for an entry that isn't
    {wrong, better, zh}."""
    path = path or bundled_dir("resources") / "english_hints.yaml"
    data = load_yaml_file(path)
    entries = data.get("hints") if isinstance(data, LineDict) else None
    if not isinstance(entries, list):
        raise SourceError(str(path), 1, "expected 'hints:' with a list of entries")
    hints = []
    for entry in entries:
        if not isinstance(entry, LineDict) or not {"wrong", "better", "zh"} <= entry.keys() \
                or not str(entry["wrong"]).strip():
            line = entry.line if isinstance(entry, LineDict) else None
            raise SourceError(str(path), line, "a hint needs 'wrong', 'better' and 'zh'")
        hint = Hint(str(entry["wrong"]).strip(), str(entry["better"]), str(entry["zh"]),
                    entry.line)
        hints.append((_pattern(hint.wrong), hint))
    return HintList(tuple(hints))


def _pattern(wrong: str) -> re.Pattern[str]:
    words = [re.escape(w) for w in wrong.replace("’", "'").split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)
