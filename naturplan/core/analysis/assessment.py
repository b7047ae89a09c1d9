"""What each candidate does, in one place: climate, Klima-Lavbund, conflicts, flood, the
firefighter's tag (fast, per candidate, live while it is drawn) and connectivity (from a
:class:`~naturplan.core.analysis.connectivity.ConnectivityNetwork`, which may trail).

:func:`assess_candidate` is what the GUI panel shows for the selected candidate and what the
headless output lists; :func:`totals` sums a set of candidates (a plan or a scenario) over the
union of their areas, so overlapping candidates are never counted twice.

The project's choices live in :class:`AnalysisSettings` (settings key ``analysis``): the factor
table, the forest type and the connectivity parameters.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, MutableMapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from naturplan.core.analysis.climate import (
    Eligibility,
    LowlandClimate,
    Sequestration,
    klima_lavbund,
    lowland_climate,
    sequestration,
)
from naturplan.core.analysis.conflicts import Conflict, ConflictKind, afforestation_conflicts
from naturplan.core.analysis.connectivity import CandidateConnectivity, ConnectivityParams
from naturplan.core.analysis.designations import DesignationCheck, check_designations
from naturplan.core.analysis.factors import FactorTable
from naturplan.core.analysis.firefighter import FirefighterTag, firefighter_tag
from naturplan.core.analysis.flood import exposure_of_parts
from naturplan.core.analysis.layers import AnalysisLayers
from naturplan.core.analysis.nitrogen import nitrogen_effect
from naturplan.core.plan.candidates import Candidate, CandidateKind, CandidateStatus

#: The key of the analysis settings in the project's settings table.
SETTINGS_KEY = "analysis"
DEFAULT_TABLE = "co2e_v1"


@dataclass(frozen=True)
class AnalysisSettings:
    """The project's analysis choices (JSON in settings ``analysis``, read and written
    through ``naturplan.io.project.settings_model``).

    Attributes
    ----------
    factors
        The name of the factor table (a file in ``resources/factors``).
    recorded
        The table the project's numbers were last computed with (``{"id", "version",
        "sha256"}``), or None.
    forest_type
        The forest planted on afforestation candidates (None: the table's default).
    connectivity
        Kernel and limits of the connectivity indices.
    """

    factors: str = DEFAULT_TABLE
    recorded: Mapping[str, Any] | None = None
    forest_type: str | None = None
    connectivity: ConnectivityParams = field(default_factory=ConnectivityParams)

    def as_dict(self) -> dict[str, Any]:
        return {"factors": self.factors,
                "recorded": dict(self.recorded) if self.recorded else None,
                "forest_type": self.forest_type,
                "connectivity": self.connectivity.as_dict()}


@dataclass(frozen=True)
class FloodNumbers:
    """Flood exposure of one area: the flooded part (m²), its share and depths (m)."""

    wet_m2: float
    share: float
    mean_depth: float
    max_depth: float


@dataclass(frozen=True)
class CandidateAssessment:
    """The numbers of one candidate (areas in m², CO2e in t per year).

    ``lowland`` and ``eligibility`` are set for lowland candidates, ``sequestration`` and
    ``conflicts`` for afforestation candidates; ``flood`` when there is a flood layer;
    ``connectivity`` when a network has measured it.
    """

    candidate: Candidate
    firefighter: FirefighterTag
    lowland: LowlandClimate | None = None
    eligibility: Eligibility | None = None
    sequestration: Sequestration | None = None
    conflicts: tuple[Conflict, ...] = ()
    flood: FloodNumbers | None = None
    connectivity: CandidateConnectivity | None = None
    #: kg N per year taken out of the water (issue 22); None without an N-retention layer.
    nitrogen_kg: float | None = None
    #: Today's designations it lies in (issue 22); None without either layer.
    designations: DesignationCheck | None = None

    @property
    def reduction_t(self) -> float:
        return self.lowland.reduction_t if self.lowland is not None else 0.0

    @property
    def sequestration_t(self) -> float:
        return self.sequestration.t_per_year if self.sequestration is not None else 0.0


def assess_candidate(candidate: Candidate, layers: AnalysisLayers, table: FactorTable,
                     settings: AnalysisSettings | None = None,
                     connectivity: CandidateConnectivity | None = None) -> CandidateAssessment:
    """Everything but connectivity for one candidate (a few milliseconds: only the polygons
    near it are touched); *connectivity* is attached as given."""
    settings = settings or AnalysisSettings()
    geom = candidate.geometry
    lowland = eligibility = seq = None
    conflicts: tuple[Conflict, ...] = ()
    if candidate.kind is CandidateKind.LOWLAND:
        lowland = lowland_climate(geom, layers.lowland, table)
        eligibility = klima_lavbund(lowland, table)
    elif candidate.kind is CandidateKind.AFFORESTATION:
        seq = sequestration(candidate.area_m2, table, settings.forest_type)
        conflicts = afforestation_conflicts(geom, layers, table)
    return CandidateAssessment(
        candidate, firefighter_tag(geom, layers, table, candidate.kind.value), lowland,
        eligibility, seq, conflicts,
        flood_numbers(geom, layers), connectivity, nitrogen_of(geom, layers),
        designations_of(geom, layers))


def designations_of(geom: BaseGeometry, layers: AnalysisLayers) -> DesignationCheck | None:
    """The retningslinjer and MARS projects one area lies in, or None without either layer."""
    if layers.designations is None and layers.mars_projects is None:
        return None
    return check_designations([geom], layers.designations, layers.mars_projects)[0]


def nitrogen_of(geom: BaseGeometry, layers: AnalysisLayers) -> float | None:
    """kg N per year of one area over the N-retention layer (a polygon without a rate is left
    out), or None without the layer."""
    found = layers.n_retention
    if found is None:
        return None
    rates = np.asarray([np.nan if r is None else float(r) for r in found.attrs["rate"]])
    keep = np.isfinite(rates)
    return nitrogen_effect([geom], found.geoms[keep], list(rates[keep]))[0]


def flood_numbers(geom: BaseGeometry, layers: AnalysisLayers) -> FloodNumbers | None:
    """Flood exposure of one area (measured part by part), or None without a flood layer."""
    result = exposure_of_parts(geom, layers.flood)
    if result is None:
        return None
    return FloodNumbers(float(result.wet_m2[0]), float(result.wet_share[0]),
                        float(result.mean_depth[0]), float(result.max_depth[0]))


def active(candidates: Iterable[Candidate]) -> list[Candidate]:
    """The candidates that are not rejected (they are in the plan's totals)."""
    return [c for c in candidates if c.status is not CandidateStatus.REJECTED]


@dataclass(frozen=True)
class Totals:
    """The numbers of a set of candidates over the union of their areas (m², t per year).

    Attributes
    ----------
    candidates
        How many (not rejected) candidates.
    area_m2
        Their union.
    reduction_t
        CO2e reduction of the union of the lowland candidates.
    sequestration_t
        Sequestration of the union of the afforestation candidates.
    conflicts_m2
        Conflict kind → overlap of the union of the afforestation candidates.
    flood_m2
        The part of the union in the flood zone (None without a flood layer).
    eligible
        Ids of the lowland candidates that pass every Klima-Lavbund criterion.
    """

    candidates: int
    area_m2: float
    reduction_t: float
    sequestration_t: float
    conflicts_m2: Mapping[str, float]
    flood_m2: float | None
    eligible: tuple[str, ...] = ()
    #: kg N per year of the union (None without an ``n_retention`` layer; issue 22).
    nitrogen_kg: float | None = None

    @property
    def conflict_m2(self) -> float:
        """All conflicts together (a spot with two kinds counts in both)."""
        return float(sum(self.conflicts_m2.values()))


def totals(candidates: Sequence[Candidate], layers: AnalysisLayers, table: FactorTable,
           settings: AnalysisSettings | None = None,
           assessments: Mapping[str, CandidateAssessment] | None = None,
           eligibility: MutableMapping[tuple[str, int], Any] | None = None) -> Totals:
    """:class:`Totals` of the not rejected *candidates*; *assessments* (by id) give the
    Klima-Lavbund results without computing them again, and so does *eligibility*, a cache
    by (candidate id, version) that this call fills and a caller keeps between calls for
    one factor table (the window's totals after an edit measure only the edited one)."""
    settings = settings or AnalysisSettings()
    chosen = active(candidates)
    by_kind = {kind: _union([c.geometry for c in chosen if c.kind is kind])
               for kind in CandidateKind}
    everything = _union([c.geometry for c in chosen])
    lowland = lowland_climate(by_kind[CandidateKind.LOWLAND], layers.lowland, table)
    forest = by_kind[CandidateKind.AFFORESTATION]
    seq = sequestration(float(shapely.area(forest)), table, settings.forest_type)
    conflicts = {k.value: 0.0 for k in ConflictKind}
    if not forest.is_empty:
        for conflict in afforestation_conflicts(forest, layers, table, shapes=False):
            conflicts[conflict.kind.value] = conflict.area_m2
    flood = None if everything.is_empty else flood_numbers(everything, layers)
    eligible = []
    for c in chosen:
        if c.kind is not CandidateKind.LOWLAND:
            continue
        found = (assessments or {}).get(c.id)
        if found is not None:
            result = found.eligibility
        elif eligibility is not None and (c.id, c.version) in eligibility:
            result = eligibility[(c.id, c.version)]
        else:
            result = klima_lavbund(lowland_climate(c.geometry, layers.lowland, table), table)
            if eligibility is not None:
                eligibility[(c.id, c.version)] = result
        if result is not None and result.eligible:
            eligible.append(c.id)
    no_flood = layers.flood is None
    return Totals(len(chosen), float(shapely.area(everything)), lowland.reduction_t,
                  seq.t_per_year, conflicts,
                  None if no_flood else (flood.wet_m2 if flood else 0.0), tuple(eligible),
                  None if layers.n_retention is None else nitrogen_of(everything, layers))


def _union(geoms: Sequence[BaseGeometry]) -> BaseGeometry:
    if not geoms:
        return shapely.Polygon()
    return geoms[0] if len(geoms) == 1 else shapely.union_all(np.array(geoms, dtype=object))
