"""The *Hjælp* (Help) menu: keyboard shortcuts, data sources, emission factors, About.

Everything shown is read from where it is kept, never written twice: the shortcuts from the
window's own actions, the sources from ``layers/SOURCES.md`` and the loaded layers'
metadata, the emission factors from the table files in ``resources/factors/`` (if any).
"""

from __future__ import annotations

import platform
import tomllib
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

import PySide6
from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMainWindow,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

import naturplan
from naturplan.gui.map.map_layers import MapLayerList
from naturplan.io.paths import layers_dir, resource

TAB_SHORTCUTS, TAB_SOURCES, TAB_FACTORS, TAB_ABOUT = range(4)


def _tr(text: str) -> str:
    return QCoreApplication.translate("HelpDialog", text)


def menu_actions(menus: Iterable[QMenu]) -> list[QAction]:
    """Every action of *menus* (and their submenus) in menu order, each once."""
    seen: set[int] = set()
    out = []
    for menu in menus:
        for action in menu.actions():
            sub = action.menu()
            items = menu_actions([sub]) if isinstance(sub, QMenu) else [action]
            for item in items:
                if id(item) not in seen:
                    seen.add(id(item))
                    out.append(item)
    return out


class HelpHost(Protocol):
    """What the Help menu needs of the window: its menu bar (the shortcuts are read from its
    menus), the layers on the map (their sources) and the language."""

    lang: str
    layers: MapLayerList

    def main_window(self) -> QMainWindow:
        """The window whose menu bar holds the Help menu; the parent of the dialog."""
        ...


def shortcut_rows(window: HelpHost) -> list[tuple[str, str]]:
    """(keys, what) for every menu action with a shortcut, then the map's own keys."""
    bar = window.main_window().menuBar()
    menus = [menu for a in bar.actions() if isinstance(menu := a.menu(), QMenu)]
    rows = []
    for action in menu_actions(menus):
        # As the menus write them ("Ctrl+Skift+Z" in Danish), not the portable "Shift".
        keys = ", ".join(seq.toString(QKeySequence.SequenceFormat.NativeText)
                         for seq in action.shortcuts() if not seq.isEmpty())
        if keys:
            rows.append((keys, action.text().replace("&", "")))
    rows += [
        (_tr("Arrow keys"), _tr("Pan the map")),
        ("+ / −", _tr("Zoom in / out")),
        (_tr("Mouse wheel"), _tr("Zoom at the mouse pointer")),
        (_tr("Enter, double-click"), _tr("Finish the shape being drawn")),
        (_tr("Backspace"), _tr("Remove the last point drawn")),
        (_tr("Esc"), _tr("Cancel the shape being drawn or the current drag")),
        (_tr("Shift+click"), _tr("Add to the selection; trace a boundary while drawing")),
        (_tr("Middle mouse button, or Space held + drag"),
         _tr("Pan the map in any tool (a shape being drawn is kept)")),
    ]
    return rows


def sources_markdown(layers: Iterable[Any], lang: str) -> str:
    """The shipped sources and licences (``layers/SOURCES.md``) and what is loaded now."""
    lines = [f"## {_tr('Layers loaded now')}", "",
             f"| {_tr('Layer')} | {_tr('File')} | {_tr('File date')} | {_tr('Notes')} |",
             "|---|---|---|---|"]
    for entry in layers:
        source = entry.layer.source
        notes = []
        if source.synthetic:
            notes.append(f"**{_tr('synthetic sample, not real data')}**")
        if source.description:
            notes.append(source.description.replace("\n", " ").replace("|", "/")[:200])
        lines.append(f"| {entry.style.title.get(lang)} | {source.label} | "
                     f"{_file_date(source.path)} | {' · '.join(notes)} |")
    shipped = layers_dir() / "SOURCES.md"
    lines += ["", f"## {_tr('Shipped data: sources and licences')}", ""]
    if shipped.exists():
        text = shipped.read_text(encoding="utf-8")
        lines.append(text.split("\n", 1)[1] if text.startswith("# ") else text)
    else:
        lines.append(_tr("The list of shipped sources (layers/SOURCES.md) is missing."))
    return "\n".join(lines)


def _file_date(path: Path) -> str:
    try:
        return datetime.fromtimestamp(Path(path).stat().st_mtime).strftime("%d-%m-%Y")
    except OSError:
        return "–"


