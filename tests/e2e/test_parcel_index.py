"""The parcel search and card by index (issue 24 §2): on the small sample, a parcel found
by SQL and carded from only the features near it says exactly what the card from the whole
layers says; a miss says what was not found."""

from __future__ import annotations

import dataclasses
import sqlite3
from contextlib import closing

import numpy as np
import pytest

from naturplan.core.layers.layer import WindowedLayer
from naturplan.core.layers.roles import Role
from naturplan.core.parcels.search import Missing
from naturplan.core.parcels.status import StatusCard
from naturplan.io.datasets import DatasetRequest, open_dataset
from naturplan.io.parcel_index import IndexedParcels
from naturplan.io.parcels import parcel_context
from naturplan.io.windowed import create_parcel_index, open_windowed


def _said(card: StatusCard) -> list[tuple[object, ...]]:
    """What a card says, feature positions left out (they are rows of different layers)."""
    out: list[tuple[object, ...]] = []
    for finding in card.findings:
        features = sorted((f.klass, round(f.area_m2, 3), f.sliver, f.attributes)
                          for f in finding.features)
        out.append((finding.theme, finding.source, round(finding.area_m2, 3),
                    round(finding.sliver_m2, 3), tuple((k, round(a, 3))
                                                       for k, a in finding.by_class),
                    tuple(features), finding.flood))
    return out


@pytest.fixture(scope="module")
def opened(sample_env: dict[str, str]):  # type: ignore[no-untyped-def]
    dataset = open_dataset(DatasetRequest(sample_scale=float(sample_env[
        "NATURPLAN_SAMPLE_SCALE"])))
    [parcels] = dataset.vector(Role.PARCELS)
    windowed = open_windowed(next(r for r in _requests(dataset) if r.role is Role.PARCELS))
    return dataset, parcels, windowed


def _requests(dataset):  # type: ignore[no-untyped-def]
    from naturplan.io.loading import LayerRequest

    for layer in dataset.layers:
        if layer.role is Role.PARCELS:
            yield LayerRequest(Role.PARCELS, layer.source.path, layer.source.layer)


def test_the_card_by_index_equals_the_card_from_whole_layers(opened) -> None:  # type: ignore[no-untyped-def]
    dataset, parcels, windowed = opened
    assert isinstance(windowed, WindowedLayer) and windowed.total == len(parcels.frame)
    whole = parcel_context(dataset)
    indexed = IndexedParcels(dataset, windowed)
    frame = parcels.frame
    # Parcels that something applies to, and some that nothing does.
    rng = np.random.default_rng(24)
    rows = rng.choice(len(frame), 40, replace=False).tolist()
    rows += [int(r) for r in np.flatnonzero(
        [len(whole.card(int(r)).findings) >= 2 for r in range(0, len(frame), 7)])[:20] * 7]
    applying = 0
    for row in rows:
        code = int(frame["ejerlavskode"].iloc[row])
        number = str(frame["matrikelnummer"].iloc[row])
        result = indexed.find(str(code), number)
        assert result.found, (code, number)
        expected = whole.card(row)
        card = indexed.card_for(result)
        assert card.parcel.ref.ejerlavskode == code
        assert card.parcel.ref.matrikelnummer == expected.parcel.ref.matrikelnummer
        assert card.parcel.area_m2 == pytest.approx(expected.parcel.area_m2)
        assert card.parcel.registered_area_m2 == expected.parcel.registered_area_m2
        assert _said(card) == _said(expected)
        applying += bool(expected.findings)
    assert applying >= 20  # the comparison saw real findings


def test_search_by_name_and_the_misses(opened) -> None:  # type: ignore[no-untyped-def]
    dataset, parcels, windowed = opened
    indexed = IndexedParcels(dataset, windowed)
    row = parcels.frame.iloc[5]
    name, number = str(row["ejerlavsnavn"]), str(row["matrikelnummer"])
    found = indexed.search(f"{number}, {name.upper()}")
    assert found.found and found.parcel is not None
    assert found.parcel.ejerlavskode == int(row["ejerlavskode"])
    assert indexed.search(f"{row['ejerlavskode']} {number}").parcel == found.parcel
    assert indexed.search(f"{number}, Ingen Sådan By").missing is Missing.EJERLAV
    assert indexed.search(f"9999zz, {name}").missing is Missing.MATRIKEL
    assert indexed.search("Vesterbro").missing is Missing.QUERY


def test_the_attribute_index_is_used(opened, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import shutil

    _, _, windowed = opened
    copy = tmp_path / "parcels.gpkg"
    shutil.copy(windowed.source.path, copy)
    layer = str(windowed.source.layer)
    request = dataclasses.replace(next(_requests(opened[0])), path=copy)
    create_parcel_index(request)
    with closing(sqlite3.connect(copy)) as conn:  # the sample's Matriklen field names
        plan = conn.execute(f'EXPLAIN QUERY PLAN SELECT fid FROM "{layer}" WHERE '
                            "landsejerlavskode = 1 AND matrikelnummer = '1a'").fetchall()
        by_name = conn.execute(f'EXPLAIN QUERY PLAN SELECT fid FROM "{layer}" WHERE '
                               "ejerlavsnavn = 'x' COLLATE NOCASE").fetchall()
    assert any("USING COVERING INDEX" in str(step) or "USING INDEX" in str(step)
               for step in plan), plan
    assert any("INDEX" in str(step) for step in by_name), by_name
    # the names they always had: a world indexed before is not indexed twice
    assert f"idx_{layer}_ejerlav_matrikel" in str(plan)
    assert f"idx_{layer}_ejerlavsnavn" in str(by_name)
    reopened = open_windowed(request)
    assert IndexedParcels(opened[0], reopened).find(
        str(opened[1].frame["ejerlavskode"].iloc[0]),
        str(opened[1].frame["matrikelnummer"].iloc[0])).found


def test_an_address_finds_the_parcel_under_it(opened) -> None:  # type: ignore[no-untyped-def]
    import shapely

    dataset, parcels, windowed = opened
    indexed = IndexedParcels(dataset, windowed)
    [addresses] = dataset.vector(Role.ADDRESSES)
    frame = parcels.frame
    from naturplan.core.parcels.addresses import AddressIndex

    every = AddressIndex(addresses.frame)
    checked = 0
    for k in range(0, len(addresses.frame), max(len(addresses.frame) // 15, 1)):
        row = addresses.frame.iloc[k]
        text = f"{row['vejnavn']} {row['husnr']}, {row['postnr']}"
        result = indexed.search(text)
        under = frame[frame.contains(row.geometry)]  # plain geopandas: the parcel under it
        if len(every.find_all(text)) != 1 or len(under) != 1:
            continue  # the same address in two postcodes, or a point on a boundary
        assert result.found and result.address is not None, text
        assert (result.parcel.ejerlavskode, result.parcel.matrikelnummer) == (
            int(under["ejerlavskode"].iloc[0]), str(under["matrikelnummer"].iloc[0]))
        assert shapely.contains(indexed.card_for(result).parcel.geometry, row.geometry)
        checked += 1
    assert checked >= 8
    # Neither an address nor a parcel (9000 is no ejerlav): the miss names the ejerlav.
    assert indexed.search("Ingensteds Allé 999, 9000").missing is Missing.EJERLAV
