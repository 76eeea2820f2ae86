"""Update the Chinese UI translation: lupdate every ui/**/*.py, then lrelease the .qm.

    .venv/bin/python scripts/update_translations.py          # update the .ts and the .qm
    .venv/bin/python scripts/update_translations.py --check  # also exit 1 if any is unfinished

Then translate what it lists (pyside6-linguist resources/i18n/reply_composer_zh_CN.ts, or edit
the XML: fill <translation> and drop type="unfinished"), and run it again to compile the .qm.
Running it twice changes nothing. Strings that vanished from ui/ are dropped from the .ts.

lupdate sees only literal text inside tr(), translate() and QT_TRANSLATE_NOOP(). The text of
an `ActionSpec("...")` in ui/actions.py is translated later by QCoreApplication.translate(
"Actions", spec.text); NOOP_CALLS below makes lupdate see it (through a stub with the same line
numbers, so the .ts points at the real line). Any other tr()/translate() with a non-literal
text is listed as a warning: mark its strings with QT_TRANSLATE_NOOP("Context", "text").
"""

from __future__ import annotations

import argparse
import ast
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"
TS = I18N / "reply_composer_zh_CN.ts"
QM = I18N / "reply_composer_zh_CN.qm"
SOURCE_DIRS = ("ui",)

# Calls whose first (literal) argument is translated later in the given context.
NOOP_CALLS = {"ActionSpec": "Actions"}


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    location: str  # "ui/x.py:12" or "" when the .ts has none


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease: beside this Python (the venv) first, then PATH."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 (it ships {name})")
    return found


def sources(root: Path = ROOT) -> list[Path]:
    """Every Python file under ui/ (new subpackages included), in a stable order."""
    files = {p for d in SOURCE_DIRS for p in (root / d).rglob("*.py")
             if "__pycache__" not in p.parts}
    return sorted(files)


def _call_name(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _literal(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def scan(path: Path) -> tuple[dict[int, list[tuple[str, str]]], list[int]]:
    """(line -> [(context, text)] of NOOP_CALLS literals, lines of unseen dynamic tr calls)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    noops: dict[int, list[tuple[str, str]]] = {}
    dynamic: list[int] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _call_name(node)
        if name in NOOP_CALLS and node.args and _literal(node.args[0]) is not None:
            text = _literal(node.args[0])
            assert text is not None
            noops.setdefault(node.args[0].lineno, []).append((NOOP_CALLS[name], text))
        elif name == "tr" and node.args:
            if _literal(node.args[0]) is None:
                dynamic.append(node.lineno)
        elif name == "translate" and len(node.args) >= len(("context", "text")):
            covered = _literal(node.args[0]) in NOOP_CALLS.values()
            if _literal(node.args[1]) is None and not covered:
                dynamic.append(node.lineno)
    return noops, dynamic


def _write_stub(stub: Path, noops: dict[int, list[tuple[str, str]]]) -> None:
    """A file lupdate reads in place of the real one: the same strings on the same lines."""
    last = max(noops)
    lines = ["from PySide6.QtCore import QT_TRANSLATE_NOOP"] + [""] * (last - 1)
    for line, calls in noops.items():
        lines[line - 1] = "; ".join(f"QT_TRANSLATE_NOOP({c!r}, {t!r})" for c, t in calls)
    stub.parent.mkdir(parents=True, exist_ok=True)
    stub.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _rel(path: Path, start: Path) -> str:
    return Path(os.path.relpath(path, start)).as_posix()


def lupdate(ts: Path = TS, root: Path = ROOT) -> list[str]:
    """Merge every ui/ string into `ts` (created if missing); returns warnings."""
    ts.parent.mkdir(parents=True, exist_ok=True)
    warnings: list[str] = []
    with tempfile.TemporaryDirectory(prefix="i18n-stubs-") as tmp:
        files, renames = [], {}
        for path in sources(root):
            noops, dynamic = scan(path)
            files.append(str(path))
            warnings += [f"{_rel(path, root)}:{line}: tr()/translate() with a non-literal text; "
                         "lupdate can't see it (use QT_TRANSLATE_NOOP)" for line in dynamic]
            if noops:
                stub = Path(tmp) / "stub" / path.relative_to(root)
                _write_stub(stub, noops)
                files.append(str(stub))
                renames[_rel(stub, ts.parent)] = _rel(path, ts.parent)
        subprocess.run(
            [tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "absolute",
             "-source-language", "en", "-target-language", "zh_CN", *files, "-ts", str(ts)],
            check=True, cwd=root)
    if renames:  # point the stubs' locations at the real files
        text = ts.read_text(encoding="utf-8")
        for stub_name, real_name in renames.items():
            text = text.replace(f'filename="{stub_name}"', f'filename="{real_name}"')
        ts.write_text(text, encoding="utf-8")
    return warnings


def lrelease(ts: Path = TS, qm: Path = QM) -> str:
    out = subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(qm)],
                         check=True, capture_output=True, text=True)
    return out.stdout.strip()


def messages(ts: Path = TS) -> list[tuple[Message, ET.Element]]:
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            location = message.find("location")
            where = ""
            if location is not None:
                file = (ts.parent / location.get("filename", "")).resolve()
                where = f"{_rel(file, ROOT)}:{location.get('line', '')}"
            found.append((Message(name, message.findtext("source") or "", where), message))
    return found


def unfinished(ts: Path = TS) -> list[Message]:
    """Messages with no finished Chinese text (what lupdate/Linguist call unfinished)."""
    out = []
    for message, element in messages(ts):
        translation = element.find("translation")
        if translation is None or translation.get("type") in ("vanished", "obsolete"):
            continue
        forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        if translation.get("type") == "unfinished" or not all(f.strip() for f in forms):
            out.append(message)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="exit 1 when any message is unfinished")
    args = parser.parse_args(argv)
    warnings = lupdate()
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    release = lrelease()
    missing = unfinished()
    total = len(messages())
    print(f"{_rel(TS, ROOT)}: {total} messages, {total - len(missing)} translated, "
          f"{len(missing)} unfinished")
    for message in missing:
        print(f"  unfinished  {message.location}  [{message.context}] {message.source!r}")
    generated = [line.strip() for line in release.splitlines() if "Generated" in line]
    print(f"{_rel(QM, ROOT)}: {generated[0] if generated else 'written'}")
    return 1 if args.check and missing else 0


if __name__ == "__main__":
    sys.exit(main())
