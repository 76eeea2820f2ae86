"""Scale: a large personal library → its load time and memory, and the case picker's filter
time per keystroke over one row per template (the SearchFilter proxy, in the real picker).

    python -m bench.scale load DIR --runs 5       (each prints one JSON line of samples)
    python -m bench.scale picker DIR --keys 300
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from bench.gui import application, drain, press, report, strokes

QUERIES = ["stain", "not rec", "污渍", "v0042", "wrong-item-keep", "退款 变体 1", "order"]


def rss_kb() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def load_library(folder: Path) -> tuple[Any, float]:
    """Every id and every header (title, category) of the layered library; no compiling."""
    from app.compose.sources import library_layers
    from app.library.layers import TemplateLibrary

    start = time.perf_counter()
    library = TemplateLibrary(library_layers(folder, None))
    files = [library.get(template_id) for template_id in library.ids()]
    elapsed = time.perf_counter() - start
    if len(files) < 2:
        raise RuntimeError(f"no templates in {folder}")
    return files, elapsed


def picker_catalog(files: list[Any]) -> Any:
    """What build_case_model needs, with one case per template (partials left out)."""
    from app.catalog.catalog import Case, load_catalog

    cases = {f.id: Case(f.id, f.category, f.title, (), ()) for f in files if not f.is_partial}
    return SimpleNamespace(cases=cases, categories=load_catalog().categories)


def time_picker(files: list[Any], keys: int) -> dict[str, list[float]]:
    from ui.compose.case_picker import CasePicker, build_case_model

    application()
    catalog = picker_catalog(files)
    picker = CasePicker()
    picker.resize(320, 800)
    picker.show()
    drain()  # the widgets and fonts are not the rows' memory
    before = rss_kb()
    picker.set_model(build_case_model(catalog, [], "en", "Recently used"))
    drain()
    memory = rss_kb() - before
    typed = strokes(QUERIES, keys)
    filtered, painted = type_into(picker, typed)
    proxy = proxy_alone(picker.proxy.sourceModel(), typed)
    visible = len(picker.visible_case_rows())
    picker.close()
    return {"filter": filtered, "painted": painted, "proxy": proxy,
            "picker_kb": [float(memory)], "rows": [float(len(catalog.cases))],
            "visible_at_end": [float(visible)]}


def type_into(picker: Any, typed: list[str]) -> tuple[list[float], list[float]]:
    """Per key: until the picker has filtered; until the tree is also laid out and painted."""
    filtered, painted = [], []
    picker.search.setFocus()
    for char in typed:
        start = time.perf_counter()
        press(picker.search, char)  # textChanged → filter, expand, keep a current row
        middle = time.perf_counter()
        application().processEvents()  # the view's delayed relayout and repaint
        filtered.append(middle - start)
        painted.append(time.perf_counter() - start)
    return filtered, painted


def proxy_alone(model: Any, typed: list[str]) -> list[float]:
    """The same queries through a SearchFilter with no view, every row mapped each time."""
    from ui.widgets.search_filter import SearchFilter

    proxy = SearchFilter()
    proxy.setSourceModel(model)
    times, query = [], ""
    for char in typed:
        query = query[:-1] if char == "\b" else query + char
        start = time.perf_counter()
        proxy.set_query(query)
        sum(proxy.rowCount(proxy.index(g, 0)) for g in range(proxy.rowCount()))
        times.append(time.perf_counter() - start)
    return times


def collect_load(folder: Path, runs: int) -> dict[str, list[float]]:
    import app.compose.composer  # noqa: F401  (imports are not the library's memory)

    before = rss_kb()
    files, first = load_library(folder)
    memory = rss_kb() - before
    times = [first] + [load_library(folder)[1] for _ in range(runs - 1)]
    return {"load": times, "library_kb": [float(memory)], "templates": [float(len(files))]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.scale")
    parser.add_argument("part", choices=["load", "picker"])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--runs", type=int, default=5, help="library loads")
    parser.add_argument("--keys", type=int, default=300, help="keys typed into the search")
    args = parser.parse_args(argv)
    if args.part == "load":
        print(json.dumps({"samples": collect_load(args.folder, args.runs)}), flush=True)
    else:
        report(time_picker(load_library(args.folder)[0], args.keys))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
