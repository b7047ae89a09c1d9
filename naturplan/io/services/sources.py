"""Tile sources: XYZ, WMTS and WMS services described as "a grid and a URL per tile".

A :class:`TileSource` holds everything needed to ask for one tile: the grid (see
:mod:`~naturplan.io.services.grids`), a URL template, the attribution, how many connections
the service allows, and the *name* of the token it needs (never the token). WMTS and WMS
sources are built from the service's capabilities document, parsed by OWSLib; a WMS is cut
into 256-pixel tiles on the View1 grid in EPSG:25832 (or WebMercatorQuad if it offers only
EPSG:3857), so its tiles are cached and drawn like any other.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any

from naturplan.core.errors import ServiceError
from naturplan.io.services.grids import (
    TileGrid,
    TileKey,
    custom_grid,
    danish_grid,
    parse_crs_name,
    web_mercator_grid,
)
from naturplan.io.services.http import redact_url, with_params

#: Image formats a tile may come in, best first.
PREFERRED_FORMATS = ("image/png", "image/jpeg", "image/png8", "image/jpg")
#: Days a cached tile is used without asking the service again.
DEFAULT_CACHE_DAYS = 7.0


class SourceKind(Enum):
    XYZ = "xyz"
    WMTS = "wmts"
    WMS = "wms"


@dataclass(frozen=True)
class TileSource:
    """A tiled image service.

    Attributes
    ----------
    name
        What the user chose: a preset name or the URL (redacted).
    title
        A short title for the layer panel.
    kind
        XYZ, WMTS or WMS.
    template
        The tile URL with ``{z} {x} {y}``, ``{TileMatrix} {TileCol} {TileRow}`` or ``{bbox}``
        placeholders (no token in it).
    grid
        The tile grid.
    attribution
        The text the map must show while the source is drawn.
    token
        The name of the token to add as ``token=`` (``"dataforsyningen"``), or None.
    max_connections
        Parallel requests the service allows (OpenStreetMap: 2).
    cache_days
        How long a cached tile is used before it is asked for again.
    """

    name: str
    title: str
    kind: SourceKind
    template: str
    grid: TileGrid
    attribution: str = ""
    token: str | None = None
    max_connections: int = 4
    cache_days: float = DEFAULT_CACHE_DAYS

    @property
    def credit(self) -> str:
        """Whom the map credits for the tiles: the attribution the service or preset
        gives, else where they come from (the capabilities' title, the URL's host); never
        empty, so that a map with a basemap always says whose it is."""
        from urllib.parse import urlsplit

        return (self.attribution or self.title or urlsplit(self.template).hostname
                or self.name)

    @property
    def cache_id(self) -> str:
        """A stable identifier of this source's tiles in the disk cache (no token in it)."""
        text = f"{self.kind.value}|{redact_url(self.template)}|{self.grid.tms.id}"
        return hashlib.sha1(text.encode("utf-8")).hexdigest()[:20]

    def tile_url(self, key: TileKey, token: str | None = None) -> str:
        """The URL of tile *key*; *token* is added as ``token=`` when given."""
        minx, miny, maxx, maxy = self.grid.bounds(key)
        values = {
            "{z}": str(key.z), "{x}": str(key.x), "{y}": str(key.y),
            "{TileMatrix}": self.grid.level_ids[key.z],
            "{TileCol}": str(key.x), "{TileRow}": str(key.y),
            "{bbox}": f"{minx!r},{miny!r},{maxx!r},{maxy!r}",
        }
        url = self.template
        for placeholder, value in values.items():
            url = url.replace(placeholder, value)
        if token:
            url = with_params(url, {"token": token})
        return url


def xyz_source(url: str, title: str = "", attribution: str = "", max_level: int = 19,
               name: str | None = None, token: str | None = None, max_connections: int = 4,
               cache_days: float = DEFAULT_CACHE_DAYS) -> TileSource:
    """An XYZ source (EPSG:3857 ``WebMercatorQuad``) from a ``{z}/{x}/{y}`` URL template.

    Raises
    ------
    ServiceError
        If the URL has no ``{z}``, ``{x}`` and ``{y}``.
    """
    template = url.replace("{s}", "a").replace("{-y}", "{y}").replace("{r}", "")
    if not all(p in template for p in ("{z}", "{x}", "{y}")):
        raise ServiceError("{url} is not an XYZ tile URL (it needs {{z}}, {{x}} and {{y}}).",
                           url=redact_url(url))
    from urllib.parse import urlsplit

    return TileSource(
        name=name or redact_url(url), title=title or urlsplit(url).hostname or "XYZ",
        kind=SourceKind.XYZ,
        template=redact_url(template), grid=web_mercator_grid(max_level),
        attribution=attribution, token=token, max_connections=max_connections,
        cache_days=cache_days,
    )


