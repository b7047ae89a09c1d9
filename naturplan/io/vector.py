"""Reading vector files: any format OGR reads, into EPSG:25832, 2-D and valid.

Three depths of reading, so that a command reads only what it needs:

- :func:`inspect_vector`: the schema, geometry type, CRS, feature count and metadata, from the
  file's own tables, no features read;
- :func:`read_geometries`: the clean geometries and a few columns as numpy arrays (no pandas);
- :func:`read_vector`: the whole attribute table as a GeoDataFrame, for the map and identify.

GeoPackages are inspected and their geometries read with :mod:`sqlite3`
(:mod:`naturplan.io.geopackage`); everything else, and every GeoDataFrame, goes through
pyogrio (with Arrow through pyarrow, a dependency: 100,000 parcels from a GeoPackage in 0.28 s,
fiona takes 6.3 s). pyogrio, pandas, geopandas and pyproj are imported only when used:
together they take longer to import than ``naturplan stats`` takes to compute.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import shapely

from naturplan.core.errors import LayerLoadError, MissingCRSError
from naturplan.core.geometry import CleanResult, GeometryArray, clean_polygons, quiet_numbers
from naturplan.core.layers.layer import LoadReport
from naturplan.core.layers.roles import WORKING_EPSG
from naturplan.io import geopackage

if TYPE_CHECKING:
    import geopandas as gpd
    from pyproj import CRS

WORKING_CRS = f"EPSG:{WORKING_EPSG}"

#: Layer names that play a role when a multi-layer file is given without a layer name.
PREFERRED_LAYERS = {
    "parcels": ("Jordstykke", "jordstykke"),
    "municipality": ("kommune", "Kommuneinddeling"),
}


@dataclass(frozen=True)
class VectorInfo:
    """One layer of a vector file as the file describes it (no features read).

    Attributes
    ----------
    path, layer
        The file and the layer in it (None for a single-layer format that names none).
    driver
        The format (``"GPKG"``, ``"GeoJSON"``, ``"ESRI Shapefile"`` ...).
    crs
        The declared CRS (``"EPSG:nnnn"`` or WKT), None if the file declares none.
    geometry_type
        The declared geometry type in OGR's spelling (``"MultiPolygon"``, ``"Point"``,
        ``"Unknown"`` for mixed or undeclared).
    fields
        The attribute field names.
    features
        The number of features.
    metadata
        The layer's and the dataset's metadata items (``NATURPLAN_SYNTHETIC``, ``DESCRIPTION``).
    gpkg
        A GeoPackage table's own description, kept for reading it (not described twice).
    """

    path: Path
    layer: str | None
    driver: str
    crs: str | None
    geometry_type: str
    fields: tuple[str, ...]
    features: int
    metadata: Mapping[str, str] = field(default_factory=dict)
    gpkg: geopackage.GpkgLayer | None = field(default=None, compare=False, repr=False)

    @property
    def description(self) -> str:
        return self.metadata.get("DESCRIPTION", "")

    @property
    def synthetic(self) -> bool:
        """True if the file says it is a generated sample (``NATURPLAN_SYNTHETIC=true``)."""
        return self.metadata.get("NATURPLAN_SYNTHETIC", "").lower() == "true"

    @property
    def geometry_kind(self) -> str:
        """``"polygon"``, ``"other"`` (points or lines only) or ``"unknown"`` (mixed)."""
        return geometry_kind(self.geometry_type)


@dataclass(frozen=True)
class GeometryRead:
    """Clean polygons of a layer in EPSG:25832 and the columns asked for, row for row."""

    geometries: GeometryArray
    columns: dict[str, np.ndarray]
    source_crs: str
    report: LoadReport


@dataclass(frozen=True)
class VectorRead:
    """A vector layer as read: cleaned geometry in EPSG:25832 and the source's metadata."""

    frame: gpd.GeoDataFrame
    layer: str | None
    driver: str
    source_crs: str
    report: LoadReport
    metadata: dict[str, str]
    description: str


