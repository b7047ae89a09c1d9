"""Where today's network's memory goes (issue 24 §2), step by step, by hand.

    python benchmarks/bench_network_memory.py --world /tmp/h24g/national/national_world.gpkg

Reads the national world's analysis layers as the window's network job gets them (§3 and the
habitat sites, the DAGI municipalities, the flood raster), then runs the steps of
``todays_network`` and ``nature_at_risk`` one after the other in this process, with the app's
allocator settings. After each step it reports the resident memory (``VmRSS``) and the peak
*during* that step above the memory held before it (``VmHWM`` is reset through
``/proc/self/clear_refs`` before each step), and the size of what the step keeps.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from bench_national_app import _mem  # (VmRSS, VmHWM) in MB, read as the app bench does

REPO = Path(__file__).resolve().parents[1]


def _reset_peak() -> None:
    Path("/proc/self/clear_refs").write_text("5")


class Steps:
    def __init__(self) -> None:
        self.rows: list[dict[str, object]] = []

    def __call__(self, name: str, fn, *args, **kwargs):  # type: ignore[no-untyped-def]
        before, _ = _mem()
        _reset_peak()
        t0 = time.process_time()
        out = fn(*args, **kwargs)
        cpu = time.process_time() - t0
        after, peak = _mem()
        row = {"step": name, "cpu_s": round(cpu, 1), "rss_before": round(before),
               "rss_after": round(after), "peak": round(peak),
               "peak_above_before": round(peak - before)}
        self.rows.append(row)
        print(json.dumps(row), flush=True)
        return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--world", default="/tmp/naturplan-national/national_world.gpkg")
    parser.add_argument("--no-paths", action="store_true", help="keep_paths=False")
    args = parser.parse_args()
    from naturplan.gui.allocator import tune_allocator

    tune_allocator()
    import numpy as np

    from naturplan.core.analysis import connectivity as cm
    from naturplan.core.analysis.connectivity_iic import iic_pairs
    from naturplan.core.analysis.flood import nature_at_risk
    from naturplan.core.analysis.patches import (
        PieceIndex,
        dissolve_patches,
        patch_links,
        prune_links,
    )
    from naturplan.core.feedback import Feedback
    from naturplan.core.layers.roles import Role
    from naturplan.io.datasets import DatasetRequest
    from naturplan.io.loading import LayerRequest
    from naturplan.usecases.analysis import read_analysis_layers

    gpkg = Path(args.world)
    layers = [
        LayerRequest(Role.MUNICIPALITY, REPO / "layers" / "dk_kommuner_dagi_2014.geojson"),
        LayerRequest(Role.NATURE_P3, gpkg, "beskyttede_naturtyper"),
        LayerRequest(Role.NATURA2000, gpkg, "natura2000_habitat"),
        LayerRequest(Role.NATURA2000,
                     REPO / "layers" / "dk_natura2000_fuglebeskyttelse_mst.gpkg")]
    flood = gpkg.with_name("national_world_flood.tif")
    if flood.is_file():
        layers.append(LayerRequest(Role.FLOOD, flood))
    steps = Steps()
    a = steps("read layers", read_analysis_layers,
              DatasetRequest(use_sample=False, layers=tuple(layers)))
    params = cm.ConnectivityParams()
    fb = Feedback(lambda f, m: None, lambda: False)
    at_risk = None
    if a.flood is not None:
        steps("flood preload", a.flood.preload)
        at_risk = steps("nature at risk", nature_at_risk, a, feedback=fb)
    patches = steps("dissolve", dissolve_patches, a.protected, a.municipality)
    n = len(patches)
    index = steps("piece index", PieceIndex.of, patches.geoms)
    links = steps("links", patch_links, patches.geoms, params.link_m, index)
    pruned = steps("prune", prune_links, n, links, fb)
    graph = steps("graph", pruned.graph, n)
    order = steps("spatial order", cm._spatial_order, patches.geoms)
    rows, total, paths = steps("path sums", cm._path_sums, graph, patches.areas, params,
                               not args.no_paths, fb, order)
    iic_links = links.take(links.d <= params.iic_m)
    pairs = steps("iic pairs", iic_pairs, n, iic_links)
    kept = 0 if paths is None else paths.data.nbytes + paths.indices.nbytes + \
        paths.indptr.nbytes
    print(json.dumps({
        "patches": n, "links": len(links), "pruned_links": len(pruned),
        "kept_pairs": 0 if paths is None else int(paths.nnz), "kept_mb": round(kept / 2**20),
        "links_mb": round((links.i.nbytes + links.j.nbytes + links.d.nbytes) / 2**20),
        "pieces": len(index.pieces), "pc_sum": total, "iic_pairs": int(pairs),
        "area_sum": float(np.sum(patches.areas)),
        # to compare two checkouts' results bit for bit
        "links_sha": _digest(links.i, links.j, links.d),
        "pruned_sha": _digest(pruned.i, pruned.j, pruned.d),
        "rows_sha": _digest(rows),
        "kept_sha": None if paths is None else _digest(paths.indptr, paths.indices, paths.data),
        "at_risk": None if at_risk is None else [
            (t.nature_type, t.area_m2, t.wet_m2, t.mean_depth) for t in at_risk.types]}),
        flush=True)


def _digest(*arrays) -> str:  # type: ignore[no-untyped-def]
    import hashlib

    import numpy as np

    h = hashlib.sha256()
    for a in arrays:
        a = np.ascontiguousarray(a)
        h.update(str(a.dtype).encode())
        h.update(a.tobytes())
    return h.hexdigest()[:16]


if __name__ == "__main__":
    main()
