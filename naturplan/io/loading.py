"""Loading layers by role, and the municipality they are measured in.

One entry point per thing a user names: :func:`load_layer` for ``--layer ROLE=PATH[:LAYER]``
(the whole layer, for the map), :func:`load_municipality` for ``--kommune KOMKODE``. A
command that only reports on a layer reads less: :func:`inspect_layer` checks a layer and
counts its features from the file's own tables, :func:`read_protected` reads only the
polygons (and the §3 type) that a protected share needs.

Every path checks the same things: the file and layer exist, the CRS is known, a polygon
role gets polygons (a layer of points or lines is refused; a mixed layer keeps its polygons
and its report says what was left out), and the field mapping fits the source.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from numpy.typing import NDArray

from naturplan.core.errors import (
    CoordinatesError,
    LayerLoadError,
    UnknownMunicipalityError,
    UnknownSchemaError,
    WrongGeometryError,
)
from naturplan.core.geometry import GeometryArray
from naturplan.core.layers.dataset import Municipality, MunicipalityPart
from naturplan.core.layers.fieldmap import (
    ColumnValues,
    FieldMapping,
    choose_mapping,
    user_mapping,
)
from naturplan.core.layers.layer import Layer, LayerSource, LoadReport, VectorLayer
from naturplan.core.layers.roles import ROLE_SPECS, WORKING_EPSG, GeometryKind, Role, parse_role
from naturplan.core.notices import describe_types
from naturplan.core.share.protected import ProtectedSource
from naturplan.io import paths
from naturplan.io.raster import is_raster_path
from naturplan.io.vector import VectorInfo, inspect_vector, read_columns, read_geometries

#: Canonical fields a protected share reads besides the polygons, by role.
PROTECTED_FIELDS: dict[Role, tuple[str, ...]] = {Role.NATURE_P3: ("Natyp_navn",)}


@dataclass(frozen=True)
class LayerRequest:
    """A layer the user asked for: role, file, optional layer name, mapping and CRS."""

    role: Role
    path: Path
    layer: str | None = None
    fields: Mapping[str, str] | None = None
    assume_crs: str | None = None


@dataclass(frozen=True)
class LayerSummary:
    """What a report says about a layer: its role, source and size, without its data.

    Attributes
    ----------
    role
        The role it plays.
    source
        Where it was read from (file, layer, CRS, mapping, synthetic).
    features
        Features (vector) or cells (raster).
    raster
        True for a raster layer.
    report
        What loading did to the features, for layers whose features were read; None for a
        layer that was only inspected.
    """

    role: Role
    source: LayerSource
    features: int
    raster: bool = False
    report: LoadReport | None = None


@dataclass(frozen=True)
class PolygonRead:
    """The polygons of a layer and a few of its canonical fields, read without a table.

    Attributes
    ----------
    summary
        The layer's summary (with its load report).
    geometries
        Clean polygons in EPSG:25832.
    columns
        Canonical field → values, row for row with *geometries*.
    """

    summary: LayerSummary
    geometries: GeometryArray
    columns: dict[str, np.ndarray] = field(default_factory=dict)

    def protected(self) -> ProtectedSource:
        """The polygons as a protected source (with the §3 type where the role has one)."""
        return ProtectedSource(
            self.summary.role.value, self.geometries, self.columns.get("Natyp_navn"),
            self.summary.source.label,
        )


def parse_layer_arg(text: str, assume_crs: str | None = None) -> LayerRequest:
    """Parse ``ROLE=PATH`` or ``ROLE=PATH:LAYER``.

    Raises
    ------
    UnknownRoleError
        If ROLE is not a role.
    LayerLoadError
        If the text has no ``=``.
    """
    if "=" not in text:
        raise LayerLoadError("A layer is given as ROLE=PATH[:LAYER], got '{text}'.", text=text)
    role_text, _, spec = text.partition("=")
    role = parse_role(role_text)
    path, layer = split_path_layer(spec)
    return LayerRequest(role=role, path=path, layer=layer, assume_crs=assume_crs)


def split_path_layer(spec: str) -> tuple[Path, str | None]:
    """Split ``PATH:LAYER``; a path that exists as given is never split."""
    if Path(spec).exists() or ":" not in spec:
        return Path(spec), None
    head, _, tail = spec.rpartition(":")
    if head and tail and "/" not in tail:
        return Path(head), tail
    return Path(spec), None


def load_layer(request: LayerRequest, value_range: bool = True) -> Layer:
    """Read the file of *request* into a layer of its role (EPSG:25832, mapped fields).

    A raster's minimum and maximum (for its legend) are read only with *value_range*.

    A layer of a polygon role with no polygons at all is refused; one that mixes polygons
    with points or lines keeps its polygons, and its ``report.dropped_types`` says what was
    left out (:func:`naturplan.core.notices.layer_notices` words it).

    Raises
    ------
    LayerLoadError, MissingCRSError, FieldMappingError
        With a message for the user; nothing is half-loaded.
    WrongGeometryError
        If the layer holds no polygons (names the role, the file and the types found).
    """
    import geopandas as gpd

    from naturplan.io.vector import read_vector

    if ROLE_SPECS[request.role].geometry is GeometryKind.POINT:
        from naturplan.io.addresses import read_addresses

        return read_addresses(request.path, request.layer, assume_crs=request.assume_crs,
                              fields=request.fields)
    if ROLE_SPECS[request.role].geometry is GeometryKind.LINE:
        from naturplan.io.roads import read_roads

        return read_roads(request.path, request.layer, assume_crs=request.assume_crs)
    if is_raster_path(request.path):
        return _raster(request, value_range=value_range)
    info = polygon_info(request)
    read = read_vector(
        request.path, info.layer, assume_crs=request.assume_crs, info=info
    )
    _check_polygons(request, info, read.report)
    mapping = mapping_for(request, info, lambda column: read.frame[column].tolist())
    mapping.check(read.frame.columns, _label(info))
    frame = gpd.GeoDataFrame(mapping.apply(read.frame), geometry="geometry", crs=read.frame.crs)
    source = layer_source(request, info, read.source_crs, mapping)
    name = info.layer or request.path.stem
    return VectorLayer(role=request.role, frame=frame, source=source, report=read.report, name=name)


#: Features a part of :func:`load_layer_parts` holds.
PART_ROWS = 100_000


def load_layer_parts(request: LayerRequest, rows: int = PART_ROWS) -> Iterator[Layer]:
    """:func:`load_layer`, *rows* features at a time, for a writer that streams (``data
    load``): the same CRS, cleaning and checks, the field mapping chosen on the first part
    and kept. A raster or point layer comes whole, as one part.

    Raises
    ------
    LayerLoadError, MissingCRSError, FieldMappingError, WrongGeometryError
        As :func:`load_layer` (a layer none of whose parts holds a polygon is refused).
    """
    import geopandas as gpd

    from naturplan.io.vector import read_vector

    if (ROLE_SPECS[request.role].geometry in (GeometryKind.POINT, GeometryKind.LINE)
            or is_raster_path(request.path)):
        yield load_layer(request)
        return
    info = polygon_info(request)
    mapping: FieldMapping | None = None
    kept = 0
    start = 0
    while True:
        read = read_vector(request.path, info.layer, assume_crs=request.assume_crs, info=info,
                           skip_features=start, max_features=rows)
        if mapping is None:
            mapping = mapping_for(request, info,
                                  lambda column, first=read.frame: first[column].tolist())
            mapping.check(read.frame.columns, _label(info))
        frame = gpd.GeoDataFrame(mapping.apply(read.frame), geometry="geometry",
                                 crs=read.frame.crs)
        kept += len(frame)
        yield VectorLayer(role=request.role, frame=frame,
                          source=layer_source(request, info, read.source_crs, mapping),
                          report=read.report, name=info.layer or request.path.stem)
        if read.report.read < rows:
            break
        start += rows
    if kept == 0:
        load_layer(request)  # raises what a whole load raises for a layer without polygons


def inspect_layer(request: LayerRequest) -> LayerSummary:
    """Check *request*'s layer and count its features without reading them.

    A vector layer whose declared geometry type is mixed or unknown has its geometries read
    to tell whether it holds polygons.

    Raises
    ------
    LayerLoadError, MissingCRSError, FieldMappingError
        As :func:`load_layer` would, for the file's schema and geometry type.
    """
    if ROLE_SPECS[request.role].geometry is GeometryKind.POINT:
        from naturplan.io.addresses import inspect_addresses

        source, features = inspect_addresses(request.path, request.layer, request.assume_crs)
        return LayerSummary(request.role, source, features)
    if ROLE_SPECS[request.role].geometry is GeometryKind.LINE:
        info = inspect_vector(request.path, request.layer, role_hint=request.role.value)
        return LayerSummary(request.role, LayerSource(
            path=request.path, layer=info.layer, driver=info.driver,
            source_crs=str(info.crs or request.assume_crs or ""), mapping="roads",
            synthetic=info.synthetic, description=info.description), info.features)
    if is_raster_path(request.path):
        return _inspect_raster(request)
    info = polygon_info(request)
    report: LoadReport | None = None
    features, crs = info.features, info.crs
    if info.geometry_kind == "unknown" or crs is None:
        # Mixed or undeclared geometry: read it to know what is there (and to check a
        # stated CRS); the features that are not polygons are left out, as on load.
        read = read_geometries(info, assume_crs=request.assume_crs)
        _check_polygons(request, info, read.report)
        report, features, crs = read.report, len(read.geometries), read.source_crs
    mapping = mapping_for(request, info, column_reader(info))
    return LayerSummary(request.role, layer_source(request, info, crs, mapping), features,
                        report=report)


def read_polygons(request: LayerRequest, columns: Sequence[str] = (),
                  bounds: tuple[float, float, float, float] | None = None, *,
                  near: tuple[float, float, float, float] | None = None) -> PolygonRead:
    """Read the polygons of a layer and the canonical fields *columns*, without a table.

    With *bounds* (EPSG:25832) only the features whose boxes meet it are read: a windowed read
    through the file's spatial index (a GeoPackage's R-tree), so that a national layer is read
    one municipality or tile at a time (issue 24 §2).

    *near* (EPSG:25832) is a lighter hint for a caller that asks of the polygons only where
    they meet things inside it: a GeoPackage in EPSG:25832 with an R-tree is read without the
    features whose boxes lie apart from it (a national layer's far-away features: neither
    decoded nor repaired); any other file is read whole. Not pandas, unlike *bounds*.

    This is what measuring needs (a protected share reads the §3 polygons and their type,
    :data:`PROTECTED_FIELDS`); :func:`load_layer` reads the whole table for the map.

    Raises
    ------
    LayerLoadError, MissingCRSError, FieldMappingError
        As :func:`load_layer` would.
    """
    if is_raster_path(request.path):
        raise LayerLoadError(
            "Role {role} needs polygons, but '{name}' is a raster.",
            role=request.role.value, name=request.path.name,
        )
    info = polygon_info(request)
    mapping = mapping_for(request, info, column_reader(info))
    sources = {c: mapping.source_field(c) for c in columns if c not in mapping.constants}
    present = sorted({s for s in sources.values() if s in info.fields})
    if bounds is None:
        declared = info.crs or (f"EPSG:{request.assume_crs}" if request.assume_crs else "")
        box = near if declared.upper() == f"EPSG:{WORKING_EPSG}" else None  # else read whole
        read = read_geometries(info, present, assume_crs=request.assume_crs, near=box)
        _check_polygons(request, info, read.report)
        geoms, found, crs, report = read.geometries, read.columns, read.source_crs, read.report
    else:
        from naturplan.io.vector import read_vector

        window = read_vector(request.path, info.layer, assume_crs=request.assume_crs,
                             info=info, bbox=file_bounds(info, bounds, request.assume_crs),
                             columns=present)
        geoms = np.asarray(window.frame.geometry.to_numpy(), dtype=object)
        found = {f: window.frame[f].to_numpy() for f in present if f in window.frame.columns}
        crs, report = window.source_crs, window.report
    n = len(geoms)
    values = {c: mapping.values_of(c, found.get(sources[c]) if c in sources else None, n)
              for c in columns}
    summary = LayerSummary(request.role, layer_source(request, info, crs, mapping), n,
                           report=report)
    return PolygonRead(summary, geoms, values)


def file_bounds(info: VectorInfo, bounds: tuple[float, float, float, float],
                assume_crs: str | None) -> tuple[float, float, float, float]:
    """*bounds* (EPSG:25832) in the CRS of *info*'s file, widened to hold the whole box."""
    declared = info.crs or (f"EPSG:{assume_crs}" if assume_crs else None)
    if declared is None or declared.upper() == f"EPSG:{WORKING_EPSG}":
        return bounds
    from pyproj import Transformer

    from naturplan.io.vector import parse_crs

    to_file = Transformer.from_crs(WORKING_EPSG, parse_crs(declared), always_xy=True)
    minx, miny, maxx, maxy = to_file.transform_bounds(*bounds, densify_pts=21)
    return (minx, miny, maxx, maxy)


