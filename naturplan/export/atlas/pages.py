"""The pages of the candidate atlas, decided without Qt (issue 19 item 13).

An atlas is an overview page (the plan's map with a numbered marker per candidate, the ledger,
the key: number → name, kind, hectares) and one page per candidate: its map at a readable
scale (:func:`~naturplan.export.layout.page.readable_scale`) with its neighbours, the
candidate's row of the candidate table as a small table (the page-wise attribute table), the
legend of what is in that frame only and the sources of those layers.

:class:`AtlasContext` holds what every page shares (the layers, one spatial index per layer,
the attribution table, the records): it is built once and then asked for page *i* from any
thread (:meth:`AtlasContext.candidate_page` reads only).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import shapely

from naturplan.core.layers.layer import RasterLayer, VectorLayer
from naturplan.core.layers.style import LegendEntry
from naturplan.export.attribution import attributions, format_date, load_table
from naturplan.export.layout.page import build_layout, fit_scale, page_boxes
from naturplan.export.ledger_table import ledger_table
from naturplan.export.legend import present_entries
from naturplan.export.model import PlanData
from naturplan.export.tables.columns import (
    PLAN_COLUMNS,
    CandidateRecord,
    Column,
    ColumnType,
    text_value,
)
from naturplan.io.raster_cells import CellReader
from naturplan.pagemodel.layers import ExportLayer
from naturplan.pagemodel.page import Box, LegendGroup, PageLayout, PrintPreset
from naturplan.text.i18n import tr
from naturplan.text.numbers import format_number

Bounds = tuple[float, float, float, float]
#: Ground around a candidate on its page: this share of its size, at least
#: :data:`MIN_MARGIN_M` (so that its neighbours show).
MARGIN_SHARE = 0.35
MIN_MARGIN_M = 250.0
#: Extra height of the candidate pages' panel (mm) for the numbers table.
CANDIDATE_PANEL_MM = 128.0
#: Columns of the candidate table that are not rows of a candidate page (the name is the
#: page's title; the record's bookkeeping is not for the council).
SKIPPED_KEYS = {"name", "created", "modified", "author", "version", "id"}


@dataclass
class CandidatePage:
    """One candidate's page.

    Attributes
    ----------
    number
        The candidate's number in the atlas (the key and the markers use it).
    record
        The candidate and its numbers.
    layout
        Map frame, scale, legend of the frame, meta lines and sources.
    rows
        (label, value) per number of the candidate table; "–" where empty.
    notes
        What an empty value means and what was not measured.
    """

    number: int
    record: CandidateRecord
    layout: PageLayout
    rows: list[tuple[str, str]]
    notes: list[str]
    heading: str

    @property
    def geometry(self) -> Any:
        return self.record.candidate.geometry


@dataclass
class OverviewPage:
    """The first page: the plan's map, ledger and legend, and the key of the candidates."""

    layout: PageLayout
    key_box: Box
    key_title: str
    key_header: tuple[str, str, str, str]
    key_rows: list[tuple[str, str, str, str]]
    #: (number, x, y) of each candidate's marker (EPSG:25832).
    markers: list[tuple[int, float, float]] = field(default_factory=list)
    #: The heading of the key's further pages when it does not fit on the overview.
    key_continued: str = ""
    key_columns: int = 1


def candidate_extent(geometry: Any) -> Bounds:
    """The ground a candidate's page shows: its bounds and a margin for its neighbours."""
    minx, miny, maxx, maxy = shapely.bounds(geometry).tolist()
    pad = max(MARGIN_SHARE * max(maxx - minx, maxy - miny), MIN_MARGIN_M)
    return (minx - pad, miny - pad, maxx + pad, maxy + pad)


def cell_text(column: Column, record: CandidateRecord, lang: str) -> str:
    """A value of the candidate table as text for a page ("–" where nothing is there)."""
    value = text_value(column, record, lang)
    if value is None or value == "":
        return "–"
    if column.type in (ColumnType.AREA, ColumnType.NUMBER):
        return format_number(float(value), column.decimals, lang)
    if column.type is ColumnType.PERCENT:
        return f"{format_number(float(value), column.decimals, lang)} %"
    if column.type is ColumnType.INT:
        return format_number(float(value), 0, lang)
    return str(value)


