"""Layers from WFS 2.0 and OGC API – Features: fetched page by page into a GeoPackage.

One use case for the command line (``naturplan data fetch``) and File → Hent data…:
:func:`fetch_to_gpkg` asks the service for the features of one layer inside a rectangle
(the municipality's extent, EPSG:25832), page by page with progress and cancel, and writes
them to a GeoPackage whose layer metadata say where they came from (service URL without
token, layer, kind, fetch time, count). The file is then loaded in its role like any other
(the role's field mappings apply), and :func:`provenance_of` reads the record back, so the
project can refresh the layer and the dashboard can say how old it is.

WFS capabilities are read with OWSLib; pages come as GeoJSON when the server offers it,
else as GML read by GDAL (pyogrio). OGC API collections are read with OWSLib, items pages
by following their ``next`` links, in EPSG:25832 where the collection offers it
(OGC API – Features Part 2), else in CRS84 and reprojected.
"""

from __future__ import annotations

import dataclasses
import io
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd
import pyogrio

from naturplan.core.errors import ServiceError
from naturplan.core.feedback import Feedback, as_feedback
from naturplan.core.geometry import CoordinateProblem, coordinate_problems, quiet_numbers
from naturplan.core.layers.layer import Layer, VectorLayer
from naturplan.io.services.grids import parse_crs_name
from naturplan.io.services.http import (
    DEFAULT_TIMEOUTS,
    Timeouts,
    get,
    new_session,
    query_params,
    redact_url,
    with_params,
)
from naturplan.io.services.provenance import Provenance, write_fetched
from naturplan.io.services.tokens import get_token

Bounds = tuple[float, float, float, float]
#: Features asked for per page.
PAGE_SIZE = 1000
#: The CRS everything is fetched in when the service offers it.
EPSG_25832_URI = "http://www.opengis.net/def/crs/EPSG/0/25832"
_JSON_FORMATS = ("application/geo+json", "application/json", "geojson", "json",
                 "application/json; subtype=geojson", "application/vnd.geo+json")

@dataclass(frozen=True)
class ServiceLayer:
    """A layer a service offers: its name (typename or collection id) and title."""

    name: str
    title: str


def _session_get(url: str, token: str | None, timeouts: Timeouts,
                 accept: str | None = None) -> Any:
    value = get_token(token) if token else None
    target = with_params(url, {"token": value}) if value else url
    headers = {"Accept": accept} if accept else None
    return get(new_session(), target, timeouts, headers)


def service_kind(url: str, token: str | None = None, timeouts: Timeouts = DEFAULT_TIMEOUTS
                 ) -> str:
    """``"wfs"`` or ``"ogcapi"`` for *url*: by its form, else by asking the service."""
    params = query_params(url)
    if params.get("service", "").lower() == "wfs" or re.search(r"wfs", url, re.I):
        return "wfs"
    if "/collections" in url:
        return "ogcapi"
    try:
        response = _session_get(with_params(url, {"f": "json"}), token, timeouts,
                                "application/json")
        body = response.json()
        if isinstance(body, dict) and "links" in body:
            return "ogcapi"
    except (ServiceError, ValueError):
        pass
    return "wfs"


def _ogc_base(url: str) -> str:
    base = url.split("?", 1)[0].rstrip("/")
    return base.split("/collections", 1)[0]


def list_layers(url: str, token: str | None = None, timeouts: Timeouts = DEFAULT_TIMEOUTS
                ) -> tuple[str, list[ServiceLayer]]:
    """The kind of service at *url* and the layers it offers.

    Raises
    ------
    ServiceError
        If the service cannot be reached or is neither WFS nor OGC API – Features.
    """
    kind = service_kind(url, token, timeouts)
    if kind == "ogcapi":
        body = _ogc_call(url, token, timeouts, lambda api: api.collections())
        layers = [ServiceLayer(str(c["id"]), str(c.get("title") or c["id"]))
                  for c in body.get("collections", [])]
        return kind, layers
    service = _wfs_capabilities(url, token, timeouts)
    return kind, [ServiceLayer(name, str(getattr(info, "title", "") or name))
                  for name, info in service.contents.items()]


def _ogc_call(url: str, token: str | None, timeouts: Timeouts, call: Any) -> Any:
    """*call* on OWSLib's OGC API – Features client for the service at *url*."""
    from owslib.ogcapi.features import Features

    from naturplan.io.services.http import USER_AGENT

    value = get_token(token) if token else None
    base = _ogc_base(url) + (f"?token={value}" if value else "")
    try:
        api = Features(base, json_="{}", timeout=int(timeouts.read),
                       headers={"User-Agent": USER_AGENT})
        return call(api)
    except Exception as exc:  # noqa: BLE001 - requests and OWSLib errors alike
        raise ServiceError("{url}: {reason}", url=redact_url(_ogc_base(url)),
                           reason=_reason(exc)) from None


