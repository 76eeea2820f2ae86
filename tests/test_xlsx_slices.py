"""A big .xlsx sheet read in slices (app/orders/xlsx_slices.py) gives the rows calamine gives
for the whole sheet: the same values, row numbers and merged cells, the same end of the table;
and a reading stopped early leaves no thread behind."""

from __future__ import annotations

import datetime as dt
import threading
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from app.errors import SourceError
from app.orders import xlsx_slices
from app.orders.records import BLANK_ROWS_END, Cell
from app.orders.sheets import non_blank_rows, table_rows

SHEET = "xl/worksheets/sheet1.xml"


def write_book(path: Path, rows: Sequence[Sequence[Any]], *, start_row: int = 1,
               merge: Sequence[str] = ()) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    for r, row in enumerate(rows, start_row):
        for c, value in enumerate(row, 1):
            if value is not None:
                sheet.cell(r, c, value)
    for cells in merge:
        sheet.merge_cells(cells)
    book.save(path)
    return path


def rows_of(path: Path) -> list[tuple[int, list[Cell]]]:
    """The rows as the order book reads them, without the blank cells that end a row
    (calamine makes a sheet's rows as wide as its widest; a slice's as its own)."""
    with table_rows(path) as rows:
        return [(row_no, _trimmed(cells)) for row_no, cells in rows]


def _trimmed(cells: Sequence[Cell]) -> list[Cell]:
    cells = list(cells)
    while cells and cells[-1] in ("", None):
        cells.pop()
    return cells


def use_small_slices(monkeypatch: pytest.MonkeyPatch) -> None:
    """Slices of a row or two: every boundary a real file would have, in a small file."""
    monkeypatch.setattr(xlsx_slices, "SLICE_BYTES", 64)
    monkeypatch.setattr(xlsx_slices, "SHARED_STRINGS_SHARE", 0)


@pytest.fixture()
def sliced(monkeypatch):
    use_small_slices(monkeypatch)


def slice_count(path: Path) -> int:
    with zipfile.ZipFile(path) as archive:
        shape = xlsx_slices._shape(archive, SHEET)
        assert shape is not None
        return sum(1 for _ in xlsx_slices._row_slices(
            archive, SHEET, shape, xlsx_slices.SLICE_BYTES))


MIXED = [
    ["订单导出 2026-10-20"],
    [],
    [None, None, "订单号", "金额", "下单时间", "已付款", "备注"],
    [None, None, "8123456789012345", 25.8, dt.datetime(2026, 10, 1, 9, 15), True, "a & b <c>"],
    [None, None, None, 3, dt.date(2026, 10, 2), False, "合并的订单号"],
    [None, None, 3012345678901234.0, "=2*6.25", None, None, None],
    [],
    [],
    [None, None, "D1", -1.5, "2026/10/20 14:33", None, "  spaced  "],
]


def test_every_value_row_number_and_merged_cell_is_the_whole_sheets(tmp_path, monkeypatch):
    path = write_book(tmp_path / "mixed.xlsx", MIXED, merge=["C4:C5", "G8:H9"])
    whole = rows_of(path)
    use_small_slices(monkeypatch)
    assert slice_count(path) >= 5
    assert rows_of(path) == whole
    assert whole[4] == (5, ["", "", "8123456789012345", 3, dt.date(2026, 10, 2), False,
                            "合并的订单号"])  # the order number merged down into row 5


def test_rows_missing_between_slices_end_the_table_as_blank_rows_do(tmp_path, sliced):
    top = [["订单号", "金额"], ["A1", 1], ["A2", 2]]
    path = write_book(tmp_path / "gap.xlsx", top)
    far = BLANK_ROWS_END + 10
    book = openpyxl.load_workbook(path)
    book.active.cell(far, 1, "A3")  # past a run of blank rows: not part of the table
    book.save(path)
    with table_rows(path) as rows:
        kept = [row_no for row_no, _ in non_blank_rows(rows)]
    assert kept == [1, 2, 3]


def test_a_table_further_down_keeps_its_row_numbers(tmp_path, sliced):
    path = write_book(tmp_path / "low.xlsx", [["订单号"], ["A1"], ["A2"]], start_row=40)
    assert [row for row in rows_of(path) if row[1]] == [(40, ["订单号"]), (41, ["A1"]),
                                                        (42, ["A2"])]


