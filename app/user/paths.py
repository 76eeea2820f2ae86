"""Where user data lives: the user's data directory, never the install folder."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

APP_NAME = "reply-composer"


def user_data_dir() -> Path:
    import platformdirs  # imported here: the CLI's compose path only needs it for defaults

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


class UserData(NamedTuple):
    """The folders and files under one user data directory (tests point it at a temp dir)."""

    root: Path

    @classmethod
    def default(cls) -> UserData:
        return cls(user_data_dir())

    @property
    def library(self) -> Path:
        """The personal template layer (overrides the team and bundled templates)."""
        return self.root / "templates"

    @property
    def drafts(self) -> Path:
        return self.root / "drafts"

    @property
    def config(self) -> Path:
        return self.root / "config.json"

    @property
    def profile(self) -> Path:
        return self.root / "profile.json"
