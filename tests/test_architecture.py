"""The domain core stays free of Qt, the UI layer and pyperclip (the house rule)."""

import ast
from pathlib import Path

FORBIDDEN = ("PySide6", "ui", "pyperclip")
APP = Path(__file__).resolve().parents[1] / "app"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_app_imports_no_qt_ui_or_pyperclip():
    offenders = {
        f"{path.name}: {module}"
        for path in APP.rglob("*.py")
        for module in imported_modules(path)
        if module.split(".")[0] in FORBIDDEN
    }
    assert not offenders


def test_the_check_sees_imports():
    # Guard against a scan that silently finds nothing.
    assert "jinja2" in {m.split(".")[0] for m in imported_modules(APP / "compose" / "render.py")}
    assert len(list(APP.rglob("*.py"))) >= 10
