"""GUI test fixtures: offscreen Qt, temporary settings, a small known dataset in Aalborg."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before Qt is imported

from pathlib import Path  # noqa: E402

import geopandas as gpd  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
import shapely  # noqa: E402

from naturplan.core.layers.roles import Role  # noqa: E402
from naturplan.io.loading import LayerRequest, load_municipality  # noqa: E402

NATURE_TYPES = ("Sø", "Mose", "Eng", "Strandeng", "Overdrev", "Hede")


@pytest.fixture(scope="session")
def aalborg_point() -> tuple[float, float]:
    """A point well inside Aalborg Kommune (EPSG:25832)."""
    muni = load_municipality()
    inner = shapely.buffer(muni.geometry, -3000)
    p = shapely.point_on_surface(inner)
    return float(p.x), float(p.y)


@pytest.fixture(scope="session")
def fixture_files(tmp_path_factory: pytest.TempPathFactory, aalborg_point) -> dict[str, Path]:
    """Small layers of every loadable role around *aalborg_point*, written once.

    §3: six 300 m squares in a row, one per type, the first (Sø) centred on the point.
    """
    import rasterio
    from rasterio.transform import from_origin

    folder = tmp_path_factory.mktemp("gui_data")
    x0, y0 = aalborg_point
    crs = 25832
    squares = [shapely.box(x0 - 150 + i * 400, y0 - 150, x0 + 150 + i * 400, y0 + 150)
               for i in range(len(NATURE_TYPES))]
    p3 = gpd.GeoDataFrame(
        {
            "Objekt_id": [f"TEST-{i}" for i in range(len(NATURE_TYPES))],
            "Natyp_kode": [6, 3, 1, 5, 4, 2],
            "Natyp_navn": list(NATURE_TYPES),
            "Besig_dato": ["2024-05-01"] * len(NATURE_TYPES),
        },
        geometry=squares, crs=crs,
    )
    files = {"nature_p3": folder / "p3.gpkg"}
    p3.to_file(files["nature_p3"], layer="p3")
    xs, ys = np.meshgrid(np.arange(-10, 10) * 200.0, np.arange(-10, 10) * 200.0)
    parcels = gpd.GeoDataFrame(
        {
            "ejerlavskode": 1000 + np.arange(xs.size) // 50,
            "ejerlavsnavn": "Testby",
            "matrikelnummer": [f"{i}a" for i in range(xs.size)],
        },
        geometry=shapely.box(x0 + xs.ravel(), y0 + ys.ravel(), x0 + xs.ravel() + 200,
                             y0 + ys.ravel() + 200),
        crs=crs,
    )
    files["parcels"] = folder / "parcels.gpkg"
    parcels.to_file(files["parcels"], layer="jordstykke")
    # Addresses as DAWA's CSV download has them: one per parcel of the first row, at its centre.
    centres = shapely.get_coordinates(shapely.centroid(parcels.geometry.values[:20]))
    lines = ["vejnavn;husnr;postnr;postnrnavn;etrs89koordinat_øst;etrs89koordinat_nord"]
    lines += [f"Testvej;{i + 1};9000;Aalborg;{x:.2f};{y:.2f}" for i, (x, y) in enumerate(centres)]
    files["addresses"] = folder / "adresser.csv"
    files["addresses"].write_text("\n".join(lines) + "\n", encoding="utf-8")
    lowland = gpd.GeoDataFrame(
        {"carbon_class": [">12", "6-12", "<6"], "land_use": ["rotation"] * 3},
        geometry=[shapely.box(x0 - 2500 + i * 800, y0 - 2500, x0 - 1800 + i * 800, y0 - 1200)
                  for i in range(3)],
        crs=crs,
    )
    files["lowland"] = folder / "lowland.gpkg"
    lowland.to_file(files["lowland"])
    forest = gpd.GeoDataFrame(
        {"zone": ["wanted", "unwanted"]},
        geometry=[shapely.box(x0 - 2500, y0 + 1000, x0 - 1000, y0 + 2500),
                  shapely.box(x0 + 1000, y0 + 1000, x0 + 2500, y0 + 2500)],
        crs=crs,
    )
    files["forest_zones"] = folder / "forest.gpkg"
    forest.to_file(files["forest_zones"])
    depth = np.zeros((100, 100), dtype="float32")
    depth[:, 50:] = np.linspace(0.0, 2.5, 50)[None, :]
    files["flood"] = folder / "flood.tif"
    with rasterio.open(
        files["flood"], "w", driver="GTiff", width=100, height=100, count=1, dtype="float32",
        crs="EPSG:25832", transform=from_origin(x0 - 3000, y0 - 500, 20, 20), nodata=-9999,
    ) as dst:
        dst.write(depth, 1)
    # N-retention (issue 22): two catchments split at x0 + 3000, 18 and 32 kg N/ha/yr
    retention = gpd.GeoDataFrame(
        {"rate_kg_n_ha": [18.0, 32.0]},
        geometry=[shapely.box(x0 - 3000, y0 - 3000, x0 + 3000, y0 + 5000),
                  shapely.box(x0 + 3000, y0 - 3000, x0 + 6000, y0 + 5000)],
        crs=crs,
    )
    files["n_retention"] = folder / "n_retention.gpkg"
    retention.to_file(files["n_retention"])
    # Today's designations (issue 22): an adopted 1112 area and a MARS project north-east of
    # the parcels, a proposed 1113 area on the west half of parcel 0a
    # (tests/gui/test_designations_panel.py)
    files["designations"] = folder / "retningslinjer.gpkg"
    gpd.GeoDataFrame({"temakode": [1112, 1113], "status": ["V", "F"],
                      "plannavn": ["Skovrejsning Øst", "Lavbund Syd"], "planid": [1, 2]},
                     geometry=[shapely.box(x0 + 4000, y0 + 4000, x0 + 4400, y0 + 4300),
                               shapely.box(x0 - 2000, y0 - 2000, x0 - 1900, y0 - 1800)],
                     crs=crs).to_file(files["designations"])
    files["mars_projects"] = folder / "mars.gpkg"
    gpd.GeoDataFrame({"projekt_id": ["M-1"], "navn": ["Nørreå"], "type": ["Klima-lavbund"],
                      "fase": ["Forundersøgelse"]},
                     geometry=[shapely.box(x0 + 4500, y0 + 4000, x0 + 4800, y0 + 4200)],
                     crs=crs).to_file(files["mars_projects"])
    # A wood and a road 1.5-1.8 km north of the §3 squares: more than 3 km from the addresses,
    # so that the access numbers of the tests are the §3 squares' alone.
    files["forest"] = folder / "skov.gpkg"
    gpd.GeoDataFrame({"skovtype": ["løvskov"]},
                     geometry=[shapely.box(x0 - 150, y0 + 1500, x0 + 150, y0 + 1800)],
                     crs=crs).to_file(files["forest"])
    files["roads"] = folder / "veje.gpkg"
    gpd.GeoDataFrame({"vejnavn": ["Skovvej"]},
                     geometry=[shapely.LineString([(x0 - 500, y0 + 1450), (x0 + 500, y0 + 1450)])],
                     crs=crs).to_file(files["roads"])
    return files


@pytest.fixture(scope="session")
def layer_args(fixture_files) -> list[str]:
    """``--layer`` arguments for the CLI, the same data as :func:`dataset_request`."""
    return [f"{role}={path}" for role, path in fixture_files.items()]


@pytest.fixture(scope="session")
def dataset_request(fixture_files):
    from naturplan.io.datasets import DatasetRequest

    layers = tuple(LayerRequest(Role(role), path) for role, path in fixture_files.items())
    return DatasetRequest(use_sample=False, layers=layers)


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path, monkeypatch):
    """Unsaved projects go to a temporary data folder, never the user's."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg_data"))
    return tmp_path / "xdg_data" / "naturplan"


