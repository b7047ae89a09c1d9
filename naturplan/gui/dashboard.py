"""The protected-share dashboard: the core's number as a bar with the target marks.

It shows :meth:`Dataset.protected` as computed by the core (no second computation): the
share in Danish number format, the gap to each target in hectares, the breakdown by §3
type and which roles count. Under the big number, what the number alone would hide
(:func:`naturplan.core.notices.dataset_notices`: 0 % because no protected layer was loaded,
or because its features all lie outside the municipality), in the words the command line
uses (:func:`naturplan.text.notices.notice_text`).
"""

from __future__ import annotations

import html
from collections.abc import Mapping

from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from naturplan.core.layers.dataset import Dataset
from naturplan.core.layers.layer import Layer
from naturplan.core.layers.style import LayerStyle
from naturplan.core.notices import Notice, dataset_notices
from naturplan.core.plan.ledger import LedgerResult
from naturplan.core.share.protected import ProtectedShare
from naturplan.gui.ledger_view import PROJECTED_COLOR, LedgerPanel
from naturplan.text.labels import target_label
from naturplan.text.notices import notice_text
from naturplan.text.numbers import format_ha, format_km2, format_percent, format_share

BAR_COLOR = "#3f8f4f"
SYNTHETIC_COLOR = "#6a4c00"  # the layer panel's colour for synthetic layers
#: The notices under the big number: calm, readable, not an alarm.
NOTICE_STYLE = ("QLabel { background: #fdf3d7; color: #4d3a00; border: 1px solid #e3c66f;"
                " border-left: 4px solid #d9a400; border-radius: 3px; padding: 5px 7px; }")


class ShareBar(QWidget):
    """A horizontal bar: the protected share, with a tick and label at each target."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.share = 0.0
        #: The projected share with the counting candidates (None: no ledger yet).
        self.projected: float | None = None
        self.targets: list[tuple[float, str]] = []
        self.lang = "da"
        self.setMinimumHeight(60)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_values(self, share: float, targets: list[tuple[float, str]], lang: str) -> None:
        self.share, self.targets, self.lang = share, targets, lang
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        top_max = max([t for t, _ in self.targets] + [self.share, self.projected or 0]) * 1.25
        full = max(0.25, top_max)
        margin = 8.0
        bar = QRectF(margin, 20, self.width() - 2 * margin, 18)
        painter.setPen(QPen(QColor("#9aa5ad"), 1))
        painter.setBrush(QColor("#eef1f3"))
        painter.drawRoundedRect(bar, 3, 3)
        filled = QRectF(bar.left(), bar.top(), bar.width() * min(self.share / full, 1.0),
                        bar.height())
        painter.setPen(Qt.PenStyle.NoPen)
        if self.projected is not None and self.projected > self.share:
            projected = QRectF(bar.left(), bar.top(),
                               bar.width() * min(self.projected / full, 1.0), bar.height())
            painter.setBrush(QColor(PROJECTED_COLOR))
            painter.drawRoundedRect(projected, 3, 3)
        painter.setBrush(QColor(BAR_COLOR))
        painter.drawRoundedRect(filled, 3, 3)
        small = QFont(self.font())
        small.setPointSizeF(max(small.pointSizeF() * 0.85, 7))
        painter.setFont(small)
        for value, _name in self.targets:
            x = bar.left() + bar.width() * value / full
            painter.setPen(QPen(QColor("#b03a2e"), 2))
            painter.drawLine(int(x), int(bar.top()) - 4, int(x), int(bar.bottom()) + 4)
            painter.setPen(QColor("#7a2a20"))
            text = format_percent(value, 0, self.lang)
            painter.drawText(QRectF(x - 40, 0, 80, 16), Qt.AlignmentFlag.AlignCenter, text)
        painter.setPen(QColor("#555"))
        painter.drawText(QRectF(bar.left(), bar.bottom() + 4, 40, 16),
                         Qt.AlignmentFlag.AlignLeft, "0 %")
        painter.end()


class FitScrollArea(QScrollArea):
    """A scroll area whose page is never squeezed below the height its wrapped texts need
    at the current width: the rows scroll instead of being cut (the §3 type list)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)

    def refit(self) -> None:
        """Set the page's minimum size from its layout at the viewport's width."""
        body = self.widget()
        layout = body.layout() if body is not None else None
        if layout is None:
            return
        layout.activate()
        width = max(self.viewport().width(), layout.totalMinimumSize().width())
        height = (layout.totalHeightForWidth(width) if layout.hasHeightForWidth()
                  else layout.totalSizeHint().height())
        body.setMinimumSize(layout.totalMinimumSize().width(), max(height, 0))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.refit()


