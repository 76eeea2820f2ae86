"""An order's earlier replies as the agent reads them: local time, agent, the case's title and
what was offered, in English and Chinese (the log keeps ids; the window shows words)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, NamedTuple

from app.catalog.labels import Label

if TYPE_CHECKING:
    from app.caselog.entries import LogEntry

NO_OFFER = Label("no compensation", "无补偿")


class HistoryLine(NamedTuple):
    text: Label
    reply: str  # the reply as copied (a tooltip shows its start)


def history_line(entry: LogEntry, case_titles: Mapping[str, Label],
                 action_labels: Mapping[str, Label]) -> HistoryLine:
    """ "2026-11-18 11:12 · Ann · Parcel in transit · Ask the buyer to wait" """
    when = entry.logged_at.astimezone().strftime("%Y-%m-%d %H:%M")  # this computer's time
    title = case_titles.get(entry.case_id, Label(entry.case_id, entry.case_id))
    offers = [action_labels.get(a, Label(a, a)) for a in entry.actions] or [NO_OFFER]
    amount = (f" {entry.refund_amount} {entry.refund_currency or ''}".rstrip()
              if entry.refund_amount else "")
    agent = entry.agent or "—"

    def line(lang: str, comma: str) -> str:
        offer = comma.join(o.get(lang) for o in offers) + amount
        return f"{when} · {agent} · {title.get(lang)} · {offer}"

    return HistoryLine(Label(line("en", ", "), line("zh", "、")), entry.text)
