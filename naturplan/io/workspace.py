"""What the open window works on, without Qt: :class:`Workspace` (issue 21 §3).

The dataset, its protected share and spatial index, the roles counted as protected, the
request the dataset was loaded with and the open project (plan and store) live here, not on
the main window: a feature is handed the workspace through its host protocol and reads the
state from one place; the views follow its plain :class:`~naturplan.core.events.Event`\\ s
(napari's ``ViewerModel`` beside its Qt window). Nothing here imports Qt.
"""

from __future__ import annotations

from typing import Protocol

from naturplan.core.events import Event
from naturplan.core.layers.dataset import DEFAULT_PROTECTED_ROLES, Dataset
from naturplan.core.layers.roles import Role
from naturplan.core.plan.plan import CandidatePlan
from naturplan.core.share.protected import ProtectedIndex, ProtectedShare
from naturplan.io.datasets import DatasetRequest
from naturplan.io.project.store import CandidateStore

#: The request a dataset was loaded with and the roles counted as protected in it.
Loaded = tuple[DatasetRequest, tuple[Role, ...]]


class ProjectSource(Protocol):
    """Whatever holds the open project (the GUI's edit session): its plan and store, None
    while no project is open."""

    @property
    def plan(self) -> CandidatePlan | None: ...

    @property
    def store(self) -> CandidateStore | None: ...


class Workspace:
    """The state the window's features share; see the module docstring.

    Attributes
    ----------
    roles
        The roles counted as protected (a project measured against others brings its own).
    dataset, share, index
        The loaded dataset, its protected share and index; None until the first load.
    loaded
        The request and roles the dataset was loaded with (recorded in the project).
    dataset_changed
        ``(dataset)`` after :meth:`set_dataset` (its share and index are set already).
    share_changed
        ``(share, index)`` after :meth:`set_share` (the protected layers changed).
    """

    def __init__(self, roles: tuple[Role, ...] = DEFAULT_PROTECTED_ROLES) -> None:
        self.roles = tuple(roles)
        self.dataset: Dataset | None = None
        self.share: ProtectedShare | None = None
        self.index: ProtectedIndex | None = None
        self.loaded: Loaded | None = None
        self._project: ProjectSource | None = None
        self.dataset_changed = Event()
        self.share_changed = Event()

    def set_dataset(self, dataset: Dataset, share: ProtectedShare,
                    index: ProtectedIndex) -> None:
        """A dataset was loaded with its measured *share* and *index*."""
        self.dataset, self.share, self.index = dataset, share, index
        self.dataset_changed.emit(dataset)

    def set_share(self, share: ProtectedShare, index: ProtectedIndex) -> None:
        """The protected share of the current dataset was measured again."""
        self.share, self.index = share, index
        self.share_changed.emit(share, index)

    def follow_project(self, source: ProjectSource) -> None:
        """Read the open project's plan and store from *source* from now on (it stays the one
        owner of them: nothing is copied here that could go stale)."""
        self._project = source

    @property
    def plan(self) -> CandidatePlan | None:
        """The open project's plan (None while no project is open)."""
        return self._project.plan if self._project is not None else None

    @property
    def store(self) -> CandidateStore | None:
        """The open project's store (None while no project is open)."""
        return self._project.store if self._project is not None else None
