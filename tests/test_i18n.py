"""Chinese and English UI: every string translated, YAML in both languages, switching in place.

The translation is updated with scripts/update_translations.py (see the README); these tests
run its lupdate step into a temporary copy of the .ts, never over the committed one.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
import shutil
import sys
from pathlib import Path

import pytest
import yaml
from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QMessageBox,
    QScrollArea,
    QWidget,
)

from app.data.bundled import bundled_dir
from ui.shell.actions import ActionId
from ui.shell.i18n import QM_NAME
from ui.shell.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[1]
RESOURCES = ROOT / "resources"
TODAY = dt.date(2026, 11, 26)
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
ACRONYM = re.compile(r"[A-Z0-9][A-Z0-9 .&/-]*")  # "EMS", "DHL": the same in Chinese


def _load_script():
    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "scripts" / "update_translations.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while defining
    spec.loader.exec_module(module)
    return module


tr_script = _load_script()


# (a) Every tr() string has Chinese; the committed .qm is the committed .ts compiled.

@pytest.fixture(scope="module")
def updated_ts(tmp_path_factory) -> Path:
    """lupdate over today's ui/ sources, into a copy of the committed .ts."""
    copy = tmp_path_factory.mktemp("i18n") / tr_script.TS.name
    shutil.copyfile(tr_script.TS, copy)
    tr_script.lupdate(copy)
    return copy


def test_every_ui_string_has_a_chinese_translation(updated_ts):
    missing = tr_script.unfinished(updated_ts)
    listing = "\n".join(f"  {m.location}  [{m.context}] {m.source!r}" for m in missing)
    assert not missing, (
        f"{len(missing)} UI string(s) without Chinese — run "
        f"`.venv/bin/python scripts/update_translations.py`, translate, run it again:\n{listing}")


def test_the_scan_sees_the_strings(updated_ts):
    # Guard against a scan that silently finds nothing (or loses the action texts).
    found = {(m.context, m.source) for m, _ in tr_script.messages(updated_ts)}
    assert len(found) >= 30
    assert {("Actions", "Copy reply"), ("MainWindow", "&File"),
            ("ReplyPanel", "Copy reply")} <= found


def test_committed_qm_is_the_committed_ts_compiled(tmp_path):
    fresh = tmp_path / tr_script.QM.name
    tr_script.lrelease(tr_script.TS, fresh)
    assert tr_script.QM.exists(), "compile it: .venv/bin/python scripts/update_translations.py"
    assert fresh.read_bytes() == tr_script.QM.read_bytes(), (
        "the .qm is out of date with the .ts: .venv/bin/python scripts/update_translations.py")


def test_the_app_loads_the_committed_qm():
    installed = bundled_dir("resources") / "i18n" / QM_NAME
    assert installed.read_bytes() == tr_script.QM.read_bytes(), \
        "the installed .qm differs from resources/i18n (reinstall the package)"


# (b) The YAML data has both languages.

def _yaml(name: str):
    return yaml.safe_load((RESOURCES / name).read_text(encoding="utf-8"))


def _template_titles():
    for path in sorted((ROOT / "templates").glob("*.j2")):
        header = path.read_text(encoding="utf-8").split("---\n")[1]
        yield f"templates/{path.name}: title", (yaml.safe_load(header) or {}).get("title")


