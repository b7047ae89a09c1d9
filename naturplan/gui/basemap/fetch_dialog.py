"""File → Hent data…: which service, which layer, which role, which file."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from naturplan.core.layers.roles import LOADABLE_ROLES, Role
from naturplan.core.layers.style import LayerStyle
from naturplan.gui.workers import Task
from naturplan.io.paths import user_data_dir
from naturplan.io.services.basemaps import split_secret
from naturplan.io.services.presets import FeaturePreset, feature_presets
from naturplan.io.services.provenance import layer_name_for
from naturplan.io.services.tokens import token_name_for
from naturplan.text.i18n import error_text

OWN_URL = "__url__"


@dataclass(frozen=True)
class FetchChoice:
    """What the user chose: service URL (no token), layer, token name, role, output file."""

    url: str
    layer: str
    token: str | None
    role: Role
    out: Path


def default_output(layer: str) -> Path:
    """Where a fetched layer goes unless the user says otherwise."""
    return user_data_dir() / "services" / f"{layer_name_for(layer)}.gpkg"


class FetchDialog(QDialog):
    """Choose a preset (Miljøportal, Dataforsyningen) or a URL, a layer, its role, a file."""

    def __init__(self, styles: Mapping[Role, LayerStyle], lang: str = "da",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Fetch data from a web service"))
        self.lang, self.styles = lang, styles
        self.presets: dict[str, FeaturePreset] = feature_presets()
        self.task: Task | None = None
        self.service = QComboBox()
        self.service.setObjectName("fetch_service")
        for name, preset in self.presets.items():
            self.service.addItem(preset.title_for(lang), name)
        self.service.addItem(self.tr("Own URL (WFS 2.0 or OGC API – Features)…"), OWN_URL)
        self.url = QLineEdit()
        self.url.setObjectName("fetch_url")
        self.url.setPlaceholderText("https://…/wfs  ·  https://…/ogcapi")
        self.list_button = QPushButton(self.tr("List layers"))
        self.layer = QComboBox()
        self.layer.setObjectName("fetch_layer")
        self.layer.setEditable(True)
        self.role = QComboBox()
        self.role.setObjectName("fetch_role")
        for role in LOADABLE_ROLES:
            self.role.addItem(styles[role].title.get(lang) if role in styles else role.value,
                              role)
        self.out = QLineEdit()
        self.out.setObjectName("fetch_out")
        browse = QPushButton("…")
        browse.clicked.connect(self._browse)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #8a5a00;")
        form = QFormLayout()
        form.addRow(self.tr("Service"), self.service)
        url_row = QHBoxLayout()
        url_row.addWidget(self.url, 1)
        url_row.addWidget(self.list_button)
        form.addRow(self.tr("URL"), url_row)
        form.addRow(self.tr("Layer"), self.layer)
        form.addRow(self.tr("Role"), self.role)
        out_row = QHBoxLayout()
        out_row.addWidget(self.out, 1)
        out_row.addWidget(browse)
        form.addRow(self.tr("Save as"), out_row)
        note = QLabel(self.tr("The layer is fetched for the municipality's extent and loaded "
                              "in its role; the project remembers where it came from."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Fetch"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(note)
        box.addWidget(self.message)
        box.addWidget(buttons)
        self.resize(620, self.sizeHint().height())
        self.service.currentIndexChanged.connect(self._service_changed)
        self.layer.currentIndexChanged.connect(self._layer_changed)
        self.list_button.clicked.connect(self.list_layers)
        self._service_changed()

    def _preset(self) -> FeaturePreset | None:
        return self.presets.get(str(self.service.currentData()))

    def _service_changed(self) -> None:
        preset = self._preset()
        self.url.setReadOnly(preset is not None)
        self.list_button.setEnabled(preset is None)
        self.layer.clear()
        if preset is not None:
            self.url.setText(preset.url)
            for layer in preset.layers:
                self.layer.addItem(f"{layer.title_for(self.lang)} ({layer.name})", layer.name)
        else:
            self.url.clear()
        self._layer_changed()

    def _layer_changed(self) -> None:
        preset, name = self._preset(), self.layer_name()
        if preset is not None:
            role = next((la.role for la in preset.layers if la.name == name), None)
            if role is not None:
                self.role.setCurrentIndex(max(self.role.findData(role), 0))
        if name:
            self.out.setText(str(default_output(name)))

    def layer_name(self) -> str:
        data = self.layer.currentData()
        if data and self.layer.currentText() == self.layer.itemText(self.layer.currentIndex()):
            return str(data)
        return self.layer.currentText().strip()

    def list_layers(self) -> None:
        """Ask the service at the URL for its layers (in a worker thread)."""
        from naturplan.io.services.features import list_layers

        url, token = split_secret(self.url.text().strip())
        if not url:
            return
        token = token or token_name_for(urlsplit(url).hostname or "")
        self.message.setText(self.tr("Asking the service…"))
        self.list_button.setEnabled(False)
        task = Task(lambda progress, cancelled: list_layers(url, token), self)
        task.succeeded.connect(self._listed)
        task.failed.connect(lambda exc: self.message.setText(error_text(exc, self.lang)))
        task.done.connect(lambda: self.list_button.setEnabled(True))
        self.task = task
        task.start()

    def _listed(self, result: tuple[str, list]) -> None:
        kind, layers = result
        self.layer.clear()
        for layer in layers:
            self.layer.addItem(f"{layer.title} ({layer.name})", layer.name)
        self.message.setText(self.tr("%1 layers (%2).").replace("%1", str(len(layers)))
                             .replace("%2", "OGC API – Features" if kind == "ogcapi"
                                      else "WFS"))

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save as"), self.out.text(),
                                              "GeoPackage (*.gpkg)")
        if path:
            self.out.setText(path if path.endswith(".gpkg") else path + ".gpkg")

    def _accept(self) -> None:
        if self.choice() is None:
            self.message.setText(self.tr("Give a URL, a layer and a file."))
            return
        self.accept()

    def choice(self) -> FetchChoice | None:
        """What to fetch, or None if something is missing."""
        preset = self._preset()
        raw = preset.url if preset is not None else self.url.text().strip()
        layer, out = self.layer_name(), self.out.text().strip()
        if not raw or not layer or not out:
            return None
        url, token = split_secret(raw)
        if preset is not None:
            token = preset.token
        else:
            token = token or token_name_for(urlsplit(url).hostname or "")
        return FetchChoice(url, layer, token, self.role.currentData(), Path(out))