def _reason(exc: BaseException) -> str:
    response = getattr(exc, "response", None)
    if response is not None and getattr(response, "status_code", None):
        return f"HTTP {response.status_code}"
    return type(exc).__name__


def _wfs_capabilities(url: str, token: str | None, timeouts: Timeouts) -> Any:
    from owslib.wfs import WebFeatureService

    caps = with_params(url, {"SERVICE": "WFS", "REQUEST": "GetCapabilities",
                             "VERSION": "2.0.0"})
    xml = _session_get(caps, token, timeouts).content
    try:
        return WebFeatureService(redact_url(url), version="2.0.0", xml=xml)
    except Exception as exc:  # noqa: BLE001 - OWSLib raises many kinds on a bad document
        raise ServiceError("{url} sent no WFS capabilities ({reason}).",
                           url=redact_url(url), reason=type(exc).__name__) from None


def fetch_features(url: str, layer: str, bbox: Bounds | None = None,
                   feedback: Feedback | None = None, token: str | None = None,
                   page_size: int = PAGE_SIZE, timeouts: Timeouts = DEFAULT_TIMEOUTS,
                   prefer_json: bool = True) -> tuple[gpd.GeoDataFrame, str]:
    """The features of *layer* at *url* inside *bbox* (EPSG:25832), in EPSG:25832.

    Returns the frame and the service kind. Progress goes to *feedback* page by page;
    cancelling stops before the next page.

    Raises
    ------
    ServiceError
        If the service fails, has no such layer, or sends something unreadable.
    OperationCancelled
        If *feedback* was cancelled.
    """
    fb = as_feedback(feedback)
    kind = service_kind(url, token, timeouts)
    fb.report(0.0, layer)
    if kind == "ogcapi":
        pages = _ogcapi_pages(url, layer, bbox, fb, token, page_size, timeouts)
    else:
        pages = _wfs_pages(url, layer, bbox, fb, token, page_size, timeouts, prefer_json)
    frames = [p for p in pages if len(p)]
    if not frames:
        frame = gpd.GeoDataFrame({"geometry": gpd.GeoSeries([], crs=25832)}, crs=25832)
    else:
        with quiet_numbers():  # a vertex at 1e300 or NaN is refused just below
            frame = gpd.GeoDataFrame(pd.concat([f.to_crs(25832) for f in frames],
                                               ignore_index=True), crs=25832)
    fb.report(1.0, layer)
    return frame, kind


def measurable(frame: gpd.GeoDataFrame) -> tuple[gpd.GeoDataFrame, int, int]:
    """The features of *frame* (EPSG:25832) whose coordinates can be measured, and how many
    were left out because a coordinate is not finite, and because one lies outside
    :data:`~naturplan.core.geometry.WORKING_BOUNDS` (the check every layer gets on load)."""
    problems = coordinate_problems(frame.geometry.to_numpy())
    non_finite = problems == CoordinateProblem.NON_FINITE
    outside = problems == CoordinateProblem.OUTSIDE
    bad = non_finite | outside
    if not bad.any():
        return frame, 0, 0
    return (frame.loc[~bad].reset_index(drop=True), int(non_finite.sum()),
            int(outside.sum()))


def _ogcapi_pages(url: str, layer: str, bbox: Bounds | None, fb: Feedback,
                  token: str | None, page_size: int, timeouts: Timeouts
                  ) -> list[gpd.GeoDataFrame]:
    base = _ogc_base(url)
    collection = _ogc_call(url, token, timeouts, lambda api: api.collection(layer))
    offered = {str(c) for c in collection.get("crs", [])}
    in_25832 = EPSG_25832_URI in offered
    params: dict[str, str | None] = {"f": "json", "limit": str(page_size)}
    if in_25832:
        params["crs"] = EPSG_25832_URI
    if bbox is not None:
        if in_25832:
            params["bbox"] = _bbox_text(bbox)
            params["bbox-crs"] = EPSG_25832_URI
        else:
            box = gpd.GeoSeries.from_xy([bbox[0], bbox[2]], [bbox[1], bbox[3]], crs=25832)
            lon, lat = box.to_crs(4326).x, box.to_crs(4326).y
            params["bbox"] = _bbox_text((lon.min(), lat.min(), lon.max(), lat.max()))
    next_url: str | None = with_params(f"{base}/collections/{layer}/items", params)
    pages: list[gpd.GeoDataFrame] = []
    got = 0
    while next_url:
        fb.check()
        response = _session_get(next_url, token, timeouts, "application/geo+json")
        body = _json_body(response, next_url)
        crs = _content_crs(response.headers.get("Content-Crs")) or (
            25832 if in_25832 else 4326)
        features = body.get("features", [])
        pages.append(_frame_from_features(features, crs))
        got += len(features)
        total = body.get("numberMatched")
        fb.report(got / total if isinstance(total, int) and total else 0.5,
                  f"{layer}: {got}")
        next_url = _next_link(body) if features else None
    return pages


