"""The compose tab answers in the buyer's language: the message's language first, else the
destination country's; the agent can choose another (Ctrl+L), and a reply not written in
that language says it is the English one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from ui.shell.actions import ActionId

BUNDLED = Path(__file__).resolve().parents[1] / "templates"


@pytest.fixture()
def window(make_window):
    return make_window()


def start(qtbot, window, case_id: str, **values: str) -> None:
    vm = window.vm
    window.page.choose_case(case_id)
    for name, value in values.items():
        vm.set_value(name, value)
    vm.compose_now()


def reply(window) -> str:
    return window.page.preview.text()


def test_the_destination_country_chooses_the_reply_language(qtbot, window):
    start(qtbot, window, "order-unpaid", destination_country="Brasil", item="vestido")
    assert "Olá" in reply(window) and "Hello" not in reply(window)
    panel = window.page.preview
    assert panel.title.text() == "Reply to the buyer (Português)"
    assert panel.language.currentText() == "Auto: Português"
    window.vm.set_value("destination_country", "France")
    window.vm.compose_now()
    assert panel.title.text() == "Reply to the buyer (Français)"


def test_the_buyers_language_wins_over_the_country(qtbot, window):
    start(qtbot, window, "order-unpaid", destination_country="US")
    assert window.page.preview.title.text() == "Reply to the buyer (English)"
    window.page.message.editor.set_pasted("Hola, ¿cuándo llega mi pedido? Todavía no lo "
                                          "he recibido y ya pasaron tres semanas.")
    qtbot.waitUntil(lambda: "(Español)" in window.page.preview.title.text(), timeout=3000)
    assert "Hola" in reply(window) or "Gracias" in reply(window)


def test_the_agent_chooses_a_language_and_a_new_buyer_goes_back_to_auto(qtbot, window):
    start(qtbot, window, "order-unpaid", destination_country="RU")
    assert re.search("[а-я]", reply(window))
    panel = window.page.preview
    panel.language.setCurrentIndex(panel.language.findData("en"))
    panel.language.activated.emit(panel.language.currentIndex())
    assert "Hello," in reply(window) and window.vm.language_choice == "en"
    window.page.new_buyer_button.click()
    assert window.vm.language_choice == "" and panel.language.currentIndex() == 0


def test_ctrl_l_opens_the_language_list(qtbot, window):
    start(qtbot, window, "order-unpaid")
    window.actions_[ActionId.REPLY_LANGUAGE].trigger()
    combo = window.page.preview.language
    qtbot.waitUntil(lambda: combo.view().isVisible(), timeout=3000)
    assert QApplication.focusWidget() in (combo, combo.view())
    combo.hidePopup()


def test_a_reply_without_the_language_comes_in_english_and_says_so(qtbot, make_window,
                                                                   tmp_path):
    text = (BUNDLED / "order-unpaid.j2").read_text("utf-8")
    without_french = re.sub(r"=== fr ===\n.*?(?==== gloss ===)", "", text, flags=re.S)
    personal = tmp_path / "data" / "templates"
    personal.mkdir(parents=True)
    (personal / "order-unpaid.j2").write_text(without_french, "utf-8")
    window = make_window()
    start(qtbot, window, "order-unpaid", destination_country="FR")
    panel = window.page.preview
    assert reply(window).startswith("Hello,")
    assert panel.title.text() == "Reply to the buyer (English)"
    assert panel.language_note.isVisibleTo(window)
    assert "no Français version" in panel.language_note.text()
    plan = window.vm.prepare_copy(panel.text(), panel.is_edited)
    assert plan is not None and plan.text.startswith("Hello,")


def test_the_review_speaks_the_replys_language(qtbot, window):
    start(qtbot, window, "order-unpaid", destination_country="RU")
    panel = window.page.preview
    panel.editor.setPlainText(panel.text() + "\nОставьте положительный отзыв, и мы вернём "
                              "деньги.")
    qtbot.waitUntil(lambda: "⚠" in panel.warnings.text(), timeout=3000)


def test_a_french_reply_with_no_break_spaces_is_not_an_edit(qtbot, window):
    start(qtbot, window, "order-unpaid", destination_country="FR")
    assert "\u00a0" in reply(window)
    assert not window.page.preview.is_edited
    assert not window.page.preview.edited_note.isVisibleTo(window)
