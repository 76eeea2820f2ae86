"""Splitting a template into the editor's parts and joining it back, and draft previews."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.library.template_file import parse_template
from app.library.template_text import (
    duplicate_text,
    join_template,
    new_template_text,
    split_template,
)
from app.library.unsaved import SAMPLE_ORDER, EditPreviewer

BUNDLED = sorted((Path(__file__).resolve().parents[1] / "templates").glob("*.j2"))


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_every_bundled_template_round_trips_unchanged(path):
    text = path.read_text(encoding="utf-8")
    parts = split_template(text)
    assert join_template(parts) == text
    parsed = parse_template(path, text, "bundled")
    assert (parts.title_en, parts.title_zh, parts.category) == \
        (parsed.title.en, parsed.title.zh, parsed.category)
    assert (parts.body_line, parts.gloss_line) == (parsed.body_line, parsed.gloss_line)


def test_a_changed_title_rewrites_only_its_lines():
    text = ("---\n# kept comment\ntitle:\n  en: Old\n  zh: 旧\ncategory: quality\n"
            "extra: kept\n---\nBody\n=== gloss ===\n释义\n")
    parts = split_template(text).with_edits(title_en='New "quoted"')
    joined = join_template(parts)
    assert joined.startswith('---\n# kept comment\ntitle: {en: "New \\"quoted\\"", zh: "旧"}\n'
                             "category: quality\nextra: kept\n---\n")
    parsed = parse_template(Path("x.j2"), joined, "personal")
    assert parsed.title.en == 'New "quoted"' and parsed.body == "Body"


def test_a_broken_file_still_opens_and_saves_whole():
    parts = split_template("Just a body, no header\nand no gloss")
    assert parts.header_problem and parts.body.startswith("Just a body")
    joined = join_template(parts.with_edits(title_en="T", title_zh="题", category="quality"))
    parsed = parse_template(Path("x.j2"), joined, "personal")
    assert parsed.body == "Just a body, no header\nand no gloss" and parsed.gloss == ""


def test_a_bad_yaml_header_is_reported_with_its_line():
    parts = split_template("---\ntitle: {en: [unclosed\n---\nBody\n=== gloss ===\nG\n")
    assert parts.header_problem and parts.header_problem.startswith("line 3: YAML error")


def test_new_and_duplicated_templates_are_valid(composer):
    case = composer.catalog.case("quality-stained")
    text = new_template_text(case.title.en, case.title.zh, case.category, case.fields)
    previewer = EditPreviewer(composer)
    result = previewer.preview("quality-stained-2", text, case.id, SAMPLE_ORDER)
    assert result.problems == () and "8123456789012345" in result.reply
    copy = split_template(duplicate_text(text))
    assert copy.title_en.endswith("(copy)") and copy.title_zh.endswith("（副本）")


def test_preview_flags_unknown_fields_with_a_suggestion(composer):
    text = (BUNDLED[0].parent / "order-unpaid.j2").read_text(encoding="utf-8")
    previewer = EditPreviewer(composer)
    broken = text.replace("{% include \"greeting\" %}", "{{ buyer_nmae }}", 1)
    result = previewer.preview("order-unpaid", broken, "order-unpaid", SAMPLE_ORDER)
    assert result.reply is None and result.unknown_names == {"buyer_nmae"}
    problem = next(p for p in result.problems if "buyer_nmae" in p.message)
    assert problem.line == 5 and "did you mean buyer_name" in problem.message
    # A typo is said once, where it is: not again as each translation "lacking" it.
    assert [p.line for p in result.problems] == [5]


def test_a_field_only_the_english_prints_is_flagged_in_each_translation(composer):
    text = (BUNDLED[0].parent / "order-unpaid.j2").read_text(encoding="utf-8")
    english_only = text.replace("{% include \"greeting\" %}", "{{ order_id }}", 1)
    result = EditPreviewer(composer).preview("order-unpaid", english_only, "order-unpaid",
                                             SAMPLE_ORDER)
    differ = sorted(p.message for p in result.problems if "not the English's" in p.message)
    assert differ == [f"{lang}: not the English's fields and conditions: -order_id"
                      for lang in ("es", "fr", "pt", "ru")]


def test_preview_shows_the_branch_the_template_belongs_to(composer):
    # Sample says minor severity; the serious-quality template still previews with its refund.
    text = (BUNDLED[0].parent / "quality-serious.j2").read_text(encoding="utf-8")
    result = EditPreviewer(composer).preview("quality-serious", text, "quality-stained",
                                              SAMPLE_ORDER)
    assert result.problems == () and result.reply and "[" not in result.reply.split("\n")[0]


def test_a_syntax_error_is_located(composer):
    text = "---\ntitle: {en: A, zh: B}\n---\nHi\n{% if buyer_name %}\n=== gloss ===\n好\n"
    result = EditPreviewer(composer).preview("order-unpaid", text, "order-unpaid", {})
    assert result.reply is None and result.problems[0].line is not None