def bilingual_labels():
    """(where, label mapping) for every text the UI shows from YAML."""
    cases, fields = _yaml("cases.yaml"), _yaml("fields.yaml")
    policy, shipping = _yaml("policy.yaml"), _yaml("shipping.yaml")
    countries = _yaml("countries.yaml")
    for key, label in cases["categories"].items():
        yield f"cases.yaml: categories.{key}", label
    for key, case in cases["cases"].items():
        yield f"cases.yaml: cases.{key}.title", case.get("title")
        if "problem" in case:
            yield f"cases.yaml: cases.{key}.problem", case["problem"]
    for key, spec in fields["fields"].items():
        yield f"fields.yaml: fields.{key}.label", spec.get("label")
        for choice, label in (spec.get("choices") or {}).items():
            yield f"fields.yaml: fields.{key}.choices.{choice}", label
    for section in ("actions", "checks"):
        for key, label in policy[section].items():
            yield f"policy.yaml: {section}.{key}", label
    for key, reason in policy["reasons"].items():  # the Chinese is the playbook rule quoted
        yield f"policy.yaml: reasons.{key}", {"en": reason.get("en"), "zh": reason.get("rule")}
    for key, method in shipping["methods"].items():
        yield f"shipping.yaml: methods.{key}.name", method.get("name")
    for key, label in countries["countries"].items():
        yield f"countries.yaml: countries.{key}", label
    yield from _template_titles()


def label_problems(where: str, label: object) -> list[str]:
    if not isinstance(label, dict):
        return [f"{where}: needs {{en: ..., zh: ...}}"]
    en, zh = label.get("en"), label.get("zh")
    problems = []
    if not isinstance(en, str) or not en.strip():
        problems.append(f"{where}.en is missing or empty")
    elif CJK.search(en):
        problems.append(f"{where}.en has Chinese in it: {en!r}")
    if not isinstance(zh, str) or not zh.strip():
        problems.append(f"{where}.zh is missing or empty")
    elif not CJK.search(zh) and not ACRONYM.fullmatch(zh):
        problems.append(f"{where}.zh has no Chinese: {zh!r}")
    return problems


def test_every_yaml_label_has_english_and_chinese():
    labels = list(bilingual_labels())
    problems = [p for where, label in labels for p in label_problems(where, label)]
    assert not problems, "\n".join(problems)
    files = {where.split(":")[0] for where, _ in labels}  # the walk reaches every file
    assert {"cases.yaml", "fields.yaml", "policy.yaml", "shipping.yaml", "countries.yaml"} <= files
    assert any(f.startswith("templates/") for f in files) and len(labels) > 300


def test_label_check_catches_gaps():
    assert label_problems("x", {"en": "Item", "zh": ""})
    assert label_problems("x", {"en": "Item"})
    assert label_problems("x", {"en": "Item", "zh": "Item arrived stained"})
    assert label_problems("x", {"en": "商品", "zh": "商品"})
    assert not label_problems("x", {"en": "EMS", "zh": "EMS"})


# (c) Switching the language of a real window.

def editor(window: MainWindow, name: str):
    found = window.findChild(QWidget, f"field_{name}")
    assert isinstance(found, (QLineEdit, QComboBox, QDateEdit)), name
    return found


def form_label(window: MainWindow, name: str) -> str:
    label = window.page.form.layout_.labelForField(editor(window, name))
    assert isinstance(label, QLabel), name
    return label.text()


def choose(qtbot, window: MainWindow, query: str) -> None:
    search = window.findChild(QLineEdit, "caseSearch")
    search.clear()
    qtbot.keyClicks(search, query)
    qtbot.keyClick(search, Qt.Key.Key_Return)


def switch(qtbot, window: MainWindow, lang: str) -> None:
    window.language_actions[lang].trigger()
    file_title = "文件(&F)" if lang == "zh" else "&File"
    # Qt posts LanguageChange; the menus retranslate when it arrives.
    qtbot.waitUntil(lambda: window.menus["file"].title() == file_title, timeout=3000)


def fill_order(qtbot, window: MainWindow) -> dict[str, str]:
    choose(qtbot, window, "quality-stained")
    typed = {"buyer_name": "Maria", "item": "white T-shirt", "order_amount": "12.50"}
    for name, text in typed.items():
        qtbot.keyClicks(editor(window, name), text)
    qtbot.waitUntil(lambda: "Dear Maria," in window.page.preview.text()
                    and "white T-shirt" in window.page.preview.text(), timeout=3000)
    return typed


