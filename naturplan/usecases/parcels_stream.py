"""``parcels --out`` for a national parcel layer in bounded memory (issue 24 §2).

The 2.5 million parcels of the country are cut into tiles through the GeoPackage's R-tree
(:func:`naturplan.io.tiles.parcel_tiles`, at most :data:`~naturplan.io.tiles.TILE_FEATURES`
each; every parcel in exactly one). Per tile: its parcels are read, the §3, Natura 2000,
lowland, forest … features around them through each layer's spatial index, the flood
rasters' cells under them; the batch of :func:`naturplan.core.parcels.batch.parcel_table`
(the very computation of the whole-layer run) gives the tile's rows. Two worker processes
share the tiles (the union and intersection work holds the GIL).

Rows are written as they come, never the country's table in memory:

- CSV: each tile's rows go to a chunk file, sorted by feature id; the chunks are then merged
  in the layer's own order into one ``.part`` file, checked (every row there) and renamed:
  byte for byte the file the whole-layer run writes.
- GeoPackage: each tile's rows are appended (tile by tile) to the ``.part`` GeoPackage,
  checked and renamed.

On cancel or error the ``.part`` and the chunks are removed: nothing is reported as written.
"""

from __future__ import annotations

import heapq
import multiprocessing
import shutil
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from naturplan.core.layers.dataset import Dataset, Municipality
from naturplan.core.layers.layer import RasterLayer, VectorLayer
from naturplan.core.layers.roles import ROLE_SPECS, GeometryKind, Role
from naturplan.core.parcels.batch import BASE_COLUMNS
from naturplan.core.parcels.overlaps import SliverRule
from naturplan.core.parcels.themes import ROLE_THEMES
from naturplan.io.loading import LayerRequest
from naturplan.io.raster import is_raster_path
from naturplan.io.tile_chunks import records, write_chunk
from naturplan.io.tiles import Tile

Progress = Callable[[float, str], None]
#: The table's columns when no tile has a row (a layer without parcels).
_COLUMNS = (*BASE_COLUMNS, "synthetic_data")


@dataclass(frozen=True)
class StreamJob:
    """What every tile is computed from (sent once to each worker)."""

    parcels: LayerRequest
    layers: tuple[LayerRequest, ...]
    municipality: Municipality
    rule: SliverRule
    synthetic: bool
    chunks: Path
    gpkg: bool
    candidates: VectorLayer | None = None
    ejerlav_names: dict[int, str] | None = None


@dataclass(frozen=True)
class TileDone:
    """One tile's outcome: rows, the themes no layer gave, whether any registered area was
    given, and for a GeoPackage the rows themselves."""

    index: int
    rows: int
    not_evaluated: tuple[str, ...]
    registered: bool
    columns: tuple[str, ...] = ()
    frame: Any = field(default=None, repr=False)


@dataclass(frozen=True)
class StreamResult:
    """The written table: its rows, the tiles, and what the notes must say."""

    rows: int
    tiles: int
    not_evaluated: tuple[str, ...]
    registered: bool


def batch_layers(requests: Sequence[LayerRequest]) -> tuple[LayerRequest, ...]:
    """Of a dataset's layer requests, those the parcel batch reads (theme layers, flood
    rasters): not the addresses, roads or the parcels themselves."""
    out = []
    for r in requests:
        if r.role in ROLE_THEMES and (r.role is Role.FLOOD or not is_raster_path(r.path)) \
                and ROLE_SPECS[r.role].geometry is not GeometryKind.LINE:
            out.append(r)
    return tuple(out)


def stream_parcel_table(job: StreamJob, target: Path, lang: str = "da", *, workers: int = 2,
                        progress: Progress | None = None, tiles: Sequence[Tile] | None = None,
                        cancelled: Callable[[], bool] | None = None) -> StreamResult:
    """Compute and write the table of every parcel of *job* to *target* (.csv or .gpkg),
    tile by tile, with its notes (:func:`~naturplan.export.parcel_table.table_notes`, in
    *lang*); returns what was written.

    Raises
    ------
    FileWriteError
        If the file cannot be written completely (nothing is left behind).
    OperationCancelled
        If *cancelled* returned True (nothing is left behind).
    NaturplanError
        A layer that cannot be read, as a whole-layer run would say.
    """
    from naturplan.io.tiles import parcel_tiles

    report = progress or (lambda fraction, message: None)
    stop = cancelled or (lambda: False)
    tiles = list(tiles) if tiles is not None else parcel_tiles(job.parcels)
    total = max(sum(t.count for t in tiles), 1)
    done = 0
    dones: list[TileDone] = []
    writer = _GpkgAppender(target) if job.gpkg else None
    try:
        for result in _tile_results(job, tiles, workers):
            _check(stop)
            if writer is not None:
                writer.add(result.frame, notes(result.not_evaluated, True, lang))
            dones.append(TileDone(result.index, result.rows, result.not_evaluated,
                                  result.registered, result.columns))
            done += tiles[result.index].count
            report(done / total, f"{len(dones)}/{len(tiles)}")
        missing = dones[0].not_evaluated if dones else ()
        registered = any(d.registered for d in dones)
        rows = sum(d.rows for d in dones)
        if writer is not None:
            writer.finish(rows)
        else:
            columns = dones[0].columns if dones else _COLUMNS
            _merge_csv(job.chunks, [d.index for d in dones if d.rows], rows, columns, target)
            _sidecar(target, notes(missing, registered, lang))
        return StreamResult(rows, len(tiles), missing, registered)
    finally:
        if writer is not None:
            writer.discard()


