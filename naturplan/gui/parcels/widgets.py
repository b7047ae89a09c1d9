"""The case worker's widgets: the search box in the toolbar and the parcel card dock.

They only present: the words come from :mod:`naturplan.export.parcel_card` and
:mod:`naturplan.text.parcel_search` (the same as the command line and the PDF); the
:class:`~naturplan.gui.parcels.controller.ParcelController` does the work.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from naturplan.core.parcels.search import Suggestion
from naturplan.export.parcel_card import CardText
from naturplan.gui.icons import icon
from naturplan.text.parcel_search import SearchMessage, suggestion_text


class ParcelSearchBox(QLineEdit):
    """The toolbar's search field: a parcel ("7a, Nørre Vadum By") or an address.

    Enter asks for the search; Down moves into the suggestions of the last miss; Esc clears.
    """

    search_requested = Signal(str)
    down_pressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("parcel_search")
        self.setPlaceholderText(self.tr("Find parcel or address (Ctrl+F)"))
        self.setToolTip(self.tr("Matrikelnummer and ejerlav (\"7a, Nørre Vadum By\", "
                                "\"60851 6\") or an address (\"Vesterbro 14, 9000\")"))
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(260)
        self.returnPressed.connect(self._submit)

    def _submit(self) -> None:
        text = self.text().strip()
        if text:
            self.search_requested.emit(text)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Down:
            self.down_pressed.emit()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.clear()
            return
        super().keyPressEvent(event)


class ParcelCardDock(QDockWidget):
    """The status card of the parcel found (or what was not found, with "Mente du: …?")."""

    suggestion_chosen = Signal(object)  # Suggestion
    save_pdf_requested = Signal()
    zoom_requested = Signal()
    tolerance_changed = Signal(float, float)  # min area m², min width m

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Parcel"), parent)
        self.setObjectName("parcel_card_dock")
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.message = QLabel(body)
        self.message.setWordWrap(True)
        self.message.setObjectName("parcel_message")
        self.suggestions = QListWidget(body)
        self.suggestions.setObjectName("parcel_suggestions")
        self.suggestions.itemActivated.connect(self._chosen)
        self.suggestions.itemClicked.connect(self._chosen)
        self.browser = QTextBrowser(body)
        self.browser.setObjectName("parcel_card")
        self.browser.setOpenExternalLinks(True)
        buttons = QHBoxLayout()
        self.pdf_button = QPushButton(icon("project_save_as"), self.tr("Save as PDF…"), body)
        self.pdf_button.clicked.connect(self.save_pdf_requested)
        self.zoom_button = QPushButton(icon("zoom_layer"), self.tr("Zoom to parcel"), body)
        self.zoom_button.clicked.connect(self.zoom_requested)
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(self.zoom_button)
        buttons.addStretch(1)
        layout.addWidget(self.message)
        layout.addWidget(self.suggestions)
        layout.addWidget(self.browser, 1)
        layout.addLayout(buttons)
        layout.addLayout(self._tolerance_row(body))
        self.setWidget(body)
        self.text: CardText | None = None
        self._offered: list[Suggestion] = []
        self.show_waiting()

    def _tolerance_row(self, body: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        self.area_box = QDoubleSpinBox(body)
        self.area_box.setRange(0.0, 1000.0)
        self.area_box.setDecimals(1)
        self.area_box.setSuffix(" m²")
        self.width_box = QDoubleSpinBox(body)
        self.width_box.setRange(0.0, 20.0)
        self.width_box.setDecimals(1)
        self.width_box.setSingleStep(0.5)
        self.width_box.setSuffix(" m")
        for box in (self.area_box, self.width_box):
            box.setKeyboardTracking(False)
            box.valueChanged.connect(self._tolerance)
        row.addWidget(QLabel(self.tr("Slivers: under"), body))
        row.addWidget(self.area_box)
        row.addWidget(QLabel(self.tr("or narrower than"), body))
        row.addWidget(self.width_box)
        row.addStretch(1)
        return row

    def set_tolerance(self, area: float, width: float) -> None:
        """Show the sliver tolerance without announcing a change."""
        for box, value in ((self.area_box, area), (self.width_box, width)):
            box.blockSignals(True)
            box.setValue(value)
            box.blockSignals(False)

    def _tolerance(self) -> None:
        self.tolerance_changed.emit(self.area_box.value(), self.width_box.value())

    # -- what is shown ----------------------------------------------------------------
    def show_waiting(self, text: str = "") -> None:
        self.text = None
        self.message.setText(text or self.tr("Search for a parcel or an address, or click "
                                             "the map with Identify."))
        self.message.setVisible(True)
        self.suggestions.clear()
        self.suggestions.setVisible(False)
        self.browser.clear()
        self.pdf_button.setEnabled(False)
        self.zoom_button.setEnabled(False)

    def show_miss(self, said: SearchMessage, suggestions: list[Suggestion]) -> None:
        """What was not found and the nearest matches (click or Enter picks one)."""
        self.show_waiting(said.message)
        self._offered = list(suggestions)
        if suggestions:
            self.message.setText(f"{said.message}\n{self.tr('Did you mean:')}")
            for suggestion in suggestions:
                item = QListWidgetItem(suggestion_text(suggestion))
                item.setData(Qt.ItemDataRole.UserRole, self.suggestions.count())
                self.suggestions.addItem(item)
            self.suggestions.setVisible(True)
            self.suggestions.setCurrentRow(0)
        self.raise_()

    def focus_suggestions(self) -> None:
        if self.suggestions.isVisible() and self.suggestions.count():
            self.suggestions.setFocus()

    def _chosen(self, item: QListWidgetItem) -> None:
        index = int(item.data(Qt.ItemDataRole.UserRole))
        if 0 <= index < len(self._offered):
            self.suggestion_chosen.emit(self._offered[index])

    def show_card(self, text: CardText, forward: bool = True) -> None:
        """The card of the parcel found (brought to the front with *forward*)."""
        self.text = text
        self.message.setVisible(False)
        self.suggestions.clear()
        self.suggestions.setVisible(False)
        self.browser.setHtml(card_html(text))
        self.pdf_button.setEnabled(True)
        self.zoom_button.setEnabled(True)
        if forward:
            self.raise_()

    def plain_text(self) -> str:
        """Everything the dock shows, as text (tests)."""
        return "\n".join([self.message.text() if self.message.isVisible() else "",
                          *(self.suggestions.item(i).text() for i in range(
                              self.suggestions.count())),
                          self.browser.toPlainText()])


def card_html(text: CardText) -> str:
    """The card as HTML for the dock; every text from the data is escaped."""
    e = html.escape
    out = [f"<h3 style='margin:0'>{e(text.title)}</h3>",
           f"<p style='color:#8a1c1c'><b>{e(text.headline)}</b></p>", "<table>"]
    out += [f"<tr><td style='color:#5a5a5a;padding-right:8px'>{e(k)}</td><td>{e(v)}</td></tr>"
            for k, v in text.facts]
    out.append("</table>")
    for section in text.sections:
        out.append(f"<p style='margin-bottom:0'><b>{e(section.heading)}</b> — "
                   f"{e(section.summary)}</p><ul style='margin-top:0'>")
        out += [f"<li>{e(k) + ': ' if k else ''}{e(v)}</li>" for k, v in section.rows]
        out.append("</ul>")
    if text.slivers:
        out.append(f"<p><i>{e(text.slivers)}</i></p>")
    out += [f"<p style='color:#6a4c00'>{e(n)}</p>" for n in text.notes]
    if text.legal:
        out.append(f"<h4>{e(_what_it_means(text))}</h4>")
        for item in text.legal:
            link = f" <a href='{e(item.url)}'>↗</a>" if item.url else ""
            out.append(f"<p><b>{e(item.title)}</b>: {e(item.meaning)}<br>"
                       f"<small>{e(item.law)}{link}</small></p>")
    out.append("<p><small>" + "<br>".join(e(s) for s in text.sources) + "</small></p>")
    out.append(f"<p><small>{e(text.footer)}</small></p>")
    return "\n".join(out)


def _what_it_means(text: CardText) -> str:
    from naturplan.text.i18n import tr

    return tr(text.lang, "parcels", "What it means")
