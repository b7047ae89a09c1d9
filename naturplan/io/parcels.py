"""Building the parcel lookup from a loaded dataset and the files behind it.

- :func:`parcel_context`: the dataset's parcels, addresses and every layer that can apply to
  a parcel, as a :class:`~naturplan.core.parcels.context.ParcelContext`;
- :func:`cadastre_restrictions`: Matriklen's own restrictions (fredskov, strandbeskyttelse,
  klitfredning, stormfald) from the other layers of the parcel file, as the GML download
  carries them;
- :func:`load_legal_bases`: the editable table of what each protection means and its legal
  basis, ``resources/parcels/legal_bases.toml``.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
import tomllib
from collections.abc import Sequence
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyogrio

from naturplan.core.analysis.zonal import RasterGrid
from naturplan.core.errors import LegalTableError, NaturplanError
from naturplan.core.layers.dataset import Dataset
from naturplan.core.layers.layer import Layer, LayerSource, RasterLayer, VectorLayer
from naturplan.core.layers.roles import Role
from naturplan.core.layers.style import Labels
from naturplan.core.parcels.context import ParcelContext
from naturplan.core.parcels.overlaps import SliverRule
from naturplan.core.parcels.themes import (
    CADASTRE_LAYERS,
    ROLE_THEMES,
    FloodRaster,
    SourceInfo,
    Theme,
    ThemeLayer,
    theme_layer,
)
from naturplan.io.paths import resource
from naturplan.io.raster import read_grid
from naturplan.io.vector import inspect_vector, read_vector

LEGAL_BASES = ("parcels", "legal_bases.toml")


def source_info(layer: Layer) -> SourceInfo:
    """The card's source entry for a loaded layer: name, file, description, file date."""
    return _source(layer.name or layer.source.label, layer.source)


def _source(name: str, source: LayerSource) -> SourceInfo:
    stamp, dated_by = _data_date(source), "data"
    if not stamp:
        dated_by = "file"
        try:
            stamp = dt.date.fromtimestamp(Path(source.path).stat().st_mtime).isoformat()
        except OSError:
            stamp = ""
    return SourceInfo(name=name, label=source.label, description=source.description,
                      date=stamp, synthetic=source.synthetic, mapping=source.mapping,
                      dated_by=dated_by)


def _data_date(source: LayerSource) -> str:
    """The date the data carry themselves: a GeoPackage layer's ``last_change``
    (``gpkg_contents``), as ISO text; "" when the file says none."""
    path = Path(source.path)
    if path.suffix.lower() in (".tif", ".tiff") and path.is_file():
        return _tiff_date(path)
    if path.suffix.lower() != ".gpkg" or not source.layer or not path.is_file():
        return ""
    try:
        with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as conn:
            row = conn.execute("SELECT last_change FROM gpkg_contents WHERE lower(table_name)"
                               " = lower(?)", (source.layer,)).fetchone()
    except sqlite3.Error:
        return ""
    text = str(row[0] or "") if row else ""
    try:
        return dt.date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        return ""


def _tiff_date(path: Path) -> str:
    """A GeoTIFF's own date (``TIFFTAG_DATETIME``, "2026:06:01 12:00:00"), or "".

    Read from the file's header (:mod:`naturplan.io.geotiff`, no rasterio: importing it cost
    ``parcels --out`` 0.4-0.7 s); rasterio only for a file that reader does not know."""
    from naturplan.io.geotiff import read_header

    header = read_header(path)
    if header is not None:
        text = header.metadata.get("TIFFTAG_DATETIME", "")
    else:
        import rasterio

        try:
            with rasterio.open(path) as raster:
                text = str(raster.tags().get("TIFFTAG_DATETIME", ""))
        except (OSError, rasterio.errors.RasterioError):
            return ""
    try:
        return dt.date.fromisoformat(text[:10].replace(":", "-")).isoformat()
    except ValueError:
        return ""


