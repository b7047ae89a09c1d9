"""Deterministic synthetic sample data for a municipality (first: Aalborg Kommune).

:func:`build_sample` writes a GeoPackage with parcels, addresses, §3 nature, Natura 2000 habitat
sites, lowland soils and afforestation zones, a flood depth GeoTIFF and a ``sample.json``
manifest. Only the municipality boundary is real; every layer says in its metadata that it
is a synthetic sample. The same ``(seed, scale)`` gives the same geometries and attributes.

Files are written into a temporary directory inside ``out_dir`` and moved into place at
the end; the manifest is written last, so a cancelled or failed build leaves no manifest
that points at incomplete files.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import geopandas as gpd
import shapely

from naturplan.core import jsontext
from naturplan.core.errors import BuildCancelled
from naturplan.io.gpkg_writer import write_gpkg
from naturplan.io.sample.addresses import build_addresses
from naturplan.io.sample.designations import build_designations, build_mars_projects
from naturplan.io.sample.geom import Landscape
from naturplan.io.sample.manifest import (  # noqa: F401 - read_manifest is public here too
    GENERATOR_VERSION,
    MANIFEST_NAME,
    SampleLayer,
    SampleManifest,
    read_manifest,
)
from naturplan.io.sample.nature import build_nature
from naturplan.io.sample.parcels import build_parcels
from naturplan.io.sample.raster import write_flood
from naturplan.io.sample.region import make_landscape
from naturplan.io.sample.ways import build_forest, build_roads
from naturplan.io.sample.zones import (
    build_forest_zones,
    build_lowland,
    build_n_retention,
    build_natura2000,
)

GPKG_NAME = "aalborg_sample.gpkg"
TIF_NAME = "oversvoemmelse_dybde.tif"
BOUNDARY_SOURCE = (
    "DAGI 2014 kommunegrænse (Geodatastyrelsen/SDFI, FOT 2014-02-13), "
    "layers/aalborg_kommune_0851_dagi2014.gpkg"
)

#: role -> (GeoPackage layer, description)
VECTOR_LAYERS: dict[str, tuple[str, str]] = {
    "parcels": ("jordstykke",
                "Synthetic sample: jordstykker (Matriklen schema), not real cadastre"),
    "nature_p3": ("beskyttede_naturtyper",
                  "Synthetic sample: §3 beskyttede naturtyper (Miljøportal schema) with synthetic "
                  "naturtilstand I-V, not real data"),
    "natura2000": ("natura2000_habitat",
                   "Synthetic sample: Natura 2000 habitatområder, not the real sites"),
    "lowland": ("lavbund", "Synthetic sample: lavbundsjord with carbon class, not Kulstof2022"),
    "forest_zones": ("skovrejsning",
                     "Synthetic sample: skovrejsning ønsket/uønsket, not the real kommuneplan"),
    "n_retention": ("kvaelstofretention",
                    "Synthetic sample: kvælstofreduktion kg N/ha/år per catchment, not the "
                    "national N-retention map"),
    "designations": ("retningslinjer_1112_1113",
                     "Synthetic sample: kommuneplan retningslinjer 1112/1113 (Plandata schema), "
                     "not the real kommuneplan"),
    "mars_projects": ("mars_projekter",
                      "Synthetic sample: MARS project areas (assumed MARS schema), not the real "
                      "conversion plans"),
    "addresses": ("adgangsadresser",
                  "Synthetic sample: adgangsadresser (DAWA schema), not real addresses"),
    "forest": ("skov", "Synthetic sample: skov (woods), not FOT/GeoDanmark's skov"),
    "roads": ("vejmidte", "Synthetic sample: a street grid around the addresses and country "
              "roads every ~2 km (vejmidter), not the real roads"),
}


class _Steps:
    """Progress reporting and cancellation polling for one build."""

    def __init__(
        self, progress: Callable[[float, str], None] | None, cancelled: Callable[[], bool] | None
    ) -> None:
        self._progress = progress
        self._cancelled = cancelled

    def check(self) -> None:
        """Raise :class:`BuildCancelled` if the caller asked to stop."""
        if self._cancelled is not None and self._cancelled():
            raise BuildCancelled()

    def step(self, fraction: float, message: str) -> None:
        """Poll for cancellation, then report progress."""
        self.check()
        if self._progress is not None:
            self._progress(fraction, message)


def _metadata(seed: int, scale: float) -> dict[str, str]:
    return {"NATURPLAN_SYNTHETIC": "true", "NATURPLAN_SEED": str(seed),
            "NATURPLAN_SCALE": repr(float(scale))}


def _write_layer(
    frame: gpd.GeoDataFrame, path: Path, role: str, seed: int, scale: float
) -> SampleLayer:
    """Write one role's layer into the GeoPackage with the synthetic-sample metadata."""
    layer, description = VECTOR_LAYERS[role]
    write_gpkg(frame, path, layer, description=description, metadata=_metadata(seed, scale),
               promote_to_multi=role not in ("parcels", "addresses", "roads"), use_arrow=True)
    return SampleLayer(role=role, path=path, layer=layer, features=len(frame))


