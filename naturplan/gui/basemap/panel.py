"""The basemap's row in the layer panel, and the dialogs for an own URL and a token."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from naturplan.core.errors import NaturplanError
from naturplan.gui.basemap.controller import BasemapController
from naturplan.io.services.basemaps import basemap_presets, split_secret
from naturplan.io.services.tokens import (
    DATAFORSYNINGEN,
    env_variable,
    set_token,
    token_source,
)
from naturplan.text.i18n import error_text

#: The user's own basemap URLs (redacted: their tokens live in the keyring).
KEY_CUSTOM = "basemap/custom"
ADD_OWN = "__add__"


def custom_urls(settings: QSettings) -> list[str]:
    value = settings.value(KEY_CUSTOM, [])
    if isinstance(value, str):
        value = [value]
    return [str(v) for v in (value or []) if str(v).strip()]


class BasemapPanel(QWidget):
    """Basemap: shown or not, which one (presets, own URLs, add one), opacity."""

    def __init__(self, controller: BasemapController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("basemap_panel")
        self.controller = controller
        self.check = QCheckBox(self.tr("Basemap"))
        self.combo = QComboBox()
        self.combo.setObjectName("basemap_combo")
        # A long URL must not widen the layer panel (and narrow the map).
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(10)
        self.opacity = QSlider(Qt.Orientation.Horizontal)
        self.opacity.setObjectName("basemap_opacity")
        self.opacity.setRange(0, 100)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.info.setStyleSheet("color: #555;")
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 4, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.check)
        top.addWidget(self.combo, 1)
        box.addLayout(top)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Opacity")))
        row.addWidget(self.opacity, 1)
        box.addLayout(row)
        box.addWidget(self.info)
        self.refresh()
        self.check.toggled.connect(controller.set_visible)
        self.combo.activated.connect(self._chosen)
        self.opacity.valueChanged.connect(lambda v: controller.set_opacity(v / 100.0))
        controller.changed.connect(self.refresh)

    def refresh(self) -> None:
        """Show what the controller holds."""
        controller = self.controller
        lang = controller.lang
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem(self.tr("None"), "none")
        for name, preset in basemap_presets().items():
            self.combo.addItem(preset.title_for(lang), name)
        for url in custom_urls(controller.settings):
            self.combo.addItem(url, url)
        self.combo.addItem(self.tr("Add own URL…"), ADD_OWN)
        index = self.combo.findData(controller._storable(controller.spec) or "none")
        if index < 0 and controller.spec:
            self.combo.insertItem(self.combo.count() - 1, controller.spec, controller.spec)
            index = self.combo.count() - 2
        self.combo.setCurrentIndex(max(index, 0))
        self.combo.blockSignals(False)
        self.check.blockSignals(True)
        self.check.setChecked(controller.visible)
        self.check.blockSignals(False)
        self.opacity.blockSignals(True)
        self.opacity.setValue(round(controller.opacity * 100))
        self.opacity.blockSignals(False)
        source = controller.source
        if controller.error is not None:
            self.info.setText(error_text(controller.error, lang))
        elif source is not None:
            self.info.setText(source.attribution or source.title)
            self.info.setToolTip(f"{source.kind.value.upper()} · {source.template}")
        else:
            self.info.setText("")

    def _chosen(self, index: int) -> None:
        value = self.combo.itemData(index)
        if value == ADD_OWN:
            dialog = OwnBasemapDialog(self)
            if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.url():
                self.refresh()
                return
            value = remember_url(self.controller.settings, dialog.url())
        self.controller.set_basemap(str(value))
        self.refresh()


def remember_url(settings: QSettings, url: str) -> str:
    """Keep *url* among the user's own basemaps (its token, if any, only in memory)."""
    clean, _ = split_secret(url.strip())
    urls = custom_urls(settings)
    if clean not in urls:
        settings.setValue(KEY_CUSTOM, [*urls, clean])
    return url.strip()


class OwnBasemapDialog(QDialog):
    """Asks for a WMTS, WMS or XYZ URL."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Own basemap"))
        self.edit = QLineEdit()
        self.edit.setMinimumWidth(460)
        self.edit.setPlaceholderText("https://…/{z}/{x}/{y}.png  ·  …?service=WMTS  ·  "
                                     "…?service=WMS&layers=…")
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr(
            "A WMTS or WMS capabilities URL, or an XYZ tile URL with {z}, {x} and {y}. "
            "Name a layer with layer=… (WMTS) or layers=… (WMS).")))
        form.addRow(self.tr("URL"), self.edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def url(self) -> str:
        return self.edit.text().strip()


class TokenDialog(QDialog):
    """The user's Dataforsyningen token, kept in the OS keyring (never in a file of ours)."""

    def __init__(self, parent: QWidget | None = None, name: str = DATAFORSYNINGEN,
                 lang: str = "da") -> None:
        super().__init__(parent)
        self.name, self.lang = name, lang
        self.setWindowTitle(self.tr("Dataforsyningen token"))
        self.edit = QLineEdit()
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.setMinimumWidth(360)
        where = token_source(name)
        state = {"environment": self.tr("A token is set in the environment (%1).")
                 .replace("%1", env_variable(name)),
                 "keyring": self.tr("A token is kept in the keyring."),
                 "": self.tr("No token is set.")}[where]
        form = QFormLayout(self)
        text = QLabel(self.tr(
            "Skærmkort, ortofoto, DAGI and Matriklen from Dataforsyningen need your own free "
            "token (dataforsyningen.dk). It is kept in the system keyring, never in a "
            "project file; or set %1 in the environment.").replace("%1", env_variable(name)))
        text.setWordWrap(True)
        form.addRow(text)
        form.addRow(QLabel(state))
        form.addRow(self.tr("Token"), self.edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _save(self) -> None:
        try:
            set_token(self.name, self.edit.text())
        except NaturplanError as exc:
            QMessageBox.warning(self, self.windowTitle(), error_text(exc, self.lang))
            return
        self.accept()
