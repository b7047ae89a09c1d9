"""Issue 24 §4: where IIC was left out for the network's size the panel shows a dash and the
reason, in Danish, never a 0."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from naturplan.core.analysis.connectivity import ConnectivityIndices
from naturplan.gui.analysis.panel import AnalysisPanel


def test_the_network_section_gives_the_reason_for_a_missing_iic(qtbot):
    panel = AnalysisPanel()
    qtbot.addWidget(panel)
    panel.show()
    now = ConnectivityIndices(4.3e10, 141_733, 4.4e9, 2.7e17, 1e15, None, 6_405_427_963)
    panel.show_network(now, None)
    text = panel.findChild(QLabel, "analysis_network").text()
    assert "IIC –" in text and "IIC 0" not in text
    assert "IIC er ikke beregnet" in text and "6,41·10⁹ par" in text
    assert "141.733 " in text and "141733" not in text  # the patches in Danish thousands
    computed = ConnectivityIndices(4.3e10, 10, 4.4e9, 2.7e17, 1e15, 1e17)
    panel.show_network(computed, None)
    assert "ikke beregnet" not in panel.findChild(QLabel, "analysis_network").text()
