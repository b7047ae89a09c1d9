"""Every parcel's status in one pass: the table behind ``naturplan parcels --out``.

Per theme layer, one STRtree bulk query of all parcels against the layer's pieces, one
vectorised intersection, unions per (parcel, feature) and per parcel where features overlap
(:mod:`naturplan.core.parcels.overlaps`, the same code as the status card, so the two agree);
flood rasters by zonal statistics over the whole raster at once. No Python loop runs per
parcel over the layers; the only per-group Python is joining the names of a parcel's §3
types and site codes into text.

The table's columns are stable keys (areas in m², shares as fractions 0..1, depths in m):
see :data:`BASE_COLUMNS`; one ``<theme>_m2`` column per restriction layer present. A theme
without a layer (no flood layer loaded) leaves its columns empty, never 0: nothing was
measured there (:func:`not_evaluated`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import shapely
from numpy.typing import NDArray

from naturplan.core.analysis.zonal import flood_exposure
from naturplan.core.feedback import Feedback, as_feedback
from naturplan.core.parcels.context import ParcelContext
from naturplan.core.parcels.overlaps import FeatureOverlaps, feature_overlaps, union_area_per
from naturplan.core.parcels.themes import Theme, ThemeLayer

#: Carbon classes of the lowland role and their column names.
CARBON_COLUMNS = {">12": "lowland_gt12_m2", "6-12": "lowland_6_12_m2", "<6": "lowland_lt6_m2"}
#: The columns every table has, in order.
BASE_COLUMNS: tuple[str, ...] = (
    "ejerlavskode", "ejerlavsnavn", "matrikelnummer", "registered_area_m2", "area_m2",
    "p3_m2", "p3_share", "p3_types", "natura2000_m2", "natura2000_share", "natura2000_codes",
    *CARBON_COLUMNS.values(), "flood_share", "flood_max_depth_m", "flood_mean_depth_m",
    "forest_zone", "forest_wanted_m2", "forest_unwanted_m2", "candidate_ids", "sliver_themes",
)
#: The columns each theme fills: a theme with no layer loaded leaves them empty (NaN, None),
#: never 0, and the table's ``attrs["not_evaluated"]`` names it.
THEME_COLUMNS: dict[Theme, tuple[str, ...]] = {
    Theme.NATURE_P3: ("p3_m2", "p3_share", "p3_types"),
    Theme.NATURA2000: ("natura2000_m2", "natura2000_share", "natura2000_codes"),
    Theme.LOWLAND: tuple(CARBON_COLUMNS.values()),
    Theme.FLOOD: ("flood_share", "flood_max_depth_m", "flood_mean_depth_m"),
    Theme.FOREST_ZONES: ("forest_zone", "forest_wanted_m2", "forest_unwanted_m2"),
    Theme.CANDIDATES: ("candidate_ids",),
}
_TEXT_COLUMNS = ("p3_types", "natura2000_codes", "forest_zone", "candidate_ids",
                 "sliver_themes")
_RESTRICTIONS = (Theme.FREDSKOV, Theme.STRANDBESKYTTELSE, Theme.KLITFREDNING, Theme.STORMFALD)


def parcel_table(context: ParcelContext, feedback: Feedback | None = None) -> pd.DataFrame:
    """The status of every parcel of *context*, one row per parcel in the layer's order.

    Several layers of one theme (real bird areas and synthetic habitat sites are both
    Natura 2000) count as one: their overlaps are unioned per parcel, never added.

    Raises
    ------
    OperationCancelled
        If *feedback* was cancelled.
    """
    feedback = as_feedback(feedback)
    parcels = context.geometries
    n = len(parcels)
    area = shapely.area(parcels) if n else np.empty(0)
    source = context.parcels
    codes = pd.to_numeric(source["ejerlavskode"], errors="coerce").astype("Int64")
    table = pd.DataFrame({
        "ejerlavskode": codes.to_numpy(), "ejerlavsnavn": _names(source, codes, context),
        "matrikelnummer": _text(source, "matrikelnummer"),
        "registered_area_m2": context.registered, "area_m2": area,
    })
    for column in BASE_COLUMNS[5:]:
        table[column] = _empty(column, n)
    slivers: dict[int, list[str]] = {}
    steps = len(context.themes) + len(context.flood_rasters)
    by_theme: dict[Theme, list[tuple[ThemeLayer, FeatureOverlaps]]] = {}
    for step, layer in enumerate(context.themes):
        feedback.check()
        feedback.report(step / max(steps, 1), layer.source.name)
        overlaps = feature_overlaps(parcels, context.prepared(layer), context.rule)
        by_theme.setdefault(layer.theme, []).append((layer, overlaps))
        for p in np.unique(overlaps.parcel[overlaps.sliver]):
            slivers.setdefault(int(p), []).append(layer.theme.value)
    for theme, items in by_theme.items():
        _add_theme(table, theme, _Merged(items), area)
    for step, raster in enumerate(context.flood_rasters, start=len(context.themes)):
        part = feedback.part(step / max(steps, 1), (step + 1) / max(steps, 1))
        exposure = flood_exposure(parcels, raster.read(None), feedback=part)
        share = exposure.wet_share
        counted = exposure.wet_m2 >= context.rule.min_area_m2
        take = counted & (share > table["flood_share"].to_numpy())
        table.loc[take, "flood_share"] = share[take]
        table.loc[take, "flood_max_depth_m"] = exposure.max_depth[take]
        table.loc[take, "flood_mean_depth_m"] = exposure.mean_depth[take]
        for p in np.flatnonzero(~counted & (exposure.wet_m2 > 0)):
            slivers.setdefault(int(p), []).append(Theme.FLOOD.value)
    if slivers:
        rows = np.fromiter(slivers, dtype=np.intp)
        table.loc[rows, "sliver_themes"] = [", ".join(dict.fromkeys(slivers[r])) for r in rows]
    missing = not_evaluated(context)
    for theme in missing:
        for column in THEME_COLUMNS[theme]:
            table[column] = (np.full(n, None, dtype=object) if column in _TEXT_COLUMNS
                             else np.full(n, np.nan))
    table.attrs["not_evaluated"] = tuple(theme.value for theme in missing)
    feedback.report(1.0, "")
    return table


def not_evaluated(context: ParcelContext) -> tuple[Theme, ...]:
    """The themes of the table no loaded layer gives (their columns are left empty)."""
    present = {layer.theme for layer in context.themes}
    if context.flood_rasters:
        present.add(Theme.FLOOD)
    return tuple(theme for theme in THEME_COLUMNS if theme not in present)


class _Merged:
    """The counted (non-sliver) overlaps of every layer of one theme, with the features
    numbered across the layers and their classes and attributes side by side."""

    def __init__(self, items: list[tuple[ThemeLayer, FeatureOverlaps]]) -> None:
        offsets = np.cumsum([0] + [len(layer) for layer, _ in items])
        parts = [ov.take(~ov.sliver) for _, ov in items]
        self.overlaps = FeatureOverlaps(
            np.concatenate([p.parcel for p in parts]),
            np.concatenate([p.feature + off for p, off in zip(parts, offsets, strict=False)]),
            np.concatenate([p.geometries for p in parts]),
            np.concatenate([p.areas for p in parts]),
            np.zeros(sum(len(p) for p in parts), dtype=bool),
        )
        self.classes = np.concatenate([layer.classes for layer, _ in items])
        self.layers = [layer for layer, _ in items]

    def column(self, names: tuple[str, ...]) -> NDArray[np.object_]:
        return np.concatenate([_column(layer, names) for layer in self.layers])


def _names(frame: pd.DataFrame, codes: pd.Series, context: ParcelContext
           ) -> NDArray[np.object_]:
    """The ejerlav names of the parcel file, filled from the context's table of ejerlav
    where the file has none."""
    names = _text(frame, "ejerlavsnavn")
    if not context.ejerlav_names:
        return names
    table = codes.map(context.ejerlav_names).astype("string").fillna("").to_numpy(object)
    out: NDArray[np.object_] = np.where(names == "", table, names)
    return out


def _text(frame: pd.DataFrame, name: str) -> NDArray[np.object_]:
    if name not in frame.columns:
        return np.full(len(frame), "", dtype=object)
    column = frame[name]
    values: NDArray[np.object_] = np.where(column.isna().to_numpy(), "",
                                           column.astype(str).to_numpy(dtype=object))
    return values


def _empty(column: str, n: int) -> object:
    if column in _TEXT_COLUMNS:
        return np.full(n, "", dtype=object)
    if column in ("flood_max_depth_m", "flood_mean_depth_m"):
        return np.full(n, np.nan)
    return np.zeros(n)


def _add_theme(table: pd.DataFrame, theme: Theme, merged: _Merged,
               area: NDArray[np.float64]) -> None:
    """Add one theme's numbers to the table."""
    counted = merged.overlaps
    keys, union = union_area_per(counted, counted.parcel.astype(np.int64))
    total = np.zeros(len(table))
    total[keys] = union
    classes = merged.classes
    if theme is Theme.NATURE_P3:
        table["p3_m2"] = total
        table["p3_share"] = _share(total, area)
        _join(table, "p3_types", counted, classes, by_area=True)
    elif theme is Theme.NATURA2000:
        table["natura2000_m2"] = total
        table["natura2000_share"] = _share(total, area)
        _join(table, "natura2000_codes", counted, merged.column(("Site_ident", "Objektnavn")))
    elif theme is Theme.LOWLAND:
        for name, column in CARBON_COLUMNS.items():
            table[column] = _class_area(counted, classes, name, len(table))
    elif theme is Theme.FLOOD:
        _add_flood_zones(table, merged, total, area)
    elif theme is Theme.FOREST_ZONES:
        table["forest_wanted_m2"] = _class_area(counted, classes, "wanted", len(table))
        table["forest_unwanted_m2"] = _class_area(counted, classes, "unwanted", len(table))
        _join(table, "forest_zone", counted, classes, by_area=True)
    elif theme is Theme.CANDIDATES:
        _join(table, "candidate_ids", counted, merged.column(("id", "name")))
    elif theme in _RESTRICTIONS:
        table[f"{theme.value}_m2"] = total


