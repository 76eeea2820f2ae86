"""The Templates tab's dialogs, without running their event loops."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from app.library.layers import TemplateLibrary
from app.library.packs import export_pack, plan_import
from app.library.store import PersonalStore
from app.library.template_file import ID_PATTERN
from ui.editor.dialogs import HistoryDialog, ImportDialog, TemplateIdDialog, free_id

TEXT = "---\ntitle: {en: A, zh: 甲}\ncategory: quality\n---\nHi {{ buyer_name }}.\n" \
       "=== gloss ===\n你好。\n"


def test_the_id_dialog_refuses_bad_and_taken_ids(qtbot):
    dialog = TemplateIdDialog("New", "my-reply", {"taken-one"},
                              lambda text: bool(ID_PATTERN.fullmatch(text)),
                              cases=[("quality-stained", "Stained")])
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isEnabled() and dialog.case_id() == "quality-stained"
    dialog.id_edit.setText("Bad Name")
    assert not ok.isEnabled() and dialog.problem.text()
    dialog.id_edit.setText("taken-one")
    assert not ok.isEnabled() and "already exists" in dialog.problem.text()
    assert free_id("taken-one", {"taken-one", "taken-one-2"}) == "taken-one-3"


def test_the_history_dialog_shows_each_version(qtbot, tmp_path):
    store = PersonalStore(tmp_path)
    state = store.save("my-reply", TEXT, None)
    store.save("my-reply", TEXT.replace("Hi", "Hello"), state)
    versions = store.history("my-reply")
    dialog = HistoryDialog("my-reply", versions, store.read_version)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 1 and dialog.text.toPlainText() == TEXT
    assert dialog.chosen() == versions[0]


def test_the_import_dialog_leaves_conflicts_unticked_and_shows_the_change(qtbot, tmp_path):
    store = PersonalStore(tmp_path / "personal")
    store.save("my-reply", TEXT, None)
    export_pack(tmp_path / "pack.zip", {"my-reply": TEXT.replace("Hi", "Hello"),
                                        "other": TEXT})
    plan = plan_import(tmp_path / "pack.zip", store, TemplateLibrary([("personal",
                                                                       store.folder)]))
    dialog = ImportDialog(plan)
    qtbot.addWidget(dialog)
    assert dialog.chosen() == {"other"}
    conflict = dialog.items["my-reply"]
    assert conflict.checkState(0) == Qt.CheckState.Unchecked
    assert "CONFLICT" in conflict.text(1)
    dialog.tree.setCurrentItem(conflict)
    assert "-Hi {{ buyer_name }}." in dialog.diff.toPlainText()
    assert "+Hello {{ buyer_name }}." in dialog.diff.toPlainText()
    conflict.setCheckState(0, Qt.CheckState.Checked)
    assert dialog.chosen() == {"other", "my-reply"}
