"""What in a message counted, and how it is shown: each phrase's weight, the buyer's own
words for it (the suggestion's tooltip) and where they are in the paste (to highlight)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from app.message.lexicon_file import Group
    from app.message.phrase_text import Found
    from app.message.text import Tokens

EXTRA_WORD = 0.5  # what each word of a phrase after its first adds to its weight
MAX_SHOWN = 60  # characters of the buyer's words shown for one phrase
MAX_PHRASES = 8  # phrases shown for one case


class Heard(NamedTuple):
    """One phrase found, and the group or signal it counts for once a "not" is weighed."""

    owner: str
    found: Found


def counted(heard: Iterable[Heard], groups: Mapping[str, Group]
            ) -> Iterable[tuple[str, float, Found]]:
    """(group, weight, phrase) for each group's phrase once, however often it is said; a
    longer phrase weighs more, but less than a word more for each word."""
    seen: set[tuple[str, tuple[str, ...]]] = set()
    for owner, item in heard:
        group = groups.get(owner)
        key = (owner, item.phrase.words)
        if group is not None and key not in seen:
            seen.add(key)
            yield owner, (1 + EXTRA_WORD * (item.phrase.size - 1)) * group.weight, item


def said_for(items: Iterable[Found], text: str, words: Tokens) -> tuple[str, ...]:
    """The buyer's words that suggested a case, each once, the first few."""
    return tuple(dict.fromkeys(_shown(item, text, words) for item in items))[:MAX_PHRASES]


def _shown(item: Found, text: str, words: Tokens) -> str:
    """The buyer's words for one phrase, as written ("haven't actually received")."""
    first = item.negator if item.negator is not None else item.at[0]
    shown = " ".join(text[words.starts[first]:words.ends[item.at[-1]]].split())
    return shown if len(shown) <= MAX_SHOWN else shown[:MAX_SHOWN - 1] + "…"


def spans_of(heard: Iterable[Heard], words: Tokens, waited: Iterable[int]
             ) -> tuple[tuple[int, int], ...]:
    """Where the words that counted are in the pasted text, a run of words as one span."""
    places = set(waited)
    for _, item in heard:
        places.update(item.at)
        if item.negator is not None:
            places.add(item.negator)
    spans: list[tuple[int, int]] = []
    for place in sorted(places):
        start, end = words.starts[place], words.ends[place]
        if spans and place - 1 in places and start - spans[-1][1] <= 1:
            spans[-1] = (spans[-1][0], end)  # "haven't": one span for "haven", "t"
        else:
            spans.append((start, end))
    return tuple(spans)
