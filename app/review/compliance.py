"""Marketplace-rule warnings for a reply the agent is about to send (hand edits included), in
the reply's language.

Basis (shared/notes/marketplace-domain.md §4.2, §8.5): a refund, resend or discount must never
be tied to cancelling a dispute or to feedback (eBay feedback-extortion policy, AliExpress
feedback-manipulation rules), and contact should stay on the platform. The words of an offer
and of such a request, per language, are in resources/compliance.yaml.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from app.catalog.labels import Label
from app.data.layered import DataLayers, read_section
from app.errors import SourceError
from app.review.patterns import compiled


class RuleWarning(NamedTuple):
    code: str
    text: Label

    def get(self, lang: str) -> str:
        return self.text.get(lang)


class OfferWords(NamedTuple):
    """A language's offer and request words, as the sources of two regular expressions: kept
    as text (and pickled so), compiled when the language is first checked."""

    offer_source: str
    request_source: str

    @property
    def offer(self) -> re.Pattern[str]:
        return compiled(self.offer_source, re.I)

    @property
    def request(self) -> re.Pattern[str]:
        return compiled(self.request_source, re.I)


_SENTENCE = re.compile(r"(?<=[.!?。！？])\s+|\n+")
_CONTACT = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+|"
                      r"\b(whats ?app|wechat|telegram|paypal|skype|viber)\b|"
                      # a phone number: "+…" or digits in groups (long order ids are fine)
                      r"\+\d[\d -]{7,}\d|\b\d{3,4}[ -]\d{3,4}[ -]\d{3,4}\b", re.I)
_URL = re.compile(r"https?://(?![\w.]*(17track\.net|cainiao\.com|global\.cainiao))\S+", re.I)

CONDITIONAL = RuleWarning("conditional", Label(
    "An offer and a request about the dispute, feedback or receipt share a sentence: never make "
    "compensation depend on them (marketplace rules).",
    "同一句里既有补偿又提到纠纷/评价/确认收货：不得以此作为补偿条件（平台规则）。"))
CONTACT = RuleWarning("contact", Label(
    "Off-platform contact (e-mail, phone, WhatsApp, WeChat, PayPal) — keep the conversation on "
    "the marketplace.",
    "出现站外联系方式（邮箱、电话、WhatsApp、微信、PayPal）——请在平台内沟通。"))
LINK = RuleWarning("link", Label(
    "A link other than a tracking site — marketplaces may block or penalise it.",
    "包含非物流查询网站的链接——平台可能屏蔽或处罚。"))

_bundled: dict[str, OfferWords] | None = None


def load_offer_words(path: Path | None = None,
                     data: DataLayers | None = None) -> dict[str, OfferWords]:
    """compliance.yaml's words per language (`path`, else through the layers); SourceError
    (file:line) for a broken entry."""
    section, where = read_section("compliance.yaml", "languages", "offer and request words",
                                  path, data)
    found = {}
    for lang, entry in section.items():
        line = section.line_of(lang)
        try:
            words = OfferWords(_words(entry["offer"]), _words(entry["request"]))
            for source in words:  # compiled once here: a broken expression names its line
                compiled(source, re.I)
            found[lang] = words
        except (KeyError, TypeError, re.error) as exc:
            raise SourceError(where, line, f"{lang}: needs offer and request lists of "
                              f"regular expressions ({exc})") from None
    return found


def _words(fragments: list[str]) -> str:
    return r"\b(?:" + "|".join(f"(?:{f})" for f in fragments) + r")(?!\w)"


def check_reply(text: str, lang: str = "en",
                words: dict[str, OfferWords] | None = None) -> list[RuleWarning]:
    found: list[RuleWarning] = []
    offers = (words or _bundled_words()).get(lang) or (words or _bundled_words())["en"]
    if any(offers.offer.search(s) and offers.request.search(s) for s in _SENTENCE.split(text)):
        found.append(CONDITIONAL)
    if _CONTACT.search(text):
        found.append(CONTACT)
    if _URL.search(text):
        found.append(LINK)
    return found


def _bundled_words() -> dict[str, OfferWords]:
    global _bundled  # noqa: PLW0603 (read once, on the first check)
    if _bundled is None:
        _bundled = load_offer_words()
    return _bundled
