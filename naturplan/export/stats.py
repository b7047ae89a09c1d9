"""The numbers of ``naturplan stats``: a JSON document and a readable summary.

The JSON shape is a contract (issue 2):
``{"municipality": {"code", "name", "area_m2"}, "protected": {"roles", "area_m2", "share",
"by_type"}, "targets": [{"name", "share", "gap_m2"}], "layers": [{"role", "source",
"features", "synthetic"}]}``; more keys are fine.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from naturplan.core.share.protected import ProtectedShare
from naturplan.export.numbers import format_ha, format_km2, format_number, format_percent
from naturplan.io.datasets import MeasuredDataset
from naturplan.io.loading import LayerSummary


def stats_document(measured: MeasuredDataset, project: str | Path | None = None) -> dict[str, Any]:
    """The protected share and its context as a JSON-ready dict (m², fractions).

    *measured* comes from :func:`naturplan.io.datasets.measure_dataset`; with *project* the
    projected share of its candidates is added (:mod:`naturplan.export.projected`).

    Raises
    ------
    StoreError
        If *project* cannot be read as a naturplan project.
    """
    share, municipality = measured.share, measured.municipality
    doc: dict[str, Any] = {
        "municipality": {
            "code": municipality.code,
            "name": municipality.name,
            "area_m2": share.municipality_area_m2,
            "source": municipality.source.label,
        },
        "protected": _protected(share),
        "targets": [
            {
                "key": gap.target.key,
                "name": gap.target.name,
                "share": gap.target.share,
                "gap_m2": gap.gap_m2,
                "surplus_m2": gap.surplus_m2,
                "reached": gap.reached,
                "source": gap.target.source,
            }
            for gap in share.targets
        ],
        "layers": [_layer(layer) for layer in measured.layers],
    }
    if project is not None:
        from naturplan.export.projected import projected_document

        projected_document(doc, municipality.geometry, share, measured.index, project)
    return doc


def _protected(share: ProtectedShare) -> dict[str, Any]:
    return {
        "roles": list(share.roles),
        "area_m2": share.area_m2,
        "share": share.share,
        "by_type": dict(share.by_type),
        "by_role": dict(share.by_role),
        "definition": "area(union(protected roles) ∩ municipality) / area(municipality)",
    }


def _layer(layer: LayerSummary) -> dict[str, Any]:
    """One layer; ``repaired`` and ``dropped`` only for a layer whose features were read
    (the others are counted from their file's metadata)."""
    entry: dict[str, Any] = {
        "role": layer.role.value,
        "source": layer.source.label,
        "path": str(layer.source.path),
        "features": layer.features,
        "synthetic": layer.source.synthetic,
        "source_crs": layer.source.source_crs,
        "mapping": layer.source.mapping,
    }
    if layer.raster:
        entry["raster"] = True
    elif layer.report is not None:
        entry["repaired"] = layer.report.repaired
        entry["dropped"] = layer.report.dropped_empty + layer.report.dropped_non_polygon
    return entry


_WORDS = {
    "da": {
        "title": "Beskyttet natur i {name} Kommune ({code})",
        "area": "Kommunens areal",
        "protected": "Beskyttet natur",
        "roles": "Tæller med",
        "by_type": "Fordelt på naturtype (hver type for sig; overlap tælles én gang pr. type)",
        "targets": "Mål",
        "gap": "mangler {gap}",
        "reached": "nået (+{surplus})",
        "layers": "Lag",
        "synthetic": "syntetisk eksempel",
        "features": "objekter",
        "cells": "celler",
        "projected": "Med kandidatområder",
    },
    "en": {
        "title": "Protected nature in {name} Municipality ({code})",
        "area": "Municipality area",
        "protected": "Protected nature",
        "roles": "Counts",
        "by_type": "By nature type (each type on its own; overlaps counted once per type)",
        "targets": "Targets",
        "gap": "gap {gap}",
        "reached": "reached (+{surplus})",
        "layers": "Layers",
        "synthetic": "synthetic sample",
        "features": "features",
        "cells": "cells",
        "projected": "With candidate areas",
    },
}


def stats_text(doc: dict[str, Any], lang: str = "da") -> str:
    """A readable summary of :func:`stats_document`'s output."""
    w = _WORDS["da" if lang == "da" else "en"]
    m, p = doc["municipality"], doc["protected"]
    lines = [
        w["title"].format(name=m["name"], code=m["code"]),
        f"  {w['area']}: {format_km2(m['area_m2'], 1, lang)}",
        f"  {w['protected']}: {format_percent(p['share'], 1, lang)} "
        f"({format_ha(p['area_m2'], 0, lang)})",
        f"  {w['roles']}: {', '.join(p['roles'])}",
        f"  {w['by_type']}:",
    ]
    for name, area in p["by_type"].items():
        lines.append(
            f"    {name:<10} {format_ha(area, 0, lang):>12}  "
            f"{format_percent(area / m['area_m2'], 1, lang):>7}"
        )
    lines.append(f"  {w['targets']}:")
    for t in doc["targets"]:
        state = (
            w["reached"].format(surplus=format_ha(t["surplus_m2"], 0, lang))
            if t["reached"]
            else w["gap"].format(gap=format_ha(t["gap_m2"], 0, lang))
        )
        lines.append(f"    {t['name']:<28} {state}")
    if "projected" in doc:
        pr = doc["projected"]
        lines.append(
            f"  {w['projected']}: {format_percent(pr['share'], 1, lang)} "
            f"({format_ha(pr['area_m2'], 0, lang)})"
        )
    lines.append(f"  {w['layers']}:")
    for layer in doc["layers"]:
        flag = f"  [{w['synthetic']}]" if layer["synthetic"] else ""
        unit = w["cells"] if layer.get("raster") else w["features"]
        lines.append(
            f"    {layer['role']:<13} {layer['source']:<48} "
            f"{format_number(layer['features'], 0, lang):>10} {unit}{flag}"
        )
    return "\n".join(lines)
