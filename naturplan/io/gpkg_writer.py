"""Writing a GeoPackage layer: the one place that knows which GeoPackage version to write.

A new file is GeoPackage 1.2: QGIS 3.22, the long-term release the municipalities run, warns
about files of a newer version (GDAL writes 1.4 by default). Every GeoPackage naturplan writes
with GDAL (the candidate table, the parcel table, a fetched service layer, the sample) goes
through :func:`write_gpkg`; the project file is written with sqlite3 by
``naturplan.io.project.gpkg_format`` at the same version.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

#: The GeoPackage version of every new file (GDAL's ``VERSION`` creation option).
GPKG_VERSION = "1.2"


def write_gpkg(
    frame: Any,
    path: Path,
    layer: str,
    *,
    description: str = "",
    metadata: Mapping[str, str] | None = None,
    promote_to_multi: bool | None = None,
    use_arrow: bool = False,
    append: bool = False,
) -> None:
    """Write the GeoDataFrame *frame* as *layer* of the GeoPackage at *path*.

    A new file is GeoPackage 1.2 (:data:`GPKG_VERSION`); into an existing file the layer is
    added (or replaces one of the same name), its other layers kept.

    Parameters
    ----------
    description
        The layer's description (``gpkg_contents.description``), e.g. what was measured.
    metadata
        GDAL layer metadata items (kept in ``gpkg_metadata``).
    promote_to_multi
        Write polygons as multipolygons (one geometry type per layer); None: GDAL's choice.
    use_arrow
        Hand the frame to GDAL through pyarrow (faster for large frames; real DATE columns).
    append
        Add the rows to the existing *layer* (a large layer written in parts); its
        description and metadata stay as its first part wrote them.

    Raises
    ------
    OSError, pyogrio.errors.DataSourceError
        If the file cannot be written.
    """
    new = not Path(path).exists()
    if append and not new:
        frame.to_file(path, driver="GPKG", engine="pyogrio", layer=layer, mode="a",
                      use_arrow=use_arrow, promote_to_multi=promote_to_multi)
        return
    frame.to_file(
        path, driver="GPKG", engine="pyogrio", layer=layer, use_arrow=use_arrow,
        promote_to_multi=promote_to_multi,
        dataset_options={"VERSION": GPKG_VERSION} if new else None,
        layer_options={"DESCRIPTION": description} if description else None,
        metadata=dict(metadata) if metadata else None,
    )


__all__ = ["GPKG_VERSION", "write_gpkg"]
