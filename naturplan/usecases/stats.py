"""The numbers of ``naturplan stats``: a JSON document and a readable summary.

The JSON shape is a contract (issue 2):
``{"municipality": {"code", "name", "area_m2"}, "protected": {"roles", "area_m2", "share",
"by_type"}, "targets": [{"name", "share", "gap_m2"}], "layers": [{"role", "source",
"features", "synthetic"}]}``; more keys are fine. Issue 7 added ``"synthetic"`` (true when
the share is built from a synthetic layer), ``"synthetic_roles"`` (which protected roles) and
``"warnings"`` (``[{"code", "params", "message"}]``, see :mod:`naturplan.core.notices`).

Every word of the summary goes through the translation (context ``stats``, Danish by default).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from naturplan.core.notices import Notice, load_notices, share_notices
from naturplan.core.share.protected import ProtectedShare
from naturplan.io.datasets import MeasuredDataset
from naturplan.io.loading import LayerSummary
from naturplan.text.i18n import tr
from naturplan.text.notices import notices_json
from naturplan.text.numbers import format_ha, format_km2, format_percent, format_share

_CONTEXT = "stats"


def stats_document(
    measured: MeasuredDataset, project: str | Path | None = None, lang: str | None = None
) -> dict[str, Any]:
    """The protected share and its context as a JSON-ready dict (m², fractions).

    *measured* comes from :func:`naturplan.io.datasets.measure_dataset`; with *project* the
    projected share of its candidates is added (:mod:`naturplan.usecases.projected`). The
    warnings' ``message`` is in *lang* (Danish by default).

    Raises
    ------
    StoreError
        If *project* cannot be read as a naturplan project.
    """
    share, municipality = measured.share, measured.municipality
    synthetic = synthetic_roles(measured)
    doc: dict[str, Any] = {
        "municipality": {
            "code": municipality.code,
            "name": municipality.name,
            "area_m2": share.municipality_area_m2,
            "source": municipality.source.label,
            **({"catchment": True} if municipality.catchment else {}),
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
        "synthetic": bool(synthetic),
        "synthetic_roles": synthetic,
        "warnings": notices_json(measured_notices(measured), lang),
    }
    if project is not None:
        from naturplan.usecases.projected import projected_document

        projected_document(doc, municipality.geometry, share, measured.index, project)
    return doc


def measured_notices(measured: MeasuredDataset) -> list[Notice]:
    """What to tell the user besides the numbers: layers' left-out features, protected roles
    without a layer, protected layers with nothing inside the municipality."""
    out: list[Notice] = []
    for layer in measured.layers:
        out += load_notices(layer.role.value, layer.source.label, layer.report)
    name = measured.municipality.name or measured.municipality.code
    return out + share_notices(measured.share, name, measured.sample)


def synthetic_roles(measured: MeasuredDataset) -> list[str]:
    """The protected roles with a synthetic layer: the share is built from synthetic data."""
    roles = {role.value for role in measured.roles}
    return sorted({
        layer.role.value for layer in measured.layers
        if layer.source.synthetic and layer.role.value in roles
    })


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
        entry["dropped_types"] = dict(layer.report.dropped_types)
    return entry


def _title(doc: dict[str, Any], lang: str) -> str:
    """"Protected nature in Aalborg Municipality (0851)"; a plan area of several names them
    all ("… i Aalborg, Rebild og Vesthimmerland Kommuner (0851,0840,0820)"), a catchment
    its own name."""
    from naturplan.text.plan_area import CONTEXT, names_phrase

    m = doc["municipality"]
    if m.get("catchment"):
        area = m["name"]
    elif len(doc.get("municipalities") or []) > 1:
        area = names_phrase([e["name"] or e["code"] for e in doc["municipalities"]], lang)
    else:
        return tr(lang, _CONTEXT, "Protected nature in {name} Municipality ({code})",
                  name=m["name"], code=m["code"])
    return tr(lang, CONTEXT, "Protected nature in {area} ({code})", area=area, code=m["code"])


def _area_label(doc: dict[str, Any], lang: str) -> str:
    if doc["municipality"].get("catchment") or len(doc.get("municipalities") or []) > 1:
        return tr(lang, "area", "Plan area")
    return tr(lang, _CONTEXT, "Municipality area")


def stats_text(doc: dict[str, Any], lang: str = "da") -> str:
    """A readable summary of :func:`stats_document`'s output, in *lang*."""
    m, p = doc["municipality"], doc["protected"]

    def w(source: str, n: int | None = None, **params: Any) -> str:
        return tr(lang, _CONTEXT, source, n=n, **params)

    flag = f" — {w('synthetic sample')}" if doc.get("synthetic") else ""
    lines = [
        _title(doc, lang),
        f"  {_area_label(doc, lang)}: {format_km2(m['area_m2'], 1, lang)}",
        f"  {w('Protected nature')}: {format_share(p['share'], lang)} "
        f"({format_ha(p['area_m2'], 0, lang)}){flag}",
        f"  {w('Counts')}: {', '.join(p['roles'])}",
    ]
    if p["by_type"]:  # a heading with nothing under it is not printed
        heading = w("By nature type (each type on its own; overlaps counted once per type)")
        lines.append(f"  {heading}:")
        for name, area in p["by_type"].items():
            label = w("unknown") if name == "unknown" else name
            lines.append(
                f"    {label:<10} {format_ha(area, 0, lang):>12}  "
                f"{format_percent(area / m['area_m2'], 1, lang):>7}"
            )
    if doc["targets"]:
        lines.append(f"  {w('Targets')}:")
        for t in doc["targets"]:
            state = (
                w("reached (+{surplus})", surplus=format_ha(t["surplus_m2"], 0, lang))
                if t["reached"]
                else w("gap {gap}", gap=format_ha(t["gap_m2"], 0, lang))
            )
            lines.append(f"    {t['name']:<28} {state}")
    if "projected" in doc:
        pr = doc["projected"]
        lines.append(
            f"  {w('With candidate areas')}: {format_share(pr['share'], lang)} "
            f"({format_ha(pr['area_m2'], 0, lang)}){flag}"
        )
    lines.append(f"  {w('Layers')}:")
    for layer in doc["layers"]:
        mark = f"  [{w('synthetic sample')}]" if layer["synthetic"] else ""
        count = (w("{n} cells", n=layer["features"]) if layer.get("raster")
                 else w("{n} features", n=layer["features"]))
        lines.append(f"    {layer['role']:<13} {layer['source']:<48} {count:>18}{mark}")
    return "\n".join(lines)


def warning_lines(doc: dict[str, Any], lang: str = "da") -> list[str]:
    """One line per warning of :func:`stats_document`'s output, for stderr."""
    word = tr(lang, _CONTEXT, "warning")
    return [f"naturplan: {word}: {item['message']}" for item in doc.get("warnings", [])]
