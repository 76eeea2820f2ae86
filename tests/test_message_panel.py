"""The Compose tab's page on its own: the buyer's message box (paste, see the likely cases,
choose one) and what the page shows before a case is chosen."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QLineEdit

from app.user.paths import UserData
from tests.gui_helpers import type_text
from ui.compose.page import ComposePage
from ui.compose.viewmodel import ComposeViewModel
from ui.widgets.clipboard import QtClipboard

MESSAGE = ("Olá, meu pedido 8123456789012345 ainda não chegou! O rastreio LP00123456789012 "
           "não atualiza. Vou abrir uma disputa.")


@pytest.fixture()
def page(qtbot, tmp_path):
    vm = ComposeViewModel(user=UserData(tmp_path / "data"),
                          today=lambda: dt.date(2026, 11, 26), debounce_ms=0)
    vm.load()
    page = ComposePage(vm, QtClipboard(), lambda labels: True)
    qtbot.addWidget(page)
    page.populate([])
    page.show()
    return page


def shown_buttons(page: ComposePage) -> list[str]:
    return [b.property("case") for b in page.message.buttons if b.isVisibleTo(page)]


def paste(page: ComposePage, text: str) -> None:
    page.message.editor.setPlainText(text)  # what a paste does: one textChanged


def test_pasting_a_message_suggests_cases_without_choosing_one(page):
    paste(page, MESSAGE)
    suggested = shown_buttons(page)
    assert 1 <= len(suggested) <= 3
    assert suggested[0].startswith("not-received-")
    assert page.vm.case is None  # the agent chooses
    summary = page.message.summary.text()
    assert "Portuguese" in summary and "dispute" in summary
    assert "within 5 days" in summary  # what a dispute means for the agent
    assert "8123456789012345" in summary


def test_the_numbers_it_carries_fill_the_empty_fields(page):
    page.vm.set_value("order_id", "111122223333444")  # typed already: kept
    paste(page, MESSAGE)
    assert page.vm.values["order_id"] == "111122223333444"
    assert page.vm.values["tracking_number"] == "LP00123456789012"


def test_choosing_a_suggestion_opens_that_case_with_the_numbers(qtbot, page):
    paste(page, MESSAGE)
    assert page.message.choose_note.isVisibleTo(page)
    assert "✓ in the form" not in page.message.summary.text()  # no form shows them yet
    assert not any(b.isChecked() for b in page.message.buttons)
    button = next(b for b in page.message.buttons if b.isVisibleTo(page))
    button.click()
    assert page.vm.case is not None and page.vm.case.id == button.property("case")
    assert [b.isChecked() for b in page.message.buttons] == [True, False, False]
    tracking = page.findChild(QLineEdit, "field_tracking_number")
    assert tracking is not None and tracking.text() == "LP00123456789012"
    assert "tracking LP00123456789012 ✓ in the form" in page.message.summary.text()
    assert "LP00123456789012" in page.preview.text()
    page.vm.select_case("order-unpaid")  # chosen in the list instead: no suggestion checked
    assert not any(b.isChecked() for b in page.message.buttons)


def test_an_unrecognised_message_says_so_and_clearing_hides_everything(page):
    paste(page, "Do you have this in blue?")
    assert shown_buttons(page) == []
    assert "no case recognised" in page.message.summary.text()
    paste(page, "")
    assert shown_buttons(page) == [] and not page.message.summary.isVisibleTo(page)


def test_a_new_buyer_clears_the_message(page):
    paste(page, MESSAGE)
    page.new_buyer_button.click()
    assert page.message.editor.toPlainText() == ""
    assert shown_buttons(page) == []


def test_typing_a_message_updates_the_suggestions(page):
    type_text(page.message.editor, "The box arrived empty")
    assert shown_buttons(page)[0] == "empty-parcel"


def test_suggestions_follow_the_language(page):
    paste(page, MESSAGE)
    page.set_language("zh")
    first = next(b for b in page.message.buttons if b.isVisibleTo(page))
    assert first.text().startswith("1  ")  # its key
    assert "\u4e00" <= first.text()[3] <= "\u9fff"  # then the Chinese title first
    assert "葡萄牙语" in page.message.summary.text()


def test_a_broken_phrase_file_shows_its_error_and_the_rest_still_works(page, monkeypatch):
    from app.errors import SourceError

    def broken(*_, **__):
        raise SourceError("buyer_phrases.yaml", 7, "YAML error: bad indent")

    monkeypatch.setattr("app.message.reader.load_lexicon", broken)  # read at the first paste
    paste(page, MESSAGE)
    assert "buyer_phrases.yaml:7" in page.message.summary.text()
    page.vm.select_case("order-unpaid")
    assert page.preview.text()


def test_a_long_suggestion_is_cut_with_an_ellipsis_not_widening_the_column(qtbot, page):
    paste(page, "A belt is missing from my parcel")
    button = next(b for b in page.message.buttons if b.isVisibleTo(page))
    button.resize(120, button.height())
    assert button.text().endswith("…") and len(button.text()) < len(button.full_text)
    assert button.full_text in button.toolTip()


def test_pasting_an_order_fills_the_fields_that_take_its_values(page):
    paste(page, "Order No.: 8123456789012345\nBuyer: Maria\nCountry: Brazil\n"
                "Shipping method: ePacket\nShip date: 2026/10/20 09:12\n"
                "Order amount: US $25.80\nQty: a few of them\nStill not received!")
    values = page.vm.values
    assert (values["buyer_name"], values["destination_country"], values["ship_date"]) == \
        ("Maria", "Brazil", "2026-10-20")
    assert values["shipping_method"] == "ePacket" and values["order_amount"] == "25.80"
    assert "quantity" not in values  # no number in it
    assert shown_buttons(page)[0].startswith("not-received-")
    page.message.buttons[0].click()
    assert page.vm.field_errors == {}
    assert "Maria" in page.preview.text()


def test_a_value_its_field_cant_take_is_not_filled_in(page):
    paste(page, "Country: somewhere in the south\nOrder No.: 8123456789012345")
    assert "destination_country" not in page.vm.values
    assert page.vm.values["order_id"] == "8123456789012345"


def test_before_a_case_is_chosen_the_policy_panel_shows_no_empty_headings(page):
    suggestion = page.suggestion
    assert not suggestion.checks_title.isVisibleTo(page)
    assert not suggestion.reasons_title.isVisibleTo(page)
    page.vm.select_case("quality-stained")
    assert suggestion.reasons_title.isVisibleTo(page)


def test_the_message_gets_a_chinese_gist_and_its_telling_words_are_shaded(qtbot, make_window):
    window = make_window()
    panel = window.page.message
    text = "😀 Hola, el seguimiento dice entregado pero no recibí el paquete"
    panel.editor.set_pasted(text)
    qtbot.waitUntil(lambda: panel.gist.isVisibleTo(window), timeout=3000)
    assert panel.gist.text().startswith("买家：")
    marks = panel.editor.extraSelections()
    assert marks
    shaded = [m.cursor.selectedText() for m in marks]
    # The emoji counts twice in Qt: the shading still lands on whole words of the message.
    assert all(word and word in text for word in shaded), shaded
    panel.editor.set_pasted("")
    assert not panel.gist.isVisibleTo(window) and not panel.editor.extraSelections()
