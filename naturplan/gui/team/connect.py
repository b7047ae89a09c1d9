"""The dialog that names a team project: a PostGIS connection string, never a password."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from naturplan.io.project.postgis_schema import has_password, is_conninfo


class ConnectionDialog(QDialog):
    """Asks for ``service=NAME`` or ``postgresql://host:port/database``.

    The password is not asked for: libpq reads it from the password file (``~/.pgpass``), the
    service file or ``PGPASSWORD`` (README, "Team projects"). A string that carries one is
    still accepted for this session, with a note that it is not saved.
    """

    def __init__(self, title: str, recent: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("team_connection_dialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "A team project lives in a PostgreSQL database with PostGIS. Name it by its "
            "service (service=naturplan) or its address "
            "(postgresql://server:5432/database)."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.edit = QLineEdit()
        self.edit.setObjectName("conninfo")
        self.edit.setPlaceholderText("service=naturplan")
        team = [r for r in recent if is_conninfo(r)]
        self.edit.setText(team[0] if team else "")
        layout.addWidget(self.edit)
        hint = QLabel(self.tr(
            "The password is never typed here nor saved by naturplan: put it in your "
            "password file (~/.pgpass, on Windows %APPDATA%\\postgresql\\pgpass.conf) or "
            "ask IT for a service file."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.note = QLabel()
        self.note.setObjectName("note")
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout.addWidget(buttons)
        self.edit.textChanged.connect(self._check)
        self._check(self.edit.text())

    def conninfo(self) -> str:
        return self.edit.text().strip()

    def _check(self, text: str) -> None:
        ok = is_conninfo(text.strip())
        self.ok.setEnabled(ok)
        if text.strip() and not ok:
            self.note.setText(self.tr(
                "Not a connection string: write service=NAME or postgresql://server/database."))
        elif ok and has_password(text):
            self.note.setText(self.tr(
                "This contains a password: it is used now but not saved. Better keep it in "
                "your password file."))
        else:
            self.note.setText("")