def geometry_kind(geometry_type: str | None) -> str:
    """``"polygon"``, ``"other"`` or ``"unknown"`` for an OGR geometry type name."""
    name = (geometry_type or "").lower()
    if "polygon" in name or "surface" in name:
        return "polygon"
    if not name or "unknown" in name or "geometry" in name or name == "none":
        return "unknown"
    return "other"


def parse_crs(text: str | int) -> CRS:
    """Parse "25832", "EPSG:25832" or a WKT/PROJ string.

    Raises
    ------
    LayerLoadError
        If pyproj does not know the CRS.
    """
    from pyproj import CRS
    from pyproj.exceptions import CRSError

    value = str(text).strip()
    if value.isdigit():
        value = f"EPSG:{value}"
    try:
        return CRS.from_user_input(value)
    except CRSError as exc:
        raise LayerLoadError(
            "Unknown CRS '{crs}': {reason}", crs=str(text), reason=_first_line(exc)
        ) from None


def frame_to_working_crs(frame: Any, name: str, assume_crs: str | int | None) -> tuple[Any, str]:
    """*frame* (a GeoDataFrame) in EPSG:25832 with its geometry column named ``geometry``, and
    the CRS it came in as a label ("EPSG:4326"); a frame without a CRS takes *assume_crs*.

    Raises
    ------
    MissingCRSError
        If the frame has no CRS and none is assumed.
    """
    from naturplan.core.layers.roles import WORKING_EPSG

    if frame.crs is None:
        if assume_crs is None:
            raise MissingCRSError("'{name}' has no coordinate reference system.", name=name)
        frame = frame.set_crs(parse_crs(assume_crs), allow_override=True)
    epsg = frame.crs.to_epsg()
    label = f"EPSG:{epsg}" if epsg else frame.crs.to_string()
    if epsg != WORKING_EPSG:
        frame = frame.to_crs(WORKING_EPSG)
    if frame.geometry.name != "geometry":
        frame = frame.rename_geometry("geometry")
    return frame, label


def list_layers(path: Path) -> list[tuple[str, str | None]]:
    """(name, geometry type) of every layer in a vector file.

    Raises
    ------
    LayerLoadError
        If the file cannot be read.
    """
    if geopackage.is_geopackage(path):
        return geopackage.list_layers(path)
    import pyogrio

    try:
        return [(str(n), None if t is None else str(t)) for n, t in pyogrio.list_layers(path)]
    except Exception as exc:  # pyogrio raises DataSourceError and others
        raise LayerLoadError(
            "Cannot read '{name}': {reason}", name=Path(path).name, reason=_first_line(exc)
        ) from None


def list_fields(path: Path, layer: str | None = None) -> list[str]:
    """The attribute field names of a vector layer, read from its schema (no features).

    Raises
    ------
    LayerLoadError
        If the file or layer cannot be read.
    """
    return list(inspect_vector(path, layer).fields)


def inspect_vector(
    path: Path, layer: str | None = None, role_hint: str | None = None
) -> VectorInfo:
    """Describe one layer of a vector file without reading its features.

    Parameters
    ----------
    path
        The file.
    layer
        Layer name in a multi-layer file; by default the role's usual layer (``Jordstykke``
        for parcels), the first polygon layer, or the first layer.
    role_hint
        The role the layer is read for, used to pick a default layer.

    Raises
    ------
    LayerLoadError
        Missing or unreadable file, unknown layer.
    """
    path = Path(path)
    if not path.exists():
        raise LayerLoadError("File not found: {path}", path=str(path))
    chosen = _choose_layer(path, list_layers(path), layer, role_hint)
    if geopackage.is_geopackage(path) and chosen is not None:
        gpkg = geopackage.describe_layer(path, chosen)
        return VectorInfo(
            path=path, layer=chosen, driver="GPKG", crs=gpkg.crs,
            geometry_type=gpkg.geometry_type, fields=gpkg.fields, features=gpkg.features,
            metadata=gpkg.metadata, gpkg=gpkg,
        )
    import pyogrio

    try:
        info = pyogrio.read_info(path, layer=chosen, force_feature_count=True)
    except Exception as exc:
        raise LayerLoadError(
            "Cannot read '{name}': {reason}", name=path.name, reason=_first_line(exc)
        ) from None
    metadata = {str(k): str(v) for k, v in (info.get("dataset_metadata") or {}).items()}
    metadata.update({str(k): str(v) for k, v in (info.get("layer_metadata") or {}).items()})
    return VectorInfo(
        path=path, layer=chosen, driver=str(info.get("driver", "")),
        crs=None if not info.get("crs") else str(info["crs"]),
        geometry_type=str(info.get("geometry_type") or "Unknown"),
        fields=tuple(str(f) for f in info["fields"]),
        features=max(int(info.get("features") or 0), 0),
        metadata=metadata,
    )


