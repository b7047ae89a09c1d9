"""Importing candidate areas from a consultant's file: the decisions, written once.

The command line (``naturplan candidates import``) and the app (*Import candidate areas*) run
the same steps; they only gather options and present the outcome:

1. ``naturplan.io.project.candidate_file.read_candidate_file`` reads the file raw and
   :func:`check_features` checks every feature on its own: empty, missing, non-polygon and
   invalid geometries, and absurd coordinates (not finite, far outside), are reported with
   their feature id (FID) and name, never dropped or repaired silently.
2. :func:`prepare_import` applies the policy: broken features refuse the whole import unless
   they are skipped (``skip_broken``); invalid polygons are repaired only if asked
   (``repair``); a feature identical in name and geometry to a candidate already in the plan
   is skipped unless duplicates are allowed (re-importing a file does not double the plan).
3. :meth:`CandidateImport.apply` writes the candidates in one transaction, one plan edit
   (one undo command in the app), with the same audit details from both front ends: the
   source file, its layer and each feature's id.
4. :func:`outside_areas` says which areas reach outside the municipality the plan is
   measured in (only the part inside counts).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from naturplan.core.errors import BrokenFeaturesError, ImportRefused
from naturplan.core.geometry import WORKING_BOUNDS
from naturplan.core.plan.candidates import (
    Candidate,
    CandidateKind,
    CandidateStatus,
    GeometryProblem,
    validate_geometries,
)
from naturplan.core.plan.plan import CandidatePlan, Change


@dataclass(frozen=True)
class FeatureIssue:
    """A feature that cannot be imported as it is.

    ``problem`` says why; ``detail`` is the geometry type or GEOS's reason; ``repairable``
    is True for an invalid polygon whose ``make_valid`` repair is still a polygon.
    """

    fid: Any
    name: str
    problem: GeometryProblem
    detail: str = ""
    repairable: bool = False


@dataclass
class ImportCheck:
    """Every feature of a candidate file, checked one by one.

    Attributes
    ----------
    source, layer
        The file name shown to people and the layer read.
    total
        Features in the layer.
    good
        ``(fid, name, geometry)`` of the features that are fine as they are (2-D, valid).
    repairable
        ``(issue, repaired geometry)`` of invalid polygons that ``make_valid`` repairs.
    broken
        The features that cannot be imported (repairable ones are in ``repairable``).
    """

    source: str
    layer: str | None
    total: int = 0
    good: list[tuple[Any, str, BaseGeometry]] = field(default_factory=list)
    repairable: list[tuple[FeatureIssue, BaseGeometry]] = field(default_factory=list)
    broken: list[FeatureIssue] = field(default_factory=list)


def check_features(
    source: str, layer: str | None, fids: Sequence[Any], names: Sequence[str],
    geometries: Any,
) -> ImportCheck:
    """Check every feature (vectorised): see :class:`ImportCheck`.

    A feature with a coordinate that is not finite or lies outside
    :data:`~naturplan.core.geometry.WORKING_BOUNDS` is broken (never repairable): its area
    would be absurd (a vertex at 1e300 gave "inf ha" and a false "target reached").
    """
    check = ImportCheck(source, layer, total=len(fids))
    results = validate_geometries(geometries, WORKING_BOUNDS)
    for fid, name, result in zip(fids, names, results, strict=True):
        fid = fid.item() if hasattr(fid, "item") else fid
        if result.ok:
            assert result.geometry is not None
            check.good.append((fid, name, result.geometry))
        elif result.repaired:
            assert result.geometry is not None
            issue = FeatureIssue(fid, name, GeometryProblem.INVALID, result.detail, True)
            check.repairable.append((issue, result.geometry))
        else:
            assert result.problem is not None
            check.broken.append(FeatureIssue(fid, name, result.problem, result.detail))
    return check


@dataclass(frozen=True)
class ImportOptions:
    """How to import: the kind and status of the new candidates, and the policy.

    ``repair`` imports repairable invalid polygons repaired; ``skip_broken`` imports the
    good features when others are broken (else nothing is imported); ``allow_duplicates``
    imports features identical in name and geometry to a candidate already in the plan.
    """

    kind: CandidateKind
    status: CandidateStatus = CandidateStatus.IDEA
    repair: bool = False
    skip_broken: bool = False
    allow_duplicates: bool = False


def unusable(check: ImportCheck, options: ImportOptions) -> list[FeatureIssue]:
    """The features that will not be imported with *options*: the broken ones, and the
    repairable ones unless ``repair``."""
    if options.repair:
        return list(check.broken)
    return sorted([*check.broken, *(issue for issue, _ in check.repairable)],
                  key=lambda issue: _fid_order(issue.fid))


def refuse_if_broken(check: ImportCheck, options: ImportOptions) -> None:
    """Raise if the import cannot go ahead with *options*, before anything is written.

    Raises
    ------
    BrokenFeaturesError
        Some features are unusable and ``skip_broken`` is not set.
    ImportRefused
        No feature is usable at all.
    """
    bad = unusable(check, options)
    if bad and not options.skip_broken:
        raise BrokenFeaturesError(
            "{n} of {total} features in {file} are broken; nothing was imported.",
            n=len(bad), total=check.total, file=check.source)
    if len(bad) == check.total:
        raise ImportRefused("{file} has no usable polygons; nothing was imported.",
                            file=check.source)


@dataclass(frozen=True)
class CandidateImport:
    """What an import will write, decided and not yet written.

    Attributes
    ----------
    candidates
        The new candidates, in the file's order.
    details
        Their audit details (source file, layer, feature id; ``repaired`` with GEOS's reason).
    repaired
        The invalid polygons imported repaired (not those skipped as duplicates).
    skipped
        The features not imported because they are broken (only with ``skip_broken``).
    duplicates
        ``(fid, name)`` of the features skipped as already in the plan.
    """

    candidates: tuple[Candidate, ...]
    details: tuple[dict[str, Any], ...]
    repaired: tuple[FeatureIssue, ...] = ()
    skipped: tuple[FeatureIssue, ...] = ()
    duplicates: tuple[tuple[Any, str], ...] = ()

    @property
    def area_m2(self) -> float:
        """Total area of the new candidates in m² (EPSG:25832)."""
        return float(shapely.area(np.asarray([c.geometry for c in self.candidates],
                                             dtype=object)).sum()) if self.candidates else 0.0

    def apply(self, plan: CandidatePlan) -> Change:
        """Write the candidates into *plan*: one transaction, one plan edit, one event.

        Raises
        ------
        ImportRefused
            If there is nothing to write.
        NaturplanError
            The store's error if the write fails (then nothing is written).
        """
        if not self.candidates:
            raise ImportRefused("Nothing to import.")
        return plan.add_many(self.candidates, action="import", details=self.details)


def prepare_import(
    check: ImportCheck, options: ImportOptions, existing: Iterable[Candidate] = ()
) -> CandidateImport:
    """The candidates to import from *check* under *options*, next to *existing* ones.

    Raises
    ------
    BrokenFeaturesError, ImportRefused
        As :func:`refuse_if_broken`.
    """
    refuse_if_broken(check, options)
    rows: list[tuple[Any, str, BaseGeometry, str]] = [(f, n, g, "") for f, n, g in check.good]
    if options.repair:
        rows += [(i.fid, i.name, g, i.detail) for i, g in check.repairable]
        rows.sort(key=lambda row: _fid_order(row[0]))
    duplicates: list[tuple[Any, str]] = []
    if not options.allow_duplicates:
        known = {_identity(c.name, c.geometry) for c in existing}
        kept = []
        for row in rows:
            key = _identity(row[1], row[2])
            if key in known:
                duplicates.append((row[0], row[1]))
            else:
                kept.append(row)
                known.add(key)  # the same feature twice in one file is a duplicate too
        rows = kept
    candidates, details = [], []
    for fid, name, geom, repaired in rows:
        candidates.append(Candidate.new(
            options.kind, geom, name, status=options.status,
            note=f"import: {check.source} FID {fid}"))
        info: dict[str, Any] = {"source": check.source, "fid": fid}
        if check.layer:
            info["layer"] = check.layer
        if repaired:
            info["repaired"] = repaired
        details.append(info)
    imported = {row[0] for row in rows}
    return CandidateImport(
        candidates=tuple(candidates),
        details=tuple(details),
        repaired=tuple(i for i, _ in check.repairable if i.fid in imported)
        if options.repair else (),
        skipped=tuple(unusable(check, options)),
        duplicates=tuple(duplicates),
    )


def _fid_order(fid: Any) -> tuple[int, Any]:
    """Feature ids in file order: numbers by value, anything else after them as text."""
    return (0, fid) if isinstance(fid, int) else (1, str(fid))


def _identity(name: str, geometry: BaseGeometry) -> tuple[str, bytes]:
    """Name and geometry as a key that is equal for the same area however it was stored
    (vertex order and start, a one-part MultiPolygon or its Polygon)."""
    geom = shapely.normalize(geometry)
    if geom.geom_type == "MultiPolygon" and len(geom.geoms) == 1:
        geom = geom.geoms[0]
    return name, shapely.to_wkb(geom, output_dimension=2)


@dataclass(frozen=True)
class OutsideArea:
    """A candidate that reaches outside the municipality: its name and areas in m²."""

    name: str
    area_m2: float
    outside_m2: float


def outside_areas(
    candidates: Sequence[Candidate], municipality: BaseGeometry, tolerance: float = 0.001
) -> list[OutsideArea]:
    """The candidates with more than *tolerance* (a fraction) of their area outside
    *municipality*, vectorised."""
    if not candidates:
        return []
    geoms = np.asarray([c.geometry for c in candidates], dtype=object)
    total = shapely.area(geoms)
    inside = shapely.area(shapely.intersection(geoms, municipality))
    out = total - inside
    return [OutsideArea(c.name, float(a), float(o))
            for c, a, o in zip(candidates, total, out, strict=True) if o > tolerance * a]
