"""Zonal statistics: how much of each polygon is flooded, and how deep.

For many polygons at once (the ~100,000 parcels of a municipality, the §3 polygons, the
planner's candidates) over a flood-depth raster in metres, or over flood-zone polygons:

- the area in the flood zone (depth > ``min_depth``, default 0) and its share of the polygon;
- the mean depth over the flooded part and the largest depth of a flooded cell the polygon
  covers;
- the area covered by cells with data, so a polygon that sticks out of the raster is told
  apart from a dry one.

**Exact cell coverage, never a point sample.** Each cell counts with the fraction of its
area that lies inside the polygon, computed by exactextract (Baston 2023, the C++ library
behind R's and Python's ``exact_extract``). A cell that a polygon covers by 30 % adds 30 % of
the cell's area; a parcel smaller than a cell still gets its exact share. The largest depth
is over every flooded cell the polygon covers at all (coverage > 0).

**A fast path that is exact too.** Most parcels lie where the raster is dry and has data
everywhere. For those, every cell of the polygon's bounding box is dry and valid, so the
answer is known without coverage fractions: nothing flooded, data over the whole area. Such
polygons are found with a summed-area table over 8 × 8-cell blocks (one numpy pass); only
the rest go through exactextract.

Rasters come in as a :class:`RasterGrid` (values in memory, NaN = no data); reading one
from a GeoTIFF is :func:`naturplan.io.raster.read_grid`'s job.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
import shapely
from numpy.typing import NDArray

from naturplan.core.analysis.overlay import intersect_pairs, sum_per_group
from naturplan.core.feedback import Feedback, as_feedback
from naturplan.core.geometry import GeometryArray
from naturplan.core.geometry_kernels import union_by_group

Bounds = tuple[float, float, float, float]

#: Cells per side of the blocks the fast path tests (a bounding box is widened to them).
BLOCK = 8
#: Polygons per exactextract call (progress and cancel are checked between chunks).
CHUNK = 4000


@dataclass(frozen=True)
class RasterGrid:
    """A north-up raster in EPSG:25832 held in memory.

    Attributes
    ----------
    values
        (rows, cols) cell values; NaN where the raster has no data.
    bounds
        (minx, miny, maxx, maxy) of the outer cell edges, metres.
    """

    values: NDArray[np.floating[Any]]
    bounds: Bounds

    @property
    def shape(self) -> tuple[int, int]:
        rows, cols = self.values.shape
        return int(rows), int(cols)

    @property
    def res_x(self) -> float:
        return (self.bounds[2] - self.bounds[0]) / max(self.shape[1], 1)

    @property
    def res_y(self) -> float:
        return (self.bounds[3] - self.bounds[1]) / max(self.shape[0], 1)

    @property
    def cell_area(self) -> float:
        """Area of one cell in m²."""
        return self.res_x * self.res_y

    def cell_window(self, bounds: Bounds) -> tuple[int, int, int, int]:
        """(row0, row1, col0, col1) of the cells that *bounds* touches, clipped to the grid."""
        minx, miny, maxx, maxy = bounds
        gx0, _, _, gy1 = self.bounds
        rows, cols = self.shape
        col0 = min(max(math.floor((minx - gx0) / self.res_x), 0), cols)
        col1 = min(max(math.ceil((maxx - gx0) / self.res_x), 0), cols)
        row0 = min(max(math.floor((gy1 - maxy) / self.res_y), 0), rows)
        row1 = min(max(math.ceil((gy1 - miny) / self.res_y), 0), rows)
        return row0, row1, col0, col1

    def window(self, bounds: Bounds) -> RasterGrid:
        """The cells *bounds* touches, as a grid of its own (a view, no copy)."""
        row0, row1, col0, col1 = self.cell_window(bounds)
        gx0, _, _, gy1 = self.bounds
        left, top = gx0 + col0 * self.res_x, gy1 - row0 * self.res_y
        return RasterGrid(self.values[row0:row1, col0:col1],
                          (left, gy1 - row1 * self.res_y, gx0 + col1 * self.res_x, top))


@dataclass(frozen=True)
class FloodExposure:
    """Flood exposure of n polygons, one entry per polygon (areas in m², depths in m).

    Attributes
    ----------
    area_m2
        The polygon's area.
    wet_m2
        The part of it in the flood zone (depth > the threshold).
    data_m2
        The part covered by raster cells with data (for zone polygons: the whole area).
    mean_depth
        Mean depth over the flooded part, coverage-weighted; NaN where nothing is flooded
        (or the zones carry no depth).
    max_depth
        The largest depth of a flooded cell the polygon covers; 0 where nothing is
        flooded, NaN where the source has no depth.
    """

    area_m2: NDArray[np.float64]
    wet_m2: NDArray[np.float64]
    data_m2: NDArray[np.float64]
    mean_depth: NDArray[np.float64]
    max_depth: NDArray[np.float64]

    def __len__(self) -> int:
        return len(self.area_m2)

    @property
    def wet_share(self) -> NDArray[np.float64]:
        """The flooded share of each polygon, 0..1 (0 for an empty polygon)."""
        with np.errstate(divide="ignore", invalid="ignore"):
            share = np.where(self.area_m2 > 0, self.wet_m2 / self.area_m2, 0.0)
        return np.clip(share, 0.0, 1.0)

    @property
    def data_share(self) -> NDArray[np.float64]:
        """The share of each polygon covered by data, 0..1."""
        with np.errstate(divide="ignore", invalid="ignore"):
            share = np.where(self.area_m2 > 0, self.data_m2 / self.area_m2, 0.0)
        return np.clip(share, 0.0, 1.0)


def flood_exposure(
    geoms: GeometryArray,
    grid: RasterGrid,
    *,
    min_depth: float = 0.0,
    feedback: Feedback | None = None,
) -> FloodExposure:
    """Flood exposure of every polygon in *geoms* over the depth raster *grid*.

    Parameters
    ----------
    geoms
        Polygons in the raster's CRS (EPSG:25832, metres).
    grid
        Flood depth in metres; NaN = no data.
    min_depth
        A cell is flooded where its depth is greater than this (m).
    feedback
        Progress and cancel; checked between chunks of polygons.

    Returns
    -------
    FloodExposure

    Raises
    ------
    OperationCancelled
        If *feedback* was cancelled.
    """
    feedback = as_feedback(feedback)
    geoms = np.asarray(geoms, dtype=object)
    n = len(geoms)
    area = shapely.area(geoms) if n else np.empty(0)
    wet_m2 = np.zeros(n)
    data_m2 = area.astype(float)
    mean_depth = np.full(n, np.nan)
    max_depth = np.zeros(n)
    if n == 0:
        return FloodExposure(area, wet_m2, data_m2, mean_depth, max_depth)
    if grid.values.size == 0:  # the polygons lie wholly outside the raster: no data at all
        return FloodExposure(area.astype(float), wet_m2, np.zeros(n), mean_depth,
                             np.full(n, np.nan))
    depth = np.asarray(grid.values, dtype=np.float32)
    with np.errstate(invalid="ignore"):
        special = ~(depth <= min_depth)  # flooded, or no data (NaN compares False)
    exact = _needs_exact(shapely.bounds(geoms), grid, special)
    del special
    exact &= ~shapely.is_empty(geoms)
    positions = np.flatnonzero(exact)
    if len(positions):
        sums = _exact_sums(geoms[positions], grid, depth, min_depth, feedback)
        cell = grid.cell_area
        wet_m2[positions] = sums["wet_sum"] * cell
        data_m2[positions] = sums["wet_count"] * cell
        with np.errstate(divide="ignore", invalid="ignore"):
            mean_depth[positions] = np.where(
                sums["wet_sum"] > 0, sums["depth_sum"] / sums["wet_sum"], np.nan
            )
        max_depth[positions] = np.where(
            sums["wet_count"] > 0, np.nan_to_num(sums["depth_max"], nan=0.0), np.nan
        )
    feedback.report(1.0, "")
    return FloodExposure(area.astype(float), wet_m2, data_m2, mean_depth, max_depth)


def _needs_exact(
    bounds: NDArray[np.float64], grid: RasterGrid, special: NDArray[np.bool_]
) -> NDArray[np.bool_]:
    """True for polygons whose bounding box touches a flooded or no-data cell, or leaves
    the grid: only those need coverage fractions."""
    rows, cols = grid.shape
    brows, bcols = -(-rows // BLOCK), -(-cols // BLOCK)
    padded = np.zeros((brows * BLOCK, bcols * BLOCK), dtype=bool)
    padded[:rows, :cols] = special
    blocks = padded.reshape(brows, BLOCK, bcols, BLOCK).any(axis=(1, 3))
    table = np.zeros((brows + 1, bcols + 1), dtype=np.int64)
    table[1:, 1:] = blocks.cumsum(axis=0).cumsum(axis=1)
    gx0, _, _, gy1 = grid.bounds
    col0 = np.floor((bounds[:, 0] - gx0) / grid.res_x)
    col1 = np.ceil((bounds[:, 2] - gx0) / grid.res_x)
    row0 = np.floor((gy1 - bounds[:, 3]) / grid.res_y)
    row1 = np.ceil((gy1 - bounds[:, 1]) / grid.res_y)
    outside = (col0 < 0) | (row0 < 0) | (col1 > cols) | (row1 > rows) | ~np.isfinite(col0)
    b_c0 = (np.clip(np.nan_to_num(col0), 0, cols) // BLOCK).astype(np.intp)
    b_r0 = (np.clip(np.nan_to_num(row0), 0, rows) // BLOCK).astype(np.intp)
    b_c1 = np.minimum(-(-np.clip(np.nan_to_num(col1), 0, cols) // BLOCK), bcols).astype(np.intp)
    b_r1 = np.minimum(-(-np.clip(np.nan_to_num(row1), 0, rows) // BLOCK), brows).astype(np.intp)
    hits = table[b_r1, b_c1] - table[b_r0, b_c1] - table[b_r1, b_c0] + table[b_r0, b_c0]
    need: NDArray[np.bool_] = outside | (hits > 0)
    return need


def _exact_sums(
    geoms: GeometryArray,
    grid: RasterGrid,
    depth: NDArray[np.float32],
    min_depth: float,
    feedback: Feedback,
) -> dict[str, NDArray[np.float64]]:
    """Coverage-weighted sums by exactextract: depth over the flooded part, flooded cells,
    cells with data, and the largest flooded depth (in cell units).

    The two rasters exactextract reads (the depth where flooded, else 0; and 1 where
    flooded, else 0; both NaN without data) are made window by window as it asks for them,
    never for the whole raster.
    """
    from exactextract import exact_extract

    cells = _FloodCells(depth, min_depth)
    depth_src = _FloodWindows(cells, grid.bounds, "depth")
    wet_src = _FloodWindows(cells, grid.bounds, "wet")
    names = ("depth_sum", "depth_max", "wet_sum", "wet_count")
    out = {name: np.full(len(geoms), np.nan) for name in names}
    wkb = shapely.to_wkb(geoms)
    for start in range(0, len(geoms), CHUNK):
        feedback.check()
        stop = min(start + CHUNK, len(geoms))
        writer = _ArrayWriter(out, names, offset=start)
        exact_extract(
            [depth_src, wet_src], _WkbSource(wkb[start:stop]), ["sum", "max", "count"],
            include_cols=["id"], output=writer,
        )
        feedback.report(stop / len(geoms), "")
    return out


def zone_exposure(
    geoms: GeometryArray,
    zones: GeometryArray,
    depths: NDArray[np.float64] | None = None,
    *,
    tree: shapely.STRtree | None = None,
) -> FloodExposure:
    """Flood exposure of *geoms* from flood-zone polygons (a zone layer instead of a raster).

    Parameters
    ----------
    geoms
        Polygons to measure (EPSG:25832).
    zones
        The flood zones; they may overlap (the flooded area is their union).
    depths
        A depth in metres per zone, or None if the zones carry none (then the depths in the
        result are NaN).
    tree
        An STRtree over *zones*, to reuse one.

    Returns
    -------
    FloodExposure
        ``data_m2`` is the whole area (zone layers cover everything they do not mark);
        ``mean_depth`` is area-weighted over the overlapping parts of the zones.
    """
    geoms = np.asarray(geoms, dtype=object)
    n = len(geoms)
    area = shapely.area(geoms).astype(float) if n else np.empty(0)
    pairs = intersect_pairs(geoms, np.asarray(zones, dtype=object), tree)
    unions, keys = union_by_group(pairs.geometries, pairs.left)
    wet_m2 = np.zeros(n)
    if len(keys):
        wet_m2[keys] = shapely.area(unions)
    mean_depth = np.full(n, np.nan)
    max_depth = np.full(n, np.nan) if depths is None else np.zeros(n)
    if depths is not None and len(pairs):
        d = np.asarray(depths, dtype=float)[pairs.right]
        weight = sum_per_group(pairs.areas, pairs.left, n)
        weighted = sum_per_group(pairs.areas * d, pairs.left, n)
        with np.errstate(divide="ignore", invalid="ignore"):
            mean_depth = np.where(weight > 0, weighted / weight, np.nan)
        np.maximum.at(max_depth, pairs.left, d)
    return FloodExposure(area, wet_m2, area.copy(), mean_depth, max_depth)


# -- exactextract glue: features as WKB in, sums straight into numpy arrays out -------------
try:  # exactextract's classes are the base of the glue; import lazily for type checking
    from exactextract.feature import Feature as _Feature
    from exactextract.feature import FeatureSource as _FeatureSource
    from exactextract.writer import Writer as _Writer
except ImportError:  # pragma: no cover - exactextract is a dependency
    _Feature = _FeatureSource = _Writer = object


try:
    from exactextract.raster import RasterSource as _RasterSource
except ImportError:  # pragma: no cover - exactextract is a dependency
    _RasterSource = object


class _FloodCells:
    """The two rasters exactextract reads, made from the depths one window at a time: both
    at once for a window (it asks for the depth and then the flooded cells of the same
    window for each polygon), each handed out once."""

    def __init__(self, depth: NDArray[np.float32], min_depth: float) -> None:
        self.depth, self.min_depth = depth, min_depth
        self._key: tuple[int, int, int, int] | None = None
        self._made: dict[str, NDArray[np.float32]] = {}

    def window(self, kind: str, x0: int, y0: int, nx: int, ny: int) -> NDArray[np.float32]:
        """``"depth"``: the depth where flooded and 0 elsewhere; ``"wet"``: 1 where flooded
        and 0 elsewhere; both NaN where the depth raster has no data."""
        key = (x0, y0, nx, ny)
        if key != self._key or kind not in self._made:
            window = self.depth[y0:y0 + ny, x0:x0 + nx]
            with np.errstate(invalid="ignore"):
                wet = window > self.min_depth
            nodata = np.isnan(window)
            depth = np.where(wet, window, np.float32(0.0))
            depth[nodata] = np.nan
            flooded = wet.astype(np.float32)
            flooded[nodata] = np.nan
            self._key, self._made = key, {"depth": depth, "wet": flooded}
        return self._made.pop(kind)


class _FloodWindows(_RasterSource):  # type: ignore[misc]
    """A raster exactextract reads window by window, derived from the depths on the fly
    (:class:`_FloodCells`): ``"depth"`` or ``"wet"``."""

    def __init__(self, cells: _FloodCells, bounds: Bounds, kind: str) -> None:
        super().__init__()
        self.cells, self.bounds, self.kind = cells, bounds, kind
        self.set_name(kind)

    def res(self) -> tuple[float, float]:
        rows, cols = self.cells.depth.shape
        minx, miny, maxx, maxy = self.bounds
        return (maxx - minx) / cols, (maxy - miny) / rows

    def extent(self) -> Bounds:
        return self.bounds

    def srs_wkt(self) -> None:
        return None

    def nodata_value(self) -> None:
        return None

    def read_window(self, x0: int, y0: int, nx: int, ny: int) -> NDArray[np.float32]:
        return self.cells.window(self.kind, x0, y0, nx, ny)


class _WkbFeature(_Feature):  # type: ignore[misc]
    """One polygon by position, its geometry as WKB; results land in ``values``."""

    def __init__(self, position: int, wkb: bytes | None) -> None:
        _Feature.__init__(self)
        self.position = position
        self.wkb = wkb
        self.values: dict[str, Any] = {}

    def geometry(self) -> bytes | None:
        return self.wkb

    def set_geometry_format(self) -> str:
        return "wkb"

    def set_geometry(self, wkb: bytes | None) -> None:
        self.wkb = wkb

    def get(self, name: str) -> Any:
        return self.position if name == "id" else self.values[name]

    def set(self, name: str, value: Any) -> None:
        self.values[name] = value

    def fields(self) -> list[str]:
        return ["id", *self.values]


class _WkbSource(_FeatureSource):  # type: ignore[misc]
    def __init__(self, wkb: NDArray[np.object_]) -> None:
        super().__init__()
        self.wkb = wkb

    def count(self) -> int:
        return len(self.wkb)

    def __iter__(self) -> Iterator[_WkbFeature]:
        for i, item in enumerate(self.wkb):
            yield _WkbFeature(i, item)

    def srs_wkt(self) -> None:
        return None


class _ArrayWriter(_Writer):  # type: ignore[misc]
    def __init__(self, out: dict[str, NDArray[np.float64]], names: tuple[str, ...],
                 offset: int) -> None:
        super().__init__()
        self.out = out
        self.names = names
        self.offset = offset

    def add_operation(self, op: Any) -> None:
        pass

    def add_column(self, name: str) -> None:
        pass

    def add_geometry(self) -> None:
        pass

    def write(self, feature: Any) -> None:
        holder = _WkbFeature(-1, None)
        feature.copy_to(holder)
        row = self.offset + int(holder.values["id"])
        for name in self.names:
            value = holder.values.get(name)
            self.out[name][row] = np.nan if value is None else float(value)

    def features(self) -> dict[str, NDArray[np.float64]]:
        return self.out
