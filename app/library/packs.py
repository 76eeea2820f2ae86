"""Template packs: templates shared as a zip file or a folder of `<id>.j2` files.

Export writes a pack; import first plans (what is new, what would override a team or
bundled template, what conflicts with the person's own version) and writes nothing a
person did not choose. Conflicting files are never chosen by default.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path, PurePosixPath

from app.data.atomic import FileState, atomic_write
from app.errors import SourceError
from app.library.layers import Layer, TemplateLibrary
from app.library.store import PersonalStore, StoreError
from app.library.template_file import ID_PATTERN, SUFFIX, parse_template

MAX_FILES = 1000
MAX_FILE_BYTES = 1_000_000  # a reply template is a few kB; anything bigger is not one
MAX_DEPTH = 2  # `<id>.j2` at the top of the pack or in one folder


class ImportStatus(Enum):
    NEW = "new"  # no template with this id anywhere
    OVERRIDE = "override"  # would override the team's or the bundled version
    SAME = "same"  # the person's own version is identical: nothing to do
    CONFLICT = "conflict"  # the person has their own, different version


@dataclass(frozen=True)
class ImportItem:
    template_id: str
    status: ImportStatus
    text: str
    current: str | None  # the version it would replace, if any
    personal: FileState | None  # the personal file when planned (to notice later edits)
    problem: str | None  # why the file isn't a valid template, if it isn't

    @property
    def changes_nothing(self) -> bool:
        """The person's own version is the same: nothing to choose."""
        return self.status is ImportStatus.SAME


@dataclass(frozen=True)
class ImportPlan:
    source: Path
    items: tuple[ImportItem, ...]
    skipped: tuple[str, ...] = field(default=())  # pack entries that are no template file

    def default_choice(self) -> set[str]:
        """What to import unless the person says otherwise: nothing that replaces their own."""
        return {i.template_id for i in self.items
                if i.status in (ImportStatus.NEW, ImportStatus.OVERRIDE) and i.problem is None}



def read_pack(source: Path) -> tuple[dict[str, str], list[str]]:
    """The pack's templates by id, and the entries skipped with the reason."""
    if source.is_dir():
        entries: list[tuple[str, bytes | None]] = [
            (p.name, p.read_bytes() if p.stat().st_size <= MAX_FILE_BYTES else None)
            for p in sorted(source.iterdir()) if p.is_file() and p.suffix == SUFFIX]
        return _templates(entries[:MAX_FILES + 1], str(source))
    try:
        with zipfile.ZipFile(source) as archive:
            return _templates(_zip_entries(archive), str(source))
    except (OSError, zipfile.BadZipFile, RuntimeError, NotImplementedError) as exc:
        raise StoreError(f"{source}: not a template pack ({exc})") from None


def _zip_entries(archive: zipfile.ZipFile) -> list[tuple[str, bytes | None]]:
    entries: list[tuple[str, bytes | None]] = []
    for info in archive.infolist()[:MAX_FILES + 1]:
        if info.is_dir():
            continue
        # Sizes are checked before reading: a zip bomb is refused, never unpacked.
        too_big = info.file_size > MAX_FILE_BYTES
        entries.append((info.filename, None if too_big else archive.read(info)))
    return entries


def _templates(entries: Iterable[tuple[str, bytes | None]],
               where: str) -> tuple[dict[str, str], list[str]]:
    found: dict[str, str] = {}
    skipped: list[str] = []
    for count, (name, data) in enumerate(entries):
        if count >= MAX_FILES:
            skipped.append(f"{where}: more than {MAX_FILES} files; the rest were not read")
            break
        reason = _bad_entry(name, data, found)
        if reason:
            skipped.append(f"{where}/{name}: {reason}")
            continue
        assert data is not None
        found[PurePosixPath(name).stem] = data.decode("utf-8")
    return found, skipped


def _bad_entry(name: str, data: bytes | None, found: Mapping[str, str]) -> str | None:
    path = PurePosixPath(name.replace("\\", "/"))
    return _bad_name(path) or _bad_content(path.stem, data, found)


def _bad_name(path: PurePosixPath) -> str | None:
    # Only `<id>.j2` at the top or in one folder: never `..`, absolute paths or odd names.
    if path.is_absolute() or ".." in path.parts or len(path.parts) > MAX_DEPTH:
        return "not a template file name"
    if path.suffix != SUFFIX:
        return "not a .j2 template"
    if not ID_PATTERN.fullmatch(path.stem):
        return "not a template id (use a-z, 0-9 and '-')"
    return None


def _bad_content(template_id: str, data: bytes | None, found: Mapping[str, str]) -> str | None:
    if data is None:
        return f"larger than {MAX_FILE_BYTES:,} bytes"
    if template_id in found:
        return "the same id twice"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return "not UTF-8 text"
    return None


def export_pack(dest: Path, templates: Mapping[str, str]) -> None:
    """Write a zip (`*.zip`) or a new, empty folder of `<id>.j2` files."""
    if dest.suffix.lower() == ".zip":
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for template_id, text in sorted(templates.items()):
                archive.writestr(template_id + SUFFIX, text.encode("utf-8"))
        atomic_write(dest, buffer.getvalue())
        return
    if dest.exists() and any(dest.iterdir()):
        raise StoreError(f"{dest}: choose a new or empty folder for the pack")
    for template_id, text in templates.items():
        atomic_write(dest / (template_id + SUFFIX), text.encode("utf-8"))


def texts_for_export(store: PersonalStore, library: TemplateLibrary,
                     ids: Iterable[str] | None = None) -> dict[str, str]:
    """The personal layer, or the given templates as they are used now (any layer)."""
    if ids is None:
        personal = ((i, store.read(i)) for i in store.ids())
        return {i: found[0] for i, found in personal if found}
    texts = {}
    for template_id in ids:
        found = library.path_of(template_id)
        if found is not None:
            texts[template_id] = found[1].read_bytes().decode("utf-8", errors="replace")
    return texts


def plan_import(source: Path, store: PersonalStore, library: TemplateLibrary) -> ImportPlan:
    templates, skipped = read_pack(source)
    items = []
    for template_id, text in sorted(templates.items()):
        mine = store.read(template_id)
        found = library.path_of(template_id)
        if mine is not None:
            status = ImportStatus.SAME if mine[0] == text else ImportStatus.CONFLICT
            current: str | None = mine[0]
        elif found is not None:
            status, current = ImportStatus.OVERRIDE, found[1].read_text(encoding="utf-8")
        else:
            status, current = ImportStatus.NEW, None
        items.append(ImportItem(template_id, status, text, current,
                                mine[1] if mine else None, _problem(template_id, text)))
    return ImportPlan(source, tuple(items), tuple(skipped))


def _problem(template_id: str, text: str) -> str | None:
    try:
        parse_template(Path(template_id + SUFFIX), text, Layer.UNSAVED)
    except SourceError as exc:
        return str(exc)
    return None


def apply_import(plan: ImportPlan, store: PersonalStore,
                 chosen: Iterable[str]) -> tuple[list[str], list[str]]:
    """Write the chosen templates (each replaced version goes to history). Returns the ids
    imported and the messages of those that failed, e.g. a file edited since the plan."""
    wanted = set(chosen)
    imported, failed = [], []
    for item in plan.items:
        if item.template_id not in wanted or item.status is ImportStatus.SAME:
            continue
        try:
            store.save(item.template_id, item.text, expected=item.personal)
        except (StoreError, OSError) as exc:
            failed.append(f"{item.template_id}: {exc}")
            continue
        imported.append(item.template_id)
    return imported, failed
