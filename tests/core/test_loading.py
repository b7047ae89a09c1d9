"""Real Danish files load with the right role, CRS and field mapping; bad input is refused."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
import shapely
import shapely.affinity
from shapely.geometry import Polygon, box

from naturplan.core.errors import (
    FieldMappingError,
    LayerLoadError,
    MissingCRSError,
    UnknownMunicipalityError,
    UnknownRoleError,
)
from naturplan.core.layers.layer import VectorLayer
from naturplan.core.layers.roles import Role
from naturplan.io.loading import LayerRequest, load_layer, load_municipality, parse_layer_arg


def in_denmark(geoms: list) -> list:
    """Hand-made shapes moved from (0, 0) to near Aalborg: coordinates far outside the area
    EPSG:25832 is made for are left out on load (issue 18)."""
    return [shapely.affinity.translate(g, 550_000, 6_300_000) for g in geoms]


def _load(text: str) -> VectorLayer:
    layer = load_layer(parse_layer_arg(text))
    assert isinstance(layer, VectorLayer)
    return layer


def test_national_dagi_geojson_is_reprojected_and_flattened(real_data: Path) -> None:
    layer = _load(f"municipality={real_data / 'dk_kommuner_dagi_2014.geojson'}")
    assert layer.frame.crs.to_epsg() == 25832
    assert layer.report.z_dropped and layer.report.reprojected
    assert not layer.frame.geometry.has_z.any()
    assert layer.frame["KOMKODE"].nunique() == 99  # 98 kommuner + Christiansø
    assert layer.source.mapping == "DAGI kommuneinddeling"


def test_aalborg_from_national_file_matches_the_shipped_boundary(real_data: Path) -> None:
    national = load_municipality(
        "851", LayerRequest(Role.MUNICIPALITY, real_data / "dk_kommuner_dagi_2014.geojson")
    )
    shipped = load_municipality()
    assert national.code == shipped.code == "0851"
    assert national.name == "Aalborg"
    # SOURCES.md: 1137.28 km² computed from the same polygon.
    assert shipped.area_m2 / 1e6 == pytest.approx(1137.28, abs=0.01)
    assert national.area_m2 == pytest.approx(shipped.area_m2, rel=1e-4)


def test_unknown_kommune_is_refused() -> None:
    with pytest.raises(UnknownMunicipalityError, match="9999"):
        load_municipality("9999")
    with pytest.raises(UnknownMunicipalityError, match="4 digits"):
        load_municipality("aalborg")


def test_bird_areas_map_to_natura2000_and_are_repaired(real_data: Path) -> None:
    layer = _load(f"natura2000={real_data / 'dk_natura2000_fuglebeskyttelse_mst.gpkg'}")
    assert layer.source.mapping.startswith("Miljøportal Natura 2000 fugle")
    assert set(layer.frame["kind"]) == {"bird"}
    assert "DK00FX007" in set(layer.frame["Site_ident"])  # Lille Vildmose
    assert layer.report.repaired > 0 and layer.frame.geometry.is_valid.all()
    # SOURCES.md: SPA ∩ Aalborg = 91.5 km² (derived there with the same files).
    aalborg = load_municipality()
    inside = shapely.intersection(shapely.union_all(layer.frame.geometry.values), aalborg.geometry)
    assert inside.area / 1e6 == pytest.approx(91.5, abs=0.1)


def test_natura2000_subset_without_codes(real_data: Path) -> None:
    layer = _load(f"natura2000={real_data / 'nordjylland_natura2000_omraader_subset.gpkg'}")
    assert set(layer.frame["kind"]) == {"combined"} and len(layer.frame) == 20


def test_koege_p3_maps_types_and_codes(real_data: Path) -> None:
    layer = _load(f"nature_p3={real_data / 'koege_p3_beskyttede_naturtyper_2024_sample.geojson'}")
    assert layer.frame.crs.to_epsg() == 25832 and layer.report.reprojected
    counts = layer.frame["Natyp_navn"].value_counts().to_dict()
    assert counts == {"Sø": 37, "Mose": 34, "Eng": 14, "Overdrev": 6}  # SOURCES.md
    assert str(layer.frame["Natyp_kode"].dtype) == "Int64"
    assert "Fredning" in layer.frame.columns  # source attributes kept


@pytest.mark.parametrize(
    "name", ["lejre_borup_osted_matrikel_60851.gml", "lejre_borup_osted_matrikel_60851.gpkg"]
)
def test_matrikel_jordstykke_from_gml_and_gpkg(real_data: Path, name: str) -> None:
    layer = _load(f"parcels={real_data / name}")
    assert layer.source.layer == "Jordstykke"  # chosen among 9 layers
    assert len(layer.frame) == 47
    assert set(layer.frame["ejerlavskode"]) == {60851}
    assert layer.frame["matrikelnummer"].str.match(r"^\d+[a-zæø]*$").all()
    # registreret areal is the cadastre's number; the geometry's area is close to it
    ratio = layer.frame.geometry.area / layer.frame["registreretAreal"].astype(float)
    assert ratio.median() == pytest.approx(1.0, abs=0.05)


def test_matrikel_named_layer(real_data: Path) -> None:
    layer = _load(f"parcels={real_data / 'viborg_markjorder_matrikel_sample.gpkg'}:Jordstykke")
    assert len(layer.frame) == 24 and set(layer.frame["ejerlavsnavn"]) == {"Viborg Markjorder"}


def test_flood_polygons_keep_dn(real_data: Path) -> None:
    layer = _load(
        f"flood={real_data / 'vallensbaek_oversvoemmelsesrisiko_kystdirektoratet.geojson'}"
    )
    assert layer.frame["DN"].tolist() == [1.0]


def test_unknown_layer_name_lists_the_layers(real_data: Path) -> None:
    with pytest.raises(LayerLoadError, match="Jordstykke"):
        _load(f"parcels={real_data / 'lejre_borup_osted_matrikel_60851.gpkg'}:Parcels")


def test_unknown_schema_asks_for_a_mapping_and_user_mapping_works(tmp_path: Path) -> None:
    path = tmp_path / "types.gpkg"
    gpd.GeoDataFrame(
        {"TYPE": ["Mose", "Eng"]}, geometry=in_denmark([box(0, 0, 1, 1), box(2, 2, 3, 3)]),
        crs=25832,
    ).to_file(path)
    # The core names no command-line option: the CLI adds "--field ..." by the error's code.
    with pytest.raises(FieldMappingError, match="not a known schema") as refused:
        load_layer(LayerRequest(Role.NATURE_P3, path))
    assert refused.value.code == "unknown_schema" and "--" not in str(refused.value)
    assert refused.value.params["role"] == "nature_p3"
    assert refused.value.params["field"] == "Natyp_navn"
    layer = load_layer(LayerRequest(Role.NATURE_P3, path, fields={"Natyp_navn": "TYPE"}))
    assert list(layer.frame["Natyp_navn"]) == ["Mose", "Eng"]
    with pytest.raises(FieldMappingError, match="NOPE"):
        load_layer(LayerRequest(Role.NATURE_P3, path, fields={"Natyp_navn": "NOPE"}))


def test_missing_crs_is_refused_unless_stated(tmp_path: Path) -> None:
    path = tmp_path / "nocrs.geojson"
    path.write_text(
        '{"type":"FeatureCollection","features":[{"type":"Feature",'
        '"properties":{"Natyp_navn":"Eng"},"geometry":{"type":"Polygon","coordinates":'
        '[[[550000,6300000],[550100,6300000],[550100,6300100],[550000,6300000]]]}}]}'
    )
    # GeoJSON without "crs" means WGS84 to OGR, so use a shapefile without .prj instead.
    shp = tmp_path / "nocrs.shp"
    gpd.read_file(path).set_crs(None, allow_override=True).to_file(shp)
    shp.with_suffix(".prj").unlink(missing_ok=True)
    # The core names no command-line option: the CLI adds "--assume-crs" by the error's code.
    with pytest.raises(MissingCRSError, match="no coordinate reference system") as info:
        load_layer(LayerRequest(Role.NATURE_P3, shp))
    assert "--" not in str(info.value) and info.value.code == "missing_crs"
    layer = load_layer(LayerRequest(Role.NATURE_P3, shp, assume_crs="25832"))
    assert layer.frame.crs.to_epsg() == 25832
    assert layer.frame.geometry.iloc[0].area == pytest.approx(5000.0)


def test_invalid_geometry_repaired_and_counted(tmp_path: Path) -> None:
    bowtie = Polygon([(0, 0), (10, 10), (10, 0), (0, 10)])  # self-intersecting
    ok = box(20, 0, 30, 10)
    line = shapely.LineString([(0, 0), (5, 5)])
    path = tmp_path / "bad.gpkg"
    gpd.GeoDataFrame(
        {"Natyp_navn": ["Eng", "Mose", "Sø"]}, geometry=in_denmark([bowtie, ok, line]),
        crs=25832,
    ).to_file(path)
    layer = load_layer(LayerRequest(Role.NATURE_P3, path))
    assert layer.report.repaired == 1
    assert layer.report.dropped_non_polygon == 1
    assert len(layer.frame) == 2 and layer.frame.geometry.is_valid.all()
    assert layer.frame.geometry.iloc[0].area == pytest.approx(50.0)  # two triangles


def test_missing_and_broken_files(tmp_path: Path) -> None:
    with pytest.raises(LayerLoadError, match="not found"):
        load_layer(LayerRequest(Role.PARCELS, tmp_path / "nope.gpkg"))
    broken = tmp_path / "broken.gpkg"
    broken.write_bytes(b"this is not a geopackage" * 10)
    with pytest.raises(LayerLoadError, match="broken.gpkg"):
        load_layer(LayerRequest(Role.PARCELS, broken))


def test_unknown_role() -> None:
    with pytest.raises(UnknownRoleError, match="nature_p3"):
        parse_layer_arg("nature=foo.gpkg")


def test_raster_for_polygon_role_is_refused(tmp_path: Path) -> None:
    import rasterio
    from rasterio.transform import from_origin

    tif = tmp_path / "d.tif"
    with rasterio.open(
        tif, "w", driver="GTiff", width=4, height=4, count=1, dtype="float32",
        crs="EPSG:25832", transform=from_origin(0, 40, 10, 10),
    ) as dst:
        dst.write(np.ones((1, 4, 4), "float32"))
    with pytest.raises(LayerLoadError, match="raster"):
        load_layer(LayerRequest(Role.PARCELS, tif))
    flood = load_layer(LayerRequest(Role.FLOOD, tif))
    assert flood.is_raster and flood.value_range == (1.0, 1.0)


def test_list_fields_reads_the_schema_only(real_data: Path) -> None:
    from naturplan.io.vector import list_fields

    fields = list_fields(real_data / "lejre_borup_osted_matrikel_60851.gpkg", "Jordstykke")
    assert {"matrikelnummer", "landsejerlavskode", "registreretAreal"} <= set(fields)
    with pytest.raises(LayerLoadError, match="nope.gpkg"):
        list_fields(real_data / "nope.gpkg")


@pytest.mark.filterwarnings("ignore:Field .* created as String field:RuntimeWarning")
def test_flatgeobuf_and_shapefile_load_like_the_original(real_data: Path, tmp_path: Path) -> None:
    source = real_data / "koege_p3_beskyttede_naturtyper_2024_sample.geojson"
    original = _load(f"nature_p3={source}")
    frame = gpd.read_file(source)  # EPSG:4326, as downloaded
    for name in ("p3.fgb", "p3.shp"):
        frame.to_file(tmp_path / name)
        layer = _load(f"nature_p3={tmp_path / name}")
        assert layer.frame.crs.to_epsg() == 25832
        assert len(layer.frame) == len(original.frame)
        assert layer.frame.geometry.area.sum() == pytest.approx(
            original.frame.geometry.area.sum(), rel=1e-9
        )
        assert sorted(layer.frame["Natyp_navn"]) == sorted(original.frame["Natyp_navn"])


# --- reading only what a command needs (issue 7) ----------------------------------------


@pytest.mark.parametrize("name", [
    "lejre_borup_osted_matrikel_60851.gpkg", "dk_natura2000_fuglebeskyttelse_mst.gpkg",
    "nordjylland_markblokke_omd_pgr_subset.gpkg", "aalborg_kommune_0851_dagi2014.gpkg",
])
def test_geopackage_reader_agrees_with_gdal(real_data: Path, name: str) -> None:
    """The sqlite3 reader of :mod:`naturplan.io.geopackage` against pyogrio (GDAL)."""
    import pyogrio
    import pyogrio.raw

    from naturplan.io import geopackage

    path = real_data / name
    assert geopackage.list_layers(path) == [(str(n), str(t)) for n, t in
                                             pyogrio.list_layers(path)]
    for layer, _ in geopackage.list_layers(path)[:3]:
        mine = geopackage.describe_layer(path, layer)
        info = pyogrio.read_info(path, layer=layer)
        assert mine.fields == tuple(info["fields"])
        assert mine.features == info["features"] and mine.crs == info["crs"]
        assert mine.geometry_type == info["geometry_type"]
        columns = list(mine.fields[:2])
        geoms, values = geopackage.read_layer(path, mine, columns)
        _, _, wkb, field_data = pyogrio.raw.read(path, layer=layer, columns=columns)
        assert shapely.equals_exact(geoms, shapely.from_wkb(wkb), 0.0).all()
        for i, column in enumerate(columns):
            assert values[column].tolist() == list(field_data[i])


def test_geopackage_metadata_matches_gdal(sample_env: dict) -> None:
    import pyogrio

    from naturplan.io.paths import sample_dir
    from naturplan.io.sample.manifest import read_manifest
    from naturplan.io.vector import inspect_vector

    manifest = read_manifest(sample_dir(float(sample_env["NATURPLAN_SAMPLE_SCALE"])))
    assert manifest is not None
    for item in manifest.layers:
        if item.layer is None:
            continue
        mine = inspect_vector(item.path, item.layer)
        gdal = pyogrio.read_info(item.path, layer=item.layer)
        assert mine.synthetic and dict(mine.metadata) == gdal["layer_metadata"]
        assert mine.features == gdal["features"] == item.features


@pytest.mark.parametrize(("crs", "options"), [
    ("EPSG:25832", {}), ("EPSG:25832", {"BIGTIFF": "YES"}),
    ("EPSG:25832", {"ENDIANNESS": "BIG", "TILED": "YES", "COMPRESS": "DEFLATE"}),
    ("EPSG:4326", {}), (None, {}),
])
def test_geotiff_header_agrees_with_gdal(tmp_path: Path, crs: str | None, options: dict) -> None:
    import rasterio
    from rasterio.transform import from_origin

    from naturplan.io.geotiff import read_header

    tif = tmp_path / "d.tif"
    with rasterio.open(
        tif, "w", driver="GTiff", width=37, height=23, count=1, dtype="float32", crs=crs,
        transform=from_origin(500_000, 6_300_000, 10, 10), **options,
    ) as dst:
        dst.write(np.zeros((1, 23, 37), "float32"))
        dst.update_tags(NATURPLAN_SYNTHETIC="true", TIFFTAG_IMAGEDESCRIPTION="Oversvømmelse",
                        TIFFTAG_DATETIME="2025:09:30 08:00:00")
        dst.update_tags(1, UNIT="m")
    header = read_header(tif)
    assert header is not None
    with rasterio.open(tif) as src:
        assert (header.width, header.height) == (src.width, src.height)
        assert header.epsg == (src.crs.to_epsg() if src.crs else None)
        assert header.metadata == {k: v for k, v in src.tags().items() if k != "AREA_OR_POINT"}
    assert read_header(tmp_path / "missing.tif") is None
    (tmp_path / "text.tif").write_text("not a tiff")
    assert read_header(tmp_path / "text.tif") is None


def test_read_polygons_gives_the_geometry_load_layer_gives(real_data: Path) -> None:
    from naturplan.io.loading import read_polygons

    request = parse_layer_arg(
        f"nature_p3={real_data / 'koege_p3_beskyttede_naturtyper_2024_sample.geojson'}"
    )
    read = read_polygons(request, ["Natyp_navn"])
    layer = load_layer(request)
    assert isinstance(layer, VectorLayer)
    assert shapely.equals_exact(read.geometries, layer.frame.geometry.values, 0.0).all()
    assert read.columns["Natyp_navn"].tolist() == layer.frame["Natyp_navn"].tolist()
    assert read.summary.source == layer.source and read.summary.report == layer.report


# --- wrong geometry type (issue 7, §2): the same load the GUI's Add layer uses -------------


def test_a_layer_of_points_or_lines_is_refused_naming_role_file_and_type(tmp_path: Path) -> None:
    from naturplan.core.errors import WrongGeometryError
    from naturplan.io.loading import inspect_layer, read_polygons

    lines = tmp_path / "linjer.gpkg"
    gpd.GeoDataFrame({"zone": ["wanted"]}, geometry=[shapely.LineString([(0, 0), (1, 1)])],
                     crs=25832).to_file(lines)
    for load in (load_layer, inspect_layer, read_polygons):
        with pytest.raises(WrongGeometryError) as refused:
            load(LayerRequest(Role.FOREST_ZONES, lines))
        assert refused.value.code == "wrong_geometry"
        assert refused.value.params == {"role": "forest_zones", "name": "linjer.gpkg:linjer",
                                        "found": "LineString"}
    # A GeoJSON of points only declares "Point"; one with a single point in a collection
    # declares nothing and is read to find out.
    only = tmp_path / "only.geojson"
    only.write_text('{"type": "FeatureCollection", "features": [{"type": "Feature", '
                    '"properties": {"zone": "wanted"}, "geometry": {"type": '
                    '"GeometryCollection", "geometries": [{"type": "Point", "coordinates": '
                    '[550000, 6300000]}]}}], "crs": {"type": "name", "properties": {"name": '
                    '"urn:ogc:def:crs:EPSG::25832"}}}')
    with pytest.raises(WrongGeometryError):
        load_layer(LayerRequest(Role.FOREST_ZONES, only))


def test_a_mixed_layer_keeps_its_polygons_and_says_what_was_left_out(tmp_path: Path) -> None:
    from naturplan.core.notices import FEATURES_LEFT_OUT, layer_notices
    from naturplan.io.loading import inspect_layer

    mixed = tmp_path / "blandet.geojson"
    gpd.GeoDataFrame(
        {"zone": ["wanted", "unwanted", "neutral", "wanted"]},
        geometry=in_denmark([box(0, 0, 10, 10), shapely.Point(1, 1), shapely.Point(2, 2),
                             shapely.LineString([(0, 0), (5, 5)])]),
        crs=25832,
    ).to_file(mixed)
    request = LayerRequest(Role.FOREST_ZONES, mixed)
    layer = load_layer(request)
    assert isinstance(layer, VectorLayer) and len(layer.frame) == 1
    assert dict(layer.report.dropped_types) == {"Point": 2, "LineString": 1}
    [notice] = layer_notices(layer)
    assert notice.code == FEATURES_LEFT_OUT and notice.params["n"] == 3
    assert notice.params["types"] == {"Point": 2, "LineString": 1}
    assert str(notice).endswith("left out: 2 Point, 1 LineString.")
    summary = inspect_layer(request)  # declared "Unknown": read to count what is there
    assert summary.features == 1 and summary.report == layer.report
