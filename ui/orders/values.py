"""The plain values the order dialogs and their view-model pass each other (no Qt, no
domain: a dialog module imports them at run time)."""

from __future__ import annotations

from typing import NamedTuple

OPENING, READING, IMPORTING = "open", "read", "import"  # the stages an import reports
AUTO_DETECT = ""  # the export's kind: the preset that fits its header row
OWN_COLUMNS = "custom"  # app.orders.records.CUSTOM: the person says which column is which
REQUIRED_FIELDS = ("order_id",)  # what a mapping must name (the domain refuses it otherwise)


class ImportCancelled(Exception):
    """Raised from a progress report when the person cancels: the import's one transaction
    is rolled back and the book stays as it was."""


class PresetChoice(NamedTuple):
    id: str
    name_en: str
    name_zh: str

    def name(self, lang: str) -> str:
        return self.name_zh if lang == "zh" else self.name_en


class FieldChoice(NamedTuple):
    id: str  # an export field (app.orders.records.FIELDS)
    required: bool
    per_product: bool  # a value per product line, not per order


class NeedsMapping(NamedTuple):
    """Neither a preset nor a remembered mapping knows the file's header row."""

    header: tuple[str, ...]  # the header row as the file writes it (the mapping's identity)
    columns: tuple[str, ...]  # the headers that can be mapped (never an address or phone)
    suggested: dict[str, str]  # field → column: the remembered mapping, else close matches
    hidden: int  # the address, phone and e-mail columns left out of `columns`


class Failure(NamedTuple):
    kind: str  # "file", "database", "setting" or "other"
    message: str  # for "file", with the file name and line when known


class DatabaseSetting(NamedTuple):
    in_force: str | None  # the URL the app opens now; None when the setting can't be used
    saved: str | None  # the one saved in the user's settings (None: this computer's SQLite)
    default: str  # this computer's SQLite file
    from_environment: str | None  # REPLY_COMPOSER_DB, which wins over the saved setting
    problem: str | None  # why in_force is None
