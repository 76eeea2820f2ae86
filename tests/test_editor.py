"""The Templates tab, driven as a team lead would (pytest-qt, offscreen, temp data dirs)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from app.library.packs import ImportStatus, export_pack
from app.user.paths import UserData
from tests.editor_helpers import append_to_body, open_template
from tests.gui_helpers import type_text
from ui.compose.viewmodel import ComposeViewModel
from ui.editor.page import BannerId
from ui.editor.prompts import Answer
from ui.editor.template_list import TEMPLATE_ID_ROLE
from ui.shell.actions import ActionId

TODAY = dt.date(2026, 11, 26)
BUNDLED = Path(__file__).resolve().parents[1] / "templates"


@pytest.fixture()
def window(editor_window):
    return editor_window


def test_the_template_preview_shows_english_hints(qtbot, window):
    editor = open_template(window, "order-unpaid")
    hints = editor.preview.hints
    editor.vm.preview_now()
    assert not hints.isVisibleTo(window)
    append_to_body(editor, "\nPls pay soon, dear friend.")
    qtbot.waitUntil(lambda: "✎" in hints.text(), timeout=3000)
    assert "“pls” → “please”" in hints.text() and "dear friend" in hints.text()


def personal_file(tmp_path: Path, template_id: str) -> Path:
    return tmp_path / "data" / "templates" / f"{template_id}.j2"


def choose_case(qtbot, window, query: str) -> None:
    window.tabs.setCurrentWidget(window.page)
    window.page.picker.caseChosen.emit(query)
    qtbot.wait(1)


def test_the_tab_lists_every_template_grouped_with_its_layer(window):
    editor = open_template(window, "order-unpaid")
    for name in ("templateList", "templateFilter", "templateEditor", "templateGlossEditor",
                 "templatePreview", "templateTitleEn", "templateTitleZh", "templateToolbar"):
        assert window.findChild(QWidget, name) is not None, name
    listed = set(editor.list.items)
    assert listed == {p.stem for p in BUNDLED.glob("*.j2")}
    groups = [editor.list.model.item(r).text() for r in range(editor.list.model.rowCount())]
    assert "Quality  ·  质量问题" in groups and "Shared pieces  ·  共用片段" in groups
    row = editor.list.items["order-unpaid"]
    assert row.parent().child(row.row(), 1).text() == "Bundled"
    assert editor.form.title_zh.text() and "used by" in editor.form.info.text()


def test_the_filter_finds_templates_by_chinese_title(window):
    editor = open_template(window, "order-unpaid")
    type_text(editor.list.filter, "污渍")
    proxy = editor.list.proxy
    found = [proxy.index(r, 0, proxy.index(g, 0)).data(TEMPLATE_ID_ROLE)
             for g in range(proxy.rowCount()) for r in range(proxy.rowCount(proxy.index(g, 0)))]
    assert found == ["quality-stained"]


def test_an_edit_is_marked_unsaved_and_a_save_shows_in_compose_at_once(qtbot, window,
                                                                       tmp_path):
    choose_case(qtbot, window, "order-unpaid")
    editor = open_template(window, "order-unpaid")
    append_to_body(editor, "\nEDITED-IN-THE-EDITOR")
    assert window.tabs.tabText(1).endswith("●")
    assert editor.list.items["order-unpaid"].text().startswith("● ")
    assert window.actions_[ActionId.SAVE_TEMPLATE].isEnabled()
    window.actions_[ActionId.SAVE_TEMPLATE].trigger()
    assert "EDITED-IN-THE-EDITOR" in personal_file(tmp_path, "order-unpaid").read_text("utf-8")
    assert window.tabs.tabText(1) == "Templates"
    assert "EDITED-IN-THE-EDITOR" in window.page.preview.text()
    row = editor.list.items["order-unpaid"]
    assert row.parent().child(row.row(), 1).text() == "Personal ✎"
    assert "overrides the bundled version" in editor.form.info.text()


def test_a_title_edit_is_saved_in_the_header(window, tmp_path):
    editor = open_template(window, "order-unpaid")
    editor.form.title_en.clear()
    type_text(editor.form.title_en, "Payment reminder (ours)")
    window.actions_[ActionId.SAVE_TEMPLATE].trigger()
    text = personal_file(tmp_path, "order-unpaid").read_text("utf-8")
    assert 'title: {en: "Payment reminder (ours)"' in text
    assert text.split("---\n", 2)[2] == (BUNDLED / "order-unpaid.j2").read_text(
        "utf-8").split("---\n", 2)[2]


def test_the_preview_follows_typing_with_sample_data(qtbot, window):
    editor = open_template(window, "order-unpaid")
    qtbot.waitUntil(lambda: "Dear Maria," in editor.preview.reply.toPlainText(), timeout=3000)
    append_to_body(editor, "\nLIVE-PREVIEW-LINE")
    qtbot.waitUntil(lambda: "LIVE-PREVIEW-LINE" in editor.preview.reply.toPlainText(),
                    timeout=3000)
    assert editor.preview.gloss.toPlainText()


def test_an_unknown_field_is_flagged_with_a_suggestion_and_the_last_preview_kept(qtbot,
                                                                                window):
    editor = open_template(window, "order-unpaid")
    editor.vm.preview_now()
    good = editor.preview.reply.toPlainText()
    append_to_body(editor, "\n{{ buyer_nmae }}")
    qtbot.waitUntil(lambda: editor.form.problems.count() > 0, timeout=3000)
    message = editor.form.problems.item(0).text()
    assert "unknown field 'buyer_nmae'" in message and "did you mean buyer_name" in message
    line = int(message.split(":")[0].split()[-1])
    assert line in editor.form.body.problems and editor.form.body.extraSelections()
    assert "buyer_nmae" in editor.form.replies.highlighters[0].unknown
    assert editor.preview.error.isVisible() and "last good" in editor.preview.error.text()
    assert editor.preview.reply.toPlainText() == good
    window.switch_language("zh")
    qtbot.waitUntil(lambda: "未知字段" in editor.form.problems.item(0).text(), timeout=3000)
    assert "是不是 buyer_name" in editor.preview.error.text()


def test_a_syntax_error_highlights_its_line(qtbot, window):
    editor = open_template(window, "order-unpaid")
    append_to_body(editor, "\n{% if buyer_name %}")
    editor.vm.preview_now()
    assert editor.form.body.problems, editor.form.problems.item(0).text()
    assert editor.preview.error.isVisible()


def test_a_broken_template_breaks_only_its_own_case(qtbot, window):
    editor = open_template(window, "order-unpaid")
    append_to_body(editor, "\n{% if buyer_name %}")
    window.actions_[ActionId.SAVE_TEMPLATE].trigger()
    assert editor.list.items["order-unpaid"].text().startswith("⚠")
    choose_case(qtbot, window, "order-unpaid")
    error = window.findChild(QLabel, "renderError")
    assert error.isVisibleTo(window) and "order-unpaid.j2:" in error.text()
    choose_case(qtbot, window, "order-shipped")
    assert not error.isVisibleTo(window)
    assert "Dear" in window.page.preview.text() or "Hello" in window.page.preview.text()


def test_revert_to_default_and_undo(window, tmp_path):
    editor = open_template(window, "order-unpaid")
    append_to_body(editor, "\nMINE")
    window.actions_[ActionId.SAVE_TEMPLATE].trigger()
    assert window.actions_[ActionId.REVERT_TEMPLATE].isEnabled()
    assert not window.actions_[ActionId.DELETE_TEMPLATE].isEnabled()
    window.actions_[ActionId.REVERT_TEMPLATE].trigger()
    assert not personal_file(tmp_path, "order-unpaid").exists()
    assert "MINE" not in editor.form.body.toPlainText()
    assert editor.banners[BannerId.UNDO].isVisible()
    editor.banners[BannerId.UNDO].button(0).click()
    assert "MINE" in personal_file(tmp_path, "order-unpaid").read_text("utf-8")
    assert "MINE" in editor.form.body.toPlainText()


def test_new_template_then_delete_with_confirmation_and_undo(window, tmp_path):
    editor = open_template(window, "order-unpaid")
    prompts = editor.prompts
    prompts.new_answer = ("quality-stained", "stain-apology")
    window.actions_[ActionId.NEW_TEMPLATE].trigger()
    assert personal_file(tmp_path, "stain-apology").exists()
    assert window.templates.vm.current.template_id == "stain-apology"
    assert editor.form.title_en.text() == "Item arrived stained"
    assert "no case uses it" in editor.form.info.text()
    prompts.remove_answer = False
    window.actions_[ActionId.DELETE_TEMPLATE].trigger()
    assert personal_file(tmp_path, "stain-apology").exists()
    prompts.remove_answer = True
    window.actions_[ActionId.DELETE_TEMPLATE].trigger()
    assert ("remove", ("stain-apology", False, False)) in prompts.asked
    assert not personal_file(tmp_path, "stain-apology").exists()
    assert "stain-apology" not in editor.list.items
    window.actions_[ActionId.UNDO_DELETE].trigger()
    assert personal_file(tmp_path, "stain-apology").exists()
    assert "stain-apology" in editor.list.items


def test_duplicate_makes_a_personal_copy(window, tmp_path):
    editor = open_template(window, "quality-minor")
    editor.prompts.id_answer = "quality-minor-gentle"
    window.actions_[ActionId.DUPLICATE_TEMPLATE].trigger()
    assert ("id", "quality-minor-copy") in editor.prompts.asked
    text = personal_file(tmp_path, "quality-minor-gentle").read_text("utf-8")
    assert "(copy)" in text and "（副本）" in text
    assert window.templates.vm.current.template_id == "quality-minor-gentle"


def test_history_shows_earlier_versions_and_restores_one(window, tmp_path):
    editor = open_template(window, "order-unpaid")
    for word in ("FIRST", "SECOND", "THIRD"):
        append_to_body(editor, f"\n{word}")
        window.actions_[ActionId.SAVE_TEMPLATE].trigger()
    editor.prompts.pick = lambda versions: versions[1]  # the one before SECOND
    window.actions_[ActionId.TEMPLATE_HISTORY].trigger()
    kind, texts = editor.prompts.asked[-1]
    assert kind == "history" and "SECOND" in texts[0] and "THIRD" not in texts[0]
    assert "FIRST" in editor.form.body.toPlainText()
    assert "SECOND" not in editor.form.body.toPlainText()
    assert window.templates.vm.current.dirty  # restored into the editor, saved only on request
    assert "THIRD" in personal_file(tmp_path, "order-unpaid").read_text("utf-8")


def test_an_outside_edit_is_offered_for_reload_and_never_overwritten(qtbot, window, tmp_path):
    editor = open_template(window, "order-unpaid")
    append_to_body(editor, "\nMINE")
    window.actions_[ActionId.SAVE_TEMPLATE].trigger()
    path = personal_file(tmp_path, "order-unpaid")
    theirs = path.read_text("utf-8").replace("MINE", "THEIRS")
    path.write_text(theirs, encoding="utf-8")  # a text editor, in place
    banner = editor.banners[BannerId.DISK]
    qtbot.waitUntil(banner.isVisible, timeout=5000)
    append_to_body(editor, "\nMORE OF MINE")
    editor.prompts.disk_answer = Answer.CANCEL
    window.actions_[ActionId.SAVE_TEMPLATE].trigger()
    assert ("disk", "order-unpaid") in editor.prompts.asked
    assert path.read_text("utf-8") == theirs
    banner.button(0).click()  # Reload
    assert "THEIRS" in editor.form.body.toPlainText()
    assert not window.templates.vm.current.dirty


def test_overwriting_an_outside_edit_keeps_it_in_history(window, tmp_path):
    editor = open_template(window, "order-unpaid")
    append_to_body(editor, "\nMINE")
    window.actions_[ActionId.SAVE_TEMPLATE].trigger()
    path = personal_file(tmp_path, "order-unpaid")
    path.write_text(path.read_text("utf-8").replace("MINE", "THEIRS"), encoding="utf-8")
    append_to_body(editor, "\nAGAIN")
    editor.prompts.disk_answer = Answer.OVERWRITE
    window.actions_[ActionId.SAVE_TEMPLATE].trigger()
    assert "AGAIN" in path.read_text("utf-8")
    assert "THEIRS" in window.templates.vm.read_version(window.templates.vm.history()[0])


def test_import_with_conflicts_overwrites_nothing_without_consent(window, tmp_path):
    editor = open_template(window, "order-unpaid")
    append_to_body(editor, "\nMINE")
    window.actions_[ActionId.SAVE_TEMPLATE].trigger()
    mine = personal_file(tmp_path, "order-unpaid").read_text("utf-8")
    pack = tmp_path / "pack.zip"
    theirs = mine.replace("MINE", "FROM THE PACK")
    export_pack(pack, {"order-unpaid": theirs, "brand-new": theirs})
    editor.prompts.import_answer = pack
    window.actions_[ActionId.IMPORT_TEMPLATES].trigger()
    kind, plan = editor.prompts.asked[-1]
    assert kind == "import" and [i.template_id for i in plan.items
                                  if i.status is ImportStatus.CONFLICT] == ["order-unpaid"]
    assert personal_file(tmp_path, "order-unpaid").read_text("utf-8") == mine
    assert personal_file(tmp_path, "brand-new").exists()
    assert "brand-new" in editor.list.items
    editor.prompts.choose = lambda plan: None  # cancelled: nothing at all
    personal_file(tmp_path, "brand-new").unlink()
    window.actions_[ActionId.IMPORT_TEMPLATES].trigger()
    assert not personal_file(tmp_path, "brand-new").exists()


def test_export_writes_the_personal_layer(window, tmp_path):
    editor = open_template(window, "order-unpaid")
    append_to_body(editor, "\nMINE")
    window.actions_[ActionId.SAVE_TEMPLATE].trigger()
    editor.prompts.export_answer = tmp_path / "mine.zip"
    window.actions_[ActionId.EXPORT_TEMPLATES].trigger()
    from app.library.packs import read_pack

    assert list(read_pack(tmp_path / "mine.zip")[0]) == ["order-unpaid"]


def test_a_draft_survives_a_crash(qtbot, make_editor_window, tmp_path):
    first = make_editor_window()
    editor = open_template(first, "order-unpaid")
    append_to_body(editor, "\nNOT SAVED BEFORE THE CRASH")
    first.templates.vm.autosave_now()
    # The process dies here: no close, no save. The next start finds the draft.
    second = make_editor_window()
    banner = second.editor.banners[BannerId.DRAFTS]
    assert banner.isVisibleTo(second.editor) and "order-unpaid" in banner.label.text()
    assert "Templates tab" in second.statusBar().currentMessage()
    banner.button(0).click()  # Restore
    assert second.tabs.tabText(1).endswith("●")
    second.tabs.setCurrentWidget(second.templates)
    assert second.templates.vm.current.template_id == "order-unpaid"
    assert "NOT SAVED BEFORE THE CRASH" in second.editor.form.body.toPlainText()
    assert not personal_file(tmp_path, "order-unpaid").exists()


def test_closing_with_unsaved_changes_asks(window, tmp_path):
    editor = open_template(window, "order-unpaid")
    append_to_body(editor, "\nUNSAVED")
    editor.prompts.unsaved_answer = Answer.CANCEL
    assert not window.close()
    assert window.isVisible()
    editor.prompts.unsaved_answer = Answer.SAVE
    assert window.close()
    assert "UNSAVED" in personal_file(tmp_path, "order-unpaid").read_text("utf-8")


def test_insert_field_menu_has_labels_and_inserts_at_the_cursor(window):
    editor = open_template(window, "order-unpaid")
    fields_menu = editor.form.field_menu.actions()[0].menu()
    texts = [a.text() for a in fields_menu.actions()]
    assert "buyer_name  —  Buyer name · 买家姓名" in texts
    action = next(a for a in fields_menu.actions() if a.text().startswith("tracking_number"))
    editor.form.body.moveCursor(QTextCursor.MoveOperation.Start)
    action.trigger()
    assert editor.form.body.toPlainText().startswith("{{ tracking_number }}")


def test_preview_can_use_the_compose_tabs_order(qtbot, window):
    choose_case(qtbot, window, "order-unpaid")
    name = window.findChild(QLineEdit, "field_buyer_name")
    qtbot.keyClicks(name, "Zhang Wei")
    qtbot.waitUntil(lambda: "Zhang Wei" in window.page.preview.text(), timeout=3000)
    editor = open_template(window, "order-unpaid")
    editor.vm.preview_now()
    assert "Dear Maria," in editor.preview.reply.toPlainText()
    window.actions_[ActionId.PREVIEW_WITH_ORDER].trigger()
    assert editor.preview.use_order.isChecked()
    assert "Dear Zhang Wei," in editor.preview.reply.toPlainText()


def test_a_team_folder_sits_under_the_personal_layer(qtbot, window, tmp_path):
    team = tmp_path / "team"
    team.mkdir()
    text = (BUNDLED / "order-unpaid.j2").read_text("utf-8").replace(
        '{% include "signoff" %}', 'TEAM WORDING\n{% include "signoff" %}', 1)
    (team / "order-unpaid.j2").write_text(text, encoding="utf-8")
    editor = open_template(window, "order-shipped")
    editor.prompts.team_answer = (True, team)
    window.actions_[ActionId.TEAM_FOLDER].trigger()
    row = editor.list.items["order-unpaid"]
    assert row.parent().child(row.row(), 1).text() == "Team"
    assert str(team) in (tmp_path / "data" / "config.json").read_text("utf-8")
    choose_case(qtbot, window, "order-unpaid")
    assert "TEAM WORDING" in window.page.preview.text()


def test_template_commands_are_off_on_the_compose_tab(window):
    open_template(window, "order-unpaid")
    window.tabs.setCurrentWidget(window.page)
    assert not window.actions_[ActionId.SAVE_TEMPLATE].isEnabled()
    assert not window.actions_[ActionId.NEW_TEMPLATE].isEnabled()


def test_loading_again_keeps_one_editor_and_the_personal_layer(qtbot, window, tmp_path):
    editor = open_template(window, "order-unpaid")
    append_to_body(editor, "\nPERSONAL-LAYER")
    window.actions_[ActionId.SAVE_TEMPLATE].trigger()
    window.vm.load()  # a second load makes a new composer
    assert len(window.templates.findChildren(type(editor))) == 1
    choose_case(qtbot, window, "order-unpaid")
    assert "PERSONAL-LAYER" in window.page.preview.text()


def test_quitting_with_discard_leaves_no_draft(make_editor_window):
    first = make_editor_window()
    editor = open_template(first, "order-unpaid")
    append_to_body(editor, "\nTHROWN AWAY")
    first.templates.vm.autosave_now()
    editor.prompts.unsaved_answer = Answer.DISCARD
    assert first.close()
    second = make_editor_window()
    assert second.editor.banners[BannerId.DRAFTS].isHidden()


def test_a_large_library_is_listed_at_once_and_checked_in_slices(qtbot, tmp_path, monkeypatch):
    """Thousands of team templates must not freeze the window while each is compiled."""
    import ui.editor.viewmodel as editor_vm
    from ui.editor.viewmodel import EditorViewModel

    monkeypatch.setattr(editor_vm, "CHECK_AT_ONCE", 5)
    monkeypatch.setattr(editor_vm, "CHECK_SLICE", 4)
    library = tmp_path / "lib"
    library.mkdir()
    for n in range(12):
        (library / f"extra-{n}.j2").write_text(
            "---\ntitle: {en: X, zh: X}\n---\n{{ buyer_nmae }}\n=== gloss ===\n好\n",
            encoding="utf-8")
    compose = ComposeViewModel(user=UserData(tmp_path / "data"), library=library)
    compose.load()
    vm = EditorViewModel(compose)
    vm.attach()
    vm.refresh()
    assert "extra-3" in vm.entries and not vm.entries["extra-3"].problems  # listed, not checked
    with qtbot.waitSignal(vm.entriesChanged, timeout=10_000):
        pass
    assert all(vm.entries[f"extra-{n}"].problems for n in range(12))
