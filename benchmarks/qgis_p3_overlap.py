"""The reference for bench_parcels.py: per-parcel §3 overlap (union, not sum) in QGIS processing.

Run by Debian's Python with python3-qgis (QGIS 3.22, Qt5), in its own process:

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 benchmarks/qgis_p3_overlap.py \
        SAMPLE.gpkg OUT.csv [MORE_LAYERS…]

What a QGIS user would do: ``native:intersection`` of the parcels with the §3 layer, then
``native:dissolve`` by parcel so that overlapping §3 polygons count once, then the area of
each dissolved piece; the same for every further layer named (natura2000_habitat for the
batch of issue 24 §4, areas not written). Prints the seconds the two algorithms took (QGIS
start-up excluded) and writes ``featureID,area_m2`` for the parcels that touch §3.
"""

from __future__ import annotations

import csv
import os
import sys
import time


def _overlap(processing, parcels, overlay, field):
    """``native:intersection`` + ``native:dissolve`` by parcel: featureID → m²."""
    cut = processing.run("native:intersection", {
        "INPUT": parcels, "OVERLAY": overlay, "INPUT_FIELDS": ["featureID"],
        "OVERLAY_FIELDS": [field] if field else [], "OUTPUT": "memory:"})["OUTPUT"]
    dissolved = processing.run("native:dissolve", {
        "INPUT": cut, "FIELD": ["featureID"], "OUTPUT": "memory:"})["OUTPUT"]
    return {int(f["featureID"]): f.geometry().area() for f in dissolved.getFeatures()}


def main(gpkg: str, out: str, extra: list[str]) -> None:
    from qgis.core import QgsApplication, QgsVectorLayer

    QgsApplication.setPrefixPath("/usr", True)
    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append("/usr/share/qgis/python/plugins")
    import processing  # noqa: F401 - registers the processing framework
    from processing.core.Processing import Processing

    Processing.initialize()  # registers the native algorithms too
    parcels = QgsVectorLayer(f"{gpkg}|layername=jordstykke", "parcels", "ogr")
    nature = QgsVectorLayer(f"{gpkg}|layername=beskyttede_naturtyper", "p3", "ogr")
    assert parcels.isValid() and nature.isValid(), "cannot open the sample"
    start = time.perf_counter()
    areas = _overlap(processing, parcels, nature, "Natyp_navn")
    for layer in extra:  # issue 24 §4: the §3 part plus Natura 2000, the same two steps
        other = QgsVectorLayer(f"{gpkg}|layername={layer}", layer, "ogr")
        assert other.isValid(), f"cannot open {layer}"
        _overlap(processing, parcels, other, None)
    seconds = time.perf_counter() - start
    with open(out, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["featureID", "area_m2"])
        writer.writerows(sorted(areas.items()))
    print(f"{seconds:.3f}", flush=True)
    # QGIS 3.22 often crashes while tearing down in a script (exit code 139); the work is
    # done and written, so leave without the teardown.
    os._exit(0)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
