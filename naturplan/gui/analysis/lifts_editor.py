"""The lifts editor in the candidate panel (issue 25): for the selected "restore" candidate
(genopretning) the §3 features under it, each with its Objekt_id, nature type and today's
condition class, and a class chooser I-V (or "–": not lifted). "Save lifts" stores them in one
audited settings write through the same use case as ``naturplan candidates restore``
(:func:`naturplan.usecases.restoration.store_lifts`); the dashboard's share in good
condition with the plan follows at once.

An open window also picks up lifts changed outside it (the command line, a colleague): a
watch on the project file and a look when the window becomes active again re-read the
project's ``restoration`` record (:class:`OutsideLifts`).
"""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QFileSystemWatcher, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from naturplan.core.plan.candidates import Candidate, CandidateKind
from naturplan.core.share.condition import ConditionClass

#: The chooser's entries: not lifted, then the classes.
CLASSES = (None, *ConditionClass)


class LiftsEditor(QWidget):
    """The table of §3 features under one candidate with a class chooser each."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lifts_editor")
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 4, 0, 4)
        self.title = QLabel("<b>{}</b>".format(escape(self.tr("Restoration: lift §3 nature"))))
        self.title.setToolTip(self.tr(
            "The §3 features under the area with today's condition class (naturtilstand); "
            "choose the class each is lifted to. I-II count as good."))
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("lifts_table")
        self.table.setHorizontalHeaderLabels([self.tr("Objekt-id"), self.tr("Nature type"),
                                              self.tr("Today"), self.tr("Lifted to")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch)
        self.save = QPushButton(self.tr("Save lifts"))
        self.save.setObjectName("lifts_save")
        self.save.setEnabled(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #555;")
        row = QHBoxLayout()
        row.addWidget(self.save)
        row.addWidget(self.status, 1)
        box.addWidget(self.title)
        box.addWidget(self.table)
        box.addLayout(row)
        self.candidate_id: str | None = None
        self._stored: dict[str, ConditionClass] = {}
        self._key: tuple[Any, ...] = ()
        self.setVisible(False)

    def show_features(self, candidate_id: str, features: list[Any],
                      lifts: dict[str, ConditionClass]) -> None:
        """List *features* (:class:`~naturplan.usecases.restoration.FeatureUnder`) with the
        candidate's *lifts* chosen. The same candidate, features and stored lifts as shown
        keep the choices not saved yet (a look at the file must not undo a choice)."""
        key = (candidate_id, tuple(features), tuple(sorted(lifts.items())))
        if key == self._key and self.isVisible():
            return
        self._key = key
        self.candidate_id, self._stored = candidate_id, dict(lifts)
        self.table.setRowCount(len(features))
        for row, feature in enumerate(features):
            today = feature.today.name if feature.today is not None else self.tr(
                "not assessed")
            for col, text in enumerate((feature.id, feature.type, today)):
                item = QTableWidgetItem(text)
                if col == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, col, item)
            chooser = QComboBox()
            chooser.setObjectName(f"lift_{feature.id}")
            for cls in CLASSES:
                chooser.addItem("–" if cls is None else cls.name, cls)
            chooser.setCurrentIndex(CLASSES.index(lifts.get(feature.id)))
            chooser.currentIndexChanged.connect(self._changed)
            self.table.setCellWidget(row, 3, chooser)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch)
        height = self.table.horizontalHeader().height() + sum(
            self.table.rowHeight(r) for r in range(len(features))) + 4
        self.table.setFixedHeight(min(height, 260))
        self.table.setVisible(bool(features))
        self.save.setVisible(bool(features))
        self.status.setText("" if features else self.tr(
            "No §3 feature with an Objekt-id lies under this area: draw it on the §3 nature "
            "it restores."))
        self._changed()
        self.setVisible(True)

    def chosen(self) -> dict[str, ConditionClass]:
        """Feature id → the class chosen (features set to "–" are not lifted)."""
        out: dict[str, ConditionClass] = {}
        for row in range(self.table.rowCount()):
            chooser = self.table.cellWidget(row, 3)
            item = self.table.item(row, 0)
            if isinstance(chooser, QComboBox) and item is not None and chooser.currentData():
                out[item.text()] = ConditionClass(chooser.currentData())
        return out

    def _changed(self) -> None:
        shown = {fid: cls for fid, cls in self._stored.items()
                 if any(self.table.item(r, 0) is not None
                        and self.table.item(r, 0).text() == fid
                        for r in range(self.table.rowCount()))}
        self.save.setEnabled(self.chosen() != shown)

    def clear(self) -> None:
        self.candidate_id, self._key = None, ()
        self.setVisible(False)


class LiftsEditing(QObject):
    """Shows the editor for the selected restore candidate and stores what is saved."""

    def __init__(self, session: Any, follower: Any, editor: LiftsEditor,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session, self.follower, self.editor = session, follower, editor
        session.selection.changed.connect(self.refresh)
        session.plan_edited.connect(self.refresh)
        session.project_changed.connect(self.refresh)
        editor.save.clicked.connect(self.save)
        self.outside = OutsideLifts(session, self.picked_up, self)

    def selected(self) -> Candidate | None:
        """The one selected candidate if it is a restoration or already names lifts."""
        plan, ids = self.session.plan, self.session.selection.ids
        if plan is None or len(ids) != 1:
            return None
        candidate = next((c for c in plan.candidates() if c.id == ids[0]), None)
        if candidate is None:
            return None
        if candidate.kind is not CandidateKind.RESTORE and not self.follower.lifts_of(
                candidate):
            return None
        return candidate

    def refresh(self) -> None:
        """Show the selected restoration's features and lifts (or hide the editor)."""
        from naturplan.usecases.restoration import features_under

        candidate, p3 = self.selected(), self.follower.p3
        if candidate is None:
            self.editor.clear()
            return
        if p3 is None:
            self.editor.show_features(candidate.id, [], {})
            self.editor.status.setText(self.tr("No §3 nature layer is loaded: there is "
                                               "nothing to lift."))
            return
        self.editor.show_features(candidate.id, features_under(p3, candidate.geometry),
                                  self.follower.lifts_of(candidate))

    def save(self) -> None:
        """Store the chosen lifts (one audited write) and measure the plan's share again."""
        from naturplan.core.errors import NaturplanError
        from naturplan.core.plan.stores import SettingsStore
        from naturplan.usecases.restoration import store_lifts

        store, cid = self.session.store, self.editor.candidate_id
        if cid is None or not isinstance(store, SettingsStore):
            self.editor.status.setText(self.tr("Save the project first: the lifts are kept "
                                               "in it."))
            return
        lifts = self.editor.chosen()
        try:
            store_lifts(store, self.follower.p3, cid, lifts)
        except NaturplanError as exc:
            self.editor.status.setText(self.session.error_text(exc))
            return
        self.picked_up()
        self.editor.status.setText(self.tr("%n lifts saved.", "", len(lifts)))

    def picked_up(self) -> None:
        """The project's lifts may have changed: the dashboard, the panel and the editor."""
        self.follower.lifts_changed()
        self.refresh()


class OutsideLifts(QObject):
    """Re-reads the lifts when the project file changes on disk or the window becomes active
    (a change made by the command line or another program)."""

    def __init__(self, session: Any, changed: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session, self._changed = session, changed
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._file_changed)
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(250)  # one look after a burst of writes
        self._later.timeout.connect(changed)
        session.project_changed.connect(self._watch)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.applicationStateChanged.connect(self._state)
        self._watch()

    def _watch(self) -> None:
        if self.watcher.files():
            self.watcher.removePaths(self.watcher.files())
        from naturplan.io.project.gpkg_store import GeoPackageStore

        store = self.session.store  # a team project: the look on becoming active
        if isinstance(store, GeoPackageStore) and store.path.exists():
            self.watcher.addPath(str(store.path))

    def _file_changed(self, path: str) -> None:
        if path not in self.watcher.files():  # replaced, not written in place: watch anew
            self._watch()
        self._later.start()

    def _state(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            self._later.start()
