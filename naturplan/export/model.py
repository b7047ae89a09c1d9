"""What every export shows: the layers, the protected share, the ledger and the candidates of
one plan (:class:`PlanData`), which the print layout, the web map, the atlas and the candidate
tables take.

The command line builds one with :func:`naturplan.usecases.plan_data.load_plan_data` (reading
the project file); the GUI builds it from what the window already holds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from naturplan.core.layers.dataset import Dataset
from naturplan.core.layers.layer import Layer, VectorLayer
from naturplan.core.layers.roles import Role
from naturplan.core.plan import rows
from naturplan.core.plan.candidates import Candidate
from naturplan.core.plan.ledger import LedgerResult
from naturplan.core.share.protected import ProtectedShare
from naturplan.export.tables.columns import (
    CandidateRecord,
    Column,
    candidate_records,
    table_columns,
)


@dataclass
class PlanData:
    """One plan ready to export.

    Attributes
    ----------
    dataset
        The municipality and its layers (drawing order).
    roles
        The roles that count as protected.
    share
        The protected share now.
    ledger
        The projected numbers with the counting candidates (None without a project).
    candidates
        The project's candidates.
    project
        The project file (or PostGIS connection string), or None.
    measures
        Candidate id → analysis numbers by column key (issue 11), filled by
        :func:`naturplan.usecases.measures.measure_plan`.
    measured
        What that measurement left out and used (None: not measured, ``--no-analysis``).
    settings
        The project's stored settings (the analysis's factor table and parameters).
    today
        The date printed on the map.
    access
        Nature near home (issue 25): ``(now, with the counting candidates or None)`` as
        :class:`~naturplan.core.analysis.access.AccessShares`, or None without an addresses
        layer (the ledger's cells are then empty and its notes say why).
    """

    dataset: Dataset
    roles: tuple[Role, ...]
    share: ProtectedShare
    ledger: LedgerResult | None = None
    candidates: list[Candidate] = field(default_factory=list)
    project: str | Path | None = None
    measures: dict[str, dict[str, Any]] = field(default_factory=dict)
    measured: Any = None
    settings: dict[str, Any] = field(default_factory=dict)
    today: date = field(default_factory=date.today)
    access: tuple[Any, Any] | None = None
    #: The condition of §3 nature (issue 25): ``(now, with the candidates' lifts)`` as
    #: :class:`~naturplan.core.share.condition.ConditionShare`, or None without §3.
    condition: tuple[Any, Any] | None = None
    #: A plan area of several municipalities (issue 22 item 3): each one's
    #: :class:`~naturplan.core.analysis.municipalities.MunicipalityShare` (empty for one).
    by_municipality: tuple[Any, ...] = ()
    #: kg N per year of the counting candidates' union over the ``n_retention`` layer (None:
    #: not measured, no layer or no project; the ledger says why).
    nitrogen_kg: float | None = None

    def records(self) -> list[CandidateRecord]:
        """The candidate table's rows (oldest first)."""
        return candidate_records(self.candidates, self.ledger, self.measures)

    def columns(self) -> list[Column]:
        """The candidate table's columns: with the analysis numbers once they are measured."""
        return table_columns(self.measured is not None,
                             len(self.dataset.municipality.parts) > 1)

    def protected_layers(self) -> list[Layer]:
        """The layers whose polygons make the protected share."""
        return [layer for layer in self.dataset.layers if layer.role in self.roles]

    def synthetic_protected(self) -> bool:
        """True if a number of the ledger is built from synthetic sample data."""
        return any(layer.source.synthetic for layer in self.protected_layers())

    def candidates_layer(self) -> VectorLayer:
        """The candidates as a layer in the ``candidates`` style (canonical fields)."""
        return candidates_layer(self.candidates, self.project)


def project_name(project: str | Path | None) -> str:
    """The project as named on a map: its file name, or the database without a password."""
    if project is None:
        return ""
    from naturplan.io.project.open import is_database, project_label

    return project_label(project) if is_database(project) else Path(project).name


def candidates_layer(candidates: Sequence[Candidate], project: str | Path | None) -> VectorLayer:
    """A :class:`VectorLayer` of *candidates* with the role's canonical fields."""
    return rows.candidates_layer(rows.candidates_frame(candidates),
                                 Path(project_name(project) or "project.gpkg"),
                                 "naturplan project")
