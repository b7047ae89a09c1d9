"""The open project as the editing GUI sees it: store, plan, ledger, snapping, selection.

One :class:`EditSession` lives in the main window. It owns the project file
(:class:`~naturplan.io.project.gpkg_store.GeoPackageStore`), the :class:`CandidatePlan` over it, the
live :class:`Ledger` and the :class:`SnapIndex`, and it is the only place that pushes edit
commands (:func:`~naturplan.gui.editing.commands.push_edit`): tools, actions and the table call its
methods, each of which is one plan call and one undo command.

Unsaved projects: the app always edits *some* project file, so that every edit is on disk
the moment it is made. When no project is named, a new one is created in the user's data
folder (:func:`naturplan.io.paths.user_data_dir`: ``~/.local/share/naturplan`` on Linux) as
``unsaved-<timestamp>.gpkg``; *Save As* copies it to where the user wants and continues there.
An unsaved project that is still empty is deleted when another project is opened or the app
closes; one with candidates or scenarios (or that ever held one) is kept and listed in the
recent projects. The session holds a lock on its unsaved project
(:mod:`naturplan.io.project.unsaved`), so that the next start of the app can remove the empty
ones a killed session left behind, and never one that is in use.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import shapely
from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from PySide6.QtGui import QUndoStack
from shapely.geometry.base import BaseGeometry

from naturplan.core.errors import ConflictError, GeometryEditError, NaturplanError
from naturplan.core.layers.dataset import Dataset, Municipality
from naturplan.core.layers.roles import Role
from naturplan.core.plan.candidates import Candidate, CandidateKind
from naturplan.core.plan.ledger import Ledger, LedgerResult
from naturplan.core.plan.plan import CandidatePlan, Change
from naturplan.core.plan.rows import PlanRows, candidates_frame
from naturplan.core.plan.snapping import SnapIndex
from naturplan.core.share.protected import ProtectedIndex, ProtectedShare
from naturplan.gui.editing.commands import push_edit
from naturplan.io import verify
from naturplan.io.atomic import write_file
from naturplan.io.project.gpkg_store import GeoPackageStore
from naturplan.io.project.open import (
    is_database,
    open_plan,
    open_store,
    project_exists,
    project_label,
)
from naturplan.io.project.settings_model import settings_notices
from naturplan.io.project.unsaved import (
    ProjectLock,
    clean_stale_unsaved,
    new_unsaved_project,
    project_is_empty,
    remove_project_file,
)
from naturplan.text.i18n import error_text
from naturplan.text.labels import default_name
from naturplan.text.notices import notice_text
from naturplan.text.numbers import format_ha

MAX_RECENT = 8
RECENT_KEY = "projects/recent"


def data_dir() -> Path:
    """Where unsaved projects live (the user's data folder, ``paths.user_data_dir``)."""
    from naturplan.io.paths import user_data_dir

    return user_data_dir()




class CandidateSelection(QObject):
    """The selected candidate ids, shared by the map tools, the overlay and the table."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ids: list[str] = []

    def set(self, ids: Iterable[str]) -> None:
        ids = list(dict.fromkeys(ids))
        if ids != self.ids:
            self.ids = ids
            self.changed.emit()

    def toggle(self, candidate_id: str) -> None:
        ids = list(self.ids)
        ids.remove(candidate_id) if candidate_id in ids else ids.append(candidate_id)
        self.set(ids)

    def clear(self) -> None:
        self.set([])


class EditSession(QObject):
    """The project being edited (see the module docstring)."""

    project_changed = Signal()  # another project file (or the same after Save As)
    plan_edited = Signal()  # after every plan event; the ledger is already up to date
    #: Before plan_edited: the candidates as rows (a ``RowUpdate``: which rows are unchanged
    #: and where they were), so that views rebuild only what the edit touched.
    candidates_changed = Signal(object)
    scenarios_changed = Signal()  # a colleague's scenario edit (gui/team/follow.py): reread
    message = Signal(str)  # for the status bar
    error = Signal(str, str)  # title, text: the window shows a dialog

    def __init__(self, stack: QUndoStack, settings: QSettings,
                 parent: QObject | None = None, lang: str = "da") -> None:
        super().__init__(parent)
        self.stack = stack
        self.settings = settings
        #: The interface language of error texts (``error_text`` picks them by error code).
        self.lang = lang
        #: The open store: a GeoPackageStore, or a PostGISStore for a team project.
        self.store: Any = None
        #: Called with (text, ConflictError) instead of the plain error dialog when an edit
        #: meets a colleague's change (gui/team/conflict.py sets it).
        self.conflict_handler: Any = None
        self.plan: CandidatePlan | None = None
        self.ledger: Ledger | None = None
        self._ledger_inputs: tuple[BaseGeometry, ProtectedIndex, ProtectedShare] | None = None
        #: The municipality of the loaded dataset (None before the first load).
        self.municipality: Municipality | None = None
        self.snap_index = SnapIndex()
        #: The plan's candidates in its order, kept up to date from each Change.
        self.rows = PlanRows()
        self.selection = CandidateSelection(self)
        self.snapping = True
        self.tracing = False
        self.avoid_overlap = False
        self.kind = CandidateKind.LOWLAND
        self.unsaved = False
        #: The lock on the unsaved project while this session uses it.
        self._unsaved_lock: ProjectLock | None = None

    # -- project files ---------------------------------------------------------------
    @property
    def path(self) -> Path | None:
        """The project file (None for a team project in a database)."""
        return getattr(self.store, "path", None)

    @property
    def label(self) -> str:
        """The project as shown to people: a file name, or the database without password."""
        if self.store is None:
            return ""
        return self.store.path.stem if self.path is not None else str(self.store.location)

    def open_project(self, path: str | os.PathLike[str], create: bool = False,
                     unsaved: bool = False) -> bool:
        """Open (or with *create*, create) the project at *path*; on failure the current
        project stays open and :attr:`error` is emitted."""
        try:
            store, plan = open_plan(path, create=create)  # closes the file if it fails
        except (NaturplanError, OSError) as exc:
            self.error.emit(self.tr("Could not open the project"), self.error_text(exc))
            return False
        ignored = settings_notices(store)  # before the window records anything in it
        self._close_current()
        self.store, self.plan, self.unsaved = store, plan, unsaved
        self.stack.clear()
        self.selection.clear()
        self._follow()
        self._refresh_geometries(None)
        if not unsaved:
            self.remember(path)
        self.project_changed.emit()
        self.plan_edited.emit()
        left_out = getattr(store, "left_out", ())
        if left_out:  # rows another program wrote unusable: named, not measured
            self.error.emit(self.tr("Candidate areas left out"),
                            "\n\n".join(notice_text(n, self.lang) for n in left_out))
        if ignored:  # settings another program wrote of the wrong kind: the defaults used
            self.error.emit(self.tr("Project settings not used"),
                            "\n\n".join(notice_text(n, self.lang) for n in ignored))
        return True

    def new_project(self, path: str | os.PathLike[str] | None = None) -> bool:
        """A new empty project at *path*, or an unsaved one in :func:`data_dir`."""
        try:
            exists = path is not None and project_exists(path)
        except NaturplanError as exc:
            self.error.emit(self.tr("Could not create the project"), self.error_text(exc))
            return False
        if exists:
            self.error.emit(self.tr("Could not create the project"),
                            self.tr("%1 exists already.").replace("%1", project_label(path)))
            return False
        if path is not None and is_database(path):
            return self.open_project(path, create=True)
        if path is not None:
            return self.open_project(Path(path), create=True)
        return self._new_unsaved()

    def _new_unsaved(self) -> bool:
        """A new unsaved project, locked; the empty ones killed sessions left are removed
        first (never one another running session holds)."""
        try:
            clean_stale_unsaved(data_dir())
            target, lock = new_unsaved_project(data_dir())
        except OSError as exc:
            self.error.emit(self.tr("Could not create the project"), self.error_text(exc))
            return False
        if not self.open_project(target, create=True, unsaved=True):
            lock.release(remove=True)
            return False
        self._unsaved_lock = lock
        return True

    def save_as(self, path: str | os.PathLike[str]) -> bool:
        """Copy the project file to *path* and continue editing there (the undo history
        stays: the copy holds the same candidates with the same versions)."""
        if self.store is None or self.plan is None:
            return False
        if self.path is None or is_database(path):
            return self._copy_and_continue(path)
        target = Path(path)
        if target.resolve() == self.store.path.resolve():
            return True
        old_path, was_unsaved = self.store.path, self.unsaved
        self.store.close()
        try:
            # through the one writer: a .part beside the target, checked whole, renamed
            write_file(target, lambda part: shutil.copyfile(old_path, part),
                       verify.sqlite_database(), keep_suffix=True)
            store = GeoPackageStore(target, create=False)
        except (NaturplanError, OSError) as exc:
            self.store = GeoPackageStore(old_path, create=False)
            self.plan.store = self.store
            self.error.emit(self.tr("Could not save the project"), self.error_text(exc))
            return False
        self.store, self.unsaved = store, False
        self.plan.store = store
        if was_unsaved:
            remove_project_file(old_path)
            self._release_unsaved()
        self.remember(target)
        self.project_changed.emit()
        return True

    def close(self) -> None:
        """Close the project file (every edit is already in it)."""
        self._close_current()
        self.project_changed.emit()

    def _close_current(self) -> None:
        if self.store is None:
            return
        empty = self.plan is not None and len(self.plan) == 0
        path, unsaved = self.path, self.unsaved
        if self.plan is not None:
            self.plan.committed.disconnect(self._on_committed)
            self.plan.reloaded.disconnect(self._on_reloaded)
        if self.ledger is not None:
            self.ledger.unfollow()
        self.store.close()
        self.store, self.plan = None, None
        self.stack.clear()
        if unsaved and empty and path is not None and project_is_empty(path):
            remove_project_file(path)
        self._release_unsaved()

    def _release_unsaved(self) -> None:
        if self._unsaved_lock is not None:
            self._unsaved_lock.release(remove=True)
            self._unsaved_lock = None

    def recent(self) -> list[str]:
        value = self.settings.value(RECENT_KEY, [])
        items = [value] if isinstance(value, str) else list(value or [])
        return [p for p in items if p]

    def _copy_and_continue(self, target: str | os.PathLike[str]) -> bool:
        """Save As where a database is one side: copy the plan (naturplan.io.project.copy),
        then continue in the copy (same ids and versions: the undo history stays valid)."""
        from naturplan.io.project.copy import copy_project

        assert self.store is not None and self.plan is not None
        source = self.store.conninfo if self.path is None else self.path
        try:
            copy_project(source, target)
            store = open_store(target, create=False)
        except (NaturplanError, OSError) as exc:
            self.error.emit(self.tr("Could not save the project"), self.error_text(exc))
            return False
        old_file = self.path if self.unsaved else None
        self.store.close()
        self.store, self.unsaved = store, False
        self.plan.store = store
        if old_file is not None:
            remove_project_file(old_file)
            self._release_unsaved()
        self.remember(target)
        self.project_changed.emit()
        return True

    def remember(self, path: str | os.PathLike[str]) -> None:
        text = project_label(path) if is_database(path) else str(Path(path).resolve())
        items = [text] + [p for p in self.recent() if p != text]
        self.settings.setValue(RECENT_KEY, items[:MAX_RECENT])

    # -- the dataset: ledger and snapping sources --------------------------------------
    def set_dataset(self, dataset: Dataset, share: ProtectedShare,
                    index: ProtectedIndex) -> None:
        """Build the snapping index over parcels and §3 once, and the ledger."""
        self.set_snap_sources(dataset)
        self.municipality = dataset.municipality
        self._ledger_inputs = (dataset.municipality.geometry, index, share)
        self._reset_ledger()
        self.plan_edited.emit()

    def set_snap_sources(self, dataset: Dataset) -> None:
        """Snap to every parcel and §3 layer of *dataset* (again after a layer is added)."""
        for role in (Role.PARCELS, Role.NATURE_P3):
            frames = [layer.frame.geometry.to_numpy() for layer in dataset.vector(role)]
            if frames:
                self.snap_index.set_source(role.value, np.concatenate(frames))
            else:
                self.snap_index.remove_source(role.value)

    def _reset_ledger(self) -> None:
        if self.ledger is not None:
            self.ledger.unfollow()
        self.ledger = Ledger(*self._ledger_inputs) if self._ledger_inputs is not None else None
        self._follow()

    def _follow(self) -> None:
        """The ledger follows the plan (``Ledger.follow``), and the session after it, so
        that everything the session tells the window sees an up-to-date ledger."""
        plan = self.plan
        if plan is None:
            return
        plan.committed.disconnect(self._on_committed)
        plan.reloaded.disconnect(self._on_reloaded)
        if self.ledger is not None:
            self.ledger.follow(plan)
        plan.committed.connect(self._on_committed)
        plan.reloaded.connect(self._on_reloaded)

    def ledger_result(self) -> LedgerResult | None:
        return self.ledger.result() if self.ledger is not None else None

    # -- plan events: one per committed transaction ------------------------------------
    def _on_committed(self, change: Change) -> None:
        """One edit of any size: the ledger has already followed it (``Ledger.follow``);
        the snapping index, the selection and the window are refreshed once."""
        if change.removed:
            gone = {c.id for c in change.removed}
            self.selection.set(i for i in self.selection.ids if i not in gone)
        self._refresh_geometries(change)

    def _on_reloaded(self) -> None:
        known = set(self.plan_ids())
        self.selection.set(i for i in self.selection.ids if i in known)
        self._refresh_geometries(None)

    def _refresh_geometries(self, change: Change | None) -> None:
        """The rows after *change* (None: all anew); the snapping source takes only the
        touched candidates; then the views (``candidates_changed``, ``plan_edited``)."""
        candidates = self.plan.candidates() if self.plan is not None else []
        update = (self.rows.reset(candidates) if change is None
                  else self.rows.apply(candidates, change))
        if change is None:
            self.snap_index.set_source(Role.CANDIDATES.value, self.rows.geometries)
        else:
            self.snap_index.update_source(Role.CANDIDATES.value, self.rows.geometries,
                                          update.kept)
        self.candidates_changed.emit(update)
        self.plan_edited.emit()

    @property
    def candidate_ids(self) -> list[str]:
        """The candidates' ids in the plan's order."""
        return self.rows.ids

    def plan_ids(self) -> list[str]:
        return [c.id for c in self.plan.candidates()] if self.plan is not None else []

    # -- queries for the tools ---------------------------------------------------------
    def candidate_at(self, x: float, y: float, tolerance: float = 0.0) -> str | None:
        """The id of the topmost (newest) candidate at (x, y), or None."""
        geoms = self.rows.geometries
        if len(geoms) == 0:
            return None
        hit = np.flatnonzero(shapely.dwithin(geoms, shapely.Point(x, y), tolerance))
        return self.rows.ids[int(hit[-1])] if len(hit) else None

    def position_of(self, candidate_id: str) -> int | None:
        return self.rows.position(candidate_id)

    def snap(self, x: float, y: float, tolerance: float,
             exclude: str | None = None) -> Any:
        """The snap target near (x, y) (None with snapping off or nothing near)."""
        if not self.snapping:
            return None
        skip = None
        if exclude is not None and (pos := self.position_of(exclude)) is not None:
            skip = {Role.CANDIDATES.value: pos}
        return self.snap_index.snap(x, y, tolerance, exclude=skip)

    def candidates_frame(self) -> gpd.GeoDataFrame:
        """The candidates as a GeoDataFrame with the role's canonical fields (for drawing)."""
        return candidates_frame(self.rows.candidates)

    # -- edits: each one plan call, one undo command ------------------------------------
    def _push(self, text: str, edit: Any) -> Change | None:
        if self.plan is None:
            return None
        return push_edit(self.stack, self.plan, text, edit, self.report_error,
                         self._undo_failed)

    def report_error(self, text: str, exc: BaseException) -> None:
        """The core refused an edit: nothing was written, nothing pushed; tell the user."""
        if isinstance(exc, ConflictError) and self.conflict_handler is not None:
            self.conflict_handler(text, exc)
            return
        self.error.emit(self.tr("Could not: %1").replace("%1", text), self.error_text(exc))

    def error_text(self, exc: BaseException) -> str:
        """The user's words for *exc*: its text in the interface language, by error code
        (an edit refused as invalid says why and where in words, not in GEOS' English)."""
        if isinstance(exc, GeometryEditError) and exc.params.get("reason"):
            from naturplan.gui.editing.sketch import refused_edit_text

            return refused_edit_text(str(exc.params["reason"]), self.lang)
        return error_text(exc, self.lang)

    def _undo_failed(self, text: str, exc: BaseException) -> None:
        """An undo/redo failed (nothing written; the command drops itself from the stack).

        The rest of the history no longer describes the file: after the stack has finished
        the call, the plan is re-read from the file and the history cleared.
        """
        title = self.tr("Could not undo or redo: %1").replace("%1", text)
        detail = self.error_text(exc) + "\n\n" + self.tr(
            "The project was re-read from the file and the undo history cleared.")
        # Not from inside QUndoStack.undo(): a dialog's event loop there could re-enter it.
        QTimer.singleShot(0, lambda: self._recover(title, detail))

    def _recover(self, title: str, detail: str) -> None:
        self.stack.clear()
        if self.plan is not None:
            try:
                self.plan.reload()
            except (NaturplanError, OSError) as exc:
                detail += "\n\n" + self.error_text(exc)
        self.error.emit(title, detail)

    def next_name(self) -> str:
        """"Kandidat N" with N one more than the count, skipping names in use."""
        taken = {c.name for c in self.plan} if self.plan is not None else set()
        n = len(taken) + 1
        while default_name(n, self.lang) in taken:
            n += 1
        return default_name(n, self.lang)

    def add(self, geometry: BaseGeometry, name: str | None = None) -> Change | None:
        """A new candidate of the current kind; clipped against the others with avoid
        overlap on (and the status bar says what was removed)."""
        name = name or self.next_name()
        try:
            candidate = Candidate.new(self.kind, geometry, name)
        except (NaturplanError, ValueError) as exc:
            self.report_error(self.tr("add %1").replace("%1", name), exc)
            return None
        change = self._push(self.tr("Draw %1").replace("%1", name),
                            lambda: self.plan.add(candidate,  # type: ignore[union-attr]
                                                  avoid_overlap=self.avoid_overlap))
        if change is not None:
            self.selection.set([change.after[0].id])
            self._report_clip(change)
        return change

    def _report_clip(self, change: Change) -> None:
        if change.clip is None or self.plan is None:
            return
        parts = []
        for cid, m2 in change.clip.removed_m2.items():
            name = self.plan.get(cid).name if cid in self.plan else cid
            parts.append(f"{format_ha(m2, 2)} ({name})")
        self.last_clip_message = self.tr("Avoid overlap removed %1 from the new area: %2").replace(
            "%1", format_ha(change.clip.total_removed_m2, 2)).replace("%2", ", ".join(parts))
        self.message.emit(self.last_clip_message)

    def add_many(self, candidates: list[Candidate], text: str,
                 details: list[dict[str, Any]] | None = None) -> Change | None:
        """Several new candidates (an import) in one transaction, as one command; *details*
        are their audit details (source file, feature id)."""
        plan = self.plan
        if plan is None or not candidates:
            return None
        return self._push(text, lambda: plan.add_many(candidates, details=details))

    def delete(self, ids: Iterable[str]) -> Change | None:
        """Delete candidates, several at once as one command (one transaction)."""
        plan = self.plan
        if plan is None:
            return None
        targets = [plan.get(i) for i in ids if i in plan]
        if not targets:
            return None
        text = (self.tr("Delete %1").replace("%1", targets[0].name) if len(targets) == 1
                else self.tr("Delete %1 areas").replace("%1", str(len(targets))))
        return self._push(text, lambda: plan.apply_states(targets, [], "delete"))

    def replace_geometry(self, candidate_id: str, geometry: BaseGeometry,
                         text: str) -> Change | None:
        plan = self.plan
        if plan is None:
            return None
        return self._push(text, lambda: plan.replace_geometry(candidate_id, geometry))

    def update(self, candidate_id: str, **changes: Any) -> Change | None:
        """An attribute edit (name, kind, status, note, counts_toward_target)."""
        plan = self.plan
        if plan is None or candidate_id not in plan:
            return None
        name = plan.get(candidate_id).name
        text = self.tr("Edit %1").replace("%1", name)
        return self._push(text, lambda: plan.update(candidate_id, **changes))

    def merge(self, ids: list[str]) -> Change | None:
        plan = self.plan
        if plan is None or len(ids) != 2:
            self.error.emit(self.tr("Merge"), self.tr("Select exactly two candidate areas."))
            return None
        keep, other = ids
        text = self.tr("Merge %1 and %2").replace("%1", plan.get(keep).name).replace(
            "%2", plan.get(other).name)
        change = self._push(text, lambda: plan.merge(keep, other))
        if change is not None:
            self.selection.set([keep])
        return change

    def split(self, candidate_id: str, line: BaseGeometry) -> Change | None:
        plan = self.plan
        if plan is None:
            return None
        text = self.tr("Split %1").replace("%1", plan.get(candidate_id).name)
        change = self._push(text, lambda: plan.split(candidate_id, line))
        if change is not None:
            self.selection.set(c.id for c in change.after)
        return change
