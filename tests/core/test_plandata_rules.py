"""The Plandata check (issue 22, item 1) on hand-made plans: theme per kind and mark, status
mapping, ideas left out, a self-crossing polygon refused with its id and place, a candidate
partly outside the municipality clipped (the removed area equals plain shapely's difference)
and one wholly outside refused."""

from __future__ import annotations

import pytest
import shapely
from shapely.geometry import Polygon, box

from naturplan.core.national import plandata as rules
from naturplan.core.national.marks import NationalRecord, PlanFacts
from naturplan.core.national.plandata import check_plan, plandata_status
from naturplan.core.plan.candidates import Candidate, CandidateKind, CandidateStatus
from naturplan.io.national import load_plandata_model

X0, Y0 = 550_000.0, 6_320_000.0
MUNICIPALITY = box(X0, Y0, X0 + 10_000, Y0 + 10_000)
FACTS = PlanFacts(plan_id=None, plan_name="Kommuneplan 2026", date_proposed="2026-03-01",
                  date_adopted="2026-09-15")


def _cand(cid: str, kind: str, status: str, geom: Polygon) -> Candidate:
    # built directly, not with Candidate.new: the store may hold what another program wrote
    return Candidate(cid, CandidateKind(kind), f"navn {cid}", geom, CandidateStatus(status))


@pytest.fixture(scope="module")
def model():  # type: ignore[no-untyped-def]
    return load_plandata_model()


def test_each_kind_goes_to_its_theme_and_a_mark_overrides(model) -> None:  # type: ignore[no-untyped-def]
    plan = [_cand("skov", "afforestation", "adopted", box(X0 + 100, Y0 + 100, X0 + 300, Y0 + 300)),
            _cand("lav", "lowland", "proposed", box(X0 + 400, Y0 + 100, X0 + 600, Y0 + 300)),
            _cand("korr", "connectivity", "adopted", box(X0 + 700, Y0 + 100, X0 + 900, Y0 + 150)),
            _cand("gdk", "lowland", "adopted", box(X0 + 1000, Y0 + 100, X0 + 1200, Y0 + 300)),
            _cand("ide", "lowland", "idea", box(X0 + 1300, Y0 + 100, X0 + 1400, Y0 + 300)),
            _cand("nej", "lowland", "rejected", box(X0 + 1500, Y0 + 100, X0 + 1600, Y0 + 300))]
    record = NationalRecord(FACTS).with_mark("gdk", plandata_theme="1114")
    check = check_plan(plan, record, "0851", MUNICIPALITY, ("F", "V"), model)
    got = {f.candidate_id: (f.theme, f.status, f.values["temakode"], f.values["komnr"])
           for f in check.features}
    assert got == {"skov": ("1112", "V", 1112, 851), "lav": ("1113", "F", 1113, 851),
                   "korr": ("1115", "V", 1115, 851), "gdk": ("1114", "V", 1114, 851)}
    assert {(left.candidate_id, left.reason) for left in check.left_out} == {
        ("ide", rules.IDEA), ("nej", rules.REJECTED)}
    assert check.refused == ()
    skov = next(f for f in check.features if f.candidate_id == "skov")
    assert skov.values["datovedt"] == "2026-09-15" and skov.values["skovrejs"] == 1
    assert skov.geometry.geom_type == "MultiPolygon"
    assert skov.geometry.area == pytest.approx(200 * 200)


@pytest.mark.parametrize("status, chosen, expected", [
    ("proposed", ("F", "V"), "F"), ("proposed", ("KF", "V"), "KF"), ("proposed", ("V",), None),
    ("adopted", ("F", "KV"), "KV"), ("adopted", ("V",), "V"), ("idea", ("F", "V", "KF"), None),
    ("rejected", ("F", "V"), None),
])
def test_statuses_map_to_plandata_codes(model, status, chosen, expected) -> None:  # type: ignore[no-untyped-def]
    assert plandata_status(CandidateStatus(status), chosen, model) == expected


