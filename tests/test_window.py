"""The compose window, driven as an agent would (pytest-qt, offscreen)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QComboBox, QDateEdit, QLabel, QLineEdit, QWidget

from tests.gui_helpers import type_text
from ui.shell.actions import ActionId
from ui.shell.main_window import MainWindow

TODAY = dt.date(2026, 11, 26)


class Confirm:
    """Stands in for the "copy anyway?" dialog and records what it was asked."""

    def __init__(self, answer: bool) -> None:
        self.answer, self.asked = answer, []

    def __call__(self, labels: list[str]) -> bool:
        self.asked.append(labels)
        return self.answer


@pytest.fixture()
def window(make_window):
    return make_window()


def editor(window: MainWindow, name: str):
    found = window.findChild(QWidget, f"field_{name}")
    assert isinstance(found, (QLineEdit, QComboBox, QDateEdit)), name
    return found


def choose(qtbot, window, query: str) -> None:
    search = window.findChild(QLineEdit, "caseSearch")
    search.clear()
    qtbot.keyClicks(search, query)
    qtbot.keyClick(search, Qt.Key.Key_Return)


def preview_text(window) -> str:
    return window.page.preview.text()


def wait_preview(qtbot, window, needle: str) -> None:
    qtbot.waitUntil(lambda: needle in preview_text(window), timeout=3000)


def test_chinese_glyphs_are_available(qapp):
    assert QFontMetrics(QFont()).inFont("北"), "install fonts-wqy-microhei"


def test_stable_object_names(window):
    for name in ("casePicker", "caseSearch", "orderForm", "preview", "gloss",
                 "suggestionPanel", "copyButton", "charCounter"):
        assert window.findChild(object, name) is not None, name


def test_search_and_enter_choose_a_case(qtbot, window):
    choose(qtbot, window, "stained")
    assert window.vm.case.id == "quality-stained"
    search = window.findChild(QLineEdit, "caseSearch")
    search.clear()
    type_text(search, "运输途中")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert window.vm.case.id == "quality-transit-damage"


def test_arrow_keys_in_search_move_through_matches(qtbot, window):
    search = window.findChild(QLineEdit, "caseSearch")
    qtbot.keyClicks(search, "not-received")
    qtbot.keyClick(search, Qt.Key.Key_Down)
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert window.vm.case.id == "not-received-in-transit"


def test_typed_buyer_name_appears_in_the_preview(qtbot, window):
    choose(qtbot, window, "order-shipped")
    qtbot.keyClicks(editor(window, "buyer_name"), "Maria")
    wait_preview(qtbot, window, "Dear Maria,")


def test_chinese_text_reaches_the_gloss(qtbot, window):
    choose(qtbot, window, "order-unpaid")
    type_text(editor(window, "item"), "红色连衣裙")
    qtbot.waitUntil(lambda: "红色连衣裙" in window.page.preview.gloss.toPlainText(), timeout=3000)


def test_ship_date_changes_days_left(qtbot, window):
    choose(qtbot, window, "not-received-in-transit")
    editor(window, "shipping_method").setCurrentIndex(
        editor(window, "shipping_method").findData("epacket"))
    deadline = window.findChild(QLabel, "deadlineLabel")
    ship_date = editor(window, "ship_date")
    for typed, expected in (("2026-11-20", "21 days left"), ("2026-11-10", "11 days left"),
                            ("2026-10-01", "passed")):
        ship_date.selectAll()
        qtbot.keyClicks(ship_date, typed)  # typed, as an agent would
        qtbot.waitUntil(lambda expected=expected: expected in deadline.text(), timeout=3000)
    assert "wait" not in preview_text(window).lower()


def test_switching_case_keeps_the_buyer(qtbot, window):
    choose(qtbot, window, "order-shipped")
    qtbot.keyClicks(editor(window, "buyer_name"), "Ahmed")
    wait_preview(qtbot, window, "Ahmed")
    choose(qtbot, window, "order-unpaid")
    assert editor(window, "buyer_name").text() == "Ahmed"
    assert "Dear Ahmed," in preview_text(window)


def test_new_buyer_clears_the_order_but_keeps_store_and_agent(qtbot, window):
    choose(qtbot, window, "order-shipped")
    qtbot.keyClicks(editor(window, "buyer_name"), "Ahmed")
    qtbot.keyClicks(editor(window, "agent_name"), "Lily")
    wait_preview(qtbot, window, "Lily")
    window.actions_[ActionId.NEW_BUYER].trigger()
    assert editor(window, "buyer_name").text() == ""
    assert editor(window, "agent_name").text() == "Lily"
    assert "Ahmed" not in preview_text(window) and "Lily" in preview_text(window)


def test_copy_puts_exactly_the_preview_on_the_clipboard(qtbot, window):
    choose(qtbot, window, "order-received-thanks")
    qtbot.keyClicks(editor(window, "buyer_name"), "Maria")
    wait_preview(qtbot, window, "Maria")
    window.page.preview.editor.appendPlainText("P.S. A hand-written line.")
    qtbot.keyClick(window.page.preview.editor, Qt.Key.Key_Return,
                   Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == preview_text(window)
    assert f"Copied {len(preview_text(window)):,} characters" in window.statusBar().currentMessage()


def test_copy_with_missing_fields_asks_first_and_names_them(qtbot, window):
    confirm = Confirm(answer=False)
    window.page.confirm = confirm
    QApplication.clipboard().setText("before")
    choose(qtbot, window, "order-shipped")
    window.page.preview.copy_button.click()
    assert confirm.asked and "Tracking number" in confirm.asked[0]
    assert QApplication.clipboard().text() == "before"
    confirm.answer = True
    window.page.preview.copy_button.click()
    assert QApplication.clipboard().text() == preview_text(window)


def test_missing_markers_are_highlighted(qtbot, window):
    choose(qtbot, window, "order-shipped")
    assert "[tracking number]" in preview_text(window)
    pattern = window.page.preview.highlighter._pattern
    assert pattern is not None and pattern.search("[tracking number]")


def test_hand_edits_survive_order_changes_until_reset(qtbot, window):
    choose(qtbot, window, "order-received-thanks")
    window.page.preview.editor.setPlainText("My own words")
    qtbot.keyClicks(editor(window, "buyer_name"), "Zoe")
    window.vm.compose_now()
    assert preview_text(window) == "My own words"
    window.page.preview.reset_button.click()
    assert "Dear Zoe," in preview_text(window)


def test_char_counter_counts_the_preview(qtbot, window):
    choose(qtbot, window, "order-unpaid")
    counter = window.findChild(QLabel, "charCounter")
    assert counter.text().startswith(f"{len(preview_text(window)):,} / 1,000")


def test_settings_restore_after_a_restart(qtbot, make_window):
    first = make_window()
    choose(qtbot, first, "customs-tax")
    first.resize(701, 503)  # within the offscreen screen (800×600), which clamps windows
    first.page.splitter.setSizes([200, 400, 500])
    sizes = first.page.splitter.sizes()
    first.close()
    second = make_window()
    assert second.vm.case.id == "customs-tax"
    assert (second.width(), second.height()) == (701, 503)
    assert second.page.splitter.sizes() == sizes


def test_store_and_agent_names_are_remembered(qtbot, make_window):
    first = make_window()
    choose(qtbot, first, "order-unpaid")
    qtbot.keyClicks(editor(first, "store_name"), "Sunny Store")
    qtbot.waitUntil(lambda: "Sunny Store" in preview_text(first), timeout=3000)
    first.close()
    second = make_window()
    assert editor(second, "store_name").text() == "Sunny Store"


def test_broken_template_shows_its_error_and_keeps_the_last_preview(qtbot, tmp_path,
                                                                    make_window):
    library = tmp_path / "library"
    library.mkdir()
    window = make_window(library=library)
    choose(qtbot, window, "order-unpaid")
    good = preview_text(window)
    assert good
    (library / "order-unpaid.j2").write_text(
        "---\ntitle: {en: X, zh: X}\n---\nHello\n{% if buyer_name %}\n=== gloss ===\n好\n",
        encoding="utf-8")
    qtbot.keyClicks(editor(window, "buyer_name"), "Li")
    error = window.findChild(QLabel, "renderError")
    qtbot.waitUntil(error.isVisible, timeout=3000)
    assert "order-unpaid.j2:" in error.text()
    assert preview_text(window) == good


def test_bad_value_is_named_and_kept(qtbot, window):
    choose(qtbot, window, "missing-item")
    qtbot.keyClicks(editor(window, "unit_price"), "-5")
    error = window.findChild(QLabel, "error_unit_price")
    qtbot.waitUntil(error.isVisible, timeout=3000)
    assert "0 or more" in error.text()
    assert editor(window, "unit_price").text() == "-5"


def test_next_and_previous_case_actions(qtbot, window):
    choose(qtbot, window, "order-unpaid")
    window.findChild(QLineEdit, "caseSearch").clear()
    window.actions_[ActionId.NEXT_CASE].trigger()
    assert window.vm.case.id == "order-payment-confirmed"
    window.actions_[ActionId.PREVIOUS_CASE].trigger()
    assert window.vm.case.id == "order-unpaid"


def test_ctrl_m_pastes_the_clipboard_as_the_buyers_message(qtbot, window):
    from PySide6.QtGui import QGuiApplication

    QGuiApplication.clipboard().setText("The box arrived empty!! Order No.: 8123456789012345")
    window.actions_[ActionId.PASTE_MESSAGE].trigger()
    assert window.page.message.editor.toPlainText().startswith("The box arrived empty")
    assert window.page.message.buttons[0].property("case") == "empty-parcel"
    assert window.vm.values["order_id"] == "8123456789012345"


def test_every_action_shows_its_shortcut_in_the_tooltip(window):
    for action_id in ActionId:
        action = window.actions_[action_id]
        assert not action.shortcut().isEmpty(), action_id
        assert "(" in action.toolTip(), action_id


def test_ticked_checks_survive_typing(qtbot, window):
    choose(qtbot, window, "empty-parcel")
    checks = window.page.suggestion.checks
    assert checks.count() >= 2
    checks.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.keyClicks(editor(window, "buyer_name"), "Kim")
    wait_preview(qtbot, window, "Dear Kim,")
    assert checks.item(0).checkState() == Qt.CheckState.Checked
    assert checks.item(1).checkState() == Qt.CheckState.Unchecked


def test_a_conditional_hand_edit_is_warned_about(qtbot, window):
    choose(qtbot, window, "order-received-thanks")
    warning = window.findChild(QLabel, "complianceWarning")
    assert not warning.isVisible()
    window.page.preview.editor.appendPlainText("Please cancel the dispute and we will refund you.")
    qtbot.waitUntil(lambda: warning.isVisible() and "dispute" in warning.text(), timeout=3000)


def test_a_hand_edit_gets_english_hints_below_the_warnings(qtbot, window):
    choose(qtbot, window, "order-received-thanks")
    warning = window.findChild(QLabel, "complianceWarning")
    window.page.preview.editor.appendPlainText("Sorry you haven’t receipt your order!!!")
    qtbot.waitUntil(lambda: "✎" in warning.text(), timeout=3000)
    lines = warning.text().splitlines()
    assert lines == ["✎ “haven't receipt” → “haven't received”", "✎ “!!!” → “one “!” at most”"]
    window.switch_language("zh")
    assert "receipt 是名词" in warning.text()


def test_fields_the_reply_still_needs_are_tinted(qtbot, window):
    choose(qtbot, window, "order-shipped")
    assert editor(window, "tracking_number").property("missing") is True
    qtbot.keyClicks(editor(window, "tracking_number"), "LP1")
    qtbot.waitUntil(lambda: editor(window, "tracking_number").property("missing") is False,
                    timeout=3000)


def test_char_limit_is_configurable_and_turns_the_counter_amber(qtbot, window):
    choose(qtbot, window, "order-unpaid")
    counter = window.findChild(QLabel, "charCounter")
    length = len(preview_text(window))
    window.counter.set_limit(length + 5)  # within 90 %: amber
    assert f"/ {length + 5:,}" in counter.text() and "#a15c00" in counter.styleSheet()
    window.counter.set_limit(length - 1)  # over: red
    assert "#b3261e" in counter.styleSheet()
    assert window.state.char_limit == length - 1


def test_a_typed_bad_date_is_named_and_kept(qtbot, window):
    choose(qtbot, window, "not-received-in-transit")
    qtbot.keyClicks(editor(window, "ship_date"), "2026-13-01")
    error = window.findChild(QLabel, "error_ship_date")
    qtbot.waitUntil(error.isVisible, timeout=3000)
    assert "not a date" in error.text() and editor(window, "ship_date").text() == "2026-13-01"


def test_the_calendar_picks_a_date(qtbot, window):
    from ui.compose.date_field import DateField

    choose(qtbot, window, "not-received-in-transit")
    field = window.page.form.editors["ship_date"]
    assert isinstance(field, DateField)
    field._open_at_current()
    assert field.calendar.selectedDate() == QDate.currentDate()  # not the year 2000
    field.calendar.clicked.emit(QDate(2026, 10, 20))
    assert editor(window, "ship_date").text() == "2026-10-20"
    qtbot.waitUntil(lambda: window.vm.values.get("ship_date") == "2026-10-20", timeout=3000)


def test_a_typed_country_name_is_matched_in_any_language_or_named(qtbot, window):
    choose(qtbot, window, "customs-tax")
    country = editor(window, "destination_country")
    country.lineEdit().selectAll()
    qtbot.keyClicks(country.lineEdit(), "Germany")
    country.lineEdit().editingFinished.emit()
    assert country.currentData() == "DE"
    for typed, code in (("Brasil", "BR"), ("Россия", "RU"), ("espagne", "ES"), ("巴西", "BR")):
        country.lineEdit().selectAll()
        type_text(country.lineEdit(), typed)  # any language, whatever the window's
        country.lineEdit().editingFinished.emit()
        assert country.currentData() == code, typed
    country.lineEdit().selectAll()
    qtbot.keyClicks(country.lineEdit(), "Atlantis")
    country.lineEdit().editingFinished.emit()
    # A name that matches nothing stays as typed and says so; the old country isn't put back.
    error = window.findChild(QLabel, "error_destination_country")
    qtbot.waitUntil(error.isVisible, timeout=3000)
    assert "Atlantis" in error.text() and country.currentText() == "Atlantis"


@pytest.mark.parametrize(("query", "case_id"), [
    ("未收到", "not-received-no-tracking"), ("refund", "not-received-in-transit"),
    ("Shipping & customs", "shipping-method-changed"), ("腰带", "missing-accessory"),
])
def test_search_finds_cases_by_category_and_buyer_words(qtbot, window, query, case_id):
    search = window.findChild(QLineEdit, "caseSearch")
    search.clear()
    type_text(search, query)
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert window.vm.case.id == case_id


def test_the_panel_says_which_reply_the_policy_chose(qtbot, window):
    choose(qtbot, window, "not-received-in-transit")
    editor(window, "shipping_method").setCurrentIndex(
        editor(window, "shipping_method").findData("epacket"))
    qtbot.keyClicks(editor(window, "ship_date"), "2026-01-01")  # long past the deadline
    used = window.findChild(QLabel, "replyUsedLabel")
    qtbot.waitUntil(lambda: "Past the promised delivery time" in used.text()
                    or "full refund" in used.text().lower(), timeout=3000)


def test_a_value_set_on_the_view_model_shows_in_the_form(qtbot, window):
    choose(qtbot, window, "order-shipped")
    window.vm.set_value("tracking_number", "LP999")
    window.vm.set_value("shipping_method", "epacket")
    assert editor(window, "tracking_number").text() == "LP999"
    assert editor(window, "shipping_method").currentData() == "epacket"
