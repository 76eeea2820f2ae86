"""Who may see which figures. An agent's own view: that agent's replies, buyers' names shown
(they wrote to them). The team view: every agent's replies, buyers only by order number — and
only over the team database: this desk's own file holds one person's copies, and calling
them "the team" would mislead a team lead.

The team database is the one the agent chose (`--db`, REPLY_COMPOSER_DB or the saved
setting); the SQLite file in the user data folder is the desk's own. No SQLAlchemy here: the
window decides on its UI thread which views to offer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.stats.filters import TEAM, StatsError, View

if TYPE_CHECKING:
    from app.user.paths import UserData

NEEDS_TEAM_DATABASE = ("the team view needs the team database (File › Team database…, or "
                       "--db URL); this is your desk's own log: --mine shows your figures")
NEEDS_NAME = ("your own view needs your agent name, and your profile has none yet (the order "
              "form's 'Your name' in the window)")
NEEDS_TEAM_DATABASE_ZH = ("团队视图需要团队数据库（文件 › 团队数据库…，或 --db URL）；"
                          "这是你这台电脑自己的记录：--mine 显示你自己的数字")
NEEDS_NAME_ZH = ("你自己的数字需要你的客服名字，而你的资料里还没有"
                 "（在“写回复”页订单表单的“客服姓名”一栏填写）")


def is_team_database(url: str, data: UserData) -> bool:
    """Whether `url` is a database the agent chose rather than the desk's own file."""
    from app.db.url import default_url

    return url.strip() != default_url(data)


def profile_agent(data: UserData) -> str | None:
    """The agent name saved in the profile (None when not set)."""
    from app.user.profile import load_profile

    return load_profile(data.profile).get("agent_name", "").strip() or None


def choose_view(team_database: bool, agent: str | None, team: bool | None = None) -> View:
    """The view to run. `team`: True for the team view, False for the agent's own, None for
    the usual one: the team view over the team database, the agent's own over the desk's
    file. StatsError when the view asked for can't be had."""
    wanted_team = team_database if team is None else team
    if wanted_team:
        if not team_database:
            raise StatsError(NEEDS_TEAM_DATABASE, NEEDS_TEAM_DATABASE_ZH)
        return TEAM
    if not agent or not agent.strip():
        raise StatsError(NEEDS_NAME, NEEDS_NAME_ZH)
    return View.own(agent)
