"""The synthetic sample of a plan area of several municipalities (issue 22 item 3).

The Aalborg sample (:mod:`naturplan.io.sample.build`) covers Aalborg only. A plan area that
holds Aalborg and its neighbours (``--kommune 0851,0840,0820``) gets Aalborg's sample as it
is plus the other municipalities from the deterministic national world builder
(:mod:`naturplan.io.sample.national`: parcels, §3 nature, addresses, lowland, habitat sites,
flood depth)
at the sample's density, so that every municipality's share is measured on synthetic data and
none shows 0 % beside Aalborg's synthetic nature. Every layer is marked synthetic
(``NATURPLAN_SYNTHETIC=true``) like the Aalborg sample's.

It is built once per set of municipalities and scale, beside the Aalborg sample
(``<sample>/kommuner-0820-0840-scale-S``), and found again through a small manifest written
after the GeoPackage is complete: a cancelled or failed build leaves nothing that is used.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path

from naturplan.core import jsontext
from naturplan.core.layers.roles import Role
from naturplan.io import paths
from naturplan.io.loading import LayerRequest

#: The Aalborg sample at scale 0.01 has 947 parcels on 1,137 km² (0.83 per km²); the national
#: world at density 0.015 has 1,434 on Rebild and Vesthimmerland's 1,391 km² (1.03 per km², edge
#: pieces included): 1.2 times the scale gives the other municipalities the sample's density.
DENSITY_PER_SCALE = 1.2
#: The national world's seed for the sample's neighbours.
SEED = 24
#: Changes when what is built changes: an older build is built again.
VERSION = "naturplan-plan-area-sample 2"
MANIFEST_NAME = "plan_area.json"
#: The roles the national world has, in the Aalborg sample's drawing order (its flood raster
#: since version 2).
ROLES = (Role.PARCELS, Role.ADDRESSES, Role.NATURE_P3, Role.NATURA2000, Role.LOWLAND,
         Role.FLOOD)

Progress = Callable[[float, str], None]


def plan_area_dir(codes: Sequence[str], scale: float) -> Path:
    """Where the sample of the municipalities *codes* (not Aalborg) at *scale* is kept."""
    return paths.sample_dir(scale).parent / f"kommuner-{'-'.join(sorted(codes))}-scale-{scale:g}"


def plan_area_requests(
    codes: Sequence[str], scale: float, progress: Progress | None = None
) -> list[LayerRequest] | None:
    """The synthetic layers of the municipalities *codes*, building them on first use.

    Returns None if a code is not in the national DAGI file (a user's own municipality
    layer): then there is nothing to build it from.

    Raises
    ------
    BuildCancelled
        If *progress* raised it (the caller's cancel): no manifest is written, so the next
        run builds it again.
    """
    folder = plan_area_dir(codes, scale)
    manifest = folder / MANIFEST_NAME
    density = scale * DENSITY_PER_SCALE
    want = {"generator": VERSION, "codes": sorted(codes), "scale": float(scale),
            "density": density, "seed": SEED, "synthetic": True}
    try:
        have = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        have = None
    from naturplan.io.sample.national import FLOOD_NAME, GPKG_NAME

    if have != want or not all((folder / name).is_file() for name in (GPKG_NAME, FLOOD_NAME)):
        from naturplan.io.sample.national import build_national_world, national_municipalities

        if not set(codes) <= {k.code for k in national_municipalities()}:
            return None
        manifest.unlink(missing_ok=True)
        build_national_world(folder, density=density, seed=SEED, codes=list(codes),
                             progress=progress)
        part = folder / f".{MANIFEST_NAME}.part"
        part.write_text(jsontext.dumps(want), encoding="utf-8")
        part.replace(manifest)
    from naturplan.io.sample.national import NationalWorld

    world = NationalWorld(folder / GPKG_NAME, len(codes), 0, 0, 0.0)
    return [world.request(role) for role in ROLES]