def polygon_info(request: LayerRequest) -> VectorInfo:
    """The facts of *request*'s vector layer, refused unless it holds polygons (every vector
    role read here is a polygon role).

    Raises
    ------
    LayerLoadError
        A missing or unreadable file or layer; :class:`WrongGeometryError` for other
        geometries.
    """
    info = inspect_vector(request.path, request.layer, role_hint=request.role.value)
    if info.geometry_kind == "other":  # every vector role is a polygon role
        raise WrongGeometryError(
            "Role {role} needs polygons, but {name} is a {found} layer.",
            role=request.role.value, name=_label(info), found=info.geometry_type,
        )
    return info


def _check_polygons(request: LayerRequest, info: VectorInfo, report: LoadReport) -> None:
    """Refuse a layer whose features are there but none of them a polygon, or none with
    coordinates that can be measured.

    A layer with some polygons keeps them; its report says what was left out
    (:func:`naturplan.core.notices.load_notices`).
    """
    kept = (report.read - report.dropped_empty - report.dropped_non_polygon
            - report.dropped_coordinates)
    if kept <= 0 and report.dropped_coordinates:
        raise CoordinatesError(
            "None of the {n} features of {name} has coordinates where EPSG:25832 applies "
            "(not finite, or far outside Denmark: is the CRS right?).",
            n=report.read, name=_label(info),
        )
    if kept <= 0 and report.dropped_types:
        raise WrongGeometryError(
            "Role {role} needs polygons, but {name} holds none ({found}).",
            role=request.role.value, name=_label(info),
            found=describe_types(report.dropped_types),
        )