def _add_flood_zones(table: pd.DataFrame, merged: _Merged, total: NDArray[np.float64],
                     area: NDArray[np.float64]) -> None:
    counted = merged.overlaps
    share = _share(total, area)
    take = share > table["flood_share"].to_numpy()
    table.loc[take, "flood_share"] = share[take]
    depth = merged.column(("depth_m",))
    values = pd.to_numeric(pd.Series(depth[counted.feature]), errors="coerce").to_numpy()
    if np.isfinite(values).any():
        top = np.full(len(table), np.nan)
        ok = np.isfinite(values)
        np.fmax.at(top, counted.parcel[ok], values[ok])
        table.loc[take, "flood_max_depth_m"] = top[take]


def _class_area(overlaps: FeatureOverlaps, classes: NDArray[np.object_], name: str,
                n: int) -> NDArray[np.float64]:
    mask = classes[overlaps.feature] == name
    keys, union = union_area_per(overlaps.take(mask), overlaps.parcel[mask].astype(np.int64))
    out = np.zeros(n)
    out[keys] = union
    return out


def _join(table: pd.DataFrame, column: str, overlaps: FeatureOverlaps,
          values: NDArray[np.object_], by_area: bool = False) -> None:
    """Per parcel, the distinct *values* of its overlapping features joined with ", "
    (largest overlap first with *by_area*, equal overlaps by name, else sorted). Most parcels
    have one value: those are set in one step; only the others are joined one by one."""
    if len(overlaps) == 0:
        return
    frame = pd.DataFrame({"parcel": overlaps.parcel,
                          "value": np.asarray(values[overlaps.feature], dtype=object),
                          "area": overlaps.areas})
    frame = frame[frame["value"] != ""]
    if frame.empty:
        return
    frame = frame.groupby(["parcel", "value"], as_index=False, sort=False)["area"].sum()
    if by_area:  # ties (to 0.01 m², whatever order the pieces were summed in) by name
        frame["key"] = np.round(frame["area"].to_numpy(), 2)
        frame = frame.sort_values(["parcel", "key", "value"], ascending=[True, False, True],
                                  kind="stable")
    else:
        frame = frame.sort_values(["parcel", "value"], kind="stable")
    parcel = frame["parcel"].to_numpy()
    value = frame["value"].to_numpy(dtype=object)
    starts = np.flatnonzero(np.r_[True, parcel[1:] != parcel[:-1]])
    counts = np.diff(np.r_[starts, len(parcel)])
    out = value[starts].copy()
    for k in np.flatnonzero(counts > 1):
        out[k] = ", ".join(str(v) for v in value[starts[k]:starts[k] + counts[k]])
    column_values = table[column].to_numpy(dtype=object).copy()
    column_values[parcel[starts]] = out
    table[column] = column_values


def _column(layer: ThemeLayer, names: tuple[str, ...]) -> NDArray[np.object_]:
    for name in names:
        if name in layer.attributes.columns:
            column = layer.attributes[name]
            values: NDArray[np.object_] = np.where(
                column.isna().to_numpy(), "", column.astype(str).to_numpy(dtype=object))
            return values
    return np.full(len(layer), "", dtype=object)


def _share(part: NDArray[np.float64], whole: NDArray[np.float64]) -> NDArray[np.float64]:
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.where(whole > 0, part / whole, 0.0)
    out: NDArray[np.float64] = np.clip(share, 0.0, 1.0)
    return out
