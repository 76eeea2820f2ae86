"""The team lead owns the policy: a team or personal folder's resources/ hold only what
differs from the bundled files and are merged entry by entry (personal > team > bundled);
a broken file names itself and never stops an agent."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from app.check import check_all
from app.compose.composer import Composer
from app.errors import SourceError
from app.user.paths import UserData
from app.user.setup import UserSetup
from tests.samples import FULL_ORDER

ROOT = Path(__file__).resolve().parents[1]


def layer(folder: Path, **files: str) -> Path:
    """A layer folder with these resource files (name without .yaml -> text)."""
    resources = folder / "resources"
    resources.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (resources / f"{name}.yaml").write_text(text, "utf-8")
    return folder


def minor_refund(composer: Composer, today) -> Decimal:
    values = composer.catalog.parse_all({**FULL_ORDER, "severity": "minor"})
    refund = composer.compose("quality-defective", values, today).suggestion.refund
    assert refund is not None
    return refund.max


def test_a_policy_file_with_one_constant_changes_that_constant_only(tmp_path, today):
    team = layer(tmp_path / "team", policy="constants: {minor_refund_max: 3}\n")
    bundled, mine = Composer.load(), Composer.load(team_dir=team)
    assert minor_refund(bundled, today) == 2 and minor_refund(mine, today) == 3
    changed = {k for k in bundled.policy.constants
               if bundled.policy.constants[k] != mine.policy.constants[k]}
    assert changed == {"minor_refund_max"}
    assert bundled.policy.cases.keys() == mine.policy.cases.keys()


def test_personal_beats_team_beats_bundled(tmp_path, today):
    team = layer(tmp_path / "team", policy="constants: {minor_refund_max: 3}\n")
    mine = layer(tmp_path / "mine", policy="constants: {minor_refund_max: 4}\n")
    assert minor_refund(Composer.load(user_dir=mine, team_dir=team), today) == 4


def test_a_shipping_method_for_one_country_is_added(tmp_path, today):
    team = layer(tmp_path / "team", shipping=(
        "methods:\n"
        "  yanwen-economy:\n"
        "    name: {en: Yanwen Economy, zh: 燕文经济}\n"
        "    promised_days: 45\n"
        "    usual_days: [15, 30]\n"
        "    tracked: true\n"
        "    source: store\n"
        "    countries:\n"
        "      ES: {promised_days: 50}\n"))
    composer = Composer.load(team_dir=team)
    assert "yanwen-economy" in composer.catalog.methods
    assert "china-post-small-packet" in composer.catalog.methods  # the rest stays
    values = composer.catalog.parse_all({**FULL_ORDER, "shipping_method": "yanwen-economy",
                                         "destination_country": "ES"})
    result = composer.compose("not-received-in-transit", values, today)
    assert result.suggestion.deadline.isoformat() == "2026-12-09"  # 2026-10-20 + 50 days


def test_a_teams_rule_says_it_is_the_teams(tmp_path, today):
    team = layer(tmp_path / "team", policy=(
        "cases:\n"
        "  quality-defective:\n"
        "    rules:\n"
        "      - actions: [next_order_discount]\n"
        "        reasons: [quality_minor]\n"
        "        template: quality-minor\n"))
    composer = Composer.load(team_dir=team)
    values = composer.catalog.parse_all(FULL_ORDER)
    suggestion = composer.compose("quality-defective", values, today).suggestion
    assert [a.value for a in suggestion.action_ids] == ["next_order_discount"]
    assert suggestion.rule_layer == "team"
    assert suggestion.rule_at == f"{team / 'resources' / 'policy.yaml'}:4"
    other = composer.compose("quality-stained", values, today).suggestion
    assert other.rule_layer == "bundled"


def test_an_error_in_a_teams_entry_names_the_teams_file_and_line(tmp_path):
    team = layer(tmp_path / "team", policy=(
        "constants: {minor_refund_max: 3}\n"
        "cases:\n"
        "  quality-defective:\n"
        "    rules:\n"
        "      - when: severity == 'minor' and\n"
        "        template: quality-minor\n"))
    with pytest.raises(SourceError) as caught:
        Composer.load(team_dir=team)
    assert caught.value.path == str(team / "resources" / "policy.yaml")
    assert caught.value.line == 5


def test_a_broken_team_file_leaves_the_agent_with_the_layers_below(tmp_path, today):
    team = layer(tmp_path / "team", policy="constants: {minor_refund_max: [\n")
    data = UserData(tmp_path / "data")
    setup = UserSetup(data)
    setup.set_team_dir(team)
    composer = setup.composer()
    assert minor_refund(composer, today) == 2  # the bundled policy
    assert [p.path for p in setup.problems] == [str(team / "resources" / "policy.yaml")]
    assert setup.problems[0].line


def test_a_country_without_its_chinese_name_is_a_message(tmp_path):
    team = layer(tmp_path / "team", countries="countries:\n  XK: {en: Kosovo}\n")
    problems = [str(p) for p in check_all(team)]
    assert problems == [f"{team / 'resources' / 'countries.yaml'}:2: country XK: needs en and zh"]


def test_check_validates_a_team_folders_resources_and_templates_together(tmp_path):
    team = layer(tmp_path / "team", policy="constants: {minor_refund_max: 3}\n",
                 hints="hints:\n  en:\n    - {wrong: pls}\n")
    (team / "templates").mkdir()
    (team / "templates" / "order-unpaid.j2").write_text(
        "---\ntitle: {en: T, zh: 测}\ncategory: order-flow\n---\n{{ buyer_nmae }}\n"
        "=== gloss ===\n你好\n", "utf-8")
    run = subprocess.run([sys.executable, "-m", "app", "check", str(team)], cwd=ROOT,
                         capture_output=True, text=True, timeout=60, check=False)
    assert run.returncode == 1
    assert f"{team / 'resources' / 'hints.yaml'}:3: a hint needs" in run.stdout
    assert f"{team / 'templates' / 'order-unpaid.j2'}:5: unknown field 'buyer_nmae'" in run.stdout


def test_the_teams_phrases_and_hints_are_used(tmp_path):
    team = layer(
        tmp_path / "team",
        hints="hints:\n  en:\n    - {wrong: kindly revert, better: please reply, zh: 请回复}\n",
        buyer_phrases=("groups:\n  customs:\n    phrases:\n"
                       "      en: douane fee, customs fee, import tax\n"))
    composer = Composer.load(team_dir=team)
    review = composer.review("Kindly revert at the earliest.")
    assert any("please reply" in hint.get("en") for hint in review.hints)
    from app.message.reader import MessageReader

    reading = MessageReader(composer.catalog).read("The postman asked me for a douane fee")
    assert reading is not None and reading.guesses[0].case_id == "customs-tax"


def test_the_window_says_loudly_which_team_file_is_broken(qtbot, make_window, tmp_path):
    team = layer(tmp_path / "team", policy="constants: {minor_refund_max: [\n")
    UserSetup(UserData(tmp_path / "data")).set_team_dir(team)
    window = make_window()
    banner = window.page.data_banner
    assert banner.isVisibleTo(window)
    assert str(team / "resources" / "policy.yaml") in banner.label.text()
    window.page.choose_case("quality-defective")
    window.vm.compose_now()
    assert window.page.preview.text()  # replies go on with the bundled policy


def test_the_why_panel_names_a_teams_rule(qtbot, make_window, tmp_path):
    team = layer(tmp_path / "team", policy=(
        "cases:\n  quality-defective:\n    rules:\n      - actions: [next_order_discount]\n"
        "        reasons: [quality_minor]\n        template: quality-minor\n"))
    UserSetup(UserData(tmp_path / "data")).set_team_dir(team)
    window = make_window()
    assert not window.page.data_banner.isVisibleTo(window)
    window.page.choose_case("quality-defective")
    window.vm.compose_now()
    reasons = window.page.suggestion.reasons.text()
    assert "team's policy" in reasons and "policy.yaml:4" in reasons