def _inspect_raster(request: LayerRequest) -> LayerSummary:
    """A raster's summary from its GeoTIFF header, or from rasterio if the header is not
    enough (another format or CRS: the cells are counted in the warped EPSG:25832 view)."""
    from naturplan.io.geotiff import read_header

    if ROLE_SPECS[request.role].geometry is not GeometryKind.POLYGON and request.path.is_file():
        header = read_header(request.path)
        if header is not None and header.epsg == WORKING_EPSG:
            tags = header.metadata
            source = LayerSource(
                path=request.path, driver="GTiff", source_crs=f"EPSG:{WORKING_EPSG}",
                mapping="raster band 1",
                synthetic=tags.get("NATURPLAN_SYNTHETIC", "").lower() == "true",
                description=tags.get("TIFFTAG_IMAGEDESCRIPTION", tags.get("DESCRIPTION", "")),
            )
            return LayerSummary(request.role, source, header.width * header.height, raster=True)
    raster = _raster(request, value_range=False)
    return LayerSummary(request.role, raster.source, raster.feature_count, raster=True)


def _raster(request: LayerRequest, value_range: bool) -> Layer:
    from naturplan.io.raster import describe_raster

    if ROLE_SPECS[request.role].geometry is GeometryKind.POLYGON:
        raise LayerLoadError(
            "Role {role} needs polygons, but '{name}' is a raster.",
            role=request.role.value, name=request.path.name,
        )
    layer = describe_raster(request.role, request.path, request.assume_crs, value_range)
    layer.name = request.path.stem
    return layer


