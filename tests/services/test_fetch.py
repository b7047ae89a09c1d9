"""Layers fetched from WFS 2.0 (MapServer) and OGC API – Features (pygeoapi) on loopback
equal the served ones: count, attributes, area to 1e-6 (issue 12)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyogrio
import pytest
import shapely
from loopback_fixtures import SERVED_COUNT, served_nature

from naturplan.core.errors import OperationCancelled, ServiceError
from naturplan.core.feedback import Feedback
from naturplan.core.layers.roles import Role
from naturplan.io.loading import LayerRequest, load_layer
from naturplan.io.services.features import fetch_to_gpkg, list_layers
from naturplan.io.services.provenance import provenance_of

#: A box that holds every served polygon (EPSG:25832).
AREA = (540_000.0, 6_310_000.0, 560_000.0, 6_330_000.0)


def assert_equal_to_served(path: Path, layer: str) -> None:
    """The fetched file has the served features: attributes and areas by Objekt_id."""
    fetched = pyogrio.read_dataframe(path, layer=layer)
    served = served_nature()
    assert len(fetched) == SERVED_COUNT
    assert fetched.crs.to_epsg() == 25832
    fetched = fetched.set_index("Objekt_id").sort_index()
    served = served.set_index("Objekt_id").sort_index()
    assert list(fetched.index) == list(served.index)
    assert list(fetched["Natyp_navn"]) == list(served["Natyp_navn"])
    assert [int(v) for v in fetched["Natyp_kode"]] == list(served["Natyp_kode"])
    assert [str(v)[:10] for v in fetched["Besig_dato"]] == list(served["Besig_dato"])
    want = shapely.area(served.geometry.to_numpy())
    got = shapely.area(fetched.geometry.to_numpy())
    np.testing.assert_allclose(got, want, rtol=1e-6)
    parts = shapely.get_num_geometries(fetched.geometry.to_numpy())
    assert list(parts) == list(shapely.get_num_geometries(served.geometry.to_numpy()))


@pytest.mark.parametrize("server", ["wfs_server", "wfs_gml_server"], ids=["geojson", "gml"])
def test_wfs_fetch_equals_the_served_features(server, request, tmp_path) -> None:
    """Paged (5 per page: 5 pages), as GeoJSON where offered and as GML otherwise."""
    url = request.getfixturevalue(server).url
    seen: list[float] = []
    out = tmp_path / "p3.gpkg"
    result = fetch_to_gpkg(url, "p3", out, AREA, Feedback(lambda f, m: seen.append(f)),
                           page_size=5)
    assert result.provenance.count == SERVED_COUNT
    assert result.provenance.kind == "wfs"
    assert_equal_to_served(out, result.layer)
    assert seen[-1] == 1.0 and len(seen) >= 6 and seen == sorted(seen)


def test_ogcapi_fetch_equals_the_served_features(ogcapi_server, tmp_path) -> None:
    """pygeoapi: collection ``p3`` page by page through the ``next`` links, in EPSG:25832."""
    kind, layers = list_layers(ogcapi_server)
    assert kind == "ogcapi" and [layer.name for layer in layers] == ["p3"]
    out = tmp_path / "p3.gpkg"
    result = fetch_to_gpkg(ogcapi_server, "p3", out, AREA, page_size=6)
    assert result.provenance.kind == "ogcapi"
    assert_equal_to_served(out, result.layer)


def test_bbox_limits_the_features(wfs_server, tmp_path) -> None:
    """Only the features touching the box come (by an independent shapely test)."""
    box = (548_000.0, 6_318_000.0, 551_000.0, 6_320_000.0)
    served = served_nature()
    expected = int(shapely.intersects(served.geometry.to_numpy(), shapely.box(*box)).sum())
    assert 0 < expected < SERVED_COUNT
    result = fetch_to_gpkg(wfs_server.url, "p3", tmp_path / "part.gpkg", box, page_size=4)
    assert result.provenance.count == expected


def test_provenance_and_loading_in_the_role(wfs_server, tmp_path) -> None:
    """The GeoPackage says where it came from (no token) and loads as §3 with its mapping."""
    out = tmp_path / "p3.gpkg"
    result = fetch_to_gpkg(wfs_server.url + "?token=SECRET-123", "p3", out, AREA)
    provenance = provenance_of(out, result.layer)
    assert provenance is not None
    assert provenance.url == wfs_server.url and provenance.layer == "p3"
    assert provenance.count == SERVED_COUNT and provenance.age_days() < 0.01
    assert b"SECRET-123" not in out.read_bytes()
    layer = load_layer(LayerRequest(Role.NATURE_P3, out, result.layer))
    assert layer.feature_count == SERVED_COUNT
    assert layer.source.mapping and "Natyp_navn" in layer.frame.columns


def test_cancel_keeps_the_old_file(wfs_server, tmp_path) -> None:
    """Cancelled after the first page: OperationCancelled, an earlier file untouched."""
    out = tmp_path / "p3.gpkg"
    out.write_bytes(b"old")
    feedback = Feedback()
    pages = []

    def progress(fraction: float, message: str) -> None:
        pages.append(message)
        if len(pages) == 2:
            feedback.cancel()

    feedback._progress = progress  # noqa: SLF001 - the test plays the Cancel button
    with pytest.raises(OperationCancelled):
        fetch_to_gpkg(wfs_server.url, "p3", out, AREA, feedback, page_size=5)
    assert out.read_bytes() == b"old"
    assert not list(tmp_path.glob("*.part*"))


def test_unknown_layer_and_dead_service_are_clear_errors(wfs_server, tmp_path) -> None:
    with pytest.raises(ServiceError, match="no layer nope"):
        fetch_to_gpkg(wfs_server.url, "nope", tmp_path / "x.gpkg", AREA)
    from loopback import free_port

    dead = f"http://127.0.0.1:{free_port()}/wfs?token=SECRET-9"
    with pytest.raises(ServiceError) as info:
        fetch_to_gpkg(dead, "p3", tmp_path / "x.gpkg", AREA)
    assert "SECRET-9" not in str(info.value)
