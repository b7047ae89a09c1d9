"""Refreshing layers that came from a web service: the file says where from."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from naturplan.core.errors import ServiceError
from naturplan.core.feedback import Feedback
from naturplan.io.datasets import DatasetRequest
from naturplan.io.loading import LayerRequest
from naturplan.io.services.features import Bounds, FetchResult, fetch_to_gpkg
from naturplan.io.services.provenance import provenance_of
from naturplan.io.services.tokens import token_name_for


def service_layers(request: DatasetRequest) -> list[LayerRequest]:
    """The layers of *request* whose file was fetched from a service."""
    return [layer for layer in request.layers
            if Path(layer.path).suffix.lower() == ".gpkg"
            and provenance_of(Path(layer.path), layer.layer) is not None]


def refresh_layer(path: Path, layer: str | None, bbox: Bounds,
                  feedback: Feedback | None = None) -> FetchResult:
    """Fetch the layer in *path* again from the service its metadata names, into *path*.

    Raises
    ------
    ServiceError
        If the file was not fetched from a service, or the service fails (the file is then
        left as it was).
    """
    found = provenance_of(Path(path), layer)
    if found is None:
        raise ServiceError("{path} was not fetched from a web service.", path=str(path))
    token = token_name_for(urlsplit(found.url).hostname or "")
    return fetch_to_gpkg(found.url, found.layer, Path(path), bbox, feedback, token)
