"""A broken or hostile library in the window: a reply that can't render is never copied, a
broken file is listed and opened so it can be fixed, nothing blocks or loses an edit."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.editor_helpers import open_template
from tests.test_errors import write_template
from ui.editor.page import BannerId
from ui.shell.actions import ActionId


def personal(tmp_path: Path) -> Path:
    folder = tmp_path / "data" / "templates"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_a_reply_that_cannot_render_leaves_nothing_to_copy(qtbot, make_window, tmp_path):
    write_template(personal(tmp_path), "order-unpaid", '{% include "order-unpaid" %}')
    window = make_window()
    page = window.page
    page.clipboard.set_text("BEFORE")
    page.choose_case("order-shipped")
    window.vm.compose_now()
    assert page.preview.text().startswith("Hello,")  # another case's reply is on screen
    page.choose_case("order-unpaid")
    window.vm.compose_now()
    assert page.preview.error.isVisibleTo(window)
    assert "itself" in page.preview.error.text() and "order-unpaid.j2" in page.preview.error.text()
    assert not page.preview.copy_button.isEnabled()
    window.actions_[ActionId.COPY_REPLY].trigger()
    assert page.clipboard.text() == "BEFORE"


def test_a_huge_render_while_typing_in_the_editor_is_refused_at_once(qtbot, editor_window):
    editor = open_template(editor_window, "order-unpaid")
    body = editor.form.body
    body.setPlainText(body.toPlainText() + "\n{{ '-' * 10**6 }}")
    start = time.perf_counter()
    editor.vm.preview_now()
    assert time.perf_counter() - start < 2.0
    assert editor.preview.error.isVisible() and "too large" in editor.preview.error.text()


def test_a_gbk_piece_is_listed_opened_converted_and_saved_as_utf8(qtbot, make_editor_window,
                                                                  tmp_path):
    folder = personal(tmp_path)
    (folder / "_greeting.j2").write_bytes(
        "---\ntitle: {en: Greeting, zh: 问候}\ncategory: shared\n---\n亲爱的 {{ buyer_name }}\n"
        "=== gloss ===\n亲爱的\n".encode("gb18030"))
    window = make_editor_window()
    editor = window.editor
    window.tabs.setCurrentWidget(window.templates)
    assert len(editor.vm.entries) > 30  # every template is still listed
    assert editor.list.items["_greeting"].text().startswith("⚠")
    open_template(window, "_greeting")
    assert "亲爱的 {{ buyer_name }}" in editor.form.body.toPlainText()
    assert "GB18030" in editor.form.info.text()
    assert "_greeting" in editor.vm.dirty_ids()  # saving is the conversion
    window.actions_[ActionId.SAVE_TEMPLATE].trigger()
    saved = (folder / "_greeting.j2").read_bytes().decode("utf-8")
    assert "亲爱的 {{ buyer_name }}" in saved and "\ufffd" not in saved
    assert not editor.list.items["_greeting"].text().startswith("⚠")


def test_a_file_name_with_a_space_is_named_and_drafts_keep_working(qtbot, make_editor_window,
                                                                    tmp_path):
    folder = personal(tmp_path)
    write_template(folder, "order-unpaid", "Mine")
    (folder / "my template.j2").write_bytes((folder / "order-unpaid.j2").read_bytes())
    window = make_editor_window()
    editor = window.editor
    window.tabs.setCurrentWidget(window.templates)
    banner = editor.banners[BannerId.IGNORED]
    assert banner.isVisibleTo(window) and "my template.j2" in banner.label.text()
    assert "my template" not in editor.vm.entries
    open_template(window, "order-unpaid")
    editor.form.body.setPlainText("Mine, edited")
    editor.vm.autosave_now()
    assert not editor.banners[BannerId.PROBLEM].isVisibleTo(window)


def test_a_date_too_far_away_is_a_field_error_in_the_window(qtbot, make_window):
    window = make_window()
    window.page.choose_case("not-received-in-transit")
    window.vm.edit("ship_date", "9999-12-31")
    window.vm.compose_now()
    assert "ship_date" in window.vm.field_errors
    assert window.vm.render_error is None


def test_a_cache_folder_that_cannot_be_written_still_opens_the_window(qtbot, make_window,
                                                                       tmp_path, monkeypatch):
    blocker = tmp_path / "cache-is-a-file"
    blocker.write_text("x", "utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    window = make_window()
    window.page.choose_case("order-unpaid")
    window.vm.compose_now()
    assert window.page.preview.text().startswith("Hello,")


@pytest.mark.parametrize("length", [1_000_000])
def test_a_huge_single_line_paste_keeps_the_start_and_says_so(qtbot, make_window, length):
    window = make_window()
    page = window.page
    page.clipboard.set_text("where is my order " + "x" * length)
    start = time.perf_counter()
    window.actions_[ActionId.PASTE_MESSAGE].trigger()
    assert time.perf_counter() - start < 5.0
    kept = page.message.editor.toPlainText()
    assert len(kept) == 20_000 and kept.startswith("where is my order")
    assert "first 20,000 characters were kept" in page.message.summary.text()


def test_an_unwritable_drafts_folder_is_one_banner_not_a_failure_per_tick(qtbot,
                                                                          make_editor_window,
                                                                          tmp_path):
    (tmp_path / "data").mkdir(parents=True, exist_ok=True)
    (tmp_path / "data" / "drafts").write_text("a file where the drafts folder would be", "utf-8")
    window = make_editor_window()
    editor = open_template(window, "order-unpaid")
    reported: list[str] = []
    editor.vm.autosave.problem.connect(reported.append)
    editor.form.body.setPlainText("Edited, not saved")
    for _ in range(3):
        editor.vm.autosave_now()
    assert len(reported) == 1 and "drafts" in reported[0]
    assert editor.banners[BannerId.PROBLEM].isVisibleTo(window)


def test_a_slow_preview_renders_off_the_ui_thread_and_only_the_newest_shows(qtbot, tmp_path,
                                                                           make_editor_window):
    # Slow but inside the budgets: thousands of loop turns building long strings.
    write_template(personal(tmp_path), "slow-one", "{% for i in range(9000) %}"
                   "{% set s = 'y' * 90000 %}{% endfor %}FIRST")
    window = make_editor_window()
    editor = open_template(window, "slow-one")
    editor.vm.worker.wait_s = 0.0  # never wait: every result comes back through the loop
    shown: list[str] = []
    editor.vm.previewed.connect(lambda result: shown.append(result.reply or str(result)))
    body = editor.form.body
    start = time.perf_counter()
    editor.vm.preview_now()
    body.setPlainText(body.toPlainText().replace("FIRST", "SECOND"))
    editor.vm.preview_now()
    assert time.perf_counter() - start < 0.5  # the UI thread went on at once
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    qtbot.wait(200)
    assert len(shown) == 1 and "SECOND" in shown[0]
