"""The candidate table as files: Excel, CSV, GeoPackage, shapefile, GeoJSON.

Excel (openpyxl) and CSV are the council's appendix: translated headers and words, areas in
hectares. Excel keeps numbers as numbers with the format ``#,##0.00`` (Danish Excel shows
``1.234,56``); the Danish CSV uses ``;`` between fields and a decimal comma, as Danish Excel
expects, and starts with a UTF-8 byte order mark so that æøå open right.

GeoPackage (version 1.2, which QGIS 3.22 reads without a warning), shapefile (UTF-8, fields of at
most 10 characters) and GeoJSON (RFC 7946: WGS 84 longitude/latitude) are data for consultants
and QGIS: codes instead of words, EPSG:25832 except GeoJSON.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from naturplan.core.errors import ExportError
from naturplan.core.feedback import Feedback, as_feedback
from naturplan.export.tables.cells import (
    REPLACEMENT,
    SHP_MAX_BYTES,
    XLSX_MAX_CHARS,
    Cleaning,
    csv_safe,
)
from naturplan.export.tables.columns import (
    CANDIDATE_COLUMNS,
    CandidateRecord,
    Column,
    ColumnType,
    data_value,
    local_datetime,
    text_value,
)
from naturplan.io import verify
from naturplan.io.atomic import check_writable, write_file
from naturplan.text.i18n import tr
from naturplan.text.numbers import format_number

#: Format → its name in a note.
FORMAT_NAMES = {"xlsx": "Excel", "csv": "CSV", "gpkg": "GeoPackage", "shp": "Shapefile",
                "geojson": "GeoJSON"}
#: File suffix → format name.
FORMATS = {".xlsx": "xlsx", ".csv": "csv", ".gpkg": "gpkg", ".shp": "shp",
           ".geojson": "geojson", ".json": "geojson"}


@dataclass(frozen=True)
class TableNotes:
    """What the appendix says about where the numbers come from.

    Attributes
    ----------
    project
        The project file's name.
    municipality
        The municipality's name.
    exported
        Date of the export, as the reader sees it.
    exported_on
        The same date as a date (an Excel date cell); None = only the text.
    synthetic
        Titles of the layers behind the numbers that are synthetic sample data.
    analysis
        What the analysis columns mean and what was not measured, and why (translated
        lines; :func:`naturplan.export.measure_notes.measure_notes`).
    statuses
        Which candidates the plan's projected numbers include, by status (translated
        lines; :func:`naturplan.export.ledger_table.status_notes`).
    """

    project: str = ""
    municipality: str = ""
    exported: str = ""
    exported_on: date | None = None
    synthetic: tuple[str, ...] = field(default_factory=tuple)
    analysis: tuple[str, ...] = field(default_factory=tuple)
    statuses: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class TableReport:
    """What :func:`export_candidates` wrote.

    Attributes
    ----------
    path, size
        The file and its size in bytes.
    rows
        Candidates written.
    notes
        What the format could not hold and was cleaned (translated lines, said once per
        file; empty when every value went in as it was).
    """

    path: Path
    size: int
    rows: int
    notes: tuple[str, ...] = ()


def export_candidates(
    path: Path,
    records: Sequence[CandidateRecord],
    lang: str = "da",
    notes: TableNotes | None = None,
    columns: Sequence[Column] | None = None,
    feedback: Feedback | None = None,
) -> TableReport:
    """Write *records* to *path* in the format its suffix names, through
    :func:`naturplan.io.atomic.write_file` (checked complete, nothing left on failure).

    Raises
    ------
    ExportError
        If the suffix is not one of :data:`FORMATS`; :class:`FileWriteError` if the file
        cannot be written completely.
    """
    path = Path(path)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise ExportError(
            "Cannot export to {name}: use .xlsx, .csv, .gpkg, .shp or .geojson.", name=path.name
        )
    check_writable(path)
    fb = as_feedback(feedback)
    cols = list(columns or CANDIDATE_COLUMNS)
    fb.report(0.1, path.name)
    cleaning = Cleaning()
    if fmt == "xlsx":
        size = write_xlsx(path, records, cols, lang, notes or TableNotes(), cleaning)
    elif fmt == "csv":
        size = write_csv(path, records, cols, lang)
    else:
        size = write_vector(path, records, cols, fmt, notes, cleaning)
    fb.report(1.0, path.name)
    return TableReport(path, size, len(records), cleaning_notes(cleaning, fmt, lang))


def cleaning_notes(cleaning: Cleaning, fmt: str, lang: str) -> tuple[str, ...]:
    """What *cleaning* changed in a *fmt* file, in *lang*: at most two lines."""
    name = FORMAT_NAMES.get(fmt, fmt)
    lines = []
    if cleaning.characters:
        lines.append(tr(lang, "export_table", "{n} values held characters that {format} cannot "
                        "hold (control characters, NUL); they are shown as {mark}.",
                        n=cleaning.characters, format=name, mark=REPLACEMENT))
    if cleaning.cut:
        limit = (tr(lang, "export_table", "{count} characters",
                    count=format_number(XLSX_MAX_CHARS, 0, lang)) if fmt == "xlsx"
                 else tr(lang, "export_table", "{count} bytes",
                         count=format_number(SHP_MAX_BYTES, 0, lang)))
        lines.append(tr(lang, "export_table", "{n} values were longer than {format} holds "
                        "({limit}) and were cut.", n=cleaning.cut, format=name, limit=limit))
    return tuple(lines)


# --- CSV -----------------------------------------------------------------------------------


def csv_cell(column: Column, record: CandidateRecord, lang: str) -> str:
    """One CSV cell: numbers without thousands separators and with the language's decimal
    mark, so that a spreadsheet in that language reads them as numbers; text that a
    spreadsheet would run as a formula gets a leading ``'`` (:func:`csv_safe`)."""
    value = text_value(column, record, lang)
    if value is None:
        return ""  # not measured or not for this kind: empty, never 0
    if column.type in _DECIMAL_TYPES:
        text = f"{float(value):.{column.decimals}f}"
        return text.replace(".", ",") if lang == "da" else text
    if column.type is ColumnType.INT:
        return str(value)
    return csv_safe(str(value))


