"""The sample's synthetic designations (issue 22 item 2): retningslinjer 1112 and 1113, both
adopted and proposed, and MARS projects of lowland and forest types in several phases, all
inside the municipality, loaded in their roles and marked synthetic."""

from __future__ import annotations

import shapely

from naturplan.core.analysis.designations import check_designations
from naturplan.core.analysis.layers import RolePolygons, role_set
from naturplan.core.layers.roles import Role
from naturplan.io.datasets import DatasetRequest, open_dataset


def test_the_sample_has_synthetic_designations_and_projects(sample_env) -> None:  # type: ignore[no-untyped-def]
    dataset = open_dataset(DatasetRequest(sample_scale=float(sample_env["NATURPLAN_SAMPLE_SCALE"])))
    [plandata] = dataset.vector(Role.DESIGNATIONS)
    [mars] = dataset.vector(Role.MARS_PROJECTS)
    assert plandata.source.synthetic and mars.source.synthetic
    frame = plandata.frame
    assert set(zip(frame["temakode"], frame["status"], strict=True)) == {
        ("1112", "V"), ("1112", "F"), ("1113", "V"), ("1113", "F")}
    muni = dataset.municipality.geometry.buffer(1.0)
    assert shapely.covered_by(frame.geometry.to_numpy(), muni).all()
    assert shapely.covered_by(mars.frame.geometry.to_numpy(), muni).all()
    types = set(mars.frame["type"])
    assert "Skovrejsning" in types and types & {"Klima-lavbund", "Lavbund", "Kvælstofvådområde"}
    assert len(set(mars.frame["fase"])) >= 2
    # some lowland projects lie on a 1113 area: a candidate there shows both (double count)
    parts = [RolePolygons.of_layer(plandata), RolePolygons.of_layer(mars)]
    checks = check_designations(list(mars.frame.geometry), role_set(parts, Role.DESIGNATIONS),
                                None)
    assert any(h.theme == 1113 for c in checks for h in (c.plandata or ()))
