"""The data files a team lead edits, in layers like the templates: personal over team over
bundled. A layer's `resources/policy.yaml` holds only what differs — `constants:
{minor_refund_max: 3}` changes that constant and nothing else — and is merged entry by entry
over the layers below (app.data.yaml_lines.overlay), each entry keeping its file and line.

A layer is a folder with `templates/` and `resources/` (either may be missing); a folder of
`.j2` files with neither is a templates folder, as the team folder used to be.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from app.data.bundled import bundled_dir
from app.data.yaml_lines import LineDict, load_yaml_file, overlay
from app.errors import SourceError

TEMPLATES, RESOURCES = "templates", "resources"


def templates_of(folder: Path) -> Path:
    """A layer folder's templates: its `templates/`, or the folder itself (the old layout)."""
    inner = folder / TEMPLATES
    return inner if inner.is_dir() or (folder / RESOURCES).is_dir() else folder


def resources_of(folder: Path) -> Path | None:
    inner = folder / RESOURCES
    return inner if inner.is_dir() else None


class DataLayers(NamedTuple):
    """Resource folders over the bundled ones, lowest first (team, then personal), each with
    its layer's name."""

    named: tuple[tuple[str, Path], ...] = ()

    @classmethod
    def of(cls, folders: Iterable[Path | None],
           names: Iterable[str] = ("personal", "team")) -> DataLayers:
        """From layer folders, highest first (personal, team): those that have resources."""
        found = [(name, resources_of(f)) for name, f in zip(names, folders, strict=False)
                 if f is not None]
        return cls(tuple(reversed([(n, r) for n, r in found if r is not None])))

    @property
    def overlays(self) -> tuple[Path, ...]:
        return tuple(folder for _, folder in self.named)

    def layer_of(self, path: str) -> str:
        """The name of the layer a data file is in: "personal", "team" or "bundled"."""
        return next((name for name, folder in self.named if _inside(Path(path), folder)),
                    "bundled")

    def files(self, name: str) -> list[Path]:
        """The file in each layer that has it, bundled first."""
        return [bundled_dir(RESOURCES) / name,
                *(p for p in (folder / name for folder in self.overlays) if p.is_file())]

    def load(self, name: str) -> LineDict:
        """The bundled file with each layer's file merged over it."""
        merged: LineDict | None = None
        for path in self.files(name):
            data = load_yaml_file(path)
            if not isinstance(data, LineDict):
                raise SourceError(str(path), 1, "expected a YAML mapping at the top level")
            merged = data if merged is None else overlay(merged, data)
        assert merged is not None
        return merged

    def without(self, folder: Path) -> DataLayers:
        """These layers less one (whose file is broken)."""
        return DataLayers(tuple((n, f) for n, f in self.named if f != folder))

    def owner(self, path: str) -> Path | None:
        """The overlay folder a file is in (None: bundled or elsewhere)."""
        return next((f for f in self.overlays if _inside(Path(path), f)), None)


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True


BUNDLED_ONLY = DataLayers()


def read_resource(name: str, path: Path | None = None,
                  data: DataLayers | None = None) -> tuple[LineDict, str]:
    """A resource file's content and the path to name in messages: `path` alone when given
    (a test's or a tool's own file), else `name` through the layers."""
    if path is not None:
        content = load_yaml_file(path)
        if not isinstance(content, LineDict):
            raise SourceError(str(path), 1, "expected a YAML mapping at the top level")
        return content, str(path)
    return (data or BUNDLED_ONLY).load(name), str(bundled_dir(RESOURCES) / name)


def read_section(name: str, key: str, what: str, path: Path | None = None,
                 data: DataLayers | None = None) -> tuple[LineDict, str]:
    """The mapping under a top-level `key` of a resource file, and the path to name in
    messages; SourceError at line 1 naming the key and `what` it holds when there is none."""
    content, where = read_resource(name, path, data)
    section = content.get(key)
    if not isinstance(section, LineDict):
        raise SourceError(where, 1, f"expected '{key}:' with {what}")
    return section, where
