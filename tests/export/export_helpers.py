"""Helpers of the export tests: the candidates of the test project and their known gains.

The project has candidates whose gain is known from a plain shapely computation: one that
half covers a §3 polygon, one away from protected nature, a corridor that does not count, a
rejected one, and one with hostile text in its name and note.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import box

from naturplan.core.layers.roles import Role
from naturplan.core.plan.candidates import Candidate

HOSTILE_NAME = "<script>window.__pwned=1</script>Ødelagt"
HOSTILE_NOTE = '"><img src=x onerror="window.__pwned=2">'


@dataclass
class Plan:
    """A project file and what the tests know about it."""

    path: Path
    candidates: list[Candidate]
    dataset: object
    protected_union: shapely.Geometry


def make_candidates(dataset) -> list[Candidate]:  # type: ignore[no-untyped-def]
    p3 = dataset.vector(Role.NATURE_P3)[0].frame
    muni = dataset.municipality.geometry
    areas = p3.geometry.area.to_numpy()
    inside = p3.geometry.within(muni).to_numpy()
    first = p3.geometry.iloc[int(np.argmax(np.where(inside, areas, 0)))]
    x0, y0, x1, y1 = first.bounds
    cx = (x0 + x1) / 2
    half_on_p3 = box(cx, y0 - 50, cx + (x1 - x0), y1 + 50)
    c = muni.representative_point()
    away = box(c.x - 300, c.y - 300, c.x + 300, c.y + 300)
    away = shapely.difference(away, shapely.union_all(p3.geometry.to_numpy()))
    if away.geom_type not in ("Polygon", "MultiPolygon"):
        away = shapely.make_valid(away)
    return [
        Candidate.new("lowland", half_on_p3, "Vådlægning ved Æbelø Å", note="Kulstofrig jord"),
        Candidate.new("afforestation", away, "Skovrejsning Ørum Sønderskov", status="proposed"),
        Candidate.new("connectivity", box(c.x + 2000, c.y, c.x + 2050, c.y + 1500),
                      "Korridor Ålborg Øst", status="adopted"),
        Candidate.new("lowland", box(c.x + 4000, c.y, c.x + 4400, c.y + 400),
                      "Afvist mose", status="rejected"),
        Candidate.new("afforestation", box(c.x - 4000, c.y, c.x - 3600, c.y + 400),
                      HOSTILE_NAME, note=HOSTILE_NOTE),
    ]


def expected_gain(plan: Plan, candidate: Candidate) -> float:
    """Gain by a plain shapely computation (the fixture's counting candidates do not overlap
    each other): the part inside the municipality and outside §3 nature."""
    if not candidate.counts_toward_target or candidate.status.value == "rejected":
        return 0.0
    inside = shapely.intersection(candidate.geometry, plan.dataset.municipality.geometry)
    return float(shapely.difference(inside, plan.protected_union).area)


COUNT_JS = """() => {
  const key = Object.keys(window).find(k => k.startsWith('map_') && window[k] instanceof L.Map);
  const map = window[key];
  const out = {};
  map.eachLayer(l => { if (l.naturplan) out[l.naturplan.title] = l.getLayers().length; });
  return {layers: out, overlays: document.querySelectorAll(
    '.leaflet-control-layers-overlays input').length};
}"""


def open_page(browser, path: Path):  # type: ignore[no-untyped-def]
    context = browser.new_context(offline=True, viewport={"width": 1280, "height": 860})
    page = context.new_page()
    errors: list[str] = []
    requests: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("request", lambda r: requests.append(r.url))
    page.goto(path.as_uri())
    page.wait_for_function("() => document.querySelectorAll('.leaflet-interactive, "
                           "canvas').length > 0")
    return context, page, errors, requests


