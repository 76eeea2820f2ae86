"""A pasted message as words: markup and invisible characters taken out, each word folded
(lower case, no accents) and placed at its offsets in the text as pasted, so that what is
found in it can be highlighted there.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from html import unescape
from itertools import accumulate
from typing import NamedTuple

_WORD = re.compile(r"[^\W_]+")  # letters and digits
_WORDS_AND_GAPS = re.compile(r"([^\W_]+)")
# What ends a sentence, and what only pauses a clause (a negation doesn't reach across it).
_SENTENCE_END = re.compile(r"[.!?;…\n\r\u2028\u2029。！？]")
_PAUSE = re.compile(r"[,:()\[\]«»\"“”„¿¡—–]")
SENTENCE, PAUSE = 2, 1
# Zero-width characters, direction marks, soft hyphens and the accents of a decomposed "é"
# (a Mac's paste): invisible or nothing to the reading, but they cut a word in two
# ("rece\u200bived") if left in.
_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
                        "\u0300-\u036f]")
# HTML copied from a browser's source: the text stays, tags and entities go. Each repeat is
# bounded and none nests, so no paste makes these scan more than a few times its length.
_MARKUP = re.compile(r"<!--[^<>]{0,2000}-->|</?[a-zA-Z][^<>]{0,1000}>"
                     r"|&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});")
_CODE_START = re.compile(r"<(script|style)\b", re.IGNORECASE)  # their insides are no text
_BLOCK_TAG = re.compile(r"</?(p|br|div|li|tr|h\d)\b", re.IGNORECASE)
# Latin letters that look Cyrillic, typed by a buyer switching keyboards inside a word.
_LOOKALIKES = str.maketrans("aeopcxykmtbh", "аеорсхукмтвн")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_LATIN = re.compile(r"[a-z]")
_FOLDED: dict[str, str] = {}
_FOLDED_MAX = 50_000  # distinct words remembered; past that the memory starts again


class Tokens(NamedTuple):
    """A message's words, the n-th of each list about the n-th word."""

    words: list[str]  # folded: "não" → "nao", "Получила" → "получила"
    starts: list[int]  # offsets in the text as pasted
    ends: list[int]
    pauses: list[int]  # what stands between a word and the one before: 0, PAUSE or SENTENCE


class Cleaned(NamedTuple):
    """The text without markup or invisible characters, and where its pieces came from."""

    text: str
    cuts: tuple[int, ...] = ()  # offsets in `text` after which characters were taken out
    removed: tuple[int, ...] = ()  # how many, in all, up to each cut

    def original(self, offset: int) -> int:
        """The offset in the pasted text of an offset in the cleaned one."""
        at = bisect_right(self.cuts, offset) - 1
        return offset + self.removed[at] if at >= 0 else offset


def clean(text: str) -> Cleaned:
    """Markup and invisible characters out, keeping track of what moved where."""
    if "<" not in text and "&" not in text and not _INVISIBLE.search(text):
        return Cleaned(text)  # the usual paste: nothing to take out
    pieces: list[str] = []
    cuts: list[int] = []
    removals: list[int] = []
    removed = last = 0
    for start, end, replacement in _cuttable(text):
        pieces.append(text[last:start])
        pieces.append(replacement)
        removed += end - start - len(replacement)
        last = end
        cuts.append(end - removed)
        removals.append(removed)
    pieces.append(text[last:])
    return Cleaned("".join(pieces), tuple(cuts), tuple(removals))


def _cuttable(text: str) -> list[tuple[int, int, str]]:
    """(start, end, what replaces it) for each piece to take out, in order, none overlapping."""
    found = [(m.start(), m.end(), "") for m in _INVISIBLE.finditer(text)]
    if "<" in text or "&" in text:
        found += _code_blocks(text)
        found += [(m.start(), m.end(), _replacement(m.group())) for m in _MARKUP.finditer(text)]
        found.sort()
    kept: list[tuple[int, int, str]] = []
    for piece in found:  # what lies inside a piece already taken goes with it
        if not kept or piece[0] >= kept[-1][1]:
            kept.append(piece)
    return kept


def _code_blocks(text: str) -> list[tuple[int, int, str]]:
    lower = text.lower() if _CODE_START.search(text) else ""
    blocks: list[tuple[int, int, str]] = []
    for opening in _CODE_START.finditer(text):
        if blocks and opening.start() < blocks[-1][1]:
            continue
        close = lower.find(f"</{opening.group(1).lower()}", opening.end())
        end = len(text) if close == -1 else text.find(">", close) + 1 or len(text)
        blocks.append((opening.start(), end, " "))
    return blocks


def _replacement(piece: str) -> str:
    if piece.startswith("&"):
        return unescape(piece)
    return "\n" if _BLOCK_TAG.match(piece) else " "  # a paragraph ends a sentence


def fold(word: str) -> str:
    """Lower case without accents; Russian keeps й (not и) and reads ё as е."""
    folded = _FOLDED.get(word)
    if folded is None:
        folded = _fold(word)
        if len(_FOLDED) >= _FOLDED_MAX:
            _FOLDED.clear()
        _FOLDED[word] = folded
    return folded


def _fold(word: str) -> str:
    bare = fold_text(word)
    if _CYRILLIC.search(bare) and _LATIN.search(bare):
        bare = bare.translate(_LOOKALIKES)
    return bare


def fold_text(text: str) -> str:
    """Lower case without accents, for any length of text (punctuation stays)."""
    lower = text.casefold()
    if lower.isascii():
        return lower
    lower = lower.replace("й", "\0").replace("ё", "е")
    return _COMBINING.sub("", unicodedata.normalize("NFKD", lower)).replace("\0", "й")


def tokens(cleaned: Cleaned) -> Tokens:
    """The words of the text, in order, with their offsets in the pasted text. One pass of
    the regular expression for the words and one for what lies between them: a 20,000-
    character paste has 3,000 words, and a loop over match objects costs 3 µs a word."""
    text = cleaned.text
    pieces = _WORDS_AND_GAPS.split(text)  # what lies before the first word, a word, …
    raw, between = pieces[1::2], pieces[0:-1:2]
    offsets = list(accumulate(map(len, pieces)))  # where each piece ends
    starts, ends = offsets[0:-1:2], offsets[1::2]
    if cleaned.cuts:
        starts = [cleaned.original(o) for o in starts]
        ends = [cleaned.original(o) for o in ends]
    words = [_FOLDED.get(w) or fold(w) for w in raw]
    return Tokens(words, starts, ends, [0 if gap in ("", " ") else _pause(gap) for gap in between])


def _pause(gap: str) -> int:
    return SENTENCE if _SENTENCE_END.search(gap) else PAUSE if _PAUSE.search(gap) else 0


def words_of(folded: str) -> tuple[str, ...]:
    """The words of a folded text ("haven't" is "haven", "t")."""
    return tuple(_WORD.findall(folded))


def normalise(text: str) -> str:
    """Lower-case words without accents or punctuation, one space apart, padded with a space
    on each side: " no he recibido "."""
    return " " + " ".join(fold(w) for w in _WORD.findall(text)) + " "