def read_geometries(
    info: VectorInfo, columns: Sequence[str] = (), *, assume_crs: str | int | None = None,
    near: tuple[float, float, float, float] | None = None,
) -> GeometryRead:
    """Read the clean polygons of a layer and *columns* as numpy arrays (no pandas).

    With *near* (in the file's CRS) a GeoPackage with an R-tree leaves out the features whose
    boxes do not meet it (:func:`naturplan.io.geopackage.read_layer`); other files are read
    whole.

    Raises
    ------
    LayerLoadError
        Unreadable file or missing column.
    MissingCRSError
        The file has no CRS and *assume_crs* is None.
    """
    _check_crs(info, assume_crs)
    if info.driver == "GPKG" and info.layer is not None:
        geoms, values = geopackage.read_layer(info.path, _gpkg(info), columns, near=near)
    else:
        geoms, values = _read_raw(info, columns)
    had_z = _has_z(geoms)
    geoms, source_crs, reprojected = to_working_crs(geoms, info, assume_crs)
    clean, report = _clean(geoms, reprojected, had_z)
    return GeometryRead(
        geometries=clean.geometries[clean.keep],
        columns={name: column[clean.keep] for name, column in values.items()},
        source_crs=source_crs,
        report=report,
    )


def read_columns(info: VectorInfo, columns: Sequence[str]) -> dict[str, np.ndarray]:
    """The values of attribute *columns* of every feature (no geometry, no pandas).

    Raises
    ------
    LayerLoadError
        Unreadable file or missing column.
    """
    if info.driver == "GPKG" and info.layer is not None:
        return geopackage.read_layer(info.path, _gpkg(info), columns, geometry=False)[1]
    return _read_raw(info, columns, geometry=False)[1]


