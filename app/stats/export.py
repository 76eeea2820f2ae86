"""The figures shown, as a table (the CLI prints it; the window may show the same columns) and
as the files a team lead forwards to the owner: CSV in UTF-8 with a BOM (so Excel reads the
Chinese in it right) and XLSX (openpyxl, imported only for an XLSX)."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import Literal

from app.catalog.labels import Label
from app.stats.filters import Grouping, StatsError
from app.stats.rows import NO_CURRENCY, FigureRow, currencies

Cell = str | int | float | Decimal | None
Kind = Literal["text", "count", "money", "rate"]

KEY_LABELS = {Grouping.DAY: Label("day (UTC)", "日期（UTC）"), Grouping.CASE: Label("case", "案例"),
              Grouping.ACTION: Label("action", "处理方式"), Grouping.AGENT: Label("agent", "客服"),
              Grouping.PRODUCT: Label("product (SKU)", "产品（SKU）")}
PRODUCT_NAME = Label("product name", "产品名称")
NO_KEY = Label("(none)", "（无）")
TOTAL = Label("total", "合计")
COMPENSATION = Label("compensation {currency}", "补偿金额 {currency}")
NO_CURRENCY_NAME = Label("(no currency)", "（无币种）")  # an amount logged without one
COUNTS: list[tuple[Label, str, Kind]] = [
    (Label("replies", "回复数"), "replies", "count"),
    (Label("compensated", "有补偿"), "compensated", "count"),
    (Label("hand-edited", "手动修改"), "hand_edited", "count"),
    (Label("hand-edit rate", "手动修改率"), "hand_edit_rate", "rate"),
    (Label("over the policy", "超出政策"), "over_policy", "count"),
    (Label("copied with markers", "带占位符复制"), "markers_left", "count"),
]
# A text starting with these is a formula to Excel and LibreOffice: a product name such as
# "=HYPERLINK(…)" from an order export must stay text in the file the owner opens.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Table:
    header: list[str]
    kinds: list[Kind]  # per column: how to write its cells
    rows: list[list[Cell]]  # the totals last, when given
    totals: bool = False  # whether the last row is the totals


def table_of(by: Grouping, rows: Sequence[FigureRow], totals: FigureRow | None = None,
             lang: str = "en", label: Callable[[str | None], str | None] | None = None
             ) -> Table:
    """The rows (and the totals) as cells: the key (and, by product, its name), replies,
    compensated, one compensation column per currency, hand edits and their rate, offers over
    the policy, copies with markers. Headers in the window's language; keys as `label` names
    them (e.g. a case's title), else as they are."""
    shown = [*rows, *([totals] if totals is not None else [])]
    codes = currencies(shown)
    named = by is Grouping.PRODUCT
    header = [KEY_LABELS[by].get(lang), *([PRODUCT_NAME.get(lang)] if named else []),
              *(label.get(lang) for label, _, _ in COUNTS[:2]),
              *(COMPENSATION.get(lang).format(currency=currency_name(code, lang))
                for code in codes),
              *(label.get(lang) for label, _, _ in COUNTS[2:])]
    name_kinds: list[Kind] = ["text"] if named else []
    money_kinds: list[Kind] = ["money"] * len(codes)
    kinds: list[Kind] = ["text", *name_kinds, *(kind for _, _, kind in COUNTS[:2]),
                         *money_kinds, *(kind for _, _, kind in COUNTS[2:])]
    shown_rows = [row if label is None else replace(row, key=label(row.key)) for row in rows]
    cells = [_cells(row, codes, named, NO_KEY.get(lang)) for row in shown_rows]
    if totals is not None:
        cells.append(_cells(totals, codes, named, TOTAL.get(lang)))
    return Table(header, kinds, cells, totals is not None)


def currency_name(code: str, lang: str = "en") -> str:
    """A currency's code as a column shows it (the code for "none" is no name to a person)."""
    return NO_CURRENCY_NAME.get(lang) if code == NO_CURRENCY else code


def _cells(row: FigureRow, codes: Sequence[str], named: bool, no_key: str) -> list[Cell]:
    counts: list[Cell] = [getattr(row, name) for _, name, _ in COUNTS]
    return [row.key if row.key is not None else no_key, *([row.name] if named else []),
            *counts[:2], *(row.compensation.get(code) for code in codes), *counts[2:]]


def shown(cell: Cell, kind: Kind) -> str:
    """A cell as text (the CLI's table, the CSV)."""
    if cell is None:
        return ""
    if kind == "rate" and isinstance(cell, float):
        return f"{cell:.1%}"
    if kind == "money" and isinstance(cell, Decimal):
        return f"{cell:,.2f}"
    return str(cell)


def csv_bytes(table: Table) -> bytes:
    """UTF-8 with a BOM; amounts as plain decimals (4.00), rates as fractions (0.25): numbers
    a spreadsheet computes with."""
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow([_as_text(name) for name in table.header])
    for row in table.rows:
        writer.writerow([_csv_cell(cell, kind) for cell, kind in zip(row, table.kinds,
                                                                      strict=True)])
    return out.getvalue().encode("utf-8-sig")


def _csv_cell(cell: Cell, kind: Kind) -> str:
    if cell is None:
        return ""
    if kind == "rate" and isinstance(cell, float):
        return f"{cell:.4f}"
    return _as_text(cell) if isinstance(cell, str) else str(cell)


def _as_text(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def xlsx_bytes(table: Table, title: str = "statistics") -> bytes:
    """One sheet: a bold header row kept in view, the totals row bold, amounts with two
    decimals, rates as percentages; every text cell typed as text (never a formula)."""
    import importlib

    try:  # by name: openpyxl has no type stubs, and without them its objects are plain Any
        openpyxl = importlib.import_module("openpyxl")
        styles = importlib.import_module("openpyxl.styles")
    except ImportError:
        raise StatsError("an XLSX needs the openpyxl package (pip install openpyxl); "
                         "a CSV needs nothing") from None
    book = openpyxl.Workbook()
    sheet = book.active  # a new workbook's one sheet
    sheet.title = title[:31]  # Excel's longest sheet name
    bold = styles.Font(bold=True)
    for number, text in enumerate(table.header, start=1):
        sheet.cell(1, number, text).font = bold
    formats = {"money": "#,##0.00", "rate": "0.0%", "count": "0"}
    for line, row in enumerate(table.rows, start=2):
        for number, (cell, kind) in enumerate(zip(row, table.kinds, strict=True), start=1):
            target = sheet.cell(line, number, cell)
            if isinstance(cell, str):
                target.data_type = "s"  # openpyxl makes "=…" a formula otherwise
            elif kind in formats:
                target.number_format = formats[kind]
    if table.totals:
        for target in sheet[len(table.rows) + 1]:
            target.font = bold
    sheet.freeze_panes = "A2"
    for number, text in enumerate(table.header, start=1):
        sheet.column_dimensions[sheet.cell(1, number).column_letter].width = max(
            10, min(40, 2 * len(text) + 2))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def write_csv(path: Path, table: Table) -> None:
    _write(path, csv_bytes(table))


def write_xlsx(path: Path, table: Table, title: str = "statistics") -> None:
    _write(path, xlsx_bytes(table, title))


def _write(path: Path, data: bytes) -> None:
    """Written whole or not at all (a file the owner opens is never half a table)."""
    from app.data.atomic import atomic_write

    try:
        atomic_write(path, data)
    except OSError as exc:  # e.g. the file is open in Excel on Windows, or no such folder
        raise StatsError(f"cannot write {path}: {exc.strerror or exc}") from None
