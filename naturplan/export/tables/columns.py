"""The candidate table: which columns it has, in one place, for every export format.

The Excel and CSV appendix, the GeoPackage, shapefile and GeoJSON files and the web map's
popups all take their columns from :data:`CANDIDATE_COLUMNS`. A number added by the analysis
(issue 11: CO2e, conflicts, connectivity, flood) becomes a column by appending a
:class:`Column` whose getter reads ``record.measures[key]``; every format then carries it.

A column's value is raw data (m², bool, text code); each writer turns it into its own form
(hectares with a Danish number format in Excel, a translated kind in the CSV, the code in a
GeoPackage).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from naturplan.core.plan.candidates import Candidate, CandidateKind, CandidateStatus
from naturplan.core.plan.ledger import LedgerResult, counts
from naturplan.export.i18n import tr
from naturplan.export.labels import kind_label, status_label, yes_no
from naturplan.export.numbers import M2_PER_HA


class ColumnType(StrEnum):
    """How a column's raw value is written."""

    TEXT = "text"
    KIND = "kind"  # CandidateKind value; translated in text tables
    STATUS = "status"  # CandidateStatus value; translated in text tables
    AREA = "area"  # m² in, hectares out
    BOOL = "bool"
    INT = "int"
    NUMBER = "number"
    TIMESTAMP = "timestamp"  # UTC ISO 8601 in, local date and time in text tables


@dataclass(frozen=True)
class CandidateRecord:
    """One candidate and the numbers measured for it.

    Attributes
    ----------
    candidate
        The candidate as stored.
    gain_m2
        New nature it adds to the projected share, m² (0 when it does not count).
    counts
        True if it counts toward the target (flag set, not rejected).
    measures
        Further numbers by column key (issue 11's analysis), raw units.
    """

    candidate: Candidate
    gain_m2: float = 0.0
    counts: bool = False
    measures: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Column:
    """One column of the candidate table.

    Attributes
    ----------
    key
        Field name in GeoPackage, GeoJSON and CSV files (and the popup's key).
    shp
        Field name in a shapefile (at most 10 characters).
    header
        English header; the Danish one is in context ``export_table`` of ``export_da.ts``.
    type
        How the raw value is written.
    get
        The raw value from a :class:`CandidateRecord`.
    decimals
        Decimals shown for areas and numbers.
    """

    key: str
    shp: str
    header: str
    type: ColumnType
    get: Callable[[CandidateRecord], Any]
    decimals: int = 2

    def title(self, lang: str) -> str:
        """The header in *lang*, with the unit for areas (``Areal (ha)``)."""
        return tr(lang, "export_table", self.header)


def _attr(name: str) -> Callable[[CandidateRecord], Any]:
    def get(record: CandidateRecord) -> Any:
        value = getattr(record.candidate, name)
        return value.value if isinstance(value, CandidateKind | CandidateStatus) else value

    return get


#: The candidate table, in column order. Append analysis columns here (see module docstring).
CANDIDATE_COLUMNS: list[Column] = [
    Column("name", "navn", "Name", ColumnType.TEXT, _attr("name")),
    Column("kind", "type", "Kind", ColumnType.KIND, _attr("kind")),
    Column("status", "status", "Status", ColumnType.STATUS, _attr("status")),
    Column("area_ha", "areal_ha", "Area (ha)", ColumnType.AREA, lambda r: r.candidate.area_m2),
    Column("new_nature_ha", "ny_nat_ha", "New nature (ha)", ColumnType.AREA,
           lambda r: r.gain_m2),
    Column("counts_toward_target", "taeller", "Counts toward target", ColumnType.BOOL,
           lambda r: r.counts),
    Column("note", "note", "Note", ColumnType.TEXT, _attr("note")),
    Column("created", "oprettet", "Created", ColumnType.TIMESTAMP, _attr("created")),
    Column("modified", "aendret", "Modified", ColumnType.TIMESTAMP, _attr("modified")),
    Column("author", "forfatter", "Author", ColumnType.TEXT, _attr("author")),
    Column("version", "version", "Version", ColumnType.INT, _attr("version"), 0),
    Column("id", "id", "Id", ColumnType.TEXT, _attr("id")),
]


def candidate_records(
    candidates: Iterable[Candidate],
    ledger: LedgerResult | None = None,
    measures: Mapping[str, Mapping[str, Any]] | None = None,
) -> list[CandidateRecord]:
    """The records of *candidates* (oldest first), with their gain from *ledger*.

    Parameters
    ----------
    candidates
        The plan's candidates.
    ledger
        The ledger's result over the same candidates; without one every gain is 0.
    measures
        Candidate id → analysis numbers by column key.
    """
    gains = ledger.gain_m2_by_candidate if ledger is not None else {}
    extra = measures or {}
    ordered = sorted(candidates, key=lambda c: (c.created, c.id))
    return [
        CandidateRecord(c, float(gains.get(c.id, 0.0)), counts(c), extra.get(c.id, {}))
        for c in ordered
    ]


def local_timestamp(utc_iso: str, lang: str) -> str:
    """``2026-11-26T10:15:00.000Z`` → ``26-11-2026 11:15`` in local time (da)."""
    if not utc_iso:
        return ""
    try:
        when = datetime.fromisoformat(utc_iso.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return utc_iso
    return when.strftime("%d-%m-%Y %H:%M" if lang == "da" else "%Y-%m-%d %H:%M")


def hectares(m2: float) -> float:
    """m² → ha."""
    return float(m2) / M2_PER_HA


def text_value(column: Column, record: CandidateRecord, lang: str) -> Any:
    """The value of *column* for a person: translated words, hectares, local time.

    Numbers stay numbers (formatted by the writer); everything else becomes text.
    """
    raw = column.get(record)
    if column.type is ColumnType.KIND:
        return kind_label(str(raw), lang)
    if column.type is ColumnType.STATUS:
        return status_label(str(raw), lang)
    if column.type is ColumnType.AREA:
        return hectares(raw)
    if column.type is ColumnType.BOOL:
        return yes_no(bool(raw), lang)
    if column.type is ColumnType.TIMESTAMP:
        return local_timestamp(str(raw or ""), lang)
    if column.type in (ColumnType.INT, ColumnType.NUMBER):
        return raw
    return "" if raw is None else str(raw)


def data_value(column: Column, record: CandidateRecord) -> Any:
    """The value of *column* in a data file (GeoPackage, shapefile, GeoJSON): codes, ha."""
    raw = column.get(record)
    if column.type is ColumnType.AREA:
        return hectares(raw)
    if column.type is ColumnType.BOOL:
        return bool(raw)
    if column.type is ColumnType.INT:
        return int(raw)
    if column.type is ColumnType.NUMBER:
        return None if raw is None else float(raw)
    return "" if raw is None else str(raw)
