"""``stats --all-kommuner``: the protected share of every municipality (issue 24 §2).

One municipality at a time: its §3 polygons are read through the layer's spatial index for
the municipality's box only (:func:`naturplan.io.loading.read_polygons` with bounds), measured with
the same kernel as ``stats`` (:func:`naturplan.core.share.protected.compute_protected`) and
let go before the next, so memory holds one municipality, never the country. With *workers*
> 1 the municipalities are measured in worker processes (the union is CPU work under the
GIL), the rows still come back in KOMKODE order as they are done. When the layers live in
the team database, each municipality is one SQL query there instead
(:func:`naturplan.io.postgis_layers.protected_share`).
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

from naturplan.core.share.protected import compute_protected
from naturplan.core.share.targets import DEFAULT_TARGETS
from naturplan.io.loading import PROTECTED_FIELDS, LayerRequest, read_polygons
from naturplan.io.sample.national import Kommune

#: The targets every row is measured against: 17 % (Aalborg's) and 20 % (national).
TARGET_SHARES = tuple(t.share for t in DEFAULT_TARGETS)


@dataclass(frozen=True)
class KommuneShare:
    """One municipality's row: areas in m², shares 0..1.

    ``by_type`` holds the union area of each §3 type inside the municipality (types that
    overlap count in both, as in ``stats``).
    """

    code: str
    name: str
    area_m2: float
    protected_m2: float
    by_type: dict[str, float] = field(default_factory=dict)
    synthetic: bool = False

    @property
    def share(self) -> float:
        return min(self.protected_m2 / self.area_m2, 1.0) if self.area_m2 > 0 else 0.0

    def gap_m2(self, target: float) -> float:
        """Area still missing to *target* (0 once it is reached)."""
        return max(target * self.area_m2 - self.protected_m2, 0.0)


def measure_kommune(kommune: Kommune, requests: Sequence[LayerRequest]) -> KommuneShare:
    """The protected share of one municipality from the windowed reads of *requests*."""
    bounds = kommune.geometry.bounds
    reads = [read_polygons(r, PROTECTED_FIELDS.get(r.role, ()), bounds) for r in requests]
    share, _ = compute_protected(kommune.geometry, [read.protected() for read in reads],
                                 DEFAULT_TARGETS,
                                 roles=list(dict.fromkeys(r.role.value for r in requests)))
    return KommuneShare(kommune.code, kommune.name, share.municipality_area_m2, share.area_m2,
                        dict(share.by_type), any(read.summary.source.synthetic for read in reads))


def _measure_in_database(kommune: Kommune, conninfo: str) -> KommuneShare:
    from naturplan.io.postgis_layers import protected_share, synthetic_roles

    share = protected_share(conninfo, kommune.geometry)
    return KommuneShare(kommune.code, kommune.name, share.municipality_area_m2, share.area_m2,
                        dict(share.by_type), bool(synthetic_roles(conninfo)))


def kommune_shares(
    kommuner: Sequence[Kommune],
    requests: Sequence[LayerRequest] = (),
    *,
    database: str | None = None,
    workers: int = 1,
    progress: Callable[[float, str], None] | None = None,
) -> Iterator[KommuneShare]:
    """One :class:`KommuneShare` per municipality, in the order given, as each is done.

    Measured from the files of *requests*, or in the team database *database* when given.
    """
    total = max(len(kommuner), 1)

    def report(i: int, kommune: Kommune) -> None:
        if progress is not None:
            progress((i + 1) / total, kommune.name)

    if database is not None:
        for i, kommune in enumerate(kommuner):
            yield _measure_in_database(kommune, database)
            report(i, kommune)
        return
    if workers <= 1 or len(kommuner) < 2:
        for i, kommune in enumerate(kommuner):
            yield measure_kommune(kommune, requests)
            report(i, kommune)
        return
    context = multiprocessing.get_context("spawn")  # no forked Qt or threads, as on Windows
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        futures = [pool.submit(measure_kommune, k, tuple(requests)) for k in kommuner]
        for i, (kommune, future) in enumerate(zip(kommuner, futures, strict=True)):
            yield future.result()
            report(i, kommune)
