"""The candidates' key on a print map: a number on the map for each candidate in the frame,
and on the page the list number → name, kind, hectares.

On an overview map (1:250.000 on A3, 1:400.000 on A4) a candidate is a few millimetres
across and its name does not fit beside it; a numbered marker does, at any scale, and the
key in the panel says which candidate it is (issue 19). The numbers follow the candidates
layer's order (the project's order, as the candidate table's rows), counting only those in
the frame, so the key starts at 1 on every page.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import shapely

from naturplan.core.layers.layer import VectorLayer
from naturplan.core.layers.roles import Role
from naturplan.pagemodel.layers import ExportLayer
from naturplan.pagemodel.page import KeyRow
from naturplan.text.i18n import tr
from naturplan.text.labels import kind_label
from naturplan.text.numbers import format_ha

if TYPE_CHECKING:
    import geopandas as gpd

Bounds = tuple[float, float, float, float]


def shown_candidates(layers: Sequence[ExportLayer]) -> gpd.GeoDataFrame | None:
    """The frame of the shown candidates layer of *layers*, or None."""
    for entry in layers:
        if (entry.visible and entry.layer.role is Role.CANDIDATES
                and isinstance(entry.layer, VectorLayer)):
            return entry.layer.frame
    return None


def candidate_key(layers: Sequence[ExportLayer], bounds: Bounds, lang: str = "da"
                  ) -> list[KeyRow]:
    """The key of the visible candidates layer's features that reach into *bounds*.

    Empty when no candidates layer is shown (the window's user hid it, or no project).
    """
    frame = shown_candidates(layers)
    if frame is None or frame.empty:
        return []
    geoms = frame.geometry.to_numpy()
    frame_box = shapely.box(*bounds)
    inside = np.flatnonzero(shapely.intersects(geoms, frame_box))
    if len(inside) == 0:
        return []
    parts = shapely.intersection(geoms[inside], frame_box)
    points = shapely.point_on_surface(parts)
    names = frame["name"].to_numpy() if "name" in frame.columns else [""] * len(frame)
    kinds = frame["kind"].to_numpy() if "kind" in frame.columns else [""] * len(frame)
    areas = shapely.area(geoms[inside])
    rows = []
    for number, (k, point, area) in enumerate(zip(inside, points, areas, strict=True), 1):
        name = str(names[k] or "") or tr(lang, "export", "(no name)")
        rows.append(KeyRow(number, name, _kind(kinds[k], lang), format_ha(area, 1, lang),
                           float(shapely.get_x(point)), float(shapely.get_y(point))))
    return rows


def _kind(kind: object, lang: str) -> str:
    try:
        return kind_label(str(kind), lang)
    except ValueError:
        return str(kind or "")