def read_vector(
    path: Path,
    layer: str | None = None,
    *,
    assume_crs: str | int | None = None,
    role_hint: str | None = None,
    bbox: tuple[float, float, float, float] | None = None,
    info: VectorInfo | None = None,
    raw: bool = False,
    columns: Sequence[str] | None = None,
    skip_features: int = 0,
    max_features: int | None = None,
    where: str | None = None,
    fids: bool = False,
) -> VectorRead:
    """Read one layer of a vector file into EPSG:25832 with clean polygonal geometry.

    Parameters
    ----------
    path
        The file (GeoPackage, shapefile, GeoJSON, GML, FlatGeobuf, ...).
    layer
        Layer name in a multi-layer file; by default the role's usual layer
        (``Jordstykke`` for parcels) or the first one.
    assume_crs
        The CRS to use when the file declares none (it never overrides a declared CRS).
    role_hint
        The role the layer is read for, used to pick a default layer.
    bbox
        Only read features intersecting this box, in the file's CRS.
    info
        The layer's description if it was already inspected.
    raw
        Keep every feature as read, with its feature id (FID) as the index: no repair, no
        dropping, only the CRS transformed. For readers that check each feature themselves
        (the candidate import reports every broken feature by its FID).
    columns
        Read only these attribute fields (all if None).
    skip_features, max_features
        Read only this part of the layer (a large layer read in parts).
    where
        Only the features this SQL condition selects (a tile of the national parcels).
    fids
        Keep each feature's id (FID) as the index of the cleaned frame.

    Raises
    ------
    LayerLoadError
        Missing or unreadable file, unknown layer.
    MissingCRSError
        The file has no CRS and *assume_crs* is None.
    """
    import geopandas as gpd
    import pyogrio

    info = info or inspect_vector(path, layer, role_hint)
    _check_crs(info, assume_crs)
    try:
        with quiet_numbers():
            frame = pyogrio.read_dataframe(
                info.path, layer=info.layer, use_arrow=_use_arrow(info), bbox=bbox,
                fid_as_index=raw or fids, columns=None if columns is None else list(columns),
                skip_features=skip_features, max_features=max_features, where=where,
            )
    except Exception as exc:
        raise LayerLoadError(
            "Cannot read '{name}': {reason}", name=info.path.name, reason=_first_line(exc)
        ) from None
    if not isinstance(frame, gpd.GeoDataFrame) or frame.geometry is None:
        raise LayerLoadError("'{name}' has no geometry column.", name=info.path.name)
    geoms = np.asarray(frame.geometry.array, dtype=object)
    had_z = _has_z(geoms)
    geoms, source_crs, reprojected = to_working_crs(geoms, info, assume_crs)
    if raw:
        as_read = gpd.GeoDataFrame(
            frame.drop(columns=frame.geometry.name),
            geometry=gpd.GeoSeries(geoms, index=frame.index, crs=WORKING_EPSG),
        )
        return VectorRead(
            frame=as_read, layer=info.layer, driver=info.driver, source_crs=source_crs,
            report=LoadReport(read=len(frame), reprojected=reprojected),
            metadata=dict(info.metadata), description=info.description,
        )
    clean, report = _clean(geoms, reprojected, had_z)
    kept = frame.drop(columns=frame.geometry.name).loc[clean.keep].reset_index(drop=not fids)
    cleaned = gpd.GeoDataFrame(
        kept, geometry=gpd.GeoSeries(clean.geometries[clean.keep], crs=WORKING_EPSG)
    )
    return VectorRead(
        frame=cleaned,
        layer=info.layer,
        driver=info.driver,
        source_crs=source_crs,
        report=report,
        metadata=dict(info.metadata),
        description=info.description,
    )


def to_working_crs(
    geoms: GeometryArray, info: VectorInfo, assume_crs: str | int | None
) -> tuple[GeometryArray, str, bool]:
    """*geoms* (in *info*'s CRS, or *assume_crs* if it declares none) in EPSG:25832.

    Returns
    -------
    geometries, source_crs, reprojected
        The geometries (2-D where they were reprojected), the source CRS as
        ``"EPSG:nnnn"`` or WKT, and whether they had to be reprojected.

    Raises
    ------
    MissingCRSError
        If the layer has no CRS and *assume_crs* is None.
    LayerLoadError
        If the CRS is unknown or the reprojection fails.
    """
    declared = info.crs
    if declared is None:
        _check_crs(info, assume_crs)
        declared = f"EPSG:{assume_crs}" if str(assume_crs).strip().isdigit() else str(assume_crs)
    if declared.upper() == WORKING_CRS:
        return geoms, WORKING_CRS, False
    source = parse_crs(declared)
    epsg = source.to_epsg()
    label = f"EPSG:{epsg}" if epsg else source.to_string()
    if epsg == WORKING_EPSG or source.equals(parse_crs(WORKING_EPSG)):
        return geoms, label, False
    try:
        from pyproj import Transformer

        transformer = Transformer.from_crs(source, WORKING_EPSG, always_xy=True)
        moved = shapely.transform(  # 2-D out: Z is dropped on load anyway
            geoms, lambda xy: np.column_stack(transformer.transform(xy[:, 0], xy[:, 1]))
        )
    except Exception as exc:
        raise LayerLoadError(
            "Cannot reproject '{name}' from {crs} to EPSG:{epsg}: {reason}",
            name=info.path.name, crs=label, epsg=str(WORKING_EPSG), reason=_first_line(exc),
        ) from None
    return np.asarray(moved, dtype=object), label, True


