"""``naturplan data fetch`` / ``refresh`` end to end against MapServer's WFS on loopback."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

from cli_runner import run_cli
from loopback_fixtures import MAPPED_FIELDS, SERVED_COUNT, served_nature

from naturplan.io.project.gpkg_store import GeoPackageStore
from naturplan.io.project.settings import PLAN_KEY, recorded_request
from naturplan.io.services.provenance import provenance_of

REPO = Path(__file__).resolve().parents[2]


def naturplan(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return run_cli(args, {**os.environ, **(env or {})})


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


def test_a_mapped_layer_keeps_its_mapping_through_refresh(wfs_mapped_server, tmp_path) -> None:
    """A served schema no built-in mapping fits: fetched with ``--field``, the mapping is
    recorded with the layer, and ``data refresh`` reads the new file with it (same role,
    same fields: the served values under the canonical names)."""
    out, project = tmp_path / "naturtyper.gpkg", tmp_path / "plan.gpkg"
    fetch = ["data", "fetch", "nature_p3", "--service", wfs_mapped_server.url, "--layer",
             "naturtyper", "--out", str(out), "--project", str(project), "--lang", "en"]
    unmapped = naturplan(*fetch)
    assert unmapped.returncode == 1 and "Traceback" not in unmapped.stderr
    assert "naturtype" in unmapped.stderr  # the served fields are named
    assert not project.exists() or recorded_request(project) is None
    wrong = naturplan(*fetch, "--field", "parcels.matrikelnummer=id")
    assert wrong.returncode == 1 and "nature_p3" in wrong.stderr

    fields = [arg for k, v in MAPPED_FIELDS.items() for arg in ("--field", f"nature_p3.{k}={v}")]
    result = naturplan(*fetch, *fields)
    assert result.returncode == 0, result.stderr
    assert f"Fetched {SERVED_COUNT} features of naturtyper" in result.stdout
    assert "(nature_p3, mapping user)" in result.stdout
    first = provenance_of(out, "naturtyper")
    assert first is not None

    time.sleep(1.1)  # fetch times are kept to the second
    again = naturplan("data", "refresh", "--project", str(project), "--lang", "en")
    assert again.returncode == 0, again.stderr
    assert f"Fetched {SERVED_COUNT} features of naturtyper" in again.stdout
    assert "(nature_p3, mapping user)" in again.stdout
    with GeoPackageStore(project, create=False, readonly=True) as store:
        (layer,) = store.settings()[PLAN_KEY]["layers"]
    assert layer["role"] == "nature_p3" and layer["fields"] == MAPPED_FIELDS
    second = provenance_of(out, "naturtyper")
    assert second is not None and second.fetched > first.fetched
    assert layer["service"]["fetched"] == second.fetched.isoformat(timespec="seconds")

    # The project reads the refreshed layer as the served one, under the canonical names.
    from naturplan.io.loading import load_layer

    recorded = recorded_request(project)
    assert recorded is not None
    loaded = load_layer(recorded[0].layers[0])
    served = served_nature().sort_values("Objekt_id")
    got = loaded.frame.sort_values("Objekt_id")
    assert list(got["Objekt_id"]) == list(served["Objekt_id"])
    assert list(got["Natyp_navn"]) == list(served["Natyp_navn"])
    assert [int(v) for v in got["Natyp_kode"]] == list(served["Natyp_kode"])


def test_a_refresh_that_no_longer_fits_its_mapping_keeps_the_old_file(wfs_mapped_server,
                                                                       tmp_path) -> None:
    """The service's fields changed since the mapping was chosen: the refresh is refused with
    the mapping's error and the file on disk is the one fetched before, byte for byte."""
    import dataclasses

    import pytest

    from naturplan.core.errors import FieldMappingError
    from naturplan.io.services.refresh import refresh_and_load

    out, project = tmp_path / "naturtyper.gpkg", tmp_path / "plan.gpkg"
    fields = [arg for k, v in MAPPED_FIELDS.items() for arg in ("--field", f"nature_p3.{k}={v}")]
    fetched = naturplan("data", "fetch", "nature_p3", "--service", wfs_mapped_server.url,
                        "--layer", "naturtyper", "--out", str(out), "--project", str(project),
                        *fields)
    assert fetched.returncode == 0, fetched.stderr
    before = out.read_bytes()
    recorded = recorded_request(project)
    assert recorded is not None
    request = recorded[0].layers[0]
    # As if the service had renamed the field the mapping reads the type name from.
    changed = dataclasses.replace(request, fields={**MAPPED_FIELDS,
                                                   "Natyp_navn": "no_longer_served"})
    bbox = tuple(float(v) for v in served_nature().total_bounds)
    with pytest.raises(FieldMappingError):
        refresh_and_load(changed, bbox)
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.glob("naturtyper*")) == ["naturtyper.gpkg"]
    result, layer = refresh_and_load(request, bbox)  # the recorded mapping still fits
    assert result.path == out and len(layer.frame) == SERVED_COUNT
    assert sorted(p.name for p in tmp_path.glob("naturtyper*")) == ["naturtyper.gpkg"]
