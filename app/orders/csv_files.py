"""The records of a CSV export, whatever Excel or an ERP saved it as: UTF-8 with or without a
BOM, UTF-16, or GB18030, separated by commas, tabs or semicolons."""

from __future__ import annotations

import codecs
import csv
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from app.errors import SourceError
from app.orders.records import HEADER_SEARCH_ROWS, Row

_SAMPLE_CHARS = 65_536  # enough of the file's start to count its separators
_SAMPLE_LINES = HEADER_SEARCH_ROWS + 5  # the rows the header is searched in, and a few records
_BOM_BYTES = 4  # the file start read for a byte-order mark (UTF-8's has 3, UTF-16's 2)
_DECODE_CHUNK = 1 << 20  # 1 MiB: a large file is checked for UTF-8 without holding it all


@contextmanager
def csv_rows(path: Path) -> Iterator[Iterator[Row]]:
    """The CSV's records, numbered from 1 as Excel shows them."""
    encoding = _text_encoding(path)
    with path.open(encoding=encoding, newline="") as file:
        try:
            sample = file.read(_SAMPLE_CHARS)
        except UnicodeDecodeError:
            raise _not_text(path, None) from None
        file.seek(0)
        yield _csv_records(path, csv.reader(file, delimiter=_delimiter(sample)))


def _text_encoding(path: Path) -> str:
    """UTF-8 (with or without a BOM), UTF-16 with a BOM, else GB18030 (Excel on a Chinese
    Windows saves GBK, which GB18030 includes)."""
    with path.open("rb") as file:
        start = file.read(_BOM_BYTES)
        if start.startswith(codecs.BOM_UTF8):
            return "utf-8-sig"
        if start.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return "utf-16"
        file.seek(0)
        decoder = codecs.getincrementaldecoder("utf-8")()
        try:
            while chunk := file.read(_DECODE_CHUNK):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return "gb18030"
    return "utf-8"


def _not_text(path: Path, row: int | None) -> SourceError:
    return SourceError(str(path), row, "neither UTF-8 nor GB18030 text: save it from Excel as "
                       ".xlsx or as CSV UTF-8", zh="既不是 UTF-8 也不是 GB18030 文本：请在 Excel 里"
                       "另存为 .xlsx 或 CSV UTF-8")


def _delimiter(sample: str) -> str:
    """The commonest of comma, tab and semicolon in the first lines (comma on a tie)."""
    lines = sample.splitlines()[:_SAMPLE_LINES]
    counts = {mark: sum(line.count(mark) for line in lines) for mark in ",\t;"}
    return max(counts, key=counts.__getitem__)


def _csv_records(path: Path, reader: Iterator[list[str]]) -> Iterator[Row]:
    row_no = 0
    try:
        for row_no, cells in enumerate(reader, 1):
            yield row_no, cells
    except UnicodeDecodeError:
        raise _not_text(path, row_no + 1) from None
    except csv.Error as exc:
        raise SourceError(str(path), row_no + 1, f"not a readable CSV row: {exc}",
                          zh=f"无法读取的 CSV 行：{exc}") from None
