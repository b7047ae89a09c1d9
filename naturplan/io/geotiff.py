"""The header of a GeoTIFF: size, EPSG code and GDAL's metadata, without GDAL.

``naturplan stats`` lists the flood raster with its cell count and whether it is synthetic;
that is all in the file's first image directory (TIFF 6.0 and BigTIFF tags, GeoTIFF 1.1 geo
keys, GDAL's ``GDAL_METADATA`` XML tag). Reading those few bytes takes well under a
millisecond; importing rasterio (which imports boto3) takes 0.1-0.4 s. Anything this reader
does not understand (another format, a CRS that is not an EPSG code) returns None, and the
caller opens the file with rasterio as usual.
"""

from __future__ import annotations

import struct
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

_WIDTH, _HEIGHT, _DESCRIPTION, _DATETIME = 256, 257, 270, 306
_GEO_KEYS, _GDAL_METADATA, _GDAL_NODATA = 34735, 42112, 42113
_PIXEL_SCALE, _TIEPOINT, _TRANSFORMATION = 33550, 33922, 34264
#: GeoTIFF keys: GTModelType, GTRasterType, GeographicType, ProjectedCSType.
_MODEL, _RASTER_TYPE, _GEOGRAPHIC, _PROJECTED = 1024, 1025, 2048, 3072
_USER_DEFINED = 32767
#: TIFF field type → (struct code, size in bytes).
_TYPES = {1: ("B", 1), 2: ("s", 1), 3: ("H", 2), 4: ("I", 4), 12: ("d", 8), 16: ("Q", 8)}


@dataclass(frozen=True)
class TiffHeader:
    """What the first image directory of a GeoTIFF says.

    Attributes
    ----------
    width, height
        Size in cells.
    epsg
        The EPSG code of its CRS, or None if it has none or a user-defined one.
    metadata
        GDAL's dataset-level metadata items (``NATURPLAN_SYNTHETIC``), and
        ``TIFFTAG_IMAGEDESCRIPTION`` and ``TIFFTAG_DATETIME`` if the image has a description
        or a date, as rasterio reports them.
    origin, cell
        The top-left corner (x, y) and the cell's size (x, y) of a north-up grid whose
        corner is the first cell's (one tie point at cell (0, 0), a pixel scale, cells as
        areas); None for anything else (a transformation matrix, several tie points,
        cells as points), where rasterio is the one to ask.
    nodata
        GDAL's no-data value as written (``GDAL_NODATA``), or None.
    """

    width: int
    height: int
    epsg: int | None
    metadata: dict[str, str] = field(default_factory=dict)
    origin: tuple[float, float] | None = None
    cell: tuple[float, float] | None = None
    nodata: str | None = None


def read_header(path: Path) -> TiffHeader | None:
    """The header of the GeoTIFF at *path*, or None if it is not one this reader knows."""
    path = Path(path)
    if path.suffix.lower() not in (".tif", ".tiff"):
        return None
    try:
        with path.open("rb") as handle:
            return _read(handle)
    except (OSError, struct.error, ValueError, UnicodeDecodeError):
        return None


def _read(handle: BinaryIO) -> TiffHeader | None:
    head = handle.read(16)
    order = {b"II": "<", b"MM": ">"}.get(head[:2])
    if order is None:
        return None
    magic = struct.unpack(order + "H", head[2:4])[0]
    if magic == 42:
        big, offset = False, struct.unpack(order + "I", head[4:8])[0]
    elif magic == 43:
        big, offset = True, struct.unpack(order + "Q", head[8:16])[0]
    else:
        return None
    tags = _directory(handle, order, big, offset)
    if _WIDTH not in tags or _HEIGHT not in tags:
        return None
    metadata = _gdal_items(tags.get(_GDAL_METADATA))
    description = tags.get(_DESCRIPTION)
    if isinstance(description, str) and description:
        metadata["TIFFTAG_IMAGEDESCRIPTION"] = description
    stamp = tags.get(_DATETIME)
    if isinstance(stamp, str) and stamp:
        metadata["TIFFTAG_DATETIME"] = stamp
    grid = _grid(tags)
    nodata = tags.get(_GDAL_NODATA)
    return TiffHeader(
        width=int(_first(tags[_WIDTH])),
        height=int(_first(tags[_HEIGHT])),
        epsg=_epsg(tags.get(_GEO_KEYS)),
        metadata=metadata,
        origin=None if grid is None else grid[0],
        cell=None if grid is None else grid[1],
        nodata=nodata if isinstance(nodata, str) and nodata else None,
    )


