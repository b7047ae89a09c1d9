"""Reading a candidate file (a consultant's polygons) for the import use case.

:func:`read_candidate_file` reads one layer raw through :func:`naturplan.io.vector.read_vector`
(every feature as it is, with its feature id; only the CRS transformed) and checks each feature
with :func:`naturplan.core.plan.importing.check_features`. :func:`describe_layers` tells the
app's import dialog which layers a file has, whether each declares a CRS and which fields it
has. ``naturplan candidates import`` and the app's *Import candidate areas* both use these; the
policy (what to import) is :func:`naturplan.core.plan.importing.prepare_import`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from naturplan.core.errors import LayerLoadError, SeveralLayersError
from naturplan.core.feedback import Feedback, as_feedback
from naturplan.core.plan.importing import ImportCheck, check_features
from naturplan.io.vector import list_layers, read_vector

#: Name fields tried in order when no name field is given.
NAME_FIELDS = ("name", "navn", "Name", "Navn", "NAME", "NAVN", "titel", "title")


@dataclass(frozen=True)
class FileLayer:
    """One layer of a candidate file, from its metadata (no features read).

    ``crs`` is None for a layer that declares no coordinate reference system.
    """

    name: str
    geometry_type: str | None
    features: int
    crs: str | None
    fields: tuple[str, ...]


def describe_layers(path: Path) -> list[FileLayer]:
    """The layers of *path* with their geometry type, feature count, CRS and fields.

    Raises
    ------
    LayerLoadError
        If the file cannot be read.
    """
    import pyogrio

    path = Path(path)
    if not path.exists():
        raise LayerLoadError("File not found: {path}", path=str(path))
    out = []
    for name, geometry_type in list_layers(path):
        try:
            info = pyogrio.read_info(path, layer=name)
        except Exception as exc:  # pyogrio raises several kinds
            raise LayerLoadError("Cannot read '{name}': {reason}", name=path.name,
                                 reason=str(exc).splitlines()[0]) from None
        out.append(FileLayer(name, geometry_type, int(info.get("features") or 0),
                             info.get("crs"), tuple(str(f) for f in info["fields"])))
    return out


def read_candidate_file(
    path: Path,
    layer: str | None = None,
    *,
    assume_crs: str | None = None,
    name_field: str | None = None,
    feedback: Feedback | None = None,
) -> ImportCheck:
    """Read one layer of *path* raw and check every feature.

    Parameters
    ----------
    path, layer
        The file and the layer in it; a file with several layers needs *layer*.
    assume_crs
        The CRS of a file that declares none (never overrides a declared one).
    name_field
        The field with the names; default: the first of :data:`NAME_FIELDS` the layer has,
        else "<file name> <FID>".
    feedback
        Progress and cancel.

    Raises
    ------
    SeveralLayersError
        The file has several layers and *layer* is None.
    LayerLoadError, MissingCRSError
        Unreadable file, unknown layer or name field, no CRS and none assumed, a CRS that
        cannot be transformed.
    OperationCancelled
        If *feedback* was cancelled.
    """
    feedback = as_feedback(feedback)
    path = Path(path)
    feedback.report(0.0, path.name)
    if layer is None and path.exists():
        names = [n for n, _ in list_layers(path)]
        if len(names) > 1:
            raise SeveralLayersError("'{name}' has several layers: {layers}.",
                                     name=path.name, layers=", ".join(names))
    read = read_vector(path, layer, assume_crs=assume_crs, raw=True)
    feedback.check()
    feedback.report(0.7, path.name)
    frame = read.frame
    names = _names(frame, name_field, path)
    check = check_features(path.name, layer, list(frame.index), names,
                           frame.geometry.to_numpy())
    feedback.report(1.0, path.name)
    return check


def _names(frame: object, name_field: str | None, path: Path) -> list[str]:
    columns = [c for c in frame.columns if c != frame.geometry.name]  # type: ignore[attr-defined]
    if name_field is not None and name_field not in columns:
        raise LayerLoadError("'{name}' has no field '{field}'. Fields: {fields}.",
                             name=path.name, field=name_field, fields=", ".join(columns))
    column = name_field or next((f for f in NAME_FIELDS if f in columns), None)
    if column is None:
        return [f"{path.stem} {fid}" for fid in frame.index]  # type: ignore[attr-defined]
    return ["" if v is None or v != v else str(v) for v in frame[column]]  # type: ignore[index]
