"""An invalid polygon in an imported file is explained in words, with the place to whole
metres, not in GEOS' English (issue 20 item 4)."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import shapely

from naturplan.cli import main

X0, Y0 = 555_000.0, 6_320_000.0


def test_a_self_crossing_feature_is_named_in_danish_with_its_place(tmp_path: Path,
                                                                   capsys) -> None:
    bow = shapely.Polygon([(X0, Y0), (X0 + 100, Y0 + 100), (X0 + 100, Y0), (X0, Y0 + 100)])
    good = shapely.box(X0 + 500, Y0, X0 + 600, Y0 + 100)
    source = tmp_path / "forslag.gpkg"
    gpd.GeoDataFrame({"navn": ["Sløjfe", "God"]}, geometry=[bow, good],
                     crs=25832).to_file(source)
    project = tmp_path / "plan.gpkg"
    code = main(["candidates", "import", "--project", str(project), "--from", str(source),
                 "--kind", "lowland"])
    err = capsys.readouterr().err
    assert code == 1 and not project.exists()
    # The edges (X0, Y0)-(X0+100, Y0+100) and (X0+100, Y0)-(X0, Y0+100) cross at +50, +50.
    assert ("'Sløjfe': ugyldig polygon (omridset krydser sig selv ved Ø 555.050, "
            "N 6.320.050)") in err
    assert "Self-intersection" not in err and "[" not in err
