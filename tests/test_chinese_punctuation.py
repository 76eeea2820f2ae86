"""Chinese text the agent reads uses full-width punctuation (，：；（）！？), as Chinese is
written: glosses, labels, messages and translations. Left out: the playbook's own rules, quoted
as the seller wrote them (policy.yaml `reasons.*.rule`); the column headers of real order
exports, matched as the exports spell them (order_presets.yaml `columns`); English text that
names a Chinese word
("Title (中文)"); menu mnemonics, written "文件(&F)" as Chinese desktops do; and file-dialog
filters, "订单 (*.csv);;所有文件 (*)", whose ASCII marks Qt parses."""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
# ASCII punctuation touching a Chinese character: "退款,补发" or "包裹(巴西)".
HALF_WIDTH = re.compile(r"[\u4e00-\u9fff][,:;()!?]|[,:;()!?][\u4e00-\u9fff]")
HAN = re.compile(r"[\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z]")
MNEMONIC = re.compile(r"\(&\w\)")
FILE_FILTER = re.compile(r"\s?\(\*[^)]*\)|;;")


def _half_width(text: str) -> re.Match[str] | None:
    """The first half-width mark in Chinese text (mostly Han characters), else None."""
    if len(HAN.findall(text)) < len(LATIN.findall(text)):
        return None
    return HALF_WIDTH.search(FILE_FILTER.sub(" ", MNEMONIC.sub("", text)))


def _yaml_strings(data: Any, where: str) -> Iterator[tuple[str, str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            quoted = (".reasons" in where and key == "rule") or key == "columns"
            if not quoted:
                yield from _yaml_strings(value, f"{where}.{key}")
    elif isinstance(data, list):
        for value in data:
            yield from _yaml_strings(value, where)
    elif isinstance(data, str):
        yield where, data


def _code_strings(folder: str) -> Iterator[tuple[str, str]]:
    for path in sorted((ROOT / folder).glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                yield f"{folder}/{path.name}:{node.lineno}", node.value


def _everything() -> Iterator[tuple[str, str]]:
    for path in sorted((ROOT / "resources").glob("*.yaml")):
        yield from _yaml_strings(yaml.safe_load(path.read_text(encoding="utf-8")), path.name)
    for path in sorted((ROOT / "templates").glob("*.j2")):
        text = path.read_text(encoding="utf-8")
        yield f"{path.name} title", yaml.safe_load(text.split("---")[1])["title"]["zh"]
        for number, line in enumerate(text.partition("=== gloss ===")[2].splitlines()):
            yield f"{path.name} gloss line {number + 1}", line
    for message in ET.parse(ROOT / "resources/i18n/reply_composer_zh_CN.ts").iter("message"):
        yield "reply_composer_zh_CN.ts", message.findtext("translation") or ""
    yield from _code_strings("app")
    yield from _code_strings("ui")


@pytest.mark.parametrize(("where", "text"), [
    pair for pair in _everything() if _half_width(pair[1])
] or [pytest.param("", "", id="none")])
def test_chinese_text_uses_full_width_punctuation(where, text):
    found = _half_width(text)
    assert found is None, f"{where}: {found.group()!r} in {text[:80]!r}"


def test_the_check_finds_half_width_punctuation():
    assert _half_width("退款,补发") and _half_width("包裹(巴西)")
    assert not _half_width("退款，补发（巴西）") and not _half_width("文件(&F)")
    assert not _half_width("Title (中文)")
