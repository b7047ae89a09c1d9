"""What a project was measured against: the municipality, the user's layers, the roles that
count as protected and the sample, kept in the project's settings table (DESIGN.md, "Storage").

Written when the app has loaded a dataset for a project (and by ``candidates import``);
read when a project is opened without data options (``naturplan --project P.gpkg``,
``naturplan stats --project P.gpkg``), so that the same plan shows the same numbers.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from naturplan.core.errors import NaturplanError
from naturplan.core.layers.roles import Role, parse_role
from naturplan.io.datasets import DatasetRequest
from naturplan.io.loading import LayerRequest
from naturplan.io.project.settings_model import PLAN_KEY, read_settings, write_settings
from naturplan.io.project.store import CandidateStore, StoreError

__all__ = ["PLAN_KEY", "RECORD_VERSION", "record", "recorded_request", "request_from_settings",
           "settings_from_request"]
#: Version of the record's own shape.
RECORD_VERSION = 1


def settings_from_request(request: DatasetRequest, roles: Sequence[Role]) -> dict[str, Any]:
    """The JSON record of *request* and the protected *roles* (paths made absolute; a drawn
    plan area under ``area``, only when there is one)."""
    out = _record_of(request, roles)
    if request.area is not None:
        out["area"] = {"path": str(Path(request.area.path).resolve()),
                       "layer": request.area.layer, "assume_crs": request.area.assume_crs}
    return out


def _record_of(request: DatasetRequest, roles: Sequence[Role]) -> dict[str, Any]:
    return {
        "version": RECORD_VERSION,
        "kommune": request.kommune,
        "use_sample": request.use_sample,
        "sample_scale": request.sample_scale,
        "protected_roles": [role.value for role in roles],
        "layers": [
            {
                "role": layer.role.value,
                "path": str(Path(layer.path).resolve()),
                "layer": layer.layer,
                "fields": dict(layer.fields) if layer.fields else None,
                "assume_crs": layer.assume_crs,
                # Where a layer fetched from a web service came from, and when (issue 12).
                "service": service_record(layer.path, layer.layer),
            }
            for layer in request.layers
        ],
    }


def service_record(path: Path, layer: str | None) -> dict[str, Any] | None:
    """The service a fetched GeoPackage layer came from (URL without token, layer, kind,
    fetch time), read from its metadata; None for a file that was not fetched."""
    from naturplan.io.services.provenance import provenance_of

    if Path(path).suffix.lower() != ".gpkg" or not Path(path).exists():
        return None
    found = provenance_of(Path(path), layer)
    if found is None:
        return None
    return {"url": found.url, "layer": found.layer, "kind": found.kind,
            "fetched": found.fetched.isoformat(timespec="seconds")}


def request_from_settings(record: Mapping[str, Any]) -> tuple[DatasetRequest, tuple[Role, ...]]:
    """The dataset request and protected roles a record describes.

    Raises
    ------
    StoreError
        If the record is not one this version of naturplan wrote.
    """
    try:
        if int(record["version"]) > RECORD_VERSION:
            raise StoreError("The project was saved by a newer naturplan; update naturplan.")
        layers = tuple(
            LayerRequest(
                parse_role(str(item["role"])),
                Path(str(item["path"])),
                item.get("layer"),
                dict(item["fields"]) if item.get("fields") else None,
                item.get("assume_crs"),
            )
            for item in record.get("layers", [])
        )
        area = record.get("area")
        request = DatasetRequest(
            area=None if not area else LayerRequest(
                Role.MUNICIPALITY, Path(str(area["path"])), area.get("layer"),
                assume_crs=area.get("assume_crs")),
            kommune=record.get("kommune"),
            layers=layers,
            sample_scale=float(record.get("sample_scale", 1.0)),
            use_sample=bool(record.get("use_sample", True)),
        )
        roles = tuple(parse_role(str(r)) for r in record.get("protected_roles", ["nature_p3"]))
    except StoreError:
        raise
    except (KeyError, TypeError, ValueError, NaturplanError) as exc:
        raise StoreError("The project's layer settings cannot be read ({reason}).",
                         reason=str(exc)) from None
    return request, roles


def recorded_request(project: str | Path) -> tuple[DatasetRequest, tuple[Role, ...]] | None:
    """What *project* (a file or a PostGIS connection string) was last measured against, or
    None (no such project, or no record)."""
    from naturplan.io.project.open import open_store, project_exists

    if not project_exists(project):
        return None
    with open_store(project, create=False, readonly=True) as store:
        record = read_settings(store).plan
    return None if record is None else request_from_settings(record)


def record(store: CandidateStore, request: DatasetRequest, roles: Sequence[Role]) -> bool:
    """Write *request* and *roles* into the project's settings unless already there.

    Returns True if something was written (an audited settings change).
    """
    return write_settings(store, plan=settings_from_request(request, roles))
