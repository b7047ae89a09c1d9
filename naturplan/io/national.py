"""The national systems' data in files and in the project (issue 22): the Plandata data
model of ``resources/national/``, and the plan's national record (Plandata facts, each
candidate's marks) in the project's settings (key ``national``, kept by the settings model as
one of its other keys)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from naturplan.core.errors import LayerLoadError, NationalDataError, StoreError
from naturplan.core.national.marks import NATIONAL_KEY, NationalRecord
from naturplan.core.national.mars import MarsMapping, parse_mapping
from naturplan.core.national.plandata_model import PlandataModel, parse_model
from naturplan.core.plan.stores import SettingsStore
from naturplan.io.paths import resource

__all__ = ["DEFAULT_MARS_MAPPING", "DEFAULT_PLANDATA_MODEL", "load_mars_mapping",
           "load_plandata_model", "load_toml", "read_mars_file", "read_national",
           "write_national"]

#: The Plandata data model used unless another is named.
DEFAULT_PLANDATA_MODEL = "plandata_retningslinjer_v1"


def load_toml(name: str) -> dict[str, Any]:
    """``resources/national/NAME.toml`` parsed.

    Raises
    ------
    NationalDataError
        If the file is missing or not TOML.
    """
    path = resource("national", f"{name}.toml")
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise NationalDataError("The data model {file} is missing.", file=path.name) from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise NationalDataError("The data model {file} cannot be read ({reason}).",
                                file=path.name, reason=str(exc)) from None


def load_plandata_model(name: str = DEFAULT_PLANDATA_MODEL) -> PlandataModel:
    """The Plandata model *name* (:class:`NationalDataError` if it cannot be read)."""
    return parse_model(load_toml(name), f"{name}.toml")


def read_national(store: SettingsStore) -> NationalRecord:
    """The plan's national record (an empty one if none is stored).

    Raises
    ------
    StoreError
        If the stored record is of the wrong kind (written by something else).
    """
    try:
        return NationalRecord.from_stored(store.settings().get(NATIONAL_KEY))
    except (TypeError, ValueError) as exc:
        raise StoreError("The project's national record cannot be read ({reason}).",
                         reason=str(exc)) from None


def write_national(store: SettingsStore, record: NationalRecord) -> bool:
    """Store *record* (one audited settings change); True if something changed."""
    from naturplan.io.project.settings_model import read_settings, write_settings

    extra = dict(read_settings(store).extra)
    extra[NATIONAL_KEY] = record.as_stored()
    return write_settings(store, extra=extra)


#: The MARS mapping used unless another is named.
DEFAULT_MARS_MAPPING = "mars_v1"


def load_mars_mapping(name: str = DEFAULT_MARS_MAPPING) -> MarsMapping:
    """The MARS mapping *name* (:class:`NationalDataError` if it cannot be read)."""
    return parse_mapping(load_toml(name), f"{name}.toml")


def read_mars_file(path: Path, layer: str | None = None, assume_crs: str | None = None
                   ) -> Any:
    """The features of a MARS shapefile (or any vector file) in EPSG:25832, with their own
    columns.

    Raises
    ------
    LayerLoadError
        If the file cannot be read.
    MissingCRSError
        If it has no coordinate reference system and *assume_crs* is None.
    """
    import pyogrio

    from naturplan.io.vector import frame_to_working_crs

    try:
        frame = pyogrio.read_dataframe(path, layer=layer)
    except Exception as exc:  # GDAL's own errors: the file cannot be read as a vector file
        raise LayerLoadError("{path}: cannot be read ({reason}).", path=str(path),
                             reason=str(exc).splitlines()[0][:160]) from None
    return frame_to_working_crs(frame, Path(path).name, assume_crs)[0]
