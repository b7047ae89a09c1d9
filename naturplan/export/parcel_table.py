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

from naturplan.core.parcels.context import ParcelContext
from naturplan.export.tables.cells import Cleaning, csv_safe
from naturplan.io import verify
from naturplan.io.atomic import write_file


def write_parcel_table(table: pd.DataFrame, context: ParcelContext, path: Path) -> int:
    """Write *table* (one row per parcel of *context*) to *path* (.csv or .gpkg) through
    :func:`naturplan.io.atomic.write_file`; returns the file's size. A CSV text cell that a
    spreadsheet would run as a formula gets a leading ``'`` (numbers are left as they are).

    Raises
    ------
    FileWriteError
        If the file cannot be written completely (nothing is left behind).
    """
    out = table.copy()
    out["synthetic_data"] = any(s.synthetic for s in context.sources())
    path = Path(path)
    if path.suffix.lower() == ".gpkg":
        frame = gpd.GeoDataFrame(out, geometry=context.geometries, crs=25832)
        text = frame.drop(columns="geometry").select_dtypes(include=["object", "string"]).columns
        cleaning = Cleaning()
        for column in text:
            frame[column] = frame[column].map(
                lambda v: cleaning.gdal(v) if isinstance(v, str) else v)

        def write(part: Path) -> None:  # a new file, readable by QGIS 3.22 (GPKG 1.2)
            frame.to_file(part, driver="GPKG", layer="parcel_status", engine="pyogrio",
                          dataset_options={"VERSION": "1.2"})

        return write_file(path, write, verify.features(len(frame), "GeoPackage",
                                                       "parcel_status"), keep_suffix=True)
    for column in out.select_dtypes(include=["object", "string"]).columns:
        out[column] = out[column].map(lambda v: csv_safe(v) if isinstance(v, str) else v)
    data = out.to_csv(index=False, float_format="%.4f").encode("utf-8")
    return write_file(path, lambda part: part.write_bytes(data),
                      verify.all_of(verify.exact(data, "CSV"),
                                    verify.csv_rows(len(out) + 1, "utf-8", ",")))
