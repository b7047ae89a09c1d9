"""The analysis panel: what the selected candidate does (issue 11).

It shows the core's :class:`~naturplan.core.analysis.assessment.CandidateAssessment` as
computed (no second computation): the firefighter's tag, CO2e by soil, each Klima-Lavbund
criterion with its number, sequestration, each conflict with its area (in the colour it has
on the map), flood exposure and the connectivity change, then today's network and the
candidates in the firefighter's order. Numbers in the Danish format (text/numbers.py).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from html import escape
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDockWidget, QLabel, QPushButton, QVBoxLayout, QWidget

from naturplan.core.analysis.assessment import CandidateAssessment
from naturplan.core.analysis.climate import Criterion
from naturplan.core.analysis.conflicts import ConflictKind
from naturplan.core.analysis.connectivity import ConnectivityIndices
from naturplan.core.analysis.flood import NatureAtRisk
from naturplan.gui.analysis.overlay import CONFLICT_COLORS
from naturplan.gui.dashboard import FitScrollArea
from naturplan.text.analysis_words import conflict_label, criterion_label, firefighter_label
from naturplan.text.designation_words import check_html as designations_html
from naturplan.text.labels import kind_label
from naturplan.text.numbers import format_ha, format_number, format_percent

PASSED, FAILED = "#2e7d32", "#b03a2e"


def _ha(m2: float, lang: str, decimals: int = 1) -> str:
    return format_ha(m2, decimals, lang)


def _t(value: float, lang: str, decimals: int = 0) -> str:
    return format_number(value, decimals, lang)


_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")

#: A number and its unit (``34 %``, ``48,0 ha``, ``641 t``): kept on one line.
_NUMBER_UNIT = re.compile(r"(\d) (%|ha|t|m|km²)(?=[\s<);,.:]|$)")


def _sci(value: float | None, lang: str) -> str:
    """A small index as a power of ten, as people write it: ``1,76·10⁻⁷`` in Danish."""
    if value is None or not math.isfinite(value):
        return "–"
    if value == 0:
        return "0"
    mantissa, exponent = f"{value:.2e}".split("e")
    mantissa = mantissa.replace(".", ",") if lang == "da" else mantissa
    return f"{mantissa}·10{str(int(exponent)).translate(_SUPERSCRIPT)}"


def keep_units(html: str) -> str:
    """*html* with a non-breaking space between each number and its unit (a narrow panel
    then never puts the unit alone on the next line)."""
    return _NUMBER_UNIT.sub("\\1&nbsp;\\2", html)


class AnalysisPanel(QWidget):
    """The numbers of one candidate (see the module docstring)."""

    #: The planner asked for today's network where it is not measured on load.
    compute_network = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = "da"
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        self.sections: dict[str, QLabel] = {}
        for name in ("title", "firefighter", "climate", "klima_lavbund", "forest",
                     "conflicts", "flood", "nitrogen", "designations", "connectivity",
                     "network", "order", "provenance"):
            label = QLabel()
            label.setObjectName(f"analysis_{name}")
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(label)
            self.sections[name] = label
            if name == "network":
                self.compute_button = QPushButton(self.tr("Compute the habitat network"))
                self.compute_button.setObjectName("analysis_compute_network")
                self.compute_button.clicked.connect(self.compute_network.emit)
                self.compute_button.setVisible(False)
                layout.addWidget(self.compute_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        #: Why today's network is not measured (None: it is, or is being measured).
        self.deferred: Any = None
        self.assessment: CandidateAssessment | None = None
        #: Called after a section changed (the dock refits its scroll area).
        self.on_change: Callable[[], None] | None = None
        #: The municipalities of the patches a candidate joins (issue 25 item 3; None for a
        #: plan area of one municipality); set by the window's analysis.
        self.joined_municipalities: Callable[[CandidateAssessment], tuple[str, ...] | None] \
            | None = None
        self.show_assessment(None)

    def text(self, section: str) -> str:
        """The plain text of a section (for tests and screen readers)."""
        from PySide6.QtGui import QTextDocument

        doc = QTextDocument()
        doc.setHtml(self.sections[section].text())
        return doc.toPlainText().replace("\u00a0", " ")

    def _set(self, name: str, html: str) -> None:
        label = self.sections[name]
        label.setText(keep_units(html))
        label.setVisible(bool(html))
        if self.on_change is not None:
            self.on_change()

    # -- the selected candidate --------------------------------------------------------
    def show_assessment(self, a: CandidateAssessment | None) -> None:
        """Show *a* (None: ask the user to select one candidate)."""
        self.assessment = a
        for name in ("firefighter", "climate", "klima_lavbund", "forest", "conflicts", "flood",
                     "nitrogen", "designations", "connectivity"):
            self._set(name, "")
        if a is None:
            self._set("title", "<i>{}</i>".format(escape(self.tr(
                "Select one candidate area to see what it does."))))
            return
        lang, c = self.lang, a.candidate
        self._set("title", "<b style='font-size:large'>{}</b><br>{} · {}".format(
            escape(c.name or "–"), escape(kind_label(c.kind, lang)), _ha(c.area_m2, lang, 2)))
        self._firefighter(a)
        if a.lowland is not None:
            self._climate(a)
        if a.eligibility is not None:
            self._eligibility(a)
        if a.sequestration is not None:
            self._forest(a)
        self._flood(a)
        self._nitrogen(a)
        self._set("designations", designations_html(a.designations, self.lang))
        self._connectivity(a)

    def _heading(self, text: str) -> str:
        return f"<b>{escape(text)}</b><br>"

    def _firefighter(self, a: CandidateAssessment) -> None:
        f, lang = a.firefighter, self.lang
        parts = self.tr("%1 existing nature, %2 degraded soil, %3 other land").replace(
            "%1", _ha(f.nature_m2, lang)).replace("%2", _ha(f.degraded_m2, lang)).replace(
            "%3", _ha(f.new_m2, lang))
        self._set("firefighter", self._heading(self.tr("Firefighter's rule"))
                  + f"<b>{escape(firefighter_label(f.tag, lang))}</b><br>"
                  + f"<span style='color:#555'>{escape(parts)}</span>")

    def _climate(self, a: CandidateAssessment) -> None:
        lowland, lang = a.lowland, self.lang
        assert lowland is not None
        rows = [self.tr("%1 t CO2e per year (%2 t per ha)")
                .replace("%1", _t(lowland.reduction_t, lang))
                .replace("%2", _t(lowland.reduction_t_per_ha, lang, 1))]
        uses = {"rotation": self.tr("rotation"), "permanent_grass": self.tr("permanent grass")}
        for s in lowland.soils:
            use = uses.get(s.land_use, s.land_use) + ("" if s.use_known else " *")
            rows.append(f"&nbsp;&nbsp;{escape(s.carbon_class)} % · {escape(use)}: "
                        f"{_ha(s.area_m2, lang)} × {_t(s.reduction_t_per_ha, lang, 2)} t/ha")
        if not lowland.soils:
            rows.append("<i>{}</i>".format(escape(self.tr("Not on mapped lowland soil."))))
        if any(not s.use_known for s in lowland.soils):
            rows.append("<span style='color:#555'>* {}</span>".format(escape(self.tr(
                "use not known: the lower permanent-grass factors are used"))))
        self._set("climate", self._heading(self.tr("Lowland withdrawal: CO2e reduction"))
                  + "<br>".join(rows))

    def _eligibility(self, a: CandidateAssessment) -> None:
        result, lang = a.eligibility, self.lang
        assert result is not None
        rows = []
        for c in result.criteria:
            if c.criterion is Criterion.ORGANIC_SHARE:
                value, threshold = format_percent(c.value, 0, lang), format_percent(
                    c.threshold, 0, lang)
            else:
                value = _t(c.value, lang, 1)
                if c.criterion is Criterion.MIN_AREA:
                    value = _ha(c.value * 10_000.0, lang, 1)
                threshold = _t(c.threshold, lang, 0)
            mark, color = ("✓", PASSED) if c.passed else ("✗", FAILED)
            rows.append(f"<span style='color:{color}'><b>{mark}</b></span> "
                        f"{escape(criterion_label(c.criterion, threshold, lang))}: "
                        f"<b>{escape(value)}</b>")
        verdict = self.tr("eligible") if result.eligible else self.tr("not eligible")
        color = PASSED if result.eligible else FAILED
        self._set("klima_lavbund", self._heading(self.tr("Klima-Lavbund"))
                  + f"<span style='color:{color}'><b>{escape(verdict)}</b></span><br>"
                  + "<br>".join(rows))

    def _forest(self, a: CandidateAssessment) -> None:
        seq, lang = a.sequestration, self.lang
        assert seq is not None
        types = {"mixed": self.tr("mixed forest"), "broadleaf": self.tr("broadleaf"),
                 "conifer": self.tr("conifer")}
        self._set("forest", self._heading(self.tr("Afforestation: sequestration"))
                  + escape(self.tr("%1 t CO2 per year (%2, %3 t per ha)")
                           .replace("%1", _t(seq.t_per_year, lang))
                           .replace("%2", types.get(seq.forest_type, seq.forest_type))
                           .replace("%3", _t(seq.rate_t_per_ha, lang, 1))))
        if not a.conflicts:
            self._set("conflicts", self._heading(self.tr("Conflicts"))
                      + escape(self.tr("No conflicts.")))
            return
        rows = []
        for c in a.conflicts:
            color = CONFLICT_COLORS[c.kind]
            # The zone of an unwanted-forest conflict is a code, said by the label already.
            shown = c.details[:4] if c.kind is not ConflictKind.UNWANTED_FOREST else ()
            detail = f" <span style='color:#555'>({escape(', '.join(shown))})</span>" \
                if shown else ""
            rows.append(f"<span style='color:{color}'>■</span> "
                        f"{escape(conflict_label(c.kind, lang))}: <b>{_ha(c.area_m2, lang, 2)}"
                        f"</b>{detail}")
        self._set("conflicts", self._heading(self.tr("Conflicts (hatched on the map)"))
                  + "<br>".join(rows))

    def _flood(self, a: CandidateAssessment) -> None:
        f, lang = a.flood, self.lang
        if f is None:
            return
        text = self.tr("%1 of the area in the flood zone (%2)").replace(
            "%1", format_percent(f.share, 1, lang)).replace("%2", _ha(f.wet_m2, lang, 2))
        if f.wet_m2 > 0 and math.isfinite(f.mean_depth):
            text += "; " + self.tr("mean depth %1 m, max %2 m").replace(
                "%1", _t(f.mean_depth, lang, 2)).replace("%2", _t(f.max_depth, lang, 2))
        self._set("flood", self._heading(self.tr("Flood exposure")) + escape(text))

    def _nitrogen(self, a: CandidateAssessment) -> None:
        """kg N per year over the N-retention layer; without it the reason, never 0."""
        head = self._heading(self.tr("Nitrogen"))
        if a.nitrogen_kg is None:
            self._set("nitrogen", head + "<i>{}</i>".format(escape(self.tr(
                "not measured: no N-retention layer (role n_retention)"))))
            return
        self._set("nitrogen", head + escape(self.tr("%1 kg N per year").replace(
            "%1", _t(a.nitrogen_kg, self.lang))))

    def _connectivity(self, a: CandidateAssessment) -> None:
        ch, lang = a.connectivity, self.lang
        head = self._heading(self.tr("Connectivity (ECA)"))
        if ch is None:
            waiting = self.tr("not computed: today's habitat network is not computed (see "
                              "Habitat network)") if self.deferred is not None else \
                self.tr("measuring…")
            self._set("connectivity", head + f"<i>{escape(waiting)}</i>")
            return
        sign = "+" if ch.delta_eca_m2 >= 0 else "−"
        rows = [self.tr("%1 ECA (%2 PC)").replace(
            "%1", f"{sign}{_ha(abs(ch.delta_eca_m2), lang, 2)}").replace(
            "%2", f"{'+' if ch.delta_pc_percent >= 0 else '−'}"
                  f"{format_number(abs(ch.delta_pc_percent), 2, lang)} %")]
        if len(ch.joins) >= 2:
            rows.append(self.tr("joins %1 patches (%2)").replace("%1", str(len(ch.joins)))
                        .replace("%2", ", ".join(_ha(j.area_m2, lang) for j in ch.joins[:6])))
        elif len(ch.joins) == 1:
            rows.append(self.tr("extends a patch of %1").replace(
                "%1", _ha(ch.joins[0].area_m2, lang)))
        else:
            rows.append(self.tr("a new patch"))
        across = self._across_border(a)
        if across:
            rows.append(across)
        self._set("connectivity", head + "<br>".join(escape(r) for r in rows))

    def _across_border(self, a: CandidateAssessment) -> str:
        """"joins nature in Aalborg and Rebild municipalities" when the patches it joins lie
        in two or more municipalities of the plan area, else ""."""
        names = self.joined_municipalities(a) if self.joined_municipalities else None
        if not names or len(names) < 2:
            return ""
        listed = self.tr("%1 and %2").replace("%1", ", ".join(names[:-1])).replace(
            "%2", names[-1])
        return self.tr("joins nature in %1 municipalities").replace("%1", listed)

    # -- the plan ----------------------------------------------------------------------
    def show_network(self, now: ConnectivityIndices | None,
                     projected: ConnectivityIndices | None, deferred: Any = None) -> None:
        """Today's indices and those with every candidate that is not rejected; *deferred*
        (a :class:`~naturplan.usecases.todays_network.NetworkDeferred`): not measured on
        load, with the reason and the button that measures it."""
        changed = (deferred is None) != (self.deferred is None)
        self.deferred = deferred
        self.compute_button.setVisible(deferred is not None)
        if changed and self.assessment is not None:
            self._connectivity(self.assessment)
        if deferred is not None:
            self._not_computed(deferred)
            return
        if now is None:
            self._set("network", self._heading(self.tr("Habitat network"))
                      + "<i>{}</i>".format(escape(self.tr("measuring…"))))
            return
        lang = self.lang
        rows = [self.tr("today: ECA %1, PC %2, IIC %3, m_eff %4, %5 patches")
                .replace("%1", _ha(now.eca_m2, lang)).replace("%2", _sci(now.pc, lang))
                .replace("%3", _sci(now.iic, lang))
                .replace("%4", _ha(now.meff_m2, lang, 1))
                .replace("%5", format_number(now.patches, 0, lang))]
        if projected is not None:
            rows.append(self.tr("with the candidates: ECA %1 (%2), PC %3, IIC %4, m_eff %5")
                        .replace("%1", _ha(projected.eca_m2, lang))
                        .replace("%2", ("+" if projected.eca_m2 >= now.eca_m2 else "−")
                                 + _ha(abs(projected.eca_m2 - now.eca_m2), lang, 2))
                        .replace("%3", _sci(projected.pc, lang))
                        .replace("%4", _sci(projected.iic, lang))
                        .replace("%5", _ha(projected.meff_m2, lang, 1)))
        skipped = [ix.iic_skipped_pairs for ix in (now, projected)
                   if ix is not None and ix.iic_skipped_pairs is not None]
        if skipped:  # IIC "–": the reason, never a 0 (connectivity_iic.IIC_MAX_PAIRS)
            rows.append(self.tr("IIC is not computed: it counts every pair of linked patches "
                                "however many links apart, here %1 pairs, too many to count "
                                "in reasonable time. PC and ECA are computed.")
                        .replace("%1", _sci(float(max(skipped)), lang)))
        self._set("network", self._heading(self.tr("Habitat network"))
                  + "<br>".join(escape(r) for r in rows))

    def _not_computed(self, deferred: Any) -> None:
        lang = self.lang
        rows = [self.tr("today: not computed"), self.tr("with the candidates: not computed"),
                self.tr("The plan area has %1 protected areas, more than the %2 the network is "
                        "measured for when the data are opened: over the whole country it "
                        "takes a minute or more and close to a gigabyte of memory beside the "
                        "map. Each candidate's change is measured against it once it is "
                        "computed.")
                .replace("%1", format_number(deferred.polygons, 0, lang))
                .replace("%2", format_number(deferred.limit, 0, lang))]
        self._set("network", self._heading(self.tr("Habitat network"))
                  + "<br>".join(escape(r) for r in rows))

    def show_order(self, items: list[tuple[Any, Any]]) -> None:
        """The candidates in the firefighter's order with their tags."""
        if not items:
            self._set("order", "")
            return
        rows = [f"{k}. {escape(c.name or '–')} – {escape(firefighter_label(t.tag, self.lang))}"
                for k, (c, t) in enumerate(items[:40], start=1)]
        self._set("order", self._heading(self.tr("Order by the firefighter's rule"))
                  + "<br>".join(rows))

    def show_provenance(self, provenance: Any) -> None:
        if provenance is None:
            self._set("provenance", "")
            return
        from naturplan.text.factor_words import table_source, table_title

        table = provenance.table
        # The table's name, version and source in the user's language, whole (issue 20).
        text = escape(self.tr("Factor table: %1 (%2, version %3).")
                      .replace("%1", table_title(table, self.lang)).replace("%2", table.id)
                      .replace("%3", str(table.version)))
        text += "<br>" + escape(self.tr("Source: %1").replace(
            "%1", table_source(table, self.lang)))
        if provenance.changed:
            text += "<br><b style='color:#b03a2e'>{}</b>".format(escape(self.tr(
                "The factor table has changed since this project recorded it.")))
        self._set("provenance", f"<span style='color:#555; font-size:small'>{text}</span>")