def test_stopping_early_stops_the_worker_thread(tmp_path, sliced):
    path = write_book(tmp_path / "many.xlsx", [[f"A{n}", n] for n in range(200)])
    with table_rows(path) as rows:
        assert next(rows) == (1, ["A0", 0])
        assert _slice_threads()
    assert not _slice_threads()


def _slice_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("xlsx-slices")]


def test_a_broken_row_in_a_later_slice_names_the_file(tmp_path, sliced):
    path = write_book(tmp_path / "broken.xlsx", [[f"A{n}", n] for n in range(50)])
    with zipfile.ZipFile(path) as book:
        parts = {name: book.read(name) for name in book.namelist()}
    parts[SHEET] = parts[SHEET].replace(b'<c r="B40"', b'<c r="B40" t="e" s="x"<<')
    with zipfile.ZipFile(path, "w") as book:
        for name, data in parts.items():
            book.writestr(name, data)
    with pytest.raises(SourceError, match="not a readable spreadsheet") as raised:
        rows_of(path)
    assert raised.value.path == str(path)
    assert not _slice_threads()


NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
RELS = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"'


def write_raw_book(path: Path, rows_xml: str, *, shared: Sequence[str] = (),
                   listed: bool = True, tail: str = "") -> Path:
    """A workbook written by hand, as other writers than openpyxl write them: shared
    strings (listed in the workbook's relationships or only where Excel puts them)."""
    relations = f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    parts = {
        "[Content_Types].xml":
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats'
            '-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
        "_rels/.rels": f'<Relationships {RELS}><Relationship Id="rId1" Type="{REL}/'
                       'officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook {NS} xmlns:r="{REL}"><sheets><sheet name="订单" '
                           'sheetId="1" r:id="rId1"/></sheets></workbook>',
        SHEET: f'<worksheet {NS}><dimension ref="A1:Z9"/><sheetData>{rows_xml}</sheetData>'
               f"{tail}</worksheet>"}
    if shared:
        parts["xl/sharedStrings.xml"] = f"<sst {NS}>" + "".join(
            f"<si><t>{text}</t></si>" for text in shared) + "</sst>"
        if listed:
            relations += (f'<Relationship Id="rId2" Type="{REL}/sharedStrings" '
                          'Target="sharedStrings.xml"/>')
    parts["xl/_rels/workbook.xml.rels"] = f"<Relationships {RELS}>{relations}</Relationships>"
    with zipfile.ZipFile(path, "w") as book:
        for name, text in parts.items():
            book.writestr(name, text)
    return path


def shared_rows(count: int, *, numbered: bool = True) -> str:
    """Rows of one shared string each, the n-th row the n-th string."""
    return "".join((f'<row r="{n}">' if numbered else "<row>") + f'<c t="s"><v>{n - 1}</v></c>'
                   "</row>" for n in range(1, count + 1))


def inline_row(number: int | None, text: str) -> str:
    start = "<row>" if number is None else f'<row r="{number}">'
    return f'{start}<c t="inlineStr"><is><t>{text}</t></is></c></row>'


def write_shared_strings_book(path: Path, texts: Sequence[str], *,
                              row_numbers: bool = True) -> Path:
    return write_raw_book(path, shared_rows(len(texts), numbered=row_numbers), shared=texts)


TITLES = [f"a long product title, number {n} of a marketplace listing" for n in range(300)]


def test_shared_strings_come_through_every_slice(tmp_path, sliced):
    path = write_shared_strings_book(tmp_path / "shared.xlsx", TITLES)
    assert slice_count(path) >= 100
    assert rows_of(path) == [(n, [title]) for n, title in enumerate(TITLES, 1)]


def test_a_sheet_smaller_than_its_shared_strings_is_read_whole(tmp_path, monkeypatch):
    """Every slice parses the shared strings again: a slice is at least
    SHARED_STRINGS_SHARE times their size, so re-reading them costs at most a quarter more."""
    path = write_shared_strings_book(tmp_path / "shared.xlsx", TITLES)
    monkeypatch.setattr(xlsx_slices, "SLICE_BYTES", 64)
    assert xlsx_slices.sliced_sheet(path, "订单", SourceError) is None
    monkeypatch.setattr(xlsx_slices, "SHARED_STRINGS_SHARE", 0)
    sliced = xlsx_slices.sliced_sheet(path, "订单", SourceError)
    assert sliced is not None
    assert next(sliced.rows) == (1, [TITLES[0]])
    sliced.rows.close()