def _grid(
    tags: dict[int, str | tuple[int, ...]],
) -> tuple[tuple[float, float], tuple[float, float]] | None:
    """The top-left corner and cell size of a plain north-up grid, else None."""
    scale, tie = tags.get(_PIXEL_SCALE), tags.get(_TIEPOINT)
    keys = _geo_keys(tags.get(_GEO_KEYS))
    if (
        _TRANSFORMATION in tags or isinstance(scale, str) or isinstance(tie, str)
        or scale is None or tie is None or len(scale) < 2 or len(tie) != 6
        or tie[0] != 0 or tie[1] != 0 or keys.get(_RASTER_TYPE, 1) != 1
        or not (scale[0] > 0 and scale[1] > 0)
    ):
        return None
    return (float(tie[3]), float(tie[4])), (float(scale[0]), float(scale[1]))


def _directory(
    handle: BinaryIO, order: str, big: bool, offset: int
) -> dict[int, str | tuple[int, ...]]:
    """The tags this reader needs from the image directory at *offset*."""
    wanted = {_WIDTH, _HEIGHT, _DESCRIPTION, _DATETIME, _GEO_KEYS, _GDAL_METADATA,
              _GDAL_NODATA, _PIXEL_SCALE, _TIEPOINT, _TRANSFORMATION}
    handle.seek(offset)
    count_format, entry_format, entry_size, inline = (
        ("Q", "HHQ", 20, 8) if big else ("H", "HHI", 12, 4)
    )
    count = struct.unpack(order + count_format, handle.read(struct.calcsize(count_format)))[0]
    entries = handle.read(entry_size * count)
    out: dict[int, str | tuple[int, ...]] = {}
    for i in range(count):
        entry = entries[i * entry_size : (i + 1) * entry_size]
        tag, kind, n = struct.unpack(order + entry_format, entry[: entry_size - inline])
        if tag not in wanted or kind not in _TYPES:
            continue
        code, size = _TYPES[kind]
        raw = entry[entry_size - inline :]
        if n * size > inline:
            where = struct.unpack(order + ("Q" if big else "I"), raw)[0]
            position = handle.tell()
            handle.seek(where)
            raw = handle.read(n * size)
            handle.seek(position)
        raw = raw[: n * size]
        if code == "s":
            out[tag] = raw.rstrip(b"\0").decode("utf-8")
        else:
            out[tag] = struct.unpack(f"{order}{n}{code}", raw)
    return out


def _first(value: str | tuple[int, ...]) -> int:
    if isinstance(value, str) or not value:
        raise ValueError("not a number")
    return value[0]


def _geo_keys(keys: str | tuple[int, ...] | None) -> dict[int, int]:
    """The short values of a GeoKeyDirectory (those stored in the directory itself)."""
    if keys is None or isinstance(keys, str) or len(keys) < 4:
        return {}
    values: dict[int, int] = {}
    for i in range(keys[3]):
        key, location, _, value = keys[4 + 4 * i : 8 + 4 * i]
        if location == 0:  # the value is in the directory itself
            values[int(key)] = int(value)
    return values


def _epsg(keys: str | tuple[int, ...] | None) -> int | None:
    """The EPSG code from a GeoKeyDirectory (None if none or user-defined)."""
    values = _geo_keys(keys)
    if not values:
        return None
    code = values.get(_PROJECTED) if values.get(_MODEL) != 2 else values.get(_GEOGRAPHIC)
    if code is None or code == _USER_DEFINED or not 1024 <= code < 32767:
        return None
    return code


def _gdal_items(text: str | tuple[int, ...] | None) -> dict[str, str]:
    """Dataset-level items of GDAL's metadata XML (band items have a ``sample``)."""
    if not isinstance(text, str) or not text:
        return {}
    try:
        root = ET.fromstring(text)
    except ET.ParseError:
        return {}
    return {
        str(item.get("name")): item.text or ""
        for item in root.iter("Item")
        if item.get("name") and item.get("sample") is None and item.get("domain") is None
        and item.get("role") is None
    }