def parcel_context(
    dataset: Dataset,
    *,
    candidates: VectorLayer | None = None,
    rule: SliverRule | None = None,
    restrictions: bool = True,
    ejerlav_names: dict[int, str] | None = None,
) -> ParcelContext:
    """Everything the parcel lookup needs from *dataset*.

    Parameters
    ----------
    dataset
        The loaded layers; its parcels are what is searched and described.
    candidates
        The project's candidate areas (the GUI's and ``--project``'s); None for the
        dataset's own ``candidates`` layers, if any.
    rule
        The sliver tolerance.
    restrictions
        Read Matriklen's restriction layers from the parcel files.
    ejerlav_names
        Ejerlavskode → name (:func:`load_ejerlav_names`) for parcels without a name.

    Raises
    ------
    NaturplanError
        If no parcels are loaded.
    """
    parcel_layers = dataset.vector(Role.PARCELS)
    if not parcel_layers:
        raise NaturplanError("No parcels are loaded.")
    parcels = _concat([layer.frame for layer in parcel_layers])
    themes: list[ThemeLayer] = []
    flood: list[FloodRaster] = []
    not_evaluated: list[tuple[str, str]] = []
    for layer in dataset.layers:
        theme = ROLE_THEMES.get(layer.role)
        if theme is None or (theme is Theme.CANDIDATES and candidates is not None):
            continue
        if isinstance(layer, RasterLayer):
            if theme is Theme.FLOOD:
                flood.append(_flood_raster(layer))
            else:
                not_evaluated.append((layer.name, "raster"))
            continue
        themes.append(theme_layer(theme, layer, source_info(layer)))
    if candidates is not None and len(candidates.frame):
        themes.append(theme_layer(Theme.CANDIDATES, candidates, source_info(candidates)))
    if restrictions:
        for layer in parcel_layers:
            themes += cadastre_restrictions(layer)
    addresses = dataset.vector(Role.ADDRESSES)
    address_frame = _concat([a.frame for a in addresses]) if addresses else None
    context = ParcelContext(
        parcels, source_info(parcel_layers[0]), themes, flood, address_frame, rule,
        not_evaluated, source_info(addresses[0]) if addresses else None, ejerlav_names,
    )
    return with_designations(context, dataset)


def with_designations(context: ParcelContext, dataset: Dataset) -> ParcelContext:
    """*context* with the dataset's retningslinjer and MARS projects (issue 22), so a card
    says which the parcel lies in; unchanged when neither layer is loaded."""
    from naturplan.core.analysis.layers import RolePolygons, role_set

    layers = [layer for role in (Role.DESIGNATIONS, Role.MARS_PROJECTS)
              for layer in dataset.vector(role)]
    if not layers:
        return context
    parts = [RolePolygons.of_layer(layer) for layer in layers]
    return context.with_designations(role_set(parts, Role.DESIGNATIONS),
                                     role_set(parts, Role.MARS_PROJECTS),
                                     [source_info(layer) for layer in layers])


def _flood_raster(layer: RasterLayer) -> FloodRaster:
    return FloodRaster(source_info(layer), _RasterCells(layer).read, layer.width * layer.height)


class _RasterCells:
    """Reads a raster's cells for the parcel lookup: the whole raster once it has been read
    (the batch), then windows are slices of it (a card in well under a millisecond);
    before that, a window read from the file."""

    def __init__(self, layer: RasterLayer) -> None:
        self.layer = layer
        self.whole: RasterGrid | None = None
        self.lock = threading.Lock()

    def read(self, bounds: tuple[float, float, float, float] | None) -> RasterGrid:
        with self.lock:
            whole = self.whole
        if bounds is None:
            if whole is None:
                whole = read_grid(self.layer)
                with self.lock:
                    self.whole = whole
            return whole
        if whole is not None:
            return whole.window(bounds)
        return read_grid(self.layer, bounds)


def _concat(frames: Sequence[pd.DataFrame]) -> pd.DataFrame:
    if len(frames) == 1:
        return frames[0]
    import geopandas as gpd

    return gpd.GeoDataFrame(pd.concat(frames, ignore_index=True), geometry="geometry",
                            crs=frames[0].crs)


def cadastre_restrictions(parcels: VectorLayer,
                          bounds: tuple[float, float, float, float] | None = None
                          ) -> list[ThemeLayer]:
    """Matriklen's restriction layers (``Fredskov``, ``Strandbeskyttelse``,
    ``Klitfredning``, ``Stormfald``) in the file the parcels came from.

    A file without them (a GeoPackage of parcels only, the sample) gives an empty list; a
    restriction layer that cannot be read raises, so nothing is silently left out. With
    *bounds* (EPSG:25832) only the features whose boxes meet them are read (a tile of the
    national batch).

    Raises
    ------
    LayerLoadError
        If a restriction layer is there but unreadable.
    """
    path = Path(parcels.source.path)
    try:
        names = [str(name) for name, _ in pyogrio.list_layers(path)]
    except Exception:  # noqa: BLE001 - a file that lists no layers has no restrictions
        return []
    out = []
    for name in names:
        theme = CADASTRE_LAYERS.get(name.casefold())
        if theme is None:
            continue
        box = None
        if bounds is not None:
            from naturplan.io.loading import file_bounds

            box = file_bounds(inspect_vector(path, name), bounds, None)
        read = read_vector(path, name, bbox=box)
        source = LayerSource(path=path, layer=name, driver=read.driver,
                             source_crs=read.source_crs, mapping="Matriklen temaflade",
                             synthetic=parcels.source.synthetic,
                             description=parcels.source.description)
        layer = VectorLayer(Role.PARCELS, read.frame, source, read.report, name=name)
        out.append(theme_layer(theme, layer, _source(name, source)))
    return out


