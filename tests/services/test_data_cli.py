"""``naturplan data fetch`` / ``refresh`` end to end against MapServer's WFS on loopback."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from loopback_fixtures import SERVED_COUNT

from naturplan.io.project.gpkg_store import GeoPackageStore
from naturplan.io.project.settings import PLAN_KEY
from naturplan.io.services.provenance import provenance_of

REPO = Path(__file__).resolve().parents[2]


def naturplan(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    environment = {**os.environ, "PYTHONPATH": str(REPO), **(env or {})}
    return subprocess.run([sys.executable, "-m", "naturplan", *args], capture_output=True,
                          text=True, timeout=180, env=environment)


def test_fetch_records_in_the_project_and_refresh_fetches_again(wfs_server, tmp_path) -> None:
    out, project = tmp_path / "p3.gpkg", tmp_path / "plan.gpkg"
    result = naturplan("data", "fetch", "nature_p3", "--service",
                       wfs_server.url + "?token=SECRET-77", "--layer", "p3", "--out", str(out),
                       "--kommune", "0851", "--project", str(project), "--page-size", "10")
    assert result.returncode == 0, result.stderr
    assert f"{SERVED_COUNT} objekter" in result.stdout and "nature_p3" in result.stdout
    first = provenance_of(out, "p3")
    assert first is not None and first.count == SERVED_COUNT
    with GeoPackageStore(project, create=False, readonly=True) as store:
        layers = store.settings()[PLAN_KEY]["layers"]
    assert [la["role"] for la in layers] == ["nature_p3"]
    assert layers[0]["service"]["url"] == wfs_server.url
    assert layers[0]["service"]["layer"] == "p3" and layers[0]["service"]["kind"] == "wfs"
    assert b"SECRET-77" not in project.read_bytes()  # nor in the audit trail
    assert b"SECRET-77" not in out.read_bytes()

    time.sleep(1.1)  # fetch times are kept to the second
    again = naturplan("data", "refresh", "--project", str(project), "--lang", "en")
    assert again.returncode == 0, again.stderr
    assert f"Fetched {SERVED_COUNT} features of p3" in again.stdout
    second = provenance_of(out, "p3")
    assert second is not None and second.fetched > first.fetched
    with GeoPackageStore(project, create=False, readonly=True) as store:
        service = store.settings()[PLAN_KEY]["layers"][0]["service"]
    assert service["fetched"] == second.fetched.isoformat(timespec="seconds")


def test_fetch_errors_are_one_line(tmp_path) -> None:
    result = naturplan("data", "fetch", "nature_p3", "--service", "nowhere", "--out",
                       str(tmp_path / "x.gpkg"))
    assert result.returncode == 1
    assert result.stderr.startswith("naturplan: fejl: Ukendt tjeneste nowhere")
    assert "Traceback" not in result.stderr
    result = naturplan("data", "fetch", "natura2000", "--service", "miljoeportal", "--out",
                       str(tmp_path / "x.gpkg"))
    assert result.returncode == 1 and "--layer" in result.stderr
