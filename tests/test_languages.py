"""Replies in the buyer's language: every reply renders whole in Spanish, Portuguese, Russian
and French, spelled right, with no English sentence left and nothing conditional; dates and
money read the local way; the language follows the buyer, then the country."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.catalog.catalog import load_catalog
from app.review.compliance import check_reply
from tests.samples import BRANCHES, FULL_ORDER
from tests.spelling import require_hunspell, unknown_words

LANGUAGES = ("es", "pt", "ru", "fr")
VARIANTS = [(case, {}) for case in load_catalog().cases] + BRANCHES
GREETINGS = {"es": "Hola, Maria:", "pt": "Olá, Maria!", "ru": "Здравствуйте, Maria!",
             "fr": "Bonjour Maria,"}
# Names every language keeps: marketplaces, carriers, programmes, the sample's people.
NAMES = {"aliexpress", "dhgate", "epacket", "ems", "dhl", "cainiao", "ioss", "lily",
         "maria", "lp", "cn", "17track", "tongtool", "sku", "pix", "boleto", "remessa",
         "conforme", "us", "usd", "eur", "gbp", "gb", "ue", "iva", "tva", "ндс", "ес", "г"}
# Shipping methods keep their own names ("China Post small packet") in every language.
METHOD_WORDS = {w.lower() for m in load_catalog().methods.values()
                for w in re.findall(r"\w+", m.name.en)}
SAMPLE_WORDS = {w.lower() for v in FULL_ORDER.values() for w in re.findall(r"\w+", v)}
# Words that only an English sentence has (short words like "a" or "do" are shared).
ENGLISH = re.compile(r"\b(the|your|you|we|will|please|thank|order|refund|parcel)\b", re.I)


def _ids(variant):
    return variant[0] + "".join(f"/{k}={v}" for k, v in variant[1].items())


@pytest.fixture(scope="module")
def compose_in(composer, today):
    def run(case_id: str, language: str, **raw: str):
        values = composer.catalog.parse_all({**FULL_ORDER, **raw})
        return composer.compose(case_id, values, today, language=language)

    return run


def _without_sample_values(text: str) -> str:
    for value in sorted(FULL_ORDER.values(), key=len, reverse=True):
        if len(value) > 2:
            text = text.replace(value, " ")
    return re.sub(r"https?://\S+", " ", text)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("variant", VARIANTS, ids=[_ids(v) for v in VARIANTS])
def test_every_reply_renders_whole_in_each_language(compose_in, variant, language):
    result = compose_in(variant[0], language, **variant[1])
    assert result.language == language and not result.fell_back
    reply = result.reply
    assert "{{" not in reply and "{%" not in reply
    assert not re.search(r"\[[^\]]+\]", reply), reply  # no marker: the order is complete
    assert reply.startswith(GREETINGS[language])
    assert "Lily" in reply and "Sunny Fashion Store" in reply
    english = ENGLISH.findall(_without_sample_values(reply))
    assert not english, f"English left in the {language} reply: {english}\n{reply}"
    assert check_reply(reply, language) == [], reply


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_reply_is_spelled_right(compose_in, language):
    require_hunspell(language)
    texts = {_ids((case, extra)): _without_sample_values(compose_in(case, language, **extra).reply)
             for case, extra in VARIANTS}
    # One hunspell run for all the replies, then each unknown word traced to its replies.
    unknown = unknown_words("\n\n".join(texts.values()), language,
                            NAMES | SAMPLE_WORDS | METHOD_WORDS)
    misspelled = {name: sorted(w for w in unknown if re.search(rf"\b{re.escape(w)}\b", text))
                  for name, text in texts.items()}
    assert not {name: words for name, words in misspelled.items() if words}
    assert not unknown


@pytest.mark.parametrize(("language", "text", "wrong"), [
    ("es", "Te haremos el reembolzo completo.", "reembolzo"),
    ("pt", "Faremos o reenbolso integral.", "reenbolso"),
    ("ru", "Мы вернём деньги за посылкю.", "посылкю"),
    ("fr", "Nous vous rembourserons le colie.", "colie"),
])
def test_the_checker_catches_a_misspelling(language, text, wrong):
    require_hunspell(language)
    assert unknown_words(text, language) == {wrong}


@pytest.mark.parametrize(("language", "date", "money"), [
    ("en", "29 November 2026", "US$25.80"),
    ("es", "29 de noviembre de 2026", "25,80\u00a0US$"),
    ("pt", "29 de novembro de 2026", "US$\u00a025,80"),
    ("ru", "29 ноября 2026\u202fг.", "25,80\u00a0US$"),
    ("fr", "29 novembre 2026", "25,80\u00a0$US"),
])
def test_dates_and_amounts_read_the_local_way(compose_in, language, date, money):
    assert date in compose_in("not-received-in-transit", language).reply
    assert money in compose_in("returned-to-sender", language).reply


@pytest.mark.parametrize(("language", "text"), [
    ("es", "Si cancelas la disputa, te haremos el reembolso."),
    ("es", "Deja una valoración positiva y te enviaremos un cupón."),
    ("pt", "Se você cancelar a disputa, faremos o reembolso."),
    ("pt", "Deixe uma avaliação positiva e enviaremos um cupom de desconto."),
    ("ru", "Оставьте положительный отзыв, и мы вернём деньги."),
    ("ru", "Закройте спор, и мы отправим замену."),
    ("fr", "Si vous annulez le litige, nous vous rembourserons."),
    ("fr", "Laissez un avis positif et nous vous enverrons un bon de réduction."),
])
def test_a_conditional_offer_is_flagged_in_every_language(language, text):
    assert [w.code for w in check_reply(text, language)] == ["conditional"]


@pytest.mark.parametrize(("country", "message", "expected"), [
    ("BR", None, "pt"), ("PT", None, "pt"), ("ES", None, "es"), ("MX", None, "es"),
    ("RU", None, "ru"), ("FR", None, "fr"), ("US", None, "en"), ("DE", None, "en"),
    (None, None, "en"), ("US", "es", "es"), ("BR", "en", "en"), ("FR", "xx", "fr"),
])
def test_the_reply_language_follows_the_buyer_then_the_country(composer, country, message,
                                                               expected):
    assert composer.language_for(country, message) == expected


def test_the_gloss_stays_chinese_whatever_the_reply_language(compose_in):
    for language in LANGUAGES:
        result = compose_in("order-shipped", language)
        assert result.gloss.startswith("亲爱的 Maria")


def test_a_reply_without_the_language_comes_in_english(tmp_path, today):
    from app.compose.composer import Composer
    from app.data.bundled import bundled_dir

    bundled = bundled_dir("templates") / "order-unpaid.j2"
    text = re.sub(r"=== es ===\n.*?(?==== pt ===)", "", bundled.read_text("utf-8"), flags=re.S)
    (tmp_path / "order-unpaid.j2").write_text(text, "utf-8")
    composer = Composer.load(user_dir=tmp_path)
    values = composer.catalog.parse_all(FULL_ORDER)
    result = composer.compose("order-unpaid", values, today, language="es")
    assert result.fell_back and result.language == "en" and result.wanted_language == "es"
    assert result.reply.startswith("Dear Maria,")
    assert composer.compose("order-unpaid", values, today, language="pt").language == "pt"


def test_the_command_line_answers_in_the_language_asked(tmp_path):
    import json
    import subprocess
    import sys

    def compose(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "app", "compose", "order-unpaid",
                               "--set", "buyer_name=Maria", *args], capture_output=True,
                              text=True, timeout=60, check=False, cwd=Path(__file__).parents[1])

    spanish = json.loads(compose("--lang", "es", "--json").stdout)
    assert spanish["language"] == "es" and spanish["reply"].startswith("Hola, Maria:")
    brazil = json.loads(compose("--lang", "auto", "--set", "destination_country=Brasil",
                                "--json").stdout)
    assert brazil["language"] == "pt" and brazil["reply"].startswith("Olá, Maria!")
    assert json.loads(compose("--json").stdout)["language"] == "en"  # the default
    wrong = compose("--lang", "de")
    assert wrong.returncode == 2 and "'de' is not a reply language" in wrong.stderr
