"""MARS import and export for the command line and the window (issue 22, item 4).

- :func:`import_mars`: a MARS shapefile of project areas → candidates (kind and status by the
  mapping of ``resources/national/mars_*.toml``) with their MARS type, phase, id and
  municipality kept as marks; all or nothing, one plan edit; a project whose MARS id is in the
  plan already is skipped.
- :func:`mars_rows` + :func:`naturplan.export.mars.write_mars`: the plan as project areas and
  a project list with the hectares, lowland hectares by carbon class, forest hectares, CO2e
  and (with an ``n_retention`` layer) kg N per year; unmeasured numbers are empty, with the
  reason in ``MarsExportReport.gaps``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from naturplan.core.analysis.nitrogen import overlap_by_value
from naturplan.core.errors import ImportRefused, InvalidGeometryError
from naturplan.core.layers.roles import Role
from naturplan.core.national.marks import NationalRecord
from naturplan.core.national.mars import MarsMapping
from naturplan.core.plan.candidates import Candidate, CandidateKind
from naturplan.export.mars import MarsRow, write_mars
from naturplan.export.model import PlanData

__all__ = ["GAP_LOWLAND", "GAP_NITROGEN", "MarsExportReport", "MarsImportReport",
           "export_mars", "import_mars", "mars_rows"]

GAP_LOWLAND = "lowland"
GAP_NITROGEN = "n_retention"
#: The carbon classes of the lowland layer → the CSV's columns.
CARBON_COLUMNS = {">12": "lavbund_ha_over12", "6-12": "lavbund_ha_6_12",
                  "<6": "lavbund_ha_under6"}


@dataclass(frozen=True)
class MarsImportReport:
    """How many projects were imported, and the MARS ids skipped as already in the plan."""

    imported: int
    skipped: tuple[str, ...] = ()


@dataclass(frozen=True)
class MarsExportReport:
    """The files written, the rows, and what was not measured (gap keys)."""

    paths: tuple[Path, ...]
    rows: int
    gaps: tuple[str, ...] = field(default=())


def import_mars(project: str | Path, frame: Any, mapping: MarsMapping,
                author: str | None = None) -> MarsImportReport:
    """Import the features of *frame* (EPSG:25832, the file's own columns) into *project*.

    Raises
    ------
    NationalDataError
        For a type or phase the mapping does not know (nothing is imported).
    ImportRefused
        If a feature's geometry is not a valid polygon (nothing is imported; the message
        names the feature).
    StoreError
        If the project cannot be opened or written.
    """
    from naturplan.io.national import read_national, write_national
    from naturplan.io.project.open import open_plan

    projects = []
    for fid, row in enumerate(frame.drop(columns="geometry").to_dict("records")):
        project_row = mapping.project(row)
        try:
            candidate = Candidate.new(project_row.kind, frame.geometry.iloc[fid],
                                      project_row.name, status=project_row.status)
        except InvalidGeometryError:
            raise ImportRefused("Feature {fid} '{name}' is not a valid polygon; nothing was "
                                "imported.", fid=fid, name=project_row.name) from None
        projects.append((candidate, project_row.mark))
    store, plan = open_plan(project, author)
    with store:
        record = read_national(store)
        known = {m.mars_id for m in record.marks.values() if m.mars_id}
        todo = [(c, m) for c, m in projects if not m.mars_id or m.mars_id not in known]
        skipped = tuple(m.mars_id for c, m in projects if m.mars_id and m.mars_id in known)
        if todo:
            with store.transaction():  # the candidates and their marks: all or nothing
                plan.add_many([c for c, _ in todo],
                              details=[{"mars_id": m.mars_id} for _, m in todo])
                write_national(store, record.with_marks({c.id: m for c, m in todo}))
    return MarsImportReport(len(todo), tuple(s for s in skipped if s))


def mars_rows(data: PlanData, record: NationalRecord, mapping: MarsMapping
              ) -> tuple[list[MarsRow], tuple[str, ...]]:
    """The MARS row of every candidate of *data* that has a phase (a rejected one has none),
    and the gap keys (what could not be measured).

    *data* has been measured (``measure_plan``: CO2e and kg N, the latter None without an
    ``n_retention`` layer).
    """
    chosen = [c for c in data.candidates
              if mapping.phase_of(c, record.mark(c.id)) is not None]
    geoms = [c.geometry for c in chosen]
    lowland = _lowland_areas(data, geoms)
    no_nitrogen = not data.dataset.vector(Role.N_RETENTION)
    gaps = ((GAP_LOWLAND,) if lowland is None else ()) + (
        (GAP_NITROGEN,) if no_nitrogen else ())
    rows = []
    for k, c in enumerate(chosen):
        mark = record.mark(c.id)
        mars_type = mapping.type_of(c, mark)
        values = {"id": mark.mars_id or c.id, "name": c.name, "type": mars_type,
                  "phase": mapping.phase_of(c, mark),
                  "municipality": mark.mars_municipality or data.dataset.municipality.code,
                  "area_ha": c.area_m2 / 10_000}
        numbers: dict[str, float | None] = {
            column: None if lowland is None else lowland[k].get(cls, 0.0) / 10_000
            for cls, column in CARBON_COLUMNS.items()}
        numbers["skov_ha"] = c.area_m2 / 10_000 if c.kind is CandidateKind.AFFORESTATION else 0.0
        measures = data.measures.get(c.id, {})
        numbers["co2e_t_aar"] = _co2e(measures, c.kind)
        nitrogen = measures.get("nitrogen_kg_per_year")
        numbers["kvaelstof_kg_aar"] = None if nitrogen is None else float(nitrogen)
        rows.append(MarsRow(values, numbers, c.geometry))
    return rows, gaps


def _lowland_areas(data: PlanData, geoms: Sequence[Any]) -> list[dict[Any, float]] | None:
    layers = data.dataset.vector(Role.LOWLAND)
    if not layers:
        return None
    polygons = np.concatenate([np.asarray(layer.frame.geometry.values, dtype=object)
                               for layer in layers])
    values = [str(v) for layer in layers for v in layer.frame["carbon_class"]]
    return overlap_by_value(geoms, polygons, values)


def _co2e(measures: Mapping[str, Any], kind: CandidateKind) -> float | None:
    key = "sequestration_t_per_year" if kind is CandidateKind.AFFORESTATION else (
        "co2e_t_per_year")
    value = measures.get(key)
    return None if value is None else float(value)


def export_mars(folder: Path, data: PlanData, record: NationalRecord, mapping: MarsMapping
                ) -> MarsExportReport:
    """Write the MARS files of *data* (measured) into *folder*.

    Raises
    ------
    FileWriteError
        If a file cannot be written.
    """
    rows, gaps = mars_rows(data, record, mapping)
    paths = write_mars(folder, rows, mapping)
    return MarsExportReport(tuple(paths), len(rows), gaps)
