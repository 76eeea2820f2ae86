"""The line above the editor that says what the open template is: its id, its layer (and
what it overrides), whether it is read-only or was read from a legacy encoding, and which
cases use it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QWidget

from ui.widgets import palette

if TYPE_CHECKING:
    from app.library.index import TemplateEntry
    from app.library.workspace import Buffer


class InfoLine(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="templateInfo", wordWrap=True)
        self.setStyleSheet(palette.css(palette.MUTED))

    def show_template(self, buffer: Buffer | None, entry: TemplateEntry | None,
                      layer_names: Mapping[str, str], case_titles: Mapping[str, str]) -> None:
        """`case_titles`: the titles of the cases that use it, in the window's language."""
        if buffer is None or entry is None:
            self.setText(buffer.template_id if buffer else "")
            return
        parts = [f"<b>{entry.id}</b>", layer_names.get(entry.layer.value, "")]
        if entry.below:
            parts[-1] += " — " + (self.tr("overrides the team's version") if entry.overrides_team
                                  else self.tr("overrides the bundled version"))
        if buffer.converted_from:
            parts.append("<b>" + self.tr("read as {0}, not UTF-8: Save converts it to UTF-8")
                         .format(buffer.converted_from) + "</b>")
        if entry.read_only:
            parts.append(self.tr("read-only: saving makes it your own version"))
        if entry.is_partial:
            parts.append(self.tr("a shared piece other templates include"))
        elif entry.used_by:
            parts.append(self.tr("used by: {0}").format(", ".join(case_titles.values())))
        else:
            parts.append(self.tr("no case uses it yet (a rule in policy.yaml picks templates)"))
        self.setText("  ·  ".join(parts))