class AtlasContext:
    """What every page of one atlas shares (see the module docstring).

    Parameters
    ----------
    preset
        The candidate pages' preset (A4 portrait); its panel is made taller for the numbers.
    layers
        The map's layers, bottom first (the candidates layer among them).
    data
        The plan, measured (:func:`~naturplan.usecases.measures.measure_plan`) or not.
    records
        The candidates of the atlas in page order.
    """

    def __init__(self, preset: PrintPreset, layers: Sequence[ExportLayer], data: PlanData,
                 records: Sequence[CandidateRecord], lang: str = "da",
                 numbers: Sequence[int] | None = None) -> None:
        self.numbers = list(numbers) if numbers is not None else list(
            range(1, len(records) + 1))
        self.preset = replace(preset, panel="bottom",
                              panel_mm=max(preset.panel_mm, CANDIDATE_PANEL_MM), ledger=False)
        self.layers = list(layers)
        self.data = data
        self.records = list(records)
        self.lang = lang
        self.table = load_table()
        self.columns = [c for c in data.columns() if c.key not in SKIPPED_KEYS]
        self._trees: dict[int, shapely.STRtree] = {}
        self.cells = CellReader()
        self._lock = threading.Lock()
        self.notes = self._notes()

    def _notes(self) -> list[str]:
        lines = [tr(self.lang, "atlas", "–: does not apply to this kind of candidate, or not "
                    "measured.")]
        if self.data.measured is None:
            lines.append(tr(self.lang, "atlas", "What the candidate does (CO2e, conflicts, "
                            "flood, ΔECA) was not measured for this atlas."))
        from naturplan.export.measure_notes import gap_notes

        return lines + list(gap_notes(self.data.measured, self.lang))

    def close(self) -> None:
        """Close the rasters' files the legend read."""
        self.cells.close()

    # -- the frame's legend -------------------------------------------------------------
    def tree(self, layer: VectorLayer) -> shapely.STRtree:
        """The layer's STRtree, built once (queries are safe from any thread)."""
        with self._lock:
            tree = self._trees.get(id(layer))
        if tree is None:
            tree = shapely.STRtree(layer.frame.geometry.to_numpy())
            with self._lock:
                self._trees.setdefault(id(layer), tree)
        return tree

    def frame_legend(self, bounds: Bounds, scale: float) -> tuple[list[LegendGroup],
                                                                   list[ExportLayer]]:
        """The legend of what is in *bounds* at 1:*scale* (top layer first) and the layers
        that have something there (for the sources)."""
        groups, present = [], []
        for entry in reversed(self.layers):
            if not entry.visible or not entry.style.visible_at(scale):
                continue
            rows = self._entries(entry, bounds)
            if rows:
                groups.append(LegendGroup(entry.title(self.lang), rows, entry.style.opacity,
                                          isinstance(entry.layer, RasterLayer)))
                present.append(entry)
        return groups, present[::-1]

    def _entries(self, entry: ExportLayer, bounds: Bounds) -> tuple[LegendEntry, ...]:
        layer, style = entry.layer, entry.style
        if not isinstance(layer, VectorLayer):
            return present_entries(entry, bounds, self.cells.read)
        positions = self.tree(layer).query(shapely.box(*bounds), predicate="intersects")
        if len(positions) == 0:
            return ()
        if not style.categories:
            return style.legend()
        present: set[str] = set()
        if style.category_field in layer.frame.columns:
            column = layer.frame[style.category_field].iloc[np.sort(positions)]
            present = set(column.astype("string").fillna("").unique())
        rows = [LegendEntry(c.label, symbol=c.symbol) for c in style.categories
                if c.value in present]
        if present - set(style.category_values()) and style.other_label is not None:
            rows.append(LegendEntry(style.other_label, symbol=style.symbol))
        return tuple(rows)

    # -- pages --------------------------------------------------------------------------
    def candidate_page(self, index: int) -> CandidatePage:
        """Page *index* (0-based) of the candidates."""
        lang, record, number = self.lang, self.records[index], self.numbers[index]
        candidate = record.candidate
        title_box, map_box, panel_box = page_boxes(self.preset)
        extent = candidate_extent(candidate.geometry)
        scale = fit_scale(extent, map_box)
        center = ((extent[0] + extent[2]) / 2, (extent[1] + extent[3]) / 2)
        layout = PageLayout(
            preset=self.preset, lang=lang, page_mm=self.preset.page_mm, title_box=title_box,
            map_box=map_box, panel_box=panel_box,
            title=f"{number}. {candidate.name}",
            subtitle=self._subtitle(record), center=center, scale=scale,
            layers=self.layers,
        )
        legend, present = self.frame_legend(layout.map_bounds, scale)
        layout.legend = legend
        layout.meta_lines = self._meta(scale)
        layout.attribution_lines = [a.line() for a in attributions(
            present, lang, self.table, today=self.data.today)]
        if any(e.synthetic for e in present):
            layout.synthetic_mark = tr(lang, "export", "Synthetic sample data – not real data")
        layout.headings = {"legend": tr(lang, "export", "Legend"),
                           "sources": tr(lang, "export", "Sources")}
        rows = [(c.title(lang), cell_text(c, record, lang)) for c in self.columns]
        return CandidatePage(number, record, layout, rows, self.notes,
                             tr(lang, "atlas", "The candidate's numbers"))

    def _subtitle(self, record: CandidateRecord) -> str:
        kind = next(c for c in PLAN_COLUMNS if c.key == "kind")
        status = next(c for c in PLAN_COLUMNS if c.key == "status")
        area = next(c for c in PLAN_COLUMNS if c.key == "area_ha")
        return " · ".join([cell_text(kind, record, self.lang),
                           cell_text(status, record, self.lang),
                           f"{cell_text(area, record, self.lang)} ha"])

    def _meta(self, scale: float) -> list[str]:
        lang = self.lang
        return [
            tr(lang, "export", "Scale 1:{scale} (on {paper})",
               scale=format_number(scale, 0, lang), paper=self.preset.paper),
            tr(lang, "export", "Coordinate system: ETRS89 / UTM zone 32N (EPSG:25832)"),
            tr(lang, "export", "Date: {date}", date=format_date(self.data.today, lang)),
        ]


