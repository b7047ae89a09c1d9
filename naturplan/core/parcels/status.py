"""The status card of one parcel: everything that applies to it, as data.

The core returns numbers (m², fractions of the parcel, depths in m), the source's
attributes and flags; the GUI dock, the command line and the PDF write the words (through
the translations) and look up what each protection means in the legal-bases table.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import shapely

from naturplan.core.analysis.designations import DesignationCheck
from naturplan.core.analysis.zonal import flood_exposure
from naturplan.core.parcels.addresses import AddressRef
from naturplan.core.parcels.overlaps import (
    FeatureOverlaps,
    PreparedTheme,
    SliverRule,
    feature_overlaps,
    union_area_per,
)
from naturplan.core.parcels.search import ParcelRef
from naturplan.core.parcels.themes import FloodRaster, SourceInfo, Theme

Bounds = tuple[float, float, float, float]


@dataclass(frozen=True)
class FeatureFinding:
    """One feature of a theme layer that overlaps the parcel.

    Attributes
    ----------
    feature
        Its position in the layer.
    klass
        Its class ("Eng", "habitat", ">12", "unwanted"; "" if the theme has none).
    area_m2, share
        The overlap in m² and as a fraction of the parcel's area.
    sliver
        True if the overlap is a sliver (below the cadastre's accuracy).
    attributes
        (field, value) pairs from the source, in the source's own types.
    """

    feature: int
    klass: str
    area_m2: float
    share: float
    sliver: bool
    attributes: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True)
class FloodFinding:
    """Flood exposure of the parcel from a depth raster (zonal statistics, exact coverage).

    Attributes
    ----------
    wet_m2, share
        Area with depth > 0, in m² and as a fraction of the parcel.
    max_depth, mean_depth
        Largest depth of a flooded cell the parcel covers, and the mean over the flooded
        part (m); mean is NaN when nothing is flooded.
    data_share
        The fraction of the parcel the raster has data for.
    """

    wet_m2: float
    share: float
    max_depth: float
    mean_depth: float
    data_share: float


@dataclass(frozen=True)
class ThemeFinding:
    """What one layer says about the parcel.

    Attributes
    ----------
    theme
        The theme.
    source
        The layer.
    area_m2, share
        The union of the overlaps that are not slivers (m², fraction of the parcel):
        overlapping features count once.
    sliver_m2
        The union of the sliver overlaps (m²), listed apart.
    by_class
        (class, m²) of the non-sliver overlaps per class, largest first.
    features
        The overlapping features, largest overlap first.
    flood
        For a flood raster: its zonal statistics (then *features* is empty).
    """

    theme: Theme
    source: SourceInfo
    area_m2: float
    share: float
    sliver_m2: float = 0.0
    by_class: tuple[tuple[str, float], ...] = ()
    features: tuple[FeatureFinding, ...] = ()
    flood: FloodFinding | None = None

    @property
    def applies(self) -> bool:
        """True if more than slivers of the layer lie on the parcel."""
        return self.area_m2 > 0

    @property
    def classes(self) -> tuple[str, ...]:
        """The classes that apply (non-sliver), largest first."""
        return tuple(name for name, _ in self.by_class if name)


@dataclass(frozen=True)
class ParcelInfo:
    """The parcel itself.

    Attributes
    ----------
    ref
        Ejerlav and matrikelnummer (and its row in the parcels layer).
    registered_area_m2
        The cadastre's registered area, or None if the source has none.
    area_m2
        The planar area of its geometry in EPSG:25832.
    geometry
        The parcel polygon (EPSG:25832).
    """

    ref: ParcelRef
    registered_area_m2: float | None
    area_m2: float
    geometry: shapely.Geometry = field(repr=False)

    @property
    def bounds(self) -> Bounds:
        minx, miny, maxx, maxy = self.geometry.bounds
        return float(minx), float(miny), float(maxx), float(maxy)


@dataclass(frozen=True)
class StatusCard:
    """Everything that applies to one parcel.

    Attributes
    ----------
    parcel
        The parcel.
    findings
        One per layer that touches the parcel (slivers included), in theme order.
    rule
        The sliver tolerance used.
    sources
        Every layer that was consulted, touching or not (the parcels layer first).
    not_evaluated
        (layer name, reason) for layers that could not be used here (a lowland raster).
    address
        The address the parcel was found by, if any.
    computed
        When the card was made (local time).
    combined
        (theme, m², fraction of the parcel) for a theme that several layers give (real
        bird areas and synthetic habitat sites are both Natura 2000): the union of their
        non-sliver overlaps, each place counted once.
    designations
        The retningslinjer 1112-1115 and MARS projects over the parcel (issue 22).
    """

    parcel: ParcelInfo
    findings: tuple[ThemeFinding, ...]
    rule: SliverRule
    sources: tuple[SourceInfo, ...]
    not_evaluated: tuple[tuple[str, str], ...] = ()
    address: AddressRef | None = None
    computed: dt.datetime = field(default_factory=dt.datetime.now)
    combined: tuple[tuple[Theme, float, float], ...] = ()
    #: Today's designations the parcel lies in (issue 22); each part None where its layer is
    #: not loaded.
    designations: DesignationCheck = field(default_factory=DesignationCheck)

    def theme_area(self, theme: Theme) -> tuple[float, float]:
        """The area (m²) and share of the parcel that *theme* covers, every layer of it
        together (the union, never a sum)."""
        for name, area, share in self.combined:
            if name is theme:
                return area, share
        found = [f for f in self.applying() if f.theme is theme]
        if not found:
            return 0.0, 0.0
        return found[0].area_m2, found[0].share

    @property
    def synthetic(self) -> bool:
        """True if any layer consulted is synthetic sample data."""
        return any(s.synthetic for s in self.sources)

    def applying(self) -> tuple[ThemeFinding, ...]:
        """The findings that apply (more than slivers), in theme order."""
        return tuple(f for f in self.findings if f.applies)

    def slivers(self) -> tuple[ThemeFinding, ...]:
        """The findings that touch the parcel with slivers only."""
        return tuple(f for f in self.findings if not f.applies and f.sliver_m2 > 0)

    def legal_keys(self) -> tuple[str, ...]:
        """Keys of the legal-bases table for what applies: the theme, or ``theme:class``
        where the meaning depends on the class (Natura 2000 habitat / bird, wanted or
        unwanted forest zones), each once, in theme order."""
        keys: list[str] = []
        for finding in self.applying():
            if finding.theme in (Theme.NATURA2000, Theme.FOREST_ZONES) and finding.classes:
                keys += [f"{finding.theme.value}:{c}" for c in finding.classes]
            else:
                keys.append(finding.theme.value)
        return tuple(dict.fromkeys(keys))


def theme_finding(overlaps: FeatureOverlaps, prepared: PreparedTheme, parcel_area: float,
                  ) -> ThemeFinding:
    """The finding of one layer from the overlaps of one parcel (row 0) with it."""
    layer = prepared.layer
    counted = overlaps.take(~overlaps.sliver)
    slivers = overlaps.take(overlaps.sliver)
    area = _union_area(counted)
    sliver_area = _union_area(slivers)
    classes = layer.classes[counted.feature]
    by_class: list[tuple[str, float]] = []
    for name in dict.fromkeys(classes.tolist()):
        mask = classes == name
        by_class.append((str(name), _union_area(counted.take(mask))))
    by_class.sort(key=lambda item: -item[1])
    order = np.argsort(-overlaps.areas, kind="stable")
    features = tuple(
        FeatureFinding(
            feature=int(overlaps.feature[i]),
            klass=str(layer.classes[overlaps.feature[i]]),
            area_m2=float(overlaps.areas[i]),
            share=_share(float(overlaps.areas[i]), parcel_area),
            sliver=bool(overlaps.sliver[i]),
            attributes=_attributes(layer.attributes, int(overlaps.feature[i])),
        )
        for i in order
    )
    return ThemeFinding(layer.theme, layer.source, area, _share(area, parcel_area),
                        sliver_area, tuple(by_class), features)


def flood_finding(geometry: shapely.Geometry, raster: FloodRaster, rule: SliverRule
                  ) -> ThemeFinding | None:
    """The flood raster's finding for one parcel, or None if it has no cells there."""
    grid = raster.read(tuple(float(v) for v in geometry.bounds))  # type: ignore[arg-type]
    if grid.values.size == 0:
        return None
    exposure = flood_exposure(np.array([geometry], dtype=object), grid)
    wet = float(exposure.wet_m2[0])
    if wet <= 0:
        return None
    area = float(exposure.area_m2[0])
    flood = FloodFinding(wet, _share(wet, area), float(exposure.max_depth[0]),
                         float(exposure.mean_depth[0]), float(exposure.data_share[0]))
    if wet < rule.min_area_m2:
        return ThemeFinding(Theme.FLOOD, raster.source, 0.0, 0.0, wet, flood=flood)
    return ThemeFinding(Theme.FLOOD, raster.source, wet, flood.share, 0.0, flood=flood)


def overlaps_of_one(geometry: shapely.Geometry, prepared: PreparedTheme, rule: SliverRule
                    ) -> FeatureOverlaps:
    """The overlaps of one parcel with one layer."""
    return feature_overlaps(np.array([geometry], dtype=object), prepared, rule)


def union_of_layers(parts: list[FeatureOverlaps]) -> float:
    """The area (m²) of the union of the non-sliver overlaps of several layers."""
    geoms = np.concatenate([p.geometries[~p.sliver] for p in parts])
    return float(shapely.area(shapely.union_all(geoms))) if len(geoms) else 0.0


def _union_area(overlaps: FeatureOverlaps) -> float:
    if len(overlaps) == 0:
        return 0.0
    _, areas = union_area_per(overlaps, np.zeros(len(overlaps), dtype=np.int64))
    return float(areas.sum())


def _share(part: float, whole: float) -> float:
    return min(max(part / whole, 0.0), 1.0) if whole > 0 else 0.0


def _attributes(frame: pd.DataFrame, row: int) -> tuple[tuple[str, Any], ...]:
    """The row's non-empty values; the condition class also when empty (a §3 feature without
    one is "not assessed", which the card says)."""
    from naturplan.core.share.condition import CONDITION_FIELD

    values = frame.iloc[row]
    out = []
    for name in frame.columns:
        value = values[name]
        if value is None or (not isinstance(value, str) and pd.isna(value)):
            if name == CONDITION_FIELD:
                out.append((str(name), None))
            continue
        out.append((str(name), value.item() if isinstance(value, np.generic) else value))
    return tuple(out)
