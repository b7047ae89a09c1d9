"""The address search on a windowed addresses layer (issue 24 §2): by SQL through an
attribute index, never loading the layer, and answering as the search over the whole layer
does - the exact address (against a plain pandas filter), the nearest house numbers and the
nearest streets; the parcel search finds the parcel under it; access is not measured from a
window (no number from a part)."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from naturplan.core.analysis.access import dataset_access
from naturplan.core.layers.dataset import Dataset
from naturplan.core.layers.layer import WindowedLayer
from naturplan.core.layers.roles import Role
from naturplan.core.parcels.addresses import AddressIndex
from naturplan.io import windowed as windowed_module
from naturplan.io.address_index import IndexedAddresses, create_address_index
from naturplan.io.datasets import DatasetRequest, open_dataset
from naturplan.io.loading import LayerRequest
from naturplan.io.parcel_index import IndexedParcels
from naturplan.io.windowed import can_window, open_windowed


@pytest.fixture(scope="module")
def opened(sample_env: dict[str, str], tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    dataset = open_dataset(DatasetRequest(sample_scale=float(sample_env[
        "NATURPLAN_SAMPLE_SCALE"])))
    [addresses] = dataset.vector(Role.ADDRESSES)
    copy = tmp_path_factory.mktemp("addresses") / "sample.gpkg"  # the index is written
    shutil.copy(addresses.source.path, copy)
    request = LayerRequest(Role.ADDRESSES, copy, addresses.source.layer)
    create_address_index(request)
    return dataset, addresses, request


def _said(hit, near):  # type: ignore[no-untyped-def]
    def one(a):  # type: ignore[no-untyped-def]
        return (a.vejnavn, a.husnr, a.postnr, a.postnrnavn, round(a.x, 3), round(a.y, 3))
    return (None if hit is None else one(hit), [(one(a), round(s, 3)) for a, s in near])


def test_the_search_by_sql_answers_as_the_whole_layer(opened, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    dataset, addresses, request = opened
    monkeypatch.setattr(windowed_module, "WINDOWED_MIN_FEATURES", 100)
    assert can_window(request)  # points are windowed too now
    layer = open_windowed(request)
    assert isinstance(layer, WindowedLayer) and len(layer.frame) == 0
    indexed, whole = IndexedAddresses(layer), AddressIndex(addresses.frame)
    frame = addresses.frame
    checked = 0
    for k in range(0, len(frame), max(len(frame) // 25, 1)):
        row = frame.iloc[k]
        text = f"{row['vejnavn']} {row['husnr']}, {row['postnr']}"
        hit, near = indexed.find(text)
        same = frame[(frame["vejnavn"] == row["vejnavn"]) & (frame["husnr"] == row["husnr"])
                     & (frame["postnr"] == row["postnr"])]  # plain pandas
        if len(same) == 1:
            assert hit is not None and (hit.x, hit.y) == pytest.approx(
                (row.geometry.x, row.geometry.y), abs=0.01), text
            checked += 1
        assert _said(hit, near) == _said(*whole.find(text)), text
        for miss in (f"{row['vejnavn']} 9999, {row['postnr']}",  # the nearest numbers
                     f"{str(row['vejnavn'])[:-2]} {row['husnr']}",  # a street misspelt
                     f"{str(row['vejnavn']).upper()} {row['husnr']}"):  # case
            assert _said(*indexed.find(miss)) == _said(*whole.find(miss)), miss
            assert indexed.looks_like_address(miss) == whole.looks_like_address(miss), miss
    assert checked >= 10
    assert indexed.find("Ingensteds Allé 999, 9000") == whole.find("Ingensteds Allé 999, 9000")
    assert len(layer.frame) == 0  # nothing was loaded into the layer


def test_the_street_is_found_through_its_index(opened) -> None:  # type: ignore[no-untyped-def]
    _, _, request = opened
    indexed = IndexedAddresses(open_windowed(request))
    with closing(sqlite3.connect(Path(request.path))) as conn:
        plan = " ".join(str(r) for r in conn.execute(
            f'EXPLAIN QUERY PLAN SELECT * FROM "{indexed.table}" WHERE '
            f'"{indexed.fields["vejnavn"]}" IN (?, ?)', ("a", "b")))
    assert f"idx_{indexed.table}_vejnavn" in plan


def test_the_parcel_search_finds_a_windowed_address_and_access_waits(opened) -> None:  # type: ignore[no-untyped-def]
    import shapely

    dataset, addresses, request = opened
    [parcels] = dataset.vector(Role.PARCELS)
    windowed_parcels = open_windowed(LayerRequest(Role.PARCELS, parcels.source.path,
                                                  parcels.source.layer))
    near = Dataset(dataset.municipality, sample=dataset.sample)
    near.layers = [open_windowed(request) if layer.role is Role.ADDRESSES else layer
                   for layer in dataset.layers]
    search = IndexedParcels(near, windowed_parcels)
    frame, found = addresses.frame, 0
    for k in range(0, len(frame), max(len(frame) // 10, 1)):
        row = frame.iloc[k]
        text = f"{row['vejnavn']} {row['husnr']}, {row['postnr']}"
        under = parcels.frame[parcels.frame.contains(row.geometry)]  # plain geopandas
        if len(AddressIndex(frame).find_all(text)) != 1 or len(under) != 1:
            continue
        result = search.search(text)
        assert result.found and shapely.contains(search.card_for(result).parcel.geometry,
                                                 row.geometry), text
        found += 1
    assert found >= 5
    assert dataset_access(dataset) is not None  # whole: measured
    assert dataset_access(near) is None  # a window holds no whole count: not measured