def layer_source(
    request: LayerRequest, info: VectorInfo, source_crs: str, mapping: FieldMapping
) -> LayerSource:
    """Where a layer read for *request* came from, as the project and the map's legend
    record it."""
    return LayerSource(
        path=request.path,
        layer=info.layer,
        driver=info.driver,
        source_crs=source_crs,
        mapping=mapping.name,
        synthetic=info.synthetic,
        description=info.description,
    )


def column_reader(info: VectorInfo) -> ColumnValues:
    """Read one column of *info*'s layer on demand (for a mapping told apart by a value)."""

    def values(column: str) -> list[Any]:
        return read_columns(info, [column])[column].tolist()

    return values


def mapping_for(
    request: LayerRequest, info: VectorInfo, values: ColumnValues
) -> FieldMapping:
    """The field mapping for *request*'s layer: the user's (checked against the file's
    fields) or the one chosen from the fields and, where needed, a column's *values*."""
    if request.fields:
        mapping = user_mapping(request.role, request.fields)
        mapping.check(info.fields, _label(info))
        return mapping
    mapping = choose_mapping(request.role, info.fields, values)
    if mapping is None:
        spec = ROLE_SPECS[request.role]
        raise UnknownSchemaError(
            "'{name}' is not a known schema for role {role}: it needs {needs} and has "
            "{fields}.",
            name=request.path.name, role=request.role.value, needs=", ".join(spec.required),
            fields=", ".join(info.fields) or "-", field=spec.required[0],
        )
    return mapping


