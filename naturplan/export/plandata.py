"""The Plandata files: one shapefile per theme (temakode), the fields of the data model, every
geometry a MultiPolygon in EPSG:25832 (issue 22, item 1).

Written only from a check without refused features (``naturplan.core.national.plandata``);
each file through :func:`naturplan.io.atomic.write_file` (a ``.part`` checked to read back
with every feature, then renamed with its side files). Dates are written as shapefile dates,
numbers as integers, texts in UTF-8 (with a ``.cpg``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from naturplan.core.errors import PlandataRefused
from naturplan.core.national.plandata import FeatureCheck, PlandataCheck
from naturplan.core.national.plandata_model import FieldSpec, PlandataModel
from naturplan.io import verify
from naturplan.io.atomic import write_file

__all__ = ["SHP_SIDECARS", "RemovedTheme", "WrittenTheme", "remove_stale", "theme_path",
           "write_plandata"]

#: The side files of a shapefile that are written and renamed with it.
SHP_SIDECARS = (".shx", ".dbf", ".prj", ".cpg")


@dataclass(frozen=True)
class WrittenTheme:
    """One file written: its theme, path and number of features."""

    theme: str
    path: Path
    features: int


@dataclass(frozen=True)
class RemovedTheme:
    """The file of a theme no longer exported, removed from a folder used before."""

    theme: str
    path: Path


def remove_stale(folder: Path, model: PlandataModel, written: Sequence[str]
                 ) -> list[RemovedTheme]:
    """Remove from *folder* the files of the model's themes that are not in *written* (a
    theme exported before whose areas are gone would else stay and be uploaded again).

    Only what :func:`write_plandata` itself writes is touched, by name: the theme's
    ``.shp`` and its :data:`SHP_SIDECARS`; any other file stays.

    Raises
    ------
    FileWriteError
        If a file cannot be removed.
    """
    from naturplan.core.errors import FileWriteError

    removed = []
    for theme in model.themes:
        if theme in written:
            continue
        path = theme_path(folder, model, theme)
        files = [path, *(path.with_suffix(s) for s in SHP_SIDECARS)]
        present = [f for f in files if f.is_file()]
        if not present:
            continue
        for file in present:
            try:
                file.unlink()
            except OSError as exc:
                raise FileWriteError("Cannot remove {path}: {reason}", path=str(file),
                                     reason=exc.strerror or str(exc)) from None
        removed.append(RemovedTheme(theme, path))
    return removed


def theme_path(folder: Path, model: PlandataModel, theme: str) -> Path:
    """The shapefile of *theme* in *folder*."""
    return Path(folder) / f"{model.themes[theme].file}.shp"


def write_plandata(folder: Path, check: PlandataCheck, model: PlandataModel
                   ) -> list[WrittenTheme]:
    """Write one shapefile per theme of *check*'s features into *folder*.

    Raises
    ------
    PlandataRefused
        If a feature of *check* is refused (nothing is written).
    FileWriteError
        If a file cannot be written (the files already written stay, each complete).
    """
    if check.refused:
        raise PlandataRefused("{n} areas break the rules of Plandata's data model; nothing "
                              "was written.", n=len(check.refused))
    written = []
    for theme, features in check.by_theme().items():
        path = theme_path(folder, model, theme)
        table = _table(features, model.fields(theme))

        def write(part: Path, table: Any = table) -> None:
            import pyogrio

            pyogrio.write_arrow(table, part, driver="ESRI Shapefile",
                                geometry_name="geometry", geometry_type="MultiPolygon",
                                crs=f"EPSG:{model.crs}", encoding="UTF-8")

        write_file(path, write, verify.features(len(features), "Shapefile"),
                   keep_suffix=True, sidecars=SHP_SIDECARS)
        written.append(WrittenTheme(theme, path, len(features)))
    return written


def _table(features: Sequence[FeatureCheck], specs: Sequence[FieldSpec]) -> Any:
    """An Arrow table of *features*: the fields in the model's order, then the geometry."""
    import pyarrow as pa
    import shapely

    types = {"str": pa.string(), "int": pa.int32(), "date": pa.date32()}
    columns = {spec.name: pa.array([_cell(spec, f.values.get(spec.name)) for f in features],
                                   type=types[spec.type]) for spec in specs}
    columns["geometry"] = pa.array(shapely.to_wkb([f.geometry for f in features]))
    return pa.table(columns)


def _cell(spec: FieldSpec, value: Any) -> Any:
    if value is None or value == "":
        return None
    if spec.type == "date":
        return date.fromisoformat(str(value))
    if spec.type == "int":
        return int(value)
    return str(value)
