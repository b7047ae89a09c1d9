"""The table of ``stats --all-kommuner``: one row per municipality, CSV, xlsx or JSON.

Columns (stable keys, areas in m², shares as fractions 0..1): ``komkode``, ``kommune``,
``area_m2``, ``protected_m2``, ``share``, ``gap_17_m2``, ``gap_20_m2`` (0 once reached), then
``p3_<type>_m2`` for every §3 type met anywhere (0 where a municipality has none of that
type: measured, nothing there), and ``synthetic_data``. Every file goes through
:func:`naturplan.io.atomic.write_file`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from naturplan.core import jsontext
from naturplan.core.errors import ExportError
from naturplan.export.tables.cells import Cleaning, csv_safe
from naturplan.io import verify
from naturplan.io.atomic import write_file

FORMATS = (".csv", ".xlsx", ".json")


def _type_key(name: str) -> str:
    return "p3_" + "".join(c if c.isalnum() else "_" for c in name.lower()) + "_m2"


def kommune_rows(rows: Sequence[Any]) -> tuple[list[str], list[list[Any]]]:
    """Header and values of *rows* (:class:`~naturplan.usecases.all_kommuner.KommuneShare`)."""
    types = sorted({t for r in rows for t in r.by_type if t})
    header = ["komkode", "kommune", "area_m2", "protected_m2", "share", "gap_17_m2",
              "gap_20_m2", *(_type_key(t) for t in types), "synthetic_data"]
    values = [[r.code, r.name, r.area_m2, r.protected_m2, r.share, r.gap_m2(0.17),
               r.gap_m2(0.20), *(r.by_type.get(t, 0.0) for t in types), r.synthetic]
              for r in rows]
    return header, values


def write_kommune_table(rows: Sequence[Any], path: Path) -> int:
    """Write *rows* to *path* by its suffix; returns the file's size.

    Raises
    ------
    ExportError
        For a suffix that is not .csv, .xlsx or .json.
    FileWriteError
        If the file cannot be written completely (nothing is left behind).
    """
    suffix = path.suffix.lower()
    header, values = kommune_rows(rows)
    if suffix == ".json":
        doc = [dict(zip(header, row, strict=True)) for row in values]
        data = (jsontext.dumps(doc, indent=2) + "\n").encode("utf-8")
        return write_file(path, lambda part: part.write_bytes(data), verify.exact(data, "JSON"))
    if suffix == ".csv":
        text = io.StringIO()
        out = csv.writer(text, lineterminator="\n")
        out.writerow(header)
        digits = [8 if name == "share" else 4 for name in header]
        for row in values:
            out.writerow([csv_safe(v) if isinstance(v, str) else
                          (f"{v:.{d}f}" if isinstance(v, float) else v)
                          for v, d in zip(row, digits, strict=True)])
        data = text.getvalue().encode("utf-8")
        return write_file(path, lambda part: part.write_bytes(data),
                          verify.all_of(verify.exact(data, "CSV"),
                                        verify.csv_rows(len(values) + 1, "utf-8", ",")))
    if suffix == ".xlsx":
        return _write_xlsx(path, header, values)
    raise ExportError("The table must end in .csv, .xlsx or .json, got '{name}'.",
                      name=path.name)


def _write_xlsx(path: Path, header: list[str], values: list[list[Any]]) -> int:
    from openpyxl import Workbook

    cleaning = Cleaning()
    book = Workbook()
    sheet = book.active
    sheet.title = "kommuner"
    for row in [header, *values]:
        sheet.append([cleaning.xlsx(v) if isinstance(v, str) else v for v in row])
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # a name is text, never a formula
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    data = buffer.getvalue()
    return write_file(path, lambda part: part.write_bytes(data),
                      verify.all_of(verify.exact(data, "Excel"), verify.xlsx(len(values) + 1)))
