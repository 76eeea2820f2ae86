"""A text in the two languages of the window: English and Chinese."""

from __future__ import annotations

from typing import NamedTuple


class Label(NamedTuple):
    en: str
    zh: str

    def get(self, lang: str) -> str:
        return self.zh if lang.startswith("zh") else self.en

    def other(self, lang: str) -> str:
        """The label in the language that isn't `lang` (shown beside it, smaller)."""
        return self.en if lang.startswith("zh") else self.zh

    def both(self, lang: str, separator: str = "  ·  ") -> str:
        """`lang` first, then the other: "Quality  ·  质量问题"."""
        return f"{self.get(lang)}{separator}{self.other(lang)}"