def test_a_self_crossing_polygon_is_refused_with_its_id_and_place(model) -> None:  # type: ignore[no-untyped-def]
    bowtie = Polygon([(X0 + 100, Y0 + 100), (X0 + 300, Y0 + 300), (X0 + 300, Y0 + 100),
                      (X0 + 100, Y0 + 300)])
    assert not bowtie.is_valid
    plan = [_cand("sloejfe", "lowland", "adopted", bowtie),
            _cand("god", "lowland", "adopted", box(X0 + 400, Y0 + 100, X0 + 600, Y0 + 300))]
    check = check_plan(plan, NationalRecord(FACTS), "0851", MUNICIPALITY, ("V",), model)
    assert [f.candidate_id for f in check.refused] == ["sloejfe"]
    finding = check.refused[0].findings[0]
    assert finding.what == rules.SELF_CROSSING
    # the rings cross where the diagonals meet: (X0 + 200, Y0 + 200)
    assert (finding.params["x"], finding.params["y"]) == pytest.approx((X0 + 200, Y0 + 200))


def test_partly_outside_is_clipped_and_wholly_outside_refused(model) -> None:  # type: ignore[no-untyped-def]
    over = box(X0 + 9_800, Y0 + 100, X0 + 10_300, Y0 + 500)  # 300 m of 500 m outside
    away = box(X0 + 20_000, Y0, X0 + 20_100, Y0 + 100)
    plan = [_cand("over", "afforestation", "adopted", over),
            _cand("ude", "afforestation", "adopted", away)]
    check = check_plan(plan, NationalRecord(FACTS), "0851", MUNICIPALITY, ("V",), model)
    by_id = {f.candidate_id: f for f in check.features}
    clipped = by_id["over"]
    assert not clipped.refused
    outside = shapely.difference(over, MUNICIPALITY).area
    assert outside == pytest.approx(300 * 400)
    assert clipped.findings[0].what == rules.CLIPPED
    assert clipped.findings[0].params["m2"] == pytest.approx(outside)
    assert clipped.findings[0].params["share"] == pytest.approx(0.6)
    assert clipped.geometry.area == pytest.approx(200 * 400)
    assert shapely.covers(MUNICIPALITY, clipped.geometry)
    assert [f.what for f in by_id["ude"].findings] == [rules.OUTSIDE] and by_id["ude"].refused


def test_required_fields_and_code_lists_are_checked(model) -> None:  # type: ignore[no-untyped-def]
    plan = [_cand("a", "lowland", "adopted", box(X0, Y0, X0 + 100, Y0 + 100))]
    no_date = NationalRecord(PlanFacts(plan_name="Plan", date_proposed="2026-03-01"))
    check = check_plan(plan, no_date, "0851", MUNICIPALITY, ("V",), model)
    assert [(f.what, dict(f.params)) for f in check.refused[0].findings] == [
        (rules.MISSING_FIELD, {"field": "datovedt"})]
    bad_date = NationalRecord(PlanFacts(plan_name="Plan", date_proposed="2026-03-01",
                                        date_adopted="2026-02-30"))
    check = check_plan(plan, bad_date, "0851", MUNICIPALITY, ("V",), model)
    assert [(f.what, f.params["field"]) for f in check.refused[0].findings] == [
        (rules.CODE_VALUE, "datovedt")]
    unknown = NationalRecord(FACTS).with_mark("a", plandata_theme="1199")
    check = check_plan(plan, unknown, "0851", MUNICIPALITY, ("V",), model)
    assert check.refused[0].findings[0].params == {"field": "temakode", "value": "1199"}


def test_the_model_names_its_source_and_every_theme(model) -> None:  # type: ignore[no-untyped-def]
    assert "Datamodel for upload og download" in model.source
    assert set(model.themes) == {"1112", "1113", "1114", "1115"}
    assert model.statuses == ("KF", "F", "KV", "V", "A") and model.crs == 25832
    assert all(len(spec.name) <= 10 for code in model.themes for spec in model.fields(code))