class DashboardDock(QDockWidget):
    """Protected share, gaps to the targets, breakdown by §3 type, definition."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Protected nature"), parent)
        self.setObjectName("dashboard_dock")
        self.lang = "da"
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(10, 8, 10, 8)
        self.headline = QLabel("–")
        font = self.headline.font()
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        self.headline.setFont(font)
        self.headline.setStyleSheet(f"color: {BAR_COLOR};")
        #: Said beside the big number when the share is computed from a synthetic layer.
        self.synthetic_label = QLabel(self.tr("synthetic sample"))
        self.synthetic_label.setStyleSheet(f"color: {SYNTHETIC_COLOR}; font-weight: bold;")
        self.synthetic_label.setToolTip(self.tr(
            "The share is computed from generated sample data, not from real data."))
        self.synthetic_label.setVisible(False)
        head_row = QHBoxLayout()
        head_row.addWidget(self.headline)
        head_row.addWidget(self.synthetic_label, 1, Qt.AlignmentFlag.AlignBottom)
        self.subtitle = QLabel(self.tr("of the municipality is protected nature"))
        #: Why the number may not be what it seems (core/notices.py), one sentence a line.
        self.notices = QLabel()
        self.notices.setObjectName("dashboard_notices")
        self.notices.setWordWrap(True)
        self.notices.setTextFormat(Qt.TextFormat.PlainText)  # layer names are file names
        self.notices.setStyleSheet(NOTICE_STYLE)
        self.notices.setVisible(False)
        self.bar = ShareBar()
        self.gaps = QGridLayout()
        self.types = QGridLayout()
        self.types_title = QLabel("<b>{}</b>".format(self.tr("By §3 nature type")))
        self.definition = QLabel()
        self.definition.setWordWrap(True)
        self.definition.setStyleSheet("color: #555;")
        layout.addLayout(head_row)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.notices)
        layout.addWidget(self.bar)
        layout.addLayout(self.gaps)
        #: A plan area of several municipalities: one line each (issue 22 item 3).
        self.municipalities = QLabel()
        self.municipalities.setWordWrap(True)
        self.municipalities.setVisible(False)
        layout.addWidget(self.municipalities)
        layout.addSpacing(6)
        self.ledger = LedgerPanel()
        self.ledger.setVisible(False)
        layout.addWidget(self.ledger)
        layout.addSpacing(6)
        layout.addWidget(self.types_title)
        layout.addLayout(self.types)
        layout.addSpacing(6)
        layout.addWidget(self.definition)
        layout.addStretch(1)
        self._sections = layout
        scroll = FitScrollArea()
        scroll.setWidget(body)
        self.scroll = scroll
        self.setWidget(scroll)
        self.share: ProtectedShare | None = None
        self.dataset: Dataset | None = None
        #: The notices shown (data; the label holds their sentences).
        self.shown_notices: list[Notice] = []

    @staticmethod
    def _clear(grid: QGridLayout) -> None:
        while grid.count():
            item = grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()

    def add_section(self, widget: QWidget, after: QWidget | None = None) -> None:
        """Show *widget* under the §3 breakdown (other parts add theirs: nature at risk), or
        right under *after* (the plan's totals under the ledger)."""
        at = (self._sections.indexOf(after) + 1 if after is not None
              else self._sections.indexOf(self.definition))
        self._sections.insertWidget(at, widget)

    def show_loading(self) -> None:
        self.headline.setText("…")

    def set_dataset(self, dataset: Dataset) -> None:
        """Say what there is to say about *dataset* from now on, again whenever a layer is
        added or removed (``Dataset.changed``); the share comes with :meth:`set_share`."""
        if self.dataset is not None:
            self.dataset.changed.disconnect(self.show_notices)
        self.dataset = dataset
        dataset.changed.connect(self.show_notices)
        self._name_the_area(dataset)

    def _name_the_area(self, dataset: Dataset) -> None:
        """Under the big number: "of the municipality", or the plan area by its names
        ("af Aalborg, Rebild og Vesthimmerlands Kommuner", a catchment's name; issue 22)."""
        from naturplan.text.plan_area import area_with_municipalities, is_single

        single = is_single(dataset.municipality)
        self.subtitle.setWordWrap(not single)  # the names may be long: never a scroll bar
        if single:
            self.subtitle.setText(self.tr("of the municipality is protected nature"))
        else:
            self.subtitle.setText(self.tr("of %1 is protected nature").replace(
                "%1", area_with_municipalities(dataset.municipality, self.lang)))

    def show_notices(self) -> None:
        """The dataset's notices under the big number (hidden when there are none)."""
        notices = ([] if self.dataset is None or self.share is None
                   else dataset_notices(self.dataset, self.share))
        self.shown_notices = notices
        texts = [notice_text(n, self.lang) for n in notices]
        bullet = "• " if len(texts) > 1 else ""
        self.notices.setText("\n".join(bullet + text for text in texts))
        self.notices.setVisible(bool(texts))
        QTimer.singleShot(0, self.scroll.refit)

    def sentences_about(self, layer: Layer) -> list[str]:
        """The shown notices that name *layer*, as sentences (what Add layer says about it:
        features left out, none inside the municipality)."""
        label = layer.source.label
        return [notice_text(n, self.lang) for n in self.shown_notices
                if n.params.get("layer") == label]

    def set_share(
        self,
        share: ProtectedShare,
        styles: Mapping[str, LayerStyle],
        lang: str = "da",
        synthetic: bool = False,
    ) -> None:
        """Show *share*; *styles* (by role name) give titles and §3 type colours;
        *synthetic* when a layer it is computed from is synthetic sample data."""
        self.share, self.lang = share, lang
        if self.dataset is not None:
            self._name_the_area(self.dataset)  # in the language now known
        self.synthetic_label.setVisible(synthetic)
        self.headline.setText(format_share(share.share, lang))
        self.bar.set_values(
            share.share, [(gap.target.share, target_label(gap.target, lang))
                          for gap in share.targets], lang
        )
        self._clear(self.gaps)
        for row, gap in enumerate(share.targets):
            name = QLabel(target_label(gap.target, lang))
            name.setToolTip(gap.target.source)
            if gap.reached:
                text = self.tr("reached (+%1)").replace("%1", format_ha(gap.surplus_m2, 0, lang))
            else:
                text = self.tr("missing %1").replace("%1", format_ha(gap.gap_m2, 0, lang))
            value = QLabel(f"<b>{text}</b>")
            value.setAlignment(Qt.AlignmentFlag.AlignRight)
            self.gaps.addWidget(name, row, 0)
            self.gaps.addWidget(value, row, 1)
        self._show_types(share, styles.get("nature_p3"), lang)
        titles = [styles[r].title.get(lang) if r in styles else r for r in share.roles]
        self.definition.setText(
            self.tr("Counts as protected: %1. Share = area of the union of these layers "
                    "inside the municipality ÷ the municipality's area (%2). Overlaps are "
                    "counted once.")
            .replace("%1", ", ".join(titles) or "–")
            .replace("%2", format_km2(share.municipality_area_m2, 1, lang))
        )
        self.show_notices()  # refits the page after the old rows are gone

    def set_municipalities(self, lines: list[str]) -> None:
        """One line per municipality of a plan area of several (hidden for one)."""
        self.municipalities.setText(
            "" if not lines else "<b>" + self.tr("By municipality") + "</b><br>"
            + "<br>".join(html.escape(line) for line in lines))
        self.municipalities.setVisible(bool(lines))
        QTimer.singleShot(0, self.scroll.refit)

    def set_ledger(self, result: LedgerResult, lang: str = "da") -> None:
        """Show the live ledger (projected share, gaps, gain per kind) and the projected
        share on the bar."""
        self.ledger.set_result(result, lang)
        self.ledger.setVisible(True)
        self.bar.projected = result.share
        self.bar.update()
        QTimer.singleShot(0, self.scroll.refit)

    def _show_types(self, share: ProtectedShare, style: LayerStyle | None, lang: str) -> None:
        self._clear(self.types)
        self.types_title.setVisible(bool(share.by_type))
        total = share.municipality_area_m2 or 1.0
        for row, (name, area) in enumerate(share.by_type.items()):
            swatch = QLabel()
            swatch.setFixedSize(14, 14)
            color = style.symbol_for(name).fill if style else "#999999"
            swatch.setStyleSheet(f"background: {color}; border: 1px solid #666;")
            label = style.categories[style.category_values().index(name)].label.get(lang) \
                if style and name in style.category_values() else name
            self.types.addWidget(swatch, row, 0)
            self.types.addWidget(QLabel(label), row, 1)
            ha = QLabel(format_ha(area, 0, lang))
            ha.setAlignment(Qt.AlignmentFlag.AlignRight)
            pct = QLabel(format_percent(area / total, 1, lang))
            pct.setAlignment(Qt.AlignmentFlag.AlignRight)
            self.types.addWidget(ha, row, 2)
            self.types.addWidget(pct, row, 3)
        self.types.setColumnStretch(1, 1)