def _bbox_text(values: Sequence[Any]) -> str:
    """``9.38,56.8,…``: plain numbers (numpy 2's repr of a float64 is ``np.float64(9.38)``,
    which a server cannot read); repr of a Python float keeps every digit."""
    return ",".join(repr(float(v)) for v in values)


def _content_crs(header: str | None) -> Any:
    if not header:
        return None
    try:
        return parse_crs_name(header.strip().strip("<>"))
    except ValueError:
        return None


def _next_link(body: dict[str, Any]) -> str | None:
    for link in body.get("links", []):
        if link.get("rel") == "next" and link.get("href"):
            return str(link["href"])
    return None


def _json_body(response: Any, url: str) -> dict[str, Any]:
    try:
        body = response.json()
    except ValueError:
        raise ServiceError("{url} sent no JSON.", url=redact_url(url)) from None
    if not isinstance(body, dict):
        raise ServiceError("{url} sent no feature collection.", url=redact_url(url))
    return body


def _frame_from_features(features: Sequence[dict[str, Any]], crs: Any) -> gpd.GeoDataFrame:
    if not features:
        return gpd.GeoDataFrame({"geometry": gpd.GeoSeries([], crs=crs)}, crs=crs)
    with quiet_numbers():  # NaN coordinates are left out, counted, by measurable()
        return gpd.GeoDataFrame.from_features(list(features), crs=crs)


def _wfs_pages(url: str, layer: str, bbox: Bounds | None, fb: Feedback, token: str | None,
               page_size: int, timeouts: Timeouts, prefer_json: bool
               ) -> list[gpd.GeoDataFrame]:
    service = _wfs_capabilities(url, token, timeouts)
    layer = _match_layer(list(service.contents), layer, url)
    info = service.contents[layer]
    srs = _wfs_srs(info)
    formats = [str(f) for f in (getattr(info, "outputFormats", None) or [])]
    formats += [str(f) for f in _operation_formats(service)]
    fmt = next((f for f in formats if f.lower() in _JSON_FORMATS), None) if prefer_json \
        else None
    base = with_params(url, {}, drop=("service", "request", "version", "typename",
                                      "typenames"))
    params: dict[str, str | None] = {
        "SERVICE": "WFS", "VERSION": "2.0.0", "REQUEST": "GetFeature", "TYPENAMES": layer,
        "SRSNAME": srs, "OUTPUTFORMAT": fmt,
    }
    if bbox is not None:
        params["BBOX"] = _bbox_text(bbox) + ",urn:ogc:def:crs:EPSG::25832"
    total = _wfs_hits(with_params(base, {**params, "RESULTTYPE": "hits",
                                         "OUTPUTFORMAT": None}), token, timeouts)
    pages: list[gpd.GeoDataFrame] = []
    got = 0
    while True:
        fb.check()
        page_url = with_params(base, {**params, "COUNT": str(page_size),
                                      "STARTINDEX": str(got)})
        body = _session_get(page_url, token, timeouts).content
        frame = _wfs_page(body, fmt, srs, page_url)
        pages.append(frame)
        got += len(frame)
        fb.report(got / total if total else 0.5, f"{layer}: {got}")
        if len(frame) < page_size or (total is not None and got >= total):
            return pages


def _match_layer(names: list[str], layer: str, url: str) -> str:
    """*layer* as the service names it: ``p3`` finds ``ms:p3`` when only one fits."""
    if layer in names:
        return layer
    fits = [n for n in names if n.rsplit(":", 1)[-1] == layer.rsplit(":", 1)[-1]]
    if len(fits) == 1:
        return fits[0]
    raise ServiceError("The WFS at {url} has no layer {layer} (it has {names}).",
                       url=redact_url(url), layer=layer, names=", ".join(names[:8]))


def _wfs_srs(info: Any) -> str | None:
    options = getattr(info, "crsOptions", None) or []
    for option in options:
        try:
            if parse_crs_name(str(getattr(option, "id", option))).to_epsg() == 25832:
                return "urn:ogc:def:crs:EPSG::25832"
        except ValueError:
            continue
    return None  # the layer's default CRS; the answer says which


