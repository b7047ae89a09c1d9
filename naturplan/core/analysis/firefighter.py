"""The firefighter's rule (Brandmandens lov): protect the most valuable first, then restore,
then create.

The planner's reading (issue 19): *protect* = the candidate secures existing nature against a
threat; *restore* = it brings degraded nature back; *create* = new nature on land that is not
nature today. Each candidate is tagged from what it overlaps:

- **protects** existing nature: the part on §3 nature, for a lowland withdrawal or an
  ecological connection (rewetting or a buffer secures the bog or meadow that is there).
  A Natura 2000 designation is not nature by itself: a site's fields are cropland, so a
  candidate inside Natura 2000 on cropland restores or creates, never protects;
- **restores** degraded nature: the part on drained organic lowland soil (> 6 % organic
  carbon, the soil of former bogs and meadows) outside §3 nature, for a lowland withdrawal or
  a connection;
- **creates** new nature: the rest (fields on mineral soil, built land);
- **conflicts** with existing nature: afforestation on §3 nature. Planting forest on a §3 bog
  or meadow destroys it (naturbeskyttelsesloven § 3 forbids changing its state), so it never
  protects; and forest on drained organic soil does not bring the bog back, so afforestation
  never restores: its part off §3 nature creates new (forest) nature.
- a **restoration** (kind ``restore``, issue 25) lifts the condition of the §3 nature under
  it: its part on §3 nature restores (with its part on degraded soil), the rest creates.

The tag is the largest part (a tie goes to the earlier one in the rule's order, except that a
conflict wins a tie: it must not be hidden). Sorting by the rule puts every "protects" first
(most existing nature first), then "restores" (most degraded soil first), then "creates"
(largest first), and the conflicts last.
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
    CONFLICTS = "conflicts"


RULE_ORDER: tuple[Tag, ...] = (Tag.PROTECTS, Tag.RESTORES, Tag.CREATES, Tag.CONFLICTS)
#: The kind of candidate that plants forest (``CandidateKind.AFFORESTATION``'s value).
AFFORESTATION = "afforestation"
#: The kind that lifts the condition of existing nature (``CandidateKind.RESTORE``'s value).
RESTORE = "restore"


@dataclass(frozen=True)
class FirefighterTag:
    """The tag of one candidate and the parts it is read from (m²).

    Attributes
    ----------
    area_m2
        The candidate's area.
    nature_m2
        Its part on §3 nature (existing nature).
    degraded_m2
        Its part on drained organic lowland soil outside §3 nature.
    kind
        The candidate's kind (``CandidateKind`` value); ``afforestation`` is read differently
        (see the module docstring).
    """

    area_m2: float
    nature_m2: float
    degraded_m2: float
    kind: str = ""

    @property
    def new_m2(self) -> float:
        """The part on land that is neither §3 nature nor degraded organic soil."""
        return max(self.area_m2 - self.nature_m2 - self.degraded_m2, 0.0)

    def part(self, tag: Tag) -> float:
        """The area (m²) that speaks for *tag*."""
        if self.kind == AFFORESTATION:
            parts = {Tag.CONFLICTS: self.nature_m2,
                     Tag.CREATES: max(self.area_m2 - self.nature_m2, 0.0)}
        elif self.kind == RESTORE:  # lifting the condition of the nature that is there
            parts = {Tag.RESTORES: self.nature_m2 + self.degraded_m2,
                     Tag.CREATES: self.new_m2}
        else:
            parts = {Tag.PROTECTS: self.nature_m2, Tag.RESTORES: self.degraded_m2,
                     Tag.CREATES: self.new_m2}
        return parts.get(tag, 0.0)

    @property
    def tag(self) -> Tag:
        best = max(self.part(t) for t in RULE_ORDER)
        if best > 0 and self.part(Tag.CONFLICTS) >= best:
            return Tag.CONFLICTS
        return next(t for t in RULE_ORDER if self.part(t) >= best)

    @property
    def rank(self) -> int:
        """0 for protects, 1 restores, 2 creates, 3 conflicts."""
        return RULE_ORDER.index(self.tag)

    def sort_key(self) -> tuple[int, float]:
        return self.rank, -self.part(self.tag)


def firefighter_tag(geom: BaseGeometry, layers: AnalysisLayers,
                    table: FactorTable, kind: str = "") -> FirefighterTag:
    """Tag the area *geom* (EPSG:25832) of a candidate of *kind* (``CandidateKind`` value)
    by what it overlaps: §3 nature (not a Natura 2000 designation) and organic soil."""
    area = float(shapely.area(geom))
    nature_parts = np.asarray(layers.nature.overlaps(geom).geometries)
    nature = shapely.union_all(nature_parts) if len(nature_parts) else shapely.Polygon()
    soil = layers.lowland.overlaps(geom)
    organic = np.array([table.is_organic(c) for c in layers.lowland.column("carbon_class")
                        [soil.right]], dtype=bool)
    degraded = 0.0
    if organic.any():
        soil_shape = shapely.union_all(soil.geometries[organic])
        degraded = float(shapely.area(shapely.difference(soil_shape, nature)))
    return FirefighterTag(area, float(shapely.area(nature)), degraded, str(kind))


def firefighter_order(tags: Iterable[tuple[str, FirefighterTag]]) -> list[str]:
    """Candidate ids in the rule's order (see the module docstring); ties by id."""
    items: Sequence[tuple[str, FirefighterTag]] = list(tags)
    return [i for i, _ in sorted(items, key=lambda it: (*it[1].sort_key(), it[0]))]
