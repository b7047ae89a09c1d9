"""Reading roads (GeoDanmark vejmidter, OSM ways, any line layer) for walking distance
(issue 25): the lines of an OGR vector file in EPSG:25832, the role ``roads``.

Lines are kept as they are (multilines split into their lines); other geometries and lines
with coordinates that cannot be measured are left out and counted in the load report. No field
is required: the network needs only the lines.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import shapely

from naturplan.core.errors import LayerLoadError, WrongGeometryError
from naturplan.core.geometry import coordinate_problems
from naturplan.core.layers.fieldmap import identity_mapping
from naturplan.core.layers.layer import LayerSource, LoadReport, VectorLayer
from naturplan.core.layers.roles import WORKING_EPSG, Role
from naturplan.io.vector import frame_to_working_crs, inspect_vector


def read_roads(path: Path, layer: str | None = None, *,
               assume_crs: str | int | None = None) -> VectorLayer:
    """Read a line layer into a ``roads`` layer.

    Raises
    ------
    LayerLoadError
        Missing or unreadable file.
    MissingCRSError
        A file without a CRS and no *assume_crs*.
    WrongGeometryError
        If the layer holds no lines.
    """
    import geopandas as gpd
    import pyogrio

    path = Path(path)
    if not path.exists():
        raise LayerLoadError("File not found: {path}", path=str(path))
    try:
        listed = [(str(n), str(k)) for n, k in pyogrio.list_layers(path)]
        if layer is None:
            lines = [n for n, k in listed if "line" in k.lower()]
            names = lines or [n for n, _ in listed]
            layer = names[0] if names else None
        frame = gpd.read_file(path, layer=layer, engine="pyogrio")
    except Exception as exc:  # pyogrio raises DataSourceError and others
        raise LayerLoadError("Cannot read '{file}': {reason}", file=path.name,
                             reason=str(exc).splitlines()[0] if str(exc) else type(exc).__name__
                             ) from None
    frame, label = frame_to_working_crs(frame, path.name, assume_crs)
    read = len(frame)
    frame = frame.explode(index_parts=False).reset_index(drop=True)
    geoms = frame.geometry.to_numpy()
    is_line = (shapely.get_type_id(geoms) == 1) & ~shapely.is_empty(geoms)
    bad = np.array([p is not None for p in coordinate_problems(geoms)], dtype=bool)
    kept = frame[is_line & ~bad].reset_index(drop=True)
    if read and len(kept) == 0:
        raise WrongGeometryError("Role {role} needs lines, but {name} holds none.",
                                 role=Role.ROADS.value, name=path.name)
    info = inspect_vector(path, layer, role_hint=Role.ROADS.value)
    report = LoadReport(read=read, dropped_non_polygon=int((~is_line).sum()),
                        reprojected=label != f"EPSG:{WORKING_EPSG}",
                        dropped_outside=int((is_line & bad).sum()))
    source = LayerSource(path=path, layer=layer, driver=info.driver, source_crs=label,
                         mapping=identity_mapping(Role.ROADS).name, synthetic=info.synthetic,
                         description=info.description)
    return VectorLayer(Role.ROADS, gpd.GeoDataFrame(kept, geometry="geometry", crs=WORKING_EPSG),
                       source, report, name=layer or path.stem)