def _build_vectors(
    land: Landscape, tmp: Path, scale: float, seed: int, steps: _Steps
) -> list[SampleLayer]:
    """Generate and write the six vector layers, reporting progress between them.

    The fractions follow the time each step takes at full scale (parcels and §3 nature are
    most of it, the flood raster most of the rest), so that the progress line moves evenly.
    """
    gpkg = tmp / GPKG_NAME
    steps.step(0.01, "Jordstykker")
    parcels = build_parcels(land, scale, seed)
    layers = [_write_layer(parcels, gpkg, "parcels", seed, scale)]
    steps.step(0.33, "Adgangsadresser")
    addresses = build_addresses(parcels, seed)
    layers.append(_write_layer(addresses, gpkg, "addresses", seed, scale))
    layers.append(_write_layer(build_roads(land, addresses, seed), gpkg, "roads", seed, scale))
    steps.step(0.37, "§3 beskyttet natur")
    nature = build_nature(land, scale, seed, steps.check)
    layers.append(_write_layer(nature, gpkg, "nature_p3", seed, scale))
    steps.step(0.77, "Natura 2000")
    layers.append(_write_layer(build_natura2000(land, seed), gpkg, "natura2000", seed, scale))
    steps.step(0.775, "Lavbund")
    lowland = build_lowland(land, scale, seed)
    layers.append(_write_layer(lowland, gpkg, "lowland", seed, scale))
    steps.step(0.80, "Skovrejsning")
    forest = build_forest_zones(land, seed)
    layers.append(_write_layer(forest, gpkg, "forest_zones", seed, scale))
    layers.append(_write_layer(build_designations(land, forest, lowland, seed), gpkg,
                               "designations", seed, scale))
    layers.append(_write_layer(build_mars_projects(land, forest, lowland, seed), gpkg,
                               "mars_projects", seed, scale))
    layers.append(_write_layer(build_n_retention(land, seed), gpkg, "n_retention", seed, scale))
    layers.append(_write_layer(build_forest(land, seed), gpkg, "forest", seed, scale))
    return layers


def build_sample(
    out_dir: Path,
    municipality: shapely.Geometry,
    *,
    neighbours: shapely.Geometry | None = None,
    scale: float = 1.0,
    seed: int = 851,
    progress: Callable[[float, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> SampleManifest:
    """Build a deterministic synthetic sample for ``municipality`` in ``out_dir``.

    Parameters
    ----------
    out_dir : Path
        Directory for ``aalborg_sample.gpkg``, ``oversvoemmelse_dybde.tif`` and
        ``sample.json``; created if missing. Existing sample files are replaced.
    municipality : shapely.Geometry
        The (Multi)Polygon boundary in EPSG:25832.
    neighbours : shapely.Geometry, optional
        Union of the neighbouring municipalities (EPSG:25832). The boundary they do not
        share is the coast; if None, the whole boundary is treated as coast.
    scale : float
        1.0 is full Aalborg scale (~100,000 parcels, ~10,000 §3 polygons).
    seed : int
        Seed of every random choice.
    progress : callable, optional
        ``progress(fraction, message)`` with fraction in 0..1; called at each step.
    cancelled : callable, optional
        Polled between steps; when it returns True the build stops.

    Returns
    -------
    SampleManifest

    Raises
    ------
    BuildCancelled
        If ``cancelled()`` returned True. No manifest is left behind and the temporary
        files are removed.
    ValueError
        If ``scale`` is not positive or ``municipality`` is empty.
    """
    if not scale > 0:
        raise ValueError(f"scale must be positive, got {scale}")
    if municipality is None or municipality.is_empty:
        raise ValueError("municipality is empty")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    steps = _Steps(progress, cancelled)
    tmp = Path(tempfile.mkdtemp(prefix=".sample-build-", dir=out_dir))
    try:
        steps.step(0.0, "Landskab")
        land = make_landscape(municipality, neighbours, seed)
        layers = _build_vectors(land, tmp, scale, seed, steps)
        steps.step(0.81, "Oversvømmelse")
        tags = {**_metadata(seed, scale), "TIFFTAG_IMAGEDESCRIPTION":
                "Synthetic sample: flood depth in metres (oversvømmelsesdybde), not real data"}
        wet = write_flood(tmp / TIF_NAME, land, scale, seed, tags)
        layers.append(SampleLayer(role="flood", path=tmp / TIF_NAME, layer=None, features=wet))
        steps.step(0.99, "Manifest")
        manifest = _install(tmp, out_dir, scale, seed, layers)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if progress is not None:
        progress(1.0, "Færdig")
    return manifest


def _install(
    tmp: Path, out_dir: Path, scale: float, seed: int, layers: list[SampleLayer]
) -> SampleManifest:
    """Move the files into ``out_dir`` and write the manifest last."""
    (out_dir / MANIFEST_NAME).unlink(missing_ok=True)
    for name in (GPKG_NAME, TIF_NAME):
        os.replace(tmp / name, out_dir / name)
    final = tuple(
        SampleLayer(role=lay.role, path=out_dir / lay.path.name, layer=lay.layer,
                    features=lay.features)
        for lay in layers
    )
    manifest = SampleManifest(out_dir=out_dir, scale=float(scale), seed=int(seed), layers=final)
    text = jsontext.dumps(_manifest_json(manifest), indent=2)
    part = tmp / MANIFEST_NAME
    part.write_text(text, encoding="utf-8")
    os.replace(part, out_dir / MANIFEST_NAME)
    return manifest


def _manifest_json(manifest: SampleManifest) -> dict[str, Any]:
    return {
        "synthetic": True,
        "generator": GENERATOR_VERSION,
        "scale": manifest.scale,
        "seed": manifest.seed,
        "crs": "EPSG:25832",
        "boundary_source": BOUNDARY_SOURCE,
        "layers": [
            {"role": lay.role, "file": lay.path.name, "layer": lay.layer, "features": lay.features}
            for lay in manifest.layers
        ],
    }
