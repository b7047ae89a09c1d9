"""The every-parcel table from rows streamed out of the team database (issue 24 §3).

``naturplan parcels --out FILE.csv`` on layers loaded into PostGIS: the rows come from
:func:`naturplan.io.postgis_layers.parcel_rows` one server batch at a time and are written
as they come, so the table never sits in memory. The columns are the local table's
(:data:`naturplan.core.parcels.batch.BASE_COLUMNS`, ``synthetic_data``); the database measures
the §3 and Natura 2000 parts, every other theme's cells are empty, never 0, and the sidecar
notes say so (:func:`naturplan.export.parcel_table.table_notes`).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from naturplan.core.parcels.batch import BASE_COLUMNS, THEME_COLUMNS
from naturplan.core.parcels.themes import Theme
from naturplan.export.parcel_table import sidecar_path, table_notes
from naturplan.export.tables.cells import csv_safe
from naturplan.io import verify
from naturplan.io.atomic import write_file

#: The themes the database batch measures.
MEASURED = (Theme.NATURE_P3, Theme.NATURA2000)


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4f}"
    return csv_safe(value) if isinstance(value, str) else value


def _number(text: Any) -> float | None:
    try:
        value = float(text)
    except (TypeError, ValueError):
        return None
    return value if value == value else None


def _share(part: float | None, whole: float) -> float | None:
    if part is None:
        return None
    return min(max(part / whole, 0.0), 1.0) if whole > 0 else 0.0


def write_streamed_parcel_table(rows: Iterable[tuple[Any, ...]], path: Path, synthetic: bool,
                                lang: str = "da") -> int:
    """Write the rows of :func:`~naturplan.io.postgis_layers.parcel_rows` (ejerlavskode,
    ejerlavsnavn, matrikelnummer, registered area, area, §3 m² and types, Natura 2000 m² and
    sites; None where not measured) to
    the CSV *path* through :func:`naturplan.io.atomic.write_file`; returns the row count.

    Raises
    ------
    FileWriteError
        If the file cannot be written completely (nothing is left behind).
    """
    written = [0]
    no_registered = [True]
    missing = {Theme.NATURE_P3: False, Theme.NATURA2000: False}

    def write(part: Path) -> None:
        with open(part, "w", encoding="utf-8", newline="") as handle:
            out = csv.writer(handle, lineterminator="\n")
            out.writerow([*BASE_COLUMNS, "synthetic_data"])
            for code, name, number, registered_text, area, p3, types, n2k, sites in rows:
                registered = _number(registered_text)
                no_registered[0] &= registered is None
                missing[Theme.NATURE_P3] |= p3 is None
                missing[Theme.NATURA2000] |= n2k is None
                values: dict[str, Any] = dict.fromkeys(BASE_COLUMNS)
                values.update(ejerlavskode=code, ejerlavsnavn=name, matrikelnummer=number,
                              registered_area_m2=registered, area_m2=float(area), p3_m2=p3,
                              p3_share=_share(p3, area), p3_types=types, natura2000_m2=n2k,
                              natura2000_share=_share(n2k, area), natura2000_codes=sites)
                out.writerow([_cell(values[c]) for c in BASE_COLUMNS] + [synthetic])
                written[0] += 1

    def check(part: Path) -> None:
        verify.csv_rows(written[0] + 1, "utf-8", ",")(part)

    write_file(path, write, check)
    not_measured = [t for t in THEME_COLUMNS if t not in MEASURED or missing.get(t, False)]
    none_registered = no_registered[0] and written[0] > 0
    frame = pd.DataFrame({"registered_area_m2": [None] if none_registered else [0.0]})
    frame.attrs["not_evaluated"] = tuple(t.value for t in not_measured)
    notes = table_notes(frame, lang)
    sidecar = sidecar_path(path)
    if notes:
        text = ("\n".join(notes) + "\n").encode("utf-8")
        write_file(sidecar, lambda part: part.write_bytes(text), verify.exact(text, "text"))
    else:
        sidecar.unlink(missing_ok=True)
    return written[0]
