"""Unsaved editor text, autosaved every few seconds so a crash loses at most a few seconds.

Each draft is `<data dir>/drafts/<id>.json`: the text, and the state of the personal file
the edit started from, so a recovered draft can still tell whether that file changed since.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from app.data.atomic import FileState, atomic_write
from app.library.store import ID_PATTERN, check_id


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
