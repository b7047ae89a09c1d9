"""Tile grids: which tiles cover a map rectangle, and where a tile lies.

The grid itself is a morecantile :class:`~morecantile.TileMatrixSet` (OGC Two Dimensional
Tile Matrix Set): ``WebMercatorQuad`` for XYZ tiles, one built from a WMTS capabilities
document for WMTS (Dataforsyningen's ``View1`` in EPSG:25832: origin 120000, 6500000,
1638.4 m per pixel at level 0, halved per level), and :func:`danish_grid` for tiling a WMS
in EPSG:25832. What runs per frame (tile ranges, bounds) is plain arithmetic on the matrix
values morecantile validated, so a paint never goes through a CRS transform.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

import morecantile
from pyproj import CRS

Bounds = tuple[float, float, float, float]

#: The OGC standard rendering pixel (0.28 mm): scale denominator × this = metres per pixel.
STANDARD_PIXEL_M = 0.00028
#: Dataforsyningen's View1 grid (EPSG:25832): top-left corner and level-0 metres per pixel.
VIEW1_ORIGIN = (120_000.0, 6_500_000.0)
VIEW1_RES0 = 1638.4
VIEW1_EXTENT: Bounds = (120_000.0, 5_900_000.0, 1_000_000.0, 6_500_000.0)


class TileKey(NamedTuple):
    """One tile: level index *z* (0 = coarsest), column *x*, row *y* (from the top)."""

    z: int
    x: int
    y: int


@dataclass(frozen=True)
class TileGrid:
    """A tile matrix set with its WMTS level identifiers and its CRS.

    Attributes
    ----------
    tms
        The morecantile tile matrix set.
    level_ids
        The identifier of each level as the service names it (``"L07"``, ``"07"``, ``"7"``).
    crs
        The grid's CRS (pyproj).
    """

    tms: morecantile.TileMatrixSet
    level_ids: tuple[str, ...]
    crs: CRS
    _levels: tuple[tuple[float, float, float, int, int, int, int], ...] = field(
        init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        levels = []
        north_first = _north_first(self.crs)
        for matrix in self.tms.tileMatrices:
            ox, oy = matrix.pointOfOrigin
            if north_first:
                ox, oy = oy, ox
            levels.append((ox, oy, float(matrix.cellSize), matrix.tileWidth,
                           matrix.tileHeight, matrix.matrixWidth, matrix.matrixHeight))
        object.__setattr__(self, "_levels", tuple(levels))

    @property
    def max_level(self) -> int:
        return len(self._levels) - 1

    @property
    def is_working_crs(self) -> bool:
        """True if tiles are in EPSG:25832 and need no warping."""
        return self.crs.to_epsg() == 25832

    def resolution(self, z: int) -> float:
        """Map units per pixel at level *z*."""
        return self._levels[z][2]

    def tile_size(self, z: int) -> tuple[int, int]:
        """(width, height) of a tile at level *z* in pixels."""
        level = self._levels[z]
        return level[3], level[4]

    def level_for(self, resolution: float, oversample: float = 1.25) -> int:
        """The coarsest level no coarser than *resolution* × *oversample* (units per pixel).

        A view at 1 m/px gets the 0.8 m level, not the 1.6 m one; beyond the finest level
        the finest is stretched.
        """
        limit = resolution * oversample
        for z in range(len(self._levels)):
            if self._levels[z][2] <= limit:
                return z
        return self.max_level

    def tiles_in(self, bounds: Bounds, z: int, limit: int = 4096) -> list[TileKey]:
        """The tiles of level *z* that touch *bounds* (grid CRS), row by row from the top.

        At most *limit* tiles (a guard against a request for a whole country at 0.1 m).
        """
        ox, oy, res, tw, th, mw, mh = self._levels[z]
        span_x, span_y = tw * res, th * res
        minx, miny, maxx, maxy = bounds
        c0 = max(0, math.floor((minx - ox) / span_x))
        c1 = min(mw - 1, math.ceil((maxx - ox) / span_x) - 1)
        r0 = max(0, math.floor((oy - maxy) / span_y))
        r1 = min(mh - 1, math.ceil((oy - miny) / span_y) - 1)
        if c1 < c0 or r1 < r0 or (c1 - c0 + 1) * (r1 - r0 + 1) > limit:
            return []
        return [TileKey(z, c, r) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)]

    def bounds(self, key: TileKey) -> Bounds:
        """(minx, miny, maxx, maxy) of tile *key* in the grid's CRS."""
        ox, oy, res, tw, th, _, _ = self._levels[key.z]
        minx = ox + key.x * tw * res
        maxy = oy - key.y * th * res
        return (minx, maxy - th * res, minx + tw * res, maxy)

    def extent(self) -> Bounds:
        """What the grid covers at its coarsest level."""
        ox, oy, res, tw, th, mw, mh = self._levels[0]
        return (ox, oy - mh * th * res, ox + mw * tw * res, oy)


