"""A text in the two languages of the window, English and Chinese, and the one place that
decides which of them a language code reads."""

from __future__ import annotations

from typing import NamedTuple


def is_chinese(lang: str) -> bool:
    """Whether the window's language `lang` ("zh", "zh_CN", "en" …) is Chinese."""
    return lang.startswith("zh")


class Label(NamedTuple):
    en: str
    zh: str

    def get(self, lang: str) -> str:
        return self.zh if is_chinese(lang) else self.en

    def other(self, lang: str) -> str:
        """The label in the language that isn't `lang` (shown beside it, smaller)."""
        return self.en if is_chinese(lang) else self.zh

    def both(self, lang: str, separator: str = "  ·  ") -> str:
        """`lang` first, then the other: "Quality  ·  质量问题"."""
        return f"{self.get(lang)}{separator}{self.other(lang)}"


# Punctuation that differs between the two: a list reads "a, b" in English and "a、b" in Chinese.
LIST_SEPARATOR = Label(", ", "、")
