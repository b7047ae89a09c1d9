"""Loading layers by role, and the municipality they are measured in.

One entry point per thing a user names: :func:`load_layer` for ``--layer ROLE=PATH[:LAYER]``,
:func:`load_municipality` for ``--kommune KOMKODE``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import shapely

from naturplan.core.errors import FieldMappingError, LayerLoadError, UnknownMunicipalityError
from naturplan.core.layers.dataset import Municipality
from naturplan.core.layers.fieldmap import FieldMapping, choose_mapping, user_mapping
from naturplan.core.layers.layer import Layer, LayerSource, VectorLayer
from naturplan.core.layers.roles import ROLE_SPECS, GeometryKind, Role, parse_role
from naturplan.io import paths
from naturplan.io.raster import describe_raster, is_raster_path
from naturplan.io.vector import read_vector


@dataclass(frozen=True)
class LayerRequest:
    """A layer the user asked for: role, file, optional layer name, mapping and CRS."""

    role: Role
    path: Path
    layer: str | None = None
    fields: Mapping[str, str] | None = None
    assume_crs: str | None = None


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
        raise LayerLoadError(f"--layer wants ROLE=PATH[:LAYER], got '{text}'.")
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


def load_layer(request: LayerRequest) -> Layer:
    """Read the file of *request* into a layer of its role (EPSG:25832, mapped fields).

    Raises
    ------
    LayerLoadError, MissingCRSError, FieldMappingError
        With a message for the user; nothing is half-loaded.
    """
    spec = ROLE_SPECS[request.role]
    if is_raster_path(request.path):
        if spec.geometry is GeometryKind.POLYGON:
            raise LayerLoadError(
                f"Role {request.role.value} needs polygons, but '{request.path.name}' "
                f"is a raster."
            )
        layer = describe_raster(request.role, request.path, request.assume_crs)
        layer.name = request.path.stem
        return layer
    read = read_vector(
        request.path, request.layer, assume_crs=request.assume_crs,
        role_hint=request.role.value,
    )
    mapping = _mapping_for(request, read.frame)
    frame = gpd.GeoDataFrame(mapping.apply(read.frame), geometry="geometry", crs=read.frame.crs)
    source = LayerSource(
        path=request.path,
        layer=read.layer,
        driver=read.driver,
        source_crs=read.source_crs,
        mapping=mapping.name,
        synthetic=read.metadata.get("NATURPLAN_SYNTHETIC", "").lower() == "true",
        description=read.description,
    )
    name = read.layer or request.path.stem
    return VectorLayer(role=request.role, frame=frame, source=source, report=read.report, name=name)


def _mapping_for(request: LayerRequest, frame: gpd.GeoDataFrame) -> FieldMapping:
    if request.fields:
        return user_mapping(request.role, request.fields)
    mapping = choose_mapping(request.role, frame)
    if mapping is None:
        spec = ROLE_SPECS[request.role]
        have = ", ".join(c for c in frame.columns if c != "geometry") or "no fields"
        example = spec.required[0]
        raise FieldMappingError(
            f"'{request.path.name}' is not a known schema for role {request.role.value}: it "
            f"needs {', '.join(spec.required)} and has {have}. Map the fields with "
            f"--field {request.role.value}.{example}=SOURCE_FIELD."
        )
    return mapping


def load_municipality(
    kommune: str | None = None, request: LayerRequest | None = None
) -> Municipality:
    """The municipality by KOMKODE from the national DAGI file, or from a user's file.

    With neither argument: Aalborg (0851) from its shipped DAGI 2014 boundary.

    Raises
    ------
    UnknownMunicipalityError
        If no feature has that KOMKODE.
    LayerLoadError
        If the file cannot be read or holds several municipalities and none was chosen.
    """
    code = _normalise_komkode(kommune) if kommune else None
    if request is None:
        name = (
            paths.AALBORG_BOUNDARY
            if code in (None, paths.AALBORG_KOMKODE)
            else paths.NATIONAL_MUNICIPALITIES
        )
        request = LayerRequest(Role.MUNICIPALITY, paths.layers_dir() / name)
    layer = load_layer(request)
    assert isinstance(layer, VectorLayer)
    frame = layer.frame
    codes = frame["KOMKODE"].astype("string").str.strip().str.zfill(4)
    if code is not None:
        frame = frame[codes == code]
        if frame.empty:
            raise UnknownMunicipalityError(
                f"No municipality with KOMKODE {code} in {layer.source.label} "
                f"(Aalborg is 0851, København 0101)."
            )
    elif codes.nunique() > 1:
        raise LayerLoadError(
            f"{layer.source.label} holds {codes.nunique()} municipalities; choose one with "
            f"--kommune KOMKODE."
        )
    geometry = shapely.union_all(frame.geometry.to_numpy())
    first = frame.iloc[0]
    return Municipality(
        code=str(first["KOMKODE"]).zfill(4),
        name=str(first.get("KOMNAVN") or ""),
        geometry=geometry,
        source=layer.source,
    )


def neighbours_of(municipality: Municipality) -> shapely.Geometry | None:
    """Union of the municipalities next to *municipality* in the national DAGI file."""
    national = paths.layers_dir() / paths.NATIONAL_MUNICIPALITIES
    if not national.exists():
        return None
    layer = load_layer(LayerRequest(Role.MUNICIPALITY, national))
    assert isinstance(layer, VectorLayer)
    frame = layer.frame
    others = frame[frame["KOMKODE"].astype(str).str.zfill(4) != municipality.code]
    near = others[others.intersects(shapely.buffer(municipality.geometry, 200.0))]
    return shapely.union_all(near.geometry.to_numpy()) if len(near) else None


def _normalise_komkode(text: str) -> str:
    value = str(text).strip()
    if not value.isdigit() or len(value) > 4:
        raise UnknownMunicipalityError(
            f"KOMKODE must be up to 4 digits (Aalborg is 0851), got '{text}'."
        )
    return value.zfill(4)
