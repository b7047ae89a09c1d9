"""Today's designations over an area: which kommuneplan retningslinjer and MARS projects a
candidate (or a parcel) lies in, and by how much (issue 22 item 2).

Two optional roles carry them:

- ``designations``: Plandata's published retningslinjer of themes 1112 Skovrejsningsområder,
  1113 Lavbundsarealer, 1114 Naturbeskyttelsesområder and 1115 Økologiske forbindelser, the
  theme per feature (``temakode``) with its status (``V`` vedtaget, ``F`` forslag, the draft
  statuses ``KF``/``KV`` as published); an aflyst (``A``) retningslinje no longer designates
  and is left out.
- ``mars_projects``: MARS' project areas with their id, name, type and phase.

Per area the overlaps are grouped: the retningslinjer by theme and status (several plans of
one theme count once where they overlap: the union of the pieces, never a sum), the MARS
projects by project (its id, else its name). The overlaps are found with one STRtree query
and cut in one vectorised intersection for all areas at once. Without a layer there is no
answer (``None``), which the front ends show as an empty cell with the reason, never as 0 ha.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from naturplan.core.analysis.layers import (
    DESIGNATION_COLUMNS,
    MARS_COLUMNS,
    PolygonSet,
    designation_set,
    field_text,
)

__all__ = ["CANCELLED", "DESIGNATION_COLUMNS", "MARS_COLUMNS", "THEMES", "DesignationCheck",
           "DesignationHit", "check_designations", "designation_sets"]

#: The themes of the retningslinjer naturplan knows by name (Plandata, Datamodel 2.4).
THEMES = (1112, 1113, 1114, 1115)
CANCELLED = "A"  # see naturplan.core.analysis.layers.designation_set
#: Statuses in the order they are listed: adopted before proposed, drafts, then unknown.
_STATUS_ORDER = {"V": 0, "KV": 1, "F": 2, "KF": 3}



@dataclass(frozen=True)
class DesignationHit:
    """One designation over an area.

    Attributes
    ----------
    source
        ``"plandata"`` (a retningslinje) or ``"mars"`` (a MARS project).
    area_m2
        The area of the overlap (m², EPSG:25832): the union of the pieces of the group.
    share
        The overlap as a fraction of the area checked (0..1).
    theme
        The retningslinje's temakode (1112..1115, or another code as published).
    status
        Its Plandata status code (``V``, ``F``, ``KV``, ``KF``), None where the data has none.
    names
        The plan names (retningslinjer) or the project's name, as the data gives them.
    project_id, project_type, phase
        The MARS project's id, type and phase (None where the data has none).
    """

    source: str
    area_m2: float
    share: float
    theme: int | None = None
    status: str | None = None
    names: tuple[str, ...] = ()
    project_id: str | None = None
    project_type: str | None = None
    phase: str | None = None


@dataclass(frozen=True)
class DesignationCheck:
    """What today's designations say about one area.

    ``plandata`` and ``mars`` are None when the layer of that role is not loaded (nothing
    was checked), an empty tuple when it is loaded and nothing of it overlaps.
    """

    plandata: tuple[DesignationHit, ...] | None = None
    mars: tuple[DesignationHit, ...] | None = None

    @property
    def checked(self) -> bool:
        """True if at least one of the two layers was there."""
        return self.plandata is not None or self.mars is not None


def designation_sets(plandata: PolygonSet | None, mars: PolygonSet | None
                     ) -> tuple[PolygonSet | None, PolygonSet | None]:
    """The two sets as :func:`check_designations` takes them: the retningslinjer with their
    theme as a number and their status as an upper-case code, those without a theme code or
    with status aflyst (``A``) left out (:func:`~naturplan.core.analysis.layers.
    designation_set`; the analysis layers hold them so already)."""
    return (designation_set(plandata) if plandata is not None else None), mars


#: Overlaps smaller than this (m²) are left out: a candidate snapped to a designation's edge
#: or a parcel drawn to it touches it by rounding, not by plan.
MIN_OVERLAP_M2 = 1.0


def check_designations(geoms: Sequence[BaseGeometry], plandata: PolygonSet | None,
                       mars: PolygonSet | None, min_area_m2: float = MIN_OVERLAP_M2
                       ) -> list[DesignationCheck]:
    """The :class:`DesignationCheck` of each of *geoms* (EPSG:25832).

    *plandata* (as :func:`designation_sets` gives it) has the columns ``theme``, ``status``
    and ``name``; *mars* ``id``, ``name``,
    ``type`` and ``phase`` (:data:`DESIGNATION_COLUMNS`, :data:`MARS_COLUMNS`). A set that is
    None was not loaded: its part of every check is None. A group whose overlap is under
    *min_area_m2* is left out (the parcel card passes its sliver tolerance).
    """
    areas = shapely.area(np.asarray(geoms, dtype=object)) if len(geoms) else np.empty(0)
    found_p = (_grouped(geoms, plandata, _plandata_key, min_area_m2)
               if plandata is not None else None)
    found_m = _grouped(geoms, mars, _mars_key, min_area_m2) if mars is not None else None
    out = []
    for i in range(len(geoms)):
        p = m = None
        if found_p is not None and plandata is not None:
            p = tuple(sorted((_plandata_hit(plandata, rows, area, float(areas[i]))
                              for rows, area in found_p[i].values()),
                             key=lambda h: (h.theme or 0, _STATUS_ORDER.get(h.status or "", 9))))
        if found_m is not None and mars is not None:
            m = tuple(sorted((_mars_hit(mars, rows, area, float(areas[i]))
                              for rows, area in found_m[i].values()),
                             key=lambda h: -h.area_m2))
        out.append(DesignationCheck(p, m))
    return out


#: Per area: group key → (the rows of the layer in the group, the union's area in m²).
Groups = list[dict[Hashable, tuple[list[int], float]]]


def _grouped(geoms: Sequence[BaseGeometry], polygons: PolygonSet,
             key_of: Any, min_area_m2: float) -> Groups:
    """The overlaps of every area with *polygons*, grouped by ``key_of(polygons, row)``:
    one STRtree query, one vectorised intersection, a union only where a group has several
    pieces."""
    out: Groups = [{} for _ in geoms]
    if len(geoms) == 0 or len(polygons) == 0:
        return out
    array = np.asarray(geoms, dtype=object)
    left, right = polygons.tree.query(array, predicate="intersects")
    if len(left) == 0:
        return out
    pieces = shapely.intersection(array[left], polygons.geoms[right])
    piece_areas = shapely.area(pieces)
    members: dict[tuple[int, Hashable], list[int]] = {}
    for k in np.flatnonzero(piece_areas > 0):
        members.setdefault((int(left[k]), key_of(polygons, int(right[k]))), []).append(int(k))
    for (i, key), ks in members.items():
        area = (float(piece_areas[ks[0]]) if len(ks) == 1
                else float(shapely.area(shapely.union_all(pieces[ks]))))
        if area >= min_area_m2 and area > 0:
            out[i][key] = ([int(right[k]) for k in ks], area)
    return out


def _plandata_key(polygons: PolygonSet, row: int) -> Hashable:
    return (polygons.column("theme")[row], polygons.column("status")[row])


def _mars_key(polygons: PolygonSet, row: int) -> Hashable:
    pid, name = field_text(polygons.column("id")[row]), field_text(polygons.column("name")[row])
    return ("id", pid) if pid else ("name", name) if name else ("row", row)


def _plandata_hit(polygons: PolygonSet, rows: list[int], area: float, whole: float
                  ) -> DesignationHit:
    first = rows[0]
    names = tuple(dict.fromkeys(n for n in (polygons.column("name")[r] for r in rows) if n))
    return DesignationHit("plandata", area, _share(area, whole),
                          theme=polygons.column("theme")[first],
                          status=polygons.column("status")[first], names=names)


def _mars_hit(polygons: PolygonSet, rows: list[int], area: float, whole: float
              ) -> DesignationHit:
    first = rows[0]
    name = field_text(polygons.column("name")[first])
    return DesignationHit("mars", area, _share(area, whole),
                          names=(name,) if name else (),
                          project_id=field_text(polygons.column("id")[first]),
                          project_type=field_text(polygons.column("type")[first]),
                          phase=field_text(polygons.column("phase")[first]))


def _share(part: float, whole: float) -> float:
    return min(max(part / whole, 0.0), 1.0) if whole > 0 else 0.0
