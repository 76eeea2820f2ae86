"""The start-up's cheaper answer to PySide6's per-module question gives PySide6's own answer."""

from __future__ import annotations

import importlib
import sys

import PySide6.QtCore  # noqa: F401  (sets up the feature module being replaced)
import pytest

from ui.shell.import_check import source_mentions_pyside, speed_up_pyside_import_check

MODULES = ("ui.shell.main_window", "ui.widgets.two_line", "app.catalog.catalog", "json",
           "app.compose.render", "math", "yaml")


def _pyside_check():
    feature = sys.modules.get("shibokensupport.feature")
    if feature is None:
        pytest.skip("this PySide6 has no feature module")
    check = feature._mod_uses_pyside
    return getattr(check, "__wrapped__", check)


@pytest.mark.parametrize("name", MODULES)
def test_the_byte_search_answers_as_pyside_does(name):
    module = importlib.import_module(name)
    original = _pyside_check()
    assert source_mentions_pyside(module, original) == original(module)


def test_window_modules_say_yes_and_domain_modules_no():
    original = _pyside_check()
    assert source_mentions_pyside(importlib.import_module("ui.shell.main_window"), original)
    assert not source_mentions_pyside(importlib.import_module("app.catalog.catalog"), original)


def test_the_check_is_replaced_once_and_still_answers():
    assert speed_up_pyside_import_check()
    assert speed_up_pyside_import_check()  # a second window: nothing wrapped twice
    check = sys.modules["shibokensupport.feature"]._mod_uses_pyside
    original = check.__wrapped__
    assert getattr(original, "__wrapped__", None) is None
    assert check(importlib.import_module("ui.widgets.two_line")) is True
