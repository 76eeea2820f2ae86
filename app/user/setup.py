"""The user's composer, built in one place for the CLI and the window: the template layers
(personal or `--library DIR`, the team folder, bundled), the saved settings and profile."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from app.compose.composer import Composer, library_layers, load_catalog_and_policy
from app.library.layers import Layer, TemplateLibrary
from app.user.config import load_config, save_config
from app.user.paths import UserData
from app.user.profile import load_profile, save_profile


class UserSetup:
    """One user's side of a session. `library` replaces the personal folder (`--library`)."""

    def __init__(self, data: UserData, library: Path | None = None) -> None:
        self.data = data
        self.personal = library if library is not None else data.library
        self.config = load_config(data.config)

    @classmethod
    def default(cls, library: Path | None = None) -> UserSetup:
        return cls(UserData.default(), library)

    @property
    def team_dir(self) -> Path | None:
        return self.config.team_dir

    def layers(self) -> list[tuple[Layer, Path]]:
        return library_layers(self.personal, self.team_dir)

    def composer(self) -> Composer:
        catalog, policy = load_catalog_and_policy()
        return Composer(catalog, policy, TemplateLibrary(self.layers()))

    def set_team_dir(self, folder: Path | None) -> None:
        """Remember the team's template folder (None: no team folder)."""
        self.config = self.config._replace(team_dir=folder)
        save_config(self.data.config, self.config)

    def profile(self, composer: Composer) -> dict[str, str]:
        """The saved values every buyer shares (store name, agent name)."""
        shared = shared_fields(composer)
        return {n: v for n, v in load_profile(self.data.profile).items() if n in shared}

    def save_profile(self, composer: Composer, values: Mapping[str, str]) -> None:
        shared = shared_fields(composer)
        save_profile(self.data.profile, {n: v for n, v in values.items() if n in shared and v})


def shared_fields(composer: Composer) -> set[str]:
    return {name for name, spec in composer.catalog.fields.items() if spec.shared}

