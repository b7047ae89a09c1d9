"""How one layer is drawn in the layer panel: the name on the first line, the source on a
second, smaller line; what does not fit is elided in the middle (the tooltip has it whole),
and "synthetic sample" is never elided away.

The item's text is ``"name\\nsource"``; the synthetic tag is kept apart in :data:`TAG_ROLE`.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

#: Item data: the tag shown after the source ("syntetisk eksempel"), or "".
TAG_ROLE = Qt.ItemDataRole.UserRole + 2
SOURCE_COLOR = "#5a5a5a"
TAG_COLOR = "#6a4c00"
#: The source line's font size relative to the name's.
SMALL = 0.85
PAD = 2
#: Left, centred, and not clipped to the line (an underscore hangs below it).
_FLAGS = (Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
          | Qt.TextFlag.TextDontClip)


def split_text(text: str) -> tuple[str, str]:
    """``"name\\nsource"`` → (name, source); Qt hands a display text's line break over as
    U+2028 (line separator)."""
    title, _, source = (text or "").replace("\u2028", "\n").partition("\n")
    return title, source


class LayerItemDelegate(QStyledItemDelegate):
    """Two lines per layer, elided in the middle to the panel's width; *compact*: one line,
    the name first and the source (small) after it in what room is left."""

    #: One line per layer (the layer panel's tree, issue 20); False: two lines.
    compact = False
    #: Item data that marks a row as a heading, painted as Qt paints it (the groups).
    heading_role: int | None = None

    @staticmethod
    def small_font(font: QFont) -> QFont:
        small = QFont(font)
        if small.pointSizeF() > 0:
            small.setPointSizeF(small.pointSizeF() * SMALL)
        else:
            small.setPixelSize(max(1, round(small.pixelSize() * SMALL)))
        return small

    def lines(self, font: QFont, text: str, tag: str, width: int) -> tuple[str, str, str]:
        """What fits in *width* pixels: (name, source, tag), elided in the middle."""
        title, source = split_text(text)
        metrics = QFontMetrics(font)
        small = QFontMetrics(self.small_font(font))
        tag_text = f" · {tag}" if tag else ""
        tag_w = small.horizontalAdvance(tag_text)
        if tag_w > width:
            tag_text = small.elidedText(tag_text, Qt.TextElideMode.ElideRight, width)
            tag_w = small.horizontalAdvance(tag_text)
        shown_title = metrics.elidedText(title, Qt.TextElideMode.ElideMiddle, width)
        shown_source = small.elidedText(source, Qt.TextElideMode.ElideMiddle,
                                        max(width - tag_w, 0))
        return shown_title, shown_source, tag_text

    def compact_lines(self, font: QFont, text: str, tag: str, width: int
                      ) -> tuple[str, str, str]:
        """What one line of *width* pixels shows: the name whole if it fits, then the
        source elided in the middle, the tag last (kept before the source)."""
        title, source = split_text(text)
        metrics = QFontMetrics(font)
        small = QFontMetrics(self.small_font(font))
        shown_title = metrics.elidedText(title, Qt.TextElideMode.ElideMiddle, width)
        room = width - metrics.horizontalAdvance(shown_title) - small.horizontalAdvance("  ")
        tag_text = f" · {tag}" if tag else ""
        if small.horizontalAdvance(tag_text) > room:
            tag_text = small.elidedText(tag_text, Qt.TextElideMode.ElideRight, max(room, 0))
        room -= small.horizontalAdvance(tag_text)
        shown_source = small.elidedText(source, Qt.TextElideMode.ElideMiddle, max(room, 0))
        return shown_title, shown_source, tag_text

    def _is_heading(self, index: QModelIndex | QPersistentModelIndex) -> bool:
        return self.heading_role is not None and index.data(self.heading_role) is not None

    def text_rect(self, option: QStyleOptionViewItem) -> QRect:
        style = option.widget.style() if option.widget else None
        if style is None:
            return option.rect
        return style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option,
                                    option.widget)

    def displayed(self, view: QAbstractItemView, index: QModelIndex) -> tuple[str, str, str]:
        """The (name, source, tag) that the row *index* of *view* shows now (tests)."""
        opt = QStyleOptionViewItem()
        opt.initFrom(view.viewport())
        opt.rect = view.visualRect(index)
        opt.widget = view
        opt.decorationSize = view.iconSize()
        opt.font = view.font()
        self.initStyleOption(opt, index)
        rect = self.text_rect(opt).adjusted(PAD, PAD, -PAD, -PAD)
        lines = self.compact_lines if self.compact else self.lines
        return lines(opt.font, opt.text, str(index.data(TAG_ROLE) or ""), rect.width())

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        if self._is_heading(index):
            super().paint(painter, option, index)
            return
        if self.compact:
            self._paint_compact(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is None:
            return
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        opt.text = text
        rect = self.text_rect(opt).adjusted(PAD, PAD, -PAD, -PAD)
        tag = str(index.data(TAG_ROLE) or "")
        title, source, tag_text = self.lines(opt.font, text, tag, rect.width())
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        metrics = QFontMetrics(opt.font)
        painter.setFont(opt.font)
        painter.setPen(opt.palette.color(group))
        painter.drawText(QRect(rect.left(), rect.top(), rect.width(), metrics.height()),
                         _FLAGS, title)
        small_font = self.small_font(opt.font)
        small = QFontMetrics(small_font)
        line = QRect(rect.left(), rect.top() + metrics.height(), rect.width(), small.height())
        painter.setFont(small_font)
        painter.setPen(opt.palette.color(group) if selected else QColor(SOURCE_COLOR))
        painter.drawText(line, _FLAGS, source)
        if tag_text:
            painter.setPen(opt.palette.color(group) if selected else QColor(TAG_COLOR))
            at = line.adjusted(small.horizontalAdvance(source), 0, 0, 0)
            painter.drawText(at, _FLAGS, tag_text)
        painter.restore()

    def _paint_compact(self, painter: QPainter, option: QStyleOptionViewItem,
                       index: QModelIndex | QPersistentModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text, opt.text = opt.text, ""
        style = opt.widget.style() if opt.widget else None
        if style is None:
            return
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        rect = self.text_rect(opt).adjusted(PAD, 0, -PAD, 0)
        title, source, tag_text = self.compact_lines(opt.font, text,
                                                     str(index.data(TAG_ROLE) or ""),
                                                     rect.width())
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        metrics = QFontMetrics(opt.font)
        painter.setFont(opt.font)
        painter.setPen(opt.palette.color(group))
        painter.drawText(rect, _FLAGS, title)
        small_font = self.small_font(opt.font)
        small = QFontMetrics(small_font)
        at = rect.adjusted(metrics.horizontalAdvance(title) + small.horizontalAdvance("  "),
                           0, 0, 0)
        painter.setFont(small_font)
        painter.setPen(opt.palette.color(group) if selected else QColor(SOURCE_COLOR))
        painter.drawText(at, _FLAGS, source)
        if tag_text:
            painter.setPen(opt.palette.color(group) if selected else QColor(TAG_COLOR))
            painter.drawText(at.adjusted(small.horizontalAdvance(source), 0, 0, 0), _FLAGS,
                             tag_text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem,  # noqa: N802
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        base = super().sizeHint(option, index)
        if self.compact or self._is_heading(index):
            line = QFontMetrics(option.font).height() + 2 * PAD
            return QSize(min(base.width(), 120), max(line, option.decorationSize.height() + 2))
        metrics = QFontMetrics(option.font)
        small = QFontMetrics(self.small_font(option.font))
        height = metrics.height() + small.height() + 2 * PAD + 2
        # The width is the panel's: the text is elided to it, never scrolled.
        return QSize(min(base.width(), 120), max(base.height(), height))
