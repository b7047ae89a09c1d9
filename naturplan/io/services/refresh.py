"""Refreshing layers that came from a web service: the file says where from, the project's
record of the layer says how it is read (its role and field mapping)."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from urllib.parse import urlsplit

from naturplan.core.errors import ServiceError
from naturplan.core.feedback import Feedback
from naturplan.core.layers.layer import Layer
from naturplan.io.datasets import DatasetRequest
from naturplan.io.loading import LayerRequest, load_layer
from naturplan.io.services.features import Bounds, FetchResult, fetch_to_gpkg, with_left_out
from naturplan.io.services.provenance import provenance_of
from naturplan.io.services.tokens import token_name_for


def service_layers(request: DatasetRequest) -> list[LayerRequest]:
    """The layers of *request* whose file was fetched from a service."""
    return [layer for layer in request.layers
            if Path(layer.path).suffix.lower() == ".gpkg"
            and provenance_of(Path(layer.path), layer.layer) is not None]


def refresh_layer(path: Path, layer: str | None, bbox: Bounds,
                  feedback: Feedback | None = None, out: Path | None = None) -> FetchResult:
    """Fetch the layer in *path* again from the service its metadata names, into *out*
    (default: *path* itself).

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
    return fetch_to_gpkg(found.url, found.layer, Path(out or path), bbox, feedback, token)


def refresh_and_load(request: LayerRequest, bbox: Bounds,
                     feedback: Feedback | None = None) -> tuple[FetchResult, Layer]:
    """Fetch *request*'s layer again and load it as recorded: in its role, with the field
    mapping the user chose when it was first fetched (``request.fields``).

    The GUI's "Opdater lag fra webtjenester" and ``naturplan data refresh`` both call this.

    Raises
    ------
    ServiceError
        As :func:`refresh_layer`.
    FieldMappingError
        If the refreshed layer no longer has the source fields of the recorded mapping. The
        file is then left as it was: the fetch goes to a file beside it, which replaces it
        only once it loads as recorded.
    """
    path = Path(request.path)
    staged = path.with_name(path.stem + ".refresh.gpkg")
    try:
        fetched = refresh_layer(path, request.layer, bbox, feedback, out=staged)
        load_layer(dataclasses.replace(request, path=staged, layer=fetched.layer))
        staged.replace(path)
    finally:
        staged.unlink(missing_ok=True)
    result = dataclasses.replace(fetched, path=path)
    loaded = load_layer(dataclasses.replace(request, path=path, layer=result.layer))
    return result, with_left_out(loaded, result)
