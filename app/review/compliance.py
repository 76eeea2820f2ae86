"""Marketplace-rule warnings for a reply the agent is about to send (hand edits included).

Basis (shared/notes/marketplace-domain.md §4.2, §8.5): a refund, resend or discount must never
be tied to cancelling a dispute or to feedback (eBay feedback-extortion policy, AliExpress
feedback-manipulation rules), and contact should stay on the platform.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from app.catalog.labels import Label


class RuleWarning(NamedTuple):
    code: str
    text: Label

    def get(self, lang: str) -> str:
        return self.text.get(lang)


_SENTENCE = re.compile(r"(?<=[.!?。！？])\s+|\n+")
_OFFER = re.compile(r"\b(refund|resend|send (you )?(a )?(new|another|replacement)|discount|"
                    r"coupon|compensat\w*|replacement)", re.I)
_ASK = re.compile(r"\b(cancel|close|withdraw|remove)\w* (the |your |this )?(dispute|case|claim)|"
                  r"\b(positive |good |5[- ]star )?(feedback|review)\b|\b5 stars\b|"
                  r"\bconfirm (the )?receipt\b", re.I)
_CONTACT = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+|\b(whats ?app|wechat|telegram|paypal|skype)\b|"
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


def check_reply(text: str) -> list[RuleWarning]:
    found: list[RuleWarning] = []
    if any(_OFFER.search(s) and _ASK.search(s) for s in _SENTENCE.split(text)):
        found.append(CONDITIONAL)
    if _CONTACT.search(text):
        found.append(CONTACT)
    if _URL.search(text):
        found.append(LINK)
    return found
