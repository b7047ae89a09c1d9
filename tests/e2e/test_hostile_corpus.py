"""A hostile-input corpus, generated (issue 18, "beyond the cases"): geometries and
coordinates (valid, bow-tie, empty, NaN, inf, 1e300, tiny, huge, degrees read as metres,
metres declared as degrees) and names and
notes (any Unicode, control characters, very long) through ``candidates import`` -> the
project store -> ``candidates list --json`` / ``stats --project --json`` -> read back.

Each value either round-trips exactly or is refused with one Danish line and exit code 1;
every JSON document is valid JSON (no NaN, no Infinity). The expectations are computed here
with plain shapely, not by the program. The CLI runs in-process (``naturplan.cli.main``).
"""

from __future__ import annotations

import json
import math
import tempfile
from pathlib import Path

import geopandas as gpd
import numpy as np
import pyogrio
import pytest
import shapely
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from shapely.geometry import Polygon, box

from naturplan.cli import main

X, Y = 555_000.0, 6_320_000.0  # near Aalborg (EPSG:25832)
CORPUS = settings(max_examples=30, deadline=None, derandomize=True, database=None,
                  suppress_health_check=[HealthCheck.function_scoped_fixture,
                                         HealthCheck.too_slow])

#: Geometry kinds and whether the import may take them as they are.
USABLE = {"valid": True, "tiny": True, "huge": True, "bowtie": False, "empty": False,
          "nan": False, "inf": False, "absurd": False, "degrees": False}


def strict_json(text: str) -> object:
    def refuse(constant: str) -> None:
        raise ValueError(f"not JSON: {constant}")

    return json.loads(text, parse_constant=refuse)


def _geometry(kind: str, slot: int, size: float) -> Polygon:
    """A geometry of *kind* in its own place (*slot*), so no two are the same."""
    x, y = X + 3_000 * slot, Y
    ring = [(x, y), (x + size, y), (x + size, y + size), (x, y + size)]
    with np.errstate(invalid="ignore"):
        shapes = {
            "valid": lambda: box(x, y, x + size, y + size),
            "tiny": lambda: box(x, y, x + 1e-3, y + 1e-3),
            "huge": lambda: box(0.0, 5_500_000.0, 1_000_000.0 + slot, 6_500_000.0),
            "bowtie": lambda: Polygon([(x, y), (x + size, y + size), (x + size, y),
                                       (x, y + size)]),
            "empty": Polygon,
            "nan": lambda: Polygon([*ring[:2], (math.nan, y + size), ring[3]]),
            "inf": lambda: Polygon([*ring[:2], (math.inf, y + size), ring[3]]),
            "absurd": lambda: Polygon([*ring[:2], (1e300, y + size), ring[3]]),
            "degrees": lambda: box(9.9 + slot / 100, 57.0, 9.91 + slot / 100, 57.01),
        }
        return shapes[kind]()


#: Any text a file can hold: every Unicode character but surrogates and NUL (C strings).
file_text = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"),
                    min_size=1, max_size=60)
#: Any text a command line can pass in-process (NUL too), up to 5,000 characters.
any_text = st.one_of(st.text(st.characters(exclude_categories=("Cs",)), max_size=80),
                     st.text(min_size=4_000, max_size=5_000, alphabet="æøåÆØÅ\t\r\n\x1b"))
def _features(kinds: list[str]) -> st.SearchStrategy[list[tuple[str, str, float]]]:
    return st.lists(st.tuples(st.sampled_from(kinds), file_text, st.floats(0.5, 2_000.0)),
                    min_size=1, max_size=4)


#: Half the files hold only usable kinds (else nearly every file would be refused).
features = st.one_of(_features(sorted(k for k, ok in USABLE.items() if ok)),
                     _features(sorted(USABLE)))


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def refused_in_danish(code: int, err: str) -> None:
    assert code == 1, err
    assert "Traceback" not in err and "unexpected error" not in err
    assert "Warning" not in err
    assert err.strip().splitlines()[-1].startswith("naturplan: fejl: "), err


def _write(path: Path, rows: list[tuple[str, str, float]], crs: int = 25832) -> list[Polygon]:
    """The file of *rows*, its coordinates declared in *crs*; returns the geometries as they
    should arrive in EPSG:25832 (transformed here with pyproj)."""
    geoms = [_geometry(kind, slot, size) for slot, (kind, _, size) in enumerate(rows)]
    frame = gpd.GeoDataFrame({"navn": [name for _, name, _ in rows]}, geometry=geoms, crs=crs)
    with np.errstate(invalid="ignore"):
        pyogrio.write_dataframe(frame, path, layer="forslag", geometry_type="Polygon")
    if crs == 25832:
        return geoms
    from pyproj import Transformer

    to_utm = Transformer.from_crs(crs, 25832, always_xy=True)
    def move(xy: np.ndarray) -> np.ndarray:
        return np.column_stack(to_utm.transform(xy[:, 0], xy[:, 1]))

    with np.errstate(invalid="ignore", over="ignore"):
        return list(shapely.transform(np.asarray(geoms, dtype=object), move))


