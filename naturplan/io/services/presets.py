"""Feature service presets (``resources/services/feature_services.toml``): Danmarks
Miljøportal's Arealdata (§3, Natura 2000) and Dataforsyningen (DAGI, Matriklen), each layer
with the role it is loaded in; and what ``--service URL|PRESET`` resolves to."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from naturplan.core.errors import ServiceError, ServiceLayerError
from naturplan.core.layers.roles import Role, parse_role
from naturplan.io.paths import resource
from naturplan.io.services.basemaps import split_secret
from naturplan.io.services.tokens import token_name_for


@dataclass(frozen=True)
class PresetLayer:
    """A layer of a preset service and the role it plays."""

    name: str
    role: Role
    title: Mapping[str, str]
    #: True if the layer's name was not checked against the service (said in the listing).
    assumed: bool = False

    def title_for(self, lang: str) -> str:
        return self.title.get(lang) or self.title.get("en") or self.name


@dataclass(frozen=True)
class FeaturePreset:
    """A WFS or OGC API – Features service naturplan knows by name."""

    name: str
    title: Mapping[str, str]
    kind: str
    url: str
    layers: tuple[PresetLayer, ...]
    token: str | None = None
    attribution: str = ""
    #: What of the preset was not checked against the service ("url", "layer names",
    #: "fields"; said in the listing).
    assumed: tuple[str, ...] = ()

    def title_for(self, lang: str) -> str:
        return self.title.get(lang) or self.title.get("en") or self.name


def feature_presets() -> dict[str, FeaturePreset]:
    """The shipped feature service presets by name, in file order."""
    with open(resource("services", "feature_services.toml"), "rb") as fh:
        data = tomllib.load(fh)
    return {
        name: FeaturePreset(
            name=name, title=dict(item.get("title", {})), kind=str(item.get("kind", "wfs")),
            url=str(item["url"]), token=item.get("token"),
            attribution=str(item.get("attribution", "")),
            assumed=tuple(str(a) for a in item.get("assumed", ())),
            layers=tuple(PresetLayer(str(la["name"]), parse_role(str(la["role"])),
                                     dict(la.get("title", {})), bool(la.get("assumed", False)))
                         for la in item.get("layers", [])),
        )
        for name, item in data.items()
    }


def resolve_feature_service(service: str, layer: str | None, role: Role
                            ) -> tuple[str, str, str | None]:
    """(URL, layer name, token name) for ``--service`` *service* and ``--layer`` *layer*.

    A preset without *layer* gives its one layer for *role*. A token in a URL is taken out
    and used for this run only.

    Raises
    ------
    ServiceError
        If the preset is unknown.
    ServiceLayerError
        If no layer is named and the preset has none (or several) for *role*.
    """
    presets = feature_presets()
    if service in presets:
        preset = presets[service]
        if layer is None:
            fits = [la.name for la in preset.layers if la.role is role]
            if len(fits) != 1:
                raise ServiceLayerError(
                    "Name the layer: {service} has {count} layers for {role} ({names}).",
                    service=service, count=len(fits), role=role.value,
                    names=", ".join(la.name for la in preset.layers))
            layer = fits[0]
        return preset.url, layer, preset.token
    if "://" not in service:
        raise ServiceError("Unknown service {name}; use a URL or one of {names}.",
                           name=service, names=", ".join(presets))
    if not layer:
        raise ServiceLayerError("Name the layer to fetch from {url}.",
                                url=split_secret(service)[0])
    url, token = split_secret(service)
    return url, layer, token or token_name_for(urlsplit(url).hostname or "")
