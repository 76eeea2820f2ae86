"""The Statistics tab's one way into the domain (app.stats). Every database call runs on one
worker thread, so a slow team server never freezes the window, and comes back as a signal
on the UI thread; an answer to a request overtaken by a newer one is dropped.

The domain is imported inside the functions: nothing of it (nor SQLAlchemy) loads until the
tab asks for its first figures."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

from PySide6.QtCore import QObject, Signal

from ui.stats.values import FILTERS, Access, Choices, Request, Shown
from ui.widgets.worker import Worker

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from app.catalog.labels import Label
    from app.stats.export import Table
    from app.stats.figures import Report
    from app.stats.filters import StatsFilter, View
    from app.user.paths import UserData

log = logging.getLogger(__name__)

# Where the database comes from: the user data folder (the URL the window uses, and there the
# desk's own file is not the team database), or a function giving the URL of a database the
# caller chose (a team database).
StatsSource: TypeAlias = "UserData | Callable[[], str]"
# The agent's name as the UI thread found it; False: no function gives it, read the profile.
Asked: TypeAlias = "str | Literal[False] | None"


class StatsModel(QObject):
    shown = Signal(object)  # Shown
    entriesShown = Signal(str, object, object)  # grouping, key (str | None), [EntryLine]
    choicesShown = Signal(object)  # Choices
    exported = Signal(str)  # the file written
    failed = Signal(str)  # why a request got no answer (database unreachable, …)

    def __init__(self, source: StatsSource, agent: Callable[[], str | None] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.source = source
        self.agent = agent
        self.language: Callable[[], str] = lambda: "en"  # the tab sets the window's
        self.worker = Worker("stats", self)
        self.worker.failed.connect(self._failed)
        self._engine: Engine | None = None  # opened on the worker, used only there
        self._url: str | None = None

    # Requests (from the UI thread).
    def refresh(self, request: Request) -> None:
        """The figures of `request`: `shown`, or `failed`."""
        agent = self._agent()
        self._run("report", lambda: self._report(request, agent), self.shown.emit)

    def entries(self, request: Request, by: str, key: str | None) -> None:
        """The entries behind the row `key` of grouping `by`: `entriesShown`."""
        agent = self._agent()
        self._run("entries", lambda: self._entries(request, agent, by, key),
                  lambda found: self.entriesShown.emit(by, key, found))

    def load_choices(self, request: Request) -> None:
        """The values the filters offer and the titles of cases and actions."""
        agent = self._agent()
        self._run("choices", lambda: self._choices(request, agent), self.choicesShown.emit)

    def _agent(self) -> Asked:
        """The agent's name, asked here on the UI thread (the function may read a widget);
        False: none given, the worker reads the saved profile."""
        return self.agent() if self.agent is not None else False

    def export(self, path: Path, table: Table, title: str) -> None:
        """Write the table shown as CSV (a .csv path) or XLSX (any other): `exported`."""
        def write() -> str:
            from app.stats.export import write_csv, write_xlsx

            if path.suffix.lower() == ".csv":
                write_csv(path, table)
            else:
                write_xlsx(path, table, title)
            return str(path)

        self._run("export", write, self.exported.emit)

    def close(self) -> None:
        """The window closes: nothing more is shown; a query under way ends on its own, then
        the database is closed."""
        self.worker.close(self._dispose)

    # Plain calls the tab makes on the UI thread (no database).
    @staticmethod
    def table(shown: Shown, lang: str, names: Mapping[str, Label]) -> Table:
        """The figures shown as the exports write them, keys in the person's words."""
        from app.stats.export import table_of
        from app.stats.filters import Grouping
        from ui.stats.values import key_name

        by = shown.request.by
        report = shown.report
        return table_of(Grouping(by), report.rows, report.totals, lang,
                        label=lambda key: key_name(by, key, names, lang))

    @staticmethod
    def cell_text(cell: object, kind: str) -> str:
        """A table cell as text: 1,394; 1,234.50; 20.0%; blank for none."""
        from app.stats.export import shown

        if kind == "count" and isinstance(cell, int):
            return f"{cell:,}"
        return shown(cell, kind)  # type: ignore[arg-type]  # the table's own cells and kinds

    @staticmethod
    def currency_name(code: str, lang: str) -> str:
        from app.stats.export import currency_name

        return currency_name(code, lang)

    # On the worker.
    def _report(self, request: Request, agent: Asked) -> Shown:
        from app.stats.figures import figures, report
        from app.stats.filters import Grouping
        from app.stats.rows import every_day

        engine, access, view = self._open(request, agent)
        wanted = _filter(request)
        found: Report = report(engine, Grouping(request.by), wanted, view)
        days = found.rows if request.by == "day" else figures(engine, Grouping.DAY, wanted,
                                                                  view)
        return Shown(request, found, every_day(days, wanted.days()), access)

    def _entries(self, request: Request, agent: Asked, by: str,
                 key: str | None) -> list[Any]:
        from app.stats.figures import entries_behind
        from app.stats.filters import Grouping

        engine, _, view = self._open(request, agent)
        return entries_behind(engine, Grouping(by), key, _filter(request), view)

    def _choices(self, request: Request, agent: Asked) -> Choices:
        from app.stats.figures import filter_choices

        engine, _, view = self._open(request, agent)
        return Choices(filter_choices(engine, view), _names())

    def _open(self, request: Request, agent: Asked
              ) -> tuple[Engine, Access, View]:
        """The database (opened anew when the setting changed) and the view the person gets
        (StatsError when the one asked for can't be had)."""
        from app.db.engine import open_database
        from app.stats.access import choose_view, is_team_database, profile_agent

        url, data = self._where()
        team_database = data is None or is_team_database(url, data)
        if agent is False:
            agent = profile_agent(data) if data is not None else None
        view = choose_view(team_database, agent, request.team)
        if self._engine is None or url != self._url:
            self._dispose()
            self._engine, self._url = open_database(url), url
        return self._engine, Access(view.is_team, team_database, agent), view

    def _where(self) -> tuple[str, UserData | None]:
        """The URL in force (a function source is called here, on the worker)."""
        if callable(self.source):
            return self.source(), None
        from app.db.url import database_url

        return database_url(None, self.source, os.environ), self.source

    def _dispose(self) -> None:
        if self._engine is not None:
            self._engine.dispose()  # this thread's connections, closed on this thread
            self._engine = None

    # Running on the worker, answering on the UI thread.
    def _run(self, kind: str, job: Callable[[], Any], then: Callable[[Any], None]) -> None:
        # An export is never overtaken; a newer figures request drops an older one's answer.
        self.worker.run(job, then, kind=None if kind == "export" else kind)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, Exception) and _is_expected(error):
            zh = getattr(error, "zh", None)  # the same in Chinese, where the error has it
            self.failed.emit(zh if zh and self.language() == "zh" else str(error))
        else:
            log.error("a statistics call failed", exc_info=error)
            self.failed.emit(repr(error))


def _filter(request: Request) -> StatsFilter:
    from app.stats.filters import StatsFilter

    texts = {name: request.filters.get(name) or None for name in FILTERS}
    return StatsFilter(request.since, request.until, **texts)


def _names() -> dict[str, Label]:
    """The bundled catalog's case titles and the policy's action labels (cached on disk)."""
    from app.compose.sources import load_catalog_and_policy

    try:
        catalog, policy = load_catalog_and_policy()
    except Exception:  # a broken file costs the titles, never the figures
        log.warning("no case titles for the statistics", exc_info=True)
        return {}
    names = {f"case:{case_id}": case.title for case_id, case in catalog.cases.items()}
    names.update({f"action:{action.value}": label for action, label in policy.actions.items()})
    return names


def _is_expected(error: Exception) -> bool:
    """A problem to show in a line (database down, a bad setting, a file that can't be
    written), not a bug to log."""
    from app.errors import ComposerError

    return isinstance(error, ComposerError | OSError)
