"""A pickled copy of the loaded catalog and policy, and of the review's words and hints, reused
while their YAML files and the code that reads them are unchanged. Reading five YAML files and
checking every policy condition costs the CLI ~20 ms per run; unpickling costs ~2 ms.

The cache is only ever a copy: any doubt (missing, stale, unreadable) means a normal load.
"""

from __future__ import annotations

import os
import pickle
import sys
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

import app

T = TypeVar("T")
# The code that builds what is pickled: a change to any of it makes the cache stale.
_CODE_FOLDERS = ("catalog", "policy", "data", "review")
_CODE_FILES = ("errors.py",)


def cache_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_dir("reply-composer", appauthor=False))


def _stamp(paths: Iterable[Path]) -> str:
    parts = [sys.version, app.__version__]
    for path in paths:
        stat = path.stat()
        parts.append(f"{path}:{stat.st_mtime_ns}:{stat.st_size}")
    return "\n".join(parts)


def cached(name: str, inputs: Iterable[Path], build: Callable[[], T],
           folder: Path | None = None) -> T:
    """`build()`, or its pickled result from an earlier run with the same inputs."""
    code = Path(app.__file__).parent
    try:
        sources = [*(code / f for f in _CODE_FILES),
                   *sorted(p for d in _CODE_FOLDERS for p in (code / d).glob("*.py"))]
        stamp = _stamp([*inputs, *sources])
    except OSError:
        return build()  # an input is missing: let build() report it properly
    path = (folder or cache_dir()) / f"{name}-{zlib.crc32(stamp.encode()):08x}.pickle"
    try:
        with path.open("rb") as handle:
            saved_stamp, value = pickle.load(handle)
        if saved_stamp == stamp:
            return value  # type: ignore[no-any-return]
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError,
            TypeError, ValueError):
        pass
    value = build()
    _save(path, (stamp, value))
    return value


def _save(path: Path, payload: object) -> None:
    """Best effort and atomic: a cache that can't be written is simply not used."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        with temp.open("wb") as handle:
            pickle.dump(payload, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, path)
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        pass
