"""Hand-made analysis layers for the core analysis tests."""

from __future__ import annotations

import numpy as np
import rasterio
import shapely
from affine import Affine

from naturplan.core.analysis.layers import AnalysisLayers, FloodSource, PolygonSet
from naturplan.core.layers.roles import Role
from naturplan.io.raster import describe_raster, read_grid


def polygons(rows=(), **columns):
    """PolygonSet from geometries and equally long attribute lists."""
    return PolygonSet(np.array(list(rows), dtype=object),
                      {k: np.array(v, dtype=object) for k, v in columns.items()})


def write_depth(path, values, origin=(0.0, 1000.0), res=10.0, nodata=-9999.0):
    """A GeoTIFF of flood depths (m) in EPSG:25832; NaN is no data. Returns a FloodSource."""
    values = np.asarray(values, dtype=float)
    rows, cols = values.shape
    with rasterio.open(path, "w", driver="GTiff", width=cols, height=rows, count=1,
                       dtype="float32", crs="EPSG:25832",
                       transform=Affine(res, 0, origin[0], 0, -res, origin[1]),
                       nodata=nodata) as dst:
        dst.write(np.where(np.isnan(values), nodata, values).astype("float32"), 1)
    return FloodSource(raster=describe_raster(Role.FLOOD, path), read_grid=read_grid)


def layers(municipality=None, nature=None, natura2000=None, lowland=None, forest=None,
           flood=None, protected=()):
    empty = polygons()
    return AnalysisLayers(
        municipality=municipality or shapely.box(-10_000, -10_000, 10_000, 10_000),
        nature=nature or polygons(type=[], id=[]),
        natura2000=natura2000 or empty,
        lowland=lowland or polygons(carbon_class=[], land_use=[]),
        forest_zones=forest or polygons(zone=[]),
        flood=flood,
        protected=np.array(list(protected), dtype=object),
    )
