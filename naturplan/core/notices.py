"""Things the user must be told about a number: the work was done, but the answer may surprise.

A protected share of 0 % because no protected layer was loaded, or because the §3 file lies
in another municipality, is a right answer to the wrong question; a layer whose points were
left out is not what the user gave. Such a :class:`Notice` is data, like an error in
:mod:`naturplan.core.errors`: a ``code`` front ends tell kinds apart by, an English
``template`` with ``{name}`` placeholders (also the key of its translation, context
``warnings``), and ``params``. The command line prints them (and lists them in ``--json``),
the dashboard shows them (:func:`dataset_notices`); the words are chosen there
(``naturplan.text.notices.notice_text``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from naturplan.core.layers.layer import Layer, LoadReport, VectorLayer
from naturplan.core.share.protected import ProtectedShare

if TYPE_CHECKING:
    from naturplan.core.layers.dataset import Dataset

#: No layer plays a role that counts as protected; it adds nothing to the share.
NO_PROTECTED_LAYER = "no_protected_layer"
#: The synthetic sample is Aalborg's; another municipality opens with real layers only.
SAMPLE_NOT_HERE = "sample_not_here"
#: The synthetic sample was left out (``--no-sample``).
SAMPLE_OFF = "sample_off"
#: A protected layer has no features at all.
LAYER_EMPTY = "layer_empty"
#: No feature of a protected layer lies inside the municipality.
LAYER_OUTSIDE = "layer_outside"
#: Features that are not polygons were left out of a layer.
FEATURES_LEFT_OUT = "features_left_out"
#: Features whose coordinates are not finite or lie far outside were left out of a layer.
COORDINATES_LEFT_OUT = "coordinates_left_out"


@dataclass(frozen=True)
class Notice:
    """One thing to tell the user, as a code, an English template and its values.

    ``params["n"]``, where present, is the count a translation chooses its form by; a
    mapping of geometry type → count (``params["types"]``) is written "2 Point, 1 LineString".
    """

    code: str
    template: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def __str__(self) -> str:
        values = {k: describe_types(v) if isinstance(v, Mapping) else v
                  for k, v in self.params.items()}
        try:
            return self.template.format(**values)
        except (KeyError, IndexError, ValueError):
            return self.template

    def as_dict(self) -> dict[str, Any]:
        """``{"code", "params"}`` (JSON-ready)."""
        return {"code": self.code, "params": dict(self.params)}


def share_notices(
    share: ProtectedShare, municipality: str, sample: str = "used"
) -> list[Notice]:
    """What to say about *share* besides its numbers.

    Parameters
    ----------
    share
        The protected share (its roles and, per protected layer, how many features lie
        inside the municipality).
    municipality
        The municipality's name, for the messages.
    sample
        Whether the synthetic sample was opened: ``"used"``, ``"off"`` (left out by the
        user) or ``"other_municipality"`` (it covers Aalborg only).

    Returns
    -------
    list of Notice
        A role without a layer (and, then, why the sample did not supply one), a layer with
        no features, a layer with none inside the municipality.
    """
    out: list[Notice] = []
    present = {s.role for s in share.sources}
    missing = [role for role in share.roles if role not in present]
    for role in missing:
        out.append(Notice(
            NO_PROTECTED_LAYER,
            "No layer plays the protected role {role} in {municipality}: it adds nothing "
            "to the share.",
            {"role": role, "municipality": municipality},
        ))
    if missing and sample == "other_municipality":
        out.append(Notice(
            SAMPLE_NOT_HERE,
            "The synthetic sample covers Aalborg only; {municipality} opens with real "
            "layers only.",
            {"municipality": municipality},
        ))
    elif missing and sample == "off":
        out.append(Notice(SAMPLE_OFF, "The synthetic sample was left out.", {}))
    for source in share.sources:
        if source.features == 0:
            out.append(Notice(
                LAYER_EMPTY, "The protected layer {layer} ({role}) has no features.",
                {"layer": source.name, "role": source.role},
            ))
        elif source.inside == 0:
            out.append(Notice(
                LAYER_OUTSIDE,
                "None of the {n} features of {layer} ({role}) lies inside {municipality}.",
                {"n": source.features, "layer": source.name, "role": source.role,
                 "municipality": municipality},
            ))
    return out


def load_notices(role: str, layer: str, report: LoadReport | None) -> list[Notice]:
    """What to say about how a layer was loaded: the features that were left out (not
    polygons; coordinates that are not finite or lie far outside, each counted)."""
    if report is None:
        return []
    out = []
    if report.dropped_types:
        n = sum(report.dropped_types.values())
        out.append(Notice(
            FEATURES_LEFT_OUT,
            "{n} features of {layer} ({role}) are not polygons and were left out: {types}.",
            {"n": n, "layer": layer, "role": role, "types": dict(report.dropped_types)},
        ))
    if report.dropped_coordinates:
        out.append(Notice(
            COORDINATES_LEFT_OUT,
            "{n} features of {layer} ({role}) have coordinates that are not finite or lie "
            "far outside Denmark (EPSG:25832) and were left out.",
            {"n": report.dropped_coordinates, "layer": layer, "role": role,
             "non_finite": report.dropped_non_finite, "outside": report.dropped_outside},
        ))
    return out


def describe_types(counts: Mapping[str, int]) -> str:
    """``{"Point": 3, "LineString": 1}`` → ``"3 Point, 1 LineString"`` (most first)."""
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return ", ".join(f"{count} {name}" for name, count in ordered)


def layer_notices(layer: Layer) -> list[Notice]:
    """What to say about how one loaded layer was read (for the GUI's Add layer)."""
    report = layer.report if isinstance(layer, VectorLayer) else None
    return load_notices(layer.role.value, layer.source.label, report)


def dataset_notices(dataset: Dataset, share: ProtectedShare) -> list[Notice]:
    """Every notice about an opened dataset and its protected share (for the dashboard)."""
    out: list[Notice] = []
    for layer in dataset.layers:
        out += layer_notices(layer)
    name = dataset.municipality.name or dataset.municipality.code
    return out + share_notices(share, name, dataset.sample)


def codes(notices: Sequence[Notice]) -> list[str]:
    """The codes of *notices*, in order (handy in tests and logs)."""
    return [n.code for n in notices]