@pytest.fixture
def settings(tmp_path):
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "naturplan.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def open_window(qtbot, settings):
    """``open_window(request)``: the main window, 1400 × 880, with *request* (a
    DatasetRequest) loaded."""
    from naturplan.gui.main_window import MainWindow

    def make(request):
        win = MainWindow(settings, lang="da")
        qtbot.addWidget(win)
        win.resize(1400, 880)
        win.show()
        qtbot.waitExposed(win)
        win.load_dataset(request, wait=True)
        return win

    return make


@pytest.fixture
def window(open_window, dataset_request):
    """The main window, 1400 × 880, with the fixture dataset loaded and the map drawn."""
    win = open_window(dataset_request)
    win.canvas.zoom_home()
    win.canvas.render_now()
    yield win
    win.close()


@pytest.fixture
def no_dialogs(monkeypatch):
    """Record QMessageBox calls instead of blocking on them."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[tuple[str, str]] = []

    def record(kind):
        def box(parent, title, text, *args, **kwargs):
            shown.append((title, text))
            return QMessageBox.StandardButton.Ok
        return box

    for kind in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, kind, record(kind))
    return shown


@pytest.fixture(scope="session", autouse=True)
def danish_translator(qapp):
    """The Danish translator, installed once as ``run_app`` does."""
    from naturplan.gui.i18n import install_translator

    translators = install_translator(qapp, "da")
    assert translators, "the Danish catalogue could not be installed"
    yield translators
    for translator in translators:
        qapp.removeTranslator(translator)