def assert_chinese_ui(window: MainWindow) -> None:
    page = window.page
    assert window.windowTitle() == "回复助手"
    assert window.tabs.tabText(0) == "写回复"
    assert [m.title() for m in window.menus.values()] == [
        "文件(&F)", "编辑(&E)", "案例(&C)", "视图(&V)"]
    assert window.language_menu.title() == "语言 / Language"
    assert window.actions_[ActionId.COPY_REPLY].text() == "复制回复"
    assert window.actions_[ActionId.COPY_REPLY].toolTip().startswith("复制回复 (")
    assert page.preview.copy_button.text() == "复制回复"
    assert page.preview.reset_button.text() == "重置为模板"
    assert page.new_buyer_button.text() == "新买家"
    assert page.picker.search.placeholderText().startswith("查找案例")
    assert page.suggestion.heading.text() == "政策允许的处理方式"
    assert form_label(window, "buyer_name") == "买家姓名"
    assert form_label(window, "item") == "商品 *"
    assert re.sub("<[^>]+>", "", page.case_title.text()).startswith("商品有污渍")
    assert page.picker.proxy.index(0, 0).data() == "最近使用"
    assert "字符" in window.counter.text()
    assert window.language_actions["zh"].isChecked()


def assert_english_ui(window: MainWindow) -> None:
    page = window.page
    assert window.windowTitle() == "Reply Composer"
    assert [m.title() for m in window.menus.values()] == ["&File", "&Edit", "&Case", "&View"]
    assert window.actions_[ActionId.COPY_REPLY].text() == "Copy reply"
    assert page.preview.copy_button.text() == "Copy reply"
    assert page.new_buyer_button.text() == "New buyer"
    assert form_label(window, "buyer_name") == "Buyer name"
    assert re.sub("<[^>]+>", "", page.case_title.text()).startswith("Item arrived stained")
    assert page.picker.proxy.index(0, 0).data() == "Recently used"
    assert "characters" in window.counter.text()
    assert window.language_actions["en"].isChecked()


def test_switching_language_in_place_keeps_the_order_and_the_preview(qtbot, make_window):
    window = make_window("en")
    typed = fill_order(qtbot, window)
    reply, gloss = window.page.preview.text(), window.page.preview.gloss.toPlainText()
    assert CJK.search(gloss) and not CJK.search(reply)

    switch(qtbot, window, "zh")
    assert_chinese_ui(window)
    assert window.vm.case.id == "quality-stained"
    assert {n: editor(window, n).text() for n in typed} == typed
    assert window.page.preview.text() == reply  # the reply to the buyer stays English
    assert window.page.preview.gloss.toPlainText() == gloss  # the gloss stays Chinese
    qtbot.keyClicks(editor(window, "buyer_name"), "na")  # still live, still English
    qtbot.waitUntil(lambda: "Dear Mariana," in window.page.preview.text(), timeout=3000)
    assert not CJK.search(window.page.preview.text())
    window.page.copy_reply()
    assert "已复制" in window.statusBar().currentMessage()

    switch(qtbot, window, "en")
    assert_english_ui(window)
    assert editor(window, "buyer_name").text() == "Mariana"
    assert "Dear Mariana," in window.page.preview.text()


def test_a_hand_edited_reply_survives_a_switch(qtbot, make_window):
    window = make_window("en")
    fill_order(qtbot, window)
    window.page.preview.editor.appendPlainText("P.S. Written by hand.")
    edited = window.page.preview.text()
    switch(qtbot, window, "zh")
    assert window.page.preview.text() == edited
    assert window.page.preview.edited_note.isVisibleTo(window)
    assert window.page.preview.reset_button.isEnabled()
    switch(qtbot, window, "en")
    assert window.page.preview.text() == edited


