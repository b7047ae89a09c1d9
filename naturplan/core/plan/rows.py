"""The plan's candidates as rows in the plan's order, updated from its ``Change``.

Every view of the plan (the map's candidate layer, the snapping source, the analysis of the
selected candidate) holds the candidates in one order, :meth:`CandidatePlan.candidates`
(oldest first). An edit touches a few of them: :class:`PlanRows` says, for every row after
the edit, where it was before if it did not change (``kept``), so that a view moves what it
already built for those rows and builds only the touched ones (napari's evented containers:
one change event, and the views update what changed).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
from numpy.typing import NDArray

from naturplan.core.geometry import GeometryArray
from naturplan.core.layers.layer import LayerSource, VectorLayer
from naturplan.core.layers.roles import ROLE_SPECS, Role
from naturplan.core.plan.candidates import Candidate
from naturplan.core.plan.plan import Change


@dataclass(frozen=True)
class RowUpdate:
    """The rows after one change of the plan.

    Attributes
    ----------
    candidates
        Every candidate, in the plan's order.
    kept
        Per row: its position before the change if the candidate is unchanged, else -1
        (added or changed: a view builds that row anew).
    removed
        How many rows of before are gone (deleted, or replaced by their changed version).
    """

    candidates: tuple[Candidate, ...]
    kept: NDArray[np.intp]
    removed: int = 0

    @property
    def fresh(self) -> NDArray[np.intp]:
        """Positions of the rows to build anew."""
        return np.flatnonzero(self.kept < 0).astype(np.intp)

    @property
    def everything(self) -> bool:
        """True when no row was kept (a view may as well start over)."""
        return not bool((self.kept >= 0).any())


class PlanRows:
    """The candidates of a plan as rows: ids, geometries and positions, in the plan's order."""

    def __init__(self) -> None:
        self.candidates: tuple[Candidate, ...] = ()
        self.ids: list[str] = []
        self.geometries: GeometryArray = np.empty(0, dtype=object)
        self._position: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self.ids)

    def position(self, candidate_id: str) -> int | None:
        """The row of *candidate_id*, or None."""
        return self._position.get(candidate_id)

    def reset(self, candidates: Sequence[Candidate]) -> RowUpdate:
        """Every row anew (a project opened, or reloaded from its store)."""
        return self._take(tuple(candidates), touched=None)

    def apply(self, candidates: Sequence[Candidate], change: Change) -> RowUpdate:
        """The rows after *change*, with *candidates* the plan's candidates after it."""
        touched = {c.id for c in change.before} | {c.id for c in change.after}
        return self._take(tuple(candidates), touched)

    def _take(self, candidates: tuple[Candidate, ...], touched: Iterable[str] | None
              ) -> RowUpdate:
        before = self._position
        touched = set(touched) if touched is not None else None
        kept = np.full(len(candidates), -1, dtype=np.intp)
        if touched is not None:
            for row, c in enumerate(candidates):
                old = before.get(c.id)
                if old is not None and c.id not in touched:
                    kept[row] = old
        removed = len(before) - int((kept >= 0).sum())
        self.candidates = candidates
        self.ids = [c.id for c in candidates]
        self._position = {cid: row for row, cid in enumerate(self.ids)}
        geoms = np.empty(len(candidates), dtype=object)
        geoms[:] = [c.geometry for c in candidates]
        self.geometries = geoms
        return RowUpdate(candidates, kept, removed)


def candidates_frame(candidates: Sequence[Candidate]) -> gpd.GeoDataFrame:
    """*candidates* as a GeoDataFrame with the candidate role's canonical fields (EPSG:25832),
    one row per candidate in the given order."""
    fields = ROLE_SPECS[Role.CANDIDATES].fields
    data: dict[str, list[object]] = {f: [] for f in fields}
    for c in candidates:
        for f in fields:
            data[f].append(_value(getattr(c, f)))
    geoms = gpd.GeoSeries([c.geometry for c in candidates], crs=25832)
    return gpd.GeoDataFrame(data, geometry=geoms, crs=25832)


def candidates_layer(frame: gpd.GeoDataFrame, path: Path, description: str) -> VectorLayer:
    """The candidates' *frame* as the ``candidates`` layer (the one way a plan becomes a map
    layer, for the window, the print map, the atlas and the web map). *path* names the
    project the layer came from; *description* is the layer's words for the user."""
    source = LayerSource(path=path, driver="GPKG", source_crs="EPSG:25832",
                         description=description)
    return VectorLayer(Role.CANDIDATES, frame, source, name="candidates")


def frame_after(frame: gpd.GeoDataFrame | None, update: RowUpdate) -> gpd.GeoDataFrame:
    """The candidates' frame after *update*: the kept rows' values taken from *frame* (the
    frame before) column by column, only the fresh rows read from their candidates."""
    if frame is None or update.everything:
        return candidates_frame(update.candidates)
    rows = np.flatnonzero(update.kept >= 0)
    old = update.kept[rows]
    fresh = update.fresh
    made = [update.candidates[i] for i in fresh]
    data: dict[str, object] = {}
    for name in ROLE_SPECS[Role.CANDIDATES].fields:
        before = frame[name].to_numpy(dtype=object)
        values = np.empty(len(update.candidates), dtype=object)
        values[rows] = before[old]
        values[fresh] = [_value(getattr(c, name)) for c in made] if made else []
        data[name] = pd.Series(values).infer_objects()
    geoms = np.empty(len(update.candidates), dtype=object)
    geoms[rows] = frame.geometry.to_numpy()[old]
    geoms[fresh] = [c.geometry for c in made] if made else []
    return gpd.GeoDataFrame(data, geometry=gpd.GeoSeries(geoms, crs=25832), crs=25832)


def _value(value: object) -> object:
    return getattr(value, "value", value)
