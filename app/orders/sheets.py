"""Opening an export: telling a workbook from a CSV by its content, not its name, and giving
the rows of either (a workbook's merged cells filled in, a long run of blank rows ending it).
A workbook's rows start at column A, whichever column its table starts at."""

from __future__ import annotations

import codecs
import itertools
import re
from collections import deque
from collections.abc import Generator, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from app.errors import SourceError
from app.orders.csv_files import csv_rows
from app.orders.records import BLANK_ROWS_END, Cell, Row
from app.orders.xlsx_slices import MergedRange, sliced_sheet

if TYPE_CHECKING:
    from python_calamine import CalamineSheet, CalamineWorkbook

__all__ = ["BLANK_ROWS_END", "non_blank_rows", "table_rows"]
_ZIP, _OLE = b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xlsx (and .ods), .xls
_SNIFF_BYTES = 65_536  # enough of the file's start to tell a table from a web page or binary
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x19\x1c-\x1f]")  # never in text (0x1a: DOS EOF)


@contextmanager
def table_rows(path: Path) -> Iterator[Iterator[Row]]:
    """The first sheet's rows (the first visible one with data), or the CSV's records."""
    opener = _excel_rows if _sniff(path) == "excel" else csv_rows
    with opener(path) as rows:
        yield rows


def non_blank_rows(rows: Iterable[Row]) -> Iterator[Row]:
    """The rows with something in them, until BLANK_ROWS_END blank rows in a row."""
    blank_run = 0
    for row in rows:
        if _is_blank(row[1]):
            blank_run += 1
            if blank_run >= BLANK_ROWS_END:
                return
            continue
        blank_run = 0
        yield row


def _is_blank(cells: Sequence[Cell]) -> bool:
    return all(c is None or c == "" or (isinstance(c, str) and c.isspace()) for c in cells)


def _file_error(path: Path, message: str, zh: str) -> SourceError:
    return SourceError(str(path), None, message, zh=zh)


def _sniff(path: Path) -> str:
    """'excel' or 'text', by the file's first bytes (an .xls is often really a CSV or HTML)."""
    try:
        with path.open("rb") as file:
            head = file.read(_SNIFF_BYTES)
    except OSError as exc:
        raise _file_error(path, f"cannot read the file: {exc.strerror}",
                          f"无法读取文件：{exc.strerror}") from None
    if head.startswith((_ZIP, _OLE)):
        return "excel"
    if not head.strip():
        raise _file_error(path, "the file is empty", "文件是空的")
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "text"  # Excel's "Unicode text"
    if _CONTROL_BYTES.search(head):
        raise _file_error(path, "not a spreadsheet or CSV file (.xlsx, .xls or .csv)",
                          "不是表格或 CSV 文件（.xlsx、.xls 或 .csv）")
    if re.match(rb"\s*<(?:!doctype|html|table|\?xml)", head, re.IGNORECASE):
        raise _file_error(path, "a web page saved as a spreadsheet: open it in Excel and save "
                          "it as .xlsx", "这是网页格式的表格：请用 Excel 打开并另存为 .xlsx")
    return "text"


@contextmanager
def _excel_rows(path: Path) -> Iterator[Iterator[Row]]:
    book = _open_workbook(path)
    rows = _first_sheet_rows(path, book)
    try:
        yield rows
    finally:
        rows.close()  # stops the thread reading a big sheet's next slice
        book.close()


def _open_workbook(path: Path) -> CalamineWorkbook:
    from python_calamine import CalamineWorkbook, PasswordError

    try:
        return CalamineWorkbook.from_path(str(path))
    except PasswordError:
        raise _file_error(path, "the workbook is password-protected: save it without one",
                          "工作簿有密码保护：请另存为无密码的文件") from None
    except Exception as exc:
        raise _unreadable(path, exc) from None
    except BaseException as exc:  # pyo3 reports a panic of the Rust reader as BaseException
        if type(exc).__name__ != "PanicException":
            raise
        raise _unreadable(path, exc) from None


def _unreadable(path: Path, exc: BaseException) -> SourceError:
    return _file_error(path, f"not a readable spreadsheet ({exc})",
                       f"无法读取的表格文件（{exc}）")


def _first_sheet_rows(path: Path, book: CalamineWorkbook) -> Generator[Row, None, None]:
    """The rows of the first visible worksheet with data: a big .xlsx sheet slice by slice,
    any other whole."""
    from python_calamine import SheetTypeEnum, SheetVisibleEnum

    for index, meta in enumerate(book.sheets_metadata):
        if meta.typ != SheetTypeEnum.WorkSheet or meta.visible != SheetVisibleEnum.Visible:
            continue
        sliced = sliced_sheet(path, meta.name, lambda exc: _unreadable(path, exc))
        if sliced is None:
            rows, merged = _whole_sheet(path, book, index)
        else:
            rows, merged = sliced
        first = next(rows, None)
        if first is not None:
            yield from _with_merged_values(itertools.chain((first,), rows), merged)
            return
    raise _file_error(path, "the workbook has no sheet with data", "工作簿里没有数据")


def _whole_sheet(path: Path, book: CalamineWorkbook,
                 index: int) -> tuple[Iterator[Row], list[MergedRange]]:
    try:
        sheet = book.get_sheet_by_index(index)
    except Exception as exc:
        raise _unreadable(path, exc) from None
    if sheet.start is None:
        return iter(()), []
    return _sheet_rows(sheet), _merged_ranges(sheet)


def _sheet_rows(sheet: CalamineSheet) -> Iterator[Row]:
    """Rows numbered as Excel shows them (calamine pads the rows above the first used one),
    from column A (calamine's begin at the first used column)."""
    first_column = sheet.start[1] if sheet.start else 0
    if not first_column:
        return enumerate(sheet.iter_rows(), 1)
    padding: list[Cell] = [""] * first_column
    return ((row_no, [*padding, *cells]) for row_no, cells in enumerate(sheet.iter_rows(), 1))


def _merged_ranges(sheet: CalamineSheet) -> list[MergedRange]:
    try:
        return sheet.merged_cell_ranges or []
    except Exception:  # newer calamine raises where a file's merges can't be read: read it as is
        return []


def _with_merged_values(rows: Iterator[Row], merged: list[MergedRange]) -> Iterator[Row]:
    """Excel keeps a merged cell's value in its top-left cell only; an ERP that merges the
    order number over its product rows means it for each of them."""
    if not merged:
        yield from rows
        return
    # (first row, first column, last row, last column), 0-based
    waiting = deque(sorted((r0, c0, r1, c1) for (r0, c0), (r1, c1) in merged))
    active: list[tuple[int, int, int, Cell]] = []  # (first column, last column, last row, value)
    for row_no, cells in rows:
        index = row_no - 1
        active = [span for span in active if span[2] >= index]
        while waiting and waiting[0][0] <= index:
            r0, c0, r1, c1 = waiting.popleft()
            if r0 == index and c0 >= 0:  # a row calamine gave shorter: the cell is empty
                active.append((c0, c1, r1, cells[c0] if c0 < len(cells) else ""))
        if not active:
            yield row_no, cells
            continue
        filled = list(cells)
        for c0, c1, _, value in active:
            if len(filled) <= c1:  # a blank row calamine gave shorter
                filled += [""] * (c1 + 1 - len(filled))
            filled[c0:c1 + 1] = [value] * (c1 + 1 - c0)
        yield row_no, filled
