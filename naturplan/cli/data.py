"""``naturplan data``: layers from web services (WFS 2.0, OGC API – Features), headless.

``naturplan data fetch ROLE --service URL|PRESET --layer NAME --out FILE.gpkg [--kommune K]``
fetches the layer for the municipality's extent into a GeoPackage (with where and when in
its metadata) and checks that it loads in its role with the known field mappings;
``--project P.gpkg`` also records it among the project's layers. ``naturplan data refresh
--project P.gpkg`` fetches every recorded service layer again. ``naturplan data services``
lists the presets.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path
from typing import Any

from naturplan.cli.options import _parse_fields, progress_printer

EXIT_OK = 0


def add_parser(subparsers: Any, data_parent: argparse.ArgumentParser) -> None:
    """Add ``data fetch``, ``data refresh`` and ``data services`` to the parser."""
    data = subparsers.add_parser("data", help="layers from web services (WFS, OGC API)")
    sub = data.add_subparsers(dest="data_command", metavar="ACTION", required=True)
    # Not the shared data options: here --layer names the service's layer, not a file.
    fetch = sub.add_parser("fetch", help="fetch a layer for the municipality into a GeoPackage")
    fetch.add_argument("--kommune", metavar="KOMKODE",
                       help="fetch for this municipality's extent (default 0851 Aalborg)")
    fetch.add_argument("--lang", choices=("da", "en"), default=None)
    fetch.add_argument("role", help="the role the layer plays (nature_p3, natura2000, ...)")
    fetch.add_argument("--service", required=True, metavar="URL|PRESET",
                       help="WFS or OGC API – Features URL, or a preset "
                            "(see `naturplan data services`)")
    fetch.add_argument("--layer", metavar="NAME", dest="service_layer",
                       help="typename or collection id (a preset's layer for ROLE if omitted)")
    fetch.add_argument("--out", required=True, type=Path, metavar="FILE.gpkg")
    fetch.add_argument("--project", type=Path, metavar="P.gpkg",
                       help="also record the layer in this project's layers")
    fetch.add_argument("--page-size", type=int, default=1000, metavar="N")
    fetch.add_argument("--field", action="append", default=[], metavar="ROLE.FIELD=SOURCE",
                       help="map a served field to the role's field, e.g. "
                            "nature_p3.Natyp_navn=TYPE, when the schema is not a known one; "
                            "recorded with the layer, so refresh reads it the same way")
    refresh = sub.add_parser("refresh", parents=[data_parent],
                             help="fetch a project's service layers again")
    refresh.add_argument("--project", required=True, type=Path, metavar="P.gpkg")
    sub.add_parser("services", parents=[data_parent], help="list the service presets")
    from naturplan.cli.database_batch import add_load_parser

    add_load_parser(sub)


def run(args: argparse.Namespace) -> int:
    if args.data_command == "fetch":
        return _fetch(args)
    if args.data_command == "refresh":
        return _refresh(args)
    if args.data_command == "load":
        from naturplan.cli.database_batch import run_load

        return run_load(args)
    return _services(args)


def _say(args: argparse.Namespace, source: str, n: int | None = None, **params: Any) -> None:
    from naturplan.text.i18n import tr

    print(tr(args.lang or "da", "cli", source, n=n, **params))


def _fetch(args: argparse.Namespace) -> int:
    from naturplan.core.layers.roles import parse_role
    from naturplan.io.loading import LayerRequest, load_layer, load_municipality
    from naturplan.io.services.features import with_left_out
    from naturplan.io.services.presets import resolve_feature_service

    role = parse_role(args.role)
    fields = _fields_for(role, args.field)
    url, layer, token = resolve_feature_service(args.service, args.service_layer, role)
    municipality = load_municipality(args.kommune)
    result = _fetch_layer(url, layer, args.out, municipality.geometry.bounds, token,
                          args.page_size)
    request = LayerRequest(role, result.path.resolve(), result.layer, fields)
    loaded = with_left_out(load_layer(request), result)
    _say(args, "Fetched {n} features of {layer} into {path} ({role}, mapping {mapping}).",
         n=result.provenance.count, layer=layer, path=str(result.path), role=role.value,
         mapping=loaded.source.mapping or "-")
    _say_notices(args, loaded)
    if args.project is not None:
        _record_in_project(args.project, request)
    return EXIT_OK


def _say_notices(args: argparse.Namespace, layer: Any) -> None:
    """What was left out of a fetched layer (the features whose coordinates are not finite
    or lie far outside, counted), as ``stats`` says it: a warning line on stderr."""
    from naturplan.core.notices import layer_notices
    from naturplan.text.i18n import tr
    from naturplan.text.notices import notice_text

    lang = args.lang or "da"
    for notice in layer_notices(layer):
        print(f"naturplan: {tr(lang, 'stats', 'warning')}: {notice_text(notice, lang)}",
              file=sys.stderr)


def _fields_for(role: Any, items: list[str]) -> dict[str, str] | None:
    """The ``--field ROLE.FIELD=SOURCE`` mapping for *role*; a field of another role is
    refused (it would be ignored without a word)."""
    from naturplan.core.errors import FieldMappingError

    by_role = _parse_fields(items)
    others = sorted(r.value for r in by_role if r is not role)
    if others:
        raise FieldMappingError("--field names {others}, but the layer is fetched as {role}.",
                                others=", ".join(others), role=role.value)
    return by_role.get(role)


def _fetch_layer(url: str, layer: str, out: Path, bbox: Any, token: str | None,
                 page_size: int) -> Any:
    from naturplan.core.feedback import Feedback
    from naturplan.io.services.features import fetch_to_gpkg

    feedback = Feedback(progress_printer(sys.stderr.isatty()))
    return fetch_to_gpkg(url, layer, out, tuple(bbox), feedback, token, page_size)


def _record_in_project(project: Path, layer: Any) -> None:
    """Add *layer* to the layers *project* is measured against (replacing the same file)."""
    from naturplan.core.layers.dataset import DEFAULT_PROTECTED_ROLES
    from naturplan.io.datasets import DatasetRequest
    from naturplan.io.project.gpkg_store import GeoPackageStore
    from naturplan.io.project.settings import record, request_from_settings
    from naturplan.io.project.settings_model import read_settings

    with GeoPackageStore(project, create=True) as store:
        recorded = read_settings(store).plan
        if recorded is None:
            request, roles = DatasetRequest(), ()
        else:
            request, roles = request_from_settings(recorded)
        others = [r for r in request.layers if Path(r.path).resolve() != layer.path]
        request = dataclasses.replace(request, layers=(*others, layer))
        record(store, request, roles or DEFAULT_PROTECTED_ROLES)


def _refresh(args: argparse.Namespace) -> int:
    from naturplan.core.errors import NaturplanError
    from naturplan.io.datasets import municipality_for
    from naturplan.io.project.settings import recorded_request
    from naturplan.io.services.refresh import refresh_and_load, service_layers

    recorded = recorded_request(args.project)
    if recorded is None:
        raise NaturplanError("{path} records no layers.", path=str(args.project))
    request, _ = recorded
    layers = service_layers(request)
    if not layers:
        _say(args, "{path} has no layers from web services.", path=str(args.project))
        return EXIT_OK
    bbox = municipality_for(request).geometry.bounds  # a recorded --area or list too
    for layer_request in layers:
        # Loaded as recorded: its role and the field mapping chosen when it was fetched.
        result, loaded = refresh_and_load(layer_request, tuple(bbox), feedback=None)
        _say(args, "Fetched {n} features of {layer} into {path} ({role}, mapping {mapping}).",
             n=result.provenance.count, layer=result.provenance.layer,
             path=str(result.path), role=loaded.role.value,
             mapping=loaded.source.mapping or "-")
        _say_notices(args, loaded)
    from naturplan.io.project.gpkg_store import GeoPackageStore
    from naturplan.io.project.settings import record

    with GeoPackageStore(args.project, create=False) as store:
        record(store, *recorded)  # the new fetch times
    return EXIT_OK


def _services(args: argparse.Namespace) -> int:
    from naturplan.io.services.presets import feature_presets
    from naturplan.text.i18n import tr

    lang = args.lang or "da"
    for name, preset in feature_presets().items():
        print(f"{name}: {preset.title_for(lang)}  {preset.url}"
              + (f"  (token: {preset.token})" if preset.token else ""))
        if preset.assumed:
            print("    " + tr(lang, "cli", "Assumed, not checked against the service: {what}.",
                               what=", ".join(tr(lang, "cli", a) for a in preset.assumed)))
        for layer in preset.layers:
            print(f"    {layer.role.value:<13} {layer.name}  {layer.title_for(lang)}")
    return EXIT_OK