def notes(missing: tuple[str, ...], registered: bool, lang: str) -> tuple[str, ...]:
    """The table's notes (:func:`~naturplan.export.parcel_table.table_notes`) from what the
    tiles said: the themes no layer gave, and whether any parcel had a registered area."""
    from naturplan.export.parcel_table import table_notes

    probe = pd.DataFrame({"registered_area_m2": [1.0 if registered else np.nan]})
    probe.attrs["not_evaluated"] = missing
    return table_notes(probe, lang)


def _sidecar(target: Path, lines: tuple[str, ...]) -> None:
    """The notes beside a CSV, as the whole-layer run writes them."""
    from naturplan.export.parcel_table import sidecar_path
    from naturplan.io import verify
    from naturplan.io.atomic import write_file

    sidecar = sidecar_path(target)
    if not lines:
        sidecar.unlink(missing_ok=True)
        return
    text = ("\n".join(lines) + "\n").encode("utf-8")
    write_file(sidecar, lambda part: part.write_bytes(text), verify.exact(text, "text"))


def _check(stop: Callable[[], bool]) -> None:
    from naturplan.core.errors import OperationCancelled

    if stop():
        raise OperationCancelled("The parcel table was cancelled.")


def _tile_results(job: StreamJob, tiles: Sequence[Tile], workers: int) -> Iterator[TileDone]:
    """Each tile's outcome as it is done, in the tiles' order (workers compute ahead)."""
    if workers <= 1 or len(tiles) < 2:
        _start(job)
        for i, tile in enumerate(tiles):
            yield _tile(i, tile)
        return
    context = multiprocessing.get_context("spawn")  # no forked Qt or threads
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_start,
                             initargs=(job,)) as pool:
        ahead = 2 * workers  # a bounded queue: finished tiles do not pile up in memory
        futures: dict[int, Future[TileDone]] = {}
        try:
            for i in range(len(tiles)):
                while len(futures) < ahead and i + len(futures) < len(tiles):
                    k = i + len(futures)
                    futures[k] = pool.submit(_tile, k, tiles[k])
                yield futures.pop(i).result()
        finally:
            for future in futures.values():
                future.cancel()


_JOB: StreamJob | None = None


def _start(job: StreamJob) -> None:
    global _JOB
    _JOB = job


def _tile(index: int, tile: Tile) -> TileDone:
    """One tile's rows: written to its chunk (CSV), or returned (GeoPackage)."""
    from naturplan.core.parcels.batch import parcel_table

    job = _JOB
    assert job is not None, "the worker was started with the job"
    context, fids = tile_context(job, tile)
    table = parcel_table(context)
    table["synthetic_data"] = job.synthetic
    registered = bool(len(table) and table["registered_area_m2"].notna().any())
    missing = tuple(table.attrs.get("not_evaluated", ()))
    columns = tuple(str(c) for c in table.columns)
    if job.gpkg:
        import geopandas as gpd

        frame = gpd.GeoDataFrame(table, geometry=context.geometries, crs=25832)
        return TileDone(index, len(table), missing, registered, columns, frame)
    if len(table):
        _write_chunk(job.chunks / f"{index:06d}.bin", fids, table)
    return TileDone(index, len(table), missing, registered, columns)


