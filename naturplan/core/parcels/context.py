"""Everything the parcel lookup needs, built once per loaded dataset.

A :class:`ParcelContext` holds the parcels, the search index (parcels and addresses), each
theme layer prepared for queries, the flood rasters and the sliver tolerance. The GUI builds
it in the background after loading (and swaps in the candidates as they are edited); the
command line builds it once per run. Building it from a loaded dataset and its files is
:func:`naturplan.io.parcels.parcel_context`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
import shapely
from numpy.typing import NDArray

from naturplan.core.analysis.designations import check_designations
from naturplan.core.analysis.layers import PolygonSet
from naturplan.core.errors import NaturplanError
from naturplan.core.parcels.addresses import AddressIndex, AddressRef
from naturplan.core.parcels.overlaps import FeatureOverlaps, PreparedTheme, SliverRule
from naturplan.core.parcels.search import ParcelFinder, SearchResult
from naturplan.core.parcels.status import (
    ParcelInfo,
    StatusCard,
    ThemeFinding,
    flood_finding,
    overlaps_of_one,
    theme_finding,
    union_of_layers,
)
from naturplan.core.parcels.themes import FloodRaster, SourceInfo, Theme, ThemeLayer

_ORDER = {theme: i for i, theme in enumerate(Theme)}
#: Flood rasters up to this many cells are held in memory once prepared (a 10 m raster of
#: a large municipality: 28 million cells, 112 MB).
RASTER_IN_MEMORY = 120_000_000


class ParcelContext:
    """The parcels and every layer that can apply to them, ready for cards and the batch.

    Parameters
    ----------
    parcels
        The parcels' frame (canonical fields, EPSG:25832).
    parcel_source
        Where the parcels came from.
    themes
        The theme layers (§3, Natura 2000, … and Matriklen's restrictions).
    flood_rasters
        Flood-depth rasters, measured by zonal statistics.
    addresses
        The address points' frame, or None.
    rule
        The sliver tolerance.
    not_evaluated
        (layer name, reason) of loaded layers the parcel status cannot use.
    address_source
        Where the addresses came from.
    ejerlav_names
        Ejerlavskode → name from a table of ejerlav, for a parcel file without names.
    """

    def __init__(
        self,
        parcels: pd.DataFrame,
        parcel_source: SourceInfo,
        themes: Sequence[ThemeLayer] = (),
        flood_rasters: Sequence[FloodRaster] = (),
        addresses: pd.DataFrame | None = None,
        rule: SliverRule | None = None,
        not_evaluated: Sequence[tuple[str, str]] = (),
        address_source: SourceInfo | None = None,
        ejerlav_names: Mapping[int, str] | None = None,
    ) -> None:
        self.parcels = parcels
        self.geometries = np.asarray(parcels.geometry.to_numpy(), dtype=object)
        self.parcel_source = parcel_source
        self.themes = tuple(sorted(themes, key=lambda t: _ORDER[t.theme]))
        self.flood_rasters = tuple(flood_rasters)
        self.rule = rule or SliverRule()
        self.not_evaluated = tuple(not_evaluated)
        self.address_source = address_source
        self._addresses = addresses
        self.ejerlav_names = dict(ejerlav_names or {})
        self._finder: ParcelFinder | None = None
        self._prepared: dict[int, PreparedTheme] = {}
        self.registered = _registered(parcels)
        minx, miny, maxx, maxy = (shapely.total_bounds(self.geometries) if len(self.geometries)
                                  else (0.0, 0.0, 0.0, 0.0))
        #: Today's designations (issue 22): the retningslinjer and the MARS projects (None:
        #: that layer is not loaded) and their sources; set by :meth:`with_designations`.
        self.designations: tuple[PolygonSet | None, PolygonSet | None] = (None, None)
        self.designation_sources: tuple[SourceInfo, ...] = ()
        #: The parcels' bounds: theme layers are prepared only there.
        self.extent = (float(minx) - 1.0, float(miny) - 1.0, float(maxx) + 1.0, float(maxy) + 1.0)

    # -- building ---------------------------------------------------------------------
    @property
    def finder(self) -> ParcelFinder:
        """The search index (built on first use, about 0.3 s for 100,000 parcels)."""
        if self._finder is None:
            index = AddressIndex(self._addresses) if self._addresses is not None else None
            self._finder = ParcelFinder(self.parcels, index, self.ejerlav_names)
        return self._finder

    def prepared(self, layer: ThemeLayer) -> PreparedTheme:
        """*layer* cut and indexed (once)."""
        key = id(layer)
        found = self._prepared.get(key)
        if found is None or found.layer is not layer:
            found = PreparedTheme(layer, self.extent)
            self._prepared[key] = found
        return found

    def prepare(self) -> None:
        """Build every index now, and read flood rasters of up to
        :data:`RASTER_IN_MEMORY` cells into memory (in a worker, so every card is fast)."""
        _ = self.finder
        for layer in self.themes:
            self.prepared(layer)
        for raster in self.flood_rasters:
            if 0 < raster.cells <= RASTER_IN_MEMORY:
                raster.read(None)

    def with_themes(self, theme: Theme, layers: Sequence[ThemeLayer]) -> ParcelContext:
        """A context whose layers of *theme* are *layers* (the candidates after an edit);
        the other layers' indexes are shared."""
        other = self._copy()
        other.themes = tuple(sorted([t for t in self.themes if t.theme is not theme]
                                    + list(layers), key=lambda t: _ORDER[t.theme]))
        return other

    def with_designations(self, plandata: PolygonSet | None, mars: PolygonSet | None,
                          sources: Sequence[SourceInfo] = ()) -> ParcelContext:
        """A context whose cards also say which retningslinjer and MARS projects the parcel
        lies in (None: that layer is not loaded, the card says so); the sets as
        :func:`~naturplan.core.analysis.layers.role_set` gives them."""
        other = self._copy()
        other.designations = (plandata, mars)
        other.designation_sources = tuple(sources)
        return other

    def with_rule(self, rule: SliverRule) -> ParcelContext:
        """A context with another sliver tolerance (indexes shared)."""
        other = self._copy()
        other.rule = rule
        return other

    def subset(self, rows: NDArray[np.intp]) -> ParcelContext:
        """A context of the parcels at *rows* (ascending) with the same layers, prepared
        pieces and extent: every row of the batch depends only on its own parcel, so the
        batch of a subset equals those rows of the whole batch (a forked half,
        :mod:`naturplan.usecases.parcel_batch`)."""
        other = self._copy()
        other.parcels = self.parcels.iloc[rows].reset_index(drop=True)
        other.geometries = self.geometries[rows]
        other.registered = self.registered[rows]
        other._finder = None
        return other

    def _copy(self) -> ParcelContext:
        other = object.__new__(ParcelContext)
        other.__dict__.update(self.__dict__)
        other._prepared = self._prepared  # shared on purpose: same layers, same pieces
        return other

    # -- search -----------------------------------------------------------------------
    def search(self, text: str) -> SearchResult:
        """One typed line: a parcel or an address (see :meth:`ParcelFinder.search`)."""
        return self.finder.search(text)

    def find(self, ejerlav: str, matrikel: str) -> SearchResult:
        return self.finder.find(ejerlav, matrikel)

    def find_address(self, text: str) -> SearchResult:
        return self.finder.find_address(text)

    # -- the card ---------------------------------------------------------------------
    def info(self, position: int) -> ParcelInfo:
        """The parcel at row *position*."""
        if not 0 <= position < len(self.geometries):
            raise NaturplanError("No parcel at row {row}.", row=position)
        geometry = self.geometries[position]
        registered = self.registered[position]
        return ParcelInfo(self.finder.ref(position),
                          None if np.isnan(registered) else float(registered),
                          float(shapely.area(geometry)), geometry)

    def card(self, position: int, address: AddressRef | None = None) -> StatusCard:
        """The status card of the parcel at row *position* of the parcels layer.

        Raises
        ------
        NaturplanError
            If there is no such row.
        """
        info = self.info(position)
        findings: list[ThemeFinding] = []
        by_theme: dict[Theme, list[FeatureOverlaps]] = {}
        for layer in self.themes:
            prepared = self.prepared(layer)
            overlaps = overlaps_of_one(info.geometry, prepared, self.rule)
            if len(overlaps):
                findings.append(theme_finding(overlaps, prepared, info.area_m2))
                by_theme.setdefault(layer.theme, []).append(overlaps)
        combined = []
        for theme, parts in by_theme.items():
            if len(parts) > 1:
                area = union_of_layers(parts)
                share = min(area / info.area_m2, 1.0) if info.area_m2 > 0 else 0.0
                combined.append((theme, area, share))
        for raster in self.flood_rasters:
            found = flood_finding(info.geometry, raster, self.rule)
            if found is not None:
                findings.append(found)
        findings.sort(key=lambda f: _ORDER[f.theme])
        return StatusCard(info, tuple(findings), self.rule, self.sources(),
                          self.not_evaluated, address, combined=tuple(combined),
                          designations=check_designations(
                              [info.geometry], *self.designations,
                              min_area_m2=self.rule.min_area_m2)[0])

    def card_for(self, result: SearchResult) -> StatusCard:
        """The card of a search's parcel (with the address it was found by).

        Raises
        ------
        NaturplanError
            If the search found no parcel.
        """
        if result.parcel is None:
            raise NaturplanError("No parcel was found for '{query}'.", query=result.query)
        return self.card(result.parcel.position, result.address)

    def sources(self) -> tuple[SourceInfo, ...]:
        """Every layer the cards consult, the parcels first."""
        out = [self.parcel_source]
        if self.address_source is not None:
            out.append(self.address_source)
        out += [t.source for t in self.themes] + [r.source for r in self.flood_rasters]
        out += self.designation_sources
        return tuple(dict.fromkeys(out))


def _registered(parcels: pd.DataFrame) -> NDArray[np.float64]:
    if "registreretAreal" not in parcels.columns:
        return np.full(len(parcels), np.nan)
    values: NDArray[np.float64] = pd.to_numeric(
        parcels["registreretAreal"], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    return values

