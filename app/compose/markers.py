"""What an empty value prints as while a reply renders, in the language being rendered: a
visible marker such as "[tracking number]" or "[número de seguimiento]", never a blank."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from contextvars import ContextVar
from typing import Any

# The language the current render writes in: "en", "es", "pt", "ru", "fr", or "zh" (the gloss).
rendering_language: ContextVar[str] = ContextVar("rendering_language", default="en")
# The markers the current render printed (its `missing`), None outside a render.
printed_markers: ContextVar[list[Missing] | None] = ContextVar("printed_markers", default=None)


class Missing:
    """An empty value: falsy in `{% if %}`, printed as a marker such as "[tracking number]".

    `name` is the field or computed value it stands for; `needs`, the empty order fields it
    waits for (a deadline needs the ship date and the shipping method); `words`, the marker's
    text per language ("en" is required; other languages fall back to it)."""

    __slots__ = ("name", "needs", "words")

    def __init__(self, name: str, words: Mapping[str, str],
                 needs: tuple[str, ...] = ()) -> None:
        self.name = name
        self.words = words
        self.needs = needs or (name,)

    @property
    def marker(self) -> str:
        return self.words["en"]

    def __bool__(self) -> bool:
        return False

    def __str__(self) -> str:
        lang = rendering_language.get()
        return f"[{self.words.get(lang) or self.words['en']}]"

    __repr__ = __str__

    def _same(self, *_: Any) -> Missing:
        return self  # arithmetic on an unknown amount stays unknown

    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = __truediv__ = _same

    def _false(self, _: Any) -> bool:
        return False

    __lt__ = __le__ = __gt__ = __ge__ = _false


def finalize(value: Any) -> Any:
    """Jinja's `finalize`: note each marker printed, and keep every printed value within the
    render's size budget."""
    if isinstance(value, Missing):
        sink = printed_markers.get()
        if sink is not None:
            sink.append(value)
        return value
    from app.compose.sandbox import check_size

    return check_size(value)


class Localized:
    """A value that reads in the language being rendered: a country's name ("Brasil",
    "Бразилия"), a region's ("la UE"), a link's language. `words` holds the languages known
    ("en" at least); `lookup`, when given, supplies the others (CLDR's country names)."""

    __slots__ = ("lookup", "words")

    def __init__(self, words: Mapping[str, str],
                 lookup: Callable[[str], str | None] | None = None) -> None:
        self.words, self.lookup = words, lookup

    def __str__(self) -> str:
        lang = rendering_language.get()
        found = self.words.get(lang)
        if found is None and self.lookup is not None:
            found = self.lookup(lang)
        return found or self.words["en"]

    __repr__ = __str__

    def __eq__(self, other: object) -> bool:
        return str(self) == other if isinstance(other, str) else NotImplemented

    def __hash__(self) -> int:
        return hash(self.words["en"])
