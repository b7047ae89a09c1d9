"""The council's ledger names how nature near home was measured (issue 25): walking on the
road network where the project says so and roads are loaded, otherwise the straight line;
a project that walks, exported without roads, is measured straight (not refused)."""

from __future__ import annotations

import dataclasses

import numpy as np
import shapely
from export_helpers import Plan

from naturplan.core.analysis.access import AccessSettings
from naturplan.core.layers.roles import Role
from naturplan.export.ledger_table import ledger_table
from naturplan.io.project.gpkg_store import GeoPackageStore
from naturplan.usecases.access import store_access_settings
from naturplan.usecases.plan_data import load_plan_data

WALKING = "Natur tæt på hjemmet: gåafstand fra hver adresse ad vejnettet (rollen roads)."
STRAIGHT = "Natur tæt på hjemmet: afstand i fugleflugt fra hver adresse."


def _walk(plan: Plan) -> None:
    with GeoPackageStore(plan.path, author="test") as store:
        store_access_settings(store, AccessSettings(distance="network"))


def test_the_ledger_says_walking_and_walking_is_never_nearer(plan: Plan) -> None:
    straight = load_plan_data(plan.dataset, (Role.NATURE_P3,), plan.path)
    assert STRAIGHT in ledger_table(straight, "da").notes
    _walk(plan)
    walked = load_plan_data(plan.dataset, (Role.NATURE_P3,), plan.path)
    assert walked.access[0].method == "network"
    notes = ledger_table(walked, "da").notes
    assert WALKING in notes and STRAIGHT not in notes
    # A walk is never shorter than the straight line: fewer or as many addresses reached.
    for k in range(2):
        assert walked.access[0].reached[k] <= straight.access[0].reached[k]
    # and today's straight count is plain shapely's (the accessible roles' polygons).
    points = np.concatenate([la.frame.geometry.to_numpy()
                             for la in plan.dataset.vector(Role.ADDRESSES)])
    nature = np.concatenate([la.frame.geometry.to_numpy() for r in (Role.NATURE_P3, Role.FOREST)
                             for la in plan.dataset.vector(r)])
    dist = shapely.distance(points, shapely.union_all(nature))
    assert straight.access[0].reached[0] == float((dist <= 300).sum())


def test_a_walking_project_exported_without_roads_is_measured_straight(plan: Plan) -> None:
    _walk(plan)
    no_roads = dataclasses.replace(plan.dataset, layers=[
        la for la in plan.dataset.layers if la.role is not Role.ROADS])
    data = load_plan_data(no_roads, (Role.NATURE_P3,), plan.path)
    assert data.access is not None and data.access[0].method == "straight"
    assert STRAIGHT in ledger_table(data, "da").notes


def test_the_candidate_tables_notes_say_walking(plan: Plan) -> None:
    from naturplan.export.measure_notes import measure_notes
    from naturplan.usecases.measures import measure_plan

    _walk(plan)
    data = load_plan_data(plan.dataset, (Role.NATURE_P3,), plan.path)
    measured = measure_plan(data, connectivity=False)
    assert measured.access_method == "network"
    notes = measure_notes(measured, "da")
    assert WALKING in notes and STRAIGHT not in notes
