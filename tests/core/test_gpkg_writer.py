"""One GeoPackage writer that knows the version QGIS 3.22 reads without a warning (1.2), used
by every GDAL write (issue 21 §4: the rule was repeated in four places)."""

from __future__ import annotations

import ast
import sqlite3
from pathlib import Path

import geopandas as gpd
import shapely

import naturplan
from naturplan.io.geopackage import describe_layer
from naturplan.io.gpkg_writer import write_gpkg

PACKAGE = Path(naturplan.__file__).parent


def _frame(n: int) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame({"name": [f"f{i}" for i in range(n)]},
                            geometry=[shapely.box(i, 0, i + 1, 1) for i in range(n)],
                            crs=25832)


def _pragma(path: Path, name: str) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute(f"PRAGMA {name}").fetchone()[0])


def test_a_new_file_is_geopackage_1_2_with_the_description_and_metadata(tmp_path):
    path = tmp_path / "t.gpkg"
    write_gpkg(_frame(3), path, "first", description="Målt 6. dec.",
               metadata={"NATURPLAN_SYNTHETIC": "true"}, promote_to_multi=True)
    assert _pragma(path, "application_id") == 0x47504B47  # 'GPKG'
    assert _pragma(path, "user_version") == 10200  # 1.2.0 (GDAL's default is 1.4: 10400)
    with sqlite3.connect(path) as conn:
        row = conn.execute("SELECT description FROM gpkg_contents WHERE table_name='first'")
        assert row.fetchone()[0] == "Målt 6. dec."
        kind = conn.execute("SELECT geometry_type_name FROM gpkg_geometry_columns")
        assert kind.fetchone()[0] == "MULTIPOLYGON"
    layer = describe_layer(path, "first")
    assert layer.features == 3 and layer.metadata["NATURPLAN_SYNTHETIC"] == "true"


def test_a_second_layer_joins_the_file(tmp_path):
    path = tmp_path / "t.gpkg"
    write_gpkg(_frame(2), path, "first")
    write_gpkg(_frame(5), path, "second", use_arrow=True)
    assert describe_layer(path, "first").features == 2
    assert describe_layer(path, "second").features == 5
    assert _pragma(path, "user_version") == 10200


def _gpkg_writes(tree: ast.AST) -> list[int]:
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
                node.func.attr in {"to_file", "write_dataframe"}:
            if any(kw.arg == "driver" and "GPKG" in ast.unparse(kw.value)
                   or kw.arg == "dataset_options" and "VERSION" in ast.unparse(kw.value)
                   for kw in node.keywords):
                lines.append(node.lineno)
    return lines


def test_every_geopackage_is_written_through_write_gpkg():
    found = {str(p.relative_to(PACKAGE)): lines for p in sorted(PACKAGE.rglob("*.py"))
             if (lines := _gpkg_writes(ast.parse(p.read_text(encoding="utf-8"))))}
    assert found == {"io/gpkg_writer.py": found.get("io/gpkg_writer.py", [])}, found
    assert found["io/gpkg_writer.py"]  # the scan sees the one place
    example = 'f.to_file(p, driver="GPKG", dataset_options={"VERSION": "1.2"})'
    assert _gpkg_writes(ast.parse(example)) == [1]
