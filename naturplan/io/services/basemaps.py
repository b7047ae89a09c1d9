"""Basemaps by name or URL: the presets, and what ``--basemap NAME|URL`` resolves to.

A preset (``resources/services/basemaps.toml``) names a WMTS capabilities URL and layer or
an xyzservices provider. Any other text is a URL: ``{z}/{x}/{y}`` makes it an XYZ source;
a ``service=WMTS`` or ``service=WMS`` parameter (or a ``wmts:``/``wms:``/``xyz:`` prefix)
says which service it is; otherwise naturplan asks for WMTS capabilities, then WMS ones. A
``layer=``/``layers=`` parameter (or ``#LAYER``) picks the layer. A token pasted in the URL
(``token=…``) is taken out of it and used for this run only, never stored.

Capabilities documents are cached with the tiles, so a basemap seen once opens offline.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from naturplan.core.errors import ServiceError
from naturplan.io.paths import resource
from naturplan.io.services.cache import TileCache
from naturplan.io.services.http import (
    DEFAULT_TIMEOUTS,
    SECRET_PARAMS,
    Timeouts,
    get,
    new_session,
    query_params,
    redact_url,
    with_params,
)
from naturplan.io.services.sources import TileSource, wms_source, wmts_source, xyz_source
from naturplan.io.services.tokens import get_token, token_name_for, use_for_session

#: ``--basemap`` values that mean "no basemap".
NO_BASEMAP = ("", "none", "ingen", "off")


@dataclass(frozen=True)
class BasemapPreset:
    """A named basemap from ``basemaps.toml``."""

    name: str
    title: Mapping[str, str]
    kind: str
    url: str = ""
    layer: str | None = None
    token: str | None = None
    attribution: str = ""
    xyzservices: str | None = None
    max_connections: int = 4
    min_cache_days: float = 7.0
    extra: Mapping[str, Any] = field(default_factory=dict)

    def title_for(self, lang: str) -> str:
        return self.title.get(lang) or self.title.get("en") or self.name


def basemap_presets() -> dict[str, BasemapPreset]:
    """The shipped basemap presets by name, in file order."""
    with open(resource("services", "basemaps.toml"), "rb") as fh:
        data = tomllib.load(fh)
    out = {}
    for name, item in data.items():
        known = {k: item[k] for k in ("kind", "url", "layer", "token", "attribution",
                                      "xyzservices", "max_connections", "min_cache_days")
                 if k in item}
        out[name] = BasemapPreset(name=name, title=dict(item.get("title", {})), **known)
    return out


def fetch_document(url: str, cache: TileCache | None, token: str | None = None,
                   timeouts: Timeouts = DEFAULT_TIMEOUTS, offline: bool = False) -> bytes:
    """The body of *url* (a capabilities document), from the network or else the cache.

    *token* names the token to add. The cache key is the redacted URL.

    Raises
    ------
    ServiceError
        If neither the service nor the cache has it.
    """
    key = redact_url(url)
    if not offline:
        value = get_token(token) if token else None
        try:
            body = get(new_session(), with_params(url, {"token": value}) if value else url,
                       timeouts).content
        except ServiceError:
            if cache is None or cache.get_document(key) is None:
                raise
        else:
            if cache is not None:
                cache.put_document(key, body)
            return body
    cached = cache.get_document(key) if cache is not None else None
    if cached is None:
        raise ServiceError("{url} is not reachable and was never cached.", url=key)
    return cached.data


def split_secret(url: str) -> tuple[str, str | None]:
    """*url* without its secret parameters, and the token name they were kept under.

    A token in the URL is used for this run only (:func:`use_for_session`).
    """
    params = query_params(url)
    secrets = [v for k, v in params.items() if k in SECRET_PARAMS and v]
    if not secrets:
        return url, None
    name = token_name_for(urlsplit(url).hostname or "")
    use_for_session(name, secrets[0])
    return redact_url(url), name


def resolve_basemap(spec: str, cache: TileCache | None, lang: str = "da",
                    offline: bool = False, timeouts: Timeouts = DEFAULT_TIMEOUTS
                    ) -> TileSource | None:
    """The tile source *spec* names (a preset name or a URL); None for ``none``.

    May read a capabilities document from the network: call it off the GUI thread.

    Raises
    ------
    ServiceError
        If the name is unknown, or the service cannot be reached or understood.
    """
    text = spec.strip()
    if text.lower() in NO_BASEMAP:
        return None
    presets = basemap_presets()
    if text in presets:
        return _from_preset(presets[text], cache, lang, offline, timeouts)
    if "://" not in text:
        raise ServiceError("Unknown basemap {name}; use one of {names} or a URL.",
                           name=text, names=", ".join(presets))
    return _from_url(text, cache, offline, timeouts)


def _from_preset(preset: BasemapPreset, cache: TileCache | None, lang: str, offline: bool,
                 timeouts: Timeouts) -> TileSource:
    title = preset.title_for(lang)
    if preset.kind == "xyz":
        import xyzservices.providers as providers

        provider: Any = providers
        for part in (preset.xyzservices or "").split("."):
            provider = provider[part]
        return xyz_source(
            provider.build_url(), title=title, name=preset.name,
            attribution=preset.attribution or str(provider.get("attribution", "")),
            max_level=int(provider.get("max_zoom", 19)),
            max_connections=preset.max_connections, cache_days=preset.min_cache_days,
        )
    xml = fetch_document(preset.url, cache, preset.token, timeouts, offline)
    build = wmts_source if preset.kind == "wmts" else wms_source
    return build(preset.url, xml, preset.layer, name=preset.name, title=title,
                 attribution=preset.attribution, token=preset.token,
                 max_connections=preset.max_connections)


def _from_url(text: str, cache: TileCache | None, offline: bool, timeouts: Timeouts
              ) -> TileSource:
    kind = ""
    for prefix in ("xyz:", "wmts:", "wms:"):
        if text.lower().startswith(prefix):
            kind, text = prefix[:-1], text[len(prefix):]
    text, fragment = (text.split("#", 1) + [""])[:2]
    url, token = split_secret(text)
    params = query_params(url)
    if not kind:
        service = params.get("service", "").lower()
        kind = "xyz" if "{z}" in url else service if service in ("wmts", "wms") else ""
    if kind == "xyz":
        return xyz_source(url, token=token)
    layer = fragment or params.get("layer") or params.get("layers") or None
    base = with_params(url, {}, drop=("layer", "layers", "request", "service", "version",
                                      "tilematrixset", "format", "style", "styles"))
    kinds = [kind] if kind else ["wmts", "wms"]
    errors = []
    for candidate in kinds:
        caps = with_params(base, {"SERVICE": candidate.upper(), "REQUEST": "GetCapabilities"})
        try:
            xml = fetch_document(caps, cache, token, timeouts, offline)
            build = wmts_source if candidate == "wmts" else wms_source
            return build(caps, xml, layer, name=redact_url(text), token=token)
        except ServiceError as exc:
            errors.append(exc)
    raise errors[0]
