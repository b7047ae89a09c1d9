"""The ``plandata`` and ``mars`` presets of ``data fetch`` (issue 22 item 2) against a local
MapServer WFS that serves layers under the presets' (assumed) names and fields: fetched,
loaded in their roles with the built-in mapping, and checked against a candidate as plain
shapely cuts it. No internet: the presets' own addresses are never called."""

from __future__ import annotations

import os
from pathlib import Path

import geopandas as gpd
import pytest
import shapely
from cli_runner import run_cli
from loopback import MapServerCgi, vector_mapfile

from naturplan.core.analysis.designations import check_designations
from naturplan.core.analysis.layers import RolePolygons, role_set
from naturplan.core.layers.roles import Role
from naturplan.io.loading import LayerRequest, load_layer
from naturplan.io.services.features import fetch_to_gpkg
from naturplan.io.services.presets import feature_presets, resolve_feature_service

X, Y = 552_000.0, 6_321_000.0  # near Aalborg
AREA = (X - 1000, Y - 1000, X + 5000, Y + 5000)


def _served(folder: Path, layer: str, frame: gpd.GeoDataFrame) -> MapServerCgi:
    path = folder / f"{layer}.gpkg"
    frame.to_file(path, layer=layer, driver="GPKG")
    return MapServerCgi(vector_mapfile(folder, path, layer, geojson=True))


@pytest.fixture(scope="module")
def plandata_server(tmp_path_factory):  # type: ignore[no-untyped-def]
    """The adopted 1112 layer as the preset names it, with Plandata's fields (as assumed)."""
    name = next(la.name for la in feature_presets()["plandata"].layers
                if "skovrejsning" in la.name and "vedtaget" in la.name)
    frame = gpd.GeoDataFrame(
        {"planid": [101, 102], "plannavn": ["Skov ved Ø", "Skov ved Å"],
         "temakode": [1112, 1112], "status": ["Vedtaget", "Vedtaget"], "komnr": [851, 851]},
        geometry=[shapely.box(X, Y, X + 400, Y + 300), shapely.box(X + 1000, Y, X + 1200, Y + 200)],
        crs=25832)
    server = _served(tmp_path_factory.mktemp("plandata"), name.split(":", 1)[1], frame)
    yield server, name, frame
    server.stop()


@pytest.fixture(scope="module")
def mars_server(tmp_path_factory):  # type: ignore[no-untyped-def]
    [layer] = feature_presets()["mars"].layers
    frame = gpd.GeoDataFrame(
        {"projekt_id": ["M-1"], "navn": ["Ådalen"], "type": ["Klima-lavbund"],
         "fase": ["Etablering"]},
        geometry=[shapely.box(X + 300, Y + 100, X + 700, Y + 500)], crs=25832)
    server = _served(tmp_path_factory.mktemp("mars"), layer.name.split(":", 1)[1], frame)
    yield server, layer.name, frame
    server.stop()


def test_the_presets_name_their_roles_and_what_is_assumed() -> None:
    presets = feature_presets()
    plandata, mars = presets["plandata"], presets["mars"]
    assert plandata.url == "https://geoserver.plandata.dk/geoserver/wfs"
    assert {la.role for la in plandata.layers} == {Role.DESIGNATIONS}
    assert len(plandata.layers) == 8 and all(la.assumed for la in plandata.layers)
    assert all(la.name.endswith(("_vedtaget_v", "_forslag_v")) for la in plandata.layers)
    assert "fields" in plandata.assumed and "url" not in plandata.assumed
    assert [la.role for la in mars.layers] == [Role.MARS_PROJECTS] and "url" in mars.assumed
    assert resolve_feature_service("mars", None, Role.MARS_PROJECTS)[1] == mars.layers[0].name


def test_fetched_under_the_preset_names_they_load_and_are_checked(
        plandata_server, mars_server, tmp_path) -> None:  # type: ignore[no-untyped-def]
    server, name, served = plandata_server
    result = fetch_to_gpkg(server.url, name, tmp_path / "p.gpkg", AREA)
    assert result.provenance.count == 2
    designations = load_layer(LayerRequest(Role.DESIGNATIONS, result.path, result.layer))
    assert designations.source.mapping == "Plandata kommuneplanretningslinje"
    assert list(designations.frame["status"]) == ["V", "V"]
    assert list(designations.frame["temakode"]) == ["1112", "1112"]
    server, name, projects = mars_server
    result = fetch_to_gpkg(server.url, name, tmp_path / "m.gpkg", AREA)
    mars = load_layer(LayerRequest(Role.MARS_PROJECTS, result.path, result.layer))
    assert list(mars.frame["navn"]) == ["Ådalen"]

    candidate = shapely.box(X + 200, Y + 50, X + 600, Y + 250)
    parts = [RolePolygons.of_layer(designations), RolePolygons.of_layer(mars)]
    [check] = check_designations([candidate], role_set(parts, Role.DESIGNATIONS),
                                 role_set(parts, Role.MARS_PROJECTS))
    assert check.plandata is not None and check.mars is not None
    [hit] = check.plandata
    assert (hit.theme, hit.status) == (1112, "V")
    assert hit.area_m2 == pytest.approx(
        shapely.union_all(served.geometry.intersection(candidate).to_numpy()).area)
    [project] = check.mars
    assert project.area_m2 == pytest.approx(candidate.intersection(projects.geometry[0]).area)
    assert project.names == ("Ådalen",) and project.phase == "Etablering"


def test_fetch_through_the_cli_names_the_layers_to_choose_from(tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = run_cli(["data", "fetch", "designations", "--service", "plandata", "--out",
                      str(tmp_path / "x.gpkg")], dict(os.environ))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "theme_pdk_lavbundsareal_vedtaget_v" in result.stderr and "--layer" in result.stderr
    listing = run_cli(["data", "services"], dict(os.environ))
    assert "Antaget, ikke kontrolleret mod tjenesten: adressen, lagnavnene, felterne." in (
        listing.stdout)
