"""What the desk says before a copy, in English and Chinese: compensation already given on
this order or to this buyer, and a parcel that went by another method than the buyer chose."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from app.catalog.labels import Label

if TYPE_CHECKING:
    from app.caselog.entries import LogEntry
    from app.orders.book import BookOrder

METHOD_CHANGED_CASE = "shipping-method-changed"


class Note(NamedTuple):
    kind: str  # "compensated" (ask before copying) or "method" (a hint)
    text: Label


def offer_text(entry: LogEntry) -> str:
    """ "partial_refund (2.00 USD)" — what an earlier entry gave."""
    offer = ", ".join(entry.actions) or "compensation"
    if entry.refund_amount:
        currency = f" {entry.refund_currency}" if entry.refund_currency else ""
        offer += f" ({entry.refund_amount}{currency})"
    return offer


def compensation_note(entry: LogEntry, order_id: str | None) -> Note:
    """What an earlier entry gave, when and by whom: said before compensating again."""
    day = entry.logged_at.date().isoformat()
    agent = entry.agent or "an unnamed agent"
    same_order = bool(order_id) and entry.order_id == order_id
    whom = "this order" if same_order else f"this buyer (order {entry.order_id or '-'})"
    whom_zh = "这个订单" if same_order else f"这位买家（订单 {entry.order_id or '-'}）"
    return Note("compensated", Label(
        f"Already compensated {whom}: {offer_text(entry)} on {day} by {agent} "
        f"({entry.case_id})",
        f"已经补偿过{whom_zh}：{offer_text(entry)}，{day}，由 {entry.agent or '未署名的客服'} "
        f"处理（{entry.case_id}）"))


def method_note(order: BookOrder) -> Note:
    return Note("method", Label(
        f"The parcel went by {order.actual_method}, not the buyer's choice "
        f"{order.chosen_method}: the case \"Shipped by a different method\" "
        f"({METHOD_CHANGED_CASE}) may fit",
        f"包裹实际走的是 {order.actual_method}，不是买家选的 {order.chosen_method}："
        f"可能适用“物流方式与买家选择的不一致”这个案例"))
