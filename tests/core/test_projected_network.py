"""Issue 21 §2: the projected network (today's protected nature plus the plan's active
candidates) is assembled in one place, ``projected_network``, which the window's analysis,
``analyse_plan`` and the scenario comparison use."""

from __future__ import annotations

import shapely
from analysis_fixtures import layers
from shapely.geometry import box

from naturplan.core.analysis.projected import projected_network, todays_network
from naturplan.core.plan.candidates import Candidate


def test_active_candidates_join_the_protected_patches_rejected_ones_do_not() -> None:
    protected = [box(0, 0, 100, 100), box(1000, 0, 1100, 100)]
    between = Candidate.new("connectivity", box(400, 0, 500, 100), "Korridor")
    overlapping = Candidate.new("lowland", box(50, 0, 150, 100), "Mose")
    rejected = Candidate.new("afforestation", box(3000, 0, 3100, 100), "Skov",
                             status="rejected")
    plan = [between, overlapping, rejected]
    indices = projected_network(layers(protected=protected), plan)
    # independent: the union of the protected squares and the two active candidates
    union = shapely.union_all([*protected, between.geometry, overlapping.geometry])
    assert indices.habitat_m2 == union.area == 35_000
    assert indices.patches == len(union.geoms) == 3  # the overlapping one merges
    today = projected_network(layers(protected=protected), [rejected])
    assert today.habitat_m2 == 20_000 and today.patches == 2
    assert indices.iic_sum is not None  # the same indices the scenario table shows


def test_todays_network_is_the_protected_patches_and_measures_a_candidate() -> None:
    protected = [box(0, 0, 100, 100), box(1000, 0, 1100, 100)]
    network = todays_network(layers(protected=protected))
    assert network.indices.habitat_m2 == shapely.union_all(protected).area == 20_000
    assert network.indices.patches == 2
    change = network.candidate(box(400, 0, 500, 100))  # kept paths: a change is measured
    assert change is not None


def test_the_callers_share_it() -> None:
    import inspect

    from naturplan.core.analysis import scenarios
    from naturplan.gui.analysis import controller
    from naturplan.usecases import analysis, measures, todays_network

    for module in (scenarios, analysis, controller):
        source = inspect.getsource(module)
        assert "projected_network(" in source and "np.concatenate([layers.protected" \
            not in source, module.__name__
    # the window measures today's network through usecases.todays_network (issue 24 §2)
    assert "network_and_risk(" in inspect.getsource(controller)
    for module in (analysis, todays_network, measures):
        source = inspect.getsource(module)
        assert "todays_network(" in source and "of_polygons(\n            layers.protected" \
            not in source and "of_polygons(\n                layers.protected" not in source

