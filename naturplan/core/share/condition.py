"""The condition of protected §3 nature (issue 25 item 1; DESIGN.md, "Condition").

Field surveys (Danmarks Miljøportal, Naturdata besigtigelser) give a §3 feature a condition
class, naturtilstand I–V: I high, II good, III moderate, IV poor, V bad. The protected area
is reported by group — good (I–II), moderate (III), poor (IV–V) and **not assessed** (no
class, or a value that is not a class) — and the share in good condition is the good area
over the whole §3 area: an area never surveyed is never counted as good.

Areas are unions, never sums (§3 polygons may overlap): where polygons of different groups
overlap, the area goes to the worse assessed group (poor before moderate before good), and
an assessed group before "not assessed". Everything is clipped to the municipality, as the
protected share is.

A "restore" candidate may name the §3 features it will lift and to which class
(:func:`projected_classes`): the projected share in good condition is the same computation
with those features' classes changed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import IntEnum, StrEnum
from typing import Any

import numpy as np
import shapely
from numpy.typing import NDArray

from naturplan.core.share.overlap import dissolve

#: The canonical field of the condition class on the ``nature_p3`` role.
CONDITION_FIELD = "Naturtilstand"


class ConditionClass(IntEnum):
    """Naturtilstand: I high … V bad."""

    I = 1  # noqa: E741 - the class's own name
    II = 2
    III = 3
    IV = 4
    V = 5


class ConditionGroup(StrEnum):
    """How the dashboard groups the classes."""

    GOOD = "good"
    MODERATE = "moderate"
    POOR = "poor"
    NOT_ASSESSED = "not_assessed"


#: The groups in the order their areas are shown; overlaps go to the earlier assessed group
#: of :data:`OVERLAP_ORDER`.
GROUPS: tuple[ConditionGroup, ...] = (ConditionGroup.GOOD, ConditionGroup.MODERATE,
                                      ConditionGroup.POOR, ConditionGroup.NOT_ASSESSED)
OVERLAP_ORDER: tuple[ConditionGroup, ...] = (ConditionGroup.POOR, ConditionGroup.MODERATE,
                                             ConditionGroup.GOOD, ConditionGroup.NOT_ASSESSED)

_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5}
#: Danish words the surveys also use for the classes.
_WORDS = {"høj": 1, "hoej": 1, "god": 2, "moderat": 3, "ringe": 4, "dårlig": 5, "daarlig": 5}


def parse_condition(value: Any) -> ConditionClass | None:
    """The class of a stored value: ``"I"``…``"V"``, ``1``…``5`` (also ``"3"``, ``3.0``), or
    the Danish words (høj, god, moderat, ringe, dårlig); anything else is not assessed."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float | np.integer | np.floating):
        number = float(value)
        if np.isfinite(number) and number.is_integer() and 1 <= number <= 5:
            return ConditionClass(int(number))
        return None
    text = str(value).strip()
    word = text.split()[0].rstrip(".:,") if text else ""
    if word.upper() in _ROMAN:
        return ConditionClass(_ROMAN[word.upper()])
    if word.lower() in _WORDS:
        return ConditionClass(_WORDS[word.lower()])
    try:
        return parse_condition(float(text.replace(",", ".")))
    except ValueError:
        return None


def group_of(condition: ConditionClass | None) -> ConditionGroup:
    """The group of a class (None: not assessed)."""
    if condition is None:
        return ConditionGroup.NOT_ASSESSED
    if condition <= ConditionClass.II:
        return ConditionGroup.GOOD
    if condition == ConditionClass.III:
        return ConditionGroup.MODERATE
    return ConditionGroup.POOR


@dataclass(frozen=True)
class ConditionTarget:
    """A target share of the §3 area in good condition, with its source (a target file)."""

    key: str
    name: str
    share: float
    source: str
    year: int | None = None


@dataclass(frozen=True)
class ConditionShare:
    """The §3 area by condition group (m², inside the municipality).

    Attributes
    ----------
    area_m2
        Group → area; every group is present; the areas add up to :attr:`total_m2`.
    total_m2
        The §3 area (the union).
    features
        Group → number of features.
    """

    area_m2: Mapping[ConditionGroup, float]
    total_m2: float
    features: Mapping[ConditionGroup, int]

    @property
    def good_share(self) -> float | None:
        """Good area ÷ the whole §3 area (None without §3 area)."""
        return self.area_m2[ConditionGroup.GOOD] / self.total_m2 if self.total_m2 > 0 else None

    @property
    def assessed_share(self) -> float | None:
        """The share of the §3 area with a condition class."""
        if self.total_m2 <= 0:
            return None
        return 1.0 - self.area_m2[ConditionGroup.NOT_ASSESSED] / self.total_m2

    def gap_m2(self, target: ConditionTarget) -> float:
        """The good area still missing to *target* (m², never below zero)."""
        return max(target.share * self.total_m2 - self.area_m2[ConditionGroup.GOOD], 0.0)


def condition_classes(values: Sequence[Any] | NDArray[Any]) -> list[ConditionClass | None]:
    """:func:`parse_condition` of each value."""
    return [parse_condition(v) for v in values]


def condition_share(geoms: NDArray[np.object_], classes: Sequence[ConditionClass | None],
                    municipality: shapely.Geometry) -> ConditionShare:
    """The §3 area of *geoms* by condition group (see the module docstring).

    The features are clipped to the municipality one by one (only those that cross its
    border), then the groups are added in :data:`OVERLAP_ORDER` and each gets the area its
    union adds to the union of the groups before it: no difference of large geometries is
    ever made, and each union is the protected share's kernel (:func:`dissolve`: only
    groups of overlapping features are united).
    """
    geoms = clip_to(np.asarray(geoms, dtype=object), municipality)
    groups = np.array([group_of(c).value for c in classes], dtype=object)
    areas: dict[ConditionGroup, float] = {}
    features: dict[ConditionGroup, int] = {}
    merged = np.empty(0, dtype=object)  # the disjoint pieces of the groups so far
    before = 0.0
    for group in OVERLAP_ORDER:
        mine = groups == group.value
        features[group] = int(mine.sum())
        if not mine.any():
            areas[group] = 0.0
            continue
        merged = dissolve(np.concatenate([merged, dissolve(geoms[mine])]))
        after = float(shapely.area(merged).sum())
        areas[group] = max(after - before, 0.0)
        before = after
    return ConditionShare({g: areas[g] for g in GROUPS}, before,
                          {g: features[g] for g in GROUPS})


def clip_to(geoms: NDArray[np.object_], area: shapely.Geometry) -> NDArray[np.object_]:
    """*geoms* inside *area*: those wholly inside as they are, the others cut."""
    if len(geoms) == 0:
        return geoms
    shapely.prepare(area)
    inside = shapely.contains_properly(area, geoms)
    out = geoms.copy()
    cut = ~inside
    if cut.any():
        out[cut] = shapely.intersection(geoms[cut], area)
    return out


def projected_classes(ids: Sequence[Any], classes: Sequence[ConditionClass | None],
                      lifts: Mapping[str, ConditionClass]) -> list[ConditionClass | None]:
    """*classes* with each feature whose id is in *lifts* raised to its new class (a lift
    never lowers a class: a feature already better keeps its own)."""
    out = list(classes)
    for k, fid in enumerate(ids):
        new = lifts.get(str(fid))
        if new is not None and (out[k] is None or new < out[k]):  # type: ignore[operator]
            out[k] = new
    return out
