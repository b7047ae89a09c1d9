"""Writing the every-parcel status table (``naturplan parcels --out``): CSV or GeoPackage.

The columns are :data:`naturplan.core.parcels.batch.BASE_COLUMNS` (areas in m², shares as
fractions 0..1, depths in m; stable English keys with the cadastre's Danish field names) plus
``synthetic_data``, true on every row when any layer used is generated sample data. The CSV is
UTF-8 with a comma separator and a decimal point (for programs; the GeoPackage has the parcel
polygons too).

A theme no layer gave (no flood layer loaded) has empty cells (CSV) or NULL (GeoPackage),
never 0; :func:`table_notes` says which, and why, in the GeoPackage layer's description and
in a sidecar ``<name>.notes.txt`` beside a CSV, as the candidate tables do.
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd

from naturplan.core.errors import NaturplanError
from naturplan.core.parcels.context import ParcelContext
from naturplan.core.parcels.themes import Theme
from naturplan.export.i18n import tr
from naturplan.export.parcel_card import theme_label
from naturplan.io.gpkg_writer import write_gpkg


def table_notes(table: pd.DataFrame, lang: str = "da") -> tuple[str, ...]:
    """What the table's reader must know (one line each, in *lang*): which themes were not
    evaluated because no layer was loaded, and that their cells are empty, not 0."""
    missing = [Theme(value) for value in table.attrs.get("not_evaluated", ())]
    out = []
    if missing:
        names = ", ".join(theme_label(theme, lang) for theme in missing)
        out.append(tr(lang, "parcels", "Not evaluated (no layer loaded): {themes}. Their "
                      "columns are empty, not 0.", themes=names))
    if len(table) and table["registered_area_m2"].isna().all():
        out.append(tr(lang, "parcels", "The parcel file gives no registered area: "
                      "registered_area_m2 is empty; area_m2 is computed from the outlines."))
    return tuple(out)


def sidecar_path(path: Path) -> Path:
    """The notes file beside a CSV table: ``status.csv`` → ``status.notes.txt``."""
    return path.with_name(f"{path.stem}.notes.txt")


def write_parcel_table(table: pd.DataFrame, context: ParcelContext, path: Path,
                       lang: str = "da") -> None:
    """Write *table* (one row per parcel of *context*) to *path* (.csv or .gpkg), with its
    notes (:func:`table_notes`) in the layer's description or a sidecar beside the CSV.

    Raises
    ------
    NaturplanError
        If the file cannot be written.
    """
    out = table.copy()
    out["synthetic_data"] = any(s.synthetic for s in context.sources())
    path = Path(path)
    notes = table_notes(table, lang)
    try:
        if path.suffix.lower() == ".gpkg":
            frame = gpd.GeoDataFrame(out, geometry=context.geometries, crs=25832)
            path.unlink(missing_ok=True)  # a new file, readable by QGIS 3.22 (GPKG 1.2)
            write_gpkg(frame, path, "parcel_status", description=" ".join(notes))
        else:
            sidecar = sidecar_path(path)
            sidecar.unlink(missing_ok=True)  # an old run's notes would mislead
            out.to_csv(path, index=False, encoding="utf-8", float_format="%.4f")
            if notes:
                sidecar.write_text("\n".join(notes) + "\n", encoding="utf-8")
    except (OSError, ValueError) as exc:
        raise NaturplanError("Cannot write '{file}': {reason}", file=str(path),
                             reason=str(exc).splitlines()[0] if str(exc) else type(exc).__name__
                             ) from None
