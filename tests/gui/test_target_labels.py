"""Target labels come from the target itself (who set it, its share, its year), in every
municipality: no label table keyed on "aalborg_17", no "–" row for a target that does not
apply there (issue 21 §4)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from naturplan.core.analysis.assessment import Totals
from naturplan.core.plan.ledger import LedgerResult, ProjectedGap
from naturplan.core.plan.scenarios import Scenario
from naturplan.core.share.targets import NATIONAL_20, Target, TargetGap, targets_for
from naturplan.text.labels import target_label

M_AREA = 100_000_000.0  # 100 km²
NOW, PROJECTED = 10_000_000.0, 12_000_000.0
ODENSE_25 = Target(key="odense_25", name="Odense Kommune 25 %", share=0.25,
                   source="a made-up council decision", holder="Odense Kommune")


def _gap(target: Target, protected: float) -> TargetGap:
    missing = target.share * M_AREA - protected  # by hand, not gap_to
    return TargetGap(target=target, gap_m2=max(missing, 0.0), surplus_m2=max(-missing, 0.0))


def _ledger(targets: tuple[Target, ...]) -> LedgerResult:
    return LedgerResult(
        municipality_area_m2=M_AREA, current_area_m2=NOW, area_m2=PROJECTED,
        gain_m2=PROJECTED - NOW, gain_m2_by_kind={"lowland": PROJECTED - NOW},
        gain_m2_by_candidate={}, count=1,
        gaps=tuple(ProjectedGap(t, _gap(t, NOW), _gap(t, PROJECTED)) for t in targets))


def test_a_label_is_built_from_the_target():
    assert target_label(ODENSE_25, "da") == "Odense Kommune 25 %"
    assert target_label(NATIONAL_20, "da") == "Grøn trepart 20 % (2030)"
    assert target_label(NATIONAL_20, "en") == "Green Tripartite 20 % (2030)"
    half = Target(key="k", name="K", share=0.175, source="s", holder="Aalborg Kommune")
    assert target_label(half, "da") == "Aalborg Kommune 17,5 %"
    assert target_label(half, "en") == "Aalborg Kommune 17.5 %"
    assert target_label(Target(key="k", name="Eget mål", share=0.3, source="s"), "en") \
        == "Eget mål"


def test_the_ledger_panel_says_the_same_words_as_the_dashboard(qtbot):
    from naturplan.gui.ledger_view import LedgerPanel

    panel = LedgerPanel()
    qtbot.addWidget(panel)
    panel.set_result(_ledger(targets_for("0851")), "da")
    texts = [panel.gaps.itemAtPosition(row, 0).widget().text() for row in (1, 2)]
    assert texts == ["Aalborg Kommune 17 %", "Grøn trepart 20 % (2030)"]


class _Session(QObject):
    project_changed = Signal()
    scenarios_changed = Signal()
    plan_edited = Signal(object)
    store = None
    plan = None


class _Controller(QObject):
    network_ready = Signal(object)
    network_deferred = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.session = _Session()


def test_a_scenario_in_another_municipality_shows_its_own_targets(qtbot):
    from naturplan.gui.analysis.scenario_dock import ScenarioDock

    dock = ScenarioDock(_Controller())
    qtbot.addWidget(dock)
    result_targets = (ODENSE_25, *targets_for("0461"))  # Odense: the national 20 % only
    totals = Totals(candidates=1, area_m2=PROJECTED - NOW, reduction_t=0.0, sequestration_t=0.0,
                    conflicts_m2={}, flood_m2=None)
    from naturplan.core.analysis.scenarios import ScenarioResult
    dock.show_results([ScenarioResult(Scenario.new("Forslag"), ("a",), (), _ledger(result_targets),
                                      totals)])
    table = dock.table
    rows = {table.verticalHeaderItem(r).text(): table.item(r, 0).text()
            for r in range(table.rowCount())}
    assert rows["Mangler til Odense Kommune 25 %"] == "1.300 ha"  # 25 km² − 12 km²
    assert rows["Mangler til Grøn trepart 20 % (2030)"] == "800 ha"  # 20 km² − 12 km²
    assert not [title for title in rows if "17" in title]  # Aalborg's target is not Odense's
    assert "–" not in [rows[t] for t in rows if t.startswith("Mangler til")]
