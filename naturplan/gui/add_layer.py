"""File → Add layer: choose the role, and map the fields when the schema is not a known one."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from naturplan.core.errors import FieldMappingError
from naturplan.core.layers.roles import LOADABLE_ROLES, ROLE_SPECS, Role
from naturplan.core.layers.style import LayerStyle
from naturplan.io.loading import LayerRequest
from naturplan.text.i18n import error_text


class RoleDialog(QDialog):
    """Which role the chosen file plays, and the CRS to assume if it declares none."""

    def __init__(self, file_name: str, styles: Mapping[Role, LayerStyle], lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add layer"))
        form = QFormLayout()
        self.role = QComboBox()
        for role in LOADABLE_ROLES:
            self.role.addItem(styles[role].title.get(lang) if role in styles else role.value,
                              role)
        self.crs = QLineEdit()
        self.crs.setPlaceholderText(self.tr("only if the file has none, e.g. 25832"))
        form.addRow(self.tr("File"), QLabel(file_name))
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Assume CRS (EPSG)"), self.crs)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(buttons)

    def chosen_role(self) -> Role:
        return self.role.currentData()

    def assume_crs(self) -> str | None:
        return self.crs.text().strip() or None


class FieldMappingDialog(QDialog):
    """For each of the role's fields, the source field it comes from (or none)."""

    def __init__(self, role: Role, columns: Sequence[str], message: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Map fields"))
        self.role = role
        intro = QLabel(message)
        intro.setWordWrap(True)
        form = QFormLayout()
        self.combos: dict[str, QComboBox] = {}
        spec = ROLE_SPECS[role]
        lowered = {c.lower(): c for c in columns}
        for name in spec.fields:
            combo = QComboBox()
            combo.addItem(self.tr("(none)"), None)
            for column in columns:
                combo.addItem(column, column)
            guess = lowered.get(name.lower())
            if guess is not None:
                combo.setCurrentIndex(combo.findData(guess))
            label = f"{name} *" if name in spec.required else name
            form.addRow(label, combo)
            self.combos[name] = combo
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(intro)
        box.addLayout(form)
        box.addWidget(QLabel(self.tr("* required")))
        box.addWidget(buttons)

    def mapping(self) -> dict[str, str]:
        return {name: c.currentData() for name, c in self.combos.items() if c.currentData()}


def ask_field_mapping(request: LayerRequest, error: FieldMappingError, lang: str,
                      parent: QWidget | None = None) -> LayerRequest | None:
    """*request* with the field mapping the user chooses (the dialog lists the file's
    fields and says *error*), or None if they cancel.

    Raises
    ------
    NaturplanError
        If the file's fields cannot be read.
    """
    from naturplan.io.vector import list_fields

    columns = list_fields(request.path, request.layer)
    dialog = FieldMappingDialog(request.role, columns, error_text(error, lang), parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.mapping():
        return None
    return dataclasses.replace(request, fields=dialog.mapping())
