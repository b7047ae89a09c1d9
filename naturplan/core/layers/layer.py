"""Loaded layers: a role, its data in EPSG:25832, and where it came from."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from naturplan.core.layers.roles import Role

if TYPE_CHECKING:  # geopandas is imported by whoever builds a frame, not to name the type
    import geopandas as gpd


@dataclass(frozen=True)
class LayerSource:
    """Where a layer was read from and what was done to it on the way in.

    Attributes
    ----------
    path
        The file.
    layer
        The layer inside a multi-layer file (GeoPackage, GML), or None.
    driver
        The OGR/GDAL driver that read it ("GPKG", "GeoJSON", "GTiff", ...).
    source_crs
        The CRS the file declared (or the user stated), as "EPSG:nnnn" or WKT.
    mapping
        The name of the field mapping applied.
    synthetic
        True if the data is a generated sample, not real data.
    description
        Free text from the file's metadata (attribution, generator).
    """

    path: Path
    layer: str | None = None
    driver: str = ""
    source_crs: str = ""
    mapping: str = ""
    synthetic: bool = False
    description: str = ""

    @property
    def label(self) -> str:
        """``file.gpkg:layer`` or ``file.tif``."""
        return f"{self.path.name}:{self.layer}" if self.layer else self.path.name


@dataclass(frozen=True)
class LoadReport:
    """What happened to the features of a vector layer while loading.

    Attributes
    ----------
    read
        Features in the source.
    repaired
        Invalid geometries repaired with ``make_valid``.
    dropped_empty
        Features with no geometry, or whose geometry was empty, dropped.
    dropped_non_polygon
        Features of another geometry type (points, lines) dropped from a polygon role.
    z_dropped
        True if the source had Z coordinates that were removed.
    reprojected
        True if the source CRS was not EPSG:25832.
    dropped_types
        Geometry type → features of that type left out (points and lines of a polygon role).
    dropped_non_finite, dropped_outside
        Features left out for a coordinate that is NaN or infinite, or that lies outside the
        area EPSG:25832 is made for (``core.geometry.WORKING_BOUNDS``: absurd, or a wrong CRS).
    """

    read: int = 0
    repaired: int = 0
    dropped_empty: int = 0
    dropped_non_polygon: int = 0
    z_dropped: bool = False
    reprojected: bool = False
    dropped_types: Mapping[str, int] = field(default_factory=dict)
    dropped_non_finite: int = 0
    dropped_outside: int = 0

    @property
    def dropped_coordinates(self) -> int:
        """Features left out for their coordinates (not finite, or far outside)."""
        return self.dropped_non_finite + self.dropped_outside


@dataclass
class VectorLayer:
    """A polygon layer in EPSG:25832 with its role's canonical fields.

    ``frame`` keeps the source's own columns next to the canonical ones.
    """

    role: Role
    frame: gpd.GeoDataFrame
    source: LayerSource
    report: LoadReport = field(default_factory=LoadReport)
    name: str = ""

    @property
    def feature_count(self) -> int:
        return len(self.frame)

    @property
    def is_raster(self) -> bool:
        return False

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        minx, miny, maxx, maxy = self.frame.total_bounds
        return float(minx), float(miny), float(maxx), float(maxy)


@dataclass
class RasterLayer:
    """A single-band raster (flood depth in m, or lowland classes) read on demand.

    The pixels stay in the file; readers open it with rasterio and, where the file's CRS
    is not EPSG:25832, through a warped view (see :mod:`naturplan.io.raster`).
    """

    role: Role
    source: LayerSource
    bounds: tuple[float, float, float, float]
    width: int
    height: int
    resolution: tuple[float, float]
    nodata: float | None
    units: str = "m"
    name: str = ""
    value_range: tuple[float, float] = (0.0, 0.0)

    @property
    def feature_count(self) -> int:
        return self.width * self.height

    @property
    def is_raster(self) -> bool:
        return True


@dataclass
class WindowedLayer(VectorLayer):
    """A polygon layer too large to hold whole (issue 24 §2: 2.5 million parcels): its
    ``frame`` holds only the features of one window of the map, read through the file's
    spatial index (:mod:`naturplan.io.windowed`), simplified to *resolution* metres.

    Attributes
    ----------
    total
        Features in the whole layer (what :attr:`feature_count` reports).
    extent
        The whole layer's bounds (what :attr:`bounds` reports).
    window
        The box the frame was read for (EPSG:25832), None before the first read.
    resolution
        Metres per pixel the window was read (and simplified) for; 0 before the first read.
    capped
        True when the window held more features than are drawn at once: the frame is empty
        and the map says to zoom in.
    request
        What the layer is read with (``naturplan.io.loading.LayerRequest``; the core does
        not read files).
    """

    total: int = 0
    extent: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)
    window: tuple[float, float, float, float] | None = None
    resolution: float = 0.0
    capped: bool = False
    request: Any = None

    @property
    def feature_count(self) -> int:
        return self.total

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        return self.extent

    def covers(self, bounds: tuple[float, float, float, float], resolution: float) -> bool:
        """True when the frame already holds what a view of *bounds* at *resolution* m/px
        draws: the window contains the view and was simplified for at most twice as coarse a
        pixel. A capped window covers nothing (a closer view may hold few enough)."""
        if self.window is None or self.capped:
            return False
        minx, miny, maxx, maxy = self.window
        inside = (minx <= bounds[0] and miny <= bounds[1] and maxx >= bounds[2]
                  and maxy >= bounds[3])
        return inside and resolution >= self.resolution / 2


Layer = VectorLayer | RasterLayer
