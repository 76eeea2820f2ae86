"""Every rendered English reply passes hunspell's US-English dictionary."""

import re

import pytest

from app.catalog.catalog import load_catalog
from tests.samples import BRANCHES, FULL_ORDER
from tests.spelling import require_hunspell, unknown_words

# Names the dictionary doesn't know: marketplaces, carriers, programmes, the sample's people.
ALLOW = {"aliexpress", "dhgate", "epacket", "sku", "ems", "dhl", "cainiao", "ioss", "vat",
         "lily", "maria", "lp", "cn", "remessa", "conforme", "17track"}
SAMPLE_WORDS = {w.lower() for v in FULL_ORDER.values() for w in re.findall(r"[A-Za-z]+", v)}
VARIANTS = [(case, {}) for case in load_catalog().cases] + BRANCHES


@pytest.fixture(scope="module", autouse=True)
def hunspell():
    require_hunspell("en")


def test_the_checker_catches_the_playbooks_mistakes():
    assert {"seemsit", "atached"} <= unknown_words("it seemsit will be atached to the bag")


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: v[0] if isinstance(v, tuple) else "")
def test_reply_spelling(compose, variant):
    reply = compose(variant[0], **variant[1]).reply
    unknown = unknown_words(reply, "en", ALLOW | SAMPLE_WORDS)
    assert not unknown, f"misspelled in {variant[0]}: {sorted(unknown)}"