#: Formats whose text GDAL must decode itself: a shapefile without ``.cpg`` is often
#: cp1252/Latin-1 (written by Danish desktop GIS), and pyogrio's Arrow path hands its bytes
#: on as UTF-8 (``UnicodeDecodeError``), while GDAL's own reader (the one
#: :func:`read_geometries` uses for layers) recodes them from the declared or default
#: encoding.
_OWN_ENCODING_DRIVERS = frozenset({"ESRI Shapefile"})


def _use_arrow(info: VectorInfo) -> bool:
    return info.driver not in _OWN_ENCODING_DRIVERS


def _check_crs(info: VectorInfo, assume_crs: str | int | None) -> None:
    if info.crs is None and assume_crs is None:
        raise MissingCRSError(
            "'{name}' has no coordinate reference system.", name=info.path.name
        )


def _read_raw(
    info: VectorInfo, columns: Sequence[str], geometry: bool = True
) -> tuple[GeometryArray, dict[str, np.ndarray]]:
    import pyogrio.raw

    missing = [c for c in columns if c not in info.fields]
    if missing:
        raise LayerLoadError(
            "'{name}' layer '{layer}' has no field {missing}.",
            name=info.path.name, layer=info.layer or info.path.stem, missing=", ".join(missing),
        )
    try:
        result: Any = pyogrio.raw.read(
            info.path, layer=info.layer, columns=list(columns), read_geometry=geometry
        )
    except Exception as exc:
        raise LayerLoadError(
            "Cannot read '{name}': {reason}", name=info.path.name, reason=_first_line(exc)
        ) from None
    meta, _, wkb, field_data = result
    names = [str(n) for n in meta["fields"]]
    values = {name: np.asarray(field_data[names.index(name)], dtype=object) for name in columns}
    if not geometry:
        return np.empty(0, dtype=object), values
    if wkb is None:
        raise LayerLoadError("'{name}' has no geometry column.", name=info.path.name)
    with quiet_numbers():
        return np.asarray(shapely.from_wkb(wkb), dtype=object), values


def _choose_layer(
    path: Path,
    layers: list[tuple[str, str | None]],
    layer: str | None,
    role_hint: str | None,
) -> str | None:
    names = [name for name, _ in layers]
    if not names:
        raise LayerLoadError("'{name}' contains no layers.", name=path.name)
    if layer is not None:
        if layer not in names:
            raise LayerLoadError(
                "'{name}' has no layer '{layer}'. Layers: {layers}.",
                name=path.name, layer=layer, layers=", ".join(names),
            )
        return layer
    if len(names) == 1:
        return names[0]
    for preferred in PREFERRED_LAYERS.get(role_hint or "", ()):
        if preferred in names:
            return preferred
    polygonal = [n for n, t in layers if geometry_kind(t) == "polygon"]
    return (polygonal or names)[0]


def _gpkg(info: VectorInfo) -> geopackage.GpkgLayer:
    """The GeoPackage table of *info* (GPKG driver, a layer), as described when inspected."""
    assert info.layer is not None
    return info.gpkg or geopackage.describe_layer(info.path, info.layer)


def _has_z(geoms: GeometryArray) -> bool:
    present = ~shapely.is_missing(geoms)
    return bool(present.any() and shapely.has_z(geoms[present]).any())


def _clean(
    geoms: GeometryArray, reprojected: bool, had_z: bool
) -> tuple[CleanResult, LoadReport]:
    result = clean_polygons(geoms)
    report = LoadReport(
        read=len(geoms),
        repaired=result.repaired,
        dropped_empty=result.dropped_empty,
        dropped_non_polygon=result.dropped_non_polygon,
        z_dropped=result.z_dropped or had_z,
        reprojected=reprojected,
        dropped_types=dict(result.dropped_types),
        dropped_non_finite=result.dropped_non_finite,
        dropped_outside=result.dropped_outside,
    )
    return result, report


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]
