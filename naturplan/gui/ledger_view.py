"""The live ledger on the dashboard: what the candidate areas do to the protected share.

Shows :meth:`Ledger.result` as the core computed it (no second computation): projected share,
the gap to each target now and with the candidates, and new nature per kind.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from naturplan.core.plan.ledger import AREA_KINDS, LedgerResult
from naturplan.text.labels import kind_label, target_label
from naturplan.text.numbers import format_ha, format_share

PROJECTED_COLOR = "#8cc63f"


class LedgerPanel(QWidget):
    """Projected share, gaps now → projected, and gain per kind (hectares)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel("<b>{}</b>".format(self.tr("With the candidate areas")))
        self.title.setToolTip(self.tr("Gap to target: hectares of protected nature missing "
                                      "to reach it, now and with the counting areas."))
        self.projected = QLabel("–")
        self.projected.setObjectName("projected_share")
        font = self.projected.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.projected.setFont(font)
        self.projected.setStyleSheet("color: #4f7f1f;")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.gaps = QGridLayout()
        self.kinds = QGridLayout()
        layout.addWidget(self.title)
        layout.addWidget(self.projected)
        layout.addWidget(self.summary)
        layout.addLayout(self.gaps)
        layout.addSpacing(4)
        layout.addLayout(self.kinds)
        self.result: LedgerResult | None = None

    def _label(self, grid: QGridLayout, row: int, col: int, name: str = "",
               right: bool = False) -> QLabel:
        """The label at (row, col) of *grid*, made once and reused on every edit."""
        item = grid.itemAtPosition(row, col)
        if item is not None and isinstance(item.widget(), QLabel):
            return item.widget()  # type: ignore[return-value]
        label = QLabel()
        if name:
            label.setObjectName(name)
        if right:
            label.setAlignment(Qt.AlignmentFlag.AlignRight)
        grid.addWidget(label, row, col)
        return label

    def set_result(self, result: LedgerResult, lang: str = "da") -> None:
        self.result = result
        self.projected.setText(self.tr("%1 projected").replace(
            "%1", format_share(result.share, lang)))
        self.summary.setText(
            self.tr("%1 counting areas add %2 of new nature (now %3). Overlaps with "
                    "protected nature and between areas are counted once.")
            .replace("%1", str(result.count))
            .replace("%2", format_ha(result.gain_m2, 1, lang))
            .replace("%3", format_share(result.current_share, lang)))
        header = [self.tr("Gap to target"), self.tr("now"), self.tr("projected")]
        for col, text in enumerate(header):
            self._label(self.gaps, 0, col, right=col > 0).setText(f"<i>{text}</i>")
        for row, gap in enumerate(result.gaps, start=1):
            name = self._label(self.gaps, row, 0)
            name.setText(target_label(gap.target, lang))
            name.setToolTip(gap.target.source)
            for col, g in ((1, gap.current), (2, gap.projected)):
                when = "now" if col == 1 else "projected"
                text = self.tr("reached") if g.reached else format_ha(g.gap_m2, 0, lang)
                self._label(self.gaps, row, col, f"gap_{gap.target.key}_{when}", True).setText(
                    f"<b>{text}</b>" if col == 2 else text)
        self.gaps.setColumnStretch(0, 1)
        self._label(self.kinds, 0, 0).setText("<i>{}</i>".format(self.tr("New nature by kind")))
        for row, kind in enumerate(AREA_KINDS, start=1):
            self._label(self.kinds, row, 0).setText(kind_label(kind, lang))
            self._label(self.kinds, row, 1, f"gain_{kind.value}", True).setText(
                format_ha(result.gain_m2_by_kind.get(kind.value, 0.0), 1, lang))
        self.kinds.setColumnStretch(0, 1)
