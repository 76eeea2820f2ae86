"""The personal layer: atomic saves, history, revert, delete and undo, outside edits,
drafts and the config file — all in temporary folders."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from app.compose.composer import Composer
from app.compose.sources import library_layers
from app.data.atomic import atomic_write, file_state
from app.library.drafts import DraftStore
from app.library.store import ExternalChangeError, PersonalStore, StoreError
from app.library.template_file import parse_template
from app.library.workspace import Workspace
from app.user.config import AppConfig, load_config, save_config

BUNDLED_UNPAID = Path(__file__).resolve().parents[1] / "templates" / "order-unpaid.j2"


def template(title: str, body: str = "Hello {{ buyer_name }}.") -> str:
    return f"---\ntitle: {{en: {title}, zh: {title}}}\ncategory: quality\n---\n{body}\n" \
           "=== gloss ===\n你好。\n"


@pytest.fixture()
def store(tmp_path) -> PersonalStore:
    return PersonalStore(tmp_path / "personal")


def test_save_reload_revert_round_trip(tmp_path, today):
    personal = tmp_path / "personal"
    composer = Composer.load(user_dir=personal)
    workspace = Workspace(PersonalStore(personal), composer.library)
    buffer = workspace.open("order-unpaid")
    assert buffer.layer == "bundled" and buffer.personal is None
    workspace.edit("order-unpaid", buffer.text.replace("{% include \"signoff\" %}",
                                                       "ROUND-TRIP\n{% include \"signoff\" %}"))
    assert workspace.save("order-unpaid").layer == "personal"
    reloaded = Workspace(PersonalStore(personal), composer.library).open("order-unpaid")
    assert "ROUND-TRIP" in reloaded.text and not reloaded.dirty
    assert "ROUND-TRIP" in composer.compose("order-unpaid", {}, today).reply
    workspace.store.remove("order-unpaid", reloaded.personal)
    assert workspace.load("order-unpaid").text == BUNDLED_UNPAID.read_text(encoding="utf-8")
    assert "ROUND-TRIP" not in composer.compose("order-unpaid", {}, today).reply


def test_each_save_keeps_the_previous_version(store):
    state = store.save("my-reply", template("One"), None)
    state = store.save("my-reply", template("Two"), state)
    state = store.save("my-reply", template("Two"), state)  # unchanged: no new version
    state = store.save("my-reply", template("Three"), state)
    history = store.history("my-reply")
    assert [store.read_version(v) for v in history] == [template("Two"), template("One")]
    state = store.restore(history[1], state)
    assert store.read("my-reply")[0] == template("One")
    assert store.read_version(store.history("my-reply")[0]) == template("Three")


def test_history_keeps_only_the_last_versions(tmp_path):
    store = PersonalStore(tmp_path, keep=3)
    state = None
    for number in range(6):
        state = store.save("my-reply", template(f"V{number}"), state)
    assert [store.read_version(v) for v in store.history("my-reply")] == \
        [template("V4"), template("V3"), template("V2")]


def test_delete_and_undo(store):
    state = store.save("my-reply", template("Mine"), None)
    removed = store.remove("my-reply", state)
    assert store.read("my-reply") is None and "my-reply" not in store.ids()
    store.undo_remove(removed)
    assert store.read("my-reply")[0] == template("Mine")


def test_undo_never_replaces_a_file_made_since(store):
    removed = store.remove("my-reply", store.save("my-reply", template("Old"), None))
    store.save("my-reply", template("New"), None)
    with pytest.raises(StoreError):
        store.undo_remove(removed)
    assert store.read("my-reply")[0] == template("New")


def test_an_outside_edit_is_detected_before_the_next_save(store):
    state = store.save("my-reply", template("Mine"), None)
    store.path("my-reply").write_text(template("Someone else's"), encoding="utf-8")
    with pytest.raises(ExternalChangeError):
        store.save("my-reply", template("Mine, edited"), state)
    assert store.read("my-reply")[0] == template("Someone else's")
    with pytest.raises(ExternalChangeError):
        store.remove("my-reply", state)
    store.save("my-reply", template("Mine, edited"), state, force=True)
    assert store.read_version(store.history("my-reply")[0]) == template("Someone else's")


def test_a_file_created_elsewhere_is_not_overwritten(store):
    store.path("my-reply").parent.mkdir(parents=True)
    store.path("my-reply").write_text(template("Theirs"), encoding="utf-8")
    with pytest.raises(ExternalChangeError):
        store.save("my-reply", template("Mine"), expected=None)
    with pytest.raises(StoreError):
        store.create("my-reply", template("Mine"))


def test_workspace_notices_an_outside_edit(tmp_path):
    personal = tmp_path / "personal"
    store = PersonalStore(personal)
    store.save("order-unpaid", template("Mine"), None)
    composer = Composer.load(user_dir=personal)
    workspace = Workspace(store, composer.library)
    workspace.open("order-unpaid")
    assert not workspace.changed_on_disk("order-unpaid")
    store.path("order-unpaid").write_text(template("Theirs"), encoding="utf-8")
    assert workspace.changed_on_disk("order-unpaid")
    workspace.edit("order-unpaid", template("Mine, edited"))
    with pytest.raises(ExternalChangeError):
        workspace.save("order-unpaid")


@pytest.mark.parametrize("bad", ["../evil", "a/b", "", "UPPER", "x" * 200, "dot.ted"])
def test_ids_that_are_no_file_names_are_refused(store, bad):
    with pytest.raises(StoreError):
        store.save(bad, template("X"), None)


def test_atomic_write_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "file.j2"
    atomic_write(target, b"one")
    atomic_write(target, b"two")
    assert target.read_bytes() == b"two"
    assert [p.name for p in tmp_path.iterdir()] == ["file.j2"]


def test_two_quick_saves_of_the_same_size_are_both_seen(store, today):
    # The library re-reads a file when (mtime, size) changes; a save must always move mtime.
    composer = Composer.load(user_dir=store.folder)
    state = store.save("order-unpaid", template("A", "Version AAAA."), None)
    assert "AAAA" in composer.compose("order-unpaid", {}, today).reply
    store.save("order-unpaid", template("A", "Version BBBB."), state)
    assert "BBBB" in composer.compose("order-unpaid", {}, today).reply


SAVER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from app.library.store import PersonalStore
    store = PersonalStore(Path(sys.argv[1]), keep=3)
    number = 0
    while True:
        number += 1
        body = ("line %d\\n" % number) * (150_000 + number % 7 * 10_000)
        text = "---\\ntitle: {en: V%d, zh: V%d}\\n---\\n%s=== gloss ===\\n%d\\n" % (
            number, number, body, number)
        store.save("big", text, None, force=True)
        if number == 1:
            print("saving", flush=True)
""")