def test_the_choice_is_remembered_across_a_restart(qtbot, make_window):
    first = make_window("en")
    switch(qtbot, first, "zh")
    first.close()
    second = make_window(lang=None)
    assert second.lang == "zh"
    assert second.menus["file"].title() == "文件(&F)"
    assert second.page.preview.copy_button.text() == "复制回复"
    switch(qtbot, second, "en")
    second.close()
    third = make_window(lang=None)
    assert third.lang == "en" and third.page.preview.copy_button.text() == "Copy reply"


@pytest.mark.parametrize(("system", "expected"), [
    ("zh_CN", "zh"), ("zh_TW", "zh"), ("en_US", "en"), ("de_DE", "en"), ("C", "en")])
def test_first_start_follows_the_system_locale(qtbot, make_window, monkeypatch, system,
                                               expected):
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale(system)))
    window = make_window(lang=None)  # nothing saved yet
    assert window.lang == expected
    assert window.language_actions[expected].isChecked()
    assert window.page.preview.copy_button.text() == \
        ("复制回复" if expected == "zh" else "Copy reply")


def _visible_texts(window: MainWindow):
    """(what, text) for every piece of the window's own text (not data, not the reply)."""
    yield "window title", window.windowTitle()
    yield "tab", window.tabs.tabText(0)
    for menu in (*window.menus.values(), window.language_menu):
        yield "menu", menu.title()
    for action in window.findChildren(QAction):
        if action not in window.language_actions.values() and action.text():
            yield f"action {action.objectName()}", action.text()
            yield f"tooltip of {action.objectName()}", action.toolTip()
    for widget in window.page.findChildren(QWidget):
        if widget.objectName().startswith("qt_"):
            continue  # Qt's own parts (scroll bars, calendar popup)
        if isinstance(widget, (QLabel, QAbstractButton)) and widget.text():
            yield f"{type(widget).__name__} {widget.objectName()}", widget.text()
        if isinstance(widget, QLineEdit) and widget.placeholderText():
            yield f"placeholder of {widget.objectName()}", widget.placeholderText()
        if widget.toolTip():
            yield f"tooltip of {widget.objectName() or type(widget).__name__}", widget.toolTip()
    yield "counter", window.counter.text()


def _untranslated(text: str) -> bool:
    if CJK.search(text) or not re.search("[A-Za-z]{2,}", text):
        return False
    return not re.fullmatch(r"[a-z0-9_-]+", text)  # a field or case id in a tooltip


def test_no_english_is_left_in_the_chinese_window(qtbot, make_window):
    window = make_window("zh")
    fill_order(qtbot, window)
    left = [f"{what}: {text!r}" for what, text in _visible_texts(window) if _untranslated(text)]
    assert not left, "\n".join(left)


def test_no_english_is_left_after_switching(qtbot, make_window):
    window = make_window("en")
    fill_order(qtbot, window)
    window.page.preview.editor.appendPlainText("Add me on WhatsApp please.")  # a warning shows
    switch(qtbot, window, "zh")
    left = [f"{what}: {text!r}" for what, text in _visible_texts(window) if _untranslated(text)]
    assert not left, "\n".join(left)


def test_the_copy_anyway_dialog_is_chinese(qtbot, make_window):
    window = make_window("zh")
    seen: list[tuple[str, str, list[str]]] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append((box.windowTitle(), box.text(), [b.text() for b in box.buttons()]))
        box.defaultButton().click()  # the safe answer: go back and fill them

    QTimer.singleShot(0, answer)
    assert window.page.confirm(["商品"]) is False
    title, text, buttons = seen[0]
    assert title == "缺少必填项" and text.startswith("回复还缺少：商品")
    assert all(CJK.search(b) for b in buttons), buttons


def test_field_errors_are_chinese(qtbot, make_window):
    window = make_window("zh")
    choose(qtbot, window, "missing-item")
    qtbot.keyClicks(editor(window, "unit_price"), "-5")
    error = window.findChild(QLabel, "error_unit_price")
    qtbot.waitUntil(error.isVisible, timeout=3000)
    assert not _untranslated(error.text()), error.text()


