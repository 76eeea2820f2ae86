"""Replacing only the changed part of a text view leaves exactly the new text."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtWidgets import QPlainTextEdit

from ui.widgets.text_update import _changed_span, replace_text

TEXTS = st.text(alphabet=st.sampled_from("ab \n中文—😀\r"), max_size=40)


@pytest.fixture(scope="module")
def view(qapp):
    return QPlainTextEdit()


@pytest.fixture(scope="module")
def reference(qapp):
    return QPlainTextEdit()


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(old=TEXTS, new=TEXTS)
def test_any_change_leaves_what_set_plain_text_would(view, reference, old, new):
    view.setPlainText(old)
    replace_text(view, new)
    reference.setPlainText(new)  # Qt's own ("\r\n" becomes "\n")
    assert view.toPlainText() == reference.toPlainText()


def test_only_the_changed_middle_is_replaced():
    assert _changed_span("Dear Maria,\nThanks", "Dear Mariana,\nThanks") == (10, 10, 12)
    assert _changed_span("abc", "abc") == (3, 3, 3)
    assert _changed_span("aaa", "aa") == (2, 3, 2)


def test_a_generated_change_is_no_undo_step(view):
    view.setPlainText("Dear Maria,")
    replace_text(view, "Dear Kim,")
    assert not view.document().isUndoAvailable()
