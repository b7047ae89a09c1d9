"""What a suggested plan reads (issue 23): the municipality, the protected share, the parcels
and the analysis layers, as :class:`SuggestInputs`.

Two ways to get them, the same numbers either way:

- :func:`inputs_of`: from a loaded :class:`~naturplan.core.layers.dataset.Dataset` (the
  window has its layers in memory);
- :func:`read_inputs`: straight from the files (``naturplan suggest``): the polygons of
  each role and only the fields the plan uses, read without attribute tables (no pandas,
  the way ``measure_dataset`` and ``read_analysis_layers`` read), the flood raster only
  described. This is most of the command's start-up saved (issue 23: ≤ 3 s end to end).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray
from shapely.geometry.base import BaseGeometry

from naturplan.core.analysis.layers import ROLE_FIELDS, AnalysisLayers, RolePolygons, build_layers
from naturplan.core.errors import OptimiseError
from naturplan.core.geometry import GeometryArray
from naturplan.core.layers.dataset import DEFAULT_PROTECTED_ROLES, Dataset
from naturplan.core.layers.roles import Role
from naturplan.core.share.protected import ProtectedIndex, ProtectedShare

if TYPE_CHECKING:
    from naturplan.core.forked import Pending

#: The layers a suggested plan reads (with the protected roles): no addresses.
SUGGEST_ROLES = (Role.PARCELS, Role.NATURE_P3, Role.NATURA2000, Role.LOWLAND,
                 Role.FOREST_ZONES, Role.FLOOD, Role.N_RETENTION)


#: The layers the plan asks only whether a unit (inside the municipality) meets them: where
#: new forest is not allowed (``core.optimise.units._forbids_forest``). A national file of
#: them is read near the municipality only (``read_polygons(near=...)``): the national bird
#: areas' 120 far-away polygons (95 % of the vertices, 5 to repair: ~0.1 s) are left out, and
#: no unit could meet them. Not when they count as protected (the share counts them all).
NEAR_ROLES = (Role.NATURA2000, Role.FOREST_ZONES)


@dataclass(frozen=True)
class SuggestInputs:
    """The data of a suggested plan.

    ``parcels`` are the parcel polygons (None without a parcel layer); ``cost`` the values of
    the cost field asked for (NaN where a value is not a number), None when none was asked.
    """

    municipality: BaseGeometry
    share: ProtectedShare
    index: ProtectedIndex
    layers: AnalysisLayers
    parcels: GeometryArray | None = None
    cost: NDArray[np.float64] | None = None
    timings: Mapping[str, float] = field(default_factory=dict)


def inputs_of(dataset: Dataset, roles: Sequence[Role] = DEFAULT_PROTECTED_ROLES,
              cost: str | None = None) -> SuggestInputs:
    """The inputs from a loaded *dataset*.

    Raises
    ------
    OptimiseError
        For a cost that is not a number field of the parcels.
    """
    from naturplan.usecases.analysis import layers_of

    share, index = dataset.protected(roles)
    found = dataset.vector(Role.PARCELS)
    parcels = found[0].frame.geometry.to_numpy() if found else None
    values = None
    if cost is not None:
        name = cost_field(cost)
        frame = found[0].frame if found else None
        columns = [] if frame is None else [str(c) for c in frame.columns
                                            if c != frame.geometry.name]
        raw = frame[name].to_numpy() if frame is not None and name in columns else None
        values = _numbers(name, raw, columns)
    return SuggestInputs(dataset.municipality.geometry, share, index,
                         layers_of(dataset, roles), parcels, values)


def read_inputs(request: Any, roles: Sequence[Role] = DEFAULT_PROTECTED_ROLES,
                cost: str | None = None, parcels: bool = True,
                progress: Any = None,
                meanwhile: Callable[[], object] | None = None) -> SuggestInputs:
    """The inputs of the dataset *request* (a ``DatasetRequest``), read from the files:
    polygons and the few fields used (see the module docstring). Without *parcels* the parcel
    layer is not read (grid units). *progress* (fraction, message) hears of a sample being
    built on first use. *meanwhile* is called once the layers are read, while the forked
    child may still be dissolving the protected area (this process would only wait): the
    command imports there what it needs next.

    Raises
    ------
    NaturplanError
        As ``open_dataset`` would raise it for these layers.
    OptimiseError
        For a cost that is not a number field of the parcels.
    """
    from naturplan.core.share.targets import targets_for
    from naturplan.io.datasets import resolve_dataset
    from naturplan.io.loading import read_polygons
    from naturplan.io.raster import describe_raster, is_raster_path, read_grid
    from naturplan.io.vector import inspect_vector

    resolved = resolve_dataset(request, progress)
    wanted = {*SUGGEST_ROLES, *roles} - (set() if parcels else {Role.PARCELS})
    requests = [r for r in resolved.requests if r.role in wanted]
    # the protected layers first: their dissolve runs in a forked child while the others are
    # read (core.forked; the same polygons in the same order, so the same share)
    order = sorted(range(len(requests)), key=lambda k: (requests[k].role not in roles, k))
    parts: dict[int, RolePolygons] = {}
    sources: dict[Role, list[Any]] = {}
    raster = None
    values: NDArray[np.float64] | None = None
    name = cost_field(cost) if cost is not None else None
    protected: tuple[Pending[tuple[ProtectedShare, ProtectedIndex]], Callable[[], Any]] | None
    protected = None
    municipality = resolved.municipality.geometry
    targets = targets_for(resolved.municipality.code)
    for k in order:
        r = requests[k]
        if protected is None and r.role not in roles:
            protected = _protected_later(municipality, sources, roles, targets)
        if r.role is Role.FLOOD and is_raster_path(r.path):
            if raster is None:
                raster = describe_raster(r.role, r.path, r.assume_crs, value_range=False)
            continue
        columns = tuple(ROLE_FIELDS.get(r.role, ()))
        if r.role is Role.PARCELS and name is not None and values is None:
            info = inspect_vector(r.path, r.layer, r.role.value)
            present = name in info.fields
            read = read_polygons(r, (name,) if present else ())
            values = _numbers(name, read.columns.get(name) if present else None,
                              list(info.fields))
        elif r.role in NEAR_ROLES and r.role not in roles:
            read = read_polygons(r, columns, near=municipality.bounds)
        else:
            read = read_polygons(r, columns)
        sources.setdefault(r.role, []).append(read.protected())
        parts[k] = RolePolygons(r.role, read.geometries, read.columns,
                                read.summary.source.synthetic)
    if protected is None:
        protected = _protected_later(municipality, sources, roles, targets)
    part_list = [parts[k] for k in sorted(parts)]
    synthetic = {p.role.value for p in part_list if p.synthetic}
    if raster is not None and raster.source.synthetic:
        synthetic.add(raster.role.value)
    layers = build_layers(municipality, part_list, raster, read_grid, roles,
                          tuple(sorted(synthetic)))
    with protected[0] as child:  # stopped if *meanwhile* fails or is interrupted
        if meanwhile is not None:
            meanwhile()
        share, index = child.result_or(protected[1])
    found = [p.geoms for p in part_list if p.role is Role.PARCELS]
    return SuggestInputs(municipality, share, index, layers,
                         np.concatenate(found) if found else None, values)


def _protected_later(municipality: BaseGeometry, sources: Mapping[Role, list[Any]],
                     roles: Sequence[Role], targets: Any
                     ) -> tuple[Pending[tuple[ProtectedShare, ProtectedIndex]],
                                Callable[[], tuple[ProtectedShare, ProtectedIndex]]]:
    """The protected share and index of the *sources* read so far: begun in a forked child
    where one can be made (:mod:`naturplan.core.forked`), on one thread there
    (:func:`_on_one_thread`); and the same call to make here (on the cores) if there is no
    child."""
    from naturplan.core.forked import start
    from naturplan.core.share.protected import compute_protected

    args = (municipality, [s for role in roles for s in sources.get(role, [])], targets, None,
            [r.value for r in roles])
    return start(_on_one_thread, *args), partial(compute_protected, *args)


def _on_one_thread(*args: Any) -> tuple[ProtectedShare, ProtectedIndex]:
    """``compute_protected(*args)`` without its thread pool (the same numbers: each group's
    union is computed alone either way). In the forked child, beside this process reading
    the other layers, the pool's threads took turns with the reading on a 2-core machine.
    The two paths are about as long on the full sample (~0.5 s each); one thread costs the
    child ~0.04 s less CPU, and what this process may wait for it is spent importing
    (``read_inputs(meanwhile=)``)."""
    from naturplan.core import geometry_kernels
    from naturplan.core.share.protected import compute_protected

    workers = geometry_kernels.WORKERS
    geometry_kernels.WORKERS = 1
    try:
        return compute_protected(*args)
    finally:
        geometry_kernels.WORKERS = workers


def cost_field(cost: str) -> str:
    """``parcels.pris`` → ``pris``.

    Raises
    ------
    OptimiseError
        If *cost* is not ``parcels.FIELD``.
    """
    role, _, name = cost.partition(".")
    if role != Role.PARCELS.value or not name:
        raise OptimiseError("The cost must be a field of the parcels, as parcels.FIELD; "
                            "'{cost}' is not.", cost=cost)
    return name


def _numbers(name: str, raw: Sequence[Any] | NDArray[Any] | None,
             columns: Sequence[str]) -> NDArray[np.float64]:
    """The field's values as numbers (NaN where one is not a number).

    Raises
    ------
    OptimiseError
        If the parcels have no such field, or it holds no number.
    """
    if raw is None:
        raise OptimiseError("The parcels have no field '{field}'; they have: {fields}.",
                            field=name, fields=", ".join(columns))
    values = np.array([_number(v) for v in raw], dtype=np.float64)
    if not np.isfinite(values).any():
        raise OptimiseError("The parcels' field '{field}' holds no numbers.", field=name)
    return values


def _number(value: Any) -> float:
    if isinstance(value, bool) or value is None:
        return float("nan")
    try:
        return float(value)
    except (TypeError, ValueError):
        return float("nan")
