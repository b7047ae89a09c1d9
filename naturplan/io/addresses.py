"""Reading addresses (DAR/DAWA adgangsadresser) as points in EPSG:25832.

Two kinds of source:

- **CSV with coordinates**, as DAWA's download and most registers export it: the columns
  ``etrs89koordinat_øst`` / ``etrs89koordinat_nord`` (EPSG:25832), ``wgs84koordinat_længde``
  / ``wgs84koordinat_bredde`` (EPSG:4326), or plain ``x`` / ``y`` (``--assume-crs`` says
  which CRS; without it, numbers that look like longitude/latitude are read as EPSG:4326
  and numbers in metres as EPSG:25832). Separator ``;`` or ``,``; UTF-8, or cp1252 as old
  Windows exports write it.
- **Any OGR vector format** with points (GeoJSON from DAWA, GeoPackage, shapefile, GML).

The canonical fields are DAWA's own names, ``vejnavn``, ``husnr``, ``postnr``, ``postnrnavn``;
another schema is mapped with ``--field addresses.vejnavn=STREET``. Rows without a coordinate
are dropped and counted in the load report.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shapely

from naturplan.core.errors import (
    CoordinatesError,
    FieldMappingError,
    LayerLoadError,
)
from naturplan.core.geometry import CoordinateProblem, coordinate_problems
from naturplan.core.layers.fieldmap import identity_mapping, user_mapping
from naturplan.core.layers.layer import LayerSource, LoadReport, VectorLayer
from naturplan.core.layers.roles import ROLE_SPECS, WORKING_EPSG, Role
from naturplan.io.vector import frame_to_working_crs, inspect_vector, parse_crs

if TYPE_CHECKING:  # geopandas, pandas and pyogrio are imported when addresses are read:
    import geopandas as gpd  # a report that only counts them (stats) stays light

#: Coordinate column pairs, tried in order, with the CRS they are in (None = ask or guess).
COORDINATE_COLUMNS: tuple[tuple[str, str, int | None], ...] = (
    ("etrs89koordinat_øst", "etrs89koordinat_nord", 25832),
    ("etrs89koordinat_oest", "etrs89koordinat_nord", 25832),
    ("wgs84koordinat_længde", "wgs84koordinat_bredde", 4326),
    ("wgs84koordinat_laengde", "wgs84koordinat_bredde", 4326),
    ("x", "y", None),
    ("lon", "lat", 4326),
    ("longitude", "latitude", 4326),
    ("easting", "northing", None),
)
CSV_SUFFIXES = {".csv", ".txt", ".tsv"}


def read_addresses(
    path: Path,
    layer: str | None = None,
    *,
    assume_crs: str | int | None = None,
    fields: Mapping[str, str] | None = None,
) -> VectorLayer:
    """Read an address file into an ``addresses`` layer (points in EPSG:25832).

    Parameters
    ----------
    path
        A CSV file with coordinate columns, or any OGR vector file with points.
    layer
        The layer of a multi-layer file.
    assume_crs
        The CRS of coordinates the file does not declare.
    fields
        The user's mapping, canonical field → source field.

    Raises
    ------
    LayerLoadError
        Missing or unreadable file, no coordinates, no points.
    MissingCRSError
        An OGR file without a CRS and no *assume_crs*.
    FieldMappingError
        No street name and house number fields, and no mapping that gives them.
    """
    import geopandas as gpd

    path = Path(path)
    if not path.exists():
        raise LayerLoadError("File not found: {path}", path=str(path))
    if path.suffix.lower() in CSV_SUFFIXES:
        frame, driver, crs_label = _read_csv(path, assume_crs)
        read_layer = None
    else:
        frame, driver, crs_label, read_layer = _read_ogr(path, layer, assume_crs)
    read = len(frame)
    points, problems = _points_only(frame, path.name)
    non_finite = int((problems == CoordinateProblem.NON_FINITE).sum())
    outside = int((problems == CoordinateProblem.OUTSIDE).sum())
    mapping = user_mapping(Role.ADDRESSES, fields) if fields else identity_mapping(Role.ADDRESSES)
    missing = [name for name in ROLE_SPECS[Role.ADDRESSES].required
               if (fields or {}).get(name, name) not in points.columns]
    if missing:
        have = ", ".join(c for c in frame.columns if c != "geometry") or "no fields"
        raise FieldMappingError(
            "'{file}' has no {fields} for addresses; it has: {have}.",
            file=path.name, fields=", ".join(missing), have=have,
        )
    mapped = gpd.GeoDataFrame(mapping.apply(points), geometry="geometry", crs=WORKING_EPSG)
    _normalise(mapped)
    report = LoadReport(read=read, dropped_empty=read - len(mapped) - non_finite - outside,
                        reprojected=crs_label not in ("EPSG:25832", ""),
                        dropped_non_finite=non_finite, dropped_outside=outside)
    source = LayerSource(
        path=path, layer=read_layer, driver=driver, source_crs=crs_label,
        mapping=mapping.name, synthetic=_synthetic(path, read_layer), description="",
    )
    return VectorLayer(Role.ADDRESSES, mapped.reset_index(drop=True), source, report,
                       name=read_layer or path.stem)


def inspect_addresses(
    path: Path, layer: str | None = None, assume_crs: str | int | None = None
) -> tuple[LayerSource, int]:
    """The source and the number of addresses of an address file, without reading them
    (a report on the loaded layers needs no more).

    Raises
    ------
    LayerLoadError
        If the file is missing or unreadable, or a CSV has no coordinate columns.
    """
    path = Path(path)
    if not path.exists():
        raise LayerLoadError("File not found: {path}", path=str(path))
    if path.suffix.lower() in CSV_SUFFIXES:
        text = _decode(path)
        lines = [line for line in text.splitlines() if line.strip()]
        header = lines[0].lower() if lines else ""
        found = next(((x, y, epsg) for x, y, epsg in COORDINATE_COLUMNS
                      if x in header and y in header), None)
        if found is None:
            raise LayerLoadError(
                "'{file}' has no coordinate columns (etrs89koordinat_øst/nord, "
                "wgs84koordinat_længde/bredde or x/y); it has: {have}.",
                file=path.name, have=lines[0] if lines else "")
        crs = f"EPSG:{found[2]}" if found[2] else str(assume_crs or "")
        return LayerSource(path=path, driver="CSV", source_crs=crs,
                           mapping="DAWA adgangsadresser"), max(len(lines) - 1, 0)
    info = inspect_vector(path, layer, role_hint=Role.ADDRESSES.value)
    source = LayerSource(
        path=path, layer=info.layer, driver=info.driver,
        source_crs=str(info.crs or assume_crs or ""), mapping="DAWA adgangsadresser",
        synthetic=info.synthetic, description=info.description,
    )
    return source, info.features


def _read_csv(path: Path, assume_crs: str | int | None) -> tuple[Any, str, str]:
    import geopandas as gpd
    import pandas as pd

    text = _decode(path)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=";,\t")
        sep = dialect.delimiter
    except csv.Error:
        sep = ","
    from io import StringIO

    try:
        table = pd.read_csv(StringIO(text), sep=sep, dtype=str, keep_default_na=False)
    except (ValueError, pd.errors.ParserError) as exc:
        raise LayerLoadError("Cannot read '{file}': {reason}", file=path.name,
                             reason=str(exc).splitlines()[0]) from None
    table.columns = [str(c).strip().lstrip("\ufeff") for c in table.columns]
    lower = {c.lower(): c for c in table.columns}
    found = next(((xn, yn, code) for xn, yn, code in COORDINATE_COLUMNS
                  if xn in lower and yn in lower), None)
    if found is None:
        raise LayerLoadError(
            "'{file}' has no coordinate columns (etrs89koordinat_øst/nord, "
            "wgs84koordinat_længde/bredde or x/y); it has: {have}.",
            file=path.name, have=", ".join(table.columns),
        )
    xname, yname, epsg = found
    x = pd.to_numeric(table[lower[xname]].str.replace(",", "."), errors="coerce")
    y = pd.to_numeric(table[lower[yname]].str.replace(",", "."), errors="coerce")
    ok = x.notna() & y.notna()
    crs = parse_crs(assume_crs) if assume_crs is not None and epsg is None else None
    if crs is None:
        crs = parse_crs(epsg if epsg is not None else _guess_epsg(x[ok], y[ok]))
    frame = gpd.GeoDataFrame(
        table, geometry=shapely.points(x.to_numpy(float), y.to_numpy(float)), crs=crs
    )
    frame = frame[ok.to_numpy()]
    label = f"EPSG:{crs.to_epsg()}" if crs.to_epsg() else crs.to_string()
    if crs.to_epsg() != WORKING_EPSG:
        frame = frame.to_crs(WORKING_EPSG)
    return frame, "CSV", label


def _decode(path: Path) -> str:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise LayerLoadError("Cannot read '{file}': not UTF-8 or cp1252 text.", file=path.name)


def _guess_epsg(x: Any, y: Any) -> int:
    """EPSG:4326 for longitude/latitude-sized numbers, EPSG:25832 for metres."""
    if len(x) and x.abs().max() <= 180 and y.abs().max() <= 90:
        return 4326
    return 25832


def _read_ogr(
    path: Path, layer: str | None, assume_crs: str | int | None
) -> tuple[Any, str, str, str | None]:
    import geopandas as gpd
    import pyogrio

    try:
        listed = [(str(name), str(kind)) for name, kind in pyogrio.list_layers(path)]
        layers = [name for name, _ in listed]
        if layer is None:
            points = [name for name, kind in listed if "point" in kind.lower()]
            layer = (points or layers or [None])[0]
        elif layer not in layers:
            raise LayerLoadError("'{file}' has no layer '{layer}'. Layers: {layers}.",
                                 file=path.name, layer=layer, layers=", ".join(layers))
        info = pyogrio.read_info(path, layer=layer)
        frame = gpd.read_file(path, layer=layer, engine="pyogrio")
    except LayerLoadError:
        raise
    except Exception as exc:  # pyogrio raises DataSourceError and others
        raise LayerLoadError("Cannot read '{file}': {reason}", file=path.name,
                             reason=str(exc).splitlines()[0] if str(exc) else type(exc).__name__
                             ) from None
    frame, label = frame_to_working_crs(frame, path.name, assume_crs)
    return frame, str(info.get("driver", "")), label, layer


def _points_only(frame: gpd.GeoDataFrame, file: str) -> tuple[gpd.GeoDataFrame, Any]:
    """One point per address: multipoints give their first point, others are dropped, and so
    are points whose coordinates are not finite or lie far outside (returned: the
    :func:`~naturplan.core.geometry.coordinate_problems` of every feature)."""
    import geopandas as gpd

    geoms = frame.geometry.to_numpy()
    if len(geoms) and shapely.has_z(geoms).any():
        geoms = shapely.force_2d(geoms)
    types = shapely.get_type_id(geoms)
    multi = types == shapely.GeometryType.MULTIPOINT
    if multi.any():
        geoms = geoms.copy()
        geoms[multi] = shapely.get_geometry(geoms[multi], 0)
        types = shapely.get_type_id(geoms)
    keep = (types == shapely.GeometryType.POINT) & ~shapely.is_empty(geoms)
    if len(frame) and not keep.any():
        raise LayerLoadError("'{file}' has no points; addresses must be points.",
                             file=file)
    problems = coordinate_problems(geoms)
    problems[~keep] = None  # counted with what is not a point
    absurd = problems != None  # noqa: E711 - elementwise on an object array
    if keep.any() and not (keep & ~absurd).any():
        raise CoordinatesError(
            "None of the {n} features of {name} has coordinates where EPSG:25832 applies "
            "(not finite, or far outside Denmark: is the CRS right?).",
            n=len(frame), name=file,
        )
    keep &= ~absurd
    out = frame.loc[keep].copy()
    out = out.set_geometry(gpd.GeoSeries(geoms[keep], index=out.index, crs=WORKING_EPSG))
    return out, problems


def _normalise(frame: gpd.GeoDataFrame) -> None:
    """Text fields as stripped strings; postnr as four digits where it is a number."""
    for name in ("vejnavn", "husnr", "postnrnavn"):
        if name in frame.columns:
            frame[name] = frame[name].astype("string").str.strip()
    if "postnr" in frame.columns:
        text = frame["postnr"].astype("string").str.strip().str.replace(r"\.0$", "", regex=True)
        frame["postnr"] = text.where(~text.str.fullmatch(r"\d{1,4}").fillna(False),
                                     text.str.zfill(4))


def _synthetic(path: Path, layer: str | None) -> bool:
    import pyogrio

    try:
        info = pyogrio.read_info(path, layer=layer)
    except Exception:  # noqa: BLE001 - CSV and unreadable metadata: not marked synthetic
        return False
    metadata = {**(info.get("dataset_metadata") or {}), **(info.get("layer_metadata") or {})}
    return str(metadata.get("NATURPLAN_SYNTHETIC", "")).lower() == "true"

