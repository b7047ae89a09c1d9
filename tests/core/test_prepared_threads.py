"""Prepared geometries and threads: a function that prepares a geometry it is given prepares
its own copy (core.geometry.prepared_copy), since GEOS builds a prepared geometry's indexes
lazily and without a lock. The dashboard's measurement (compute_protected → _clip_each) and
the analysis panel (nature_at_risk → TileGrid) read one municipality at once; on the shared
geometry that crashed the whole program (seen in the test suite as a segmentation fault)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import numpy as np
import shapely

from naturplan.core.analysis.patches import clip_to
from naturplan.core.geometry import prepared_copy
from naturplan.core.share.protected import _clip_each
from naturplan.core.share.tiles import TileGrid
from naturplan.io.paths import AALBORG_BOUNDARY, layers_dir


def _municipality() -> shapely.Geometry:
    import pyogrio

    frame = pyogrio.read_dataframe(layers_dir() / AALBORG_BOUNDARY)
    return shapely.union_all(frame.geometry.values)


def test_the_callers_geometry_is_never_prepared() -> None:
    muni = _municipality()
    minx, miny, maxx, maxy = muni.bounds
    xs = np.linspace(minx, maxx, 40)
    boxes = shapely.box(xs, miny, xs + 2_000, miny + (maxy - miny) / 2)
    grid = TileGrid(muni)
    clipped = _clip_each(boxes, muni, None)
    cut = clip_to(boxes, muni)
    assert not shapely.is_prepared(muni)
    # The copies give what the geometry itself gives.
    assert shapely.equals(grid.clip, muni)
    expected = shapely.area(shapely.intersection(boxes, muni))
    assert np.allclose(shapely.area(clipped), expected)
    assert np.allclose(shapely.area(cut), expected)
    copy = prepared_copy(muni)
    assert copy is not muni and shapely.is_prepared(copy) and shapely.equals_exact(copy, muni, 0)


def test_two_threads_on_one_municipality_do_not_crash() -> None:
    """In a child process, since the failure is a crash: the two calls that crashed the suite,
    on one shared, freshly read geometry, from two threads, many times."""
    code = textwrap.dedent("""
        import threading
        import numpy as np, shapely, pyogrio
        from naturplan.core.share.protected import _clip_each
        from naturplan.core.share.tiles import TileGrid
        from naturplan.io.paths import AALBORG_BOUNDARY, layers_dir
        frame = pyogrio.read_dataframe(layers_dir() / AALBORG_BOUNDARY)
        wkb = shapely.to_wkb(shapely.union_all(frame.geometry.values))
        minx, miny, maxx, maxy = shapely.from_wkb(wkb).bounds
        rng = np.random.default_rng(1)
        xs, ys = rng.uniform(minx, maxx, 3000), rng.uniform(miny, maxy, 3000)
        boxes = shapely.box(xs, ys, xs + 500, ys + 500)
        for _ in range(150):
            shared = shapely.from_wkb(wkb)
            shapely.prepare(shared)  # as Municipality does, in the loading thread
            jobs = [threading.Thread(target=TileGrid, args=(shared, 5000.0)),
                    threading.Thread(target=_clip_each, args=(boxes, shared, None))]
            for job in jobs: job.start()
            for job in jobs: job.join()
        print("ok")
    """)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0 and result.stdout.strip() == "ok", result.stderr[-2000:]
