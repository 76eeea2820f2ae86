"""A big .xlsx sheet read a slice of rows at a time.

calamine parses a whole sheet into memory before it gives the first row (python-calamine#42):
433 MB and ~5 s for a 100,000-row, 67-column export. Here the sheet's XML is cut between two
rows into slices of about SLICE_BYTES; calamine reads each slice, with the workbook's shared
strings and styles, as a small workbook of its own on a worker thread, while the caller turns
the previous slice's rows into orders. Every value is still calamine's: this module only cuts
XML where a `<row` begins, which no cell text can contain (XML escapes its "<").
"""

from __future__ import annotations

import io
import re
import zipfile
from collections import deque
from collections.abc import Callable, Generator, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from app.orders.records import BLANK_ROWS_END, Cell, Row
from app.orders.xlsx_parts import Parts, sheet_parts, small_workbook

if TYPE_CHECKING:
    from python_calamine import CalamineSheet

SLICE_BYTES = 2_000_000  # of sheet XML: ~1,000 rows of a 67-column export
PARSERS = 2  # worker threads parsing slices at once
SHARED_STRINGS_SHARE = 4  # a slice is at least this many times the shared strings, which
# every slice's workbook parses again: re-reading them costs at most a quarter more
_CHUNK = 1 << 20
_SHEET_DATA = re.compile(rb"<((?:[\w.-]+:)?)sheetData\b[^>]*?(/?)>")
_FIRST_ROW = re.compile(rb"<(?:[\w.-]+:)?row\b([^>]*)>")
_ROW_NUMBER = re.compile(rb"\sr\s*=")
_LT = ord("<")
_AFTER_NAME = (b" ", b"\t", b"\r", b"\n", b">", b"/")  # <row …>, not <rowBreaks>
_DIMENSION = re.compile(rb"<(?:[\w.-]+:)?dimension\b[^>]*/>")  # calamine would size every
# slice as the whole sheet from it

MergedRange = tuple[tuple[int, int], tuple[int, int]]  # calamine's ((row, col), (row, col))


class SlicedSheet(NamedTuple):
    rows: Generator[Row, None, None]  # Excel's row numbers; cells from column A
    merged: list[MergedRange]


class _Slice(NamedTuple):
    start: tuple[int, int] | None  # its first used cell, 0-based; None for blank rows only
    cells: Sequence[Sequence[Cell]]


class _Shape(NamedTuple):
    head: bytes  # the sheet's XML through <sheetData>, without <dimension>
    rows_from: int  # where the first row starts in the part
    rows_to: int  # where </sheetData> starts
    row_start: bytes  # b"<row", with the file's namespace prefix if it uses one
    close: bytes  # </sheetData></worksheet>, as the file writes them
    tail: bytes  # from </sheetData> to the end: the merged cells, among others


def sliced_sheet(path: Path, sheet_name: str,
                 unreadable: Callable[[BaseException], Exception]) -> SlicedSheet | None:
    """The sheet read in slices, or None when it is small enough to read whole or is not an
    .xlsx sheet this module knows how to cut (calamine then reads it whole, as it can)."""
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile):
        return None
    try:
        found = _find(archive, sheet_name)
    except Exception:  # any package this module can't follow: calamine says what is wrong
        found = None
    if found is None:
        archive.close()
        return None
    parts, shape, slice_bytes = found
    merged = _merged_ranges(parts, shape, sheet_name)
    # Missing rows are blank, and so many of them end the table: unless a merged cell may
    # fill them, as it fills them in calamine's whole sheet.
    gap = None if merged else BLANK_ROWS_END
    rows = _rows(archive, parts, shape, sheet_name, slice_bytes, unreadable, gap)
    return SlicedSheet(rows, merged)


def _find(archive: zipfile.ZipFile, sheet_name: str) -> tuple[Parts, _Shape, int] | None:
    parts = sheet_parts(archive, sheet_name)
    if parts is None:
        return None
    slice_bytes = max(SLICE_BYTES, SHARED_STRINGS_SHARE * parts.shared_strings)
    if archive.getinfo(parts.sheet).file_size <= slice_bytes:
        return None  # one slice: the whole sheet
    shape = _shape(archive, parts.sheet)
    return None if shape is None else (parts, shape, slice_bytes)


# The sheet's XML

def _shape(archive: zipfile.ZipFile, part: str) -> _Shape | None:
    """Where the rows start and end: one pass over the part, keeping only its ends."""
    with archive.open(part) as xml:
        start = b""
        while (opening := _SHEET_DATA.search(start)) is None:
            chunk = xml.read(_CHUNK)
            if not chunk or len(start) > 8 * _CHUNK:
                return None
            start += chunk
        if opening.group(2):
            return None  # <sheetData/>: no rows
        prefix = opening.group(1)
        closing = b"</" + prefix + b"sheetData>"
        window, window_at = start[opening.end():], opening.end()
        if len(window) < _CHUNK:
            window += xml.read(_CHUNK)
        first_row = _FIRST_ROW.search(window)
        if first_row is None or not _ROW_NUMBER.search(first_row.group(1)):
            return None  # rows without numbers: calamine would number each slice's from 1
        while (found := window.find(closing)) < 0:
            chunk = xml.read(_CHUNK)
            if not chunk:
                return None
            kept = window[-len(closing):]
            window_at += len(window) - len(kept)
            window = kept + chunk
        tail = window[found:] + xml.read()
    root_close = tail[tail.rfind(b"</"):]
    head = _DIMENSION.sub(b"", start[:opening.end()])
    return _Shape(head, opening.end(), window_at + found, b"<" + prefix + b"row",
                  closing + root_close, tail)