def _label(info: VectorInfo) -> str:
    return f"{info.path.name}:{info.layer}" if info.layer else info.path.name


def load_municipality(
    kommune: str | None = None, request: LayerRequest | None = None
) -> Municipality:
    """The municipality by KOMKODE from the national DAGI file, or from a user's file.

    With neither argument: Aalborg (0851) from its shipped DAGI 2014 boundary. Only the
    boundary and the code and name fields are read.

    Raises
    ------
    UnknownMunicipalityError
        If no feature has that KOMKODE.
    LayerLoadError
        If the file cannot be read or holds several municipalities and none was chosen.
    """
    if kommune and "," in kommune:
        return _municipalities_by_code(_komkode_list(kommune), request)
    code = _normalise_komkode(kommune) if kommune else None
    if request is None:
        name = (
            paths.AALBORG_BOUNDARY
            if code in (None, paths.AALBORG_KOMKODE)
            else paths.NATIONAL_MUNICIPALITIES
        )
        request = LayerRequest(Role.MUNICIPALITY, paths.layers_dir() / name)
    read = read_polygons(request, ["KOMKODE", "KOMNAVN"])
    codes = np.array([_komkode(v) for v in read.columns["KOMKODE"]], dtype=object)
    names = read.columns["KOMNAVN"]
    label = read.summary.source.label
    if code is not None:
        chosen = np.flatnonzero(codes == code)
        if len(chosen) == 0:
            raise _unknown_code(code, codes, names, label)
    else:
        distinct = sorted(set(codes.tolist()))
        if len(distinct) > 1:
            return _plan_area(read, codes, distinct)
        chosen = np.arange(len(codes))
    if len(chosen) == 0:
        raise UnknownMunicipalityError("{layer} holds no municipality.", layer=label)
    first = int(chosen[0])
    return Municipality(
        code=str(codes[first]),
        name="" if names[first] is None else str(names[first]).strip(),
        geometry=shapely.union_all(read.geometries[chosen]),
        source=read.summary.source,
    )


def _komkode_list(text: str) -> list[str]:
    """The codes of ``--kommune 0851,0849,0813``, each once, in the user's order."""
    out: list[str] = []
    for item in text.split(","):
        if item.strip():
            code = _normalise_komkode(item)
            if code not in out:
                out.append(code)
    return out


