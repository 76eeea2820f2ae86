"""Where the bundled `templates` and `resources` folders are, installed or in a checkout."""

from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def bundled_dir(name: str) -> Path:
    """The bundled `templates` or `resources` folder, installed or in a checkout.

    An installed wheel carries them inside the `app` package (pyproject maps them there);
    a source checkout has them beside `app/`.
    """
    # The package's own folder is where importlib.resources.files("app") points for any
    # file-system install; asking it directly saves the CLI importing zipfile & co.
    package = Path(__file__).resolve().parents[1]
    installed = package / name
    if installed.is_dir():
        return installed
    return package.parent / name
