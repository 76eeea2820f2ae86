"""Template packs: export, import with conflicts shown first, and `check` on a zip."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from app.cli.main import main as cli_main
from app.compose.composer import Composer
from app.library.packs import (
    ImportStatus,
    apply_import,
    export_pack,
    plan_import,
    read_pack,
    texts_for_export,
)
from app.library.store import PersonalStore, StoreError

GOOD = "---\ntitle: {en: Mine, zh: 我的}\ncategory: quality\n---\nHi {{ buyer_name }}.\n" \
       "=== gloss ===\n你好。\n"


def text(title: str) -> str:
    return GOOD.replace("Mine", title)


@pytest.fixture()
def personal(tmp_path) -> PersonalStore:
    return PersonalStore(tmp_path / "personal")


def library_for(store: PersonalStore):
    return Composer.load(user_dir=store.folder).library


def test_export_and_read_back_a_zip_and_a_folder(tmp_path, personal):
    personal.save("my-reply", text("One"), None)
    personal.save("order-unpaid", text("Two"), None)
    texts = texts_for_export(personal, library_for(personal))
    assert set(texts) == {"my-reply", "order-unpaid"}
    export_pack(tmp_path / "pack.zip", texts)
    export_pack(tmp_path / "pack-folder", texts)
    assert read_pack(tmp_path / "pack.zip") == (texts, [])
    assert read_pack(tmp_path / "pack-folder") == (texts, [])
    with pytest.raises(StoreError):
        export_pack(tmp_path / "pack-folder", texts)  # never into a folder with files


def test_export_selected_templates_from_any_layer(personal):
    texts = texts_for_export(personal, library_for(personal), ["order-unpaid", "_greeting"])
    assert set(texts) == {"order-unpaid", "_greeting"}


def test_import_with_conflicts_overwrites_nothing_without_consent(tmp_path, personal):
    personal.save("my-reply", text("Mine"), None)
    personal.save("same-one", text("Same"), None)
    export_pack(tmp_path / "pack.zip", {"my-reply": text("Theirs"), "same-one": text("Same"),
                                        "brand-new": text("New"), "order-unpaid": text("X")})
    plan = plan_import(tmp_path / "pack.zip", personal, library_for(personal))
    status = {i.template_id: i.status for i in plan.items}
    assert status == {"my-reply": ImportStatus.CONFLICT, "same-one": ImportStatus.SAME,
                      "brand-new": ImportStatus.NEW, "order-unpaid": ImportStatus.OVERRIDE}
    assert [i.current for i in plan.items if i.status is ImportStatus.CONFLICT] == [text("Mine")]
    assert "my-reply" not in plan.default_choice()
    imported, failed = apply_import(plan, personal, plan.default_choice())
    assert sorted(imported) == ["brand-new", "order-unpaid"] and not failed
    assert personal.read("my-reply")[0] == text("Mine")
    imported, _ = apply_import(plan, personal, {"my-reply"})  # consent given
    assert imported == ["my-reply"] and personal.read("my-reply")[0] == text("Theirs")
    assert personal.read_version(personal.history("my-reply")[0]) == text("Mine")


def test_import_refuses_a_file_edited_since_the_plan(tmp_path, personal):
    personal.save("my-reply", text("Mine"), None)
    export_pack(tmp_path / "pack.zip", {"my-reply": text("Theirs")})
    plan = plan_import(tmp_path / "pack.zip", personal, library_for(personal))
    personal.path("my-reply").write_text(text("Edited meanwhile"), encoding="utf-8")
    imported, failed = apply_import(plan, personal, {"my-reply"})
    assert not imported and failed
    assert personal.read("my-reply")[0] == text("Edited meanwhile")


def test_a_broken_file_in_a_pack_is_not_chosen_by_default(tmp_path, personal):
    export_pack(tmp_path / "pack.zip", {"broken": "no header at all"})
    plan = plan_import(tmp_path / "pack.zip", personal, library_for(personal))
    assert plan.items[0].problem and plan.default_choice() == set()


def test_unsafe_zip_entries_are_skipped(tmp_path):
    with zipfile.ZipFile(tmp_path / "evil.zip", "w") as archive:
        archive.writestr("../escape.j2", GOOD)
        archive.writestr("/abs.j2", GOOD)
        archive.writestr("a/b/deep.j2", GOOD)
        archive.writestr("Bad Name.j2", GOOD)
        archive.writestr("notes.txt", "hello")
        archive.writestr("pack/fine.j2", GOOD)
    templates, skipped = read_pack(tmp_path / "evil.zip")
    assert list(templates) == ["fine"] and len(skipped) == 5
    assert not (tmp_path.parent / "escape.j2").exists()


def test_not_a_zip_is_a_clear_error(tmp_path):
    (tmp_path / "fake.zip").write_text("hello", encoding="utf-8")
    with pytest.raises(StoreError, match="not a template pack"):
        read_pack(tmp_path / "fake.zip")


def test_check_validates_a_zip_pack(tmp_path, capsys):
    export_pack(tmp_path / "good.zip", {"order-unpaid": text("Fine")})
    assert cli_main(["check", str(tmp_path / "good.zip")]) == 0
    bad = text("Bad").replace("{{ buyer_name }}", "{{ buyer_nmae }}")
    export_pack(tmp_path / "bad.zip", {"order-unpaid": bad})
    capsys.readouterr()
    assert cli_main(["check", str(tmp_path / "bad.zip")]) == 1
    out = capsys.readouterr().out
    assert f"{tmp_path / 'bad.zip'}/order-unpaid.j2:5: unknown field 'buyer_nmae'" in out
    assert "did you mean buyer_name" in out
    assert "reply-composer-pack-" not in out


def test_check_names_a_path_that_is_no_pack(tmp_path, capsys):
    (tmp_path / "file.txt").write_text("x", encoding="utf-8")
    assert cli_main(["check", str(tmp_path / "file.txt")]) == 1
    assert "not a folder or a .zip template pack" in capsys.readouterr().out


def test_pack_files_import_into_an_empty_personal_layer(tmp_path):
    store = PersonalStore(tmp_path / "nowhere-yet")
    export_pack(tmp_path / "pack.zip", {"my-reply": GOOD})
    plan = plan_import(tmp_path / "pack.zip", store, library_for(store))
    assert apply_import(plan, store, plan.default_choice()) == (["my-reply"], [])
    assert Path(store.path("my-reply")).read_text(encoding="utf-8") == GOOD