def _north_first(crs: CRS) -> bool:
    axes = crs.axis_info
    return bool(axes) and axes[0].direction.lower() in ("north", "south")


def pyproj_crs(tms: morecantile.TileMatrixSet) -> CRS:
    """The pyproj CRS of a morecantile tile matrix set."""
    return CRS.from_user_input(tms.rasterio_crs.to_wkt())


def web_mercator_grid(max_level: int = 19) -> TileGrid:
    """``WebMercatorQuad`` (XYZ tiles, EPSG:3857) from level 0 to *max_level*."""
    tms = morecantile.tms.get("WebMercatorQuad")
    matrices = [m for m in tms.tileMatrices if int(m.id) <= max_level]
    tms = tms.model_copy(update={"tileMatrices": matrices})
    return TileGrid(tms, tuple(m.id for m in matrices), pyproj_crs(tms))


def custom_grid(grid_id: str, crs: CRS, origin: tuple[float, float],
                resolutions: Sequence[float], level_ids: Sequence[str],
                tile_size: tuple[int, int] = (256, 256),
                matrix_sizes: Sequence[tuple[int, int]] | None = None,
                extent: Bounds | None = None) -> TileGrid:
    """A tile matrix set from its origin (top-left, CRS axis order E, N) and resolutions.

    *matrix_sizes* gives (columns, rows) per level; without it they are computed to cover
    *extent*.

    Raises
    ------
    ValueError
        If the levels are inconsistent (morecantile validates the set).
    """
    tw, th = tile_size
    north_first = _north_first(crs)
    matrices = []
    for i, (res, ident) in enumerate(zip(resolutions, level_ids, strict=True)):
        if matrix_sizes is not None:
            mw, mh = matrix_sizes[i]
        else:
            assert extent is not None
            mw = max(1, math.ceil((extent[2] - origin[0]) / (tw * res) - 1e-9))
            mh = max(1, math.ceil((origin[1] - extent[1]) / (th * res) - 1e-9))
        point = [origin[1], origin[0]] if north_first else [origin[0], origin[1]]
        matrices.append({
            "id": ident, "scaleDenominator": res * _metres_per_unit(crs) / STANDARD_PIXEL_M,
            "cellSize": res, "pointOfOrigin": point, "tileWidth": tw, "tileHeight": th,
            "matrixWidth": mw, "matrixHeight": mh,
        })
    tms = morecantile.TileMatrixSet.model_validate({
        "id": grid_id, "crs": {"uri": _crs_uri(crs)}, "tileMatrices": matrices,
    })
    return TileGrid(tms, tuple(level_ids), crs)


def danish_grid(levels: int = 17) -> TileGrid:
    """Dataforsyningen's View1 layout (EPSG:25832) with *levels* levels: 1638.4 m … 0.025 m.

    Used to tile a WMS basemap in EPSG:25832, so its tiles line up with the WMTS ones.
    """
    resolutions = [VIEW1_RES0 / 2**z for z in range(levels)]
    return custom_grid("naturplan-dk-25832", CRS.from_epsg(25832), VIEW1_ORIGIN, resolutions,
                       [str(z) for z in range(levels)], extent=VIEW1_EXTENT)


def _metres_per_unit(crs: CRS) -> float:
    axes = crs.axis_info
    if axes and axes[0].unit_name in ("degree", "degrees"):
        return 2 * math.pi * 6378137.0 / 360.0
    return float(axes[0].unit_conversion_factor) if axes else 1.0


def _crs_uri(crs: CRS) -> str:
    authority = crs.to_authority()
    if authority is None:
        raise ValueError(f"the grid CRS has no EPSG code: {crs.name}")
    return f"http://www.opengis.net/def/crs/{authority[0]}/0/{authority[1]}"


def parse_crs_name(text: str) -> CRS:
    """A CRS from ``EPSG:25832``, ``urn:ogc:def:crs:EPSG::25832`` or an OGC URI.

    Raises
    ------
    ValueError
        If pyproj does not know it.
    """
    value = text.strip()
    if value.startswith("urn:ogc:def:crs:EPSG:"):
        value = "EPSG:" + value.rsplit(":", 1)[-1]
    elif "/def/crs/EPSG/" in value:
        value = "EPSG:" + value.rstrip("/").rsplit("/", 1)[-1]
    elif value.endswith("/CRS84") or value.endswith(":CRS84"):
        value = "OGC:CRS84"
    try:
        return CRS.from_user_input(value)
    except Exception as exc:  # noqa: BLE001 - pyproj raises CRSError and others
        raise ValueError(f"unknown CRS {text!r}: {exc}") from None
