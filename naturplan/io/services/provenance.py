"""Where a fetched layer came from, kept in its GeoPackage's layer metadata.

A layer fetched from a service (:mod:`naturplan.io.services.features`) is written with the
service URL (never its token), the layer name, the service kind, the fetch time (UTC) and
the feature count as ``NATURPLAN_*`` layer metadata; :func:`provenance_of` reads them back,
so the project can refresh the layer and the dashboard can say how old it is. GeoPackage
1.2, which older QGIS reads without a warning (DESIGN.md, "Measured").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import geopandas as gpd
import pyogrio

from naturplan.core.errors import ServiceError
from naturplan.io.gpkg_writer import write_gpkg

#: Layer metadata keys written into a fetched GeoPackage.
META_URL = "NATURPLAN_SERVICE_URL"
META_LAYER = "NATURPLAN_SERVICE_LAYER"
META_KIND = "NATURPLAN_SERVICE_KIND"
META_FETCHED = "NATURPLAN_FETCHED"
META_COUNT = "NATURPLAN_FEATURE_COUNT"


@dataclass(frozen=True)
class Provenance:
    """Where a fetched layer came from: service URL (no token), layer, kind, when (UTC)."""

    url: str
    layer: str
    kind: str
    fetched: datetime
    count: int = 0

    def age_days(self, now: datetime | None = None) -> float:
        return ((now or datetime.now(UTC)) - self.fetched).total_seconds() / 86400.0


def layer_name_for(service_layer: str) -> str:
    """A GeoPackage layer name for a service layer: ``dai:bes_naturtyper`` → ``bes_naturtyper``."""
    name = service_layer.rsplit(":", 1)[-1]
    return re.sub(r"[^0-9A-Za-z_]+", "_", name).strip("_") or "layer"


def write_fetched(frame: gpd.GeoDataFrame, out: Path, provenance: Provenance,
                  layer: str | None = None) -> str:
    """Write *frame* to the GeoPackage *out* (replacing it) with *provenance* in its layer
    metadata; returns the layer name.

    Raises
    ------
    ServiceError
        If the file cannot be written.
    """
    name = layer or layer_name_for(provenance.layer)
    metadata = {
        META_URL: provenance.url, META_LAYER: provenance.layer, META_KIND: provenance.kind,
        META_FETCHED: provenance.fetched.isoformat(timespec="seconds"),
        META_COUNT: str(provenance.count),
        "DESCRIPTION": f"Fetched from {provenance.url} ({provenance.layer}) at "
                       f"{provenance.fetched.isoformat(timespec='seconds')}",
    }
    out = Path(out)
    tmp = out.with_name(out.stem + ".part.gpkg")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp.unlink(missing_ok=True)
        write_gpkg(frame, tmp, name, metadata=metadata, promote_to_multi=True)
        tmp.replace(out)
    except (OSError, pyogrio.errors.DataSourceError) as exc:
        tmp.unlink(missing_ok=True)
        raise ServiceError("Cannot write {path}: {reason}", path=str(out),
                           reason=str(exc)[:200]) from None
    return name


def provenance_of(path: Path, layer: str | None = None) -> Provenance | None:
    """The service record of a fetched GeoPackage layer, or None for any other file."""
    try:
        if layer is None:  # a one-layer file only: a project file is not a fetched layer
            layers = pyogrio.list_layers(path)
            if len(layers) != 1:
                return None
            layer = str(layers[0][0])
        info = pyogrio.read_info(path, layer=layer)
    except Exception:  # noqa: BLE001 - not a readable vector file: no provenance
        return None
    meta = {str(k): str(v) for k, v in (info.get("layer_metadata") or {}).items()}
    if META_URL not in meta or META_FETCHED not in meta:
        return None
    try:
        fetched = datetime.fromisoformat(meta[META_FETCHED])
    except ValueError:
        return None
    if fetched.tzinfo is None:
        fetched = fetched.replace(tzinfo=UTC)
    return Provenance(meta[META_URL], meta.get(META_LAYER, ""), meta.get(META_KIND, ""),
                      fetched, int(meta.get(META_COUNT, "0") or 0))
