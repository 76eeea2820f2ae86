"""The parts of an .xlsx package a sheet's slices need (app/orders/xlsx_slices.py): where the
sheet's XML is, and the parts calamine reads on opening a workbook (the package's and the
workbook's relationships, the shared strings, the styles), to wrap each slice in."""

from __future__ import annotations

import io
import posixpath
import zipfile
from typing import NamedTuple
from xml.etree import ElementTree

_READ_ON_OPEN = ("/sharedStrings", "/styles")  # the workbook parts calamine reads on opening
_DEFAULT_PLACES = {"xl/sharedstrings.xml": "/sharedStrings", "xl/styles.xml": "/styles"}


class Parts(NamedTuple):
    sheet: str  # the sheet's part, e.g. "xl/worksheets/sheet1.xml"
    opened: dict[str, bytes]  # the package and workbook parts calamine reads on opening
    shared_strings: int  # bytes


def sheet_parts(archive: zipfile.ZipFile, sheet_name: str) -> Parts | None:
    """The sheet's parts, or None when the workbook names no such sheet. Raises on a package
    that doesn't follow the format (the caller then lets calamine read it whole)."""
    (workbook,) = [target for kind, target in _relations(archive, "_rels/.rels").values()
                   if kind.endswith("/officeDocument")]
    folder, name = posixpath.split(workbook)
    workbook_rels = posixpath.join(folder, "_rels", f"{name}.rels")
    relations = _relations(archive, workbook_rels)
    sheet_id = _sheet_relation_id(archive.read(workbook), sheet_name)
    if sheet_id not in relations:
        return None
    opened = {part: archive.read(part) for part in
              ("[Content_Types].xml", "_rels/.rels", workbook, workbook_rels)}
    kinds = {target: kind for kind, target in relations.values()
             if kind.endswith(_READ_ON_OPEN)}
    shared_strings = 0
    for name in archive.namelist():  # calamine also looks where Excel puts them
        default = _DEFAULT_PLACES.get(name.lower())
        if name in kinds or default:
            opened[name] = archive.read(name)
            if kinds.get(name, default or "").endswith("/sharedStrings"):
                shared_strings += len(opened[name])
    return Parts(relations[sheet_id][1], opened, shared_strings)


def _relations(archive: zipfile.ZipFile, rels: str) -> dict[str, tuple[str, str]]:
    """Id → (type, part name) of a .rels part; targets resolved against its source's folder."""
    source_folder = posixpath.dirname(posixpath.dirname(rels))
    found = {}
    for element in ElementTree.fromstring(archive.read(rels)).iter():
        target = element.get("Target")
        if _local(element.tag) != "Relationship" or target is None:
            continue
        part = target[1:] if target.startswith("/") else posixpath.normpath(
            posixpath.join(source_folder, target))
        found[element.get("Id", "")] = (element.get("Type", ""), part)
    return found


def _sheet_relation_id(workbook_xml: bytes, sheet_name: str) -> str | None:
    for element in ElementTree.fromstring(workbook_xml).iter():
        if _local(element.tag) == "sheet" and element.get("name") == sheet_name:
            return next((value for key, value in element.attrib.items()
                         if _local(key) == "id"), None)
    return None


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1]


def small_workbook(parts: Parts, sheet_xml: bytes) -> bytes:
    """A workbook of the parts calamine reads on opening and the sheet as sheet_xml."""
    book = io.BytesIO()
    with zipfile.ZipFile(book, "w", zipfile.ZIP_STORED) as package:
        for name, data in parts.opened.items():
            package.writestr(name, data)
        package.writestr(parts.sheet, sheet_xml)
    return book.getvalue()
