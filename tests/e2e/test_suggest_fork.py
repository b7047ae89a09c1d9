"""The suggested plan on two cores (issue 23: ≤ 3 s): the protected share's dissolve and half
of the parcels' overlays in a forked child give the very numbers of one process, and those
numbers are what plain shapely measures."""

from __future__ import annotations

import numpy as np
import pytest
import shapely

from naturplan.core import forked as forked_module
from naturplan.core.layers.roles import Role
from naturplan.core.optimise import units as units_module
from naturplan.core.optimise.units import planning_units
from naturplan.io.factors import load_factor_table
from naturplan.usecases.suggest_data import read_inputs

FIELDS = ("source", "new_m2", "lowland_m2", "co2e_t", "kind", "excluded", "cost",
          "perimeter_m")


@pytest.fixture(autouse=True)
def forking(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fork whenever FORK says so: earlier tests in this process may have run HiGHS or
    loaded the window's modules, after which :func:`forked_module.can_fork` says no."""
    monkeypatch.setattr(forked_module, "can_fork", lambda alone=False: forked_module.FORK)


@pytest.fixture(scope="module")
def request_(sample_env):
    from naturplan.io.datasets import DatasetRequest

    return DatasetRequest(sample_scale=float(sample_env["NATURPLAN_SAMPLE_SCALE"]))


def _forks(monkeypatch: pytest.MonkeyPatch) -> list[forked_module.Pending]:
    """Record every call started (to see that a child was made)."""
    made: list[forked_module.Pending] = []
    real = forked_module.start

    def recorded(function, *args):
        pending = real(function, *args)
        made.append(pending)
        return pending

    from naturplan.usecases import suggest_areas, suggest_chosen, suggest_share

    for module in (forked_module, units_module, suggest_areas, suggest_chosen, suggest_share):
        monkeypatch.setattr(module, "start", recorded)
    return made


def test_forked_units_are_bit_for_bit_the_serial_ones_and_shapelys(
        request_, monkeypatch: pytest.MonkeyPatch) -> None:
    table = load_factor_table("co2e_v1")
    monkeypatch.setattr(forked_module, "FORK", False)
    inputs = read_inputs(request_)
    serial = planning_units(inputs.parcels, inputs.layers, table, pieces=inputs.index.pieces)
    monkeypatch.setattr(forked_module, "FORK", True)
    monkeypatch.setattr(units_module, "FORK_MIN_UNITS", 0)  # the small sample forks too
    made = _forks(monkeypatch)
    forked = planning_units(inputs.parcels, inputs.layers, table, pieces=inputs.index.pieces)
    assert [p.forked for p in made] == [True]
    for name in FIELDS:
        assert np.array_equal(getattr(forked, name), getattr(serial, name)), name
    # independent: each parcel's area inside the municipality and outside the union of the
    # protected layer's own polygons (not the pieces the units were measured against)
    protected = shapely.union_all(np.asarray(inputs.layers.protected, dtype=object))
    muni = inputs.municipality
    rows = forked.source
    expected = shapely.area(shapely.difference(
        shapely.intersection(inputs.parcels[rows], muni), protected))
    assert len(rows) > 200
    assert forked.new_m2 == pytest.approx(expected, rel=1e-7, abs=1e-3)
    # the units' outlines: the parcels cut to the municipality in whichever process measured
    # them (both take some that cross its edge), the serial ones to the byte and shapely's
    assert list(shapely.to_wkb(forked.geoms)) == list(shapely.to_wkb(serial.geoms))
    crossing = rows[~shapely.contains_properly(muni, inputs.parcels[rows])]
    assert set(crossing % units_module.FORK_STRIDE) == set(range(units_module.FORK_STRIDE))
    assert shapely.area(forked.geoms) == pytest.approx(
        shapely.area(shapely.intersection(inputs.parcels[rows], muni)), rel=1e-9)


def test_the_chosen_units_flood_share_begun_first_in_a_child_gives_the_serial_numbers(
        request_, monkeypatch: pytest.MonkeyPatch) -> None:
    """The chosen units' flood share is begun in a forked child before the new parts are
    cut (issue 23: it then runs beside the parts and the areas' union, not after them); the
    numbers and parts are one process's to the bit, and each part is its parcel less the
    protected layer's polygons."""
    from naturplan.usecases import suggest_chosen

    monkeypatch.setattr(forked_module, "FORK", False)
    inputs = read_inputs(request_)
    units = planning_units(inputs.parcels, inputs.layers, load_factor_table("co2e_v1"),
                           pieces=inputs.index.pieces)
    index = np.flatnonzero(units.new_m2 > 0)[::2]  # every other unit: a spread-out plan
    serial = suggest_chosen.ChosenMeasures(units, index)
    monkeypatch.setattr(forked_module, "FORK", True)
    monkeypatch.setattr(suggest_chosen, "FORK_MIN_CHOSEN", 0)
    made = _forks(monkeypatch)
    cut_when: list[int] = []
    real_part = type(units).new_part
    monkeypatch.setattr(type(units), "new_part",
                        lambda self, at: cut_when.append(len(made)) or real_part(self, at))
    forked = suggest_chosen.ChosenMeasures(units, index)
    assert [p.forked for p in made] == [True]  # the flood share
    assert made[0]._function == suggest_chosen.flood_wet and made[0]._args[0] is units
    assert cut_when == [1]  # begun before the cut
    assert len(index) > 100
    assert list(shapely.to_wkb(forked.parts)) == list(shapely.to_wkb(serial.parts))
    for key, value in serial.numbers().items():
        assert np.array_equal(forked.numbers()[key], value), key
    protected = shapely.union_all(np.asarray(inputs.layers.protected, dtype=object))
    expected = shapely.area(shapely.difference(units.geoms[index], protected))
    assert shapely.area(forked.parts) == pytest.approx(expected, rel=1e-7, abs=1e-3)


def test_the_forked_dissolve_gives_the_same_share(request_, monkeypatch) -> None:
    monkeypatch.setattr(forked_module, "FORK", False)
    serial = read_inputs(request_)
    monkeypatch.setattr(forked_module, "FORK", True)
    made = _forks(monkeypatch)
    forked = read_inputs(request_)
    assert [p.forked for p in made] == [True]
    assert forked.share == serial.share
    assert np.array_equal(shapely.to_wkb(forked.index.pieces),
                          shapely.to_wkb(serial.index.pieces))
    # independent: the union of the protected layers inside the municipality
    union = shapely.intersection(
        shapely.union_all(np.asarray(forked.layers.protected, dtype=object)),
        forked.municipality)
    assert forked.share.area_m2 == pytest.approx(shapely.area(union), rel=1e-9)
    assert Role.NATURE_P3.value in forked.share.roles


def test_the_whole_plan_on_two_cores_is_the_plan_on_one(request_, tmp_path, monkeypatch) -> None:
    """Every forked step at once (the dissolve, half the overlays, the chosen units' flood
    share, the share measured while storing) on the small sample: the same areas, numbers
    and shares as one process; the share after is the union's, measured by shapely."""
    from naturplan.io.project.open import open_plan
    from naturplan.usecases import suggest_areas, suggest_chosen
    from naturplan.usecases.suggest import SuggestRequest, suggest_plan

    reports = {}
    for fork in (False, True):
        monkeypatch.setattr(forked_module, "FORK", fork)
        monkeypatch.setattr(units_module, "FORK_MIN_UNITS", 0)
        monkeypatch.setattr(suggest_chosen, "FORK_MIN_CHOSEN", 0)
        monkeypatch.setattr(suggest_areas, "FORK_MIN_PARTS", 0)
        made = _forks(monkeypatch)
        path = tmp_path / f"{fork}.gpkg"
        open_plan(path, "tester")[0].close()
        inputs = read_inputs(request_)
        reports[fork] = suggest_plan(inputs, SuggestRequest(path, 0.17, "X"))
        assert all(p.forked == fork for p in made) and len(made) == 4 + len(
            {a["kind"] for a in reports[fork].areas})  # + one union per kind
    one, two = reports[False], reports[True]
    assert [{k: v for k, v in a.items() if k != "id"} for a in two.areas] == [
        {k: v for k, v in a.items() if k != "id"} for a in one.areas]
    assert (two.cost, two.co2e_t, two.chosen_m2, two.share_before, two.share_after) == (
        one.cost, one.co2e_t, one.chosen_m2, one.share_before, one.share_after)
    assert 0.17 <= two.share_after < 0.1701
    store, plan = open_plan(tmp_path / "True.gpkg", "tester")
    with store:
        stored = [c.geometry for c in plan.candidates()]
    union = shapely.intersection(shapely.union_all(np.asarray(
        [*inputs.layers.protected, *stored], dtype=object)), inputs.municipality)
    assert two.share_after == pytest.approx(
        shapely.area(union) / shapely.area(inputs.municipality), rel=1e-9)


def _chosen_parts(request_) -> np.ndarray:
    """The new parts of every other unit with new area on the small sample (a spread plan)."""
    inputs = read_inputs(request_)
    units = planning_units(inputs.parcels, inputs.layers, load_factor_table("co2e_v1"),
                           pieces=inputs.index.pieces)
    return units.new_part(np.flatnonzero(units.new_m2 > 0)[::2])


def test_the_union_begun_in_a_child_gives_the_in_process_areas_to_the_bit(
        request_, monkeypatch: pytest.MonkeyPatch) -> None:
    """The areas' union in a forked child (issue 23: it runs while this process measures the
    numbers): the same polygons by WKB, so the same areas and units as one process; and the
    areas are the union's by plain shapely."""
    from naturplan.usecases import suggest_areas

    parts = _chosen_parts(request_)
    assert len(parts) > 100
    here = suggest_areas.areas_of(parts)
    monkeypatch.setattr(suggest_areas, "FORK_MIN_PARTS", 0)
    made = _forks(monkeypatch)
    with suggest_areas.begin_union(parts) as union:
        assert [p.forked for p in made] == [True] and union.pid is not None
        forked = suggest_areas.areas_of(parts, union.result())
    assert union.pid is None  # waited for
    assert [shapely.to_wkb(g) for g, _ in forked] == [shapely.to_wkb(g) for g, _ in here]
    assert all(np.array_equal(a, b) for (_, a), (_, b) in zip(forked, here, strict=True))
    whole = shapely.union_all(parts)
    assert sum(shapely.area(g) for g, _ in forked) == pytest.approx(shapely.area(whole),
                                                                    rel=1e-9)
    # too few parts for a fork, or no fork allowed (the window's process, after HiGHS):
    # computed here, the same polygons
    monkeypatch.setattr(suggest_areas, "FORK_MIN_PARTS", len(parts) + 1)
    with suggest_areas.begin_union(parts) as union:
        assert not union.forked
        assert list(shapely.to_wkb(union.result())) == list(
            shapely.to_wkb(suggest_areas.union_parts(parts)))
    monkeypatch.setattr(suggest_areas, "FORK_MIN_PARTS", 0)
    monkeypatch.setattr(forked_module, "FORK", False)
    with suggest_areas.begin_union(parts) as union:
        assert not union.forked


def test_an_error_while_the_union_runs_stops_its_child(
        request_, tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Cancelled (or Ctrl-C) while the union's child runs: the child is killed and reaped."""
    import os

    from naturplan.core.errors import OperationCancelled
    from naturplan.io.project.open import open_plan
    from naturplan.usecases import suggest_areas, suggest_chosen
    from naturplan.usecases.suggest import SuggestRequest, suggest_plan

    monkeypatch.setattr(suggest_areas, "FORK_MIN_PARTS", 0)
    made = _forks(monkeypatch)
    started: list[int] = []

    def cancelled(self):
        started.extend(p._pid for p in made if p._function is suggest_areas.union_parts)
        raise OperationCancelled()

    monkeypatch.setattr(suggest_chosen.ChosenMeasures, "numbers", cancelled)
    path = tmp_path / "plan.gpkg"
    open_plan(path, "tester")[0].close()
    with pytest.raises(OperationCancelled):
        suggest_plan(read_inputs(request_), SuggestRequest(path, 0.17, "X"))
    assert started and all(pid is not None for pid in started)
    for pid in started:
        with pytest.raises(ChildProcessError):  # reaped: no zombie, no process
            os.waitpid(pid, os.WNOHANG)
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)
    store, _ = open_plan(path, "tester")
    with store:
        assert [s.name for s in store.scenarios()] == []  # nothing stored
