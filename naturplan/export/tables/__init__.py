"""The candidate table (columns in one place) and its files: xlsx, csv, gpkg, shp, geojson."""

from naturplan.export.tables.columns import CANDIDATE_COLUMNS, CandidateRecord, Column, ColumnType
from naturplan.export.tables.writers import FORMATS, TableNotes, export_candidates

__all__ = [
    "CANDIDATE_COLUMNS",
    "FORMATS",
    "CandidateRecord",
    "Column",
    "ColumnType",
    "TableNotes",
    "export_candidates",
]