#: Height of one key row (mm) at the key's full text size, and the smallest share of it.
KEY_ROW_MM = 2.9
KEY_COLUMNS = 4
#: The key's box on the overview is at most this high (mm); the rest goes on key pages.
KEY_MAX_MM = 70.0
#: The overview's panel holds the ledger, its notes and the sources of every layer: more
#: than a print map's panel.
OVERVIEW_EXTRA_MM = 22.0


def overview_page(preset: PrintPreset, layers: Sequence[ExportLayer], data: PlanData,
                  records: Sequence[CandidateRecord], title: str, lang: str = "da",
                  numbers: Sequence[int] | None = None) -> OverviewPage:
    """The overview: the plan's map (all the atlas's candidates in the frame), the legend, the
    ledger and the key of the candidates in :data:`KEY_COLUMNS` columns below the map."""
    from naturplan.export.layout.page import PrintOptions

    numbers = list(numbers) if numbers is not None else list(range(1, len(records) + 1))
    columns = key_columns(len(records))
    rows_per_column = -(-len(records) // columns)
    key_mm = min(12.0 + rows_per_column * KEY_ROW_MM, KEY_MAX_MM)
    taller = replace(preset, panel="bottom",
                     panel_mm=preset.panel_mm + OVERVIEW_EXTRA_MM + key_mm, ledger=True)
    muni = data.dataset.municipality.geometry.bounds
    if records:
        cand = shapely.bounds(shapely.union_all([r.candidate.geometry for r in records]))
        extent = (min(muni[0], cand[0]), min(muni[1], cand[1]), max(muni[2], cand[2]),
                  max(muni[3], cand[3]))
    else:
        extent = tuple(muni)
    layout = build_layout(taller, layers, data, PrintOptions(
        title=title, subtitle=tr(lang, "atlas", "Candidate atlas: overview and key"),
        extent=extent), lang)  # type: ignore[arg-type]
    # The atlas numbers its candidates itself (the key and markers of this page and the page
    # numbers of the whole atlas): the print map's own key and markers are not drawn too.
    layout.candidate_key = []
    panel = layout.panel_box
    key_box = Box(panel.x, panel.y, panel.w, key_mm - 3.0)
    layout.panel_box = Box(panel.x, panel.y + key_mm, panel.w, panel.h - key_mm)
    layout.ledger = ledger_table(data, lang)
    area = next(c for c in PLAN_COLUMNS if c.key == "area_ha")
    kind = next(c for c in PLAN_COLUMNS if c.key == "kind")
    key_rows = [(str(n), r.candidate.name, cell_text(kind, r, lang), cell_text(area, r, lang))
                for n, r in zip(numbers, records, strict=True)]
    markers = []
    for n, r in zip(numbers, records, strict=True):
        point = shapely.point_on_surface(r.candidate.geometry)
        markers.append((n, float(shapely.get_x(point)), float(shapely.get_y(point))))
    return OverviewPage(
        layout, key_box, tr(lang, "atlas", "Key to the candidate pages"),
        ("", tr(lang, "export_table", "Name"), tr(lang, "export_table", "Kind"),
         "ha"),
        key_rows, markers, tr(lang, "atlas", "Key to the candidate pages (continued)"),
        columns)


def key_columns(count: int) -> int:
    """Columns of a key of *count* rows: one per ten rows, at most :data:`KEY_COLUMNS` (a
    short key keeps whole names)."""
    return min(KEY_COLUMNS, max(1, -(-count // 10)))
