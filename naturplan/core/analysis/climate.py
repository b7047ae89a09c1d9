"""What a candidate does for the climate (DESIGN.md, "The numbers").

- **Lowland withdrawal**: the candidate's overlap with lowland soil by carbon class and current
  use; the reduction per year is, per hectare, the emission of the drained soil minus that of
  the rewetted soil (:class:`~naturplan.core.analysis.factors.FactorTable`), times the hectares.
- **Klima-Lavbund** eligibility: each criterion with its number and threshold.
- **Afforestation**: sequestration = rate (t CO2/ha/yr, by forest type) × hectares.

Areas in m², emissions in t CO2e per year. Where lowland polygons overlap (they should not),
the overlap is counted once, at the lower reduction, so a reduction is never overstated.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from naturplan.core.analysis.factors import FactorTable, KlimaLavbundRules
from naturplan.core.analysis.layers import PolygonSet

M2_PER_HA = 10_000.0


@dataclass(frozen=True)
class SoilArea:
    """The part of a candidate on one carbon class under one use.

    ``land_use`` is the use whose factors apply; ``use_known`` is False where the lowland
    layer did not say the use and the table's rule chose it.
    """

    carbon_class: str
    land_use: str
    use_known: bool
    area_m2: float
    reduction_t_per_ha: float

    @property
    def reduction_t(self) -> float:
        """t CO2e per year on this part."""
        return self.reduction_t_per_ha * self.area_m2 / M2_PER_HA


@dataclass(frozen=True)
class LowlandClimate:
    """The climate effect of withdrawing and rewetting a candidate's lowland soil.

    Attributes
    ----------
    area_m2
        The whole candidate.
    soils
        Its parts by carbon class and use (disjoint), largest reduction first.
    table
        The id of the factor table used.
    """

    area_m2: float
    soils: tuple[SoilArea, ...]
    table: str

    @property
    def lowland_m2(self) -> float:
        return float(sum(s.area_m2 for s in self.soils))

    def organic_m2(self, table: FactorTable) -> float:
        """The part on organic soil (the table's organic classes, > 6 % organic carbon)."""
        return float(sum(s.area_m2 for s in self.soils if table.is_organic(s.carbon_class)))

    @property
    def reduction_t(self) -> float:
        """The reduction in t CO2e per year (negative if rewetting emits more)."""
        return float(sum(s.reduction_t for s in self.soils))

    @property
    def reduction_t_per_ha(self) -> float:
        """The reduction per hectare of the whole candidate (t CO2e/ha/yr)."""
        return self.reduction_t / (self.area_m2 / M2_PER_HA) if self.area_m2 > 0 else 0.0


class Criterion(StrEnum):
    """The Klima-Lavbund criteria (the GUI and the exports word them)."""

    MIN_AREA = "min_area"
    ORGANIC_SHARE = "organic_share"
    REDUCTION_PER_HA = "reduction_per_ha"


@dataclass(frozen=True)
class CriterionResult:
    """One criterion: the candidate's value, the threshold, passed (value ≥ threshold).

    Units: ha for ``min_area``, a fraction 0..1 for ``organic_share``, t CO2e/ha/yr for
    ``reduction_per_ha``.
    """

    criterion: Criterion
    value: float
    threshold: float

    @property
    def passed(self) -> bool:
        return self.value >= self.threshold


@dataclass(frozen=True)
class Eligibility:
    """Klima-Lavbund eligibility: every criterion, and whether all pass."""

    criteria: tuple[CriterionResult, ...]

    @property
    def eligible(self) -> bool:
        return all(c.passed for c in self.criteria)

    def get(self, criterion: Criterion) -> CriterionResult:
        return next(c for c in self.criteria if c.criterion is criterion)


@dataclass(frozen=True)
class Sequestration:
    """Carbon bound by new forest: ``rate`` t CO2/ha/yr of ``forest_type`` over ``area_m2``."""

    area_m2: float
    forest_type: str
    rate_t_per_ha: float

    @property
    def t_per_year(self) -> float:
        return self.rate_t_per_ha * self.area_m2 / M2_PER_HA


def lowland_climate(geom: BaseGeometry, soils: PolygonSet, table: FactorTable) -> LowlandClimate:
    """The lowland withdrawal numbers of the area *geom* (EPSG:25832).

    Parameters
    ----------
    geom
        The candidate's polygon.
    soils
        Lowland polygons with ``carbon_class`` and ``land_use`` columns.
    table
        The emission factors.
    """
    area = float(shapely.area(geom))
    pairs = soils.overlaps(geom)
    if len(pairs) == 0:
        return LowlandClimate(area, (), table.id)
    classes = soils.column("carbon_class")[pairs.right]
    uses = soils.column("land_use")[pairs.right]
    groups: dict[tuple[str, str, bool], list[int]] = {}
    for k, (cls, use) in enumerate(zip(classes, uses, strict=True)):
        resolved = table.use_of(use)
        key = (str(cls) if cls is not None else "unknown", resolved, use == resolved)
        groups.setdefault(key, []).append(k)
    # Lowest reduction first, so an overlap of two soil polygons counts at the lower factor.
    keys = sorted(groups, key=lambda k: (table.reduction_t_per_ha(k[0], k[1]), k))
    areas = _disjoint_areas(pairs.geometries, pairs.areas, [groups[k] for k in keys])
    soils_out = [
        SoilArea(cls, use, known, a, table.reduction_t_per_ha(cls, use))
        for (cls, use, known), a in zip(keys, areas, strict=True) if a > 0
    ]
    soils_out.sort(key=lambda s: (-s.reduction_t, s.carbon_class, s.land_use))
    return LowlandClimate(area, tuple(soils_out), table.id)


def _disjoint_areas(
    pieces: np.ndarray, areas: np.ndarray, groups: list[list[int]]
) -> list[float]:
    """The area of each group's pieces not already in an earlier group."""
    union_area = float(shapely.area(shapely.union_all(pieces)))
    if abs(union_area - float(areas.sum())) <= 1e-6 * max(union_area, 1.0):
        return [float(areas[g].sum()) for g in groups]  # no overlaps: plain sums
    taken: BaseGeometry | None = None
    out = []
    for g in groups:
        merged = shapely.union_all(pieces[g])
        part = merged if taken is None else shapely.difference(merged, taken)
        out.append(float(shapely.area(part)))
        taken = merged if taken is None else shapely.union(taken, merged)
    return out


def klima_lavbund(climate: LowlandClimate, table: FactorTable,
                  rules: KlimaLavbundRules | None = None) -> Eligibility:
    """Klima-Lavbund eligibility of a candidate from its lowland numbers.

    The criteria: area ≥ ``min_area_ha``; the share of the area on organic soil
    ≥ ``min_organic_share``; the reduction per hectare of the whole area
    ≥ ``min_reduction_t_per_ha``.
    """
    rules = rules or table.klima_lavbund
    share = climate.organic_m2(table) / climate.area_m2 if climate.area_m2 > 0 else 0.0
    return Eligibility((
        CriterionResult(Criterion.MIN_AREA, climate.area_m2 / M2_PER_HA, rules.min_area_ha),
        CriterionResult(Criterion.ORGANIC_SHARE, share, rules.min_organic_share),
        CriterionResult(Criterion.REDUCTION_PER_HA, climate.reduction_t_per_ha,
                        rules.min_reduction_t_per_ha),
    ))


def sequestration(area_m2: float, table: FactorTable, forest_type: str | None = None
                  ) -> Sequestration:
    """Sequestration of new forest of *forest_type* (the table's default if None) on
    *area_m2*.

    Raises
    ------
    FactorTableError
        If the table has no rate for the type.
    """
    kind = forest_type or table.afforestation.default
    return Sequestration(float(area_m2), kind, table.afforestation.rate(kind))