def _choose_format(formats: list[str]) -> str:
    for wanted in PREFERRED_FORMATS:
        if wanted in formats:
            return wanted
    return formats[0] if formats else "image/png"


def wmts_source(url: str, xml: bytes, layer: str | None = None, *, name: str | None = None,
                title: str = "", attribution: str = "", token: str | None = None,
                max_connections: int = 4) -> TileSource:
    """A WMTS source from its capabilities document *xml* (read with OWSLib).

    The layer is *layer* (or the first); its tile matrix set is the one in EPSG:25832 if it
    has one, else EPSG:3857, else the first pyproj knows. Tiles are asked for through the
    layer's RESTful template if it has one, else through KVP ``GetTile``.

    Raises
    ------
    ServiceError
        If the document is no WMTS capabilities, or has no such layer or usable grid.
    """
    from owslib.wmts import WebMapTileService

    shown = redact_url(url)
    try:
        service = WebMapTileService(shown, xml=xml)
    except Exception as exc:  # noqa: BLE001 - OWSLib raises many kinds on a bad document
        raise ServiceError("{url} sent no WMTS capabilities ({reason}).", url=shown,
                           reason=type(exc).__name__) from None
    contents = service.contents
    if not contents:
        raise ServiceError("The WMTS at {url} offers no layers.", url=shown)
    layer = layer or next(iter(contents))
    if layer not in contents:
        raise ServiceError("The WMTS at {url} has no layer {layer} (it has {names}).",
                           url=shown, layer=layer, names=", ".join(list(contents)[:8]))
    info = contents[layer]
    grid, matrix_set = _wmts_grid(service, info, shown)
    fmt = _choose_format(list(info.formats or []))
    style = next((k for k, v in (info.styles or {}).items() if v.get("isDefault")), None)
    style = style or next(iter(info.styles or {"default": {}}))
    rest = [r for r in (info.resourceURLs or []) if r.get("resourceType") == "tile"]
    rest = [r for r in rest if r.get("format") == fmt] or rest
    if rest:
        template = (rest[0]["template"].replace("{TileMatrixSet}", matrix_set)
                    .replace("{Style}", style).replace("{style}", style))
    else:
        template = with_params(_operation_url(service, "GetTile", url), {
            "SERVICE": "WMTS", "REQUEST": "GetTile", "VERSION": "1.0.0", "LAYER": layer,
            "STYLE": style, "FORMAT": fmt, "TILEMATRIXSET": matrix_set,
            "TILEMATRIX": "{TileMatrix}", "TILEROW": "{TileRow}", "TILECOL": "{TileCol}",
        })
    return TileSource(
        name=name or shown, title=title or info.title or layer, kind=SourceKind.WMTS,
        template=redact_url(template), grid=grid, attribution=attribution, token=token,
        max_connections=max_connections,
    )


def _operation_url(service: Any, operation: str, fallback: str) -> str:
    try:
        methods = service.getOperationByName(operation).methods
        for method in methods:
            if method.get("type", "Get").lower() == "get" and method.get("url"):
                return str(method["url"])
    except (KeyError, AttributeError):
        pass
    return fallback.split("?", 1)[0]


