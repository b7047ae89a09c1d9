"""The land around the municipality, for the map: the other municipalities of the national
DAGI file (``layers/dk_kommuner_dagi_2014.geojson``) near it.

Drawn muted under the municipality so that land outside it reads as land, not as sea (the
canvas background is the sea). Only for the map: never counted, never in the dataset.
"""

from __future__ import annotations

import logging
import threading

import geopandas as gpd
import shapely

from naturplan.core.errors import NaturplanError
from naturplan.core.layers.dataset import Municipality
from naturplan.core.layers.layer import VectorLayer
from naturplan.core.layers.roles import Role
from naturplan.io import paths
from naturplan.io.loading import LayerRequest, load_layer

log = logging.getLogger(__name__)

#: How far around the municipality the neighbours are taken (m): beyond a pan or two.
REACH_M = 40_000.0

_lock = threading.Lock()
_national: dict[str, VectorLayer] = {}


def _national_layer() -> VectorLayer | None:
    path = paths.layers_dir() / paths.NATIONAL_MUNICIPALITIES
    if not path.exists():
        return None
    key = f"{path}:{path.stat().st_mtime_ns}"
    with _lock:
        if key not in _national:
            layer = load_layer(LayerRequest(Role.MUNICIPALITY, path))
            assert isinstance(layer, VectorLayer)
            _national.clear()
            _national[key] = layer
        return _national[key]


def neighbour_layer(municipality: Municipality, reach: float = REACH_M) -> VectorLayer | None:
    """The municipalities within *reach* metres of *municipality*'s bounding box, without it.

    Returns None when the national file is missing or unreadable (the map then shows the sea
    colour around the municipality, as before); the reason is logged.
    """
    try:
        national = _national_layer()
    except (NaturplanError, OSError) as exc:
        log.warning("no neighbouring municipalities on the map: %s", exc)
        return None
    if national is None:
        return None
    frame = national.frame
    codes = frame["KOMKODE"].astype("string").str.strip().str.zfill(4)
    minx, miny, maxx, maxy = shapely.bounds(municipality.geometry)
    near = shapely.box(minx - reach, miny - reach, maxx + reach, maxy + reach)
    ours = [p.code for p in municipality.parts] or [municipality.code]  # a plan area: all
    keep = (~codes.isin(ours)).to_numpy(dtype=bool) & shapely.intersects(
        frame.geometry.to_numpy(), near)
    if not keep.any():
        return None
    chosen = gpd.GeoDataFrame(frame.loc[keep, ["KOMKODE", "KOMNAVN"]],
                              geometry=frame.geometry[keep], crs=frame.crs)
    return VectorLayer(Role.MUNICIPALITY, chosen.reset_index(drop=True), national.source,
                       name="neighbours")