def write_csv(path: Path, records: Sequence[CandidateRecord], columns: Sequence[Column],
              lang: str) -> int:
    """The table as CSV (``;`` and decimal comma in Danish, ``,`` and point in English);
    returns the file's size."""
    delimiter = ";" if lang == "da" else ","
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow([c.title(lang) for c in columns])
    for record in records:
        writer.writerow([csv_cell(c, record, lang) for c in columns])
    data = buffer.getvalue().encode("utf-8-sig")
    return write_file(path, lambda part: part.write_bytes(data),
                      verify.all_of(verify.exact(data, "CSV"),
                                    verify.csv_rows(len(records) + 1, "utf-8-sig", delimiter)))


# --- Excel ---------------------------------------------------------------------------------

_DECIMAL_TYPES = (ColumnType.AREA, ColumnType.NUMBER, ColumnType.PERCENT)
#: Excel formats of a date and time, and of a date, by language.
DATETIME_FORMATS = {"da": "dd-mm-yyyy hh:mm", "en": "yyyy-mm-dd hh:mm"}
DATE_FORMATS = {"da": "dd-mm-yyyy", "en": "yyyy-mm-dd"}


def xlsx_value(column: Column, record: CandidateRecord, lang: str) -> Any:
    """One Excel cell: :func:`text_value`, but a date and time as a real date cell."""
    if column.type is ColumnType.TIMESTAMP:
        return local_datetime(str(column.get(record) or ""))
    return text_value(column, record, lang)


def xlsx_format(column: Column, lang: str = "da") -> str | None:
    """The Excel number format of *column* (``#,##0.00`` for two decimals), or None."""
    if column.type is ColumnType.TIMESTAMP:
        return DATETIME_FORMATS.get(lang, DATETIME_FORMATS["da"])
    if column.type is ColumnType.INT:
        return "0"
    if column.type in _DECIMAL_TYPES:
        return "#,##0" + ("." + "0" * column.decimals if column.decimals else "")
    return None


