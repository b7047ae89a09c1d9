"""The manifest of a built sample (``sample.json``): which files, which scale, which layers.

Apart from the builder so that opening a sample (``naturplan stats`` on every run) imports
nothing heavy: the builder needs geopandas, reading the manifest needs only :mod:`json`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

# 1.3: the synthetic N-retention layer; 1.4: synthetic Naturtilstand on §3; 1.5: synthetic
# forest and roads (issue 25)
GENERATOR_VERSION = "naturplan-sample 1.5"
MANIFEST_NAME = "sample.json"


@dataclass(frozen=True)
class SampleLayer:
    """One file or GeoPackage layer of a sample.

    Attributes
    ----------
    role : str
        ``"parcels"``, ``"addresses"``, ``"nature_p3"``, ``"natura2000"``, ``"lowland"``,
        ``"flood"`` or ``"forest_zones"``.
    path : Path
        The file written.
    layer : str or None
        GeoPackage layer name; None for the GeoTIFF.
    features : int
        Feature count (for the raster: the number of wet pixels).
    """

    role: str
    path: Path
    layer: str | None
    features: int


@dataclass(frozen=True)
class SampleManifest:
    """What a sample build wrote: where, with which scale and seed, and which layers."""

    out_dir: Path
    scale: float
    seed: int
    layers: tuple[SampleLayer, ...]


def read_manifest(out_dir: Path) -> SampleManifest | None:
    """Read ``sample.json`` in ``out_dir``.

    Returns
    -------
    SampleManifest or None
        None if the manifest is missing or unreadable, was written by another generator
        version (stale), or names a file that does not exist (incomplete).
    """
    out_dir = Path(out_dir)
    try:
        data = json.loads((out_dir / MANIFEST_NAME).read_text(encoding="utf-8"))
        if data.get("generator") != GENERATOR_VERSION or data.get("synthetic") is not True:
            return None
        layers = tuple(
            SampleLayer(role=str(item["role"]), path=out_dir / str(item["file"]),
                        layer=None if item["layer"] is None else str(item["layer"]),
                        features=int(item["features"]))
            for item in data["layers"]
        )
        manifest = SampleManifest(out_dir=out_dir, scale=float(data["scale"]),
                                  seed=int(data["seed"]), layers=layers)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    if not layers or not all(lay.path.is_file() for lay in layers):
        return None
    return manifest