def _operation_formats(service: Any) -> list[str]:
    try:
        operation = service.getOperationByName("GetFeature")
    except (KeyError, AttributeError):
        return []
    values = getattr(operation, "parameters", {}).get("outputFormat", {})
    return list(values.get("values", [])) if isinstance(values, dict) else []


def _wfs_hits(url: str, token: str | None, timeouts: Timeouts) -> int | None:
    """numberMatched of a ``RESULTTYPE=hits`` answer (None if the server does not say)."""
    import xml.etree.ElementTree as ET

    try:
        root = ET.fromstring(_session_get(url, token, timeouts).content)
        return int(root.get("numberMatched", ""))
    except (ServiceError, ET.ParseError, ValueError):
        return None


def _wfs_page(body: bytes, fmt: str | None, srs: str | None, url: str) -> gpd.GeoDataFrame:
    if body.lstrip()[:1] in (b"{", b"["):
        try:
            data = json.loads(body)
        except ValueError:
            raise ServiceError("{url} sent broken JSON.", url=redact_url(url)) from None
        crs_name = ((data.get("crs") or {}).get("properties") or {}).get("name") or srs
        crs = parse_crs_name(crs_name) if crs_name else 4326
        return _frame_from_features(data.get("features", []), crs)
    if b"ExceptionReport" in body[:2000]:
        raise ServiceError("{url} answered with an exception report.", url=redact_url(url))
    if b"numberReturned=\"0\"" in body[:4000]:
        return gpd.GeoDataFrame({"geometry": gpd.GeoSeries([], crs=25832)}, crs=25832)
    try:
        # No schema download: GDAL reads the field types from the GML itself.
        frame = pyogrio.read_dataframe(io.BytesIO(body), DOWNLOAD_SCHEMA="NO")
    except Exception as exc:  # noqa: BLE001 - GDAL raises several kinds on bad GML
        raise ServiceError("{url} sent GML that cannot be read ({reason}).",
                           url=redact_url(url), reason=str(exc)[:120]) from None
    if frame.crs is None and srs:
        frame = frame.set_crs(parse_crs_name(srs))
    for column in ("gml_id", "boundedBy"):
        if column in frame.columns:
            frame = frame.drop(columns=column)
    return frame


@dataclass(frozen=True)
class FetchResult:
    """A fetched layer on disk: the file, its layer name and its provenance, and how many
    features were left out for a coordinate that is not finite, or that lies far outside
    (they are not in the file: :func:`with_left_out` puts them in the loaded layer's
    report, so that its notice says so)."""

    path: Path
    layer: str
    provenance: Provenance
    left_out_non_finite: int = 0
    left_out_outside: int = 0

    @property
    def left_out(self) -> int:
        return self.left_out_non_finite + self.left_out_outside


def with_left_out(layer: Layer, result: FetchResult) -> Layer:
    """*layer*, loaded from *result*'s file, with the features the fetch left out counted
    in its load report (``core.notices.load_notices`` then names them, in the CLI and on
    the dashboard, as for a file)."""
    if isinstance(layer, VectorLayer) and result.left_out:
        report = layer.report
        layer.report = dataclasses.replace(
            report, read=report.read + result.left_out,
            dropped_non_finite=report.dropped_non_finite + result.left_out_non_finite,
            dropped_outside=report.dropped_outside + result.left_out_outside)
    return layer


def fetch_to_gpkg(url: str, layer: str, out: Path, bbox: Bounds | None = None,
                  feedback: Feedback | None = None, token: str | None = None,
                  page_size: int = PAGE_SIZE, timeouts: Timeouts = DEFAULT_TIMEOUTS,
                  prefer_json: bool = True) -> FetchResult:
    """Fetch *layer* from the service at *url* inside *bbox* into the GeoPackage *out*.

    The file is replaced only when every page has arrived: a cancelled or failed fetch
    leaves an earlier file as it was.

    Raises
    ------
    ServiceError, OperationCancelled
        As :func:`fetch_features`.
    """
    fb = as_feedback(feedback)
    frame, kind = fetch_features(url, layer, bbox, fb.part(0.0, 0.95), token, page_size,
                                 timeouts, prefer_json)
    if len(frame) == 0:
        raise ServiceError("The service sent no features of {layer} in this area.",
                           layer=layer)
    frame, non_finite, outside = measurable(frame)
    if len(frame) == 0:
        raise ServiceError("None of the {n} features of {layer} the service sent has "
                           "coordinates where EPSG:25832 applies; nothing was written.",
                           n=non_finite + outside, layer=layer)
    provenance = Provenance(redact_url(url), layer, kind,
                            datetime.now(UTC).replace(microsecond=0), len(frame))
    fb.check()
    name = write_fetched(frame, out, provenance)
    fb.report(1.0, str(out))
    return FetchResult(Path(out), name, provenance, non_finite, outside)
