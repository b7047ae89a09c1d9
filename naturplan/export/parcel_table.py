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

import numpy as np
import pandas as pd

from naturplan.core.parcels.context import ParcelContext
from naturplan.core.parcels.themes import Theme
from naturplan.export.parcel_card import theme_label
from naturplan.export.tables.cells import Cleaning, csv_safe
from naturplan.io import verify
from naturplan.io.atomic import write_file
from naturplan.io.gpkg_writer import write_gpkg
from naturplan.text.i18n import tr


def table_notes(table: pd.DataFrame, lang: str = "da") -> tuple[str, ...]:
    """What the table's reader must know (one line each, in *lang*): which themes were not
    evaluated because no layer was loaded, and that their cells are empty, not 0."""
    unregistered = (len(table) > 0 and "registered_area_m2" in table
                    and bool(table["registered_area_m2"].isna().all()))
    return notes_of(table.attrs.get("not_evaluated", ()), unregistered, lang)


def notes_of(not_evaluated: tuple[str, ...], unregistered: bool, lang: str = "da"
             ) -> tuple[str, ...]:
    """:func:`table_notes` from what they say: the themes not evaluated (their values) and
    whether no parcel has a registered area."""
    missing = [Theme(value) for value in not_evaluated]
    out = []
    if missing:
        names = ", ".join(theme_label(theme, lang) for theme in missing)
        out.append(tr(lang, "parcels", "Not evaluated (no layer loaded): {themes}. Their "
                      "columns are empty, not 0.", themes=names))
    if unregistered:
        out.append(tr(lang, "parcels", "The parcel file gives no registered area: "
                      "registered_area_m2 is empty; area_m2 is computed from the outlines."))
    return tuple(out)


def sidecar_path(path: Path) -> Path:
    """The notes file beside a CSV table: ``status.csv`` → ``status.notes.txt``."""
    return path.with_name(f"{path.stem}.notes.txt")


def write_parcel_table(table: pd.DataFrame, context: ParcelContext, path: Path,
                       lang: str = "da") -> int:
    """Write *table* (one row per parcel of *context*) to *path* (.csv or .gpkg) through
    :func:`naturplan.io.atomic.write_file`, with its notes (:func:`table_notes`) in the
    layer's description or a sidecar beside the CSV; returns the table file's size. A CSV
    text cell that a spreadsheet would run as a formula gets a leading ``'`` (numbers are
    left as they are).

    Raises
    ------
    FileWriteError
        If the file cannot be written completely (nothing is left behind).
    """
    out = table.copy()
    out["synthetic_data"] = any(s.synthetic for s in context.sources())
    path = Path(path)
    notes = table_notes(table, lang)
    if path.suffix.lower() == ".gpkg":
        import geopandas as gpd

        frame = gpd.GeoDataFrame(out, geometry=context.geometries, crs=25832)
        text = frame.drop(columns="geometry").select_dtypes(include=["object", "string"]).columns
        cleaning = Cleaning()
        for column in text:
            frame[column] = frame[column].map(
                lambda v: cleaning.gdal(v) if isinstance(v, str) else v)

        def write(part: Path) -> None:  # a new file, readable by QGIS 3.22 (GPKG 1.2)
            write_gpkg(frame, part, "parcel_status", description=" ".join(notes))

        return write_file(path, write, verify.features(len(frame), "GeoPackage",
                                                       "parcel_status"), keep_suffix=True)
    return write_parcel_csv(csv_text(out), len(out), path, notes)


def write_parcel_csv(text: str, rows: int, path: Path, notes: tuple[str, ...]) -> int:
    """Write the CSV *text* (a header and *rows* rows, :func:`csv_text`) to *path* and its
    *notes* to the sidecar beside it (an old sidecar is removed when there are none);
    returns the CSV's size.

    Raises
    ------
    FileWriteError
        If the file cannot be written completely (nothing is left behind).
    """
    data = text.encode("utf-8")
    sidecar = sidecar_path(path)
    size = write_file(path, lambda part: part.write_bytes(data),
                      verify.all_of(verify.exact(data, "CSV"),
                                    verify.csv_rows(rows + 1, "utf-8", ",")))
    if notes:  # what the CSV cannot say itself: beside it, through the same writer
        text_notes = ("\n".join(notes) + "\n").encode("utf-8")
        write_file(sidecar, lambda part: part.write_bytes(text_notes),
                   verify.exact(text_notes, "text"))
    else:
        sidecar.unlink(missing_ok=True)  # an old run's notes would mislead
    return size


def csv_text(frame: pd.DataFrame) -> str:
    """*frame* as CSV text, byte for byte what ``frame.to_csv(index=False,
    float_format="%.4f")`` writes after :func:`csv_safe` on the text cells, in a third of
    its time (pandas formats every float through a Python call of its own; here each
    column is formatted once and the rows joined).
    """
    return "\n".join([csv_header(frame), *csv_lines(frame)]) + "\n"


def csv_header(frame: pd.DataFrame) -> str:
    """The header line of :func:`csv_text` (no line end)."""
    return ",".join(_quoted(str(name)) for name in frame.columns)


def csv_lines(frame: pd.DataFrame) -> list[str]:
    """The rows of :func:`csv_text`, one line each (no line ends): a row's text depends on
    that row alone, so the lines of a part of a table are those rows' lines of the whole."""
    columns = [_csv_cells(frame[name]) for name in frame.columns]
    return [",".join(row) for row in zip(*columns, strict=True)]


def _csv_cells(column: pd.Series) -> list[str]:
    """One column's cells as CSV text (empty for missing values)."""
    if pd.api.types.is_float_dtype(column.dtype):
        # Each distinct value formatted once (most cells are 0 or empty), found by its
        # bits so that -0.0 stays "-0.0000" as pandas writes it.
        floats = column.to_numpy(dtype=np.float64)
        bits, where = np.unique(floats.view(np.int64), return_inverse=True)
        cells = np.array(["" if v != v else f"{v:.4f}" for v in bits.view(np.float64).tolist()],
                         dtype=object)
        text: list[str] = cells[where.reshape(-1)].tolist()
        return text
    values = column.to_numpy(dtype=object)
    if pd.api.types.is_bool_dtype(column.dtype) or pd.api.types.is_integer_dtype(column.dtype):
        return ["" if v is None or v is pd.NA else str(v) for v in values.tolist()]
    cache: dict[str, str] = {"": ""}  # most text cells repeat (types, codes, empty)
    out = []
    for v in values.tolist():
        if isinstance(v, str):
            cell = cache.get(v)
            if cell is None:
                cell = cache[v] = _quoted(csv_safe(v))
            out.append(cell)
        elif v is None or v is pd.NA or (isinstance(v, float) and v != v):
            out.append("")
        else:
            out.append(_quoted(str(v)))
    return out


def _quoted(text: str) -> str:
    """A cell as pandas' minimal quoting writes it."""
    if "," in text or '"' in text or "\n" in text or "\r" in text:
        return '"' + text.replace('"', '""') + '"'
    return text
