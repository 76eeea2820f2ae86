"""Finding an export's header row and which column holds which field: by the preset named, by
the preset that fits best, or by a person's mapping (never an address, phone or e-mail column)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import NamedTuple

from app.errors import ComposerError, SourceError, UnknownNameError
from app.orders.cells import cell_text
from app.orders.presets import Preset, header_key, is_private_header
from app.orders.records import CUSTOM, FIELDS, HEADER_SEARCH_ROWS, Row, UnknownHeader

MIN_COLUMNS = 3  # a preset fits a header row with the order number and two more of its columns


class Layout(NamedTuple):
    preset: str
    marketplace: str
    header_row: int
    headers: tuple[str, ...]  # the header row's texts, as the file writes them
    columns: Mapping[str, tuple[int, ...]]  # field → its columns, preferred first
    units: Mapping[str, str]
    marketplace_names: Mapping[str, str]

    def label(self, column: int) -> str:
        """The column's header for messages: its first line ("产品信息", not the note)."""
        return self.headers[column].strip().split("\n")[0].strip()


class _HeaderCandidate(NamedTuple):
    row: int
    headers: tuple[str, ...]
    keys: Mapping[str, int]  # header_key → column (the first such column)


def find_layout(path: str, head: Sequence[Row], presets: Mapping[str, Preset],
                preset: Preset | None, mapping: Mapping[str, str] | None) -> Layout:
    """The layout of the file whose first rows are `head`; raises UnknownHeader when no preset
    fits them, SourceError when the named preset or the mapping doesn't."""
    candidates = [_candidate(row) for row in head]
    if mapping:
        names = next((p.marketplace_names for p in presets.values()), {})  # the file's, shared
        return _mapped_layout(path, candidates, mapping, preset, names)
    if preset is not None:
        return _preset_layout(path, candidates, preset)
    return _guessed_layout(path, candidates, presets)


def _candidate(row: Row) -> _HeaderCandidate:
    row_no, cells = row
    headers = tuple(cell_text(cell) for cell in cells)
    index: dict[str, int] = {}
    for column, text in enumerate(headers):
        if text:
            index.setdefault(header_key(text), column)
    for column, text in enumerate(headers):  # "产品信息\n（双击…）" is also found as 产品信息
        if "\n" in text:
            index.setdefault(header_key(text.split("\n")[0]), column)
    return _HeaderCandidate(row_no, headers, index)


def _columns_of(spellings: Mapping[str, Sequence[str]],
                index: Mapping[str, int]) -> dict[str, tuple[int, ...]]:
    columns = {}
    for field, headers in spellings.items():
        found = (index.get(header_key(header)) for header in headers)
        unique = tuple(dict.fromkeys(c for c in found if c is not None))
        if unique:
            columns[field] = unique
    return columns


def _fits(preset: Preset, columns: Mapping[str, object]) -> bool:
    """The required columns are there, and at least two more (order number + two fields)."""
    return all(field in columns for field in preset.required) and len(columns) >= MIN_COLUMNS


def _layout(preset: Preset | None, found: _HeaderCandidate,
            columns: Mapping[str, tuple[int, ...]],
            marketplace_names: Mapping[str, str] | None = None) -> Layout:
    if preset is None:  # a person's mapping: a marketplace column still means the same
        return Layout(CUSTOM, "other", found.row, found.headers, columns, {},
                      marketplace_names or {})
    return Layout(preset.id, preset.marketplace, found.row, found.headers, columns,
                  preset.units, preset.marketplace_names)


def _guessed_layout(path: str, candidates: Sequence[_HeaderCandidate],
                    presets: Mapping[str, Preset]) -> Layout:
    """The first row some preset fits; of the presets that fit it, the one finding most."""
    for found in candidates:
        fitting = []
        for order, preset in enumerate(presets.values()):
            columns = _columns_of(preset.columns, found.keys)
            if _fits(preset, columns):
                fitting.append((len(columns), -order, preset, columns))
        if fitting:
            _, _, preset, columns = max(fitting, key=lambda fit: fit[:2])
            return _layout(preset, found, columns)
    raise _unknown_header(path, candidates)


def _unknown_header(path: str, candidates: Sequence[_HeaderCandidate]) -> SourceError:
    """The likeliest header row (the first with the most filled cells), for the mapping
    dialog; or, when no row has two filled cells, a plain 'not an order table'."""
    def filled(c: _HeaderCandidate) -> int:
        return sum(1 for text in c.headers if text)

    best = max(candidates, key=filled, default=None)
    if best is None or filled(best) < MIN_COLUMNS - 1:
        return SourceError(path, None, f"no header row in the first {HEADER_SEARCH_ROWS} rows: "
                                       "is this an order export?",
                           zh=f"前 {HEADER_SEARCH_ROWS} 行里没有表头：这是订单导出文件吗？")
    header = list(best.headers)
    while header and not header[-1]:
        header.pop()
    return UnknownHeader(path, best.row, tuple(header))


def _preset_layout(path: str, candidates: Sequence[_HeaderCandidate], preset: Preset) -> Layout:
    """The first row the named preset fits; else an error naming the headers it lacks."""
    tried = [(found, _columns_of(preset.columns, found.keys)) for found in candidates]
    for found, columns in tried:
        if _fits(preset, columns):
            return _layout(preset, found, columns)
    best = max((columns for _, columns in tried), key=len, default={})
    missing = [preset.columns[field][0] for field in preset.required if field not in best]
    lacking = f"no column {', '.join(missing)}" if missing else \
        f"only {len(best)} of its columns found"
    lacking_zh = "缺少列 " + "、".join(missing) if missing else "列太少"
    raise SourceError(path, None, f"not a {preset.name_en}: {lacking}",
                      zh=f"不是{preset.name_zh}：{lacking_zh}")


def _checked_mapping(mapping: Mapping[str, str]) -> dict[str, str]:
    """The mapping without unmapped fields; a ComposerError for a field we don't have, a
    missing order number or a column we never read."""
    chosen = {field: header for field, header in mapping.items() if header and header.strip()}
    for field, header in chosen.items():
        if field not in FIELDS:
            raise UnknownNameError("field", field, FIELDS)
        if is_private_header(header):
            raise ComposerError(f"{header!r} is an address, phone or e-mail column: "
                                "those are never imported")
    if "order_id" not in chosen:
        raise ComposerError("say which column holds the order number (order_id)")
    return chosen


def _mapped_layout(path: str, candidates: Sequence[_HeaderCandidate], mapping: Mapping[str, str],
                   base: Preset | None, marketplace_names: Mapping[str, str]) -> Layout:
    """The first row holding every mapped header; the mapping wins over the preset's columns."""
    chosen = _checked_mapping(mapping)
    wanted = {field: [header] for field, header in chosen.items()}
    for found in candidates:
        columns = _columns_of(wanted, found.keys)
        if len(columns) == len(chosen):
            base_columns = _columns_of(base.columns, found.keys) if base else {}
            return _layout(base, found, {**base_columns, **columns}, marketplace_names)
    best = max(candidates, key=lambda c: len(_columns_of(wanted, c.keys)), default=None)
    present = best.keys if best else {}
    missing = [header for header in chosen.values() if header_key(header) not in present]
    raise SourceError(path, None, f"no header row with the column(s) {', '.join(missing)}",
                      zh=f"表头里没有这些列：{'、'.join(missing)}")
