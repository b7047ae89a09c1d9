"""The team side of the window: File menu entries for team projects, the conflict dialog and
following others' edits. Created once by the main window (``TeamActions(window)``)."""

from __future__ import annotations

from PySide6.QtCore import QObject

from naturplan.gui.editing.session import EditSession
from naturplan.gui.host import WindowHost
from naturplan.gui.team.conflict import ConflictResolver
from naturplan.gui.team.connect import ConnectionDialog
from naturplan.gui.team.follow import RemoteFollow


class TeamActions(QObject):
    """Wires team projects into *window* (any :class:`~naturplan.gui.host.WindowHost`: its
    File menu, actions and dialogs' parent) for the edit *session*."""

    def __init__(self, window: WindowHost, session: EditSession) -> None:
        super().__init__(window.main_window())
        self.window = window
        self.session = session
        self.resolver = ConflictResolver(session, window.main_window())
        session.conflict_handler = self.resolver
        self.follow = RemoteFollow(session, self)
        self.act_open = window.make_action("project_open", self.tr("Open team project…"),
                                           self.open_dialog)
        self.act_new = window.make_action("project_new", self.tr("New team project…"),
                                          self.new_dialog)
        for action in (self.act_open, self.act_new):
            action.setStatusTip(self.tr("a plan in PostgreSQL/PostGIS that several planners "
                                        "edit at once"))
        file_menu = window.menu("file")
        anchor = next((a for a in file_menu.actions()
                       if a.objectName() == "action_project_save_as"), None)
        file_menu.insertActions(anchor, [self.act_open, self.act_new])

    def _ask(self, title: str) -> str:
        dialog = ConnectionDialog(title, self.session.recent(), self.window.main_window())
        if dialog.exec() != ConnectionDialog.DialogCode.Accepted:
            return ""
        return dialog.conninfo()

    def open_dialog(self) -> None:
        conninfo = self._ask(self.tr("Open team project"))
        if conninfo:
            self.session.open_project(conninfo)

    def new_dialog(self) -> None:
        conninfo = self._ask(self.tr("New team project"))
        if conninfo:
            self.session.new_project(conninfo)
