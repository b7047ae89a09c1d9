"""The firefighter's rule (Brandmandens lov): protect the most valuable first, then restore,
then create.

Each candidate is tagged from what it overlaps:

- **protects** existing nature: the part on §3 nature or in a Natura 2000 site;
- **restores** degraded nature: the part on drained organic lowland soil (> 6 % organic
  carbon, the soil of former bogs and meadows) outside existing nature;
- **creates** new nature: the rest (fields on mineral soil, built land).

The tag is the largest of the three parts (a tie goes to the earlier one in the rule's
order), so a candidate that is mostly on §3 nature protects it, whatever its kind. Sorting by
the rule puts every "protects" first (most existing nature first), then "restores" (most
degraded soil first), then "creates" (largest first).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from naturplan.core.analysis.factors import FactorTable
from naturplan.core.analysis.layers import AnalysisLayers


class Tag(StrEnum):
    """What a candidate does under the firefighter's rule, in the rule's order."""

    PROTECTS = "protects"
    RESTORES = "restores"
    CREATES = "creates"


RULE_ORDER: tuple[Tag, ...] = (Tag.PROTECTS, Tag.RESTORES, Tag.CREATES)


@dataclass(frozen=True)
class FirefighterTag:
    """The tag of one candidate and the three parts it is read from (m²)."""

    area_m2: float
    nature_m2: float
    degraded_m2: float

    @property
    def new_m2(self) -> float:
        return max(self.area_m2 - self.nature_m2 - self.degraded_m2, 0.0)

    def part(self, tag: Tag) -> float:
        return {Tag.PROTECTS: self.nature_m2, Tag.RESTORES: self.degraded_m2,
                Tag.CREATES: self.new_m2}[tag]

    @property
    def tag(self) -> Tag:
        best = max(self.part(t) for t in RULE_ORDER)
        return next(t for t in RULE_ORDER if self.part(t) >= best)

    @property
    def rank(self) -> int:
        """0 for protects, 1 restores, 2 creates."""
        return RULE_ORDER.index(self.tag)

    def sort_key(self) -> tuple[int, float]:
        return self.rank, -self.part(self.tag)


def firefighter_tag(geom: BaseGeometry, layers: AnalysisLayers,
                    table: FactorTable) -> FirefighterTag:
    """Tag the area *geom* (EPSG:25832) by what it overlaps."""
    area = float(shapely.area(geom))
    nature_pieces = [layers.nature.overlaps(geom).geometries,
                     layers.natura2000.overlaps(geom).geometries]
    nature_parts = np.concatenate(nature_pieces)
    nature = shapely.union_all(nature_parts) if len(nature_parts) else shapely.Polygon()
    soil = layers.lowland.overlaps(geom)
    organic = np.array([table.is_organic(c) for c in layers.lowland.column("carbon_class")
                        [soil.right]], dtype=bool)
    degraded = 0.0
    if organic.any():
        soil_shape = shapely.union_all(soil.geometries[organic])
        degraded = float(shapely.area(shapely.difference(soil_shape, nature)))
    return FirefighterTag(area, float(shapely.area(nature)), degraded)


def firefighter_order(tags: Iterable[tuple[str, FirefighterTag]]) -> list[str]:
    """Candidate ids in the rule's order (see the module docstring); ties by id."""
    items: Sequence[tuple[str, FirefighterTag]] = list(tags)
    return [i for i, _ in sorted(items, key=lambda it: (*it[1].sort_key(), it[0]))]
