"""Opening a whole dataset: the municipality, the shipped sample, the user's layers.

By default naturplan opens Aalborg Kommune with its real boundary and the real Natura 2000
bird protection areas, plus the synthetic sample layers (parcels, §3 nature, habitat sites,
lowland, flood depth, afforestation zones) built on first run. ``--layer ROLE=PATH`` replaces
every default layer of that role; ``--kommune`` picks another municipality, which gets the
real national layers only (the synthetic sample is Aalborg's).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from naturplan.core.errors import OperationCancelled
from naturplan.core.layers.dataset import Dataset, Municipality
from naturplan.core.layers.layer import Layer, VectorLayer
from naturplan.core.layers.roles import Role
from naturplan.io import paths
from naturplan.io.loading import (
    LayerRequest,
    load_layer,
    load_municipality,
    neighbours_of,
)

Progress = Callable[[float, str], None]
Cancelled = Callable[[], bool]

#: Full Aalborg scale: ~100,000 parcels, ~10,000 §3 polygons.
FULL_SCALE = 1.0


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
    """

    kommune: str | None = None
    layers: Sequence[LayerRequest] = field(default_factory=tuple)
    sample_scale: float = FULL_SCALE
    use_sample: bool = True


def open_dataset(
    request: DatasetRequest,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Dataset:
    """Load everything *request* names.

    Raises
    ------
    NaturplanError
        Any load failure, with the user's message; nothing is returned half-loaded.
    OperationCancelled
        If *cancelled* returned True.
    """
    report = progress or (lambda fraction, message: None)
    stop = cancelled or (lambda: False)
    user: dict[Role, list[LayerRequest]] = {}
    for r in request.layers:
        user.setdefault(r.role, []).append(r)
    report(0.0, "municipality")
    muni_requests = user.pop(Role.MUNICIPALITY, [])
    municipality = load_municipality(
        request.kommune, muni_requests[0] if muni_requests else None
    )
    dataset = Dataset(municipality)
    dataset.layers.append(_municipality_layer(municipality))
    defaults = _default_requests(municipality, request, report, stop)
    wanted = [d for d in defaults if d.role not in user]
    wanted += [r for reqs in user.values() for r in reqs]
    for i, layer_request in enumerate(wanted):
        if stop():
            raise OperationCancelled("Loading was cancelled.")
        report(0.5 + 0.5 * i / max(len(wanted), 1), layer_request.path.name)
        dataset.layers.append(load_layer(layer_request))
    report(1.0, "done")
    return dataset


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


def _default_requests(
    municipality: Municipality,
    request: DatasetRequest,
    report: Progress,
    stop: Cancelled,
) -> list[LayerRequest]:
    out: list[LayerRequest] = []
    if request.use_sample and municipality.code == paths.AALBORG_KOMKODE:
        out += sample_requests(municipality, request.sample_scale, report, stop)
    birds = paths.layers_dir() / paths.BIRD_PROTECTION_AREAS
    if birds.exists():
        out.append(LayerRequest(Role.NATURA2000, birds))
    return out


def sample_requests(
    municipality: Municipality,
    scale: float,
    report: Progress,
    stop: Cancelled,
) -> list[LayerRequest]:
    """The synthetic sample's layers, building the sample first if it is not there."""
    from naturplan.io.sample.build import BuildCancelled, build_sample, read_manifest

    out_dir = paths.sample_dir(scale)
    manifest = read_manifest(out_dir)
    if manifest is None:
        report(0.05, "building the synthetic sample (first run)")

        def sub(fraction: float, message: str) -> None:
            report(0.05 + 0.45 * fraction, message)

        try:
            manifest = build_sample(
                out_dir,
                municipality.geometry,
                neighbours=neighbours_of(municipality),
                scale=scale,
                progress=sub,
                cancelled=stop,
            )
        except BuildCancelled:
            raise OperationCancelled("Building the sample was cancelled.") from None
    return [LayerRequest(Role(s.role), s.path, s.layer) for s in manifest.layers]

