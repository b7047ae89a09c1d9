"""Reading a candidate file (a consultant's polygons) feature by feature.

Every feature is checked on its own, as read (not through the cleaning reader, which would
drop or repair features silently): each empty, missing, non-polygon or invalid geometry is
reported with its feature id (FID), its name and why. ``naturplan candidates import`` and the
app's *Import candidate areas* both use this; they decide what to import.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from naturplan.core.errors import LayerLoadError, MissingCRSError
from naturplan.core.layers.roles import WORKING_EPSG
from naturplan.core.plan.candidates import GeometryProblem, validate_geometry

if TYPE_CHECKING:
    import geopandas as gpd

#: Name fields tried in order when ``--name-field`` is not given.
NAME_FIELDS = ("name", "navn", "Name", "Navn", "NAME", "NAVN", "titel", "title")

_PROBLEM_TEXT = {
    GeometryProblem.MISSING: "no geometry",
    GeometryProblem.EMPTY: "empty geometry",
    GeometryProblem.NOT_POLYGON: "not a polygon",
    GeometryProblem.INVALID: "invalid polygon",
    GeometryProblem.COLLAPSED: "invalid polygon with no area left after repair",
}


@dataclass
class ImportCheck:
    """The features of a candidate file, checked one by one."""

    good: list[tuple[Any, str, Any]] = field(default_factory=list)  # (fid, name, geometry)
    repaired: list[tuple[Any, str, str]] = field(default_factory=list)  # (fid, name, reason)
    broken: list[tuple[Any, str, str]] = field(default_factory=list)  # (fid, name, why)
    total: int = 0


def read_candidate_file(
    path: Path, layer: str | None, assume_crs: str | None, name_field: str | None,
    repair: bool,
) -> ImportCheck:
    """Read *path* raw and check every feature (see the module docstring).

    Raises
    ------
    LayerLoadError, MissingCRSError
        Unreadable file, unknown layer or name field, no CRS and none assumed.
    """
    frame = _read_raw(path, layer, assume_crs)
    names = _names(frame, name_field, path)
    check = ImportCheck(total=len(frame))
    for fid, name, geom in zip(frame.index, names, frame.geometry.to_numpy(), strict=True):
        result = validate_geometry(geom)
        if result.ok:
            check.good.append((fid, name, result.geometry))
        elif result.repaired and repair:
            check.good.append((fid, name, result.geometry))
            check.repaired.append((fid, name, result.detail))
        else:
            why = _PROBLEM_TEXT[result.problem or GeometryProblem.INVALID]
            detail = f" ({result.detail})" if result.detail else ""
            check.broken.append((fid, name, why + detail))
    return check


def _read_raw(path: Path, layer: str | None, assume_crs: str | None) -> gpd.GeoDataFrame:
    import geopandas as gpd
    import pyogrio

    from naturplan.io.vector import list_layers, parse_crs

    if not path.exists():
        raise LayerLoadError(f"File not found: {path}")
    names = [n for n, _ in list_layers(path)]
    if layer is None and len(names) > 1:
        raise LayerLoadError(
            f"'{path.name}' has several layers; choose one with --layer: {', '.join(names)}."
        )
    if layer is not None and layer not in names:
        raise LayerLoadError(f"'{path.name}' has no layer '{layer}'. Layers: {', '.join(names)}.")
    try:
        frame = pyogrio.read_dataframe(path, layer=layer, fid_as_index=True)
    except Exception as exc:  # pyogrio raises several kinds
        raise LayerLoadError(f"Cannot read '{path.name}': {str(exc).splitlines()[0]}") from None
    if not isinstance(frame, gpd.GeoDataFrame):
        raise LayerLoadError(f"'{path.name}' has no geometry column.")
    if frame.crs is None:
        if assume_crs is None:
            raise MissingCRSError(
                f"'{path.name}' has no coordinate reference system. State it with "
                "--assume-crs EPSG (for example --assume-crs 25832)."
            )
        frame = frame.set_crs(parse_crs(assume_crs))
    if frame.crs.to_epsg() != WORKING_EPSG:
        frame = frame.to_crs(WORKING_EPSG)
    return frame


def _names(frame: gpd.GeoDataFrame, name_field: str | None, path: Path) -> list[str]:
    if name_field is not None and name_field not in frame.columns:
        fields = ", ".join(c for c in frame.columns if c != frame.geometry.name)
        raise LayerLoadError(f"'{path.name}' has no field '{name_field}'. Fields: {fields}.")
    column = name_field or next((f for f in NAME_FIELDS if f in frame.columns), None)
    if column is None:
        return [f"{path.stem} {fid}" for fid in frame.index]
    return ["" if v is None or v != v else str(v) for v in frame[column]]
