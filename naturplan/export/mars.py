"""The MARS files (issue 22, item 4): the project areas as a shapefile and the project list as
a CSV (semicolon, UTF-8, one row per project), both through :func:`naturplan.io.atomic.write_file`.

A number that was not measured (no lowland layer, no N-retention layer) is an empty cell,
never 0; the reasons are returned to the caller to say (``MarsRow.gaps``).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from naturplan.core.national.mars import MarsMapping
from naturplan.io import verify
from naturplan.io.atomic import write_file

__all__ = ["CSV_NAME", "SHP_NAME", "MarsRow", "write_mars"]

SHP_NAME = "mars_projektomraader.shp"
CSV_NAME = "mars_projektliste.csv"
SHP_SIDECARS = (".shx", ".dbf", ".prj", ".cpg")


@dataclass(frozen=True)
class MarsRow:
    """One project: its fields by key (``id``, ``name``, … of the mapping), the CSV's
    numbers by column (None: not measured) and its geometry (EPSG:25832)."""

    values: Mapping[str, Any]
    numbers: Mapping[str, float | None]
    geometry: Any
    gaps: tuple[str, ...] = field(default=())


def write_mars(folder: Path, rows: Sequence[MarsRow], mapping: MarsMapping) -> list[Path]:
    """Write the shapefile and the CSV project list of *rows* into *folder*; returns both
    paths.

    Raises
    ------
    FileWriteError
        If a file cannot be written (nothing half-written is left).
    """
    folder = Path(folder)
    shp, table = folder / SHP_NAME, _table(rows, mapping)

    def write_shp(part: Path) -> None:
        import pyogrio

        pyogrio.write_arrow(table, part, driver="ESRI Shapefile", geometry_name="geometry",
                            geometry_type="MultiPolygon", crs="EPSG:25832", encoding="UTF-8")

    write_file(shp, write_shp, verify.features(len(rows), "Shapefile"), keep_suffix=True,
               sidecars=SHP_SIDECARS)
    text = _csv(rows, mapping).encode("utf-8")
    target = folder / CSV_NAME
    write_file(target, lambda part: part.write_bytes(text),
               verify.csv_rows(len(rows) + 1, "utf-8", ";"))
    return [shp, target]


def _table(rows: Sequence[MarsRow], mapping: MarsMapping) -> Any:
    import pyarrow as pa
    import shapely

    columns: dict[str, Any] = {}
    for key, name in mapping.fields.items():
        if key == "area_ha":
            columns[name] = pa.array([_number(r.values.get(key)) for r in rows], pa.float64())
        else:
            columns[name] = pa.array([_str(r.values.get(key)) for r in rows], pa.string())
    geoms = [shapely.multipolygons(list(shapely.get_parts(r.geometry))) for r in rows]
    columns["geometry"] = pa.array(shapely.to_wkb(geoms))
    return pa.table(columns)


def _csv(rows: Sequence[MarsRow], mapping: MarsMapping) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(mapping.csv_columns)
    by_field = {name: key for key, name in mapping.fields.items()}
    for row in rows:
        cells = []
        for column in mapping.csv_columns:
            if column in by_field:
                value = row.values.get(by_field[column])
            else:
                value = row.numbers.get(column)
            cells.append(_cell(value))
        writer.writerow(cells)
    return out.getvalue()


def _cell(value: Any) -> str:
    """A CSV cell: numbers with a decimal comma (Danish spreadsheets), None empty."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.2f}".replace(".", ",")
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text  # never a formula


def _str(value: Any) -> str | None:
    return None if value is None or value == "" else str(value)


def _number(value: Any) -> float | None:
    return None if value is None else float(value)
