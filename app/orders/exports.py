"""Reading an order export (.xlsx, .xls or .csv) into order records: the entry point of the order
book, which finds the file's layout, reads its rows and groups them into orders."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from itertools import chain, islice
from pathlib import Path

from app.data.cyclic_gc import cyclic_gc_paused
from app.errors import SourceError, UnknownNameError
from app.orders.dates import FIRST_YEAR, LAST_YEAR
from app.orders.layout import MIN_COLUMNS, Layout, find_layout
from app.orders.presets import (
    PRESETS_FILE,
    Preset,
    bundled_presets_path,
    header_key,
    is_private_header,
    load_presets,
)
from app.orders.records import (
    CUSTOM,
    FIELDS,
    HEADER_SEARCH_ROWS,
    ITEM_FIELDS,
    MARKETPLACES,
    ORDER_FIELDS,
    WEIGHT_FIELDS,
    WEIGHT_UNITS,
    Cell,
    ExportReading,
    ImportedOrder,
    OrderItem,
    Row,
    RowProblem,
    UnknownHeader,
)
from app.orders.rows import MEMO_LIMIT, RowReader
from app.orders.sheets import BLANK_ROWS_END, non_blank_rows, table_rows

# What `from app.orders.exports import …` has always given, now defined in the modules beside.
__all__ = [
    "BLANK_ROWS_END", "CUSTOM", "FIELDS", "FIRST_YEAR", "HEADER_SEARCH_ROWS", "ITEM_FIELDS",
    "LAST_YEAR", "MARKETPLACES", "MAX_PROBLEMS", "MEMO_LIMIT", "MIN_COLUMNS", "ORDER_FIELDS",
    "PRESETS_FILE", "PROGRESS_EVERY", "WEIGHT_FIELDS", "WEIGHT_UNITS", "Cell",
    "ExportReading", "ImportedOrder", "OrderItem", "Preset", "Row", "RowProblem",
    "UnknownHeader", "bundled_presets_path", "header_key", "is_private_header", "load_presets",
    "read_export"]

PROGRESS_EVERY = 1_000
MAX_PROBLEMS = 1_000  # a file wrong in every row needs examples, not 100,000 lines


def read_export(path: Path | str, *, preset: str | None = None,
                mapping: Mapping[str, str] | None = None,
                country_codes: Callable[[str], str | None] | None = None,
                progress: Callable[[int], None] | None = None,
                presets: Mapping[str, Preset] | None = None) -> ExportReading:
    """The orders of an export file.

    preset: the preset to read it with; None picks the one that fits its header row.
    mapping: our field name → the file's header text (what the mapping dialog returns for an
        UnknownHeader); it wins over the preset's columns.
    country_codes: a country as the file writes it (code, English or Chinese name) → its ISO
        code, or None; without it, only 2-letter codes are understood.
    progress: called with the number of rows read so far, every PROGRESS_EVERY rows and at
        the end (from the reading thread: it may raise to cancel).
    presets: the presets to choose from (default: load_presets()).

    A bad value is a RowProblem for that field (the rest of its row imports), a row without
    an order number a RowProblem for the row. Raises UnknownHeader when no preset fits,
    SourceError for a file that can't be read or holds no orders, ComposerError for a bad
    preset name or mapping.
    """
    path = Path(path)  # a file dialog gives text
    known = load_presets() if presets is None else presets
    chosen = None
    if preset is not None:
        if preset not in known:
            raise UnknownNameError("preset", preset, known)
        chosen = known[preset]
    with table_rows(path) as rows, cyclic_gc_paused():
        head = list(islice(rows, HEADER_SEARCH_ROWS))
        layout = find_layout(str(path), head, known, chosen, mapping)
        after_header = [row for row in head if row[0] > layout.header_row]
        return _read_orders(path, layout, chain(after_header, rows),
                            RowReader(layout, country_codes), progress)


def _read_orders(path: Path, layout: Layout, rows: Iterable[Row], reader: RowReader,
                 progress: Callable[[int], None] | None) -> ExportReading:
    """The rows below the header row, grouped by order number (an order's rows in one)."""
    orders: dict[str, ImportedOrder] = {}
    problems = _Problems()
    rows_read = 0
    for batch in _batches(non_blank_rows(rows), PROGRESS_EVERY):
        for row_no, order, row_problems in reader.orders(batch):
            if row_problems:
                problems.add(row_no, row_problems)
            if order is not None:
                known = orders.get(order.order_id)
                orders[order.order_id] = order if known is None else _merged(known, order)
        rows_read += len(batch)
        if progress is not None and len(batch) == PROGRESS_EVERY:
            progress(rows_read)
    if rows_read == 0:
        raise SourceError(str(path), layout.header_row, "only a header row: no orders below it",
                          zh="只有表头，下面没有订单")
    if progress is not None:
        progress(rows_read)
    return ExportReading(layout.preset, tuple(orders.values()), problems.all(), rows_read)


def _batches(rows: Iterable[Row], size: int) -> Iterator[list[Row]]:
    """The rows in lists of `size` (the last one shorter)."""
    rows = iter(rows)
    while batch := list(islice(rows, size)):
        yield batch


def _merged(first: ImportedOrder, later: ImportedOrder) -> ImportedOrder:
    """Another row of the same order: its products, and the order facts the first rows lack."""
    missing = {field: getattr(later, field) for field in ORDER_FIELDS
               if getattr(first, field) is None and getattr(later, field) is not None}
    return first._replace(items=first.items + later.items, **missing)


class _Problems:
    """The first MAX_PROBLEMS problems, and a count of the rest."""

    def __init__(self) -> None:
        self.kept: list[RowProblem] = []
        self.dropped = 0
        self.first_dropped_row = 0

    def add(self, row: int, messages: Iterable[str]) -> None:
        for message in messages:
            if len(self.kept) < MAX_PROBLEMS:
                self.kept.append(RowProblem(row, message))
            else:
                self.first_dropped_row = self.first_dropped_row or row
                self.dropped += 1

    def all(self) -> tuple[RowProblem, ...]:
        if not self.dropped:
            return tuple(self.kept)
        summary = RowProblem(self.first_dropped_row,
                             f"{self.dropped} more problems from this row on are not listed")
        return (*self.kept, summary)
