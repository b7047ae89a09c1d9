"""The scenario chart: one small bar chart per number, a bar per scenario.

Drawn with QPainter beside the comparison table. The share panel has the targets (17 %, 20 %)
as red lines; every bar carries its value in the Danish number format.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

#: Bar colours by scenario position (colour-blind safe, Okabe–Ito).
PALETTE = ("#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442")


@dataclass(frozen=True)
class Metric:
    """One panel: a title, a value per scenario (None = not measured), how to write a value,
    and reference lines (value, label) such as the targets."""

    title: str
    values: Sequence[float | None]
    text: Sequence[str]
    lines: Sequence[tuple[float, str]] = ()


class ScenarioChart(QWidget):
    """Small multiples: :class:`Metric` panels in two columns, one bar per scenario."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scenario_chart")
        self.names: list[str] = []
        self.metrics: list[Metric] = []
        self.setMinimumSize(420, 360)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_data(self, names: Sequence[str], metrics: Sequence[Metric]) -> None:
        self.names, self.metrics = list(names), list(metrics)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        if not self.metrics or not self.names:
            painter.setPen(QColor("#777"))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter,
                             self.tr("No scenarios to compare yet."))
            painter.end()
            return
        legend_h = 22.0
        self._legend(painter, QRectF(8, 4, self.width() - 16, legend_h))
        columns = 2
        rows = (len(self.metrics) + columns - 1) // columns
        cell_w = (self.width() - 16) / columns
        cell_h = (self.height() - legend_h - 12) / max(rows, 1)
        for k, metric in enumerate(self.metrics):
            x = 8 + (k % columns) * cell_w
            y = legend_h + 8 + (k // columns) * cell_h
            self._panel(painter, QRectF(x + 4, y + 2, cell_w - 8, cell_h - 6), metric)
        painter.end()

    def _legend(self, painter: QPainter, rect: QRectF) -> None:
        x = rect.left()
        small = QFont(self.font())
        painter.setFont(small)
        for k, name in enumerate(self.names):
            painter.fillRect(QRectF(x, rect.top() + 5, 12, 12), QColor(PALETTE[k % len(PALETTE)]))
            width = painter.fontMetrics().horizontalAdvance(name) + 28
            painter.setPen(QColor("#222"))
            painter.drawText(QRectF(x + 16, rect.top(), width, rect.height()),
                             Qt.AlignmentFlag.AlignVCenter, name)
            x += width

    def _panel(self, painter: QPainter, rect: QRectF, metric: Metric) -> None:
        painter.setPen(QPen(QColor("#d0d5d9"), 1))
        painter.setBrush(QColor("#f7f9fa"))
        painter.drawRoundedRect(rect, 4, 4)
        title_font = QFont(self.font())
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(QColor("#222"))
        painter.drawText(QRectF(rect.left() + 6, rect.top() + 2, rect.width() - 12, 18),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         metric.title)
        painter.setFont(self.font())
        values = [v for v in metric.values if v is not None]
        top = max([abs(v) for v in values] + [v for v, _ in metric.lines] + [1e-12]) * 1.15
        area = QRectF(rect.left() + 6, rect.top() + 24, rect.width() - 12, rect.height() - 30)
        n = max(len(metric.values), 1)
        label_row = 14.0 if metric.lines else 0.0  # the targets' labels under the bars
        bar_h = min((area.height() - label_row) / n, 22.0)
        label_w = 90.0
        scale = (area.width() - label_w) / top
        ends = []
        for k, value in enumerate(metric.values):
            y = area.top() + k * bar_h
            length = 0.0 if value is None else abs(value) * scale
            color = QColor(PALETTE[k % len(PALETTE)])
            if value is not None and value < 0:
                color = color.lighter(140)
            painter.fillRect(QRectF(area.left(), y + 2, length, bar_h - 4), color)
            ends.append(area.left() + length)
        self._target_lines(painter, metric, area, scale, n * bar_h)
        metrics = painter.fontMetrics()
        for k, text in enumerate(metric.text):
            # The value on a white ground: readable where a target line crosses it.
            box = QRectF(ends[k] + 3, area.top() + k * bar_h + (bar_h - metrics.height()) / 2,
                         metrics.horizontalAdvance(text) + 2, metrics.height())
            painter.fillRect(box, QColor(255, 255, 255, 220))
            painter.setPen(QColor("#222"))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

    def _target_lines(self, painter: QPainter, metric: Metric, area: QRectF, scale: float,
                      bars_h: float) -> None:
        """Dashed lines at the targets (17 %, 20 %), their labels in one row under the bars,
        a label moved right of its neighbour where two lines are close."""
        metrics = painter.fontMetrics()
        right = -1e9
        for value, label in sorted(metric.lines):
            x = area.left() + value * scale
            painter.setPen(QPen(QColor("#b03a2e"), 1.5, Qt.PenStyle.DashLine))
            painter.drawLine(int(x), int(area.top()), int(x), int(area.top() + bars_h))
            width = metrics.horizontalAdvance(label) + 4
            left = max(x - width / 2, right + 4)
            right = left + width
            painter.setPen(QColor("#7a2a20"))
            painter.drawText(QRectF(left, area.top() + bars_h, width, 14),
                             Qt.AlignmentFlag.AlignCenter, label)
