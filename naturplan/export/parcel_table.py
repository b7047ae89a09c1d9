"""Writing the every-parcel status table (``naturplan parcels --out``): CSV or GeoPackage.

The columns are :data:`naturplan.core.parcels.batch.BASE_COLUMNS` (areas in m², shares as
fractions 0..1, depths in m; stable English keys with the cadastre's Danish field names) plus
``synthetic_data``, true on every row when any layer used is generated sample data. The CSV is
UTF-8 with a comma separator and a decimal point (for programs; the GeoPackage has the parcel
polygons too).
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd

from naturplan.core.errors import NaturplanError
from naturplan.core.parcels.context import ParcelContext


def write_parcel_table(table: pd.DataFrame, context: ParcelContext, path: Path) -> None:
    """Write *table* (one row per parcel of *context*) to *path* (.csv or .gpkg).

    Raises
    ------
    NaturplanError
        If the file cannot be written.
    """
    out = table.copy()
    out["synthetic_data"] = any(s.synthetic for s in context.sources())
    path = Path(path)
    try:
        if path.suffix.lower() == ".gpkg":
            frame = gpd.GeoDataFrame(out, geometry=context.geometries, crs=25832)
            path.unlink(missing_ok=True)  # a new file, readable by QGIS 3.22 (GPKG 1.2)
            frame.to_file(path, driver="GPKG", layer="parcel_status", engine="pyogrio",
                          dataset_options={"VERSION": "1.2"})
        else:
            out.to_csv(path, index=False, encoding="utf-8", float_format="%.4f")
    except (OSError, ValueError) as exc:
        raise NaturplanError("Cannot write '{file}': {reason}", file=str(path),
                             reason=str(exc).splitlines()[0] if str(exc) else type(exc).__name__
                             ) from None
