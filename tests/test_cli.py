"""The command line: cases, compose, JSON shape, and that it never loads Qt."""

import json
import subprocess
import sys

from tests.samples import TODAY


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "app", *args], capture_output=True, text=True,
                          timeout=60, check=False)


def test_cases_lists_every_case_with_both_titles():
    rows = json.loads(cli("cases", "--json").stdout)
    ids = {row["id"] for row in rows}
    assert {"quality-stained", "not-received-in-transit", "order-feedback-request"} <= ids
    assert len(ids) == 21
    assert all(row["title_en"] and row["title_zh"] and row["category"] for row in rows)


def test_compose_json_has_the_documented_shape():
    out = cli("compose", "not-received-in-transit", "--set", "ship_date=2026-10-20",
              "--set", "shipping_method=epacket", "--set", "destination_country=BR",
              "--set", "tracking_number=LP1", "--set", "severity=serious",
              "--today", TODAY, "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert {"case", "reply", "gloss", "language", "missing_fields", "suggestion",
            "warnings"} <= set(data)
    assert data["language"] == "en"
    assert data["warnings"] == []  # the bundled replies never break a marketplace rule
    suggestion = data["suggestion"]
    assert suggestion["deadline"] == "2026-11-16" and suggestion["days_left"] == -10
    assert suggestion["actions"] == ["full_refund", "resend"]
    assert {"actions", "refund", "deadline", "days_left", "checks", "reasons"} <= set(suggestion)
    assert "order_amount" in data["missing_fields"]  # the refund amount needs it


def test_compose_text_prints_reply_gloss_and_suggestion():
    out = cli("compose", "order-unpaid", "--set", "item=red dress", "--today", TODAY)
    assert out.returncode == 0
    assert "red dress" in out.stdout and "— 中文 —" in out.stdout and "Actions:" in out.stdout


def test_copy_without_a_clipboard_says_so_clearly():
    out = subprocess.run([sys.executable, "-c", "import sys; from ui.launch import main; "
                          "sys.exit(main(['compose', 'order-unpaid', '--copy']))"],
                         capture_output=True, text=True, timeout=60,
                         env={"PATH": "/usr/bin:/bin", "DISPLAY": "", "WAYLAND_DISPLAY": ""},
                         check=False)
    if out.returncode == 0:  # a real clipboard exists on this machine
        assert "Copied" in out.stderr
    else:
        assert out.returncode == 1 and "clipboard" in out.stderr
        assert "Traceback" not in out.stderr


def test_compose_never_imports_qt():
    code = ("import sys; from ui.launch import main; main(['compose', 'order-unpaid']); "
            "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))]; "
            "print(bad); sys.exit(1 if bad else 0)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                         check=False)
    assert out.returncode == 0, out.stdout + out.stderr


def test_library_option_layers_a_personal_template_over_the_bundled_one(tmp_path):
    (tmp_path / "order-unpaid.j2").write_text(
        "---\ntitle: {en: Mine, zh: 我的}\n---\nPersonal {{ item }}\n=== gloss ===\n个人\n",
        encoding="utf-8")
    out = cli("--library", str(tmp_path), "compose", "order-unpaid", "--set", "item=hat")
    assert out.stdout.startswith("Personal hat")


def test_compose_uses_the_personal_templates_in_the_user_data_dir(tmp_path):
    import os

    library = tmp_path / "reply-composer" / "templates"
    library.mkdir(parents=True)
    (library / "order-unpaid.j2").write_text(
        "---\ntitle: {en: Mine, zh: 我的}\n---\nFrom my folder\n=== gloss ===\n我的\n",
        encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "app", "compose", "order-unpaid"],
                         capture_output=True, text=True, timeout=60,
                         env={**os.environ, "XDG_DATA_HOME": str(tmp_path)}, check=False)
    assert out.stdout.startswith("From my folder"), out.stderr


def test_compose_signs_with_the_names_the_window_saved(tmp_path):
    import os

    folder = tmp_path / "reply-composer"
    folder.mkdir()
    (folder / "profile.json").write_text('{"agent_name": "Lily", "store_name": "Sunny Store"}',
                                         encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "app", "compose", "order-unpaid"],
                         capture_output=True, text=True, timeout=60,
                         env={**os.environ, "XDG_DATA_HOME": str(tmp_path)}, check=False)
    assert "Best regards,\nLily\nSunny Store" in out.stdout, out.stderr


def test_only_window_arguments_skip_the_cli_parser():
    from pathlib import Path

    from ui.launch import window_arguments

    assert window_arguments([]) == (None, False, False)
    assert window_arguments(["--smoke"]) == (None, True, False)
    assert window_arguments(["--smoke-ready"]) == (None, False, True)
    assert window_arguments(["--library", "lib", "--smoke"]) == (Path("lib"), True, False)
    assert window_arguments(["--library=lib"]) == (Path("lib"), False, False)
    for other in (["cases"], ["--help"], ["--library"], ["--smoke", "compose", "x"]):
        assert window_arguments(other) is None


def test_a_known_command_builds_only_its_own_arguments_help_and_typos_see_all(capsys):
    import pytest

    from app.cli.main import _command_in, build_parser, main

    assert _command_in(["--db", "sqlite:///x.db", "compose", "order-unpaid"]) == "compose"
    assert _command_in(["--library", "cases", "--smoke"]) is None  # "cases" is the folder
    assert _command_in(["--library=lib", "log", "--json"]) == "log"
    only = build_parser("compose")
    choices = next(a for a in only._actions if a.dest == "command").choices
    assert set(choices) == {"compose"}
    for argv in (["--help"], ["compse", "x"]):
        with pytest.raises(SystemExit):
            main(argv)
        shown = capsys.readouterr()
        assert all(name in shown.out + shown.err for name in ("compose", "orders", "stats"))


def test_compose_from_the_caches_reads_no_yaml(tmp_path):
    """The catalog, policy, review words and hints come from the pickle cache once it is
    warm, and the templates' usual headers need no YAML: PyYAML is a tenth of a compose."""
    import os

    code = ("import sys; from ui.launch import main; main(['compose', 'quality-stained', "
            "'--set', 'item=dress']); print('yaml' in sys.modules, file=sys.stderr)")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}  # cold at first
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           timeout=60, env=env, check=False) for _ in range(2)]
    assert [run.stderr.strip().splitlines()[-1] for run in runs] == ["True", "False"], \
        runs[-1].stderr
    assert "dress" in runs[1].stdout
