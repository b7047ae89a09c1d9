"""The legend of an exported map: the styles of the visible layers, only the classes that
occur in the map's extent.

A vector layer lists the categories of the features that touch the extent (an STRtree query),
"other" when a feature has an unlisted value, and its title when it has no categories. A
raster lists the ramp stops its values in the extent reach (read at a coarse resolution).
A layer with nothing in the extent is left out. The print layout and the web map draw the
same rows, each in its own way.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

import numpy as np
import shapely
from numpy.typing import NDArray

from naturplan.core.layers.layer import RasterLayer, VectorLayer
from naturplan.core.layers.style import LayerStyle, LegendEntry
from naturplan.pagemodel.layers import ExportLayer
from naturplan.pagemodel.page import LegendGroup

Bounds = tuple[float, float, float, float]

#: Pixels across of the raster read used to find the classes in the extent.
RASTER_PROBE_PX = 400


def legend_groups(layers: Sequence[ExportLayer], bounds: Bounds | None,
                  lang: str = "da", scale: float | None = None) -> list[LegendGroup]:
    """The legend of the visible *layers* in *bounds* (EPSG:25832; None = everywhere),
    top layer first as map legends read. With *scale* (1:N) a layer whose style hides it at
    that scale (parcels below 1:75.000) is left out, as it is off the map."""
    groups: list[LegendGroup] = []
    for entry in reversed(layers):
        if not entry.visible:
            continue
        if scale is not None and not entry.style.visible_at(scale):
            continue
        rows = present_entries(entry, bounds)
        if rows:
            _add(groups, LegendGroup(entry.title(lang), rows, entry.style.opacity,
                                     isinstance(entry.layer, RasterLayer)), entry.style)
    return groups


def _add(groups: list[LegendGroup], group: LegendGroup, style: LayerStyle) -> None:
    """Add *group*, or merge it into one of the same title and look (two layers of a role
    with one style, e.g. the sample's §3 nature of Aalborg and of its neighbours in a plan
    area: one legend, its rows in the style's order)."""
    same = next((i for i, g in enumerate(groups)
                 if (g.title, g.opacity, g.raster) == (group.title, group.opacity,
                                                       group.raster)), None)
    if same is None:
        groups.append(group)
        return
    rows = list(groups[same].entries)
    rows += [row for row in group.entries if row not in rows]
    order = list(style.legend(raster=group.raster))
    rows.sort(key=lambda row: order.index(row) if row in order else len(order))
    groups[same] = LegendGroup(group.title, tuple(rows), group.opacity, group.raster)


def present_entries(entry: ExportLayer, bounds: Bounds | None,
                    reader: Any = None) -> tuple[LegendEntry, ...]:
    """The legend rows of one layer that occur in *bounds* (a raster read by *reader*,
    ``read_window`` by default)."""
    layer, style = entry.layer, entry.style
    if isinstance(layer, RasterLayer):
        return _raster_entries(layer, style, bounds, reader)
    return _vector_entries(layer, style, bounds)


def _vector_entries(layer: VectorLayer, style: LayerStyle,
                    bounds: Bounds | None) -> tuple[LegendEntry, ...]:
    frame = layer.frame
    if bounds is None:
        positions = np.arange(len(frame))
    else:
        tree = shapely.STRtree(frame.geometry.to_numpy())
        positions = tree.query(shapely.box(*bounds), predicate="intersects")
    if len(positions) == 0:
        return ()
    rows = style.legend()
    if not style.categories:
        return rows
    if style.category_field in frame.columns:
        column = frame[style.category_field].astype("string").fillna("")
        present = set(column.iloc[np.sort(positions)].unique())
    else:
        present = set()
    wanted = [LegendEntry(c.label, symbol=c.symbol) for c in style.categories
              if c.value in present]
    if present - set(style.category_values()) and style.other_label is not None:
        wanted.append(LegendEntry(style.other_label, symbol=style.symbol))
    return tuple(wanted)


_PROBES: OrderedDict[tuple[object, ...], NDArray[np.float64]] = OrderedDict()


def _probe(layer: RasterLayer, bounds: Bounds, reader: Any) -> NDArray[np.float64]:
    """The finite values of *layer* over *bounds* at about :data:`RASTER_PROBE_PX` pixels,
    kept for the last few extents (a 28-million-cell GeoTIFF takes a second to read so; the
    export dialog asks again on every change of title or preset)."""
    try:
        stamp = layer.source.path.stat().st_mtime
    except OSError:
        stamp = 0.0
    key = (str(layer.source.path), stamp, tuple(round(b, 1) for b in bounds))
    cached = _PROBES.get(key)
    if cached is not None:
        return cached
    minx, miny, maxx, maxy = bounds
    scale = RASTER_PROBE_PX / max(maxx - minx, maxy - miny)
    shape = (max(1, int((maxy - miny) * scale)), max(1, int((maxx - minx) * scale)))
    values = np.asarray(reader(layer, bounds, out_shape=shape), dtype=float)
    values = values[np.isfinite(values)]
    _PROBES[key] = values
    while len(_PROBES) > 8:
        _PROBES.popitem(last=False)
    return values


def _raster_entries(layer: RasterLayer, style: LayerStyle,
                    bounds: Bounds | None, reader: Any = None) -> tuple[LegendEntry, ...]:
    from naturplan.io.raster import read_window

    ramp = style.ramp
    if ramp is None:
        return ()
    box = bounds or layer.bounds
    minx, miny = max(box[0], layer.bounds[0]), max(box[1], layer.bounds[1])
    maxx, maxy = min(box[2], layer.bounds[2]), min(box[3], layer.bounds[3])
    if minx >= maxx or miny >= maxy:
        return ()
    values = _probe(layer, (minx, miny, maxx, maxy), reader or read_window)
    stops = np.array([s.value for s in ramp.stops])
    if ramp.clip_below:
        values = values[values >= stops[0] - 1e-9]
    if values.size == 0:
        return ()
    rows = style.legend(raster=True)
    if ramp.discrete:
        idx = np.clip(np.searchsorted(stops, values + 1e-9, side="right") - 1, 0,
                      len(stops) - 1)
        present = set(np.unique(idx).tolist())
        return tuple(row for i, row in enumerate(rows) if i in present)
    top = float(values.max())
    return tuple(row for stop, row in zip(ramp.stops, rows, strict=True)
                 if stop.value <= top + 1e-9)
