"""The loaded data of one plan: the municipality and its layers by role."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import shapely

from naturplan.core.events import Event
from naturplan.core.layers.layer import Layer, LayerSource, VectorLayer
from naturplan.core.layers.roles import Role
from naturplan.core.share.protected import (
    ProtectedIndex,
    ProtectedShare,
    ProtectedSource,
    compute_protected,
)
from naturplan.core.share.targets import DEFAULT_TARGETS, Target
from naturplan.core.share.tiles import TileGrid

#: The roles that count as protected unless the project says otherwise (DESIGN.md: Aalborg's
#: "about 14 %" is §3 nature).
DEFAULT_PROTECTED_ROLES: tuple[Role, ...] = (Role.NATURE_P3,)


#: The name of the layer of the borders between a plan area's municipalities (issue 22
#: item 3): drawn with ``styles/municipal_borders.toml``, never counted.
BORDERS_LAYER = "municipal_borders"


@dataclass(frozen=True)
class MunicipalityPart:
    """One municipality of a plan area of several (issue 22 item 3)."""

    code: str
    name: str
    geometry: shapely.Geometry


@dataclass(frozen=True)
class Municipality:
    """The municipality every share is measured in (geometry in EPSG:25832).

    A plan area of several municipalities (the local tripartite) is one ``Municipality``
    whose geometry is their union, codes and names joined by commas, and whose *parts* are
    the municipalities (empty for one municipality).

    A drawn plan area (``--area FILE``, a catchment) is *catchment*: its *name* is the
    catchment's, its geometry the polygon, and its *parts* the municipalities cut to it.
    """

    code: str
    name: str
    geometry: shapely.Geometry
    source: LayerSource
    parts: tuple[MunicipalityPart, ...] = ()
    catchment: bool = False

    @property
    def area_m2(self) -> float:
        return float(shapely.area(self.geometry))


@dataclass
class Dataset:
    """A municipality and the layers loaded for it, in drawing order (bottom first).

    Several layers may share a role (real bird areas and synthetic habitat areas are both
    ``natura2000``); every analysis uses all layers of a role.
    """

    municipality: Municipality
    layers: list[Layer] = field(default_factory=list)
    #: Whether the synthetic sample was opened: ``"used"``, ``"off"`` (left out by the user)
    #: or ``"other_municipality"`` (it covers Aalborg only).
    sample: str = "used"

    def __post_init__(self) -> None:
        self.changed = Event()  # a layer added or removed (the analysis panel re-measures)
        self._grid: TileGrid | None = None

    def by_role(self, role: Role) -> list[Layer]:
        """The layers that play *role*."""
        return [layer for layer in self.layers if layer.role is role]

    def vector(self, role: Role) -> list[VectorLayer]:
        """The vector layers that play *role*."""
        return [layer for layer in self.by_role(role) if isinstance(layer, VectorLayer)]

    def add(self, layer: Layer) -> None:
        """Put *layer* on top of the others (drawn last)."""
        self.layers.append(layer)
        self.changed.emit()

    def remove(self, layer: Layer) -> None:
        """Take *layer* out of the dataset (the municipality's own layer stays: every share
        is measured in it).

        Raises
        ------
        ValueError
            If *layer* is the municipality layer or not in the dataset.
        """
        if layer.role is Role.MUNICIPALITY:
            raise ValueError("the municipality layer cannot be removed")
        if not any(other is layer for other in self.layers):
            raise ValueError("the layer is not in the dataset")
        self.layers = [other for other in self.layers if other is not layer]
        self.changed.emit()

    @property
    def grid(self) -> TileGrid:
        """A 1 km tile grid over the municipality, built once."""
        if self._grid is None:
            self._grid = TileGrid(self.municipality.geometry)
        return self._grid

    def protected_sources(self, roles: Sequence[Role]) -> list[ProtectedSource]:
        """The polygons of the protected *roles*, with the §3 type where there is one."""
        sources = []
        for role in roles:
            for layer in self.vector(role):
                frame = layer.frame
                types = None
                if role is Role.NATURE_P3 and "Natyp_navn" in frame.columns:
                    types = frame["Natyp_navn"].astype(object).to_numpy()
                sources.append(ProtectedSource(role.value, frame.geometry.to_numpy(), types,
                                               layer.source.label))
        return sources

    def protected(
        self,
        roles: Sequence[Role] = DEFAULT_PROTECTED_ROLES,
        targets: Sequence[Target] = DEFAULT_TARGETS,
    ) -> tuple[ProtectedShare, ProtectedIndex]:
        """The protected share of the municipality from the *roles* that count."""
        return compute_protected(
            self.municipality.geometry,
            self.protected_sources(roles),
            targets,
            self.grid,
            roles=[r.value for r in roles],
        )


def parcel_overlaps(
    parcels: VectorLayer, index: ProtectedIndex
) -> tuple[np.ndarray, np.ndarray]:
    """Which parcels touch the protected area, and with how many m².

    Returns
    -------
    positions, areas
        Row positions in ``parcels.frame`` with a positive overlap, and the overlap in m².
    """
    areas = index.overlap_areas(parcels.frame.geometry.to_numpy())
    hit = np.flatnonzero(areas > 0)
    return hit, areas[hit]
