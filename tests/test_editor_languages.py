"""The Templates tab with a reply in several languages: one tab per language, the preview in
the language shown, problems marked in their own language's tab, and files saved whole."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QTextCursor

from tests.editor_helpers import open_template
from ui.shell.actions import ActionId

BUNDLED = Path(__file__).resolve().parents[1] / "templates"


def type_at_end(editor, text: str) -> None:
    editor.moveCursor(QTextCursor.MoveOperation.End)
    editor.insertPlainText(text)


def test_each_language_has_its_tab_and_the_preview_follows_the_tab(qtbot, editor_window):
    editor = open_template(editor_window, "order-unpaid")
    tabs = editor.form.replies
    assert [tabs.tabText(i) for i in range(tabs.count())] == [
        "English", "Español", "Português", "Русский", "Français"]
    qtbot.waitUntil(lambda: "Dear Maria" in editor.preview.reply.toPlainText(), timeout=3000)
    tabs.show_language("es")
    qtbot.waitUntil(lambda: "Gracias por tu pedido de white cotton T-shirt"
                    in editor.preview.reply.toPlainText(), timeout=3000)
    assert "Español" in editor.preview.title.text()
    tabs.show_language("ru")
    qtbot.waitUntil(lambda: "Dear" not in editor.preview.reply.toPlainText()
                    and any("а" <= c <= "я" for c in editor.preview.reply.toPlainText()),
                    timeout=3000)
    assert "[" not in editor.preview.reply.toPlainText()  # no marker: the sample is complete


def test_a_language_not_written_yet_previews_in_english_and_says_so(qtbot, editor_window,
                                                                    tmp_path):
    editor = open_template(editor_window, "order-unpaid")
    tabs = editor.form.replies
    tabs.editors["fr"].clear()  # as if the template had no French yet
    tabs.show_language("fr")
    qtbot.waitUntil(lambda: "Dear Maria" in editor.preview.reply.toPlainText()
                    and "Français" in editor.preview.case_label.text(), timeout=3000)
    assert "(none yet)" in tabs.tabText(4)
    editor_window.actions_[ActionId.SAVE_TEMPLATE].trigger()
    saved = (tmp_path / "data" / "templates" / "order-unpaid.j2").read_text("utf-8")
    assert "=== fr ===" not in saved and "=== es ===" in saved and "=== gloss ===" in saved


def test_a_problem_in_a_translation_is_marked_in_its_tab(qtbot, editor_window):
    editor = open_template(editor_window, "order-unpaid")
    tabs = editor.form.replies
    type_at_end(tabs.editors["ru"], "\n{{ buyer_nmae }}")
    qtbot.waitUntil(lambda: editor.form.problems.count() > 0, timeout=3000)
    assert tabs.editors["ru"].problems and not tabs.editors["en"].problems
    assert tabs.tabText(3).startswith("⚠")
    tabs.show_language("en")
    item = editor.form.problems.item(0)
    editor.form.problems.itemActivated.emit(item)
    assert tabs.language() == "ru"


def test_a_translation_added_in_the_tab_is_saved_as_its_section(qtbot, editor_window,
                                                                tmp_path):
    editor = open_template(editor_window, "order-unpaid")
    tabs = editor.form.replies
    tabs.editors["pt"].setPlainText("Olá, {{ buyer_name }}! TEXTO NOVO")
    editor_window.actions_[ActionId.SAVE_TEMPLATE].trigger()
    saved = (tmp_path / "data" / "templates" / "order-unpaid.j2").read_text("utf-8")
    before_gloss = saved.split("=== gloss ===")[0]
    assert "=== pt ===\nOlá, {{ buyer_name }}! TEXTO NOVO\n=== ru ===" in before_gloss


def test_an_untouched_file_with_no_break_spaces_saves_unchanged(editor_window, tmp_path):
    # French puts a no-break space before "!"; Qt's toPlainText would turn it into a space.
    editor = open_template(editor_window, "order-unpaid")
    bundled = (BUNDLED / "order-unpaid.j2").read_text("utf-8")
    assert "\u00a0" in bundled
    editor.form.title_zh.setText(editor.form.title_zh.text())
    assert editor.form.text() == bundled