def usable(kind: str, crs: int) -> bool:
    """Whether the import may take a feature of *kind* as it is: with the coordinates
    declared in degrees (a wrong CRS for metres), only the one made in degrees is in
    Denmark."""
    return USABLE[kind] if crs == 25832 else kind == "degrees"


@CORPUS
@given(rows=features, crs=st.sampled_from([25832, 25832, 25832, 4326]))
def test_import_list_stats_round_trip_or_refuse(
    sample_env: dict[str, str], capsys: pytest.CaptureFixture[str],
    rows: list[tuple[str, str, float]], crs: int,
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        source, project = Path(folder) / "forslag.gpkg", Path(folder) / "plan.gpkg"
        geoms = _write(source, rows, crs)
        code, _, err = run(capsys, "candidates", "import", "--project", str(project),
                           "--from", str(source), "--kind", "lowland")
        if not all(usable(kind, crs) for kind, _, _ in rows):
            event("refused")
            refused_in_danish(code, err)  # all or nothing: one broken feature refuses all
            assert not project.exists()
            return
        assert code == 0, err
        event(f"imported from EPSG:{crs}")
        code, out, err = run(capsys, "candidates", "list", "--project", str(project),
                             "--json", "--no-analysis")
        assert code == 0, err
        listed = strict_json(out)["candidates"]
        want = shapely.area(np.asarray(geoms, dtype=object))
        # One import is created in one millisecond: the list is "oldest first", then by id,
        # not in the file's order. Each feature is matched by its note (FID = slot + 1).
        by_fid = {int(c["note"].rsplit(" ", 1)[-1]): c for c in listed}
        assert sorted(by_fid) == list(range(1, len(rows) + 1))
        assert [by_fid[i + 1]["name"] for i in range(len(rows))] == [n for _, n, _ in rows]
        np.testing.assert_allclose([by_fid[i + 1]["area_m2"] for i in range(len(rows))], want,
                                   rtol=1e-9 if crs == 25832 else 1e-6)
        code, out, err = run(capsys, "stats", "--project", str(project), "--json",
                             "--no-sample")
        assert code == 0, err
        doc = strict_json(out)
        muni, protected = doc["municipality"]["area_m2"], doc["protected"]["area_m2"]
        projected = doc["projected"]
        # Only the part inside the municipality counts: never more than all of it, and never
        # more than what is protected plus the candidates' own area (a union, not a sum).
        limit = min(muni, protected + float(want.sum())) * (1 + 1e-9)
        assert protected * (1 - 1e-9) <= projected["area_m2"] <= limit
        assert 0.0 <= projected["share"] <= 1.0
        assert projected["gain_m2"] <= float(want.sum()) * (1 + 1e-9)


@pytest.fixture(scope="module")
def one_candidate(sample_env: dict[str, str]):
    with tempfile.TemporaryDirectory() as folder:
        source, project = Path(folder) / "f.gpkg", Path(folder) / "plan.gpkg"
        _write(source, [("valid", "start", 100.0)])
        assert main(["candidates", "import", "--project", str(project), "--from", str(source),
                     "--kind", "lowland"]) == 0
        yield project


@CORPUS
@given(name=any_text, note=any_text)
def test_names_and_notes_round_trip_through_the_store_or_are_refused(
    one_candidate: Path, capsys: pytest.CaptureFixture[str], name: str, note: str,
) -> None:
    project = str(one_candidate)
    code, out, _ = run(capsys, "candidates", "list", "--project", project, "--json",
                       "--no-analysis")
    [before] = strict_json(out)["candidates"]
    code, _, err = run(capsys, "candidates", "set", before["id"], "--project", project,
                       "--name", name, "--note", note)
    code_list, out, _ = run(capsys, "candidates", "list", "--project", project, "--json",
                            "--no-analysis")
    [after] = strict_json(out)["candidates"]
    if code == 0:
        event("stored")
        assert (after["name"], after["note"]) == (name, note)
    else:  # refused: one Danish line, and nothing changed
        event("refused")
        refused_in_danish(code, err)
        assert after == before
