"""Reading YAML with the line of every mapping and key, so each error names file:line.

A line is a `SourceLine`: an int that also knows its file. Data merged from several files
(the team's policy.yaml over the bundled one) keeps each entry's own file, and an error
raised with the entry's line names the file the entry came from.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from types import ModuleType

    import yaml


class SourceLine(int):
    """A 1-based line number that knows the file it is in ("" when unknown)."""

    path: str = ""

    def __new__(cls, line: int, path: str) -> SourceLine:
        made = super().__new__(cls, line)
        made.path = path
        return made

    def __reduce__(self) -> tuple[type[SourceLine], tuple[int, str]]:
        return SourceLine, (int(self), self.path)  # pickled with its file (the data cache)


class LineDict(dict[str, Any]):
    """A YAML mapping that remembers the line of itself and of each key (1-based)."""

    line: int = 0
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)

    def path_of(self, key: str) -> str:
        """The file the key's entry came from ("" when not known)."""
        return getattr(self.line_of(key), "path", "")


_STR_TAG = "tag:yaml.org,2002:str"


@cache
def _yaml() -> tuple[ModuleType, type[yaml.SafeLoader], type[yaml.SafeLoader]]:
    """PyYAML, its parser and our line-recording loader: imported on the first parse, not
    with this module (the catalog's types need this module, a window that reads the catalog
    from its cache doesn't need PyYAML: its import is a tenth of the way to ready)."""
    import yaml

    # libyaml's parser is ~7x faster than the pure-Python one; the constructor stays Python
    # so the line-recording hook below works with either.
    base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    scalar = yaml.ScalarNode

    def construct(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
        # A string scalar is its text (what SafeConstructor.construct_yaml_str returns),
        # without the general dispatch: most nodes of our files are strings, and this halves
        # load time.
        if node.__class__ is scalar and node.tag == _STR_TAG:
            return node.value
        return loader.construct_object(node, deep=True)

    def construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> LineDict:
        loader.flatten_mapping(node)
        path = getattr(loader, "source_path", "")
        data = LineDict()
        data.line = SourceLine(node.start_mark.line + 1, path)
        key_lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = construct(loader, key_node)
            data[key] = construct(loader, value_node)
            key_lines[key] = SourceLine(key_node.start_mark.line + 1, path)
        data.key_lines = key_lines
        return data

    class LineLoader(base):  # type: ignore[misc, valid-type]
        source_path = ""  # the file being read: each line recorded knows it

    LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
                               construct_mapping)
    return yaml, base, LineLoader


MAX_YAML_CHARS = 2_000_000  # the largest data file we ship is ~40 kB


def parse_yaml(text: str, path: str, first_line: int = 1) -> Any:
    """Parse YAML text; a syntax error becomes a SourceError naming path:line. Anchors and
    aliases (&name, *name) are refused: no file of ours needs them, and a few lines of them
    can expand into billions of nodes."""
    from app.errors import SourceError

    if len(text) > MAX_YAML_CHARS:
        raise SourceError(path, None, f"too large for a data file ({len(text):,} characters)")
    yaml, _, line_loader = _yaml()
    if "&" in text:
        _refuse_aliases(text, path, first_line)
    loader = line_loader(text)
    loader.source_path = path  # type: ignore[attr-defined]
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + mark.line if mark else first_line
        raise SourceError(path, line, f"YAML error: {exc.problem or exc}") from None
    except yaml.YAMLError as exc:
        raise SourceError(path, first_line, f"YAML error: {exc}") from None
    finally:
        loader.dispose()
    if first_line > 1:
        _shift_lines(data, first_line - 1)
    return data


def _refuse_aliases(text: str, path: str, first_line: int) -> None:
    from app.errors import SourceError

    yaml, base, _ = _yaml()
    try:
        for event in yaml.parse(text, Loader=base):
            anchor = getattr(event, "anchor", None)
            if anchor is not None or isinstance(event, yaml.AliasEvent):
                line = first_line + (event.start_mark.line if event.start_mark else 0)
                raise SourceError(path, line, f"YAML anchors and aliases (&{anchor}, "
                                  f"*{anchor}) are not allowed: write the value out")
    except yaml.YAMLError:
        return  # the parse below names the syntax error with its line


def _shift_lines(data: Any, offset: int) -> None:
    if isinstance(data, LineDict):
        data.line = _moved(data.line, offset)
        data.key_lines = {k: _moved(v, offset) for k, v in data.key_lines.items()}
        for value in data.values():
            _shift_lines(value, offset)
    elif isinstance(data, list):
        for value in data:
            _shift_lines(value, offset)


def load_yaml_file(path: Path) -> Any:
    from app.errors import SourceError

    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise SourceError(str(path), None, f"cannot read: {exc.strerror}") from None
    except UnicodeDecodeError as exc:
        raise SourceError(str(path), None, f"not UTF-8 text: {exc.reason}") from None
    return parse_yaml(text, str(path))


def _moved(line: int, offset: int) -> SourceLine:
    return SourceLine(line + offset, getattr(line, "path", ""))


def overlay(base: LineDict, top: LineDict) -> LineDict:
    """`base` with `top`'s entries over it: a mapping in both is merged the same way, any
    other value (a number, a text, a list) is replaced whole. Each entry keeps its line and
    file, so a problem in the team's entry names the team's file."""
    merged = LineDict(base)
    merged.line = base.line
    merged.key_lines = dict(base.key_lines)
    for key, value in top.items():
        below = merged.get(key)
        both = isinstance(below, LineDict) and isinstance(value, LineDict)
        merged[key] = overlay(below, value) if both else value  # type: ignore[arg-type]
        merged.key_lines[key] = top.line_of(key)
    return merged

