"""``--area FILE``: a plan area drawn as a polygon, e.g. a local tripartite's catchment
(hovedvandopland) across several municipalities (issue 22 item 3).

The file may be in any CRS that it declares (or that ``--assume-crs`` states); it is
reprojected to EPSG:25832, and a file without one is refused with one line. Its polygons
are dissolved into one area, cut to the land of the municipalities (the national DAGI layer,
or the user's ``municipality`` layer): the sea outside every municipality is no land to
protect, and so the municipalities' parts add up to the whole. Each municipality the area
touches becomes a part (cut to the area), so that the ledger per municipality works as for
``--kommune A,B,C``.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import shapely

from naturplan.core.errors import LayerLoadError
from naturplan.core.layers.dataset import Municipality, MunicipalityPart
from naturplan.core.layers.layer import LayerSource
from naturplan.core.layers.roles import Role
from naturplan.io import paths
from naturplan.io.loading import LayerRequest, komkode, read_polygons

#: Fields a catchment's name is read from, the first one present and not empty.
NAME_FIELDS = ("navn", "name", "hovedvandopland", "vandopland", "titel", "title")
#: Slivers along a border drawn a little off are no municipality's part (m²).
MIN_PART_M2 = 100.0


def load_area(request: LayerRequest, municipalities: LayerRequest | None = None) -> Municipality:
    """The plan area in *request*'s file, its municipalities from *municipalities* (default:
    the shipped national DAGI layer).

    Raises
    ------
    MissingCRSError
        If the file has no CRS and none is assumed.
    LayerLoadError
        If the file cannot be read, its CRS is unknown, it holds no polygon, or the polygon
        lies outside every municipality.
    """
    from naturplan.io.vector import read_vector

    read = read_vector(request.path, request.layer, assume_crs=request.assume_crs)
    geoms = np.asarray(read.frame.geometry.to_numpy(), dtype=object)
    geoms = geoms[shapely.get_type_id(geoms) >= 3] if len(geoms) else geoms
    drawn = shapely.union_all(geoms) if len(geoms) else None
    if drawn is None or drawn.is_empty or drawn.area <= 0:
        raise LayerLoadError("'{name}' holds no polygon to be the plan area.",
                             name=request.path.name)
    name = area_name(read.frame, request.path)
    parts = _parts(drawn, municipalities)
    if not parts:
        raise LayerLoadError("The plan area '{name}' lies outside every municipality.",
                             name=name)
    source = LayerSource(path=request.path, layer=read.layer, driver=read.driver,
                         source_crs=read.source_crs, mapping="plan area",
                         description=read.description)
    return Municipality(
        code=",".join(p.code for p in parts), name=name,
        geometry=shapely.union_all(np.asarray([p.geometry for p in parts], dtype=object)),
        source=source, parts=tuple(parts), catchment=True,
    )


def area_name(frame: object, path: Path) -> str:
    """The catchment's name: the first non-empty value of a :data:`NAME_FIELDS` field (any
    case), else the file's name without its suffix."""
    columns = {str(c).lower(): c for c in getattr(frame, "columns", [])}
    for wanted in NAME_FIELDS:
        if wanted in columns:
            for value in frame[columns[wanted]]:  # type: ignore[index]
                if value is not None and str(value).strip() and str(value) != "nan":
                    return str(value).strip()
    return path.stem


def _parts(area: shapely.Geometry,
           municipalities: LayerRequest | None) -> list[MunicipalityPart]:
    """The municipalities *area* touches, each cut to it, by KOMKODE."""
    request = municipalities or LayerRequest(
        Role.MUNICIPALITY, paths.layers_dir() / paths.NATIONAL_MUNICIPALITIES)
    read = read_polygons(request, ["KOMKODE", "KOMNAVN"], bounds=area.bounds)
    codes = np.array([komkode(v) for v in read.columns["KOMKODE"]], dtype=object)
    names = read.columns["KOMNAVN"]
    shapely.prepare(area)
    parts = []
    for code in sorted(set(codes.tolist())):
        rows = np.flatnonzero(codes == code)
        inside = shapely.intersection(shapely.union_all(read.geometries[rows]), area)
        inside = shapely.make_valid(inside)
        polygons = shapely.get_parts(inside)
        polygons = polygons[shapely.get_type_id(polygons) == 3]
        if len(polygons) == 0 or float(shapely.area(polygons).sum()) < MIN_PART_M2:
            continue
        name = names[int(rows[0])]
        parts.append(MunicipalityPart(code=code,
                                      name="" if name is None else str(name).strip(),
                                      geometry=shapely.union_all(polygons)))
    return parts
