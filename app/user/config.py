"""The user's settings that are data, not window state: kept as JSON in the user data dir
(QSettings holds only how the window looks)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import NamedTuple


class AppConfig(NamedTuple):
    team_dir: Path | None = None  # the shared, read-only template folder, if the team has one
    # The team's database (sqlite:///PATH or postgresql://user@host:port/db, never with a
    # password); None: the SQLite file in the user data folder.
    database_url: str | None = None


def load_config(path: Path) -> AppConfig:
    """The saved settings; defaults when the file is missing or damaged."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return AppConfig()
    if not isinstance(data, dict):
        return AppConfig()
    team = data.get("team_dir")
    url = data.get("database_url")
    return AppConfig(team_dir=Path(team) if isinstance(team, str) and team else None,
                     database_url=url if isinstance(url, str) and url.strip() else None)


def save_config(path: Path, config: AppConfig) -> None:
    from app.data.atomic import atomic_write  # only saving needs it (the CLI only reads)

    data = {"team_dir": str(config.team_dir) if config.team_dir else None,
            "database_url": config.database_url}
    atomic_write(path, json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8"))