@dataclass(frozen=True)
class LegalBasis:
    """What a protection means for the owner, and its legal basis, in the interface
    languages (one row of ``resources/parcels/legal_bases.toml``)."""

    key: str
    title: Labels
    meaning: Labels
    law: Labels
    source: str
    url: str = ""


def load_legal_bases(path: Path | None = None) -> dict[str, LegalBasis]:
    """The legal-bases table by key (``nature_p3``, ``natura2000:habitat``, …).

    Raises
    ------
    LegalTableError
        If the file is missing or a row lacks a field, naming the file and the row.
    """
    path = path or resource(*LEGAL_BASES)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise LegalTableError("Cannot read the legal-bases table {file}: {reason}",
                              file=str(path), reason=str(exc)) from None
    out: dict[str, LegalBasis] = {}
    for i, row in enumerate(data.get("basis", []), start=1):
        try:
            key = str(row["key"])
            out[key] = LegalBasis(key, _labels(row["title"]), _labels(row["meaning"]),
                                  _labels(row["law"]), str(row["source"]), str(row.get("url", "")))
        except (KeyError, TypeError) as exc:
            raise LegalTableError("{file}: row {row} lacks {field}.", file=path.name, row=i,
                                  field=str(exc)) from None
    return out


#: Column names a table of ejerlav may use for the code and for the name.
EJERLAV_CODE_FIELDS = ("ejerlavskode", "landsejerlavskode", "ejerlavkode", "kode")
EJERLAV_NAME_FIELDS = ("ejerlavsnavn", "ejerlavnavn", "navn")


def load_ejerlav_names(path: Path) -> dict[int, str]:
    """Ejerlavskode → name from a table of ejerlav (CSV, GeoPackage, any OGR table), for a
    parcel file that has only the codes.

    Raises
    ------
    NaturplanError
        If the file cannot be read or has no code and name columns.
    """
    path = Path(path)
    try:
        if path.suffix.lower() == ".csv":
            frame = pd.read_csv(path, dtype=str, sep=None, engine="python",
                                encoding="utf-8-sig")
        else:
            frame = pyogrio.read_dataframe(path, read_geometry=False)
    except (OSError, ValueError, pyogrio.errors.DataSourceError,
            pd.errors.ParserError) as exc:
        raise NaturplanError("Cannot read the ejerlav table '{file}': {reason}",
                             file=str(path), reason=str(exc).splitlines()[0]) from None
    columns = {str(c).strip().casefold(): c for c in frame.columns}
    code = next((columns[c] for c in EJERLAV_CODE_FIELDS if c in columns), None)
    name = next((columns[c] for c in EJERLAV_NAME_FIELDS if c in columns), None)
    if code is None or name is None:
        raise NaturplanError("The ejerlav table '{file}' needs a code and a name column "
                             "({codes}; {names}); it has {fields}.", file=path.name,
                             codes=", ".join(EJERLAV_CODE_FIELDS),
                             names=", ".join(EJERLAV_NAME_FIELDS),
                             fields=", ".join(map(str, frame.columns)) or "-")
    codes = pd.to_numeric(frame[code], errors="coerce")
    names = frame[name].astype("string").str.strip()
    return {int(c): str(n) for c, n in zip(codes, names, strict=True)
            if not pd.isna(c) and not pd.isna(n) and str(n)}


def _labels(value: object) -> Labels:
    if isinstance(value, str):
        return Labels(value)
    if isinstance(value, dict) and "da" in value:
        return Labels(str(value["da"]), str(value.get("en", "")))
    raise TypeError("da")


def project_candidates(project: str | Path) -> VectorLayer:
    """The candidate areas of a project (a GeoPackage file or a PostGIS connection string)
    as a ``candidates`` layer, read-only.

    Raises
    ------
    StoreError
        If the project cannot be opened or is not a naturplan project.
    """
    import geopandas as gpd

    from naturplan.core.layers.roles import ROLE_SPECS
    from naturplan.io.project.open import open_store, project_label, require_project

    require_project(project)
    with open_store(project, create=False, readonly=True) as store:
        rows = store.candidates()
    fields = ROLE_SPECS[Role.CANDIDATES].fields
    data = {f: [getattr(getattr(c, f), "value", getattr(c, f)) for c in rows] for f in fields}
    frame = gpd.GeoDataFrame(data, geometry=[c.geometry for c in rows], crs=25832)
    label = project_label(project)
    source = LayerSource(path=Path(label), layer="candidates", driver="project",
                         source_crs="EPSG:25832")
    return VectorLayer(Role.CANDIDATES, frame, source, name=Path(label).stem or label)
