"""Hints for a reply: wording worth a second look, never an automatic correction."""

from __future__ import annotations

import pytest

from app.errors import SourceError
from app.review.hints import EXCLAIMS, SHOUTING, load_hints


@pytest.fixture(scope="module")
def hints():
    return load_hints()["en"]


def wrongs(hints, text: str) -> list[str]:
    return [h.wrong for h in hints.find(text)]


@pytest.mark.parametrize(("text", "wrong"), [
    ("I am so sorry that you haven't receipt your order.", "haven't receipt"),
    ("I am so sorry to sent you a wrong color.", "to sent"),
    ("Your parcel is in the way.", "is in the way"),
    ("Thank you for your kindly understanding.", "kindly understanding"),
    ("Dear friend,", "dear friend"),
    ("PLS check the tracking", "pls"),
])
def test_playbook_slips_are_found(hints, text, wrong):
    assert wrong in wrongs(hints, text)


def test_matching_ignores_case_and_curly_apostrophes_but_needs_whole_words(hints):
    assert wrongs(hints, "You HAVEN’T RECEIPT it") == ["haven't receipt"]
    assert wrongs(hints, "The thxgiving sale, plsss") == []
    assert wrongs(hints, "It is on the way") == []
    assert wrongs(hints, "We packed it in the way you asked") == []  # correct English


def test_each_hint_once_in_the_order_they_appear(hints):
    text = "Thx! Dear friend, thx again, the goods was still in the way."
    assert wrongs(hints, text) == ["thx", "dear friend", "the goods was", "still in the way"]


def test_shouting_and_exclamation_runs(hints):
    assert hints.find("PLEASE CHECK YOUR ORDER now") == [SHOUTING]
    assert hints.find("Thank you!! Really!") == [EXCLAIMS]
    assert hints.find("Your DHL and EMS tracking is fine!") == []


def test_hints_read_in_both_languages(hints):
    hint = hints.find("receipt your order")[0]
    assert hint.get("en") == "“receipt your order” → “receive your order”"
    assert hint.get("zh").endswith("（receipt 是名词，动词用 receive）")


def test_every_bundled_reply_reads_without_hints(hints, compose, composer):
    from tests.samples import BRANCHES

    for case, extra in [(c, {}) for c in composer.catalog.cases] + BRANCHES:
        reply = compose(case, **extra).reply
        assert hints.find(reply) == [], (case, reply)


@pytest.mark.parametrize(("text", "line"), [
    ("hints:\n en:\n  - wrong: pls\n    better: please\n    zh: x\n  - wrong: thx\n"
     "    zh: y\n", 6),
    ("hints: nope\n", 1),
    ("hints:\n en:\n  - wrong: [pls\n", 4),
    ("hints:\n de:\n  - {wrong: bitte, better: gern, zh: x}\n", 2),
])
def test_a_broken_hints_file_names_its_line(tmp_path, text, line):
    path = tmp_path / "hints.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        load_hints(path)
    assert caught.value.path == str(path) and caught.value.line == line
