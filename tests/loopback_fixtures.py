"""pytest fixtures that start the loopback servers of :mod:`loopback` once per session.

Import the ones a test module needs (``from loopback_fixtures import mapproxy_server``);
``tests/services/conftest.py`` imports them all.
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
import shapely
from loopback import (
    FileServer,
    MapServerCgi,
    WsgiServer,
    mapproxy_app,
    raster_mapfile,
    start_pygeoapi,
    vector_mapfile,
    write_checker_tif,
    write_xyz_tiles,
)

#: The served §3 test layer: 23 polygons (some multi-part, one with a hole) near Aalborg.
SERVED_COUNT = 23
#: The same layer under a municipality's own field names (no built-in schema fits): the
#: mapping a user gives, canonical field → served field.
MAPPED_FIELDS = {"Objekt_id": "id", "Natyp_kode": "kode", "Natyp_navn": "naturtype",
                 "Besig_dato": "dato"}


def served_nature() -> gpd.GeoDataFrame:
    """The §3 polygons the WFS and OGC API servers serve (EPSG:25832, Miljøportal schema)."""
    rng = np.random.default_rng(12)
    types = ["Sø", "Mose", "Eng", "Strandeng", "Overdrev", "Hede"]
    geoms, rows = [], []
    for i in range(SERVED_COUNT):
        x = 548_000 + (i % 6) * 1_300 + rng.uniform(0, 300)
        y = 6_318_000 + (i // 6) * 1_100 + rng.uniform(0, 300)
        poly = shapely.Polygon(
            [(x, y), (x + 400 + 7.25 * i, y + 13.5), (x + 380, y + 290.125), (x - 20, y + 310)])
        if i % 7 == 3:
            poly = poly.difference(shapely.box(x + 100, y + 100, x + 160, y + 170))
        if i % 5 == 4:
            poly = shapely.MultiPolygon([poly, shapely.box(x + 500, y, x + 560.5, y + 45.75)])
        geoms.append(poly)
        rows.append({"Objekt_id": f"OBJ-{i:03d}", "Natyp_kode": (i % 6) + 1,
                     "Natyp_navn": types[i % 6], "Besig_dato": f"2024-0{1 + i % 9}-15"})
    return gpd.GeoDataFrame(rows, geometry=geoms, crs=25832)


@pytest.fixture(scope="session")
def services_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("services")


@pytest.fixture(scope="session")
def checker_tif(services_dir: Path) -> Path:
    return write_checker_tif(services_dir / "checker.tif")


@pytest.fixture(scope="session")
def mapserver_wms(services_dir: Path, checker_tif: Path):
    """MapServer WMS of the checkerboard GeoTIFF (EPSG:25832 and 3857)."""
    server = MapServerCgi(raster_mapfile(services_dir, checker_tif))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def mapproxy_server(services_dir: Path, checker_tif: Path, mapserver_wms: MapServerCgi):
    """MapProxy WMTS (dk_view1 in EPSG:25832, GLOBAL_WEBMERCATOR) and WMS."""
    folder = services_dir / "mapproxy"
    folder.mkdir()
    mapfile = Path(mapserver_wms.config).parent / "raster.map"
    server = WsgiServer(mapproxy_app(folder, mapfile, mapserver_wms.config))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def xyz_dir(services_dir: Path) -> Path:
    root = services_dir / "xyz"
    write_xyz_tiles(root)
    return root


@pytest.fixture
def xyz_server(xyz_dir: Path):
    """A fresh static tile server over the XYZ directory (each test may stop it)."""
    server = FileServer(xyz_dir)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def nature_gpkg(services_dir: Path) -> Path:
    path = services_dir / "served_p3.gpkg"
    served_nature().to_file(path, layer="p3", driver="GPKG")
    return path


@pytest.fixture(scope="session")
def wfs_server(services_dir: Path, nature_gpkg: Path):
    """MapServer WFS 2.0 of the §3 GeoPackage (GeoJSON offered)."""
    folder = services_dir / "wfs_json"
    folder.mkdir()
    server = MapServerCgi(vector_mapfile(folder, nature_gpkg, "p3", geojson=True))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def wfs_mapped_server(services_dir: Path):
    """MapServer WFS 2.0 (GeoJSON) of the §3 layer with its fields renamed (feature type
    ``naturtyper``): loading it in its role needs :data:`MAPPED_FIELDS`."""
    folder = services_dir / "wfs_mapped"
    folder.mkdir()
    frame = served_nature().rename(columns=MAPPED_FIELDS)
    path = folder / "naturtyper.gpkg"
    frame.to_file(path, layer="naturtyper", driver="GPKG")
    server = MapServerCgi(vector_mapfile(folder, path, "naturtyper", geojson=True))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def wfs_gml_server(services_dir: Path, nature_gpkg: Path):
    """MapServer WFS 2.0 of the same GeoPackage, GML only."""
    folder = services_dir / "wfs_gml"
    folder.mkdir()
    server = MapServerCgi(vector_mapfile(folder, nature_gpkg, "p3", geojson=False))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def ogcapi_server(services_dir: Path):
    """pygeoapi serving the §3 layer (stored as CRS84 GeoJSON) as collection ``p3``."""
    folder = services_dir / "pygeoapi"
    folder.mkdir()
    frame = served_nature().to_crs(4326)
    frame["id"] = frame["Objekt_id"]
    path = folder / "p3.geojson"
    frame.to_file(path, driver="GeoJSON", COORDINATE_PRECISION=15)
    process, url = start_pygeoapi(folder, path, "p3")
    yield url
    process.terminate()
    process.wait(10)
