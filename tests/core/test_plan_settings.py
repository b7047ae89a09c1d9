"""A project remembers what it was measured against (municipality, layers, roles)."""

from __future__ import annotations

from pathlib import Path

import pytest

from naturplan.core.layers.roles import Role
from naturplan.io.datasets import DatasetRequest
from naturplan.io.loading import LayerRequest
from naturplan.io.project.gpkg_store import GeoPackageStore
from naturplan.io.project.settings import (
    PLAN_KEY,
    record,
    recorded_request,
    request_from_settings,
    settings_from_request,
)
from naturplan.io.project.store import StoreError


def _request(tmp_path: Path) -> DatasetRequest:
    return DatasetRequest(
        kommune="0187",
        layers=(LayerRequest(Role.NATURE_P3, tmp_path / "p3.gpkg", "beskyttede",
                             {"Natyp_navn": "TYPE"}, "25832"),),
        sample_scale=0.5,
        use_sample=False,
    )


def test_round_trip(tmp_path: Path) -> None:
    request = _request(tmp_path)
    roles = (Role.NATURE_P3, Role.NATURA2000)
    back, back_roles = request_from_settings(settings_from_request(request, roles))
    assert back_roles == roles
    assert (back.kommune, back.sample_scale, back.use_sample) == ("0187", 0.5, False)
    (layer,) = back.layers
    assert layer.role is Role.NATURE_P3 and layer.path == (tmp_path / "p3.gpkg").resolve()
    assert (layer.layer, dict(layer.fields or {}), layer.assume_crs) == (
        "beskyttede", {"Natyp_navn": "TYPE"}, "25832")


def test_refuses_what_it_cannot_read(tmp_path: Path) -> None:
    good = settings_from_request(_request(tmp_path), (Role.NATURE_P3,))
    with pytest.raises(StoreError, match="newer"):
        request_from_settings({**good, "version": 99})
    with pytest.raises(StoreError, match="cannot be read"):
        request_from_settings({**good, "layers": [{"role": "nature"}]})


def test_record_writes_once_and_reads_back(tmp_path: Path) -> None:
    project = tmp_path / "plan.gpkg"
    assert recorded_request(project) is None  # no file
    with GeoPackageStore(project, author="anna") as store:
        assert recorded_request(project) is None  # no record yet
        request, roles = _request(tmp_path), (Role.NATURE_P3,)
        assert record(store, request, roles) is True
        assert record(store, request, roles) is False  # unchanged: no audit noise
        assert sum(row.action == "settings" for row in store.audit()) == 1
        assert PLAN_KEY in store.settings()
    recorded = recorded_request(project)
    assert recorded is not None and recorded[0].kommune == "0187"
