"""File › Team database…: which database the order book and the case log live in — this
computer's SQLite file (nothing to set up) or the team's PostgreSQL server. The URL never holds
the password (PGPASSWORD, ~/.pgpass, or the OS keychain when `keyring` is installed); Test
connection opens it on a worker thread; Save writes the user's setting."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ui.orders.background import Background
from ui.orders.viewmodel import (
    database_setting,
    failure,
    is_sqlite,
    save_database_url,
    save_keychain_password,
    try_connection,
    url_problem,
)
from ui.widgets import palette

if TYPE_CHECKING:
    from app.user.paths import UserData

Keychain = Callable[[str, str], bool]  # (url, password) → saved
PLACEHOLDER = "postgresql://agent@db.example.com:5432/orders?sslmode=require"


class TeamDatabaseDialog(QDialog):
    databaseChanged = Signal(str)  # the URL the app opens from now on

    def __init__(self, data: UserData, parent: QWidget | None = None, *,
                 environ: Mapping[str, str] | None = None, keychain: Keychain | None = None,
                 lang: str = "en") -> None:
        """keychain: saves a password in the OS keychain (None: no keychain row)."""
        super().__init__(parent, objectName="teamDatabaseDialog")
        self.setWindowTitle(self.tr("Team database"))
        self.data = data
        self.environ = environ
        self.keychain = keychain
        self.lang = lang
        self.jobs = Background(self)
        self.setting = database_setting(data, environ)
        self.local = QRadioButton(self.tr("Use this computer's database (SQLite)"),
                                  objectName="useLocalDatabase")
        self.team = QRadioButton(self.tr("Use a team database (PostgreSQL)"),
                                 objectName="useTeamDatabase")
        choice = QButtonGroup(self)
        choice.addButton(self.local)
        choice.addButton(self.team)
        saved = self.setting.saved
        team = bool(saved) and saved != self.setting.default
        self.url = QLineEdit(saved if team else "",
                             objectName="databaseUrl", placeholderText=PLACEHOLDER)
        self.problem = _label("databaseProblem", palette.ERROR)
        self.password = QLineEdit(objectName="databasePassword",
                                  echoMode=QLineEdit.EchoMode.Password)
        self.save_password_button = QPushButton(self.tr("Save in the keychain"),
                                                objectName="savePassword")
        self.keychain_note = _label("keychainNote", palette.MUTED)
        self.test_button = QPushButton(self.tr("Test connection"), objectName="testConnection")
        self.test_result = _label("testResult", palette.MUTED)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self._lay_out()
        (self.team if team else self.local).setChecked(True)
        self.local.toggled.connect(self._validate)
        self.url.textChanged.connect(self._validate)
        self.password.textChanged.connect(self._validate)
        self.test_button.clicked.connect(self.test_connection)
        self.save_password_button.clicked.connect(self.save_password)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self._validate()

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("The order book and the log of sent replies are kept "
                                        "in one database."), wordWrap=True))
        layout.addWidget(self._current())
        if self.setting.from_environment:
            note = _label("environmentNote", palette.WARNING)
            note.setText(self.tr("REPLY_COMPOSER_DB is set on this computer: the app uses it "
                                 "instead of what is saved here."))
            layout.addWidget(note)
        layout.addWidget(self.local)
        path = _label("localPath", palette.MUTED)
        path.setText(self.setting.default.removeprefix("sqlite:///"))
        path.setContentsMargins(24, 0, 0, 8)
        layout.addWidget(path)
        layout.addWidget(self.team)
        team = QWidget()
        part = QVBoxLayout(team)
        part.setContentsMargins(24, 0, 0, 0)
        url_row = QHBoxLayout()
        url_row.addWidget(QLabel(self.tr("URL:")))
        url_row.addWidget(self.url, 1)
        part.addLayout(url_row)
        part.addWidget(self.problem)
        help_text = _label("passwordHelp", palette.MUTED)
        help_text.setText(self.tr(
            "The password is never written in the URL. Give it in the PGPASSWORD environment "
            "variable, or in a line host:port:database:user:password of ~/.pgpass "
            "(%APPDATA%\\postgresql\\pgpass.conf on Windows). For an encrypted connection, "
            "end the URL with ?sslmode=require."))
        part.addWidget(help_text)
        if self.keychain is not None:
            row = QHBoxLayout()
            row.addWidget(QLabel(self.tr("Or save it in this computer's keychain:")))
            row.addWidget(self.password, 1)
            row.addWidget(self.save_password_button)
            part.addLayout(row)
            part.addWidget(self.keychain_note)
        layout.addWidget(team)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.test_result, 1)
        layout.addLayout(test_row)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.team_part = team
        self.setMinimumWidth(600)

    def _current(self) -> QLabel:
        now = _label("currentDatabase")
        url = self.setting.in_force
        if url is None:
            now.setText(self.tr("In use now: none — the database setting can't be used: "
                                "{0}").format(self.setting.problem))
            now.setStyleSheet(palette.css(palette.ERROR))
        elif url == self.setting.default:
            now.setText(self.tr("In use now: this computer's database (SQLite)."))
        else:
            now.setText(self.tr("In use now: {0}").format(url))
        return now

    def chosen_url(self) -> str:
        """The URL the dialog would save: the team's as typed, or this computer's file."""
        return self.url.text().strip() if self.team.isChecked() else self.setting.default

    def _problem(self) -> str:
        if not self.team.isChecked():
            return ""
        kind = url_problem(self.url.text())
        if kind == "empty":
            return self.tr("Write the team database's URL, e.g. {0}").format(PLACEHOLDER)
        if kind == "password":
            return self.tr("Remove the password from the URL (user:password@ → user@): the "
                           "app never stores a password in plain text.")
        if kind == "kind":
            return self.tr("Not a database URL the app can use: write "
                           "postgresql://user@host:port/database")
        return ""

    def _validate(self) -> None:
        problem = self._problem()
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        self.team_part.setEnabled(self.team.isChecked())
        idle = not self.jobs.busy
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not problem)
        self.test_button.setEnabled(not problem and idle)
        self.save_password_button.setEnabled(
            not problem and idle and bool(self.password.text())
            and not is_sqlite(self.chosen_url()))

    def test_connection(self) -> None:
        """Open the chosen database on a worker thread, then say OK or why not."""
        url = self.chosen_url()
        self._show_result(self.tr("Connecting…"), palette.MUTED)
        self.jobs.run(lambda: try_connection(url), self._connected, self._not_connected)
        self._validate()

    def _connected(self, seconds: float) -> None:
        self._show_result(self.tr("Connected in {0:.1f} s: the database is ready.").format(
            seconds), palette.OK)
        self._validate()

    def _not_connected(self, error: BaseException) -> None:
        self._show_result(self.tr("Could not connect: {0}").format(
            failure(error, self.lang).message), palette.ERROR)
        self._validate()

    def _show_result(self, text: str, colour: palette.Colour) -> None:
        self.test_result.setText(text)
        self.test_result.setStyleSheet(palette.css(colour))

    def save_password(self) -> None:
        """Keep the typed password in the OS keychain for the URL (on the worker thread: a
        keychain may ask to be unlocked)."""
        if self.keychain is None:
            return
        url, password, keychain = self.chosen_url(), self.password.text(), self.keychain
        self.password.clear()
        self.jobs.run(lambda: keychain(url, password), self._password_saved,
                      lambda _error: self._password_saved(False))
        self._validate()

    def _password_saved(self, saved: bool) -> None:
        if saved:
            self.keychain_note.setText(self.tr("The password is saved in the keychain. Test "
                                               "the connection to check it."))
        else:
            self.keychain_note.setText(self.tr("This computer's keychain can't be used: set "
                                               "PGPASSWORD or use a pgpass file instead."))
        self._validate()

    def save(self) -> None:
        """Write the choice to the user's settings (the team template folder stays), say
        when the database in use changed, and close."""
        before = self.setting.in_force
        try:
            save_database_url(self.data, self.url.text() if self.team.isChecked() else None)
        except Exception as exc:  # e.g. the settings file can't be written
            self.problem.setText(self.tr("The setting could not be saved: {0}").format(
                failure(exc, self.lang).message))
            self.problem.setVisible(True)
            return
        self.setting = database_setting(self.data, self.environ)
        if self.setting.in_force is not None and self.setting.in_force != before:
            self.databaseChanged.emit(self.setting.in_force)
        self.accept()


def _label(name: str, colour: palette.Colour | None = None) -> QLabel:
    label: QLabel = QLabel(objectName=name, wordWrap=True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if colour is not None:
        label.setStyleSheet(palette.css(colour))
    return label


def os_keychain() -> Keychain | None:
    """The OS keychain when `keyring` is installed, else None (no keychain row)."""
    import importlib.util

    return save_keychain_password if importlib.util.find_spec("keyring") else None


class TeamDatabase(QObject):
    """File › Team database…: make one per window, connect `databaseChanged` once, and call
    `open()` from the menu."""

    databaseChanged = Signal(str)  # the URL the app opens from now on

    def __init__(self, parent: QWidget, data: UserData, *,
                 language: Callable[[], str] | None = None) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.data = data
        self.language = language or (lambda: "en")

    def open(self) -> bool:
        """Show the dialog; True when the person saved."""
        dialog = TeamDatabaseDialog(self.data, self.parent_widget, keychain=os_keychain(),
                                    lang=self.language())
        dialog.databaseChanged.connect(self.databaseChanged)
        return dialog.exec() == QDialog.DialogCode.Accepted
