"""Unsaved editor text, autosaved every few seconds so a crash loses at most a few seconds.

Each draft is `<data dir>/drafts/<id>.json`: the text, and the state of the personal file
the edit started from, so a recovered draft can still tell whether that file changed since.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from app.data.atomic import FileState, atomic_write
from app.errors import ComposerError
from app.library.layers import TemplateLibrary
from app.library.store import check_id
from app.library.template_file import ID_PATTERN


@dataclass(frozen=True)
class Draft:
    template_id: str
    text: str
    base: FileState | None  # the personal file when editing began (None: there was none)
    saved_at: dt.datetime


class DraftStore:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path(self, template_id: str) -> Path:
        return self.folder / (check_id(template_id) + ".json")

    def write(self, template_id: str, text: str, base: FileState | None) -> None:
        record = {"id": template_id, "text": text,
                  "base": base.to_json() if base else None,
                  "saved_at": dt.datetime.now(dt.timezone.utc).isoformat()}
        atomic_write(self.path(template_id),
                     json.dumps(record, ensure_ascii=False).encode("utf-8"))

    def discard(self, template_id: str) -> None:
        self.path(template_id).unlink(missing_ok=True)

    def load_all(self) -> list[Draft]:
        """Every readable draft; a damaged one is skipped, never an error at start-up."""
        if not self.folder.is_dir():
            return []
        drafts = []
        for path in sorted(self.folder.glob("*.json")):
            draft = _read(path)
            if draft is not None:
                drafts.append(draft)
        return drafts


def _read(path: Path) -> Draft | None:
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
        template_id, text = str(record["id"]), record["text"]
        saved_at = dt.datetime.fromisoformat(str(record["saved_at"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not isinstance(text, str) or not ID_PATTERN.fullmatch(template_id) \
            or path.stem != template_id:
        return None
    return Draft(template_id, text, FileState.from_json(record.get("base")), saved_at)


class DraftKeeper:
    """Keeps a draft for each unsaved template (and only for those), written when its text
    changed since its last draft. A draft that can't be written is reported, never raised:
    one broken template or a read-only folder must not stop the drafts of the others."""

    def __init__(self, store: DraftStore) -> None:
        self.store = store
        self._written: dict[str, str] = {}  # id -> the text last written as its draft

    def keep(self, unsaved: dict[str, tuple[str, FileState | None]],
             saved: list[str]) -> list[str]:
        """Write the drafts of `unsaved` (id -> (text, base)), drop those of `saved`; the
        problems, one line each."""
        problems = []
        for template_id, (text, base) in unsaved.items():
            if self._written.get(template_id) == text:
                continue
            try:
                self.store.write(template_id, text, base)
            except (OSError, ComposerError) as exc:
                problems.append(f"{template_id}: {exc}")
                continue
            self._written[template_id] = text
        for template_id in saved:
            if template_id in self._written:
                self.forget(template_id)
        return problems

    def forget(self, template_id: str) -> None:
        """The template was saved, reloaded or removed: its draft is no longer needed."""
        with contextlib.suppress(OSError, ComposerError):  # a draft we couldn't write either
            self.store.discard(template_id)
        self._written.pop(template_id, None)

    def adopt(self, draft: Draft) -> None:
        """A recovered draft: its file already holds this text."""
        self._written[draft.template_id] = draft.text

    def left_over(self, library: TemplateLibrary) -> list[Draft]:
        """Drafts a crash left that differ from their template (the others are removed)."""
        offered = []
        for draft in self.store.load_all():
            found = library.path_of(draft.template_id)
            if found is None:
                continue  # its template is gone; the draft file stays for a person to find
            if found[1].read_text(encoding="utf-8", errors="replace") == draft.text:
                self.forget(draft.template_id)
            else:
                offered.append(draft)
        return offered
