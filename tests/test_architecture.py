"""The house rules of the layout, pinned: the domain core never reaches the window, the window
reaches the domain only through its view-models, and no module imports itself in a circle."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP, UI = ROOT / "app", ROOT / "ui"
FORBIDDEN_IN_APP = ("PySide6", "ui", "pyperclip")
# Where the window may call the domain at run time: its view-models and its launcher.
SEAM = {"ui/compose/viewmodel.py", "ui/compose/desk_model.py", "ui/editor/viewmodel.py",
        "ui/orders/viewmodel.py", "ui/stats/viewmodel.py", "ui/launch.py", "ui/shell/run.py"}
# What any window module may import at run time: plain values with no behaviour or I/O.
VOCABULARY = {"app.errors", "app.catalog.labels", "app.catalog.field_types"}
MAX_LINES = 300


class Import:
    def __init__(self, module: str, line: int, type_checking: bool, names: tuple[str, ...]):
        self.module, self.line, self.type_checking, self.names = module, line, type_checking, names


def imports(path: Path) -> Iterator[Import]:
    """Every import in the file, absolute, and whether it sits under `if TYPE_CHECKING:`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module_name(path).rsplit(".", 1)[0]
    checking = {id(n) for node in ast.walk(tree) if _is_type_checking(node)
                for child in node.body for n in ast.walk(child)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(alias.name, node.lineno, id(node) in checking, ())
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1]
                                + ([base] if base else []))
            yield Import(base, node.lineno, id(node) in checking,
                         tuple(a.name for a in node.names))
        elif isinstance(node, ast.Call) and _is_import_module(node):
            yield Import(str(node.args[0].value), node.lineno, False, ())  # type: ignore[attr-defined]


def _is_type_checking(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def _is_import_module(node: ast.Call) -> bool:
    return ast.unparse(node.func).endswith("import_module") and bool(node.args) \
        and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def python_files(*folders: Path) -> list[Path]:
    return sorted(p for folder in folders for p in folder.rglob("*.py")
                  if "__pycache__" not in p.parts)


def test_app_never_imports_qt_the_window_or_pyperclip():
    offenders = [f"{path.relative_to(ROOT)}:{imp.line}: {imp.module}"
                 for path in python_files(APP) for imp in imports(path)
                 if imp.module.split(".")[0] in FORBIDDEN_IN_APP]
    assert not offenders


def test_the_window_reaches_the_domain_only_through_its_view_models():
    offenders = []
    for path in python_files(UI):
        where = str(path.relative_to(ROOT))
        if where in SEAM:
            continue
        for imp in imports(path):
            domain = imp.module == "app" or imp.module.startswith("app.")
            if domain and not imp.type_checking and imp.module not in VOCABULARY:
                offenders.append(f"{where}:{imp.line}: {imp.module}")
    assert not offenders, "import these under TYPE_CHECKING, or ask the view-model"


def test_the_checks_see_what_they_look_for(tmp_path):
    # A scan that silently finds nothing would pass every rule above.
    sample = ROOT / "tests" / "_architecture_sample.py"
    sample.write_text("import importlib\nfrom typing import TYPE_CHECKING\n"
                      "if TYPE_CHECKING:\n    from app.compose.result import Composition\n"
                      "from app.errors import ComposerError\n"
                      "importlib.import_module('ui.launch')\n", encoding="utf-8")
    try:
        found = {(i.module, i.type_checking) for i in imports(sample)}
    finally:
        sample.unlink()
    assert {("app.compose.result", True), ("app.errors", False), ("ui.launch", False)} <= found
    assert len(python_files(APP)) >= 30 and len(python_files(UI)) >= 30


def import_graph() -> dict[str, set[str]]:
    """Module → the project modules it imports at run time (what can form a circle)."""
    files = {module_name(p): p for p in python_files(APP, UI)}
    graph: dict[str, set[str]] = {}
    for name, path in files.items():
        targets = set()
        for imp in imports(path):
            if imp.type_checking:
                continue
            for candidate in (imp.module, *(f"{imp.module}.{n}" for n in imp.names)):
                if candidate in files and candidate != name:
                    targets.add(candidate)
        graph[name] = targets
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The import circles (strongly connected groups of more than one module)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_module_imports_itself_in_a_circle():
    assert cycles(import_graph()) == []


def test_the_circle_finder_finds_circles():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_module_is_over_300_lines():
    long = [f"{p.relative_to(ROOT)}: {n}" for p in python_files(APP, UI)
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES]
    assert not long


def test_every_package_is_in_the_wheel():
    # tomllib is 3.11+; the project supports 3.10, and this list is plain enough to read.
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    block = re.search(r"^packages = \[(.*?)\]", pyproject, re.S | re.M)
    assert block is not None
    listed = set(re.findall(r'"([\w.]+)"', block.group(1)))
    packages = {module_name(p) for p in python_files(APP, UI) if p.name == "__init__.py"}
    assert packages <= listed, "add them to [tool.setuptools] packages in pyproject.toml"
