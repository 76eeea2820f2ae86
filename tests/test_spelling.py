"""Every rendered English reply passes a US-English spell check."""

import re

import pytest
from spellchecker import SpellChecker

from app.catalog.catalog import load_catalog
from tests.samples import BRANCHES, FULL_ORDER

# Product and place words the dictionary doesn't know.
ALLOW = {"aliexpress", "dhgate", "epacket", "sku", "ems", "dhl", "cainiao", "ioss", "vat",
         "lily", "maria", "lp", "cn"}
SAMPLE_WORDS = {w.lower() for v in FULL_ORDER.values() for w in re.findall(r"[A-Za-z]+", v)}
VARIANTS = [(case, {}) for case in load_catalog().cases] + BRANCHES


def _base(word: str) -> str:
    """The word a contraction is made of: "wasn't" → "was", "we'll" → "we"."""
    word = word.replace("’", "'")
    irregular = {"won't": "will", "can't": "can", "shan't": "shall"}
    if word in irregular:
        return irregular[word]
    if word.endswith("n't"):
        return word[:-3]
    return word.split("'")[0]


@pytest.fixture(scope="module")
def checker():
    return SpellChecker(language="en")


def test_the_checker_catches_the_playbooks_mistakes(checker):
    assert checker.unknown(["receipt", "seemsit", "atached", "colour"]) >= {"seemsit", "atached"}


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: v[0] if isinstance(v, tuple) else "")
def test_reply_spelling(compose, checker, variant):
    reply = compose(variant[0], **variant[1]).reply
    words = {_base(w.lower()) for w in re.findall(r"[A-Za-z]+(?:['’][a-z]+)?", reply)}
    unknown = checker.unknown(words - ALLOW - SAMPLE_WORDS)
    assert not unknown, f"misspelled in {variant[0]}: {sorted(unknown)}"
