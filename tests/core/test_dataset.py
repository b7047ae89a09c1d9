"""Dataset.remove keeps its promise (issue 8: the documented ValueError never came)."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pytest
import shapely

from naturplan.core.layers.dataset import Dataset, Municipality
from naturplan.core.layers.layer import LayerSource, VectorLayer
from naturplan.core.layers.roles import Role


def _layer(role: Role) -> VectorLayer:
    frame = gpd.GeoDataFrame(geometry=[shapely.box(0, 0, 10, 10)], crs=25832)
    return VectorLayer(role, frame, LayerSource(Path(f"{role.value}.gpkg"), "GPKG",
                                                "EPSG:25832"))


def test_remove_takes_out_only_that_layer_and_refuses_the_rest() -> None:
    muni_layer = _layer(Role.MUNICIPALITY)
    muni = Municipality("0999", "Test", shapely.box(0, 0, 100, 100), muni_layer.source)
    p3, other_p3 = _layer(Role.NATURE_P3), _layer(Role.NATURE_P3)
    dataset = Dataset(muni, [muni_layer, p3, other_p3])
    told: list[int] = []
    dataset.changed.connect(lambda: told.append(len(dataset.layers)))
    dataset.remove(p3)
    assert dataset.layers == [muni_layer, other_p3] and dataset.vector(Role.NATURE_P3) == [
        other_p3]
    with pytest.raises(ValueError, match="not in the dataset"):
        dataset.remove(p3)  # removed already
    with pytest.raises(ValueError, match="municipality"):
        dataset.remove(muni_layer)
    assert len(dataset.layers) == 2
    assert told == [2]  # one change, after the removal; a refused removal says nothing
    dataset.add(p3)
    assert told == [2, 3]  # the analysis panel re-measures on this
