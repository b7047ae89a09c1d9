"""Issue 21 §3: views follow the plan's Change. The rows kept across an edit, the frame built
from them and the snapping index updated in place must equal what a full rebuild gives."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import shapely
from shapely.geometry import box

from naturplan.core.plan.candidates import Candidate
from naturplan.core.plan.plan import CandidatePlan
from naturplan.core.plan.rows import PlanRows, candidates_frame, frame_after
from naturplan.core.plan.snapping import SnapIndex


def _random_edits(plan: CandidatePlan, rng: np.random.Generator, n: int):
    """Yield the plan's Change after each of *n* random adds, moves, deletes and undos."""
    done = []
    for step in range(n):
        ids = [c.id for c in plan.candidates()]
        roll = rng.random()
        if not ids or roll < 0.35:
            x, y = rng.uniform(0, 5000, 2)
            size = rng.uniform(20, 300)
            change = plan.add(Candidate.new("lowland", box(x, y, x + size, y + size), f"c{step}"))
        elif roll < 0.7:
            cid = ids[int(rng.integers(len(ids)))]
            dx, dy = rng.uniform(-200, 200, 2)
            geom = shapely.transform(plan.get(cid).geometry, lambda xy, d=(dx, dy): xy + d)
            change = plan.replace_geometry(cid, geom)
        elif roll < 0.85 or not done:
            change = plan.delete(ids[int(rng.integers(len(ids)))])
        else:
            change = plan.revert(done.pop())
        done.append(change)
        yield change


def test_rows_frame_and_snapping_follow_changes_like_a_rebuild(tmp_path):
    from naturplan.io.project.gpkg_store import GeoPackageStore

    rng = np.random.default_rng(21)
    points = rng.uniform(-100, 5400, (40, 2))
    with GeoPackageStore(Path(str(tmp_path)) / "p.gpkg", author="t") as store:
        plan = CandidatePlan(store)
        rows, snap = PlanRows(), SnapIndex()
        rows.reset(plan.candidates())
        frame = candidates_frame(rows.candidates)
        snap.set_source("candidates", rows.geometries)
        built = snap.trees_built
        for change in _random_edits(plan, rng, 120):
            update = rows.apply(plan.candidates(), change)
            touched = {c.id for c in (*change.before, *change.after)}
            # kept: exactly the untouched rows, pointing at their old row
            for row, c in enumerate(update.candidates):
                assert (update.kept[row] >= 0) == (c.id not in touched)
            frame = frame_after(frame, update)
            scratch = candidates_frame(plan.candidates())
            pd.testing.assert_frame_equal(frame.drop(columns="geometry"),
                                          scratch.drop(columns="geometry"))
            assert all(shapely.equals_exact(frame.geometry.to_numpy(),
                                            scratch.geometry.to_numpy(), 0.0))
            snap.update_source("candidates", rows.geometries, update.kept)
            fresh = SnapIndex({"candidates": rows.geometries})
            for x, y in points:  # every query answers as an index built from scratch
                got, want = snap.snap(x, y, 250.0), fresh.snap(x, y, 250.0)
                assert (got is None) == (want is None)
                if got is not None:
                    assert (got.x, got.y, got.distance) == (want.x, want.y, want.distance)
                    assert rows.ids[got.feature] == rows.ids[want.feature] or (
                        got.distance == want.distance)
        # A tree is built again now and then (after REBUILD_AFTER new features), not per edit.
        assert snap.trees_built - built < 120 // 4
