"""Opening a whole dataset: the municipality, the shipped sample, the user's layers.

By default naturplan opens Aalborg Kommune with its real boundary and the real Natura 2000
bird protection areas, plus the synthetic sample layers (parcels, §3 nature, habitat sites,
lowland, flood depth, afforestation zones) built on first run. ``--layer ROLE=PATH`` replaces
every default layer of that role; ``--kommune`` picks another municipality, which gets the
real national layers only (the synthetic sample is Aalborg's). A plan area that holds Aalborg
(``--kommune 0851,0840,0820``) gets Aalborg's sample plus synthetic layers for the others
(:mod:`naturplan.io.sample.plan_area`).

Two ways to open, one list of layers (:func:`resolve_dataset`):

- :func:`open_dataset` loads every layer whole, for the map;
- :func:`measure_dataset` reads only the polygons of the protected roles and counts the other
  layers from their files' own tables: what ``naturplan stats`` needs, in a fraction of the
  time (the 99,000 parcels are never read just to be counted).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Collection, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field

from naturplan.core.errors import (
    BuildCancelled,
    FieldMappingError,
    NaturplanError,
    OperationCancelled,
)
from naturplan.core.layers.dataset import (
    BORDERS_LAYER,
    DEFAULT_PROTECTED_ROLES,
    Dataset,
    Municipality,
)
from naturplan.core.layers.layer import Layer, VectorLayer
from naturplan.core.layers.roles import Role
from naturplan.core.share.protected import ProtectedIndex, ProtectedShare, compute_protected
from naturplan.core.share.targets import targets_for
from naturplan.io import paths
from naturplan.io.loading import (
    PROTECTED_FIELDS,
    LayerRequest,
    LayerSummary,
    inspect_layer,
    load_layer,
    load_municipality,
    neighbours_of,
    read_polygons,
)
from naturplan.io.windowed import can_window, open_windowed

Progress = Callable[[float, str], None]
Cancelled = Callable[[], bool]

#: Full Aalborg scale: ~100,000 parcels, ~10,000 §3 polygons.
FULL_SCALE = 1.0

#: The progress message while the sample is built; the build's own steps follow it, and fill
#: the progress from :data:`_SAMPLE_START` up to :data:`SAMPLE_SHARE`.
BUILDING_SAMPLE = "building the synthetic sample (first run)"
SAMPLE_SHARE = 0.5
_SAMPLE_START, _SAMPLE_END = 0.05, SAMPLE_SHARE - 0.01


def build_fraction(fraction: float) -> float:
    """How far the sample build is (0..1), from the overall progress while it runs."""
    return min(max((fraction - _SAMPLE_START) / (_SAMPLE_END - _SAMPLE_START), 0.0), 1.0)


@dataclass(frozen=True)
class DatasetRequest:
    """What to open.

    Attributes
    ----------
    kommune
        KOMKODE; None for Aalborg (0851).
    layers
        The user's layers; each replaces the default layers of its role.
    sample_scale
        Scale of the synthetic sample (1.0 = full Aalborg scale; tests use ~0.01).
    use_sample
        False to open only real data.
    fields
        Role → field mapping (canonical → source field) for the default layers of that role
        (a user's layer carries its own mapping).
    area
        A plan area drawn as a polygon (``--area FILE``, a catchment) instead of *kommune*.
    """

    kommune: str | None = None
    layers: Sequence[LayerRequest] = field(default_factory=tuple)
    sample_scale: float = FULL_SCALE
    use_sample: bool = True
    fields: Mapping[Role, Mapping[str, str]] = field(default_factory=dict)
    area: LayerRequest | None = None


@dataclass(frozen=True)
class ResolvedDataset:
    """The municipality and the layers a request names, in drawing order (none read yet).

    ``sample`` tells whether the synthetic sample is among them, and if not, why
    (``"used"``, ``"off"`` for ``--no-sample``, ``"other_municipality"``).
    """

    municipality: Municipality
    requests: tuple[LayerRequest, ...]
    sample: str = "used"


@dataclass(frozen=True)
class MeasuredDataset:
    """The numbers of a dataset, read as lightly as they can be.

    Attributes
    ----------
    municipality
        The municipality.
    layers
        Every layer's summary in drawing order (the municipality's first).
    share, index
        The protected share of *roles* and the dissolved protected area.
    roles
        The roles that count as protected.
    sample
        As :attr:`ResolvedDataset.sample`.
    """

    municipality: Municipality
    layers: tuple[LayerSummary, ...]
    share: ProtectedShare
    index: ProtectedIndex
    roles: tuple[Role, ...]
    sample: str = "used"


def resolve_dataset(
    request: DatasetRequest,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ResolvedDataset:
    """The municipality and the layer requests of *request*; builds the sample if missing.

    Raises
    ------
    NaturplanError
        If the municipality cannot be loaded, or a field mapping maps no layer.
    OperationCancelled
        If *cancelled* returned True while the sample was being built.
    """
    report = progress or (lambda fraction, message: None)
    stop = cancelled or (lambda: False)
    user: dict[Role, list[LayerRequest]] = {}
    for r in request.layers:
        user.setdefault(r.role, []).append(r)
    report(0.0, "municipality")
    user.pop(Role.MUNICIPALITY, [])
    municipality = municipality_for(request)
    defaults, sample = _default_requests(municipality, request, report, stop)
    wanted = [d for d in defaults if d.role not in user]
    wanted += [r for reqs in user.values() for r in reqs]
    wanted = [_with_fields(r, request.fields) for r in wanted]
    for role, mapping in request.fields.items():
        if not any(r.role is role for r in wanted):
            raise FieldMappingError(
                "The field mapping {mapping} maps nothing: no layer plays role {role}.",
                mapping=", ".join(f"{role.value}.{k}={v}" for k, v in mapping.items()),
                role=role.value,
            )
    return ResolvedDataset(municipality, tuple(wanted), sample)


def municipality_for(request: DatasetRequest) -> Municipality:
    """The municipality *request* is measured in (its drawn plan area, else its
    ``municipality`` layer, else its KOMKODE or KOMKODEs, else Aalborg), without loading or
    building anything else.

    Raises
    ------
    NaturplanError
        As :func:`~naturplan.io.loading.load_municipality` and
        :func:`~naturplan.io.plan_area.load_area`; codes and a drawn area both.
    """
    given = [r for r in request.layers if r.role is Role.MUNICIPALITY]
    if request.area is not None:
        from naturplan.io.plan_area import load_area

        if request.kommune:
            raise NaturplanError("A plan area is either municipalities by their codes or a "
                                 "drawn area, not both.")
        return load_area(request.area, given[0] if given else None)
    return load_municipality(request.kommune, given[0] if given else None)


def open_dataset(
    request: DatasetRequest,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    roles: Collection[Role] | None = None,
    windowed: Collection[Role] = (),
) -> Dataset:
    """Load everything *request* names (only the layers of *roles* and the municipality, if
    *roles* is given: the analysis of a plan needs neither the parcels nor the addresses, nor
    a raster's value range for a legend).

    A layer of a role in *windowed* that is a large GeoPackage layer with an R-tree (the
    national parcels) is opened without its features, read per map window by the app
    (:mod:`naturplan.io.windowed`).

    Raises
    ------
    NaturplanError
        Any load failure, with the user's message; nothing is returned half-loaded.
    OperationCancelled
        If *cancelled* returned True.
    """
    report = progress or (lambda fraction, message: None)
    stop = cancelled or (lambda: False)
    resolved = resolve_dataset(request, report, stop)
    dataset = Dataset(resolved.municipality, sample=resolved.sample)
    dataset.layers.append(_municipality_layer(resolved.municipality))
    borders = borders_layer(resolved.municipality)
    if borders is not None:  # a plan area of several: the borders between them (issue 22)
        dataset.layers.append(borders)
    wanted = [r for r in resolved.requests if roles is None or r.role in roles]
    for i, layer_request in enumerate(wanted):
        if stop():
            raise OperationCancelled("Loading was cancelled.")
        report(0.5 + 0.5 * i / max(len(wanted), 1), layer_request.path.name)
        if layer_request.role in windowed and can_window(layer_request):
            dataset.layers.append(open_windowed(layer_request))
            continue
        dataset.layers.append(load_layer(layer_request, value_range=roles is None))
    report(1.0, "done")
    return dataset


def measure_dataset(
    request: DatasetRequest,
    roles: Sequence[Role] = DEFAULT_PROTECTED_ROLES,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> MeasuredDataset:
    """The protected share of *roles* and a summary of every layer, reading only what it needs.

    The polygons of the protected roles are read (no attribute table); every other layer is
    checked and counted from its file's own tables, on a second thread meanwhile.

    Raises
    ------
    NaturplanError
        Any load failure, as :func:`open_dataset` would raise it.
    OperationCancelled
        If *cancelled* returned True.
    """
    report = progress or (lambda fraction, message: None)
    resolved = resolve_dataset(request, report, cancelled)
    counted = [r for r in resolved.requests if r.role not in roles]
    measured = [r for r in resolved.requests if r.role in roles]
    report(0.55, "reading")
    with ThreadPoolExecutor(1, thread_name_prefix="naturplan-inspect") as pool:
        inspected: list[Future[LayerSummary]] = [pool.submit(inspect_layer, r) for r in counted]
        reads = [read_polygons(r, PROTECTED_FIELDS.get(r.role, ())) for r in measured]
        report(0.7, "protected share")
        share, index = compute_protected(
            resolved.municipality.geometry, [read.protected() for read in reads],
            targets_for(resolved.municipality.code), roles=[r.value for r in roles],
        )
        by_request = {id(r): f.result() for r, f in zip(counted, inspected, strict=True)}
    by_request.update({id(r): read.summary for r, read in zip(measured, reads, strict=True)})
    municipality = LayerSummary(Role.MUNICIPALITY, resolved.municipality.source, 1)
    layers = (municipality, *(by_request[id(r)] for r in resolved.requests))
    report(1.0, "done")
    return MeasuredDataset(resolved.municipality, layers, share, index, tuple(roles),
                           resolved.sample)


def _with_fields(
    request: LayerRequest, fields: Mapping[Role, Mapping[str, str]]
) -> LayerRequest:
    if request.fields or request.role not in fields:
        return request
    return dataclasses.replace(request, fields=dict(fields[request.role]))


def _municipality_layer(municipality: Municipality) -> Layer:
    import geopandas as gpd

    frame = gpd.GeoDataFrame(
        {"KOMKODE": [municipality.code], "KOMNAVN": [municipality.name]},
        geometry=[municipality.geometry],
        crs=25832,
    )
    return VectorLayer(
        role=Role.MUNICIPALITY, frame=frame, source=municipality.source,
        name=municipality.name or municipality.code,
    )


def borders_layer(municipality: Municipality) -> Layer | None:
    """The municipalities of a plan area of several as one polygon each (``KOMKODE``,
    ``KOMNAVN``), named :data:`BORDERS_LAYER`: its style draws their borders as a thin line;
    None for one municipality."""
    import geopandas as gpd

    if len(municipality.parts) < 2:
        return None
    parts = municipality.parts
    frame = gpd.GeoDataFrame({"KOMKODE": [p.code for p in parts],
                              "KOMNAVN": [p.name for p in parts]},
                             geometry=[p.geometry for p in parts], crs=25832)
    return VectorLayer(role=Role.MUNICIPALITY, frame=frame, source=municipality.source,
                       name=BORDERS_LAYER)


def _default_requests(
    municipality: Municipality,
    request: DatasetRequest,
    report: Progress,
    stop: Cancelled,
) -> tuple[list[LayerRequest], str]:
    out: list[LayerRequest] = []
    if not request.use_sample:
        sample = "off"
    elif municipality.code == paths.AALBORG_KOMKODE:
        sample = "used"
        out += sample_requests(municipality, request.sample_scale, report, stop)
    else:
        extended = _plan_area_sample(municipality, request.sample_scale, report, stop)
        sample = "other_municipality" if extended is None else "used"
        out += extended or []
    birds = paths.layers_dir() / paths.BIRD_PROTECTION_AREAS
    if birds.exists():
        out.append(LayerRequest(Role.NATURA2000, birds))
    return out, sample


def _plan_area_sample(
    municipality: Municipality, scale: float, report: Progress, stop: Cancelled
) -> list[LayerRequest] | None:
    """The sample of a plan area that holds Aalborg (issue 22 item 3): Aalborg's sample as it
    is, the other municipalities from the national world builder at the sample's density
    (:mod:`naturplan.io.sample.plan_area`); None for any other plan area (the sample is
    Aalborg's) or one whose municipalities are not all in the national DAGI file."""
    codes = [p.code for p in municipality.parts]
    if len(codes) < 2 or paths.AALBORG_KOMKODE not in codes:
        return None
    from naturplan.io.sample.plan_area import plan_area_requests

    others = [c for c in codes if c != paths.AALBORG_KOMKODE]
    started: list[bool] = []

    def sub(fraction: float, message: str) -> None:
        if stop():  # nothing is kept: the next run builds it again
            raise BuildCancelled()
        if not started:  # only when it is built (first run)
            started.append(True)
            report(_SAMPLE_START, BUILDING_SAMPLE)
        report(_SAMPLE_START + (_SAMPLE_END - _SAMPLE_START) * fraction, message)

    extra = plan_area_requests(others, scale, sub)
    if stop():
        raise OperationCancelled("Loading was cancelled.")
    if extra is None:
        return None
    # Aalborg's own sample, built (if it is not there yet) on Aalborg's shipped boundary,
    # exactly as a one-municipality Aalborg plan builds it.
    return sample_requests(load_municipality(), scale, report, stop) + extra


def sample_requests(
    municipality: Municipality,
    scale: float,
    report: Progress,
    stop: Cancelled,
) -> list[LayerRequest]:
    """The synthetic sample's layers, building the sample first if it is not there."""
    from naturplan.io.sample.manifest import read_manifest

    out_dir = paths.sample_dir(scale)
    manifest = read_manifest(out_dir)
    if manifest is None:
        from naturplan.io.sample.build import build_sample

        report(_SAMPLE_START, BUILDING_SAMPLE)

        def sub(fraction: float, message: str) -> None:
            report(_SAMPLE_START + (_SAMPLE_END - _SAMPLE_START) * fraction, message)

        # Cancelling raises BuildCancelled (an OperationCancelled); nothing half-built is kept.
        manifest = build_sample(
            out_dir,
            municipality.geometry,
            neighbours=neighbours_of(municipality),
            scale=scale,
            progress=sub,
            cancelled=stop,
        )
    return [LayerRequest(Role(s.role), s.path, s.layer) for s in manifest.layers]
