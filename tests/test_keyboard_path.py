"""From a buyer's message on the clipboard to a reply on the clipboard, with real key events:
the keys are counted, and what is copied is always what the form says."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from ui.shell.actions import ActionId

ORDER = ("Order No.: 8123456789012345\nTracking No.: LP123456789CN\nShip date: 2026-10-20\n"
         "Shipping method: China Post small packet\nCountry: United States\n"
         "Order amount: US $25.80\nProduct: white summer dress")
KEY_BUDGET = 6  # Ctrl+M, choose, what only the agent knows, Ctrl+Enter


class Keyboard:
    """Presses keys where the focus is, as a person at the keyboard would, and counts them."""

    def __init__(self, window) -> None:
        self.window, self.count = window, 0

    def press(self, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        target = QApplication.focusWidget() or self.window
        QTest.keyClick(target, key, modifier)
        self.count += 1
        QApplication.processEvents()  # between two keys, the window gets its turn

    def type(self, text: str) -> None:
        for char in text:
            QTest.keyClicks(QApplication.focusWidget(), char)
            self.count += 1
            QApplication.processEvents()


@pytest.fixture()
def window(make_window, qtbot):
    window = make_window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)  # shortcuts need an active window
    window.page.confirm = Refuse()  # a real prompt would wait for a click that never comes
    return window


class Refuse:
    """Stands in for the missing-fields prompt: answers "go back" and records the fields."""

    def __init__(self) -> None:
        self.asked: list[list[str]] = []

    def __call__(self, labels: list[str]) -> bool:
        self.asked.append(labels)
        return False


def clipboard() -> str:
    return QGuiApplication.clipboard().text()


def fresh_reply(window) -> str:
    """The reply rendered now from the form's values (what Copy must send)."""
    vm = window.vm
    vm.compose_now()
    return vm.last_good.reply


FLOWS = [
    ("in-transit, the order pasted", "Hi, where is my order? It has been 3 weeks already.",
     "not-received-in-transit", ""),
    ("stained", "The dress I received has a big stain on the front. I want a solution.",
     "quality-stained", ""),
    ("wrong colour", "I ordered the black one but you sent me a white dress, wrong color!",
     "wrong-item", ""),
    ("delivered, not received", "The tracking says delivered but I never got the parcel.\n"
     "Delivered on: 2026-11-20", "not-received-delivered", ""),
    ("customs", "I had to pay 12 euros of customs tax to get this parcel, why?",
     "customs-tax", "12"),
]


@pytest.mark.parametrize(("name", "message", "case_id", "typed"), FLOWS,
                         ids=[flow[0] for flow in FLOWS])
def test_a_message_becomes_a_copied_reply_in_a_handful_of_keys(qtbot, window, name, message,
                                                               case_id, typed):
    QGuiApplication.clipboard().setText(f"{message}\n{ORDER}")
    keys = Keyboard(window)
    keys.press(Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    suggested = [b.property("case") for b in window.page.message.buttons if not b.isHidden()]
    assert case_id in suggested, suggested
    keys.press((Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3)[suggested.index(case_id)])
    assert window.vm.case.id == case_id
    keys.type(typed)
    keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.page.confirm.asked == []  # every field the reply needs was there
    assert clipboard() == fresh_reply(window)
    assert "[" not in clipboard(), clipboard()
    assert keys.count <= KEY_BUDGET, f"{name}: {keys.count} keys"


def test_copy_right_after_a_keystroke_sends_what_the_form_says(qtbot, window):
    window.vm.select_case("order-unpaid")  # its one required field is the item
    item = window.findChild(QLineEdit, "field_item")
    item.setFocus()
    QGuiApplication.clipboard().setText("")
    for word in ("dress", "scarf", "skirt"):
        item.selectAll()
        QTest.keyClicks(item, word)  # no pause: the preview's render is still pending
        QTest.keyClick(item, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        assert word in clipboard()
        assert clipboard() == fresh_reply(window)


def test_the_missing_fields_prompt_goes_back_by_default_to_the_first_missing(qtbot, window):
    window.vm.select_case("not-received-in-transit")
    asked = []

    def enter_on_the_prompt(labels: list[str]) -> bool:
        asked.append(labels)
        return False  # the default button: Enter and Esc both go back

    window.page.confirm = enter_on_the_prompt
    QGuiApplication.clipboard().setText("unchanged")
    assert not window.page.copy_reply()
    assert clipboard() == "unchanged"
    assert asked and "Delivered date" not in asked[0]  # only fields this form has
    focus = QApplication.focusWidget()
    assert focus is not None and focus.objectName() == "field_ship_date"


def test_enter_in_the_last_field_goes_to_copy_and_tab_skips_the_reply(qtbot, window):
    window.page.choose_case("order-received-thanks")  # buyer name, order id, then shared
    QApplication.processEvents()  # the new fields are shown
    form = window.page.form
    last = form.last_editor()
    last.setFocus()
    QTest.keyClick(last, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is window.page.preview.copy_button
    last.setFocus()
    QTest.keyClick(last, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.page.preview.copy_button


def test_a_message_about_another_order_starts_a_new_buyer(qtbot, window):
    QGuiApplication.clipboard().setText(f"Where is my parcel?\n{ORDER}")
    window.actions_[ActionId.PASTE_MESSAGE].trigger()
    assert window.vm.values["tracking_number"] == "LP123456789CN"
    window.page.picker.search.setText("stain")
    QGuiApplication.clipboard().setText("Where is my order 8999999999999999? Tracking "
                                        "RB987654321CN")
    window.actions_[ActionId.PASTE_MESSAGE].trigger()
    # The previous buyer's tracking number must never reach this buyer.
    assert window.vm.values.get("tracking_number") == "RB987654321CN"
    assert window.vm.values.get("ship_date") is None
    assert window.page.picker.search.text() == ""


def test_alt_number_chooses_a_suggestion_from_anywhere(qtbot, window):
    QGuiApplication.clipboard().setText("My parcel arrived empty, nothing inside the box")
    window.actions_[ActionId.PASTE_MESSAGE].trigger()
    window.page.picker.search.setFocus()
    QTest.keyClick(window.page.picker.search, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert window.vm.case is not None and window.vm.case.id == "empty-parcel"
