"""Spell checking with hunspell (Debian's hunspell and hunspell-en-us / -es / -pt-br / -ru /
-fr, installed by .ci/run): the words of a text its dictionary doesn't know."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest

DICTIONARIES = {"en": "en_US", "es": "es_ES", "pt": "pt_BR", "ru": "ru_RU", "fr": "fr_FR"}
URL = re.compile(r"https?://\S+")


def require_hunspell(lang: str = "en") -> None:
    """Skip without hunspell or the language's dictionary, except in CI, where it fails."""
    found = shutil.which("hunspell") and subprocess.run(
        ["hunspell", "-D"], capture_output=True, text=True, input="", check=False
    ).stderr.find(DICTIONARIES[lang]) != -1
    if not found:
        reason = f"hunspell with the {DICTIONARIES[lang]} dictionary is not installed"
        if os.environ.get("REPLY_COMPOSER_CI"):
            pytest.fail(reason + " (CI must install it: see .ci/run)")
        pytest.skip(reason)


def unknown_words(text: str, lang: str = "en", allow: set[str] | None = None) -> set[str]:
    """The words of `text` (links left out) hunspell doesn't know, less the `allow`ed ones."""
    result = subprocess.run(["hunspell", "-d", DICTIONARIES[lang], "-l"],
                            input=URL.sub(" ", text), capture_output=True, text=True,
                            check=True, timeout=30)
    # The French dictionary counts a full stop as part of a word ("AliExpress.").
    words = {w.rstrip(".") for w in result.stdout.split()}
    # Order and tracking numbers (LP123456789CN) are not words.
    return {w for w in words if w.lower() not in (allow or set())
            and not any(c.isdigit() for c in w)}
