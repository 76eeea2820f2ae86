"""Bad input gets a clear message naming the file and line, or the field."""

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from app.catalog.catalog import load_catalog
from app.compose.composer import Composer
from app.compose.sources import template_names
from app.data.bundled import bundled_dir
from app.errors import FieldValueError, SourceError, UnknownNameError
from app.policy.loader import load_policy


def write_template(folder: Path, template_id: str, body: str, gloss: str = "译文") -> Path:
    path = folder / f"{template_id}.j2"
    path.write_text(f"---\ntitle: {{en: Test, zh: 测试}}\ncategory: order-flow\n---\n{body}\n"
                    f"=== gloss ===\n{gloss}\n", encoding="utf-8")
    return path


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "app", *args], capture_output=True, text=True,
                          timeout=60, check=False)


def load_policy_text(tmp_path: Path, text: str):
    path = tmp_path / "policy.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    catalog = load_catalog()
    return load_policy(template_names(catalog, None), catalog.cases, path)


def test_malformed_policy_yaml_names_file_and_line(tmp_path):
    with pytest.raises(SourceError) as err:
        load_policy_text(tmp_path, "constants:\n  a: 1\ncases: [unclosed\n")
    assert err.value.path.endswith("policy.yaml") and err.value.line == 4


def test_policy_condition_with_an_unknown_field_names_its_line(tmp_path):
    original = (bundled_dir("resources") / "policy.yaml").read_text(encoding="utf-8")
    broken = original.replace("severity == 'serious'", "severty == 'serious'")
    line = next(i for i, text in enumerate(broken.splitlines(), 1) if 'when: "severty' in text)
    with pytest.raises(SourceError) as err:
        load_policy_text(tmp_path, broken)
    assert err.value.line == line
    assert "did you mean severity" in str(err.value)


def test_policy_condition_with_a_syntax_error_names_its_line(tmp_path):
    original = (bundled_dir("resources") / "policy.yaml").read_text(encoding="utf-8")
    broken = original.replace('"extra_fee > 0"', '"extra_fee >> 0"')
    with pytest.raises(SourceError) as err:
        load_policy_text(tmp_path, broken)
    assert "extra_fee" in str(err.value) and err.value.line


def test_jinja_syntax_error_names_file_and_line(tmp_path, today):
    write_template(tmp_path, "order-unpaid", "Hello\n{% if buyer_name %}\nno end")
    composer = Composer.load(user_dir=tmp_path)
    with pytest.raises(SourceError) as err:
        composer.compose("order-unpaid", {}, today)
    assert err.value.path.endswith("order-unpaid.j2")
    assert err.value.line in (5, 6, 7)


def test_a_broken_template_breaks_only_its_own_case(tmp_path, today):
    write_template(tmp_path, "order-unpaid", "{% if %}")
    composer = Composer.load(user_dir=tmp_path)
    assert composer.compose("order-shipped", {}, today).reply
    with pytest.raises(SourceError):
        composer.compose("order-unpaid", {}, today)


def test_check_reports_unknown_fields_with_a_suggestion(tmp_path):
    write_template(tmp_path, "order-unpaid", "Hi {{ buyer_nmae }}")
    result = run_cli("check", str(tmp_path))
    assert result.returncode == 1
    assert "order-unpaid.j2:5: unknown field 'buyer_nmae' — did you mean buyer_name" \
        in result.stdout


def test_template_problems_say_what_they_are_in_chinese_too(tmp_path):
    write_template(tmp_path, "order-unpaid", "Hi {{ buyer_nmae }}\n{% include 'nope' %}")
    write_template(tmp_path, "order-shipped", "{% if %}")
    composer = Composer.load(user_dir=tmp_path)
    check = composer.renderer.check
    unknown, include = check("order-unpaid")
    assert unknown.describe("en").endswith(
        "order-unpaid.j2:5: unknown field 'buyer_nmae' — did you mean buyer_name, buyer_keeps?")
    assert unknown.describe("zh").endswith(
        "order-unpaid.j2:5: 未知字段 'buyer_nmae'——是不是 buyer_name、buyer_keeps？")
    assert include.message_in("zh") == "引用了不存在的模板 'nope'"
    (syntax,) = check("order-shipped")
    assert syntax.message_in("zh").startswith("模板语法错误：")
    assert syntax.message_in("en") == syntax.message and "模板" not in syntax.message
    assert str(unknown) == unknown.describe("en")  # the CLI stays English


def test_a_problem_without_a_chinese_message_shows_the_english_one():
    error = SourceError("policy.yaml", 3, "YAML error: bad indent")
    assert error.describe("zh") == "policy.yaml:3: YAML error: bad indent"


def test_check_passes_on_the_bundled_data():
    result = run_cli("check")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(("name", "raw", "words"), [
    ("ship_date", "2026-13-01", "not a date"),
    ("ship_date", "10/11/2026", "YYYY-MM-DD"),
    ("order_amount", "-3", "0 or more"),
    ("order_amount", "ten", "not an amount"),
    ("quantity", "1.5", "whole number"),
    ("buyer_name", "x" * 5000, "too long"),
])
def test_bad_values_name_the_field(name, raw, words):
    with pytest.raises(FieldValueError) as err:
        load_catalog().parse(name, raw)
    assert err.value.field == name and words in str(err.value)


def test_bad_choice_suggests_close_matches():
    with pytest.raises(UnknownNameError) as err:
        load_catalog().parse("shipping_method", "epackt")
    assert "epacket" in err.value.suggestions


@pytest.mark.parametrize(("args", "words"), [
    (["compose", "quality-stainde"], "did you mean quality-stained"),
    (["compose", "order-shipped", "--set", "tracking_numbr=LP1"], "did you mean tracking_number"),
    (["compose", "order-shipped", "--set", "ship_date=2026-02-30"], "ship_date"),
    (["compose", "order-shipped", "--set", "order_amount=-1"], "order_amount"),
    (["compose", "order-shipped", "--today", "tomorrow"], "--today"),
    (["compose", "order-shipped", "--set", "nonsense"], "FIELD=VALUE"),
])
def test_cli_bad_input_exits_2_with_one_line_and_no_traceback(args, words):
    result = run_cli(*args)
    assert result.returncode == 2
    assert words in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
