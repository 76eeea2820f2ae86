"""Where a composer's parts come from: the catalog and policy (from the data layers, through
the pickle cache), the names templates and conditions may use, and the template folders."""

from __future__ import annotations

from pathlib import Path

from app.catalog.catalog import CATALOG_FILES, Catalog, load_catalog
from app.data.bundled import bundled_dir
from app.data.layered import BUNDLED_ONLY, DataLayers
from app.library.layers import Layer
from app.policy.context import CASE_NAMES, COMPUTED_SOURCES
from app.policy.rules import Policy

REFUND_NAMES = ("refund_min", "refund_max", "refund_currency", "actions")


def load_catalog_and_policy(data: DataLayers | None = None) -> tuple[Catalog, Policy]:
    """The catalog and policy (the bundled files with the layers' over them), from the pickle
    cache while none of their files changed."""
    from app.data.cache import cached

    data = data or BUNDLED_ONLY
    inputs = [path for name in (*CATALOG_FILES, "policy.yaml") for path in data.files(name)]

    def build() -> tuple[Catalog, Policy]:
        from app.policy.loader import load_policy

        catalog = load_catalog(data)
        return catalog, load_policy(template_names(catalog, None), catalog.cases, data=data)

    catalog, policy = cached("catalog-policy", inputs, build)
    # Two layer folders with the same files give the same catalog; it must still read the
    # phrase and hint files of its own folders.
    return catalog._replace(data=data), policy


def template_names(catalog: Catalog, policy: Policy | None) -> set[str]:
    """Every name a condition or template may use."""
    names = set(catalog.fields) | set(COMPUTED_SOURCES) | set(CASE_NAMES)
    if policy is not None:
        names |= set(policy.constants) | set(REFUND_NAMES)
    return names


def library_layers(user_dir: Path | None, team_dir: Path | None) -> list[tuple[Layer, Path]]:
    """The template folders, highest first: personal, team, bundled."""
    layers: list[tuple[Layer, Path]] = []
    if user_dir is not None:
        layers.append((Layer.PERSONAL, user_dir))
    if team_dir is not None:
        layers.append((Layer.TEAM, team_dir))
    layers.append((Layer.BUNDLED, bundled_dir("templates")))
    return layers
