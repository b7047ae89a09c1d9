"""The layers a candidate is measured against, prepared once per dataset.

:class:`AnalysisLayers` holds, in EPSG:25832, the polygons of every role the candidate
analyses look at (§3 nature with its types, Natura 2000, lowland soils with carbon class and
use, afforestation zones, flood zones or the flood raster) and the protected polygons that are
today's habitat patches for connectivity. Each :class:`PolygonSet` builds its STRtree on first
use, so an analysis of one candidate only touches the polygons near it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import shapely
from numpy.typing import NDArray
from shapely.geometry.base import BaseGeometry

from naturplan.core.analysis.overlay import Pairs, intersect_pairs
from naturplan.core.analysis.zonal import Bounds, RasterGrid
from naturplan.core.geometry import GeometryArray
from naturplan.core.layers.dataset import DEFAULT_PROTECTED_ROLES, Dataset, Municipality
from naturplan.core.layers.fieldmap import PLAN_STATUS_CODES
from naturplan.core.layers.layer import RasterLayer, VectorLayer
from naturplan.core.layers.roles import Role

#: Reads the flood raster's own cells over some bounds (``naturplan.io.raster.read_grid``).
GridReader = Callable[[RasterLayer, Bounds | None], RasterGrid]


@dataclass
class PolygonSet:
    """Polygons with attribute columns (object arrays of the same length)."""

    geoms: GeometryArray
    attrs: Mapping[str, NDArray[np.object_]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.geoms = np.asarray(self.geoms, dtype=object)
        self._tree: shapely.STRtree | None = None

    def __len__(self) -> int:
        return len(self.geoms)

    @property
    def tree(self) -> shapely.STRtree:
        if self._tree is None:
            self._tree = shapely.STRtree(self.geoms)
        return self._tree

    def column(self, name: str) -> NDArray[np.object_]:
        """The values of attribute *name* (None everywhere if the layer has no such field)."""
        values = self.attrs.get(name)
        if values is None:
            return np.full(len(self.geoms), None, dtype=object)
        return values

    def overlaps(self, geom: BaseGeometry) -> Pairs:
        """The pieces of *geom* inside each polygon (``right`` = polygon position)."""
        if len(self.geoms) == 0:
            return intersect_pairs(np.empty(0, dtype=object), self.geoms)
        return intersect_pairs(np.array([geom], dtype=object), self.geoms, self.tree)


#: The largest flood raster held whole (480 MB as float32; Aalborg's 10 m raster has 28
#: million cells, the national world's 25 m raster 254 million).
PRELOAD_CELLS = 120_000_000


@dataclass
class FloodSource:
    """The flood layer: a depth raster (read in windows) or flood-zone polygons.

    :meth:`preload` reads the whole raster into memory once (the window reads of a live
    analysis then cost a slice instead of decompressing the file's tiles each time).
    """

    raster: RasterLayer | None = None
    read_grid: GridReader | None = None
    zones: PolygonSet | None = None
    cached: RasterGrid | None = None

    def preload(self) -> None:
        """Keep the whole raster in memory (4 bytes a cell), if it has at most
        :data:`PRELOAD_CELLS` cells (the national world's 254 million are read in windows)."""
        if self.cached is None and self.raster is not None and self.read_grid is not None \
                and self.raster.width * self.raster.height <= PRELOAD_CELLS:
            self.cached = self.read_grid(self.raster, None)

    def grid(self, bounds: Bounds | None) -> RasterGrid | None:
        """The raster's cells over *bounds* (all of it for None), or None for zone polygons."""
        if self.cached is not None:
            return self.cached if bounds is None else _window(self.cached, bounds)
        if self.raster is None or self.read_grid is None:
            return None
        return self.read_grid(self.raster, bounds)

    @property
    def resolution(self) -> float:
        return float(self.raster.resolution[0]) if self.raster is not None else 0.0


def _window(grid: RasterGrid, bounds: Bounds) -> RasterGrid:
    """The cells of *grid* that *bounds* touches (a view, not a copy)."""
    row0, row1, col0, col1 = grid.cell_window(bounds)
    x0, _, _, y1 = grid.bounds
    rx, ry = grid.res_x, grid.res_y
    if row1 <= row0 or col1 <= col0:
        return RasterGrid(grid.values[:0, :0], (bounds[0], bounds[1], bounds[0], bounds[1]))
    return RasterGrid(grid.values[row0:row1, col0:col1],
                      (x0 + col0 * rx, y1 - row1 * ry, x0 + col1 * rx, y1 - row0 * ry))


@dataclass
class AnalysisLayers:
    """Everything a candidate is measured against (see the module docstring).

    Attributes
    ----------
    municipality
        The municipality (the landscape of the connectivity indices).
    nature
        §3 polygons; attributes ``type`` (Natyp_navn) and ``id`` (Objekt_id).
    natura2000
        Natura 2000 sites; ``name`` and ``kind`` (habitat / bird).
    lowland
        Lowland soil polygons; ``carbon_class`` and ``land_use``.
    forest_zones
        Kommuneplan afforestation zones; ``zone`` (wanted / neutral / unwanted).
    flood
        The flood layer, or None.
    protected
        The polygons of the roles that count as protected: today's habitat patches.
    protected_ids
        Their ids as the source names them (§3 ``Objekt_id``, Natura 2000 ``Site_ident``;
        ``role:row`` where the source has none).
    synthetic
        Roles whose data is a generated sample (said next to numbers built from it).
    n_retention
        N-retention polygons; ``rate`` (kg N/ha/yr); None without such a layer.
    designations
        Plandata's retningslinjer 1112-1115; ``theme`` (temakode), ``status``, ``name``;
        None without a layer of role ``designations``.
    mars_projects
        MARS' project areas; ``id``, ``name``, ``type``, ``phase``; None without a layer of
        role ``mars_projects``.
    """

    municipality: BaseGeometry
    nature: PolygonSet
    natura2000: PolygonSet
    lowland: PolygonSet
    forest_zones: PolygonSet
    flood: FloodSource | None = None
    protected: GeometryArray = field(default_factory=lambda: np.empty(0, dtype=object))
    protected_ids: NDArray[np.object_] = field(
        default_factory=lambda: np.empty(0, dtype=object))
    synthetic: tuple[str, ...] = ()
    n_retention: PolygonSet | None = None
    #: The municipalities of a plan area of several (name → geometry, in their order; empty
    #: for one): the landscape is their union, and a candidate's joined patches are named
    #: by municipality (:mod:`naturplan.core.analysis.border`).
    municipalities: tuple[tuple[str, BaseGeometry], ...] = ()
    designations: PolygonSet | None = None
    mars_projects: PolygonSet | None = None

    @property
    def municipality_area_m2(self) -> float:
        return float(shapely.area(self.municipality))


#: The canonical fields the analysis reads of each role (beyond the geometry).
ROLE_FIELDS: Mapping[Role, tuple[str, ...]] = {
    Role.NATURE_P3: ("Natyp_navn", "Objekt_id"),
    Role.NATURA2000: ("Objektnavn", "kind", "Site_ident"),
    Role.LOWLAND: ("carbon_class", "land_use"),
    Role.FOREST_ZONES: ("zone",),
    Role.FLOOD: ("depth_m", "DN"),
    Role.N_RETENTION: ("rate_kg_n_ha",),
    Role.DESIGNATIONS: ("temakode", "status", "plannavn"),
    Role.MARS_PROJECTS: ("projekt_id", "navn", "type", "fase"),
}


@dataclass(frozen=True)
class RolePolygons:
    """The polygons of one layer of a role and its canonical fields (no table), as a loaded
    layer or a light read of the file gives them."""

    role: Role
    geoms: GeometryArray
    fields: Mapping[str, NDArray[np.object_]] = field(default_factory=dict)
    synthetic: bool = False

    @classmethod
    def of_layer(cls, layer: VectorLayer) -> RolePolygons:
        """The polygons and the :data:`ROLE_FIELDS` of a loaded layer."""
        frame = layer.frame
        fields = {name: frame[name].astype(object).to_numpy()
                  for name in ROLE_FIELDS.get(layer.role, ()) if name in frame.columns}
        return cls(layer.role, frame.geometry.to_numpy(), fields, layer.source.synthetic)


def _polygon_set(parts: Sequence[RolePolygons], columns: Mapping[str, str]) -> PolygonSet:
    """One set from several layers of a role; *columns* maps our names to canonical fields."""
    attrs: dict[str, list[NDArray[np.object_]]] = {name: [] for name in columns}
    for part in parts:
        for name, source in columns.items():
            raw = part.fields.get(source)
            if raw is not None:
                values = np.asarray(raw, dtype=object).copy()
                values[_missing(values)] = None
            else:
                values = np.full(len(part.geoms), None, dtype=object)
            attrs[name].append(values)
    return PolygonSet(
        np.concatenate([p.geoms for p in parts]) if parts else np.empty(0, dtype=object),
        {k: (np.concatenate(v) if v else np.empty(0, dtype=object)) for k, v in attrs.items()},
    )


def _missing(values: NDArray[Any]) -> NDArray[np.bool_]:
    return np.array([v is None or (isinstance(v, float) and v != v) for v in values], bool)


_ID_FIELDS = {Role.NATURE_P3: "Objekt_id", Role.NATURA2000: "Site_ident"}


def _ids(part: RolePolygons) -> NDArray[np.object_]:
    n = len(part.geoms)
    fallback = np.array([f"{part.role.value}:{k}" for k in range(n)], dtype=object)
    name = _ID_FIELDS.get(part.role)
    raw = part.fields.get(name) if name is not None else None
    if raw is None:
        return fallback
    values = np.asarray(raw, dtype=object).copy()
    missing = _missing(values)
    values[missing] = fallback[missing]
    return np.array([str(v) for v in values], dtype=object)


def analysis_layers(
    dataset: Dataset,
    read_grid: GridReader | None = None,
    protected_roles: Sequence[Role] = DEFAULT_PROTECTED_ROLES,
) -> AnalysisLayers:
    """The :class:`AnalysisLayers` of *dataset*.

    Parameters
    ----------
    dataset
        The loaded layers.
    read_grid
        How to read the flood raster (``naturplan.io.raster.read_grid``); without it a raster
        flood layer is not used.
    protected_roles
        The roles whose polygons are today's habitat patches.
    """
    rasters = [layer for layer in dataset.by_role(Role.FLOOD) if isinstance(layer, RasterLayer)]
    parts = [RolePolygons.of_layer(layer) for layer in dataset.layers
             if isinstance(layer, VectorLayer) and layer.role is not Role.MUNICIPALITY]
    synthetic = sorted({layer.role.value for layer in dataset.layers if layer.source.synthetic})
    return build_layers(dataset.municipality.geometry, parts, rasters[0] if rasters else None,
                        read_grid, protected_roles, tuple(synthetic),
                        municipality_parts(dataset.municipality))


def municipality_parts(municipality: Municipality) -> tuple[tuple[str, BaseGeometry], ...]:
    """The (name, geometry) of each municipality of a plan area of several (empty for one)."""
    return tuple((p.name or p.code, p.geometry) for p in municipality.parts)


def build_layers(
    municipality: BaseGeometry,
    parts: Sequence[RolePolygons],
    flood_raster: RasterLayer | None = None,
    read_grid: GridReader | None = None,
    protected_roles: Sequence[Role] = DEFAULT_PROTECTED_ROLES,
    synthetic: tuple[str, ...] = (),
    municipalities: tuple[tuple[str, BaseGeometry], ...] = (),
) -> AnalysisLayers:
    """The :class:`AnalysisLayers` from the polygons of each role's layers (see
    :func:`analysis_layers`; a flood raster is used with *read_grid*, else flood-zone
    polygons if there are any)."""

    def of(role: Role) -> list[RolePolygons]:
        return [p for p in parts if p.role is role]

    flood: FloodSource | None = None
    zones = of(Role.FLOOD)
    if flood_raster is not None and read_grid is not None:
        flood = FloodSource(raster=flood_raster, read_grid=read_grid)
    elif zones:
        flood = FloodSource(zones=_polygon_set(zones, {"depth": "depth_m", "class": "DN"}))
    chosen = [p for role in protected_roles for p in of(role)]
    return AnalysisLayers(
        municipality=municipality,
        nature=_polygon_set(of(Role.NATURE_P3), {"type": "Natyp_navn", "id": "Objekt_id"}),
        natura2000=_polygon_set(of(Role.NATURA2000), {"name": "Objektnavn", "kind": "kind"}),
        lowland=_polygon_set(of(Role.LOWLAND),
                             {"carbon_class": "carbon_class", "land_use": "land_use"}),
        forest_zones=_polygon_set(of(Role.FOREST_ZONES), {"zone": "zone"}),
        flood=flood,
        protected=(np.concatenate([p.geoms for p in chosen]) if chosen
                   else np.empty(0, dtype=object)),
        protected_ids=(np.concatenate([_ids(p) for p in chosen]) if chosen
                       else np.empty(0, dtype=object)),
        synthetic=synthetic,
        n_retention=(_polygon_set(of(Role.N_RETENTION), {"rate": "rate_kg_n_ha"})
                     if of(Role.N_RETENTION) else None),
        municipalities=municipalities,
        designations=(designation_set(_polygon_set(of(Role.DESIGNATIONS), DESIGNATION_COLUMNS))
                      if of(Role.DESIGNATIONS) else None),
        mars_projects=(_polygon_set(of(Role.MARS_PROJECTS), MARS_COLUMNS)
                       if of(Role.MARS_PROJECTS) else None),
    )


#: The columns of the designation sets (our name → the role's canonical field).
DESIGNATION_COLUMNS = {"theme": "temakode", "status": "status", "name": "plannavn"}
MARS_COLUMNS = {"id": "projekt_id", "name": "navn", "type": "type", "phase": "fase"}


def role_set(parts: Sequence[RolePolygons], role: Role) -> PolygonSet | None:
    """The designation set of *role* (``designations`` or ``mars_projects``) from the
    polygons of its layers (the retningslinjer through :func:`designation_set`), or None
    without any."""
    found = [p for p in parts if p.role is role]
    if not found:
        return None
    if role is Role.DESIGNATIONS:
        return designation_set(_polygon_set(found, DESIGNATION_COLUMNS))
    return _polygon_set(found, MARS_COLUMNS)


#: The status of a cancelled (aflyst) retningslinje: it designates nothing any more.
CANCELLED_STATUS = "A"


def _status_code(value: object) -> str | None:
    """Plandata's status as its code: ``"vedtaget"``, ``"v"`` → ``"V"`` (a user's own
    mapping does not translate values)."""
    text = field_text(value)
    if text is None:
        return None
    return str(PLAN_STATUS_CODES.get(text.casefold(), text.upper()))


def designation_set(plandata: PolygonSet) -> PolygonSet:
    """The retningslinjer with their theme as a number and their status as an upper-case
    code (words as codes); those without a theme code or with status aflyst (``A``) left out."""
    themes = np.array([_theme(v) for v in plandata.column("theme")], dtype=object)
    status = np.array([_status_code(v) for v in plandata.column("status")], dtype=object)
    keep = np.array([t is not None and s != CANCELLED_STATUS
                     for t, s in zip(themes, status, strict=True)], dtype=bool)
    names = np.array([field_text(v) for v in plandata.column("name")], dtype=object)
    return PolygonSet(plandata.geoms[keep],
                      {"theme": themes[keep], "status": status[keep], "name": names[keep]})


def field_text(value: object) -> str | None:
    """A field's value as stripped text; None for a missing or empty value."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return text or None


def _theme(value: object) -> int | None:
    """A temakode as a number (``"1112"``, ``1112.0`` → 1112); None if it is not one."""
    text = field_text(value)
    if text is None:
        return None
    try:
        return int(float(text))
    except ValueError:
        return None