def _row_slices(archive: zipfile.ZipFile, part: str, shape: _Shape,
                slice_bytes: int) -> Generator[bytes, None, None]:
    """The rows' XML in pieces of about slice_bytes, each beginning where a numbered row
    begins. After CDATA, a comment or a processing instruction (valid XML no spreadsheet
    writer puts among rows: a "</row>" inside one is text), the rest is one piece."""
    with archive.open(part) as xml:
        xml.seek(shape.rows_from)
        left = shape.rows_to - shape.rows_from
        pending = bytearray()
        cuttable = True
        while left > 0:
            chunk = xml.read(min(_CHUNK, slice_bytes, left))
            if not chunk:
                break
            left -= len(chunk)
            pending += chunk
            if cuttable and _not_rows(pending, max(0, len(pending) - len(chunk) - 1)):
                cuttable = False
            if cuttable and len(pending) >= slice_bytes:
                cut = _cut(pending, shape.row_start)
                if cut > 0:
                    yield bytes(pending[:cut])
                    del pending[:cut]
        if pending.strip():
            yield bytes(pending)


def _not_rows(pending: bytearray, start: int) -> bool:
    """CDATA, a comment or a processing instruction from start on. Found by their "!" or "?",
    which rows seldom hold: a search for "<!" would stop at every "<" of the XML."""
    for mark in (b"!", b"?"):
        at = pending.find(mark, start + 1)
        while at >= 0:
            if pending[at - 1] == _LT:
                return True
            at = pending.find(mark, at + 1)
    return False


def _cut(pending: bytearray, row_start: bytes) -> int:
    """Where the last row of pending that carries its number begins, or -1. calamine
    numbers a row without one as the row after the one before it: a slice must not begin
    with one (it would count from 1)."""
    at = len(pending)
    while (at := pending.rfind(row_start, 0, at)) > 0:
        end = pending.find(b">", at)
        name_end = pending[at + len(row_start):at + len(row_start) + 1]
        if end > 0 and name_end in _AFTER_NAME and _ROW_NUMBER.search(pending, at, end):
            return at
    return -1


def _merged_ranges(parts: Parts, shape: _Shape, sheet_name: str) -> list[MergedRange]:
    """The sheet's merged cells, read by calamine from its head and tail alone."""
    try:
        sheet = _parsed(small_workbook(parts, shape.head + shape.tail), sheet_name)
        return sheet.merged_cell_ranges or []
    except Exception:  # as sheets.py: merges that can't be read leave the cells as they are
        return []


# Reading the slices

def _rows(archive: zipfile.ZipFile, parts: Parts, shape: _Shape, sheet_name: str,
          slice_bytes: int, unreadable: Callable[[BaseException], Exception],
          gap: int | None) -> Generator[Row, None, None]:
    """Rows as calamine reads them, slice by slice. This thread cuts the XML and turns the
    parsed slices into rows; a worker thread only parses (calamine lets go of the GIL), so the
    worker seldom waits for the GIL this thread holds while the caller makes orders."""
    parser = ThreadPoolExecutor(max_workers=PARSERS, thread_name_prefix="xlsx-slices")
    parsing: deque[Future[CalamineSheet]] = deque()
    slices = _row_slices(archive, parts.sheet, shape, slice_bytes)

    def parse_next() -> None:
        try:
            xml = next(slices, None)
        except Exception as exc:  # a damaged stream: zlib's or the zip's CRC check
            raise unreadable(exc) from None
        if xml is not None:
            book = small_workbook(parts, b"".join((shape.head, xml, shape.close)))
            parsing.append(parser.submit(_parsed, book, sheet_name))

    try:
        for _ in range(PARSERS + 1):
            parse_next()
        yield from _numbered(_sheets(parsing, parse_next, unreadable), unreadable, gap)
    finally:
        parser.shutdown(cancel_futures=True)
        slices.close()  # its open part holds the file open
        archive.close()


def _parsed(book: bytes, sheet_name: str) -> CalamineSheet:
    from python_calamine import CalamineWorkbook

    return CalamineWorkbook.from_filelike(io.BytesIO(book)).get_sheet_by_name(sheet_name)


def _sheets(parsing: deque[Future[CalamineSheet]], parse_next: Callable[[], None],
            unreadable: Callable[[BaseException], Exception]) -> Iterator[_Slice]:
    while parsing:
        try:
            sheet = parsing.popleft().result()
        except BaseException as exc:  # a panic of the Rust reader is one
            raise unreadable(exc) from None
        parse_next()  # parsed while this one's rows are taken
        yield _Slice(sheet.start, sheet.to_python())


def _numbered(slices: Iterator[_Slice], unreadable: Callable[[BaseException], Exception],
              gap: int | None) -> Iterator[Row]:
    """Excel's row numbers; the rows missing between two slices as blank rows (at most `gap`
    of them: enough to end the table where calamine's whole sheet would)."""
    last = 0  # the last row given
    for piece in slices:
        if piece.start is None:
            continue
        first_row, first_column = piece.start
        if first_row < last:  # calamine would sort them, but only within one slice
            raise unreadable(ValueError(
                f"row {first_row + 1} is out of order, after row {last}: open the file in "
                "Excel and save it again"))
        missing_to = first_row if gap is None else min(first_row, last + gap)
        for row_no in range(last + 1, missing_to + 1):
            yield row_no, []
        padding: list[Cell] = [""] * first_column
        for row_no, row in enumerate(piece.cells, first_row + 1):
            yield row_no, [*padding, *row] if first_column else row
        last = first_row + len(piece.cells)
