"""The candidate table: which columns it has, in one place, for every export format.

The Excel and CSV appendix, the GeoPackage, shapefile and GeoJSON files and the web map's
popups all take their columns from :data:`CANDIDATE_COLUMNS`: the plan's own columns
(:data:`PLAN_COLUMNS`) with the analysis numbers (:data:`MEASURE_COLUMNS`: CO2e, Klima-Lavbund,
sequestration, conflicts, flood, connectivity, the firefighter's rule) after the new-nature
columns. A measure column reads ``record.measures[key]`` (filled by
:mod:`naturplan.usecases.measures`); a value that was not measured or does not apply to the
candidate's kind is None and becomes an empty cell (NULL in a data file), never a zero.

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
from naturplan.text.i18n import tr
from naturplan.text.labels import kind_label, status_label, yes_no
from naturplan.text.numbers import M2_PER_HA


class ColumnType(StrEnum):
    """How a column's raw value is written."""

    TEXT = "text"
    KIND = "kind"  # CandidateKind value; translated in text tables
    STATUS = "status"  # CandidateStatus value; translated in text tables
    AREA = "area"  # m² in, hectares out
    PERCENT = "percent"  # fraction in, per cent out
    FIREFIGHTER = "firefighter"  # FirefighterTag value; translated in text tables
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
    total
        Summed in the Excel total row: the plan's areas, the CO2e reduction and the
        sequestration (the column as it stands, every row; the notes say so). Not the
        shares, depths and connectivity changes, which do not add up.
    """

    key: str
    shp: str
    header: str
    type: ColumnType
    get: Callable[[CandidateRecord], Any]
    decimals: int = 2
    total: bool = False

    def title(self, lang: str) -> str:
        """The header in *lang*, with the unit for areas (``Areal (ha)``)."""
        return tr(lang, "export_table", self.header)


def _attr(name: str) -> Callable[[CandidateRecord], Any]:
    def get(record: CandidateRecord) -> Any:
        value = getattr(record.candidate, name)
        return value.value if isinstance(value, CandidateKind | CandidateStatus) else value

    return get


def _measure(key: str) -> Callable[[CandidateRecord], Any]:
    def get(record: CandidateRecord) -> Any:
        return record.measures.get(key)

    return get


def _order(record: CandidateRecord) -> int | None:
    rank = record.measures.get("firefighter_order")
    return None if rank is None else int(rank) + 1  # people count from 1


_PLAN_HEAD: list[Column] = [
    Column("name", "navn", "Name", ColumnType.TEXT, _attr("name")),
    Column("kind", "type", "Kind", ColumnType.KIND, _attr("kind")),
    Column("status", "status", "Status", ColumnType.STATUS, _attr("status")),
    Column("area_ha", "areal_ha", "Area (ha)", ColumnType.AREA, lambda r: r.candidate.area_m2,
           total=True),
    Column("new_nature_ha", "ny_nat_ha", "New nature (ha)", ColumnType.AREA,
           lambda r: r.gain_m2, total=True),
    Column("counts_toward_target", "taeller", "Counts toward target", ColumnType.BOOL,
           lambda r: r.counts),
]
_PLAN_TAIL: list[Column] = [
    Column("note", "note", "Note", ColumnType.TEXT, _attr("note")),
    Column("created", "oprettet", "Created", ColumnType.TIMESTAMP, _attr("created")),
    Column("modified", "aendret", "Modified", ColumnType.TIMESTAMP, _attr("modified")),
    Column("author", "forfatter", "Author", ColumnType.TEXT, _attr("author")),
    Column("version", "version", "Version", ColumnType.INT, _attr("version"), 0),
    Column("id", "id", "Id", ColumnType.TEXT, _attr("id")),
]

#: What each candidate does (issue 11), keys of
#: :func:`naturplan.usecases.analysis.candidate_measures` in raw units. The Klima-Lavbund area
#: and CO2e-per-hectare criteria are the ``area_ha`` and ``co2e_t_per_ha`` columns; their
#: thresholds are written in the table's notes.
MEASURE_COLUMNS: list[Column] = [
    Column("firefighter", "brandmand", "Firefighter's rule", ColumnType.FIREFIGHTER,
           _measure("firefighter")),
    Column("firefighter_order", "brand_nr", "Firefighter's order", ColumnType.INT, _order, 0),
    Column("co2e_t_per_year", "co2e_t_aar", "CO2e reduction (t CO2e/yr)", ColumnType.NUMBER,
           _measure("co2e_t_per_year"), 1, total=True),
    Column("co2e_t_per_ha", "co2e_t_ha", "CO2e reduction per ha (t CO2e/ha/yr)",
           ColumnType.NUMBER, _measure("co2e_t_per_ha"), 2),
    Column("klima_lavbund", "kl_ok", "Klima-Lavbund eligible", ColumnType.BOOL,
           _measure("klima_lavbund")),
    Column("organic_soil_pct", "kl_org_pct", "On soil > 6 % organic carbon (%)",
           ColumnType.PERCENT, _measure("kl_organic_share"), 1),
    Column("sequestration_t_per_year", "binding_t", "Sequestration (t CO2/yr)",
           ColumnType.NUMBER, _measure("sequestration_t_per_year"), 1, total=True),
    Column("nitrogen_kg_per_year", "n_kg_aar", "Nitrogen reduction (kg N/yr)",
           ColumnType.NUMBER, _measure("nitrogen_kg_per_year"), 0, total=True),
    Column("conflict_nature_p3_ha", "k_p3_ha", "Conflict: §3 nature (ha)", ColumnType.AREA,
           _measure("conflict_nature_p3_m2")),
    Column("conflict_natura2000_ha", "k_n2000_ha", "Conflict: Natura 2000 (ha)",
           ColumnType.AREA, _measure("conflict_natura2000_m2")),
    Column("conflict_organic_soil_ha", "k_organ_ha", "Conflict: organic lowland soil (ha)",
           ColumnType.AREA, _measure("conflict_organic_soil_m2")),
    Column("conflict_unwanted_forest_ha", "k_uskov_ha", "Conflict: unwanted-forest zone (ha)",
           ColumnType.AREA, _measure("conflict_unwanted_forest_m2")),
    Column("conflict_flood_ha", "k_oversv", "Conflict: flood zone (ha)", ColumnType.AREA,
           _measure("conflict_flood_m2")),
    Column("flood_ha", "oversv_ha", "Flooded (ha)", ColumnType.AREA, _measure("flood_m2")),
    Column("flood_pct", "oversv_pct", "Flooded share (%)", ColumnType.PERCENT,
           _measure("flood_share"), 1),
    Column("flood_mean_depth_m", "dybde_mid", "Mean flood depth (m)", ColumnType.NUMBER,
           _measure("flood_mean_depth_m"), 2),
    Column("flood_max_depth_m", "dybde_max", "Max flood depth (m)", ColumnType.NUMBER,
           _measure("flood_max_depth_m"), 2),
    Column("delta_eca_ha", "d_eca_ha", "ΔECA (ha)", ColumnType.AREA, _measure("delta_eca_m2")),
    Column("delta_pc_pct", "d_pc_pct", "ΔPC (%)", ColumnType.NUMBER,
           _measure("delta_pc_percent"), 3),
    Column("joins_patches", "forbinder", "Joins habitat patches", ColumnType.INT,
           _measure("joins_patches"), 0),
    # Across the border (issue 25 item 3): the municipalities of the patches it joins; only
    # in the table of a plan area of several municipalities (PlanData.columns).
    Column("joins_municipalities", "kommuner", "Joins nature in the municipalities",
           ColumnType.TEXT, _measure("joins_municipalities")),
    # Nature near home (issue 25): addresses with no nature within the distance today that
    # the candidate brings within it.
    Column("access_300_addresses", "adg_300", "New addresses with nature within 300 m",
           ColumnType.INT, _measure("access_300_m"), 0, total=False),
    Column("access_1000_addresses", "adg_1000", "New addresses with nature within 1 km",
           ColumnType.INT, _measure("access_1000_m"), 0, total=False),
]

#: The plan's own columns (the table without the analysis).
PLAN_COLUMNS: list[Column] = [*_PLAN_HEAD, *_PLAN_TAIL]
#: The candidate table with the analysis, in column order.
CANDIDATE_COLUMNS: list[Column] = [*_PLAN_HEAD, *MEASURE_COLUMNS, *_PLAN_TAIL]


#: The columns of a plan area of several municipalities only.
BORDER_COLUMNS = frozenset({"joins_municipalities"})


def table_columns(measured: bool, several_municipalities: bool = False) -> list[Column]:
    """The columns of a table whose analysis was (not) measured (the border's column only
    for a plan area of *several_municipalities*)."""
    return [c for c in (CANDIDATE_COLUMNS if measured else PLAN_COLUMNS)
            if several_municipalities or c.key not in BORDER_COLUMNS]


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


def local_datetime(utc_iso: str) -> datetime | None:
    """``2026-11-26T10:15:00.000Z`` → the naive local date and time (a spreadsheet's date
    cell has no time zone); None if empty or not a timestamp."""
    if not utc_iso:
        return None
    try:
        when = datetime.fromisoformat(utc_iso.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return None
    return when.replace(tzinfo=None, microsecond=0)


def hectares(m2: float) -> float:
    """m² → ha."""
    return float(m2) / M2_PER_HA


def text_value(column: Column, record: CandidateRecord, lang: str) -> Any:
    """The value of *column* for a person: translated words, hectares, local time.

    Numbers stay numbers (formatted by the writer); everything else becomes text.
    """
    raw = column.get(record)
    if raw is None and column.type is not ColumnType.TEXT:
        return None  # not measured, or not for this kind: an empty cell
    if column.type is ColumnType.KIND:
        return kind_label(str(raw), lang)
    if column.type is ColumnType.STATUS:
        return status_label(str(raw), lang)
    if column.type is ColumnType.FIREFIGHTER:
        from naturplan.text.analysis_words import firefighter_label

        return firefighter_label(str(raw), lang)
    if column.type is ColumnType.AREA:
        return hectares(raw)
    if column.type is ColumnType.PERCENT:
        return 100.0 * float(raw)
    if column.type is ColumnType.BOOL:
        return yes_no(bool(raw), lang)
    if column.type is ColumnType.TIMESTAMP:
        return local_timestamp(str(raw or ""), lang)
    if column.type in (ColumnType.INT, ColumnType.NUMBER):
        return raw
    return "" if raw is None else str(raw)


def data_value(column: Column, record: CandidateRecord) -> Any:
    """The value of *column* in a data file (GeoPackage, shapefile, GeoJSON): codes, ha, %;
    None (NULL) where nothing was measured."""
    raw = column.get(record)
    if raw is None and column.type is not ColumnType.TEXT:
        return None
    if column.type is ColumnType.AREA:
        return hectares(raw)
    if column.type is ColumnType.PERCENT:
        return 100.0 * float(raw)
    if column.type is ColumnType.BOOL:
        return bool(raw)
    if column.type is ColumnType.INT:
        return int(raw)
    if column.type is ColumnType.NUMBER:
        return float(raw)
    return "" if raw is None else str(raw)