def test_the_deadline_date_is_chinese(qtbot, make_window):
    window = make_window("zh")
    choose(qtbot, window, "not-received-in-transit")
    method = editor(window, "shipping_method")
    method.setCurrentIndex(method.findData("epacket"))
    qtbot.keyClicks(editor(window, "ship_date"), "2026-11-20")
    deadline = window.findChild(QLabel, "deadlineLabel")
    qtbot.waitUntil(lambda: "还剩" in deadline.text(), timeout=3000)
    assert "2026年12月17日" in deadline.text(), deadline.text()


# (d) Nothing is clipped, in either language, at the default size and a small laptop's.

def _clipped_text(widget: QLabel | QAbstractButton) -> list[str]:
    name = f"{type(widget).__name__} {widget.objectName()} {widget.text()[:30]!r}"
    out = []
    if isinstance(widget, QLabel) and widget.wordWrap():
        need = widget.heightForWidth(widget.width())
        if need > widget.height():
            out.append(f"{name}: needs {need}px high, has {widget.height()}")
    elif widget.sizeHint().width() > widget.width():
        out.append(f"{name}: needs {widget.sizeHint().width()}px, has {widget.width()}")
    scroll = _scroll_area(widget)
    if scroll is not None:  # the form scrolls vertically only: nothing may pass its edge
        right = widget.mapTo(scroll.viewport(), widget.rect().topRight()).x()
        if right >= scroll.viewport().width():
            out.append(f"{name}: cut at the right edge of its scroll area")
    return out


def _clipped(window: MainWindow) -> list[str]:
    out = []
    for widget in window.page.findChildren(QWidget):
        if not widget.isVisibleTo(window) or widget.objectName().startswith("qt_"):
            continue
        if isinstance(widget, (QLabel, QAbstractButton)) and widget.text():
            out += _clipped_text(widget)
    for form_editor in window.page.form.editors.values():
        scroll = _scroll_area(form_editor)
        assert scroll is not None
        if form_editor.mapTo(scroll.viewport(), form_editor.rect().topRight()).x() \
                >= scroll.viewport().width():
            out.append(f"editor {form_editor.objectName()}: cut at the right edge of the form")
    bar = window.menuBar()
    for menu in window.menus.values():
        if bar.actionGeometry(menu.menuAction()).right() >= bar.width():
            out.append(f"menu {menu.title()!r} pushed out of the menu bar")
    if window.counter.sizeHint().width() > window.counter.width():
        out.append(f"counter {window.counter.text()!r} cut")
    return out


def _scroll_area(widget: QWidget) -> QScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    return parent


def _picker_items_cut(window: MainWindow) -> list[str]:
    """The current language's half of each case-picker row must show in full."""
    view = window.page.picker.view
    metrics, width = view.fontMetrics(), view.viewport().width()
    out = []
    model = view.model()
    for group in range(model.rowCount()):
        parent = model.index(group, 0)
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            first = str(index.data()).split("  ·  ")[0]
            rect = view.visualRect(index)
            # the text starts after the item's margin (about 3 px plus the focus frame)
            if rect.x() + 6 + metrics.horizontalAdvance(first) > width:
                out.append(f"picker row {first!r}")
    return out


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("size", [(1320, 800), (1024, 640)], ids=["default", "small"])
@pytest.mark.parametrize("case_id", ["quality-stained", "not-received-in-transit",
                                     "wrong-item", "shipping-method-changed"])
def test_nothing_is_clipped(qtbot, make_window, lang, size, case_id):
    window = make_window(lang)
    window.resize(*size)
    window.vm.select_case(case_id)
    qtbot.waitUntil(lambda: bool(window.page.preview.text()), timeout=3000)
    QApplication.processEvents()
    problems = _clipped(window) + _picker_items_cut(window)
    assert not problems, "\n".join(problems)
