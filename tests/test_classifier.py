"""Reading a pasted buyer message: suggested cases, signals, language, order fields."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from app.catalog.catalog import load_catalog
from app.cli.main import main
from app.errors import SourceError
from app.message.classifier import MAX_CHARS, extract_values, load_lexicon, normalise

CORPUS = yaml.safe_load((Path(__file__).parent / "data" / "buyer_messages.yaml")
                        .read_text(encoding="utf-8"))
SMALL = """\
groups:
  arrived-empty:
    cases: [empty-parcel]
    phrases:
      en: [arrived empty, empty box]
  not-arrived:
    cases: [not-received-in-transit, not-received-overdue]
    phrases:
      en: [not arrived, "haven't received"]
      pt: [nao chegou]
  missing:
    cases: [missing-item]
    phrases:
      en: [missing]
  accessory:
    cases: [missing-accessory]
    phrases:
      en: [missing, belt]
signals:
  refund:
    label: {en: asks for a refund, zh: 要求退款}
    phrases:
      en: [refund, money back]
languages:
  en: [the, my, is, i]
  pt: [o, meu, nao, e]
"""


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


@pytest.fixture(scope="module")
def lexicon(catalog):
    return load_lexicon(case_ids=catalog.cases)


@pytest.fixture()
def small(tmp_path, catalog):
    path = tmp_path / "phrases.yaml"
    path.write_text(SMALL, encoding="utf-8")
    return load_lexicon(path, catalog.cases)


def test_normalising_ignores_case_accents_and_punctuation():
    assert normalise("Não  CHEGOU!!") == " nao chegou "
    assert normalise("I haven’t received") == normalise("i haven't received") \
        == " i haven t received "
    assert normalise("Посылка не пришла.") == " посылка не пришла "


def test_phrases_match_whole_words_only(small):
    assert small.read("my belt is missing").guesses[0].case_id == "missing-accessory"
    assert small.read("beltway missingno").guesses == ()


def test_a_longer_phrase_outweighs_and_hides_a_shorter_one_inside_it(small):
    reading = small.read("The parcel arrived empty. Not arrived? No, it arrived empty")
    assert [g.case_id for g in reading.guesses][:1] == ["empty-parcel"]
    guesses = {g.case_id: g for g in small.read("It arrived empty").guesses}
    assert set(guesses) == {"empty-parcel"}  # "arrived" alone is no phrase; nothing else


def test_the_same_phrase_in_two_groups_counts_for_both(small):
    ids = [g.case_id for g in small.read("one item is missing").guesses]
    assert ids == ["missing-item", "missing-accessory"]  # tie: the file's order


def test_a_group_suggests_its_cases_in_order_at_most_three(small):
    reading = small.read("I haven't received it, not arrived, and the belt is missing")
    ids = [g.case_id for g in reading.guesses]
    assert ids[:2] == ["not-received-in-transit", "not-received-overdue"]
    assert len(ids) == 3
    assert reading.guesses[0].phrases == ("haven t received", "not arrived")


def test_signals_and_language(small):
    reading = small.read("Meu pedido nao chegou, quero o meu dinheiro")
    assert reading.language == "pt" and reading.signals == ()
    reading = small.read("I want my money back, it is not arrived")
    assert reading.language == "en" and reading.signals == ("refund",)
    assert small.read("Где моя посылка?").language == "ru"
    assert small.read("12345").language is None


def test_order_and_tracking_numbers_are_picked_out():
    text = "Order 8123456789012345, tracking rb123456789cn, call +86 138 0013 8000"
    assert extract_values(text) == {"order_id": "8123456789012345",
                                    "tracking_number": "RB123456789CN"}
    assert extract_values("track LP00123456789012 pls") == {"tracking_number": "LP00123456789012"}
    assert extract_values("phone 13800138000, 2026-11-26") == {}


def test_a_huge_paste_is_read_from_its_start_and_says_so(small):
    reading = small.read("not arrived " + "x" * (MAX_CHARS * 50) + " empty box")
    assert reading.truncated
    ids = [g.case_id for g in reading.guesses]
    assert ids[0] == "not-received-in-transit" and "empty-parcel" not in ids


@pytest.mark.parametrize(("text", "problem", "line"), [
    (SMALL.replace("[missing-item]", "[missing-itme]"), "no case 'missing-itme'", 12),
    (SMALL.replace("      pt: [nao chegou]", "      de: [nicht]"), "unknown language 'de'", 10),
    (SMALL.replace("    label: {en: asks for a refund, zh: 要求退款}\n", ""), "needs a label", 20),
    (SMALL.replace("en: [missing]", "en: missing"), "must be a list", 14),
    (SMALL.replace("groups:", "groups: [", 1), "YAML error", 3),
])
def test_a_broken_lexicon_names_the_file_and_line(tmp_path, catalog, text, problem, line):
    path = tmp_path / "buyer_phrases.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        load_lexicon(path, catalog.cases)
    assert caught.value.path == str(path) and problem in caught.value.message
    assert caught.value.line == line


def test_every_case_can_be_suggested(lexicon, catalog):
    suggested = {c for cases in lexicon.groups.values() for c in cases}
    assert suggested == set(catalog.cases)


@pytest.mark.parametrize("message", CORPUS, ids=lambda m: m["text"][:40])
def test_the_bundled_phrases_read_the_sample_messages(lexicon, message):
    reading = lexicon.read(message["text"])
    ids = [g.case_id for g in reading.guesses]
    if message.get("expect"):
        assert message["expect"] in ids
    if message.get("first"):
        assert ids[0] == message["first"]
    assert reading.language == message["language"]
    assert set(message.get("signals") or ()) <= set(reading.signals)
    for name in ("order_id", "tracking_number"):
        if message.get(name):
            assert reading.values[name] == message[name]


def test_the_sample_messages_cover_every_language():
    languages = [m["language"] for m in CORPUS]
    assert all(languages.count(lang) >= 5 for lang in ("en", "es", "pt", "ru", "fr"))


def test_cli_suggest_prints_cases_signals_and_the_next_command(capsys):
    code = main(["suggest", "Hola, no he recibido mi pedido 8123456789012345, quiero un "
                            "reembolso"])
    out = capsys.readouterr().out
    assert code == 0
    assert "Language: Spanish" in out
    assert "1. not-received-" in out
    assert "Next: reply-composer compose not-received-" in out
    assert "--set order_id=8123456789012345" in out


def test_a_signal_can_carry_a_note_for_the_agent(lexicon, capsys):
    assert "5 days" in lexicon.notes["dispute"].en and "5 天" in lexicon.notes["dispute"].zh
    main(["suggest", "I will open a dispute"])
    assert "Note: If a dispute is open" in capsys.readouterr().out


def test_cli_suggest_reads_standard_input_and_prints_json(capsys, monkeypatch):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("The box arrived EMPTY, nothing inside!"))
    assert main(["suggest", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["cases"][0]["case"] == "empty-parcel"
    assert data["language"] == "en" and data["truncated"] is False


def test_cli_suggest_says_when_nothing_is_recognised(capsys):
    assert main(["suggest", "Hello?"]) == 0
    assert "No case suggested" in capsys.readouterr().out
