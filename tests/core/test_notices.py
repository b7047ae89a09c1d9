"""What naturplan says besides a number (issue 7): notices as data, worded per language."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import box

from naturplan.core.layers.dataset import Dataset, Municipality
from naturplan.core.layers.layer import LayerSource, LoadReport
from naturplan.core.notices import codes, dataset_notices, load_notices, share_notices
from naturplan.core.share.protected import ProtectedSource, compute_protected
from naturplan.text.notices import notice_text

MUNI = box(0, 0, 10_000, 10_000)


def _share(*sources: ProtectedSource, roles: tuple[str, ...] = ("nature_p3",)):
    return compute_protected(MUNI, list(sources), roles=list(roles))[0]


def test_a_role_without_a_layer_is_said_with_the_reason() -> None:
    share = _share()
    assert codes(share_notices(share, "Odense", "other_municipality")) == [
        "no_protected_layer", "sample_not_here"]
    assert codes(share_notices(share, "Aalborg", "off")) == ["no_protected_layer", "sample_off"]
    assert codes(share_notices(share, "Aalborg", "used")) == ["no_protected_layer"]
    [notice] = share_notices(share, "Aalborg")
    assert notice_text(notice, "da") == (
        "Intet lag spiller den beskyttede rolle nature_p3 i Aalborg: den lægger intet til "
        "andelen.")
    assert notice_text(notice, "en").startswith("No layer plays the protected role nature_p3")


def test_a_layer_outside_or_empty_is_said_with_its_count() -> None:
    far = ProtectedSource("nature_p3", np.array([box(20_000, 0, 20_100, 100)] * 2, object),
                          name="far.gpkg")
    one = ProtectedSource("nature_p3", np.array([box(30_000, 0, 30_100, 100)], object),
                          name="one.gpkg")
    empty = ProtectedSource("natura2000", np.empty(0, object), name="empty.gpkg")
    inside = ProtectedSource("natura2000", np.array([box(0, 0, 100, 100)], object), name="in")
    share = _share(far, one, empty, inside, roles=("nature_p3", "natura2000"))
    notices = share_notices(share, "Aalborg")
    assert codes(notices) == ["layer_outside", "layer_outside", "layer_empty"]
    assert notice_text(notices[0], "da") == (
        "Ingen af de 2 objekter i far.gpkg (nature_p3) ligger i Aalborg.")
    assert notice_text(notices[1], "da") == (
        "Det eneste objekt i one.gpkg (nature_p3) ligger uden for Aalborg.")
    assert notice_text(notices[1], "en") == (
        "The only feature of one.gpkg (nature_p3) lies outside Aalborg.")


def test_left_out_features_in_both_numbers() -> None:
    [many] = load_notices("parcels", "p.gpkg", LoadReport(read=1203, dropped_non_polygon=1202,
                                                          dropped_types={"Point": 1202}))
    assert notice_text(many, "da") == (
        "1.202 objekter i p.gpkg (parcels) er ikke polygoner og blev udeladt: 1.202 Point.")
    [one] = load_notices("parcels", "p.gpkg", LoadReport(read=2, dropped_types={"Point": 1}))
    assert notice_text(one, "en") == (
        "1 feature of p.gpkg (parcels) is not a polygon and was left out: 1 Point.")
    assert load_notices("parcels", "p.gpkg", LoadReport(read=2)) == []


def test_dataset_notices_for_the_dashboard() -> None:
    muni = Municipality("0461", "Odense", MUNI, LayerSource(Path("dk.geojson")))
    dataset = Dataset(muni, sample="other_municipality")
    share, _ = dataset.protected()
    assert codes(dataset_notices(dataset, share)) == ["no_protected_layer", "sample_not_here"]
    assert shapely.area(MUNI) == share.municipality_area_m2
