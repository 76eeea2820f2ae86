"""A cheaper answer to the question PySide6 asks of every module imported after it.

For its `from __feature__ import snake_case` switch, PySide6 hooks the import of every later
module and asks whether its source mentions "PySide6", through `inspect.getsource`: linecache
reads and splits the whole file, about 0.25 ms a module. The window imports some 240 modules
after PySide6, so that question alone costs ~60 ms of the start-up, most of it between the
first paint and a window the agent can use. The same question, asked as a byte search of the
module's file, costs a few microseconds and gives the same answer (tests/test_import_check.py
compares the two).

This reaches into a private function of PySide6: when a release renames it, nothing is
replaced and start-up is merely slower again.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

_FEATURE_MODULES = ("shibokensupport.feature", "PySide6.support.feature")
_CHECK = "_mod_uses_pyside"


def source_mentions_pyside(module: ModuleType,
                           fallback: Callable[[ModuleType], bool]) -> bool:
    """Whether the module's source file says "PySide6"; `fallback` for a module that has no
    plain source file (a built-in, an extension, a module from a zip)."""
    spec = getattr(module, "__spec__", None)
    origin = getattr(spec, "origin", None)
    if not isinstance(origin, str) or not origin.endswith(".py"):
        return fallback(module)
    try:
        with open(origin, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return fallback(module)


def speed_up_pyside_import_check() -> bool:
    """Replace PySide6's per-module source check (import PySide6 first). True if replaced."""
    feature = next((sys.modules[name] for name in _FEATURE_MODULES if name in sys.modules),
                   None)
    original = getattr(feature, _CHECK, None)
    if feature is None or not callable(original):
        return False
    if getattr(original, "__wrapped__", None) is not None:
        return True  # already replaced (a second window in one process)

    def uses_pyside(module: ModuleType) -> bool:
        return source_mentions_pyside(module, original)

    uses_pyside.__wrapped__ = original  # type: ignore[attr-defined]
    setattr(feature, _CHECK, uses_pyside)
    return True
