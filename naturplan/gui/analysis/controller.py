"""The analysis behind the window: what the selected candidate does, kept up to date.

:class:`AnalysisController` follows the edit session. On every edit and selection change the
selected candidate's climate, Klima-Lavbund, conflict, flood and firefighter numbers are
recomputed at once (milliseconds: the flood raster is held in memory); its connectivity
change, today's network, the projected network and nature at risk are computed in background
threads and arrive a little later (a newer request makes an older result stale, never shown).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from naturplan.core.analysis.assessment import (
    AnalysisSettings,
    CandidateAssessment,
    assess_candidate,
)
from naturplan.core.analysis.connectivity import (
    CandidateConnectivity,
    ConnectivityIndices,
    ConnectivityNetwork,
)
from naturplan.core.analysis.factors import FactorTable, Provenance, provenance
from naturplan.core.analysis.layers import AnalysisLayers
from naturplan.core.analysis.scenarios import LedgerInputs
from naturplan.core.errors import NaturplanError
from naturplan.core.feedback import Feedback
from naturplan.core.plan.candidates import Candidate
from naturplan.gui.workers import Task
from naturplan.io.project.settings_model import write_settings
from naturplan.usecases.todays_network import (
    NetworkDeferred,
    deferred_on_load,
    network_and_risk,
)

#: Wait this long after the last edit before the candidate's connectivity is measured (ms).
CONNECTIVITY_DELAY_MS = 150
#: … and before the whole projected network is measured again (ms).
PROJECTED_DELAY_MS = 1500


class AnalysisController(QObject):
    """See the module docstring. *session* is the window's edit session."""

    assessed = Signal(object)  # CandidateAssessment | None, the selected candidate
    network_ready = Signal(object)  # ConnectivityIndices of today's patches
    #: NetworkDeferred: today's network is not measured on load (too large; the planner can
    #: ask for it, :meth:`compute_network`); None once it is being measured.
    network_deferred = Signal(object)
    projected_ready = Signal(object)  # ConnectivityIndices with the candidates
    at_risk_ready = Signal(object)  # NatureAtRisk | None
    settings_changed = Signal()  # factor table or parameters
    status = Signal(str)  # a short message for the status bar
    failed = Signal(object)  # an exception the user should see

    def __init__(self, session: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.layers: AnalysisLayers | None = None
        self.table: FactorTable | None = None
        self.settings = AnalysisSettings()
        self.provenance: Provenance | None = None
        self.network: ConnectivityNetwork | None = None
        #: Why today's network was not measured on load (None: it is measured or measuring).
        self.deferred: NetworkDeferred | None = None
        self.projected: ConnectivityIndices | None = None
        self.ledger_inputs: LedgerInputs | None = None
        self.current: CandidateAssessment | None = None
        #: What :attr:`current` was measured from (candidate id and version, layers, table,
        #: settings, connectivity): the same again is not measured again.
        self._current_key: tuple[Any, ...] | None = None
        self._current_inputs: tuple[Any, ...] = ()  # kept alive, so their ids stay theirs
        self._changes: dict[tuple[str, int], CandidateConnectivity] = {}
        self._tags: dict[tuple[str, int], Any] = {}
        self._tasks: dict[str, Task] = {}
        self._generation = 0
        self._conn_timer = QTimer(self, singleShot=True, interval=CONNECTIVITY_DELAY_MS)
        self._conn_timer.timeout.connect(self._measure_selected)
        self._proj_timer = QTimer(self, singleShot=True, interval=PROJECTED_DELAY_MS)
        self._proj_timer.timeout.connect(self._measure_projected)
        session.selection.changed.connect(self.refresh)
        session.plan_edited.connect(self._edited)
        session.project_changed.connect(self._project_changed)

    # -- inputs ------------------------------------------------------------------------
    def set_dataset(self, layers: AnalysisLayers, ledger_inputs: LedgerInputs) -> None:
        """New layers (a dataset loaded or a layer added): measure today's network again,
        unless the plan area is too large to measure it on load
        (:data:`~naturplan.usecases.todays_network.NETWORK_ON_LOAD_MAX_POLYGONS`): then it
        is shown as not computed until :meth:`compute_network`. The nature at risk of
        flooding is measured either way."""
        self.layers, self.ledger_inputs = layers, ledger_inputs
        self.network, self.projected = None, None
        self._changes.clear()
        self._tags.clear()
        self._load_settings()
        self.refresh()
        self.deferred = deferred_on_load(layers)
        old = self._tasks.get("network")
        if old is not None and old.running:  # a network of the layers before: not shown
            old.cancel()
        if self.deferred is not None:
            self.network_deferred.emit(self.deferred)
        self._measure_network(layers, network=self.deferred is None, at_risk=True)

    def compute_network(self) -> None:
        """Measure today's network now (the planner asked for it where it is not measured on
        load); the projected network and the selected candidate's change follow."""
        layers = self.layers
        if layers is None or self.network is not None or self.deferred is None:
            return
        self.deferred = None
        self.network_deferred.emit(None)
        self._measure_network(layers, network=True, at_risk=False)

    def _measure_network(self, layers: AnalysisLayers, *, network: bool,
                         at_risk: bool) -> None:
        settings = self.settings

        def job(progress: Callable[[float, str], None], cancelled: Callable[[], bool]) -> Any:
            return network_and_risk(layers, settings.connectivity, network=network,
                                    at_risk=at_risk, feedback=Feedback(progress, cancelled))

        def done(result: Any) -> None:
            if self.layers is layers:  # else the layers have changed since: not shown
                self._network_done(result, at_risk)

        self._start("network" if network else "at_risk", job, done)

    def _network_done(self, result: Any, with_risk: bool) -> None:
        network, at_risk = result
        if network is not None:
            self.network = network
            self.network_ready.emit(network.indices)
        if with_risk:
            self.at_risk_ready.emit(at_risk)
        if network is not None:
            self._current_key = None  # measured again: its change can be measured now
            self.refresh()
            self._proj_timer.start()

    def _project_changed(self) -> None:
        self._changes.clear()
        self._load_settings()
        self.refresh()
        self._proj_timer.start()

    def _load_settings(self) -> None:
        """The project's factor table and parameters; records the table in a project whose
        numbers were never computed (an audited settings change)."""
        from naturplan.usecases.analysis_context import analysis_context

        store = self.session.store
        try:
            context = analysis_context(store.settings() if store is not None else None)
        except (NaturplanError, ValueError) as exc:
            self.failed.emit(exc)
            context = analysis_context(None)  # the defaults: the window keeps working
        self.settings, self.table = context.settings, context.table
        self.provenance = context.provenance
        if store is not None and self.settings.recorded is None and self.layers is not None:
            self.choose_table(self.table.id, record_only=True)
        self.settings_changed.emit()

    def choose_table(self, name: str, record_only: bool = False) -> None:
        """Use the factor table *name* from now on and record it in the project."""
        from dataclasses import replace

        from naturplan.io.factors import load_factor_table

        try:
            table = load_factor_table(name)
            settings = replace(self.settings, factors=name, recorded=table.reference())
            store = self.session.store
            if store is not None and not getattr(store, "readonly", False):
                write_settings(store, analysis=settings)
        except NaturplanError as exc:
            self.failed.emit(exc)
            return
        self.table, self.settings = table, settings
        self.provenance = provenance(table, settings.recorded)
        if not record_only:
            self.settings_changed.emit()
            self.refresh()

    def choose_forest_type(self, forest_type: str) -> None:
        """Plant *forest_type* (a rate in the factor table) on afforestation candidates."""
        from dataclasses import replace

        if self.table is None or forest_type not in self.table.afforestation.rates:
            return
        settings = replace(self.settings, forest_type=forest_type)
        store = self.session.store
        try:
            if store is not None and not getattr(store, "readonly", False):
                write_settings(store, analysis=settings)
        except NaturplanError as exc:
            self.failed.emit(exc)
            return
        self.settings = settings
        self.settings_changed.emit()
        self.refresh()

    # -- the selected candidate --------------------------------------------------------
    def selected(self) -> Candidate | None:
        plan, ids = self.session.plan, self.session.selection.ids
        if plan is None or len(ids) != 1 or ids[0] not in plan:
            return None
        return plan.get(ids[0])  # type: ignore[no-any-return]

    def _edited(self) -> None:
        self.refresh()
        self._proj_timer.start()

    def refresh(self) -> None:
        """Measure the selected candidate now; its connectivity follows in the background."""
        candidate = self.selected()
        if candidate is None or self.layers is None or self.table is None:
            self.current = None
            self.assessed.emit(None)
            return
        change = self._changes.get((candidate.id, candidate.version))
        key = self._key(candidate, change)
        if self.current is not None and self._current_key == key:
            return  # an edit of another candidate: this one's numbers stand
        self._current_key = key
        self.current = assess_candidate(candidate, self.layers, self.table, self.settings,
                                        change)
        self.assessed.emit(self.current)
        if change is None and self.network is not None:
            self._conn_timer.start()

    def _key(self, candidate: Candidate, change: CandidateConnectivity | None
             ) -> tuple[Any, ...]:
        self._current_inputs = (self.layers, self.table, change)
        return (candidate.id, candidate.version, id(self.layers), id(self.table),
                self.settings, id(change))

    def _measure_selected(self) -> None:
        candidate, network = self.selected(), self.network
        if candidate is None or network is None:
            return
        key = (candidate.id, candidate.version)
        geometry = candidate.geometry

        def job(progress: Callable[[float, str], None], cancelled: Callable[[], bool]) -> Any:
            return key, network.candidate(geometry)

        self._start("candidate", job, self._candidate_done)

    def _candidate_done(self, result: Any) -> None:
        key, change = result
        self._changes[key] = change
        current = self.current
        if current is not None and (current.candidate.id, current.candidate.version) == key:
            from dataclasses import replace

            self.current = replace(current, connectivity=change)
            self._current_key = self._key(current.candidate, change)
            self.assessed.emit(self.current)

    # -- the projected network ---------------------------------------------------------
    def _measure_projected(self) -> None:
        layers, plan = self.layers, self.session.plan
        if layers is None or plan is None or self.network is None:
            return
        from naturplan.core.analysis.projected import projected_network

        candidates, params = plan.candidates(), self.settings.connectivity

        def job(progress: Callable[[float, str], None], cancelled: Callable[[], bool]) -> Any:
            return projected_network(layers, candidates, params,
                                     feedback=Feedback(progress, cancelled))

        self._start("projected", job, self._projected_done)

    def _projected_done(self, indices: ConnectivityIndices) -> None:
        self.projected = indices
        self.projected_ready.emit(indices)

    # -- background work ---------------------------------------------------------------
    def run_in_background(self, name: str, job: Any, done: Callable[[Any], None]) -> None:
        """Run *job* in a thread as this controller's own measurements are (other views of
        the analysis: the plan's totals on the dashboard)."""
        self._start(name, job, done)

    def _start(self, name: str, job: Any, done: Callable[[Any], None]) -> None:
        """Run *job* in a thread; a running job of the same *name* is cancelled and its
        result dropped."""
        old = self._tasks.get(name)
        if old is not None and old.running:
            old.cancel()
        self._generation += 1
        generation = self._generation
        task = Task(job, self)
        self._tasks[name] = task
        task.succeeded.connect(lambda r: done(r) if self._tasks.get(name) is task else None)
        task.failed.connect(self.failed.emit)
        task.done.connect(lambda: self._finished(name, task, generation))
        task.done.connect(task.deleteLater)
        self.status.emit(name)
        task.start()

    def _finished(self, name: str, task: Task, generation: int) -> None:
        if self._tasks.get(name) is task:
            del self._tasks[name]
        if not self._tasks:
            self.status.emit("")

    def firefighter_order(self) -> list[tuple[Candidate, Any]]:
        """Every candidate with its firefighter's tag, in the rule's order (tags are kept per
        candidate version, so only edited candidates are measured again)."""
        from naturplan.core.analysis.firefighter import firefighter_tag

        plan, layers, table = self.session.plan, self.layers, self.table
        if plan is None or layers is None or table is None:
            return []
        out = []
        for c in plan.candidates():
            key = (c.id, c.version)
            if key not in self._tags:
                self._tags[key] = firefighter_tag(c.geometry, layers, table, c.kind.value)
            out.append((c, self._tags[key]))
        out.sort(key=lambda item: (*item[1].sort_key(), item[0].name, item[0].id))
        return out

    @property
    def idle(self) -> bool:
        """True when no background measurement is running or waiting."""
        return not self._tasks and not self._conn_timer.isActive() and not (
            self._proj_timer.isActive())

    def shutdown(self) -> None:
        """Cancel the background work and wait until its threads have stopped (the window
        closes; a thread must never outlive its QThread object). Every measurement checks
        for cancellation between steps of at most a second or two."""
        self._conn_timer.stop()
        self._proj_timer.stop()
        tasks = list(self._tasks.values())
        for task in tasks:
            task.cancel()
        for task in tasks:
            task.wait(600_000)
        self._tasks.clear()