def factors_markdown() -> str:
    """Each climate factor table in ``resources/factors/``: its id, version, source and
    licence; a plain sentence when there is none yet."""
    folder = resource("factors")
    tables = sorted(folder.glob("*.toml")) if folder.is_dir() else []
    if not tables:
        return _tr("No emission-factor table is installed yet: the climate numbers for "
                   "candidate areas are not available in this version.")
    parts = []
    for path in tables:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            parts.append(f"## {path.name}\n\n{_tr('Cannot be read:')} {exc}")
            continue
        table = data.get("table", {})
        head = f"## {table.get('title') or path.stem}"
        meta = f"{_tr('Table')} `{table.get('id', path.stem)}`, {_tr('version')} " \
               f"{table.get('version', '–')} ({path.name})"
        body = [head, "", meta, "", f"**{_tr('Source')}:** {table.get('source', '–')}"]
        if table.get("licence"):
            body += ["", f"**{_tr('Licence')}:** {table['licence']}"]
        for section in ("klima_lavbund", "afforestation"):
            if isinstance(data.get(section), dict) and data[section].get("source"):
                body += ["", f"**{section}:** {data[section]['source']}"]
        parts.append("\n".join(body))
    return "\n\n".join(parts)


def about_markdown() -> str:
    """Name, version, what it is, the versions it runs on, the data's attribution."""
    return "\n".join([
        f"# naturplan {naturplan.__version__}",
        "",
        _tr("Desktop GIS for municipal nature planning in Denmark: how far protected nature "
            "is from the target, candidate areas and their effect, everything that applies "
            "to a parcel, maps for the city council."),
        "",
        f"Python {platform.python_version()} · PySide6 {PySide6.__version__} · "
        f"Qt {qVersion()}",
        "",
        _tr("Boundaries: © SDFI (Geodatastyrelsen), DAGI. Bird protection areas: "
            "Miljøstyrelsen via Danmarks Miljøportal (CC0). The parcels, §3 nature, habitat "
            "sites, lowland, flood and afforestation layers of the sample are synthetic: made "
            "for testing and demonstration, not Aalborg's data."),
    ])


class HelpDialog(QDialog):
    """One window with a tab for each Help entry; the menu opens it at that tab."""

    def __init__(self, window: HelpHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("help_dialog")
        self.setWindowTitle(self.tr("naturplan – help"))
        self.resize(820, 600)
        self.window_ = window
        self.tabs = QTabWidget()
        self.shortcuts = QTableWidget(0, 2)
        self.shortcuts.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Does")])
        self.shortcuts.verticalHeader().setVisible(False)
        self.shortcuts.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch)
        self.shortcuts.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.sources = QTextBrowser()
        self.factors = QTextBrowser()
        self.about = QTextBrowser()
        for browser in (self.sources, self.factors, self.about):
            browser.setOpenExternalLinks(True)
        self.tabs.addTab(self.shortcuts, self.tr("Keyboard shortcuts"))
        self.tabs.addTab(self.sources, self.tr("Data sources"))
        self.tabs.addTab(self.factors, self.tr("Emission factors"))
        self.tabs.addTab(self.about, self.tr("About"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)

    def refresh(self) -> None:
        """Fill every tab from what the window holds now."""
        rows = shortcut_rows(self.window_)
        self.shortcuts.setRowCount(len(rows))
        for i, (keys, text) in enumerate(rows):
            for j, value in enumerate((keys, text)):
                item = QTableWidgetItem(value)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.shortcuts.setItem(i, j, item)
        self.shortcuts.resizeColumnToContents(0)
        self.sources.setMarkdown(sources_markdown(self.window_.layers, self.window_.lang))
        self.factors.setMarkdown(factors_markdown())
        self.about.setMarkdown(about_markdown())

    def show_tab(self, tab: int) -> None:
        self.refresh()
        self.tabs.setCurrentIndex(tab)
        self.show()
        self.raise_()


def build_help_menu(window: HelpHost) -> tuple[QMenu, HelpDialog]:
    """The Help menu on *window*'s menu bar and the dialog its entries open."""
    frame = window.main_window()
    menu = frame.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Help"))
    dialog = HelpDialog(window, frame)
    entries = [
        (_tr("Keyboard shortcuts"), TAB_SHORTCUTS, "F1"),
        (_tr("Data sources and licences"), TAB_SOURCES, None),
        (_tr("Emission factors"), TAB_FACTORS, None),
        (_tr("About naturplan"), TAB_ABOUT, None),
    ]
    for text, tab, key in entries:
        action = menu.addAction(text)
        action.setObjectName(f"action_help_{tab}")
        if key:
            action.setShortcut(key)
        action.triggered.connect(lambda _=False, t=tab: dialog.show_tab(t))
    return menu, dialog
