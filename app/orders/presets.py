"""The presets file (resources/order_presets.yaml): which header spellings of each export hold
which field. Loading it checks every entry and names the file and line of the first mistake."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, NoReturn

from app.errors import SourceError
from app.orders.records import CUSTOM, FIELDS, MARKETPLACES, WEIGHT_FIELDS, WEIGHT_UNITS

if TYPE_CHECKING:
    import yaml

PRESETS_FILE = "order_presets.yaml"


class Preset(NamedTuple):
    id: str
    name_en: str
    name_zh: str
    marketplace: str  # for files without a marketplace column, or an unknown value in it
    columns: Mapping[str, tuple[str, ...]]  # field → header spellings, preferred first
    required: tuple[str, ...]  # fields whose column must be there (order_id first)
    units: Mapping[str, str]  # weight field → unit of values written without one
    marketplace_names: Mapping[str, str]  # header_key(what a cell says) → marketplace


def header_key(text: str) -> str:
    """The form headers are matched by: NFKC (full-width brackets and colons become
    half-width), case-folded, without any whitespace or line break, without a leading or
    trailing '*' (templates mark required columns with it) or a trailing ':'."""
    key = unicodedata.normalize("NFKC", text).casefold()
    return "".join(key.split()).lstrip("*").rstrip("*:")


# Columns that are never read, whatever a preset or a mapping says (the app keeps no contact
# data). Matched inside header_key().
_PRIVATE_HEADER = re.compile(
    r"地址|门牌|电话|手机|邮编|邮箱|税号|e-?mail|address|street|phone|mobile|zip|post(al)?code")


def is_private_header(text: str) -> bool:
    """True for a header naming an address, phone number, postcode, e-mail or tax number."""
    return _PRIVATE_HEADER.search(header_key(text)) is not None


def bundled_presets_path() -> Path:
    """resources/order_presets.yaml: inside the installed `app` package, or in a checkout."""
    app_dir = Path(__file__).resolve().parents[1]
    installed = app_dir / "resources" / PRESETS_FILE
    return installed if installed.is_file() else app_dir.parent / "resources" / PRESETS_FILE


def load_presets(path: Path | None = None) -> dict[str, Preset]:
    """The presets of a presets file (the bundled one by default), in the file's order.

    Raises SourceError naming the file and line of the first thing wrong in it."""
    import yaml

    source = path or bundled_presets_path()
    try:
        text = source.read_text(encoding="utf-8")
    except OSError as exc:
        raise SourceError(str(source), None, f"cannot read: {exc.strerror}") from None
    except UnicodeDecodeError as exc:
        raise SourceError(str(source), None, f"not UTF-8 text: {exc.reason}") from None
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when present
    try:
        root = yaml.compose(text, Loader=loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise SourceError(str(source), mark.line + 1 if mark else None,
                          f"YAML error: {exc.problem or exc}") from None
    except yaml.YAMLError as exc:
        raise SourceError(str(source), None, f"YAML error: {exc}") from None
    if root is None:
        raise SourceError(str(source), None, "the file is empty: it needs `presets:`")
    return _PresetsFile(str(source)).read(root)


class _PresetsFile:
    """Walks the composed YAML nodes (not the loaded data), so each complaint has its line."""

    def __init__(self, path: str) -> None:
        self.path = path

    def read(self, root: yaml.Node) -> dict[str, Preset]:
        sections = self.mapping(root, "the file", allowed=("presets", "marketplaces"))
        if "presets" not in sections:
            self.fail(root, "the file needs a `presets:` section")
        names = self.marketplace_names(sections["marketplaces"]) if "marketplaces" in sections \
            else {}
        presets = {}
        for preset_id, node in self.mapping(sections["presets"], "presets").items():
            if preset_id == CUSTOM or not re.fullmatch(r"[a-z][a-z0-9_-]*", preset_id):
                self.fail(node, f"preset name {preset_id!r}: use lowercase letters, digits, "
                                f"'-' or '_' (and not {CUSTOM!r})")
            presets[preset_id] = self.preset(preset_id, node, names)
        if not presets:
            self.fail(sections["presets"], "no preset in `presets:`")
        return presets

    def preset(self, preset_id: str, node: yaml.Node, names: Mapping[str, str]) -> Preset:
        where = f"preset {preset_id}"
        parts = self.mapping(node, where, allowed=(
            "name", "marketplace", "required", "columns", "units"))
        for needed in ("name", "marketplace", "columns"):
            if needed not in parts:
                self.fail(node, f"{where} needs `{needed}:`")
        name_en, name_zh = self.names(parts["name"], where)
        columns = self.columns(parts["columns"], where)
        required = ("order_id", *self.known(parts.get("required"), columns, f"{where} required"))
        return Preset(preset_id, name_en, name_zh,
                      self.choice(parts["marketplace"], MARKETPLACES, f"{where} marketplace"),
                      columns, tuple(dict.fromkeys(required)), self.units(parts.get("units"),
                                                                          where), names)

    def names(self, node: yaml.Node, where: str) -> tuple[str, str]:
        import yaml

        if isinstance(node, yaml.ScalarNode):
            name = self.text(node, f"{where} name")
            return name, name
        parts = self.mapping(node, f"{where} name", allowed=("en", "zh"))
        if "en" not in parts:
            self.fail(node, f"{where} name needs en: (and zh:)")
        en = self.text(parts["en"], f"{where} name en")
        return en, self.text(parts["zh"], f"{where} name zh") if "zh" in parts else en

    def columns(self, node: yaml.Node, where: str) -> dict[str, tuple[str, ...]]:
        columns: dict[str, tuple[str, ...]] = {}
        for field, spellings in self.mapping(node, f"{where} columns").items():
            if field not in FIELDS:
                self.fail(spellings, f"{where}: unknown field {field!r} "
                                     f"(the fields are {', '.join(FIELDS)})")
            headers = self.texts(spellings, f"{where} {field}")
            for header in headers:
                if is_private_header(header):
                    self.fail(spellings, f"{where} {field}: {header!r} is an address, phone or "
                                         "e-mail column; those are never imported")
            columns[field] = headers
        if "order_id" not in columns:
            self.fail(node, f"{where} columns need order_id (the order number)")
        return columns

    def known(self, node: yaml.Node | None, columns: Mapping[str, object],
              where: str) -> tuple[str, ...]:
        if node is None:
            return ()
        fields = self.texts(node, where)
        for field in fields:
            if field not in columns:
                self.fail(node, f"{where}: {field!r} is not one of this preset's columns")
        return fields

    def units(self, node: yaml.Node | None, where: str) -> dict[str, str]:
        if node is None:
            return {}
        units = {}
        for field, value in self.mapping(node, f"{where} units").items():
            if field not in WEIGHT_FIELDS:
                self.fail(value, f"{where} units: only {' and '.join(WEIGHT_FIELDS)} have one")
            units[field] = self.choice(value, WEIGHT_UNITS, f"{where} units {field}")
        return units

    def marketplace_names(self, node: yaml.Node) -> dict[str, str]:
        names = {}
        for marketplace, spellings in self.mapping(node, "marketplaces").items():
            if marketplace not in MARKETPLACES:
                self.fail(spellings, f"unknown marketplace {marketplace!r} "
                                     f"(known: {', '.join(MARKETPLACES)})")
            names.update({header_key(s): marketplace for s in self.texts(spellings, marketplace)})
        return names

    # The node shapes:

    def mapping(self, node: yaml.Node, what: str,
                allowed: Sequence[str] | None = None) -> dict[str, yaml.Node]:
        import yaml

        if not isinstance(node, yaml.MappingNode):
            self.fail(node, f"{what} must be a mapping (key: value lines)")
        entries: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            key = self.text(key_node, f"a key in {what}")
            if key in entries:
                self.fail(key_node, f"{key!r} appears twice in {what}")
            if allowed is not None and key not in allowed:
                self.fail(key_node, f"unknown key {key!r} in {what} (known: {', '.join(allowed)})")
            entries[key] = value_node
        return entries

    def text(self, node: yaml.Node, what: str) -> str:
        import yaml

        if not isinstance(node, yaml.ScalarNode) or not str(node.value).strip():
            self.fail(node, f"{what} must be a non-empty text")
        return str(node.value).strip()

    def texts(self, node: yaml.Node, what: str) -> tuple[str, ...]:
        import yaml

        if isinstance(node, yaml.ScalarNode):
            return (self.text(node, what),)
        if not isinstance(node, yaml.SequenceNode) or not node.value:
            self.fail(node, f"{what} must be a list like [text, text]")
        return tuple(self.text(item, what) for item in node.value)

    def choice(self, node: yaml.Node, allowed: Sequence[str], what: str) -> str:
        value = self.text(node, what)
        if value not in allowed:
            self.fail(node, f"{what} is {value!r}: use one of {', '.join(allowed)}")
        return value

    def fail(self, node: yaml.Node, message: str) -> NoReturn:
        raise SourceError(self.path, node.start_mark.line + 1, message)
