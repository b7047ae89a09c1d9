"""Print presets: paper, orientation, panel and text sizes, in editable TOML files.

The presets live in ``resources/print_presets/*.toml`` (found through
:func:`naturplan.io.paths.resource`); a planner may edit them or add one. Each file is read
with the same care as a style file: a mistake is reported with the file and the key.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from naturplan.core.errors import ExportError
from naturplan.core.layers.style import Labels
from naturplan.io.paths import resource
from naturplan.pagemodel.page import PAPER_MM, PrintPreset

DEFAULT_PRESET = "byraadsmoede_a3_liggende"


_NUMBERS = ("margin_mm", "panel_mm", "dpi", "title_pt", "subtitle_pt", "text_pt", "small_pt")
_CHOICES = {"paper": tuple(PAPER_MM), "orientation": ("portrait", "landscape"),
            "panel": ("right", "bottom")}


def presets_dir() -> Path:
    """``resources/print_presets``."""
    return resource("print_presets")


def parse_preset(key: str, data: dict[str, Any], where: str) -> PrintPreset:
    """A :class:`PrintPreset` from parsed TOML *data*.

    Raises
    ------
    ExportError
        If a key is unknown or a value is not what it should be.
    """
    allowed = {"name", "ledger", *_NUMBERS, *_CHOICES}
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise ExportError("{file}: unknown key(s) {keys}.", file=where, keys=", ".join(unknown))
    values: dict[str, Any] = {}
    for name in _NUMBERS:
        if name in data:
            value = data[name]
            if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
                raise ExportError("{file}: '{key}' must be a positive number, got {value}.",
                                  file=where, key=name, value=repr(value))
            values[name] = float(value)
    for name, choices in _CHOICES.items():
        if name in data:
            if data[name] not in choices:
                raise ExportError("{file}: '{key}' must be one of {choices}, got {value}.",
                                  file=where, key=name, choices=", ".join(choices),
                                  value=repr(data[name]))
            values[name] = data[name]
    if "ledger" in data:
        values["ledger"] = bool(data["ledger"])
    raw_name = data.get("name", key)
    if isinstance(raw_name, dict):
        name = Labels(str(raw_name.get("da", key)), str(raw_name.get("en", "")))
    else:
        name = Labels(str(raw_name), str(raw_name))
    return PrintPreset(key=key, name=name, **values)


def load_preset(path: Path) -> PrintPreset:
    """Read one preset file.

    Raises
    ------
    ExportError
        If the file cannot be read or is not a valid preset.
    """
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise ExportError("{file} is not valid TOML: {reason}", file=path.name,
                          reason=str(exc)) from None
    except OSError as exc:
        raise ExportError("Cannot read {file}: {reason}", file=str(path),
                          reason=exc.strerror or str(exc)) from None
    return parse_preset(path.stem, data, path.name)


def list_presets(folder: Path | None = None) -> list[PrintPreset]:
    """Every preset in *folder* (default ``resources/print_presets``), by file name."""
    folder = folder or presets_dir()
    return [load_preset(path) for path in sorted(folder.glob("*.toml"))]


def find_preset(name: str | None, folder: Path | None = None) -> PrintPreset:
    """The preset named *name*: its file name, or its Danish or English name (any case);
    the council's A3 landscape preset when *name* is None.

    Raises
    ------
    ExportError
        If there is no such preset (the message lists the ones there are).
    """
    wanted = (name or DEFAULT_PRESET).strip().lower().removesuffix(".toml")
    presets = list_presets(folder)
    for preset in presets:
        if wanted in (preset.key.lower(), preset.name.da.lower(), preset.name.en.lower()):
            return preset
    raise ExportError("No print preset '{name}'. Presets: {names}.", name=name or "",
                      names=", ".join(p.key for p in presets) or "–")