def write_xlsx(path: Path, records: Sequence[CandidateRecord], columns: Sequence[Column],
               lang: str, notes: TableNotes, cleaning: Cleaning | None = None) -> int:
    """The table as an Excel workbook: the candidates, a total row, and a sheet about the
    numbers' sources; returns the file's size. Every text cell is a string cell (never a
    formula); what a cell cannot hold is cleaned and counted in *cleaning*."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    cleaning = cleaning if cleaning is not None else Cleaning()
    book = Workbook()
    sheet = book.active
    sheet.title = tr(lang, "export_table", "Candidate areas")[:31]
    _append_text_safe(sheet, [c.title(lang) for c in columns], cleaning)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for record in records:
        _append_text_safe(sheet, [xlsx_value(c, record, lang) for c in columns], cleaning)
    _number_formats(sheet, columns, len(records), lang=lang)
    total_row = _total_row(columns, records, lang)
    sheet.append([])
    _append_text_safe(sheet, total_row, cleaning)
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    _number_formats(sheet, columns, 1, first=sheet.max_row, lang=lang)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{len(records) + 1}"
    for i, column in enumerate(columns, start=1):
        width = max([len(column.title(lang))] + [
            len(str(text_value(column, r, lang))) for r in records[:200]
        ])
        sheet.column_dimensions[get_column_letter(i)].width = min(max(width + 2, 8), 60)
    about = cleaning_notes(cleaning, "xlsx", lang)
    _about_sheet(book, replace(notes, analysis=(*notes.analysis, *about)), lang, len(records),
                 cleaning)
    buffer = io.BytesIO()  # saved in memory: a full disk is one OSError, not a ZipFile warning
    book.save(buffer)
    data = buffer.getvalue()
    return write_file(path, lambda part: part.write_bytes(data),
                      verify.all_of(verify.exact(data, "Excel"), verify.xlsx(len(records) + 1)))


def _append_text_safe(sheet: Any, values: Sequence[Any], cleaning: Cleaning) -> None:
    """Append a row whose text cells are string cells (a value starting with ``=`` is text,
    never a formula) holding only what Excel can hold."""
    sheet.append([cleaning.xlsx(v) if isinstance(v, str) else v for v in values])
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"


def _number_formats(sheet: Any, columns: Sequence[Column], rows: int, first: int = 2,
                    lang: str = "da") -> None:
    for i, column in enumerate(columns, start=1):
        fmt = xlsx_format(column, lang)
        if fmt is None:
            continue
        for row in range(first, first + rows):
            sheet.cell(row=row, column=i).number_format = fmt


def _total_row(columns: Sequence[Column], records: Sequence[CandidateRecord],
               lang: str) -> list[Any]:
    row: list[Any] = []
    for i, column in enumerate(columns):
        if column.total:
            values = [v for r in records if (v := text_value(column, r, lang)) is not None]
            row.append(sum(values) if values else None)  # nothing measured: empty, not 0
        else:
            row.append(tr(lang, "export_table", "Total") if i == 0 else None)
    return row


def _about_sheet(book: Any, notes: TableNotes, lang: str, count: int,
                 cleaning: Cleaning) -> None:
    about = book.create_sheet(tr(lang, "export_table", "About")[:31])
    t = lambda text, **kw: tr(lang, "export_table", text, **kw)  # noqa: E731
    rows = [
        (t("Project"), notes.project),
        (t("Municipality"), notes.municipality),
        (t("Exported"), notes.exported_on or notes.exported),
        (t("Candidate areas"), format_number(count, 0, lang)),
        (t("Area"), t("Hectares (ha), measured in EPSG:25832.")),
        (t("New nature"), t("The part of a counting candidate outside protected nature "
                             "and outside earlier candidates; overlaps are counted once.")),
        (t("Total"), t("The total row adds up each column as it stands, every candidate "
                       "(also rejected ones and overlapping ones); the plan's new nature "
                       "counts overlaps once.")),
    ]
    if notes.synthetic:
        rows.append((t("Synthetic data"), t(
            "New nature is measured against synthetic sample data: {layers}.",
            layers=", ".join(notes.synthetic))))
    rows += [("", line) for line in notes.statuses]
    rows += [(t("Analysis") if k == 0 else "", line) for k, line in enumerate(notes.analysis)]
    for row in rows:
        _append_text_safe(about, list(row), cleaning)
        if isinstance(row[1], date):
            about.cell(row=about.max_row, column=2).number_format = DATE_FORMATS.get(
                lang, DATE_FORMATS["da"])
    about.column_dimensions["A"].width = 22
    about.column_dimensions["B"].width = 100


# --- GeoPackage, shapefile, GeoJSON ---------------------------------------------------------


def candidate_frame(records: Sequence[CandidateRecord], columns: Sequence[Column],
                    shapefile: bool = False, cleaning: Cleaning | None = None) -> Any:
    """The records as a GeoDataFrame in EPSG:25832 with the data values of *columns*; text
    that GDAL cannot hold (NUL; more than a shapefile field's 254 bytes) is cleaned and
    counted in *cleaning*."""
    import geopandas as gpd

    cleaning = cleaning if cleaning is not None else Cleaning()
    limit = SHP_MAX_BYTES if shapefile else None

    def value(column: Column, record: CandidateRecord) -> Any:
        raw = data_value(column, record)
        return cleaning.gdal(raw, limit) if isinstance(raw, str) else raw

    data = {
        (c.shp if shapefile else c.key): _typed(c, [value(c, r) for r in records])
        for c in columns
    }
    geometry = gpd.GeoSeries([r.candidate.geometry for r in records], crs=25832)
    return gpd.GeoDataFrame(data, geometry=geometry, crs=25832)


_DTYPES = {ColumnType.AREA: "Float64", ColumnType.NUMBER: "Float64",
           ColumnType.PERCENT: "Float64", ColumnType.INT: "Int64", ColumnType.BOOL: "boolean"}


def _typed(column: Column, values: list[Any]) -> Any:
    """*values* as a typed column: real, integer and boolean fields with NULL where nothing
    was measured (a plain list of numbers and None would be written as text or as NaN)."""
    import pandas as pd

    dtype = _DTYPES.get(column.type)
    return values if dtype is None else pd.array(values, dtype=dtype)


#: The side files GDAL writes beside a shapefile.
SHP_SIDECARS = (".shx", ".dbf", ".prj", ".cpg")


def write_vector(path: Path, records: Sequence[CandidateRecord], columns: Sequence[Column],
                 fmt: str, notes: TableNotes | None = None, cleaning: Cleaning | None = None
                 ) -> int:
    """GeoPackage 1.2, shapefile (UTF-8) or GeoJSON (RFC 7946) of the candidates; the
    GeoPackage layer's and the GeoJSON's description carry *notes*' analysis lines. Returns
    the size of the file written."""
    cleaning = cleaning if cleaning is not None else Cleaning()
    frame = candidate_frame(records, columns, shapefile=fmt == "shp", cleaning=cleaning)
    frame["geometry"] = frame.geometry.apply(_multi)
    description = " ".join(notes.analysis) if notes is not None else ""
    described = {"DESCRIPTION": cleaning.gdal(description)} if description else {}
    count = len(records)
    if fmt == "gpkg":
        from naturplan.io.gpkg_writer import write_gpkg

        def write(part: Path) -> None:
            write_gpkg(frame, part, "kandidatomraader",
                       description=cleaning.gdal(description) if description else "")

        return write_file(path, write, verify.features(count, "GeoPackage", "kandidatomraader"),
                          keep_suffix=True)
    if fmt == "shp":
        def write_shp(part: Path) -> None:
            frame.to_file(part, driver="ESRI Shapefile", engine="pyogrio", encoding="UTF-8")

        return write_file(path, write_shp, verify.features(count, "Shapefile"),
                          keep_suffix=True, sidecars=SHP_SIDECARS)

    def write_json(part: Path) -> None:
        frame.to_crs(4326).to_file(part, driver="GeoJSON", engine="pyogrio", layer=path.stem,
                                   layer_options={"RFC7946": "YES",
                                                  "COORDINATE_PRECISION": "7", **described})

    return write_file(path, write_json, verify.features(count, "GeoJSON"), keep_suffix=True)


def _multi(geom: Any) -> Any:
    """One geometry type per file: every polygon as a multipolygon (shapefile and QGIS)."""
    import shapely

    if geom is not None and geom.geom_type == "Polygon":
        return shapely.MultiPolygon([geom])
    return geom