def _wmts_grid(service: Any, info: Any, shown: str) -> tuple[TileGrid, str]:
    candidates = []
    for link in info.tilematrixsetlinks:
        tms = service.tilematrixsets.get(link)
        if tms is None:
            continue
        try:
            crs = parse_crs_name(tms.crs)
        except ValueError:
            continue
        rank = {25832: 0, 3857: 1}.get(crs.to_epsg() or 0, 2)
        candidates.append((rank, link, tms, crs))
    if not candidates:
        raise ServiceError("The WMTS at {url} has no tile matrix set naturplan can use.",
                           url=shown)
    _, link, tms, crs = min(candidates, key=lambda c: c[0])
    matrices = sorted(tms.tilematrix.values(), key=lambda m: -float(m.scaledenominator))
    res = [float(m.scaledenominator) * 0.00028 for m in matrices]
    if crs.axis_info and crs.axis_info[0].unit_name in ("degree", "degrees"):
        res = [r / (2 * 3.141592653589793 * 6378137.0 / 360.0) for r in res]
    first = matrices[0]
    origin = tuple(float(v) for v in first.topleftcorner)
    if crs.axis_info and crs.axis_info[0].direction.lower() in ("north", "south"):
        origin = (origin[1], origin[0])
    try:
        grid = custom_grid(
            link, crs, (origin[0], origin[1]), res, [m.identifier for m in matrices],
            tile_size=(int(first.tilewidth), int(first.tileheight)),
            matrix_sizes=[(int(m.matrixwidth), int(m.matrixheight)) for m in matrices],
        )
    except ValueError as exc:
        raise ServiceError("The tile matrix set {name} at {url} is not valid: {reason}",
                           name=link, url=shown, reason=str(exc)[:200]) from None
    return grid, link


def wms_source(url: str, xml: bytes, layers: str | None = None, *, name: str | None = None,
               title: str = "", attribution: str = "", token: str | None = None,
               max_connections: int = 4) -> TileSource:
    """A WMS cut into tiles: EPSG:25832 on the View1 grid, else EPSG:3857 XYZ tiles.

    *layers* is a comma-separated list (or the first named layer).

    Raises
    ------
    ServiceError
        If the document is no WMS capabilities, or the layers are unknown or offer
        neither EPSG:25832 nor EPSG:3857.
    """
    from owslib.wms import WebMapService

    shown = redact_url(url)
    try:
        service = WebMapService(shown, xml=xml, version="1.3.0")
    except Exception as exc:  # noqa: BLE001 - OWSLib raises many kinds on a bad document
        raise ServiceError("{url} sent no WMS capabilities ({reason}).", url=shown,
                           reason=type(exc).__name__) from None
    named = [n for n in service.contents if n]
    wanted = [n.strip() for n in (layers or "").split(",") if n.strip()] or named[:1]
    missing = [n for n in wanted if n not in service.contents]
    if not wanted or missing:
        raise ServiceError("The WMS at {url} has no layer {layer} (it has {names}).",
                           url=shown, layer=", ".join(missing) or "?",
                           names=", ".join(named[:8]))
    crs_options = {c.upper() for c in (service.contents[wanted[0]].crsOptions or [])}
    if "EPSG:25832" in crs_options:
        grid, crs_name = danish_grid(), "EPSG:25832"
    elif "EPSG:3857" in crs_options or "EPSG:900913" in crs_options:
        grid, crs_name = web_mercator_grid(), "EPSG:3857"
    else:
        raise ServiceError("The WMS layer {layer} at {url} offers neither EPSG:25832 nor "
                           "EPSG:3857.", layer=wanted[0], url=shown)
    formats = service.getOperationByName("GetMap").formatOptions
    fmt = _choose_format(list(formats or []))
    tw, th = grid.tile_size(0)
    template = with_params(_operation_url(service, "GetMap", url), {
        "SERVICE": "WMS", "VERSION": "1.3.0", "REQUEST": "GetMap", "LAYERS": ",".join(wanted),
        "STYLES": "", "CRS": crs_name, "BBOX": "{bbox}", "WIDTH": str(tw), "HEIGHT": str(th),
        "FORMAT": fmt, "TRANSPARENT": "TRUE",
    })
    layer_info = service.contents[wanted[0]]
    offered = (getattr(layer_info, "attribution", None) or {}).get("title", "")
    return TileSource(
        name=name or shown, title=title or layer_info.title or wanted[0],
        kind=SourceKind.WMS, template=redact_url(template), grid=grid,
        attribution=attribution or str(offered or ""), token=token,
        max_connections=max_connections,
    )


def describe(source: TileSource) -> Mapping[str, str]:
    """What a source is, for the layer panel's tooltip (no token)."""
    return {
        "kind": source.kind.value.upper(),
        "url": redact_url(source.template),
        "crs": f"EPSG:{source.grid.crs.to_epsg()}",
        "attribution": source.attribution,
    }
