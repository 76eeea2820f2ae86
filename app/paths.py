"""Where user data lives: the user's data directory, never the install folder."""

from __future__ import annotations

from pathlib import Path

APP_NAME = "reply-composer"


def user_data_dir() -> Path:
    import platformdirs  # imported here: the CLI's compose path only needs it for defaults

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def user_library_dir() -> Path:
    """The personal template layer (overrides the team and bundled templates)."""
    return user_data_dir() / "templates"