def tile_context(job: StreamJob, tile: Tile) -> tuple[Any, np.ndarray]:
    """The parcel context of *tile* (its parcels, and every batch layer read around them)
    and the parcels' feature ids."""
    from naturplan.io.parcels import cadastre_restrictions, parcel_context, source_info
    from naturplan.io.raster import describe_raster
    from naturplan.io.tiles import read_around, read_tile

    parcels, fids = read_tile(job.parcels, tile)
    dataset = Dataset(job.municipality)
    dataset.layers.append(parcels)
    geoms = parcels.frame.geometry.to_numpy()
    if len(geoms):
        import shapely

        minx, miny, maxx, maxy = shapely.total_bounds(geoms)
    else:
        minx = miny = maxx = maxy = 0.0
    bounds = (float(minx) - 2.0, float(miny) - 2.0, float(maxx) + 2.0, float(maxy) + 2.0)
    rasters = []
    for request in job.layers:
        if is_raster_path(request.path):
            layer = describe_raster(request.role, request.path, request.assume_crs, False)
            layer.name = request.path.stem
            rasters.append(layer)
            dataset.layers.append(layer)
        else:
            dataset.layers.append(read_around(request, bounds))
    context = parcel_context(dataset, candidates=job.candidates, rule=job.rule,
                             restrictions=False, ejerlav_names=job.ejerlav_names)
    restrictions = cadastre_restrictions(parcels, bounds)
    for theme in dict.fromkeys(r.theme for r in restrictions):
        context = context.with_themes(theme, [r for r in restrictions if r.theme is theme])
    context.flood_rasters = tuple(_windowed_flood(layer, bounds, source_info(layer))
                                  for layer in rasters)
    return context, fids


def _windowed_flood(layer: RasterLayer, bounds: tuple[float, float, float, float],
                    source: Any) -> Any:
    """The flood raster of a tile: "everything" is the cells under the tile's parcels."""
    from naturplan.core.parcels.themes import FloodRaster
    from naturplan.io.raster import read_grid

    def read(box: tuple[float, float, float, float] | None) -> Any:
        return read_grid(layer, bounds if box is None else box)

    return FloodRaster(source, read, layer.width * layer.height)


def _write_chunk(path: Path, fids: np.ndarray, table: pd.DataFrame) -> None:
    """The tile's CSV lines (no header) with their feature ids, sorted by id."""
    from naturplan.export.parcel_table import csv_text

    lines = csv_text(table).split("\n")[1:-1] if len(table) else []
    if len(lines) != len(table):  # a cell with a line break: split by rows, not lines
        lines = [csv_text(table.iloc[i:i + 1]).split("\n", 1)[1][:-1]
                 for i in range(len(table))]
    write_chunk(path, fids, lines)


def _merge_csv(chunks: Path, indexes: Sequence[int], rows: int, columns: Sequence[str],
               target: Path) -> None:
    """The chunks merged by feature id into *target* (through a checked ``.part``)."""
    from naturplan.export.parcel_table import csv_text
    from naturplan.io import verify
    from naturplan.io.atomic import write_file

    header = csv_text(pd.DataFrame(columns=list(columns))).encode("utf-8")

    def write(part: Path) -> None:
        handles = [open(chunks / f"{i:06d}.bin", "rb") for i in indexes]  # noqa: SIM115
        try:
            with open(part, "wb", buffering=1 << 20) as out:
                out.write(header)
                for _, line in heapq.merge(*(records(h) for h in handles)):
                    out.write(line)
                    out.write(b"\n")
        finally:
            for handle in handles:
                handle.close()

    write_file(target, write, verify.csv_rows(rows + 1, "utf-8", ","))


class _GpkgAppender:
    """Appends each tile's rows to a staging GeoPackage beside *target*; once every row is
    there it goes through :func:`~naturplan.io.atomic.write_file` (checked, renamed)."""

    def __init__(self, target: Path) -> None:
        from naturplan.io.atomic import check_writable

        check_writable(target)
        self.target = target
        self.staging = target.with_name(f"{target.stem}.tiles.part{target.suffix}")
        self.staging.unlink(missing_ok=True)
        self.first = True

    def add(self, frame: Any, notes: tuple[str, ...]) -> None:
        from naturplan.export.tables.cells import Cleaning
        from naturplan.io.gpkg_writer import write_gpkg

        if frame is None or not len(frame):
            return
        cleaning = Cleaning()
        text = frame.drop(columns="geometry").select_dtypes(include=["object", "string"]).columns
        for column in text:
            frame[column] = frame[column].map(
                lambda v: cleaning.gdal(v) if isinstance(v, str) else v)
        write_gpkg(frame, self.staging, "parcel_status", description=" ".join(notes),
                   append=not self.first)
        self.first = False

    def finish(self, rows: int) -> None:
        from naturplan.io import verify
        from naturplan.io.atomic import write_file

        def write(part: Path) -> None:
            shutil.move(str(self.staging), part)

        write_file(self.target, write, verify.features(rows, "GeoPackage", "parcel_status"),
                   keep_suffix=True)

    def discard(self) -> None:
        self.staging.unlink(missing_ok=True)
