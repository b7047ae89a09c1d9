"""QGIS's own atlas on the same layers as ``bench_atlas.py`` (run by that script).

Run with Debian's Python and QGIS (``/usr/bin/python3``, ``python3-qgis``), not naturplan's
environment::

    /usr/bin/python3 benchmarks/qgis_atlas.py SAMPLE.gpkg FLOOD.tif CANDIDATES.gpkg OUT.pdf

A4 portrait, one page per candidate (atlas coverage = the candidates layer, map extent driven
by the atlas feature with a 35 % margin): §3 nature categorised by ``Natyp_navn``, the flood
depth raster (pseudocolour), the parcels (outlines) and the candidates; a legend filtered to
the map's content, a scale bar, a north arrow and a label box with the candidate's name and
area; exported at 300 dpi to one PDF. Prints ``QGIS_SECONDS <s> PAGES <n>``.
"""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import (  # noqa: E402
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsColorRampShader,
    QgsCoordinateReferenceSystem,
    QgsFillSymbol,
    QgsLayoutExporter,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsPrintLayout,
    QgsProject,
    QgsRasterLayer,
    QgsRasterShader,
    QgsRendererCategory,
    QgsScaleBarSettings,
    QgsSingleBandPseudoColorRenderer,
    QgsUnitTypes,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QRectF  # noqa: E402
from qgis.PyQt.QtGui import QColor  # noqa: E402

P3_COLOURS = {"Sø": "#4f8fd6", "Mose": "#9c7aa8", "Eng": "#a8d67e", "Strandeng": "#5fb8a8",
              "Overdrev": "#e0c35a", "Hede": "#b05fa0"}
MM = QgsUnitTypes.LayoutMillimeters
#: The map frame (mm): about the size of naturplan's candidate map (186 x 137 mm).
FRAME = QRectF(12, 30, 186, 140)


def layers(sample: str, flood: str, candidates: str) -> list:
    parcels = QgsVectorLayer(f"{sample}|layername=jordstykke", "Jordstykker", "ogr")
    parcels.setRenderer(parcels.renderer().clone())
    parcels.renderer().setSymbol(QgsFillSymbol.createSimple(
        {"color": "0,0,0,0", "outline_color": "#666666", "outline_width": "0.1"}))
    p3 = QgsVectorLayer(f"{sample}|layername=beskyttede_naturtyper", "Beskyttet natur (§3)",
                        "ogr")
    cats = [QgsRendererCategory(v, QgsFillSymbol.createSimple(
        {"color": c, "outline_color": "#333333", "outline_width": "0.15"}), v)
        for v, c in P3_COLOURS.items()]
    p3.setRenderer(QgsCategorizedSymbolRenderer("Natyp_navn", cats))
    fl = QgsRasterLayer(flood, "Oversvømmelse (vanddybde)")
    ramp = QgsColorRampShader(0.05, 2.0)
    ramp.setColorRampType(QgsColorRampShader.Discrete)
    ramp.setColorRampItemList([  # dry land (< 0,05 m) is not drawn, as in naturplan's style
        QgsColorRampShader.ColorRampItem(0.05, QColor(0, 0, 0, 0), ""),
        QgsColorRampShader.ColorRampItem(0.25, QColor("#deebf7"), "0,05 m"),
        QgsColorRampShader.ColorRampItem(0.5, QColor("#9ecae1"), "0,25 m"),
        QgsColorRampShader.ColorRampItem(1.0, QColor("#4292c6"), "0,5 m"),
        QgsColorRampShader.ColorRampItem(2.0, QColor("#2171b5"), "1 m"),
        QgsColorRampShader.ColorRampItem(float("inf"), QColor("#08306b"), "2 m"),
    ])
    shader = QgsRasterShader()
    shader.setRasterShaderFunction(ramp)
    fl.setRenderer(QgsSingleBandPseudoColorRenderer(fl.dataProvider(), 1, shader))
    cand = QgsVectorLayer(candidates, "Kandidatområder", "ogr")
    cand.renderer().setSymbol(QgsFillSymbol.createSimple(
        {"color": "120,200,180,140", "outline_color": "#c2185b", "outline_width": "0.5"}))
    for layer in (parcels, p3, fl, cand):
        if not layer.isValid():
            raise SystemExit(f"QGIS cannot read layer {layer.name()}")
    return [cand, p3, fl, parcels]  # top first


def build(project: QgsProject, coverage: QgsVectorLayer) -> QgsPrintLayout:
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()  # one A4 page
    layout.pageCollection().page(0).setPageSize("A4", 0)  # portrait
    amap = QgsLayoutItemMap(layout)
    layout.addLayoutItem(amap)
    amap.setFrameEnabled(True)
    amap.setCrs(QgsCoordinateReferenceSystem("EPSG:25832"))
    amap.setAtlasDriven(True)
    amap.setAtlasScalingMode(QgsLayoutItemMap.Auto)
    amap.setAtlasMargin(0.35)
    amap.setKeepLayerSet(True)
    amap.attemptSetSceneRect(FRAME)
    label = QgsLayoutItemLabel(layout)
    layout.addLayoutItem(label)
    label.setText('[% "name" %] – [% format_number($area / 10000, 2) %] ha')
    label.attemptMove(QgsLayoutPoint(12, 12, MM))
    label.attemptResize(QgsLayoutSize(186, 14, MM))
    legend = QgsLayoutItemLegend(layout)
    layout.addLayoutItem(legend)
    legend.setLinkedMap(amap)
    legend.setLegendFilterByMapEnabled(True)
    legend.setResizeToContents(True)
    legend.attemptMove(QgsLayoutPoint(12, 176, MM))
    bar = QgsLayoutItemScaleBar(layout)
    layout.addLayoutItem(bar)
    bar.setStyle("Single Box")
    bar.setLinkedMap(amap)
    bar.setUnits(QgsUnitTypes.DistanceMeters)
    bar.setNumberOfSegments(2)
    bar.setNumberOfSegmentsLeft(0)
    bar.setSegmentSizeMode(QgsScaleBarSettings.SegmentSizeFitWidth)
    bar.setMinimumBarWidth(20)
    bar.setMaximumBarWidth(40)
    bar.setUnitLabel("m")
    bar.attemptMove(QgsLayoutPoint(14, 156, MM))
    arrow = QgsLayoutItemPicture(layout)
    layout.addLayoutItem(arrow)
    arrow.setPicturePath(QgsApplication.svgPaths()[0] + "/arrows/NorthArrow_02.svg")
    arrow.setLinkedMap(amap)
    arrow.setNorthMode(QgsLayoutItemPicture.GridNorth)
    arrow.attemptMove(QgsLayoutPoint(182, 32, MM))
    arrow.attemptResize(QgsLayoutSize(12, 16, MM))
    atlas = layout.atlas()
    atlas.setCoverageLayer(coverage)
    atlas.setEnabled(True)
    # QGIS 3.22's atlas resizes the map item to the feature's proportions (186 x 246 mm here):
    # back to the frame's size, keeping centre and scale, so both programs draw the same area
    atlas.featureChanged.connect(lambda _feature: amap.attemptSetSceneRect(FRAME))
    return layout


def amap_size(layout: QgsPrintLayout) -> str:
    for item in layout.items():
        if isinstance(item, QgsLayoutItemMap):
            s = item.sizeWithUnits()
            return f"{s.width():.0f}x{s.height():.0f}"
    return "?"


def main() -> None:
    sample, flood, candidates, out = sys.argv[1:5]
    app = QgsApplication([], False)
    app.initQgis()
    project = QgsProject.instance()
    project.setCrs(QgsCoordinateReferenceSystem("EPSG:25832"))
    stack = layers(sample, flood, candidates)
    for layer in stack:
        project.addMapLayer(layer)
    layout = build(project, stack[0])
    for item in layout.items():
        if isinstance(item, QgsLayoutItemMap):
            item.setLayers(stack)
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = 300
    settings.rasterizeWholeImage = False
    start = time.perf_counter()
    result, error = QgsLayoutExporter.exportToPdf(layout.atlas(), out, settings)
    seconds = time.perf_counter() - start
    if result != QgsLayoutExporter.Success:
        raise SystemExit(f"QGIS export failed: {result} {error}")
    size = amap_size(layout)
    print(f"QGIS_MAP_MM {size}", flush=True)
    print(f"QGIS_SECONDS {seconds:.2f} PAGES {layout.atlas().count()}", flush=True)
    app.exitQgis()


if __name__ == "__main__":
    main()