class AnalysisDock(QDockWidget):
    """The panel in a dock (right side, under the dashboard)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Candidate analysis"), parent)
        self.setObjectName("analysis_dock")
        self.panel = AnalysisPanel()
        self.scroll = FitScrollArea()
        self.scroll.setWidget(self.panel)
        self.setWidget(self.scroll)
        self.panel.on_change = self.scroll.refit


class NatureAtRiskWidget(QLabel):
    """§3 nature in the flood zone by type, strandeng first (on the dashboard)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("nature_at_risk")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.lang = "da"
        self.setVisible(False)

    def show_result(self, result: NatureAtRisk | None) -> None:
        if result is None or not result.types:
            self.setVisible(False)
            return
        lang = self.lang
        rows = ["<b>{}</b>".format(escape(self.tr("Nature at risk: §3 in the flood zone")))]
        rows.append("<table cellspacing='0' cellpadding='1' width='100%'>")
        for t in result.types:
            rows.append(f"<tr><td>{escape(t.nature_type)}</td>"
                        f"<td align='right'>{_ha(t.wet_m2, lang, 0)}</td>"
                        f"<td align='right'>{format_percent(t.wet_share, 1, lang)}</td></tr>")
        rows.append("</table>")
        self.setText(keep_units("".join(rows)))
        self.setVisible(True)