def _municipalities_by_code(wanted: list[str], request: LayerRequest | None) -> Municipality:
    """The plan area of the municipalities *wanted* (``--kommune A,B,C``), from *request*'s
    file or the national DAGI file; one code of a list is one municipality as before."""
    if request is None:
        request = LayerRequest(Role.MUNICIPALITY,
                               paths.layers_dir() / paths.NATIONAL_MUNICIPALITIES)
    read = read_polygons(request, ["KOMKODE", "KOMNAVN"])
    codes = np.array([_komkode(v) for v in read.columns["KOMKODE"]], dtype=object)
    for code in wanted:
        if not (codes == code).any():
            raise _unknown_code(code, codes, read.columns["KOMNAVN"], read.summary.source.label)
    if len(wanted) == 1:
        return load_municipality(wanted[0], request)
    return _plan_area(read, codes, wanted)


def nearest_codes(code: str, codes: Sequence[str], n: int = 3) -> list[str]:
    """The *n* valid codes nearest to the typo *code*: fewest digits changed (two swapped
    neighbours count as one, and come first), then the smallest difference in number."""
    def distance(other: str) -> tuple[int, bool, int]:
        changed = [i for i in range(4) if other[i] != code[i]]
        swapped = (len(changed) == 2 and changed[1] == changed[0] + 1
                   and other[changed[0]] == code[changed[1]]
                   and other[changed[1]] == code[changed[0]])
        return (1 if swapped else len(changed), not swapped, abs(int(other) - int(code)))

    valid = sorted({c for c in codes if len(c) == 4 and c.isdigit()})
    return sorted(valid, key=distance)[:n]


def _unknown_code(code: str, codes: NDArray[np.object_], names: Any,
                  label: str) -> UnknownMunicipalityError:
    """The one line for a KOMKODE that is not in the file: the code and the nearest ones."""
    name_of = {}
    for c, name in zip(codes.tolist(), list(names), strict=True):
        name_of.setdefault(c, "" if name is None else str(name).strip())
    near = nearest_codes(code, list(name_of))
    return UnknownMunicipalityError(
        "No municipality with KOMKODE {code} in {layer}; the nearest codes are {nearest}.",
        code=code, layer=label,
        nearest=", ".join(f"{c} {name_of[c]}".strip() for c in near) or "-",
    )


def _plan_area(read: Any, codes: NDArray[np.object_], distinct: list[str]) -> Municipality:
    """A plan area of several municipalities (issue 22 item 3): their union, with each one
    as a part (KOMKODE order); codes and names joined by commas."""
    names = read.columns["KOMNAVN"]
    parts = []
    for code in distinct:
        rows = np.flatnonzero(codes == code)
        name = names[int(rows[0])]
        parts.append(MunicipalityPart(
            code=code, name="" if name is None else str(name).strip(),
            geometry=shapely.union_all(read.geometries[rows]),
        ))
    return Municipality(
        code=",".join(p.code for p in parts), name=", ".join(p.name for p in parts),
        geometry=shapely.union_all(np.asarray([p.geometry for p in parts], dtype=object)),
        source=read.summary.source, parts=tuple(parts),
    )


def neighbours_of(municipality: Municipality) -> shapely.Geometry | None:
    """Union of the municipalities next to *municipality* in the national DAGI file."""
    national = paths.layers_dir() / paths.NATIONAL_MUNICIPALITIES
    if not national.exists():
        return None
    read = read_polygons(LayerRequest(Role.MUNICIPALITY, national), ["KOMKODE"])
    codes = np.array([_komkode(v) for v in read.columns["KOMKODE"]], dtype=object)
    others = read.geometries[codes != municipality.code]
    near = others[shapely.intersects(others, shapely.buffer(municipality.geometry, 200.0))]
    return shapely.union_all(near) if len(near) else None


def komkode(value: object) -> str:
    """A KOMKODE as a file holds it (a number, padded or not) as its four digits."""
    return _komkode(value)


def _komkode(value: object) -> str:
    text = "" if value is None else str(value).strip()
    if text.endswith(".0") and text[:-2].isdigit():  # a code stored as a number
        text = text[:-2]
    return text.zfill(4)


def _normalise_komkode(text: str) -> str:
    value = str(text).strip()
    if not value.isdigit() or len(value) > 4:
        raise UnknownMunicipalityError(
            "KOMKODE must be up to 4 digits (Aalborg is 0851), got '{text}'.", text=str(text)
        )
    return value.zfill(4)
