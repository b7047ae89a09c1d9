"""The N effect of a candidate (issue 22, item 5): over a hand-made retention layer it equals
area × rate (summed over the catchments it overlaps); without the layer there is no number;
the sample's retention layer is synthetic and says so."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
from shapely.geometry import box

from naturplan.core.analysis.nitrogen import nitrogen_effect
from naturplan.core.layers.roles import Role
from naturplan.io.loading import LayerRequest, load_layer

X0, Y0 = 550_000.0, 6_320_000.0


def test_the_n_effect_is_area_times_rate() -> None:
    west = box(X0, Y0, X0 + 1000, Y0 + 1000)  # 12 kg N/ha/yr
    east = box(X0 + 1000, Y0, X0 + 2000, Y0 + 1000)  # 30 kg N/ha/yr
    polygons = np.asarray([west, east], dtype=object)
    inside = box(X0 + 100, Y0 + 100, X0 + 300, Y0 + 600)  # 200 × 500 m = 10 ha in west
    across = box(X0 + 900, Y0, X0 + 1300, Y0 + 100)  # 1 ha west, 3 ha east
    outside = box(X0 + 5000, Y0, X0 + 5100, Y0 + 100)
    got = nitrogen_effect([inside, across, outside], polygons, [12.0, 30.0])
    assert got == pytest.approx([10 * 12.0, 1 * 12.0 + 3 * 30.0, 0.0])


def test_a_retention_file_loads_and_without_it_there_is_no_number(tmp_path: Path) -> None:
    from naturplan.core.analysis.assessment import nitrogen_of
    from naturplan.core.analysis.layers import analysis_layers
    from naturplan.core.layers.dataset import Dataset, Municipality
    from naturplan.core.layers.layer import LayerSource

    path = tmp_path / "retention.gpkg"
    gpd.GeoDataFrame({"rate_kg_n_ha": [20.0, None]},
                     geometry=[box(X0, Y0, X0 + 1000, Y0 + 1000),
                               box(X0 + 1000, Y0, X0 + 2000, Y0 + 1000)],
                     crs=25832).to_file(path)
    municipality = Municipality("0999", "Testrup", box(X0, Y0, X0 + 5000, Y0 + 5000),
                                LayerSource(path))
    dataset = Dataset(municipality)
    candidate = box(X0 + 500, Y0, X0 + 1500, Y0 + 200)  # 10 ha in the first, 10 ha in the second
    assert nitrogen_of(candidate, analysis_layers(dataset)) is None  # no layer: no number
    dataset.layers.append(load_layer(LayerRequest(Role.N_RETENTION, path)))
    # the polygon without a rate says nothing: only 10 ha × 20 kg
    assert nitrogen_of(candidate, analysis_layers(dataset)) == pytest.approx(10 * 20.0)


def test_the_sample_has_a_synthetic_retention_layer(sample_env) -> None:  # type: ignore[no-untyped-def]
    from naturplan.io.datasets import DatasetRequest, open_dataset

    dataset = open_dataset(DatasetRequest(sample_scale=0.01), roles=[Role.N_RETENTION])
    (layer,) = dataset.vector(Role.N_RETENTION)
    assert layer.source.synthetic
    rates = layer.frame["rate_kg_n_ha"].to_numpy(dtype=float)
    assert len(rates) > 10 and ((rates >= 5) & (rates <= 40)).all()
    # catchments cover the municipality without overlapping
    total = layer.frame.geometry.area.sum()
    assert total == pytest.approx(dataset.municipality.area_m2, rel=1e-6)