def _valid_version(path: Path) -> int:
    """The version number of a complete file; fails on a torn or empty one."""
    text = path.read_text(encoding="utf-8")
    parsed = parse_template(path, text, "personal")
    number = int(parsed.title.en[1:])
    assert parsed.gloss.strip() == str(number)
    lines = parsed.body.splitlines()
    assert lines and set(lines) == {f"line {number}"}
    return number


@pytest.mark.parametrize("seed", range(4))
def test_kill_9_while_saving_leaves_the_old_or_the_new_file(tmp_path, seed):
    folder = tmp_path / "personal"
    rng = random.Random(seed)
    root = Path(__file__).resolve().parents[1]
    for _ in range(3):
        process = subprocess.Popen([sys.executable, "-c", SAVER, str(folder)], cwd=root,
                                   stdout=subprocess.PIPE, text=True)
        assert process.stdout is not None and process.stdout.readline() == "saving\n"
        time.sleep(rng.uniform(0.0, 0.4))
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
        process.stdout.close()
        assert _valid_version(folder / "big.j2") >= 1
        for version in PersonalStore(folder).history("big"):
            _valid_version(version.path)


def test_a_draft_survives_a_crash(tmp_path):
    drafts = DraftStore(tmp_path / "drafts")
    base = file_state(BUNDLED_UNPAID)
    drafts.write("order-unpaid", "unsaved words", base)
    # A new process (the restarted app) finds it.
    found = DraftStore(tmp_path / "drafts").load_all()
    assert [(d.template_id, d.text, d.base) for d in found] == \
        [("order-unpaid", "unsaved words", base)]
    drafts.discard("order-unpaid")
    assert DraftStore(tmp_path / "drafts").load_all() == []


def test_a_damaged_draft_is_skipped(tmp_path):
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "broken.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "drafts" / "other.json").write_text('{"id": "../x", "text": "t", '
                                                    '"saved_at": "2026-01-01T00:00:00"}')
    assert DraftStore(tmp_path / "drafts").load_all() == []


def test_config_keeps_the_team_folder(tmp_path):
    path = tmp_path / "config.json"
    assert load_config(path) == AppConfig()
    save_config(path, AppConfig(team_dir=tmp_path / "team"))
    assert load_config(path).team_dir == tmp_path / "team"
    path.write_text("[1, 2]", encoding="utf-8")
    assert load_config(path) == AppConfig()


def test_team_layer_sits_between_personal_and_bundled(tmp_path, today):
    personal, team = tmp_path / "personal", tmp_path / "team"
    team.mkdir()
    (team / "order-unpaid.j2").write_text(template("Team", "TEAM-VERSION"), encoding="utf-8")
    composer = Composer.load()
    composer.use_layers(library_layers(personal, team))
    assert "TEAM-VERSION" in composer.compose("order-unpaid", {}, today).reply
    PersonalStore(personal).save("order-unpaid", template("Mine", "MY-VERSION"), None)
    assert "MY-VERSION" in composer.compose("order-unpaid", {}, today).reply


def test_stale_temporary_files_are_cleaned(store):
    store.folder.mkdir(parents=True)
    stale = store.folder / ".big.j2.abc.tmp"
    stale.write_text("half", encoding="utf-8")
    fresh = store.folder / ".big.j2.def.tmp"
    fresh.write_text("half", encoding="utf-8")
    old = time.time() - 7200
    os.utime(stale, (old, old))
    store.clean_temp_files()
    assert not stale.exists() and fresh.exists()
