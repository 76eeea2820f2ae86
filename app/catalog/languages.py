"""The languages replies are written in (resources/languages.yaml), which destination reads
which, and the markers of empty values in each (resources/markers.yaml)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from app.catalog.labels import Label
from app.data.yaml_lines import LineDict
from app.errors import SourceError

REPLY_LANGUAGES = ("en", "es", "pt", "ru", "fr")


class ReplyLanguage(NamedTuple):
    code: str
    name: Label  # in the window's languages: "Spanish" / "西班牙语"
    native: str  # as its readers write it: "Español"
    countries: frozenset[str]


def languages_from_yaml(doc: LineDict, path: str,
                        countries: Mapping[str, object]) -> dict[str, ReplyLanguage]:
    section = doc.get("languages") or LineDict()
    found: dict[str, ReplyLanguage] = {}
    for code, entry in section.items():
        line = section.line_of(code)
        if code not in REPLY_LANGUAGES or not isinstance(entry, LineDict):
            raise SourceError(path, line, f"{code}: replies are written in "
                              f"{', '.join(REPLY_LANGUAGES)}, each a mapping")
        name = entry.get("name") or {}
        codes = frozenset(str(c) for c in entry.get("countries") or ())
        unknown = sorted(codes - set(countries))
        if unknown:
            raise SourceError(path, entry.line_of("countries"),
                              f"{code}: unknown country code(s) {', '.join(unknown)}")
        found[code] = ReplyLanguage(code, Label(str(name.get("en", code)),
                                                str(name.get("zh", code))),
                                    str(entry.get("native", code)), codes)
    if "en" not in found:
        raise SourceError(path, 1, "English (en) must be one of the languages")
    return found


def markers_from_yaml(doc: LineDict, path: str) -> dict[str, dict[str, str]]:
    """language -> value name -> its marker text."""
    section = doc.get("markers") or LineDict()
    found: dict[str, dict[str, str]] = {}
    for lang, words in section.items():
        if lang not in REPLY_LANGUAGES or not isinstance(words, dict):
            raise SourceError(path, section.line_of(lang),
                              f"markers.{lang}: a language ({', '.join(REPLY_LANGUAGES)}) "
                              "mapping names to words")
        found[lang] = {str(k): str(v) for group in words.values() if isinstance(group, dict)
                       for k, v in group.items()}
    return found


def language_for_country(languages: Mapping[str, ReplyLanguage], country: str | None) -> str:
    return next((code for code, lang in languages.items() if country in lang.countries), "en")
