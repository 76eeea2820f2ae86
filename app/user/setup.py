"""The user's composer, built in one place for the CLI and the window: the layers (personal or
`--library DIR`, the team folder, bundled) of templates and data, the saved settings and
profile. A broken team or personal data file never stops an agent: the composer is built
from the layers below it, and `problems` says which file is broken and where."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from app.compose.composer import Composer
from app.compose.sources import library_layers, load_catalog_and_policy
from app.data.layered import DataLayers, templates_of
from app.errors import SourceError
from app.library.layers import Layer, TemplateLibrary
from app.user.config import load_config, save_config
from app.user.paths import UserData
from app.user.profile import load_profile, save_profile


class UserSetup:
    """One user's side of a session. `library` replaces the personal folder (`--library`)."""

    def __init__(self, data: UserData, library: Path | None = None) -> None:
        self.data = data
        # The personal layer folder: its templates/ and resources/ (the user data folder).
        self.personal_root = library if library is not None else data.root
        self.personal = templates_of(library) if library is not None else data.library
        self.config = load_config(data.config)
        self.problems: list[SourceError] = []  # data files left out, as the last build found

    @classmethod
    def default(cls, library: Path | None = None) -> UserSetup:
        return cls(UserData.default(), library)

    @property
    def team_dir(self) -> Path | None:
        return self.config.team_dir

    def layers(self) -> list[tuple[Layer, Path]]:
        team = templates_of(self.team_dir) if self.team_dir is not None else None
        return library_layers(self.personal, team)

    def data_layers(self) -> DataLayers:
        return DataLayers.of([self.personal_root, self.team_dir])

    def composer(self) -> Composer:
        """The composer over every layer whose data files read; a layer with a broken file
        is left out (named in `problems`) until it is fixed. A broken bundled file raises."""
        data, self.problems = self.data_layers(), []
        while True:
            try:
                catalog, policy = load_catalog_and_policy(data)
            except SourceError as exc:
                broken = data.owner(exc.path)
                if broken is None:
                    raise
                self.problems.append(exc)
                data = data.without(broken)
                continue
            return Composer(catalog, policy, TemplateLibrary(self.layers()))

    def set_team_dir(self, folder: Path | None) -> None:
        """Remember the team's template folder (None: no team folder)."""
        # Read afresh: the database setting may have been saved since this was loaded.
        self.config = load_config(self.data.config)._replace(team_dir=folder)
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