def test_rows_without_their_numbers_are_read_whole(tmp_path, sliced):
    """calamine numbers such rows by counting: in a slice, it would count from 1 again."""
    path = write_shared_strings_book(tmp_path / "unnumbered.xlsx", TITLES[:20],
                                     row_numbers=False)
    assert xlsx_slices.sliced_sheet(path, "订单", SourceError) is None
    assert rows_of(path) == [(n, [title]) for n, title in enumerate(TITLES[:20], 1)]


@pytest.mark.parametrize("where", [0.5, 0.9])
def test_a_damaged_sheet_stream_names_the_file(tmp_path, sliced, where):
    path = write_book(tmp_path / "damaged.xlsx", [[f"order {n}", n] for n in range(400)])
    with zipfile.ZipFile(path) as book:
        info = book.getinfo(SHEET)
    data = bytearray(path.read_bytes())
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    at = start + int(info.compress_size * where)
    data[at:at + 16] = bytes(16)
    path.write_bytes(bytes(data))
    with pytest.raises(SourceError, match="not a readable spreadsheet") as raised:
        rows_of(path)
    assert raised.value.path == str(path)
    assert not _slice_threads()


def test_rows_without_numbers_after_numbered_ones_keep_counting(tmp_path, sliced):
    """calamine numbers a row without r="…" after the row before it: no slice begins with
    one."""
    rows = inline_row(1, "a") + inline_row(5, "b") + inline_row(None, "c") * 6
    path = write_raw_book(tmp_path / "mixed.xlsx", rows)
    assert slice_count(path) >= 2
    assert [row for row in rows_of(path) if row[1]] == [
        (1, ["a"]), (5, ["b"]), *[(n, ["c"]) for n in range(6, 12)]]


def test_shared_strings_only_where_excel_puts_them(tmp_path, sliced):
    """Not in the workbook's relationships: calamine still finds them, so must a slice."""
    path = write_raw_book(tmp_path / "unlisted.xlsx", shared_rows(30), shared=TITLES[:30],
                          listed=False)
    assert rows_of(path) == [(n, [title]) for n, title in enumerate(TITLES[:30], 1)]


def test_a_row_end_inside_cdata_or_a_comment_is_not_cut(tmp_path, sliced):
    rows = (inline_row(1, "<![CDATA[a</row>b]]>") + "<!-- </row> -->"
            + "".join(inline_row(n, f"v{n}") for n in range(2, 12)))
    path = write_raw_book(tmp_path / "cdata.xlsx", rows)
    assert rows_of(path) == [(1, ["a</row>b"]), *[(n, [f"v{n}"]) for n in range(2, 12)]]


def test_rows_out_of_order_across_slices_ask_for_the_file_saved_again(tmp_path, sliced):
    rows = "".join(inline_row(n, f"v{n}") for n in (1, 2, 3, 9, 10, 4))
    path = write_raw_book(tmp_path / "disorder.xlsx", rows)
    with pytest.raises(SourceError, match="row 4 is out of order, after row 10: open the "
                                          "file in Excel and save it again"):
        rows_of(path)
    assert not _slice_threads()


def test_a_merged_cell_with_an_empty_top_left_empties_what_it_covers(tmp_path, sliced):
    rows = inline_row(1, "h") + '<row r="2"/>' + (
        '<row r="3"><c r="A3" t="inlineStr"><is><t>x</t></is></c>'
        '<c r="C3" t="inlineStr"><is><t>hidden</t></is></c></row>')
    path = write_raw_book(tmp_path / "empty-merge.xlsx", rows,
                          tail='<mergeCells count="1"><mergeCell ref="C2:C3"/></mergeCells>')
    assert rows_of(path) == [(1, ["h"]), (2, []), (3, ["x"])]


def test_a_tall_merged_cell_fills_rows_missing_between_slices(tmp_path, sliced):
    rows = inline_row(1, "ORD") + inline_row(BLANK_ROWS_END + 500, "last")
    path = write_raw_book(tmp_path / "tall.xlsx", rows, tail=(
        f'<mergeCells count="1"><mergeCell ref="A1:A{BLANK_ROWS_END + 499}"/></mergeCells>'))
    with table_rows(path) as read:
        kept = list(non_blank_rows(read))
    assert len(kept) == BLANK_ROWS_END + 500
    assert kept[-2:] == [(BLANK_ROWS_END + 499, ["ORD"]), (BLANK_ROWS_END + 500, ["last"])]
