"""`naturplan suggest`'s start-up (issue 23: ≤ 3 s end to end on the full sample): the
command reads the flood raster without rasterio importing boto3 (its cloud sessions, 0.15 s),
loads no scipy for a plan without a boundary penalty (0.2-0.3 s), and still finds the plan."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from naturplan.io.project.open import open_plan

ROOT = Path(__file__).resolve().parents[2]


def test_suggest_runs_without_importing_boto3(tmp_path: Path, sample_env) -> None:
    project = tmp_path / "plan.gpkg"
    store, _ = open_plan(project, "tester")
    store.close()
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "naturplan", "suggest", "--project",
         str(project), "--target", "0.17", "--scenario", "S", "--json", "--sample-scale",
         sample_env["NATURPLAN_SAMPLE_SCALE"]],
        env={**sample_env, "PYTHONPATH": str(ROOT)}, cwd=ROOT, capture_output=True,
        text=True, check=False, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    imported = {line.split("|")[-1].strip() for line in done.stderr.splitlines()
                if line.startswith("import time:")}
    assert "rasterio" in imported  # the flood raster was read
    # boto3 itself is listed (the refused attempt, microseconds); what it would load is not
    assert not any(name.split(".")[0] in ("botocore", "s3transfer") or name.startswith("boto3.")
                   for name in imported)
    # a plan without a boundary penalty makes no cut: scipy's sparse graphs stay unloaded
    assert not any(name.split(".")[0] == "scipy" for name in imported)
    report = json.loads(done.stdout)
    assert report["share_after"] >= 0.17 and report["candidates"]
